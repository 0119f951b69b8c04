/**
 * An in-memory fake of core's own `Origin` port (not of any SDK), for cachelet tests: a Map of
 * objects that counts requests, can delay or split bodies, hold a body mid-way, fail, send
 * short bodies, and honours (or, on demand, ignores) ranges the way S3 does.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ByteRange, Clock, ObjectMeta, ObjectRef, Origin, OriginGetOptions, OriginGetResult } from '@faast/core';

interface FakeObject {
  meta: ObjectMeta;
  body: Buffer;
}

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(public ms = Date.UTC(2025, 0, 1)) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export class FakeOrigin implements Origin {
  readonly id = 'fake:memory';
  private readonly objects = new Map<string, FakeObject>();
  /** Every GET, in order, with the options it carried. */
  readonly gets: { ref: ObjectRef; options: OriginGetOptions }[] = [];
  heads = 0;
  /** Every body stream handed out (to check that none is leaked). */
  readonly streams: Readable[] = [];
  /** Bytes per body chunk; a body is sent in one chunk by default. */
  chunkBytes = Number.POSITIVE_INFINITY;
  /** Pause before each chunk, ms. */
  chunkDelayMs = 0;
  /** When false, a ranged GET answers with the whole object and no `range` (as some origins do). */
  honourRanges = true;
  /** When set, GET and HEAD reject with it. */
  failure: Error | undefined;
  /** When set, bodies stop after this many bytes although `meta.size` announces more. */
  truncateBodiesTo: number | undefined;
  private held: { afterBytes: number; gate: Promise<void> } | undefined;

  constructor(private readonly clock: Clock = new ManualClock()) {}

  /** Stores (or replaces) an object; its ETag is the quoted MD5 of its bytes, like S3's. */
  put(bucket: string, key: string, content: Buffer | string, meta: Partial<ObjectMeta> = {}): ObjectMeta {
    const body = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const full: ObjectMeta = {
      etag: `"${createHash('md5').update(body).digest('hex')}"`,
      size: body.length,
      lastModifiedMs: this.clock.now(),
      contentType: 'application/octet-stream',
      userMetadata: {},
      headers: {},
      ...meta,
    };
    this.objects.set(`${bucket}/${key}`, { meta: full, body });
    return full;
  }

  delete(bucket: string, key: string): void {
    this.objects.delete(`${bucket}/${key}`);
  }

  /**
   * The body of the next GET sends `afterBytes` bytes and then waits until the returned
   * function is called (an origin read that is in flight for as long as the test wants).
   */
  holdNextBody(afterBytes = 0): () => void {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.held = { afterBytes, gate };
    return release;
  }

  async get(ref: ObjectRef, options: OriginGetOptions = {}): Promise<OriginGetResult> {
    this.gets.push({ ref, options });
    await Promise.resolve();
    if (this.failure) throw this.failure;
    const obj = this.objects.get(`${ref.bucket}/${ref.key}`);
    if (!obj) return { kind: 'not-found' };
    let bytes = obj.body;
    let range: ByteRange | undefined;
    if (options.range && this.honourRanges) {
      const start = options.range.start;
      const end = Math.min(options.range.end, obj.meta.size - 1);
      range = { start, end };
      bytes = obj.body.subarray(start, end + 1);
    }
    if (this.truncateBodiesTo !== undefined) bytes = bytes.subarray(0, this.truncateBodiesTo);
    const hold = this.held;
    this.held = undefined;
    const body = Readable.from(this.chunks(bytes, hold));
    this.streams.push(body);
    return range ? { kind: 'found', meta: obj.meta, body, range } : { kind: 'found', meta: obj.meta, body };
  }

  async head(ref: ObjectRef): Promise<ObjectMeta | null> {
    this.heads++;
    await Promise.resolve();
    if (this.failure) throw this.failure;
    return this.objects.get(`${ref.bucket}/${ref.key}`)?.meta ?? null;
  }

  private async *chunks(bytes: Buffer, hold: { afterBytes: number; gate: Promise<void> } | undefined): AsyncGenerator<Buffer> {
    const step = Math.min(this.chunkBytes, Math.max(bytes.length, 1));
    for (let at = 0; at < bytes.length; at += step) {
      if (hold && at >= hold.afterBytes) {
        await hold.gate;
        hold = undefined;
      }
      if (this.chunkDelayMs > 0) await sleep(this.chunkDelayMs);
      // A copy, as a socket would deliver it: the cachelet must not rely on the origin's memory.
      yield Buffer.from(bytes.subarray(at, at + step));
    }
    if (hold) await hold.gate;
  }
}

/** All the bytes of a reply body. */
export async function readAll(body: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of body) parts.push(chunk);
  return Buffer.concat(parts);
}

/** Deterministic pseudo-random bytes (mulberry32), so that every object is distinct. */
export function bytesOf(length: number, seed: number): Buffer {
  const rand = seeded(seed);
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(rand() * 256);
  return out;
}

/** A seeded random source in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
