/**
 * The reader of the large-object scenario, in a process of its own (forked by large.ts, one
 * for the whole benchmark): an application reading the object — with a plain S3Client, or one
 * wrapped with withFaast on a cachelet's socket — and hashing the body as it streams. It loads
 * only the AWS SDK's S3 client, @faast/s3 and Node's builtins: its CPU time, garbage
 * collection and peak RSS are those of a lean application, not of the benchmark that
 * orchestrates the daemons, samples /proc and holds the report. Nor is a full collection forced
 * before a read: the heap is what the earlier reads left, as in a long-lived application (a
 * gc() before each read kept V8 collecting under external-memory pressure: some 25 collections,
 * most of them full, in every 256 MiB read).
 *
 * Protocol over the IPC channel: the child sends `{ op: 'ready' }` once loaded, then answers
 * each request, one at a time, in order:
 * - `{ op: 'open', config, socket? }`: a new client (plain, or withFaast on `socket`); the
 *   previous one is destroyed and its cachelet connections closed → `{ op: 'done' }`;
 * - `{ op: 'release' }`: destroys the client and closes its connections → `{ op: 'done' }`;
 * - `{ op: 'read', object, algorithm, ranged? }`: reads and checks the object with the client (one
 *   GetObject, or with `ranged` one ranged GetObject per chunk, a window at a time) →
 *   `{ op: 'read', read, cpuMs, gc }` (this process's CPU time and GC pauses over the read), or
 *   `{ op: 'stalled', bytes, lastByteMs }` (a {@link StallError});
 * - `{ op: 'hash-rate', algorithm }` → `{ op: 'hash-rate', mbPerSec }` ({@link hashRate});
 * - any request that fails → `{ op: 'failed', message }`.
 * `{ op: 'close' }` (or the parent going away) releases the client and exits. The interceptor's
 * events come as `{ op: 'event', event }` whenever they happen.
 */
import { createHash } from 'node:crypto';
import { PerformanceObserver } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { GetObjectCommand, S3Client, type GetObjectCommandOutput, type S3ClientConfig } from '@aws-sdk/client-s3';
import { closeFaastConnections, withFaast, type FaastEvent } from '@faast/s3';
import type { LargeCounters } from './large';

/** How a read's body is hashed as it streams. */
export type HashAlgorithm = 'sha256' | 'crc32';

/** An incremental digest of one of {@link HashAlgorithm}. */
export function digester(algorithm: HashAlgorithm): { update(b: Buffer): void; digest(): string } {
  if (algorithm === 'crc32') {
    let crc = 0;
    return { update: (b) => void (crc = crc32(b, crc)), digest: () => crc.toString(16).padStart(8, '0') };
  }
  const h = createHash('sha256');
  return { update: (b) => void h.update(b), digest: () => h.digest('hex') };
}

/** How fast this process hashes `bytes` bytes in 256 KiB pieces (the size of a cachelet's body messages), MB/s. */
export function hashRate(algorithm: HashAlgorithm, bytes = 128 * 2 ** 20): number {
  const piece = Buffer.alloc(256 * 1024, 7);
  const hash = digester(algorithm);
  const t0 = performance.now();
  for (let at = 0; at < bytes; at += piece.length) hash.update(piece);
  hash.digest();
  return bytes / 1e6 / ((performance.now() - t0) / 1000);
}

/** No body byte for this long: the read is stalled (a healthy read waits at most about one chunk fetch, ~0.1 s). */
export const STALL_MS = 8000;

/** A read that stopped receiving bytes for {@link STALL_MS}; it was abandoned (its body destroyed). */
export class StallError extends Error {
  /** The change of each cachelet's counters from the start of the read to the stall (set by the benchmark's measureRead). */
  counters: LargeCounters[] = [];

  constructor(
    /** Body bytes received before the stall. */
    readonly bytes: number,
    /** When the last byte came, ms after send(). */
    readonly lastByteMs: number,
  ) {
    super(`the read stalled: no byte for ${STALL_MS / 1000} s after ${bytes} bytes`);
  }
}

/** The object a read expects: where it is, and its length and digest. */
export interface ExpectedObject {
  bucket: string;
  key: string;
  bytes: number;
  digest: string;
}

/** One whole-object GetObject, hashed as it streams. */
export interface HashedRead {
  bytes: number;
  digest: string;
  /** From send() to the last byte, ms. */
  ms: number;
  /** From send() to the first body byte, ms. */
  firstByteMs: number;
}

