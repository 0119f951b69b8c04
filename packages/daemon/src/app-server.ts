/**
 * The app plane's listeners: the Unix socket (mode 0600) and, optionally, a TCP port, both
 * speaking the frames of proto/faast/v1/app.proto; and the fan-out of the cachelet's changes
 * to the connections that hold the changed objects.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import type { CacheletChange } from '@faast/core';
import { AppConnection, type AppPlaneOptions } from './app-connection';
import { ChangeCounter } from './holders';

/** Defaults of the app plane's limits. */
export const APP_PLANE_DEFAULTS = {
  /** Keys one connection may hold in its near cache (`--holder-keys`). */
  holderKeys: 100_000,
  /** How long a holder has to ack an invalidation before it is cut off, ms (`--holder-timeout`). */
  holderTimeoutMs: 200,
  /** Requests in flight on one connection. */
  maxInFlight: 1024,
} as const;

export class AppServer {
  private readonly servers: net.Server[] = [];
  private readonly connections = new Set<AppConnection>();
  /** Change counters of keys with reads in flight, shared by every connection. */
  readonly changes = new ChangeCounter();

  constructor(private readonly options: AppPlaneOptions) {}

  /** Listens on a Unix socket path, created with mode 0600 (only the app's user may connect). */
  async listenUnix(path: string): Promise<void> {
    const server = net.createServer((socket) => this.accept(socket, true));
    const umask = process.umask(0o177);
    try {
      await listen(server, () => server.listen(path));
    } finally {
      process.umask(umask);
    }
    fs.chmodSync(path, 0o600);
    this.servers.push(server);
  }

  /** Listens on TCP `host:port`; returns the bound port. */
  async listenTcp(host: string, port: number): Promise<number> {
    const server = net.createServer({ noDelay: true }, (socket) => this.accept(socket, false));
    await listen(server, () => server.listen(port, host.replace(/^\[(.*)\]$/, '$1')));
    this.servers.push(server);
    return (server.address() as net.AddressInfo).port;
  }

  /**
   * Tells every connection that holds a changed object, and waits until each acked or was
   * cut off: a write is acknowledged only after the holders of the old version were told.
   */
  async changed(change: CacheletChange): Promise<void> {
    if ('all' in change) this.changes.changedAll();
    const keys = 'all' in change ? 'all' : change.refs.map((r) => `${r.bucket}/${r.key}`);
    if (keys !== 'all') this.changes.changed(keys);
    await Promise.all([...this.connections].map((c) => c.invalidate(keys)));
  }

  /** Keys held by all connections (for tests and stats). */
  get heldKeys(): number {
    let n = 0;
    for (const c of this.connections) n += c.heldKeys;
    return n;
  }

  /** Stops accepting connections and closes those open. */
  async close(): Promise<void> {
    for (const c of this.connections) c.destroy();
    await Promise.all(this.servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }

  private accept(socket: net.Socket, local: boolean): void {
    const conn = new AppConnection(socket, this.options, this.changes, local);
    this.connections.add(conn);
    socket.once('close', () => this.connections.delete(conn));
  }
}

function listen(server: net.Server, start: () => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve();
    });
    start();
  });
}
