import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import { RequestCounters } from './counters';
import { BandwidthPacer } from './pacer';
import type { RemoteProfile } from './profile';

/** Options of {@link startProfileProxy}. */
export interface ProfileProxyOptions {
  /** The server requests are forwarded to (the s3rver). */
  target: { host: string; port: number };
  /** Latency and bandwidth added to every response. */
  profile: RemoteProfile;
  /** Interface the proxy listens on. */
  host: string;
  /** Port the proxy listens on; 0 (the default) lets the OS choose. */
  port?: number;
  /** Where requests and response bytes are counted. Default: new counters. */
  counters?: RequestCounters;
}

/** A running proxy that makes a loopback server look like a remote one. */
export interface ProfileProxy {
  /** The port the proxy listens on. */
  readonly port: number;
  /** Requests that went through the proxy and the response bytes it sent. */
  readonly counters: RequestCounters;
  /** Stops listening, drops open connections (aborting their upstream requests). Idempotent. */
  close(): Promise<void>;
}

/**
 * Headers that describe one hop, not the message (RFC 9110 §7.6.1), plus `expect`: this proxy
 * has already answered `100-continue` to the client. None of them is covered by SigV4, so
 * dropping them keeps the client's signature valid.
 */
const HOP_BY_HOP_REQUEST = ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade', 'expect'];
/** `transfer-encoding` too: Node frames the body it writes to the client itself. */
const HOP_BY_HOP_RESPONSE = ['connection', 'keep-alive', 'proxy-connection', 'trailer', 'upgrade', 'transfer-encoding'];

function withoutHopByHop(headers: http.IncomingHttpHeaders, hopByHop: string[]): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = { ...headers };
  // Headers named in `Connection` are hop-by-hop as well.
  const named = String(headers.connection ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  for (const name of [...hopByHop, ...named]) delete out[name];
  return out;
}

/**
 * Starts an HTTP proxy on `host` (`port`, default any free one) in front of `target` that applies a
 * {@link RemoteProfile}: it forwards each request unchanged (method, path, headers — including
 * `Host`, which the client signed), waits `firstByteLatencyMs` after the upstream response head
 * arrives, then sends the body paced at `bandwidthBytesPerSec`. With both at 0 it pipes
 * straight through.
 *
 * Request bodies (uploads) are not throttled: the profile models reads from the origin.
 */
export async function startProfileProxy(options: ProfileProxyOptions): Promise<ProfileProxy> {
  const { target, profile } = options;
  const counters = options.counters ?? new RequestCounters();
  // Keep-alive to the origin, like an SDK's connection pool: no TCP handshake per request.
  const agent = new http.Agent({ keepAlive: true });

  const server = http.createServer((req, res) => {
    const countBytesOut = counters.countRequest(req.method ?? 'GET', req.url, req.headers.range);
    let latencyTimer: NodeJS.Timeout | undefined;

    const upstreamReq = http.request({
      host: target.host,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: withoutHopByHop(req.headers, HOP_BY_HOP_REQUEST),
      agent,
    });

    // The client went away (or the proxy is closing) before its response was complete: stop
    // the origin's work too, as a real origin would see the connection drop.
    res.once('close', () => {
      clearTimeout(latencyTimer);
      latencyTimer = undefined;
      if (!res.writableFinished) upstreamReq.destroy();
    });
    req.on('error', () => upstreamReq.destroy());
    upstreamReq.on('error', () => failResponse(res));
    req.pipe(upstreamReq);

    upstreamReq.once('response', (upstreamRes) => {
      let upstreamFailed = false;
      // Errors before the body is piped (e.g. during the latency wait) would otherwise be
      // unhandled and crash the process; pipeline() handles the ones after.
      upstreamRes.on('error', () => {
        upstreamFailed = true;
        if (latencyTimer !== undefined) {
          clearTimeout(latencyTimer);
          latencyTimer = undefined;
          failResponse(res);
        }
      });

      const respond = (): void => {
        latencyTimer = undefined;
        if (upstreamFailed) return failResponse(res);
        if (res.destroyed) return void upstreamRes.destroy();
        res.writeHead(
          upstreamRes.statusCode ?? 502,
          upstreamRes.statusMessage,
          withoutHopByHop(upstreamRes.headers, HOP_BY_HOP_RESPONSE),
        );
        const onDone = (err: Error | null): void => {
          // pipeline() has destroyed every stream already; the upstream connection is not
          // reused after an error, and the client sees a truncated body rather than a lie.
          if (err) upstreamReq.destroy();
        };
        let toClient: Readable = upstreamRes;
        if (profile.bandwidthBytesPerSec > 0) {
          const pacer = new BandwidthPacer(profile.bandwidthBytesPerSec);
          toClient = pacer;
          pipeline(upstreamRes, pacer, res, onDone);
        } else {
          pipeline(upstreamRes, res, onDone);
        }
        // Egress is what leaves the origin towards the client, after pacing.
        toClient.on('data', (chunk: Buffer) => countBytesOut(chunk.length));
      };

      if (profile.firstByteLatencyMs > 0) latencyTimer = setTimeout(respond, profile.firstByteLatencyMs);
      else respond();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    port,
    counters,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // close() only stops accepting; keep-alive and in-flight connections are ours to end.
        server.closeAllConnections();
        agent.destroy();
      });
      return closing;
    },
  };
}

/** Ends a response whose upstream failed: 502 if nothing was sent yet, else cut it short. */
function failResponse(res: http.ServerResponse): void {
  if (res.destroyed || res.writableEnded) return;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = 'Bad Gateway: the emulated origin failed\n';
  res.writeHead(502, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    // The request body may be half read; do not reuse this connection.
    connection: 'close',
  });
  res.end(body);
}