/**
 * Reads the object with `client`, hashing each piece as it arrives; throws on a short read or
 * a wrong digest, and a {@link StallError} when no byte comes for {@link STALL_MS}.
 */
export async function readHashed(client: S3Client, object: ExpectedObject, algorithm: HashAlgorithm): Promise<HashedRead> {
  const read = new TimedRead(object, algorithm);
  try {
    const out = await new Promise<GetObjectCommandOutput>((resolve, reject) => {
      read.onStall = () => reject(new StallError(0, 0));
      client.send(new GetObjectCommand({ Bucket: object.bucket, Key: object.key })).then(resolve, reject);
    });
    const body = out.Body as unknown as Readable;
    read.onStall = () => body.destroy(read.stallError());
    read.arm();
    for await (const piece of body as AsyncIterable<Buffer>) {
      read.arrived(piece);
      read.hash(piece);
    }
  } finally {
    read.stop();
  }
  return read.checked('GetObject');
}

/**
 * Reads the object with `client` as a cachelet reads it cold, without any cache: one ranged
 * GetObject per chunk of `chunkBytes`, `window` of them in flight, hashed in order (a chunk
 * that arrives early waits for the ones before it). Throws like {@link readHashed}.
 */
export async function readRanged(client: S3Client, object: ExpectedObject, algorithm: HashAlgorithm, chunkBytes: number, window: number): Promise<HashedRead> {
  const read = new TimedRead(object, algorithm);
  const stall = new Promise<never>((_, reject) => (read.onStall = () => reject(read.stallError())));
  stall.catch(() => undefined);
  const fetchChunk = async (i: number): Promise<Buffer[]> => {
    const end = Math.min(object.bytes, (i + 1) * chunkBytes) - 1;
    const out = await client.send(new GetObjectCommand({ Bucket: object.bucket, Key: object.key, Range: `bytes=${i * chunkBytes}-${end}` }));
    const parts: Buffer[] = [];
    for await (const piece of out.Body as unknown as AsyncIterable<Buffer>) {
      read.arrived(piece);
      parts.push(piece);
    }
    return parts;
  };
  const chunks = Math.ceil(object.bytes / chunkBytes);
  const inFlight: Promise<Buffer[]>[] = [];
  let next = 0;
  const fill = (): void => {
    while (next < chunks && inFlight.length < window) {
      const p = fetchChunk(next++);
      p.catch(() => undefined); // awaited in order below
      inFlight.push(p);
    }
  };
  try {
    fill();
    while (inFlight.length) {
      const parts = await Promise.race([inFlight.shift()!, stall]);
      fill();
      for (const part of parts) read.hash(part);
    }
  } finally {
    read.stop();
  }
  return read.checked('ranged GETs of');
}

/** The clock, the stall timer and the hash of one read. */
class TimedRead {
  private readonly digest: { update(b: Buffer): void; digest(): string };
  private readonly t0 = performance.now();
  private timer: NodeJS.Timeout | undefined;
  private bytes = 0;
  private firstByteMs = Number.NaN;
  private lastByteMs = 0;
  /** Called when no byte came for {@link STALL_MS}. */
  onStall = (): void => undefined;

  constructor(
    private readonly object: ExpectedObject,
    algorithm: HashAlgorithm,
  ) {
    this.digest = digester(algorithm);
    this.arm();
  }

  /** (Re)starts the stall timer. */
  arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.onStall(), STALL_MS);
  }

  /** Notes a piece's arrival (first and last byte times; the stall timer restarts). */
  arrived(piece: Buffer): void {
    this.lastByteMs = performance.now() - this.t0;
    if (Number.isNaN(this.firstByteMs) && piece.length > 0) this.firstByteMs = this.lastByteMs;
    this.arm();
  }

  /** Hashes the next piece of the object, in order. */
  hash(piece: Buffer): void {
    this.digest.update(piece);
    this.bytes += piece.length;
  }

  stallError(): StallError {
    return new StallError(this.bytes, this.lastByteMs);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  /** The read's figures; throws on a short read or a wrong digest (`what`: how the error names the read). */
  checked(what: string): HashedRead {
    const ms = performance.now() - this.t0;
    const digest = this.digest.digest();
    const { key, bytes, digest: expected } = this.object;
    if (this.bytes !== bytes) throw new Error(`${what} ${key}: ${this.bytes} bytes, expected ${bytes}`);
    if (digest !== expected) throw new Error(`${what} ${key}: digest ${digest}, expected ${expected} (wrong bytes)`);
    return { bytes: this.bytes, digest, ms, firstByteMs: this.firstByteMs };
  }
}

