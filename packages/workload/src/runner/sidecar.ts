/**
 * The entry of one sidecar cachelet: `node sidecar.js CONFIG_JSON`, forked by the runner — a
 * faastd for one instance, started with startDaemon (the same daemon as `faast daemon`). It
 * serves the app on a Unix socket and its peers on 127.0.0.1 (any free port), and joins the
 * app's ring through a `dir:` membership. Credentials come from the environment (AWS_*), never
 * from the command line. Exits on SIGTERM, or when the runner's IPC channel closes.
 */
import { createLogger, startDaemon, type Daemon } from '@faast/daemon';
import { membershipFrom } from '@faast/peer';
import { errorText, type ChildMessage } from './protocol';

/** The sidecar's configuration (argv[2], JSON). */
export interface SidecarConfig {
  app: string;
  socket: string;
  /** `dir:PATH` (or any --members spec). */
  members: string;
  capacityBytes: number;
  origin: { endpoint?: string; region?: string; checksums?: 'when-supported' | 'when-required' };
  logLevel: string;
  /** How long a graceful stop waits for calls in flight, ms. */
  shutdownTimeoutMs: number;
}

let daemon: Daemon | undefined;
let stopping = false;

function send(message: ChildMessage): void {
  if (process.connected) process.send!(message);
}

async function shutdown(config: SidecarConfig | undefined): Promise<void> {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(0), (config?.shutdownTimeoutMs ?? 1000) + 1000);
  force.unref();
  await daemon?.close().catch(() => undefined);
  process.exit(0);
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '') as SidecarConfig;
  process.on('SIGTERM', () => void shutdown(config));
  process.on('disconnect', () => void shutdown(config));
  const logger = createLogger(config.logLevel as Parameters<typeof createLogger>[0]);
  const membership = membershipFrom(config.members, {
    app: config.app,
    capacityBytes: config.capacityBytes,
    onError: (err) => logger.warn({ err: err.message }, 'membership error'),
  });
  daemon = await startDaemon({
    app: config.app,
    capacityBytes: config.capacityBytes,
    origin: config.origin,
    socket: config.socket,
    peerListen: '127.0.0.1:0',
    membership,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    logger,
  });
  if (stopping) return; // told to stop while starting: shutdown() closes it
  send({ type: 'ready', rss: process.memoryUsage.rss(), socket: daemon.socket, ...(daemon.peerAddress ? { peerAddress: daemon.peerAddress } : {}) });
}

main().catch((err: unknown) => {
  send({ type: 'init-error', error: `cachelet sidecar did not start: ${errorText(err)}` });
  setTimeout(() => process.exit(1), 50);
});
