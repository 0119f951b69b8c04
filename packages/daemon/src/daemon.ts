/**
 * faastd: one cachelet as a process. Serves the app plane (proto/faast/v1/app.proto) on a
 * Unix domain socket (mode 0600: only the application's user may read its cache) and
 * optionally on TCP; gRPC (health, stats, and the peer protocol) on `<socket>.grpc` and the
 * peer port; Prometheus metrics over HTTP; and shuts down gracefully.
 */
import * as fs from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { bulkSocketPath, Cachelet, ConfigError, grpcSocketPath, OriginHealth, type CacheletConfigInput, type Membership } from '@faast/core';
import { cacheService, healthService, peerService, SERVER_OPTIONS } from '@faast/rpc';
import { APP_PLANE_DEFAULTS, AppServer } from './app-server';
import type { AppPlaneOptions } from './app-connection';
import { resolveS3Region, S3Origin, type S3OriginOptions } from '@faast/s3';
import type { Logger } from 'pino';
import { HealthState } from './health';
import { createLogger } from './log';
import { cacheletRegistry, serveMetrics } from './metrics';
import { BulkServer, GrpcPeerConnector, peerHandlers } from '@faast/peer';
import { cacheHandlers } from './service';
import { prepareSocketPath } from './socket';

export interface DaemonOptions extends CacheletConfigInput {
  /** The origin: an S3 bucket (`bucket`, or none for any bucket) and how to reach it. */
  origin: S3OriginOptions;
  /** Unix domain socket path the application connects to. */
  socket: string;
  /** Also serve the app plane on TCP `host:port` (for clients that cannot share a socket). Default: none. */
  listen?: string;
  /** Keys one app connection may hold in its near cache; beyond, the oldest is invalidated. Default 100,000. */
  holderKeys?: number;
  /** How long a holder has to ack an invalidation before it is cut off, ms. Default 200. */
  holderTimeoutMs?: number;
  /** Serve the peer protocol on TCP `host:port` (port 0: any free port). Default: none (a solo cachelet). */
  peerListen?: string;
  /** The `host:port` peers use to reach this cachelet; also its member id. Default: the bound peer address. */
  advertise?: string;
  /** The application's members (static list or Redis registry). Default: this cachelet alone. */
  membership?: Membership;
  /** Serve Prometheus metrics on this port (0: any free port). Default: none. */
  metricsPort?: number;
  /** Address of the metrics server. Default 127.0.0.1. */
  metricsHost?: string;
  /**
   * Checking the origin at start (region, credentials, reachability): `strict` refuses to start
   * when it cannot work; `warn` starts and reports it (error log, health NOT_SERVING, stats)
   * until it recovers; `off` skips the checks (health then ignores the origin). Default `warn`.
   */
  originCheck?: OriginCheckMode;
  /** How long a graceful shutdown waits for calls in flight, ms. Default 5000. */
  shutdownTimeoutMs?: number;
  logger?: Logger;
}

/** See `DaemonOptions.originCheck`. */
export type OriginCheckMode = 'strict' | 'warn' | 'off';

/** The modes of `--origin-check`. */
export const ORIGIN_CHECK_MODES: readonly OriginCheckMode[] = ['strict', 'warn', 'off'];

export interface Daemon {
  readonly cachelet: Cachelet;
  /** The absolute socket path. */
  readonly socket: string;
  /** The app plane (for tests: holders). */
  readonly app: AppServer;
  /** `host:port` of the TCP listener, if any. */
  readonly tcpAddress: string | undefined;
  /** `host:port` of the peer listener as advertised (the member id), if any. */
  readonly peerAddress: string | undefined;
  /** `http://host:port` of the metrics server, if any. */
  readonly metricsUrl: string | undefined;
  /** Drains (health NOT_SERVING, refuse new reads), waits for calls in flight, then stops. */
  close(): Promise<void>;
}

