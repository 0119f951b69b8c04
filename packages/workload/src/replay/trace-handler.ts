/**
 * The one function every replayed app runs: its event is an invocation's accesses
 * `[{ key, bytes, read, write }]`, performed for real, in order, with the AWS SDK v3 against
 * the app's bucket — reads are GetObject with the body consumed, writes PutObject of `bytes`
 * bytes. How it reaches S3 is the baseline (`FAAST_REPLAY_BASELINE`), written the way a user
 * would write it:
 * - `none`: a plain S3Client;
 * - `faast`: the same client wrapped once, `withFaast(new S3Client(...))` (the runner gives the
 *   instance its cachelet through FAAST_EMBEDDED / FAAST_SOCKET);
 * - `redis`: a look-aside cache with ioredis: GET the key; on a miss GetObject and, when the
 *   object is at most `FAAST_REPLAY_REDIS_MAX_BYTES`, SET it with a TTL; a write is PutObject
 *   then DEL of the key.
 *
 * Environment: the app's bucket and the baseline's settings ({@link TRACE_HANDLER_ENV}), and
 * S3_ENDPOINT / AWS_* (the origin) from the runner.
 */
import type { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type * as IORedis from 'ioredis';
import type * as FaastS3 from '@faast/s3';
import type { InvocationContext } from '../runner/types';
import { replayBody } from './content';
import { TRACE_HANDLER_ENV, type TraceHandlerResult } from './handler-contract';
import type { ReplayAccess } from './prepare';

const env = process.env;
const baseline = env[TRACE_HANDLER_ENV.baseline] ?? 'none';
const bucket = env[TRACE_HANDLER_ENV.bucket] ?? '';

interface Clients {
  s3: S3Client;
  redis?: IORedis.Redis;
}

async function init(): Promise<Clients> {
  if (!bucket) throw new Error(`${TRACE_HANDLER_ENV.bucket} is not set`);
  let s3 = new S3Client({
    ...(env['S3_ENDPOINT'] ? { endpoint: env['S3_ENDPOINT'], forcePathStyle: true } : {}),
    // s3rver does not understand aws-chunked uploads; real S3 accepts either.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  if (baseline === 'faast') {
    // Loaded only here: the other baselines do not pay for loading the cache client.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { withFaast } = require('@faast/s3') as typeof FaastS3;
    s3 = withFaast(s3);
  }
  if (baseline !== 'redis') return { s3 };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Redis: RedisClient } = require('ioredis') as typeof IORedis;
  const redis = new RedisClient(env[TRACE_HANDLER_ENV.redisUrl] ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 2 });
  // Errors reach the commands that fail; no unhandled 'error' events.
  redis.on('error', () => undefined);
  return { s3, redis };
}

const ready = init();
// A failed init is reported by the first invocation.
ready.catch(() => undefined);
const redisPrefix = env[TRACE_HANDLER_ENV.redisPrefix] ?? 'faast-replay:';
const redisTtlSeconds = Number(env[TRACE_HANDLER_ENV.redisTtlSeconds] ?? 300);
const redisMaxBytes = Number(env[TRACE_HANDLER_ENV.redisMaxBytes] ?? 8 * 2 ** 20);

/** Reads the body; keeps the bytes only when `keepUpTo` allows (for Redis), else just counts them. */
async function consume(body: unknown, keepUpTo: number): Promise<{ bytes: number; kept: Buffer | undefined }> {
  let bytes = 0;
  let parts: Buffer[] | undefined = keepUpTo > 0 ? [] : undefined;
  for await (const chunk of body as Readable) {
    const b = chunk as Buffer;
    bytes += b.length;
    if (parts && bytes <= keepUpTo) parts.push(b);
    else parts = undefined;
  }
  return { bytes, kept: parts ? Buffer.concat(parts, bytes) : undefined };
}

async function read(c: Clients, key: string, out: TraceHandlerResult): Promise<number> {
  const redisKey = redisPrefix + key;
  if (c.redis) {
    const cached = await c.redis.getBuffer(redisKey);
    if (cached) {
      out.redisHits = (out.redisHits ?? 0) + 1;
      return cached.length;
    }
  }
  const reply = await c.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const { bytes, kept } = await consume(reply.Body, c.redis ? redisMaxBytes : 0);
  if (c.redis && kept) await c.redis.set(redisKey, kept, 'EX', redisTtlSeconds);
  return bytes;
}

async function write(c: Clients, key: string, bytes: number): Promise<void> {
  await c.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: replayBody(bytes), ContentLength: bytes }));
  if (c.redis) await c.redis.del(redisPrefix + key);
}

export async function handler(event: ReplayAccess[], _context?: InvocationContext): Promise<TraceHandlerResult> {
  const c = await ready;
  const out: TraceHandlerResult = { reads: 0, writes: 0, bytesRead: 0, bytesWritten: 0, readSizes: [] };
  if (baseline === 'redis') out.redisHits = 0;
  for (const a of event) {
    if (a.read) {
      const n = await read(c, a.key, out);
      out.reads++;
      out.bytesRead += n;
      out.readSizes.push(n);
    }
    if (a.write) {
      await write(c, a.key, a.bytes);
      out.writes++;
      out.bytesWritten += a.bytes;
    }
  }
  return out;
}
