import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { NO_LATENCY_PROFILE, type RemoteProfile } from '../src/profile';
import { startProfileProxy, type ProfileProxy } from '../src/profile-proxy';

/**
 * The proxy against a plain node:http upstream, where the tests can see what the origin sees:
 * headers, aborts, how much it managed to write.
 */

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

interface Upstream {
  port: number;
  setHandler(handler: Handler): void;
  close(): Promise<void>;
}

async function startUpstream(): Promise<Upstream> {
  let handler: Handler = (_req, res) => res.end('ok');
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    setHandler: (h) => (handler = h),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request with its own connection (no agent), so tests do not share sockets. */
function request(port: number, options: http.RequestOptions = {}, body?: Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, agent: false, ...options }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('profile proxy', () => {
  let upstream: Upstream;
  const proxies: ProfileProxy[] = [];
  const start = async (profile: RemoteProfile, port = upstream.port): Promise<ProfileProxy> => {
    const proxy = await startProfileProxy({ target: { host: '127.0.0.1', port }, profile, host: '127.0.0.1' });
    proxies.push(proxy);
    return proxy;
  };

  beforeAll(async () => {
    upstream = await startUpstream();
  });
  afterEach(async () => {
    await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
  });
  afterAll(async () => {
    await upstream.close();
  });

  it('forwards method, path, query, headers (Host included) and body unchanged', async () => {
    let seen: { method?: string; url?: string; headers?: http.IncomingHttpHeaders; body?: Buffer } = {};
    upstream.setHandler((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) };
        res.writeHead(201, { 'x-amz-request-id': 'r1', etag: '"abc"' });
        res.end('created');
      });
    });
    const proxy = await start(NO_LATENCY_PROFILE);
    const reply = await request(
      proxy.port,
      { method: 'PUT', path: '/bucket/a%20key?x-id=PutObject', headers: { host: 'signed.example:1234', 'x-amz-date': '20260101T000000Z' } },
      Buffer.from('payload'),
    );
    expect(reply.status).toBe(201);
    expect(reply.headers['x-amz-request-id']).toBe('r1');
    expect(reply.headers.etag).toBe('"abc"');
    expect(reply.body.toString()).toBe('created');
    expect(seen.method).toBe('PUT');
    expect(seen.url).toBe('/bucket/a%20key?x-id=PutObject');
    expect(seen.headers?.host).toBe('signed.example:1234');
    expect(seen.headers?.['x-amz-date']).toBe('20260101T000000Z');
    expect(seen.body?.toString()).toBe('payload');
    expect(proxy.counters.snapshot()).toEqual({
      total: 1,
      byMethod: { PUT: 1 },
      bytesOut: 7,
      byBucket: { bucket: { requests: 1, byMethod: { PUT: 1 }, objectGets: 0, bytesOut: 7 } },
    });
  });

  it('answers 502 when the origin is unreachable, and keeps serving', async () => {
    const closed = await startUpstream();
    const deadPort = closed.port;
    await closed.close();
    const dead = await start(NO_LATENCY_PROFILE, deadPort);
    const reply = await request(dead.port, { path: '/b/k' });
    expect(reply.status).toBe(502);
    expect((await request(dead.port, { path: '/b/k' })).status).toBe(502);
  });

  it('adds the first-byte latency to every response', async () => {
    upstream.setHandler((_req, res) => res.end('x'));
    const proxy = await start({ firstByteLatencyMs: 80, bandwidthBytesPerSec: 0 });
    const started = performance.now();
    const reply = await request(proxy.port, { method: 'HEAD', path: '/b/k' });
    expect(reply.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(80);
  });

  it.each([
    ['direct pipe', NO_LATENCY_PROFILE],
    ['paced', { firstByteLatencyMs: 0, bandwidthBytesPerSec: 1e9 }],
  ])('aborts the upstream request when the client disconnects (%s)', async (_name, profile) => {
    const upstreamClosed = new Promise<boolean>((resolve) => {
      upstream.setHandler((_req, res) => {
        res.writeHead(200, { 'content-length': 100 * 1024 * 1024 });
        // Trickle forever; only the abort can end this response.
        const timer = setInterval(() => res.write(Buffer.alloc(1024)), 5);
        res.on('close', () => {
          clearInterval(timer);
          resolve(res.writableFinished);
        });
      });
    });
    const proxy = await start(profile);
    await new Promise<void>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: proxy.port, path: '/b/big', agent: false }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => undefined);
      req.once('error', reject);
      req.end();
    });
    expect(await upstreamClosed).toBe(false);
    upstream.setHandler((_req, res) => res.end('still alive'));
    expect((await request(proxy.port, { path: '/b/k' })).body.toString()).toBe('still alive');
  });

  it('aborts the upstream request when the client disconnects during the latency wait', async () => {
    const upstreamClosed = new Promise<boolean>((resolve) => {
      upstream.setHandler((_req, res) => {
        res.writeHead(200, { 'content-length': 10 });
        res.write('12345');
        res.on('close', () => resolve(res.writableFinished));
      });
    });
    const proxy = await start({ firstByteLatencyMs: 10_000, bandwidthBytesPerSec: 0 });
    const req = http.request({ host: '127.0.0.1', port: proxy.port, path: '/b/k', agent: false });
    req.on('error', () => undefined);
    req.end();
    await sleep(100);
    req.destroy();
    expect(await upstreamClosed).toBe(false);
  });

  it('cuts the client response short when the origin fails mid-body', async () => {
    upstream.setHandler((req, res) => {
      res.writeHead(200, { 'content-length': 1000 });
      res.write(Buffer.alloc(100));
      setTimeout(() => req.socket.destroy(), 20);
    });
    const proxy = await start(NO_LATENCY_PROFILE);
    await expect(request(proxy.port, { path: '/b/k' })).rejects.toThrow();
    upstream.setHandler((_req, res) => res.end('ok'));
    expect((await request(proxy.port, { path: '/b/k' })).status).toBe(200);
  });

  it.each([
    ['direct pipe', NO_LATENCY_PROFILE],
    ['paced', { firstByteLatencyMs: 0, bandwidthBytesPerSec: 1e9 }],
  ])('lets a stalled client stall the origin (%s)', async (_name, profile) => {
    const total = 256 * 1024 * 1024;
    let written = 0;
    let upstreamRes: http.ServerResponse | undefined;
    upstream.setHandler((_req, res) => {
      upstreamRes = res;
      res.writeHead(200, { 'content-length': total });
      const chunk = Buffer.alloc(64 * 1024);
      const pump = (): void => {
        while (written < total) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const proxy = await start(profile);
    const req = http.request({ host: '127.0.0.1', port: proxy.port, path: '/b/big', agent: false }, (res) => {
      res.pause(); // read nothing
    });
    req.on('error', () => undefined);
    req.end();
    await sleep(400);
    // Only socket buffers (a few MB each on loopback) may hold data; not the whole body.
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(64 * 1024 * 1024);
    req.destroy();
    upstreamRes?.destroy();
  });
});