export async function startDaemon(options: DaemonOptions): Promise<Daemon> {
  const log = options.logger ?? createLogger();
  // Bad flags are reported before the origin is asked anything.
  const socket = await prepareSocketPath(options.socket);
  const { region, from: regionFrom } = await resolveS3Region(options.origin.region);
  const origin = new S3Origin({ ...options.origin, region });
  const health = new HealthState();
  const checkMode = options.originCheck ?? 'warn';
  // Changes are logged once the start check is over (strict: its failure is the one line printed).
  let started = false;
  const unusable = (error: string): void => log.error({ origin: origin.id, err: error }, 'origin unusable: reads go to the origin directly until it recovers');
  const originHealth = new OriginHealth({
    ...(checkMode !== 'off' ? { probe: (signal: AbortSignal) => origin.check(signal) } : {}),
    onChange: (healthy, error) => {
      if (started && healthy) log.info({ origin: origin.id }, 'origin usable again');
      else if (started) unusable(error);
      if (checkMode !== 'off') health.setOriginUsable(healthy);
    },
  });
  const problem = await originHealth.check();
  if (problem && checkMode === 'strict') {
    originHealth.stop();
    origin.destroy();
    throw new ConfigError('--origin-check strict', `the origin cannot be used: ${problem}`);
  }
  if (problem) unusable(problem);
  started = true;
  // Requests are refused (UNAVAILABLE) until the cachelet has joined its ring.
  let draining = true;
  let ready = false;
  const inFlight = { count: 0 };

  // The cachelet is created once the peer port is bound: its member id is the advertised address.
  // eslint-disable-next-line prefer-const
  let cachelet: Cachelet;
  const server = new Server(SERVER_OPTIONS);
  let bulk: BulkServer;
  let peerBulk: BulkServer | undefined;
  const serviceOptions = {
    get cachelet() {
      return cachelet;
    },
    bucket: options.origin.bucket,
    draining: () => draining,
    ready: () => ready,
    inFlight,
    get bulk() {
      return bulk;
    },
    get peerBulk() {
      return peerBulk;
    },
    onError: (method: string, err: unknown) => log.warn({ method, err: (err as Error).message }, 'request failed'),
  };
  server.addService(cacheService().service, cacheHandlers(serviceOptions));
  // The same getters as the services' options (copied as descriptors: the cachelet and the
  // bulk server exist only later), plus the app plane's own limits.
  const appOptions = Object.defineProperties(
    {
      holderKeys: options.holderKeys ?? APP_PLANE_DEFAULTS.holderKeys,
      holderTimeoutMs: options.holderTimeoutMs ?? APP_PLANE_DEFAULTS.holderTimeoutMs,
      maxInFlight: APP_PLANE_DEFAULTS.maxInFlight,
    },
    Object.getOwnPropertyDescriptors(serviceOptions),
  ) as AppPlaneOptions;
  const app = new AppServer(appOptions);
  server.addService(peerService().service, peerHandlers(serviceOptions));
  server.addService(healthService().service, health.handlers());

  // The sockets are created with mode 0600 (umask during bind) so no other user can connect in between.
  const grpcSocket = grpcSocketPath(socket);
  fs.rmSync(grpcSocket, { force: true });
  const umask = process.umask(0o177);
  try {
    await app.listenUnix(socket);
    await bind(server, `unix:${grpcSocket}`, '--socket');
  } catch (err) {
    await app.close();
    throw err instanceof ConfigError ? err : new ConfigError('--socket', `cannot listen on '${socket}': ${(err as Error).message}`);
  } finally {
    process.umask(umask);
  }
  fs.chmodSync(grpcSocket, 0o600);
  try {
    bulk = await BulkServer.listen(bulkSocketPath(socket));
  } catch (err) {
    server.forceShutdown();
    await app.close();
    throw new ConfigError('--socket', `cannot listen on '${bulkSocketPath(socket)}': ${(err as Error).message}`);
  }
  // A start that fails from here on stops every listener.
  const abort = (): void => {
    server.forceShutdown();
    void app.close();
    void bulk.close();
    void peerBulk?.close();
    originHealth.stop();
    origin.destroy();
  };
  let tcpAddress: string | undefined;
  if (options.listen) {
    const m = /^(.*):(\d+)$/.exec(options.listen);
    try {
      if (!m) throw new Error('expected host:port');
      const port = await app.listenTcp(m[1]!, Number(m[2]));
      tcpAddress = `${m[1]}:${port}`;
    } catch (err) {
      abort();
      throw new ConfigError('--listen', `cannot listen on '${options.listen}': ${(err as Error).message}`);
    }
  }
  let peerAddress: string | undefined;
  if (options.peerListen) {
    const port = await bind(server, options.peerListen, '--peer-listen');
    peerAddress = options.advertise ?? options.peerListen.replace(/:\d+$/, `:${port}`);
    const host = options.peerListen.replace(/:\d+$/, '');
    try {
      peerBulk = await BulkServer.listenTcp(host);
    } catch (err) {
      abort();
      throw new ConfigError('--peer-listen', `cannot listen for chunk transfers on '${host}': ${(err as Error).message}`);
    }
    if (/^(0\.0\.0\.0|\[::\]):/.test(peerAddress)) {
      abort();
      throw new ConfigError('--advertise', `peers cannot reach ${peerAddress}: give the address they should use`);
    }
  } else if (options.membership) {
    abort();
    throw new ConfigError('--peer-listen', 'is required with --members (peers must be able to reach this cachelet)');
  }
  const capacityBytes = options.capacityBytes;
  cachelet = new Cachelet({
    ...options,
    origin,
    originHealth,
    ...(peerAddress ? { self: { id: peerAddress, address: peerAddress, capacityBytes: capacityBytes ?? 256 * 2 ** 20 } } : {}),
    ...(options.membership ? { membership: options.membership, peers: new GrpcPeerConnector() } : {}),
  });
  // Near caches are told of every change before the write that made it is acknowledged.
  cachelet.onChange((change) => app.changed(change));
  try {
    await cachelet.start();
  } catch (err) {
    abort();
    throw err;
  }

  let metrics: HttpServer | undefined;
  let metricsUrl: string | undefined;
  if (options.metricsPort !== undefined) {
    const host = options.metricsHost ?? '127.0.0.1';
    try {
      metrics = await serveMetrics(cacheletRegistry(cachelet), options.metricsPort, host, () => health.isServing);
    } catch (err) {
      abort();
      await cachelet.stop().catch(() => undefined);
      throw new ConfigError('--metrics-port', `cannot listen on ${host}:${options.metricsPort}: ${(err as Error).message}`);
    }
    const addr = metrics.address();
    metricsUrl = `http://${host}:${typeof addr === 'object' && addr ? addr.port : options.metricsPort}`;
  }

  ready = true;
  draining = false;
  health.serve();
  log.info(
    {
      app: cachelet.config.app,
      origin: origin.id,
      bucket: options.origin.bucket ?? '*',
      region,
      regionFrom,
      originCheck: checkMode,
      originHealthy: originHealth.healthy,
      socket,
      tcp: tcpAddress,
      peer: peerAddress,
      members: cachelet.peering.members.map((m) => m.id),
      metrics: metricsUrl,
      capacityBytes: cachelet.config.capacityBytes,
    },
    'cachelet started',
  );

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      // Reads are refused from now on (the app reads storage); write notices are still taken
      // and passed on to their owners until the calls in flight are done.
      draining = true;
      health.drain();
      // Leave the ring first, so peers stop sending reads here.
      await cachelet.leave().catch((err: Error) => log.warn({ err: err.message }, 'leaving the ring failed'));
      const deadline = Date.now() + (options.shutdownTimeoutMs ?? 5000);
      while (inFlight.count > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await app.close();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, options.shutdownTimeoutMs ?? 5000);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      await bulk.close();
      await peerBulk?.close();
      await cachelet.stop().catch(() => undefined);
      await new Promise<void>((resolve) => (metrics ? metrics.close(() => resolve()) : resolve()));
      metrics?.closeAllConnections();
      fs.rmSync(socket, { force: true });
      fs.rmSync(grpcSocket, { force: true });
      origin.destroy();
      log.info({ stats: cachelet.stats() }, 'cachelet stopped');
    })());

  return { cachelet, socket, app, tcpAddress, peerAddress, metricsUrl, close };
}

function bind(server: Server, address: string, option: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(address, ServerCredentials.createInsecure(), (err, port) => {
      if (err) reject(new ConfigError(option, `cannot listen on '${address.replace(/^unix:/, '')}': ${err.message}`));
      else resolve(port);
    });
  });
}