/** How the no-cache read splits the object: ranged GETs of `chunkBytes`, `window` at a time (see {@link readRanged}). */
export interface RangedRead {
  chunkBytes: number;
  window: number;
}

/** A read as the reader process measured it. */
export interface ReaderRead {
  read: HashedRead;
  /** The reader's CPU time over the read (process.cpuUsage(): user + system, every thread), ms. */
  cpuMs: number;
  /** The reader's garbage-collection pauses during the read (PerformanceObserver 'gc' entries). */
  gc: { ms: number; count: number };
}

/** Messages from the parent. */
export type ReaderRequest =
  | { op: 'open'; config: S3ClientConfig; socket?: string }
  | { op: 'release' }
  | { op: 'read'; object: ExpectedObject; algorithm: HashAlgorithm; ranged?: RangedRead }
  | { op: 'hash-rate'; algorithm: HashAlgorithm }
  | { op: 'close' };

/** Answers to the parent's requests (one each). */
export type ReaderReply =
  | { op: 'done' }
  | ({ op: 'read' } & ReaderRead)
  | { op: 'stalled'; bytes: number; lastByteMs: number }
  | { op: 'hash-rate'; mbPerSec: number }
  | { op: 'failed'; message: string };

/** Messages to the parent. */
export type ReaderMessage = { op: 'ready' } | { op: 'event'; event: FaastEvent } | ReaderReply;

/** {@link readHashed} (or {@link readRanged}) with this process's CPU time and GC pauses around it. */
async function measuredRead(client: S3Client, object: ExpectedObject, algorithm: HashAlgorithm, ranged?: RangedRead): Promise<ReaderRead> {
  const gc = { ms: 0, count: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gc.ms += e.duration;
      gc.count++;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const cpuBefore = process.cpuUsage();
  try {
    const read = ranged ? await readRanged(client, object, algorithm, ranged.chunkBytes, ranged.window) : await readHashed(client, object, algorithm);
    const cpu = process.cpuUsage(cpuBefore);
    return { read, cpuMs: (cpu.user + cpu.system) / 1000, gc };
  } finally {
    // Entries of the last moments are delivered asynchronously: take them before disconnecting.
    await new Promise((resolve) => setImmediate(resolve));
    observer.disconnect();
  }
}

function main(): void {
  if (!process.send) throw new Error('usage: fork(large-reader.js) with an IPC channel');
  const send = (m: ReaderMessage): void => void process.send?.(m);
  const onEvent = (event: FaastEvent): void => send({ op: 'event', event });
  let client: S3Client | undefined;
  const release = async (): Promise<void> => {
    client?.destroy();
    client = undefined;
    await closeFaastConnections();
  };
  let closing = false;
  const close = (): void => {
    if (closing) return;
    closing = true;
    void release().finally(() => process.exit(0));
  };

  const handle = async (m: Exclude<ReaderRequest, { op: 'close' }>): Promise<ReaderReply> => {
    switch (m.op) {
      case 'open':
        await release();
        client = new S3Client(m.config);
        if (m.socket !== undefined) withFaast(client, { socket: m.socket, onEvent });
        return { op: 'done' };
      case 'release':
        await release();
        return { op: 'done' };
      case 'read':
        if (!client) throw new Error('read: no client is open');
        try {
          return { op: 'read', ...(await measuredRead(client, m.object, m.algorithm, m.ranged)) };
        } catch (err) {
          if (err instanceof StallError) return { op: 'stalled', bytes: err.bytes, lastByteMs: err.lastByteMs };
          throw err;
        }
      case 'hash-rate':
        return { op: 'hash-rate', mbPerSec: hashRate(m.algorithm) };
    }
  };
  let queue = Promise.resolve();
  process.on('message', (m: ReaderRequest) => {
    if (m.op === 'close') return close();
    queue = queue.then(() => handle(m).then(send, (err: unknown) => send({ op: 'failed', message: (err as Error).message ?? String(err) })));
  });
  process.on('disconnect', close);
  process.on('SIGTERM', close);
  process.on('SIGINT', () => undefined); // Ctrl-C reaches the whole group: the parent decides when this process ends.
  send({ op: 'ready' });
}

if (require.main === module) main();
