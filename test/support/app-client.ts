/**
 * A raw client of the app plane (proto/faast/v1/app.proto) for tests: sends any frame or any
 * bytes, and hands back the frames the cachelet sends — nothing acked unless asked.
 */
import * as net from 'node:net';
import { parseCacheletAddress } from '@faast/core';
import type { GetHeader__Output } from '@faast/rpc';
import { encodeFrame, FrameReader, GetHeader, MAX_REPLY_FRAME_BYTES, type AppFrame, type AppFrameInit, type faast } from '@faast/rpc/app';

export class RawAppClient {
  private readonly frames: AppFrame[] = [];
  private readonly waiters: Array<{ match: (f: AppFrame) => boolean; resolve: (f: AppFrame) => void }> = [];
  private nextId = 0;
  /** Resolves when the cachelet closed the connection (or it broke). */
  readonly closed: Promise<void>;

  private constructor(readonly socket: net.Socket) {
    const reader = new FrameReader(MAX_REPLY_FRAME_BYTES);
    socket.on('data', (chunk: Buffer) => {
      for (const frame of reader.push(chunk)) {
        const i = this.waiters.findIndex((w) => w.match(frame));
        if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(frame);
        else this.frames.push(frame);
      }
    });
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  /** Connects to a socket path or `host:port`. */
  static connect(address: string): Promise<RawAppClient> {
    const a = parseCacheletAddress(address);
    const socket = a.kind === 'unix' ? net.connect(a.path) : net.connect({ host: a.host, port: a.port });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(new RawAppClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Sends a request with a fresh id; returns the id. */
  send(frame: Omit<AppFrameInit, 'id'>): number {
    const id = ++this.nextId;
    this.socket.write(encodeFrame({ ...frame, id }));
    return id;
  }

  /** Sends a frame as given (id included). */
  sendFrame(frame: AppFrameInit): void {
    this.socket.write(encodeFrame(frame));
  }

  /** The next frame (received or to come) that matches. */
  next(match: (f: AppFrame) => boolean = () => true): Promise<AppFrame> {
    const i = this.frames.findIndex(match);
    if (i >= 0) return Promise.resolve(this.frames.splice(i, 1)[0]!);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** The next frame of request `id` other than an ack. */
  reply(id: number): Promise<AppFrame> {
    return this.next((f) => f.id === id && f.body !== 'ack');
  }

  /** Sends a Get and collects its reply: the header, the body bytes, and how it ended. */
  async get(get: NonNullable<AppFrameInit['get']>): Promise<{ header?: GetHeader__Output; body: Buffer; error?: NonNullable<AppFrame['error']> }> {
    const id = this.send({ get });
    const first = await this.reply(id);
    if (first.body === 'error') return { body: Buffer.alloc(0), error: first.error! };
    const header = headerOf(first);
    const parts = [Buffer.from(first.getReply!.data ?? [])];
    let length = parts[0]!.length;
    const expected = header.bulkToken.length > 0 ? 0 : header.contentLength;
    while (length < expected) {
      const f = await this.reply(id);
      if (f.body === 'error') return { header, body: Buffer.concat(parts), error: f.error! };
      const data = Buffer.from(f.getReply!.data ?? []);
      parts.push(data);
      length += data.length;
    }
    return { header, body: Buffer.concat(parts) };
  }

  close(): void {
    this.socket.destroy();
  }
}

/** A reply's header as plain data: enum names, numbers. */
export function headerOf(frame: AppFrame): GetHeader__Output {
  return GetHeader.toObject(frame.getReply!.header as faast.v1.GetHeader, { enums: String, longs: Number, defaults: true, oneofs: true }) as GetHeader__Output;
}
