/**
 * A real stack on loopback for integration tests: the S3 emulator (s3rver), a cachelet
 * daemon process (`faast daemon`, built dist), a plain S3 client and the same client wrapped
 * with `withFaast`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type S3Client } from '@aws-sdk/client-s3';
import { spawnCachelet, fetchStats, type SpawnedCachelet } from '@faast/cli';
import { NO_LATENCY_PROFILE, startS3Emulator, type RemoteProfile, type S3Emulator } from '@faast/emulator';
import { closeFaastConnections, nearCacheOf, withFaast, type FaastS3Options } from '@faast/s3';
import type { StatsReply__Output } from '@faast/rpc';

export interface Stack {
  emulator: S3Emulator;
  bucket: string;
  dir: string;
  socket: string;
  cachelet: SpawnedCachelet;
  /** Straight to the emulator. */
  plain: S3Client;
  /** The same configuration, wrapped. */
  wrapped: S3Client;
  stats(): Promise<StatsReply__Output>;
  /** Reads answered without the origin: the cachelet's hits and the near cache's. */
  hits(): Promise<number>;
  /** Starts the cachelet again (after a kill), on the same socket. */
  restart(extraArgs?: string[]): Promise<void>;
  close(): Promise<void>;
}

export interface StackOptions {
  bucket?: string;
  profile?: RemoteProfile;
  daemonArgs?: string[];
  faast?: Omit<FaastS3Options, 'socket'>;
}

export function daemonEnv(emulator: S3Emulator): NodeJS.ProcessEnv {
  return {
    AWS_ACCESS_KEY_ID: emulator.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: emulator.credentials.secretAccessKey,
    AWS_REGION: emulator.region,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const bucket = options.bucket ?? 'faast-test';
  const emulator = await startS3Emulator({ profile: options.profile ?? NO_LATENCY_PROFILE, buckets: [bucket] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faast-it-'));
  const socket = path.join(dir, 'cachelet.sock');
  const args = (): string[] => [
    '--app', 'it', '--origin', `s3://${bucket}`, '--endpoint', emulator.endpoint, '--socket', socket,
    '--checksums', 'when-required', '--log-level', 'warn', ...(options.daemonArgs ?? []),
  ];
  const stack: Stack = {
    emulator,
    bucket,
    dir,
    socket,
    cachelet: await spawnCachelet({ args: args(), env: daemonEnv(emulator) }),
    plain: emulator.client(),
    wrapped: withFaast(emulator.client(), { ...options.faast, socket }),
    stats: () => fetchStats(socket),
    hits: async () => (await fetchStats(socket)).hits + (nearCacheOf(socket)?.counters.hits ?? 0),
    async restart(extraArgs = []) {
      stack.cachelet = await spawnCachelet({ args: [...args(), ...extraArgs], env: daemonEnv(emulator) });
    },
    async close() {
      await closeFaastConnections();
      stack.plain.destroy();
      stack.wrapped.destroy();
      await stack.cachelet.stop();
      await emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return stack;
}

/** Deterministic pseudo-random bytes. */
export function bytes(n: number, seed = 1): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

/** An SDK call's outcome, as comparable data: the output without the body, or the error's identity. */
export async function outcome<T>(p: Promise<T>): Promise<{ ok: T } | { error: { name: string; status: number | undefined; message: string; ctor: string } }> {
  try {
    return { ok: await p };
  } catch (err) {
    const e = err as Error & { $metadata?: { httpStatusCode?: number } };
    return { error: { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message, ctor: e.constructor.name } };
  }
}
