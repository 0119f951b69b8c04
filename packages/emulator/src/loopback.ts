import { isIP } from 'node:net';

/**
 * Throws unless `host` is a loopback address or 'localhost': the emulator accepts the
 * well-known S3RVER credentials and verifies no signature, so it must not be reachable from
 * the network.
 */
export function assertLoopbackHost(host: string): void {
  const loopback =
    host === 'localhost' ||
    host === '::1' ||
    (isIP(host) === 4 && host.startsWith('127.'));
  if (!loopback) {
    throw new Error(`host must be a loopback address (127.x.x.x, ::1 or localhost), got '${host}'`);
  }
}

/** `http://host:port`, with IPv6 literals in brackets as URLs require. */
export function httpUrl(host: string, port: number): string {
  return `http://${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
}
