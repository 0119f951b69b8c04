/**
 * Per-app origin counts. The emulator counts what reaches the origin in total (requests by
 * method, bytes sent); a replay also needs them per app. Each replayed app has its own bucket,
 * and every instance and cachelet talks to the origin through this tap: a pass-through HTTP
 * proxy in front of the emulator's (profiled, counted) endpoint that counts requests per
 * bucket — the first path segment, as clients use path-style addressing.
 *
 * This is the only place that sees every origin request with its bucket whatever baseline
 * makes it: with Faa$T the origin reads are made by cachelets (embedded in another instance of
 * the app, or a sidecar process), never visible to the invocation that caused them.
 *
 * Requests are forwarded unchanged — method, path, headers including `Host`, which the client
 * signed — so signatures stay valid. The emulator's own counters stay the authority for
 * totals; the sum over buckets here equals them (a test checks it).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BucketCounts {
  /** Every request for the bucket (objects and the bucket itself). */
  requests: number;
  byMethod: Record<string, number>;
  /**
   * GETs of a whole object (no `Range` header): one per read that went to the origin. A
   * cachelet reading a large object in chunks makes one such GET (for the version) and
   * ranged GETs for the chunks, counted in `requests` only.
   */
  objectGets: number;
  /** Response body bytes sent to clients. */
  bytesOut: number;
}

export interface OriginTap {
  /** `http://127.0.0.1:PORT`: give this to clients instead of the target. */
  readonly endpoint: string;
  /** A snapshot per bucket. */
  counts(): Map<string, BucketCounts>;
  reset(): void;
  close(): Promise<void>;
}

const HOP_BY_HOP_REQUEST = ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade', 'expect'];
const HOP_BY_HOP_RESPONSE = ['connection', 'keep-alive', 'proxy-connection', 'trailer', 'upgrade', 'transfer-encoding'];

function withoutHopByHop(headers: http.IncomingHttpHeaders, hopByHop: string[]): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = { ...headers };
  const named = String(headers.connection ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  for (const name of [...hopByHop, ...named]) delete out[name];
  return out;
}

/** The bucket and whether the path names an object, from a path-style URL (`/bucket/key?query`). */
export function bucketOf(url: string): { bucket: string; object: boolean } {
  const pathname = url.split('?', 1)[0]!;
  const slash = pathname.indexOf('/', 1);
  const raw = slash < 0 ? pathname.slice(1) : pathname.slice(1, slash);
  let bucket = raw;
  try {
    bucket = decodeURIComponent(raw);
  } catch {
    // Keep it as sent.
  }
  return { bucket, object: slash >= 0 && slash < pathname.length - 1 };
}

/** Starts a counting proxy on 127.0.0.1 (port 0) in front of `target` (an http:// endpoint). */
export async function startOriginTap(target: string): Promise<OriginTap> {
  const url = new URL(target);
  if (url.protocol !== 'http:') throw new Error(`origin tap: only http:// targets, got ${target}`);
  const agent = new http.Agent({ keepAlive: true });
  const counts = new Map<string, BucketCounts>();
  const countsOf = (bucket: string): BucketCounts => {
    let c = counts.get(bucket);
    if (!c) counts.set(bucket, (c = { requests: 0, byMethod: {}, objectGets: 0, bytesOut: 0 }));
    return c;
  };

  const server = http.createServer((req, res) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const { bucket, object } = bucketOf(req.url ?? '/');
    const c = countsOf(bucket);
    c.requests++;
    c.byMethod[method] = (c.byMethod[method] ?? 0) + 1;
    if (method === 'GET' && object && req.headers.range === undefined) c.objectGets++;

    const upstream = http.request({
      host: url.hostname,
      port: url.port,
      method: req.method,
      path: req.url,
      headers: withoutHopByHop(req.headers, HOP_BY_HOP_REQUEST),
      agent,
    });
    res.once('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.on('error', () => upstream.destroy());
    upstream.on('error', () => fail(res));
    req.pipe(upstream);
    upstream.once('response', (up) => {
      res.writeHead(up.statusCode ?? 502, up.statusMessage, withoutHopByHop(up.headers, HOP_BY_HOP_RESPONSE));
      up.on('data', (chunk: Buffer) => {
        c.bytesOut += chunk.length;
        if (!res.write(chunk)) {
          up.pause();
          res.once('drain', () => up.resume());
        }
      });
      up.once('end', () => res.end());
      up.once('error', () => res.destroy());
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    counts: () => new Map([...counts].map(([b, c]) => [b, { ...c, byMethod: { ...c.byMethod } }])),
    reset: () => {
      // In place: requests in progress keep counting into their bucket's entry.
      for (const c of counts.values()) Object.assign(c, { requests: 0, byMethod: {}, objectGets: 0, bytesOut: 0 });
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      });
      return closing;
    },
  };
}

function fail(res: http.ServerResponse): void {
  if (res.destroyed || res.writableEnded) return;
  if (res.headersSent) return void res.destroy();
  const body = 'Bad Gateway: the origin tap could not reach the origin\n';
  res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' });
  res.end(body);
}
