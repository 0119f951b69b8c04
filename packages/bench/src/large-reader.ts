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
  const hash = digester(algorithm);
  const t0 = performance.now();
  let bytes = 0;
  let lastByteMs = 0;
  let firstByteMs = Number.NaN;
  let timer: NodeJS.Timeout | undefined;
  let onStall = (): void => undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => onStall(), STALL_MS);
  };
  try {
    arm();
    const out = await new Promise<GetObjectCommandOutput>((resolve, reject) => {
      onStall = () => reject(new StallError(0, 0));
      client.send(new GetObjectCommand({ Bucket: object.bucket, Key: object.key })).then(resolve, reject);
    });
    const body = out.Body as unknown as Readable;
    onStall = () => body.destroy(new StallError(bytes, lastByteMs));
    arm();
    for await (const piece of body as AsyncIterable<Buffer>) {
      lastByteMs = performance.now() - t0;
      if (bytes === 0) firstByteMs = lastByteMs;
      arm();
      hash.update(piece);
      bytes += piece.length;
    }
  } finally {
    clearTimeout(timer);
  }
  const ms = performance.now() - t0;
  const digest = hash.digest();
  if (bytes !== object.bytes) throw new Error(`GetObject ${object.key}: ${bytes} bytes, expected ${object.bytes}`);
  if (digest !== object.digest) throw new Error(`GetObject ${object.key}: digest ${digest}, expected ${object.digest} (wrong bytes)`);
  return { bytes, digest, ms, firstByteMs };
}

/**
 * Reads the object with `client` as a cachelet reads it cold, without any cache: one ranged
 * GetObject per chunk of `chunkBytes`, `window` of them in flight, hashed in order (a chunk
 * that arrives early waits for the ones before it). Throws like {@link readHashed}.
 */
export async function readRanged(client: S3Client, object: ExpectedObject, algorithm: HashAlgorithm, chunkBytes: number, window: number): Promise<HashedRead> {
  const hash = digester(algorithm);
  const t0 = performance.now();
  let firstByteMs = Number.NaN;
  let lastByteMs = 0;
  let bytes = 0;
  let timer: NodeJS.Timeout | undefined;
  let stalled: (() => void) | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => stalled?.(), STALL_MS);
  };
  const chunks = Math.ceil(object.bytes / chunkBytes);
  const fetchChunk = async (i: number): Promise<Buffer[]> => {
    const end = Math.min(object.bytes, (i + 1) * chunkBytes) - 1;
    const out = await client.send(new GetObjectCommand({ Bucket: object.bucket, Key: object.key, Range: `bytes=${i * chunkBytes}-${end}` }));
    const parts: Buffer[] = [];
    for await (const piece of out.Body as unknown as AsyncIterable<Buffer>) {
      lastByteMs = performance.now() - t0;
      if (Number.isNaN(firstByteMs)) firstByteMs = lastByteMs;
      arm();
      parts.push(piece);
    }
    return parts;
  };
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
    arm();
    const stall = new Promise<never>((_, reject) => (stalled = () => reject(new StallError(bytes, lastByteMs))));
    stall.catch(() => undefined);
    fill();
    while (inFlight.length) {
      const parts = await Promise.race([inFlight.shift()!, stall]);
      fill();
      for (const part of parts) {
        hash.update(part);
        bytes += part.length;
      }
    }
  } finally {
    clearTimeout(timer);
  }
  const ms = performance.now() - t0;
  const digest = hash.digest();
  if (bytes !== object.bytes) throw new Error(`ranged GETs of ${object.key}: ${bytes} bytes, expected ${object.bytes}`);
  if (digest !== object.digest) throw new Error(`ranged GETs of ${object.key}: digest ${digest}, expected ${object.digest} (wrong bytes)`);
  return { bytes, digest, ms, firstByteMs };
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
  | { op: 'read'; object: ExpectedObject; algorithm: HashAlgorithm; ranged?: { chunkBytes: number; window: number } }
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
async function measuredRead(client: S3Client, object: ExpectedObject, algorithm: HashAlgorithm, ranged?: { chunkBytes: number; window: number }): Promise<ReaderRead> {
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
