/**
 * The foundation scenario: warm GETs of 1 KiB and 1 MiB objects from the emulated origin,
 * through Faa$T, and from Redis, side by side — plus the pieces of a Faa$T hit measured
 * alone (the bare app-protocol Get, the SDK's own send(), the in-process store).
 *
 * {@link openFoundation} builds every fixture once (emulator, a real `faast daemon` process,
 * clients, Redis keys); its `cells()` are the measurements of one run of the table, so a run
 * can be repeated on the same fixtures and the figures compared side by side.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { spawnCachelet, type SpawnedCachelet } from '@faast/cli';
import { Cachelet, type ObjectMeta, type Origin } from '@faast/core';
import { startS3Emulator, S3_STANDARD_PROFILE, type S3Emulator } from '@faast/emulator';
import { CacheletConnection, closeFaastConnections, resolveFaastS3Config, withFaast, type FaastEvent } from '@faast/s3';
import { openRedis } from './redis';
import type { Operation } from './measure';

/** The object sizes of the table. */
export const SIZES = [
  { label: '1 KiB', bytes: 1024 },
  { label: '1 MiB', bytes: 1024 * 1024 },
] as const;

/** A size label of {@link SIZES}, or '-' for a cell that does not depend on the size. */
export type SizeLabel = (typeof SIZES)[number]['label'] | '-';

/** What a row measures. */
export type Target = 'origin' | 'faast' | 'faast-embedded' | 'redis' | 'raw-lean' | 'sdk-send' | 'store';

/** Row names as printed. */
export const TARGET_LABELS: Record<Target, string> = {
  origin: 'origin (S3, 15 ms, 90 MB/s)',
  faast: 'faast (withFaast, sidecar)',
  'faast-embedded': 'faast (withFaast, embedded)',
  redis: 'redis (ioredis GET)',
  'raw-lean': 'faast: raw app-protocol Get',
  'sdk-send': 'SDK send() only',
  store: 'store (Cachelet.get hit)',
};

/** The in-flight levels of the 16-in-flight column; the other targets run at 1 only. */
export const HIGH_CONCURRENCY = 16;
const CONCURRENT_TARGETS: ReadonlySet<Target> = new Set<Target>(['origin', 'faast', 'faast-embedded', 'redis', 'raw-lean']);

/** One measurement of a run: a target, a size, a number of calls in flight. */
export interface Cell {
  target: Target;
  size: SizeLabel;
  concurrency: number;
  op: Operation;
}

/** The id of a cell's figures in results, e.g. `faast|1 KiB|1`. */
export function cellId(target: Target, size: SizeLabel, concurrency: number): string {
  return `${target}|${size}|${concurrency}`;
}

/** The fixtures of the scenario, open until `close()`. */
export interface Foundation {
  /** The cells of one run of the table, in the order they should run. */
  cells(): Cell[];
  /** Why the redis rows are missing, when they are. */
  readonly redisSkipped: string | undefined;
  /** Requests that reached the origin so far (to check that faast cells were all hits). */
  originRequests(): number;
  /** State changes of the interceptor (a fault means faast rows partly measured the origin). */
  readonly faastEvents: FaastEvent[];
  /** The daemon's stderr (warnings and errors only). */
  daemonLog(): string;
  /** Stops the daemon and the emulator, deletes the Redis keys, removes the temp dir. Idempotent; never throws. */
  close(): Promise<void>;
}

const BUCKET = 'faast-bench';
/** Keys per size, read round-robin, so that 16 calls in flight do not all read one object. */
const KEYS_PER_SIZE = 8;

/** Options of {@link openFoundation}. */
export interface FoundationOptions {
  /** The Redis of the redis rows. Default `redis://127.0.0.1:6379`; unreachable: the rows are skipped. */
  redisUrl?: string;
}

