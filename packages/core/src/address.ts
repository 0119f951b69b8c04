/**
 * Where an application reaches its cachelet, as users write it (`withFaast({ socket })`,
 * `FAAST_SOCKET`, `faast stats --socket`, `faast daemon --socket`): one rule everywhere.
 *
 * - `unix:PATH` is a Unix socket path;
 * - a value containing `/`, or without the shape `host:port`, is a Unix socket path, relative
 *   paths resolved against the working directory (`faast.sock`, `./run/a.sock`, `/run/faast/a.sock`);
 * - `host:port` (`127.0.0.1:7000`, `localhost:7000`, `[::1]:7000`) is TCP.
 */
import * as path from 'node:path';

export type CacheletAddress = { kind: 'unix'; path: string } | { kind: 'tcp'; host: string; port: number };

const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[^/:[\]\s]+):(\d{1,5})$/;

/** Parses a cachelet address; a path comes back absolute. */
export function parseCacheletAddress(value: string, cwd: string = process.cwd()): CacheletAddress {
  if (value.startsWith('unix:')) return { kind: 'unix', path: path.resolve(cwd, value.slice('unix:'.length)) };
  const m = value.includes('/') ? null : HOST_PORT.exec(value);
  if (m && Number(m[2]) <= 65535) return { kind: 'tcp', host: m[1]!, port: Number(m[2]) };
  return { kind: 'unix', path: path.resolve(cwd, value) };
}

/** The path of the bulk socket beside a cachelet's Unix socket (large bodies as raw bytes). */
export function bulkSocketPath(socket: string): string {
  return `${socket}.bulk`;
}

/** The path of the gRPC socket beside a cachelet's Unix socket (health and stats; the app plane is on the socket itself). */
export function grpcSocketPath(socket: string): string {
  return `${socket}.grpc`;
}
