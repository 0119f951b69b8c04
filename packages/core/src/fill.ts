/**
 * A fill: one origin read of a whole object that several readers share while it arrives.
 *
 * Readers stream the bytes as they come (they do not wait for the whole object), each with
 * its own range. When the last byte has arrived the fill hands the object to `onComplete`
 * (the store) — unless it was marked stale by a write notice while in flight, so that a
 * version older than a completed write is never stored.
 */
import type { ObjectMeta, OriginBody } from './ports';

export type FillHeader =
  | { kind: 'not-found' }
  /** The object will be buffered (it is within the admission limit). */
  | { kind: 'buffered'; meta: ObjectMeta }
  /** The object is over the admission limit; `body` is the origin stream, for one taker. */
  | { kind: 'too-large'; meta: ObjectMeta }
  /** The object is over the chunk threshold: it is read in chunks, not through this fill. */
  | { kind: 'chunked'; meta: ObjectMeta };

export class Fill {
  private readonly chunks: Buffer[] = [];
  private received = 0;
  private done = false;
  private error: Error | undefined;
  private wake: (() => void)[] = [];
  private body: OriginBody | undefined;
  /** Set by a write or delete notice: the bytes may be served to readers already waiting, never stored. */
  stale = false;

  constructor(
    /** Resolves when the origin answered; rejects when the origin request failed. */
    readonly header: Promise<FillHeader>,
  ) {}

  /** Called by the owner of the fill when the origin's body is available. */
  async consume(meta: ObjectMeta, body: OriginBody, onBytes: (n: number) => void): Promise<Buffer> {
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        this.chunks.push(chunk);
        this.received += chunk.length;
        onBytes(chunk.length);
        if (this.received > meta.size) throw new Error(`origin sent more than the ${meta.size} bytes it announced`);
        this.notify();
      }
      if (this.received !== meta.size) {
        throw new Error(`origin body ended after ${this.received} of ${meta.size} bytes`);
      }
      this.done = true;
      this.notify();
      return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.received);
    } catch (err) {
      this.fail(err instanceof Error ? err : new Error(String(err)));
      throw err;
    }
  }

  /** Keeps the origin stream of a too-large object for the one reader that takes it. */
  holdBody(body: OriginBody): void {
    this.body = body;
  }

  /** The origin stream of a too-large object, once; later callers get `undefined`. */
  takeBody(): OriginBody | undefined {
    const b = this.body;
    this.body = undefined;
    return b;
  }

  fail(err: Error): void {
    this.error = err;
    this.notify();
  }

  /** Bytes `[start, end]` (inclusive) of the object, as they arrive. */
  async *read(start: number, end: number): AsyncGenerator<Buffer> {
    let index = 0;
    let offset = 0;
    for (;;) {
      while (index < this.chunks.length) {
        const chunk = this.chunks[index++]!;
        const chunkEnd = offset + chunk.length;
        if (chunkEnd > start) {
          yield chunk.subarray(Math.max(0, start - offset), Math.min(chunk.length, end - offset + 1));
        }
        offset = chunkEnd;
        if (offset > end) return;
      }
      if (this.error) throw this.error;
      if (this.done) return;
      await new Promise<void>((resolve) => this.wake.push(resolve));
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = [];
    for (const w of wake) w();
  }
}