/** Builds every fixture; on failure closes what it opened. */
export async function openFoundation(options: FoundationOptions = {}): Promise<Foundation> {
  const closers: Array<() => Promise<void> | void> = [];
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      for (const fn of closers.reverse()) {
        try {
          await fn();
        } catch (err) {
          process.stderr.write(`bench: cleanup step failed: ${(err as Error).message}\n`);
        }
      }
    })();
    return closing;
  };

  try {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faast-bench-'));
    closers.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const socket = path.join(dir, 'cachelet.sock');

    const emulator = await startS3Emulator({ profile: S3_STANDARD_PROFILE, buckets: [BUCKET] });
    closers.push(() => emulator.close());
    const objects = SIZES.map((size) => ({
      size,
      keys: Array.from({ length: KEYS_PER_SIZE }, (_, i) => `foundation/${size.bytes}/${i}`),
      // Random bytes: nothing on the way can compress them.
      body: randomBytes(size.bytes),
    }));
    const seeder = emulator.client({ direct: true });
    for (const o of objects) for (const Key of o.keys) await seeder.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: o.body }));

    const cachelet: SpawnedCachelet = await spawnCachelet({
      args: ['--app', 'bench', '--origin', `s3://${BUCKET}`, '--endpoint', emulator.endpoint, '--socket', socket,
        '--checksums', 'when-required', '--capacity', '256MiB', '--log-level', 'warn'],
      env: { AWS_ACCESS_KEY_ID: emulator.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: emulator.credentials.secretAccessKey, AWS_REGION: emulator.region },
    });
    closers.push(() => cachelet.stop().then(() => undefined));

    const origin = emulator.client();
    const faastEvents: FaastEvent[] = [];
    const faast = withFaast(new S3Client(emulator.clientConfig()), { socket, onEvent: (e) => faastEvents.push(e) });
    // The same engine inside this process (a platform without sidecars), with its own near cache.
    const embedded = withFaast(new S3Client(emulator.clientConfig()), { embedded: { app: 'bench-embedded', capacity: '256MiB' }, onEvent: (e) => faastEvents.push(e) });
    closers.push(() => {
      faast.destroy();
      embedded.destroy();
      return closeFaastConnections();
    });
    const lean = new CacheletConnection(socket, resolveFaastS3Config({ socket, onEvent: (e) => faastEvents.push(e) }, {}));
    closers.push(() => lean.close());
    const sdk = sdkOnlyClient(emulator);
    closers.push(() => sdk.destroy());
    const store = new Cachelet({ app: 'bench', origin: memoryOrigin(objects.flatMap((o) => o.keys.map((k) => [k, o.body] as const))) });

    const redis = await openRedis(objects.flatMap((o) => o.keys.map((k) => [k, o.body] as const)), options.redisUrl);
    if (redis.client) closers.push(() => redis.close());

    // Warm: every key once through each cache, so that the measured reads are hits.
    for (const o of objects) {
      for (const Key of o.keys) {
        await readS3(faast, Key, o.body.length);
        await readS3(embedded, Key, o.body.length);
        await readStore(store, Key, o.body.length);
      }
    }

    const cells = (): Cell[] => {
      const list: Cell[] = [];
      for (const o of objects) {
        const label = o.size.label;
        const n = o.body.length;
        const next = roundRobin(o.keys);
        const ops: Partial<Record<Target, Operation>> = {
          origin: () => readS3(origin, next(), n),
          faast: () => readS3(faast, next(), n),
          'faast-embedded': () => readS3(embedded, next(), n),
          'raw-lean': () => leanGet(lean, next(), n),
          store: () => readStore(store, next(), n),
        };
        if (redis.client) ops.redis = () => redis.get(next(), n);
        for (const target of ['origin', 'faast', 'faast-embedded', 'redis', 'raw-lean', 'store'] as const) {
          const op = ops[target];
          if (!op) continue;
          list.push({ target, size: label, concurrency: 1, op });
          if (CONCURRENT_TARGETS.has(target)) list.push({ target, size: label, concurrency: HIGH_CONCURRENCY, op });
        }
      }
      list.push({ target: 'sdk-send', size: '-', concurrency: 1, op: () => sdk.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'k' })) });
      return list;
    };

    return {
      cells,
      redisSkipped: redis.skipped,
      originRequests: () => emulator.requests().total,
      faastEvents,
      daemonLog: () => cachelet.stderr(),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

function roundRobin(keys: readonly string[]): () => string {
  let i = 0;
  return () => keys[i++ % keys.length]!;
}

/** A GetObject read to the end of its body; checks the length, so that a short or failed read cannot pass for a fast one. */
async function readS3(client: S3Client, key: string, expected: number): Promise<void> {
  const out = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  const bytes = await out.Body!.transformToByteArray();
  if (bytes.length !== expected) throw new Error(`GetObject ${key}: ${bytes.length} bytes, expected ${expected}`);
}

/** The cachelet's Get over the app protocol with the interceptor's connection, the body read to its end; must be a hit. */
async function leanGet(conn: CacheletConnection, key: string, expected: number): Promise<void> {
  const { header, first, call } = await conn.startGet({ ref: { bucket: BUCKET, key } });
  let bytes = first.length;
  await new Promise<void>((resolve, reject) => {
    call.on('data', (msg: { data: Buffer }) => (bytes += msg.data.length));
    call.on('error', reject);
    call.on('end', resolve);
    call.resume();
  });
  if (bytes !== expected || header.source !== 'HIT') throw new Error(`raw Get ${key}: ${bytes} bytes from ${header.source}, expected a HIT of ${expected}`);
}

/** An in-process Cachelet.get, its body consumed. */
async function readStore(cachelet: Cachelet, key: string, expected: number): Promise<void> {
  const result = await cachelet.get({ ref: { bucket: BUCKET, key } });
  if (result.status !== 'ok') throw new Error(`Cachelet.get ${key}: ${result.status}`);
  let bytes = 0;
  for await (const chunk of result.body) bytes += chunk.length;
  if (bytes !== expected) throw new Error(`Cachelet.get ${key}: ${bytes} bytes, expected ${expected}`);
}

/**
 * An S3Client like the faast one whose initialize step answers at once with a fixed output:
 * what remains is the SDK's own cost per call (command, middleware stack, input checks).
 * Same step and priority as withFaast's read middleware, so it pays what a hit pays before it.
 */
function sdkOnlyClient(emulator: S3Emulator): S3Client {
  // With the SDK's handler cache, as withFaast sets it on the clients it wraps.
  const client = new S3Client({ ...emulator.clientConfig(), cacheMiddleware: true });
  const output = { $metadata: { httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 }, ContentLength: 0, ETag: '"fixed"' };
  client.middlewareStack.add(() => async () => ({ output: { ...output }, response: undefined }), {
    step: 'initialize',
    priority: 'low',
    name: 'benchFixedOutputMiddleware',
  });
  return client;
}

/** The smallest Origin: objects in a Map, bodies as one-chunk streams. */
function memoryOrigin(entries: ReadonlyArray<readonly [string, Buffer]>): Origin {
  const objects = new Map(entries);
  const metaOf = (body: Buffer): ObjectMeta => ({
    etag: '"bench"',
    size: body.length,
    contentType: 'application/octet-stream',
    userMetadata: {},
    headers: {},
  });
  return {
    id: 'memory:bench',
    async get(ref) {
      const body = objects.get(ref.key);
      return body ? { kind: 'found', meta: metaOf(body), body: Readable.from([body]) } : { kind: 'not-found' };
    },
    async head(ref) {
      const body = objects.get(ref.key);
      return body ? metaOf(body) : null;
    },
  };
}
