/**
 * A recording front for the S3 emulator: an HTTP proxy before its (counted) endpoint that logs
 * every request's method, object path and the headers that matter to ranged and conditional
 * reads (Range, If-Match, If-None-Match) with the status answered — what the emulator's own
 * counters (requests by method) cannot tell. Requests are forwarded unchanged (Host included,
 * which SigV4 covers); bodies are piped both ways.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';
import type { S3Emulator } from '@faast/emulator';

export interface RecordedRequest {
  method: string;
  /** The decoded path, `/bucket/key` (no query). */
  path: string;
  range: string | undefined;
  ifMatch: string | undefined;
  ifNoneMatch: string | undefined;
  /** The status the emulator answered (0 until the answer's head arrived). */
  status: number;
}

export interface RecordingOrigin {
  /** The emulator as seen through the front: `endpoint` and `client()` are recorded. */
  emulator: S3Emulator;
  readonly requests: RecordedRequest[];
  /** Recorded requests of one object (`key` without the bucket) and, optionally, one method. */
  of(key: string, method?: string): RecordedRequest[];
  clear(): void;
  close(): Promise<void>;
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade', 'transfer-encoding'];

function strip(headers: http.IncomingHttpHeaders, extra: string[] = []): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = { ...headers };
  for (const name of [...HOP_BY_HOP, ...extra]) delete out[name];
  return out;
}

const header = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v.join(',') : v);

export async function recordingOrigin(emulator: S3Emulator): Promise<RecordingOrigin> {
  const target = new URL(emulator.endpoint);
  const agent = new http.Agent({ keepAlive: true });
  const requests: RecordedRequest[] = [];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://front');
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      range: header(req.headers['range']),
      ifMatch: header(req.headers['if-match']),
      ifNoneMatch: header(req.headers['if-none-match']),
      status: 0,
    };
    requests.push(record);
    const upstream = http.request({
      host: target.hostname,
      port: Number(target.port),
      method: record.method,
      path: req.url,
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
      record.status = up.statusCode ?? 0;
      res.writeHead(up.statusCode ?? 502, up.statusMessage, strip(up.headers));
      pipeline(up, res, (err) => err && upstream.destroy());
    });
    pipeline(req, upstream, () => undefined);
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
    requests,
    of: (key, method) => requests.filter((r) => r.path.endsWith(`/${key}`) && (method === undefined || r.method === method)),
    clear: () => void requests.splice(0),
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
