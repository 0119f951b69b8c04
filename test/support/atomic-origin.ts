/**
 * Makes the S3 emulator's objects atomic, as S3's are, for tests that write and read the same
 * key concurrently.
 *
 * s3rver 3.7 (under @faast/emulator) writes an object in place, truncating the file first, and
 * answers a PUT before its write stream has flushed (FilesystemStore.putObject resolves on the
 * hashing transform's 'finish'). A GET that overlaps a PUT of its key — or comes right after
 * one — can return a torn object (the new version's first bytes, cut short, with a
 * Content-Length that matches the cut) or hang with a body shorter than its Content-Length
 * until the connection is reset (see test/emulator-atomicity.integ.test.ts). Real S3 never
 * does that: a GET returns one whole version, and a completed PUT is whole.
 *
 * This HTTP front puts a per-object readers/writer lock before the emulator's endpoint: GET and
 * HEAD share it, PUT, POST and DELETE of an object hold it alone (writers first, so they are
 * not starved), and a PUT is answered — and its lock released — only once the emulator's file
 * has its full length (polled with anonymous HEADs on the direct endpoint). Requests are
 * forwarded unchanged — Host included, which SigV4 covers. Requests that name no object
 * (bucket operations) pass straight through.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';
import type { S3Emulator } from '@faast/emulator';

export interface AtomicOrigin {
  /** The emulator as seen through the front: `endpoint` and `client()` go through the lock. */
  emulator: S3Emulator;
  /** Requests that had to wait for the lock (a sign that reads and writes did overlap). */
  waited(): number;
  close(): Promise<void>;
}

class RwLock {
  private readers = 0;
  private writer = false;
  private writersWaiting = 0;
  private waiters: (() => void)[] = [];

  async read(onWait: () => void): Promise<() => void> {
    if (this.writer || this.writersWaiting > 0) onWait();
    while (this.writer || this.writersWaiting > 0) await this.wait();
    this.readers++;
    return once(() => {
      this.readers--;
      this.wake();
    });
  }

  async write(onWait: () => void): Promise<() => void> {
    this.writersWaiting++;
    if (this.writer || this.readers > 0) onWait();
    while (this.writer || this.readers > 0) await this.wait();
    this.writersWaiting--;
    this.writer = true;
    return once(() => {
      this.writer = false;
      this.wake();
    });
  }

  private wait(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const resolve of w) resolve();
  }
}

function once(f: () => void): () => void {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      f();
    }
  };
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade', 'transfer-encoding'];

function strip(headers: http.IncomingHttpHeaders, extra: string[] = []): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = { ...headers };
  for (const name of [...HOP_BY_HOP, ...extra]) delete out[name];
  return out;
}

/** Resolves once an anonymous HEAD of `path` on the direct endpoint reports `length` bytes (at most 3 s). */
async function flushed(direct: URL, path: string, length: number): Promise<void> {
  const end = Date.now() + 3000;
  while (Date.now() < end) {
    const size = await new Promise<number>((resolve) => {
      const r = http.request({ host: direct.hostname, port: Number(direct.port), method: 'HEAD', path }, (res) => {
        res.resume();
        resolve(Number(res.headers['content-length'] ?? -1));
      });
      r.on('error', () => resolve(-1));
      r.end();
    });
    if (size === length) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export async function atomicOrigin(emulator: S3Emulator): Promise<AtomicOrigin> {
  const target = new URL(emulator.endpoint);
  const direct = new URL(emulator.directEndpoint);
  const agent = new http.Agent({ keepAlive: true });
  const locks = new Map<string, RwLock>();
  let waited = 0;
  const onWait = () => void waited++;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://front');
    // Path-style: /BUCKET/KEY...; no key: a bucket operation, not locked.
    const object = /^\/[^/]+\/.+/.test(url.pathname) ? decodeURIComponent(url.pathname) : undefined;
    const method = req.method ?? 'GET';
    let lock: RwLock | undefined;
    if (object) {
      lock = locks.get(object);
      if (!lock) locks.set(object, (lock = new RwLock()));
    }
    req.pause(); // an upload waits for the lock before it is forwarded
    const acquired: Promise<() => void> = !lock
      ? Promise.resolve(() => undefined)
      : method === 'GET' || method === 'HEAD'
        ? lock.read(onWait)
        : lock.write(onWait);
    void acquired.then((release) => {
      // Locks are kept (a few per test): dropping an idle one would strand woken waiters on it.
      const done = release;
      res.once('close', done);
      if (res.destroyed) return done();
      const upstream = http.request({
        host: target.hostname,
        port: Number(target.port),
        method,
        path: req.url,
        // `expect: 100-continue` was answered by this server already.
        headers: strip(req.headers, ['expect']),
        agent,
      });
      upstream.on('error', () => {
        if (!res.headersSent) {
          res.writeHead(502, { connection: 'close' });
          res.end();
        } else res.destroy();
      });
      res.once('close', () => {
        if (!res.writableFinished) upstream.destroy();
      });
      upstream.once('response', (up) => {
        const length = Number(req.headers['content-length']);
        if (method !== 'PUT' || !object || !(up.statusCode! >= 200 && up.statusCode! < 300) || !Number.isFinite(length)) {
          res.writeHead(up.statusCode ?? 502, up.statusMessage, strip(up.headers));
          pipeline(up, res, (err) => err && upstream.destroy());
          return;
        }
        // A PUT: answer once the object is whole on the emulator's disk.
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.once('end', () => {
          void flushed(direct, url.pathname, length).then(() => {
            res.writeHead(up.statusCode ?? 502, up.statusMessage, strip(up.headers));
            res.end(Buffer.concat(chunks));
          });
        });
        up.once('error', () => res.destroy());
      });
      req.resume();
      pipeline(req, upstream, () => undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clients = new Set<S3Client>();

  const front: S3Emulator = {
    endpoint,
    directEndpoint: emulator.directEndpoint,
    region: emulator.region,
    credentials: emulator.credentials,
    profile: emulator.profile,
    requests: () => emulator.requests(),
    resetCounters: () => emulator.resetCounters(),
    clientConfig: (options) => (options?.direct ? emulator.clientConfig(options) : { ...emulator.clientConfig(), endpoint }),
    client(options) {
      if (options?.direct) return emulator.client(options);
      const client = new S3Client({ ...emulator.clientConfig(), endpoint });
      clients.add(client);
      return client;
    },
    close: () => emulator.close(),
  };

  return {
    emulator: front,
    waited: () => waited,
    async close() {
      for (const c of clients) c.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      });
    },
  };
}
