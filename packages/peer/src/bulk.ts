/**
 * The bulk socket: large bodies from a cachelet to its application as raw bytes on a second
 * Unix socket (`<socket>.bulk`), beside the gRPC Get stream that carries the header and the
 * read's final status — and, on a TCP port beside the peer port, chunks from their owner to
 * the cachelet that reads them.
 *
 * Why: on the gRPC path every byte is copied into a protobuf message, into HTTP/2 frames, and
 * back out on the other side — 8 copies per byte measured for a cached chunk. Here a stored
 * chunk goes from the store's Buffer to the kernel and from the kernel into the reader's
 * buffer: 2 copies. Back-pressure is the socket's: a slow reader fills the kernel buffers,
 * the writer waits for 'drain', and the chunk read-ahead stops pulling.
 *
 * The protocol: the reply header carries a random 16-byte token; the reader connects, writes
 * the token, and reads exactly the announced length. A transfer that fails closes the
 * connection early, and the Get stream ends with the error.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { CacheError } from '@faast/core';

export const BULK_TOKEN_BYTES = 16;
/** Bodies at least this long go over the bulk socket when the reader asks for it. */
export const BULK_MIN_BYTES = 1 << 20;
/** How long an offered body waits for its reader to connect. */
const CONNECT_TIMEOUT_MS = 5_000;

/** Bytes to offer: a body read as it goes, or a chunk already in memory. */
export type BulkBody = AsyncGenerator<Buffer> | Buffer;

interface Offer {
  body: AsyncGenerator<Buffer>;
  resolve: () => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/** Offers bodies to readers that connect with their token. */
export interface BulkOffers {
  /** Registers a body; `done` settles when the reader got it all, or the transfer failed. */
  offer(body: BulkBody): { token: Buffer; done: Promise<void> };
}

export class BulkServer implements BulkOffers {
  private readonly offers = new Map<string, Offer>();
  private readonly connections = new Set<net.Socket>();

  private constructor(
    private readonly server: net.Server,
    /** The Unix socket path, or undefined on TCP. */
    readonly path: string | undefined,
  ) {
    server.on('connection', (socket) => this.accept(socket));
  }

  /** The TCP port (0 on a Unix socket). */
  get port(): number {
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  /** Listens on `path` with mode 0600 (like the gRPC socket: only the app's user may connect). */
  static async listen(path: string): Promise<BulkServer> {
    fs.rmSync(path, { force: true });
    const server = net.createServer({ pauseOnConnect: false });
    const umask = process.umask(0o177);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(path, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } finally {
      process.umask(umask);
    }
    return new BulkServer(server, path);
  }

  /** Listens on `host`, a port of the system's choosing (peers learn it from each offer). */
  static async listenTcp(host: string): Promise<BulkServer> {
    const server = net.createServer({ noDelay: true });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, host.replace(/^\[(.*)\]$/, '$1'), () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new BulkServer(server, undefined);
  }

  offer(input: BulkBody): { token: Buffer; done: Promise<void> } {
    const body = Buffer.isBuffer(input) ? once(input) : input;
    const token = randomBytes(BULK_TOKEN_BYTES);
    const key = token.toString('hex');
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.offers.delete(key);
        void body.return(undefined);
        reject(new CacheError('UNAVAILABLE', `the reader did not connect to the bulk socket within ${CONNECT_TIMEOUT_MS} ms`));
      }, CONNECT_TIMEOUT_MS);
      this.offers.set(key, { body, resolve, reject, timer });
    });
    return { token, done };
  }

  /** Refuses new connections, fails offers not taken, and closes transfers in progress. */
  async close(): Promise<void> {
    for (const [key, offer] of this.offers) {
      clearTimeout(offer.timer);
      this.offers.delete(key);
      void offer.body.return(undefined);
      offer.reject(new CacheError('UNAVAILABLE', 'the cachelet is shutting down'));
    }
    for (const socket of this.connections) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.path) fs.rmSync(this.path, { force: true });
  }

  private accept(socket: net.Socket): void {
    this.connections.add(socket);
    socket.once('close', () => this.connections.delete(socket));
    socket.on('error', () => socket.destroy());
    let head = Buffer.alloc(0);
    const onData = (data: Buffer): void => {
      head = Buffer.concat([head, data]);
      if (head.length < BULK_TOKEN_BYTES) return;
      socket.off('data', onData);
      socket.pause();
      const key = head.subarray(0, BULK_TOKEN_BYTES).toString('hex');
      const offer = this.offers.get(key);
      // A reader sends nothing after its token; an unknown token gets the connection closed.
      if (!offer || head.length > BULK_TOKEN_BYTES) {
        socket.destroy();
        return;
      }
      this.offers.delete(key);
      clearTimeout(offer.timer);
      void this.send(socket, offer);
    };
    socket.on('data', onData);
  }

  private async send(socket: net.Socket, offer: Offer): Promise<void> {
    let gone = false;
    const onClose = (): void => {
      gone = true;
    };
    socket.once('close', onClose);
    try {
      for await (const data of offer.body) {
        if (gone) break;
        // The next piece is pulled once this one is in the kernel: the body's memory may then be reused.
        if (!(await written(socket, data))) gone = true;
      }
      if (gone) throw new CacheError('UNAVAILABLE', 'the reader closed the bulk connection');
      socket.end();
      offer.resolve();
    } catch (err) {
      socket.destroy();
      offer.reject(err as Error);
    } finally {
      socket.off('close', onClose);
      void offer.body.return(undefined);
    }
  }
}

/** Writes `data`; resolves true once all of it is in the kernel (its write callback), false if the write failed or the socket closed. */
function written(socket: net.Socket, data: Buffer): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const closed = (): void => done(false);
    const done = (ok: boolean): void => {
      socket.off('close', closed);
      resolve(ok);
    };
    socket.on('close', closed);
    socket.write(data, (err) => done(!err));
  });
}

async function* once(data: Buffer): AsyncGenerator<Buffer> {
  yield data;
}

/**
 * Takes an offered chunk: connects to `host:port`, sends the token and reads exactly `length`
 * bytes straight into one buffer — `into` if given (of `length` bytes), else a new one — each
 * socket read landing in its place: no copy in user space. Rejects on a short transfer, on
 * extra bytes, or after `timeoutMs`.
 */
export function takeBulk(host: string, port: number, token: Buffer, length: number, timeoutMs: number, into?: Buffer): Promise<Buffer> {
  if (into && into.length !== length) throw new RangeError(`takeBulk: a buffer of ${into.length} bytes for ${length}`);
  return new Promise<Buffer>((resolve, reject) => {
    const target = into ?? Buffer.allocUnsafe(length);
    let received = 0;
    let failed: Error | undefined;
    const fail = (err: Error): void => {
      failed ??= err;
      socket.destroy();
    };
    const socket = net.connect({
      host: host.replace(/^\[(.*)\]$/, '$1'),
      port,
      noDelay: true,
      onread: {
        // A view of the rest of the target; a spare byte past the end catches a reply too long.
        buffer: () => (received < length ? target.subarray(received) : Buffer.allocUnsafe(1)),
        callback: (n: number) => {
          if (received + n > length) fail(new CacheError('UNAVAILABLE', `bulk transfer longer than the ${length} bytes offered`));
          else received += n;
          return true;
        },
      },
    });
    const timer = setTimeout(() => fail(new CacheError('UNAVAILABLE', `bulk transfer from ${host}:${port} took over ${timeoutMs} ms`)), timeoutMs);
    socket.on('connect', () => socket.write(token));
    socket.on('error', (err) => fail(new CacheError('UNAVAILABLE', `bulk transfer from ${host}:${port}: ${err.message}`)));
    socket.on('close', () => {
      clearTimeout(timer);
      if (failed) reject(failed);
      else if (received !== length) reject(new CacheError('UNAVAILABLE', `bulk transfer from ${host}:${port} ended after ${received} of ${length} bytes`));
      else resolve(target);
    });
  });
}
