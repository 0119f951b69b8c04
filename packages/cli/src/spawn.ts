/**
 * Starts `faast daemon` as a child process and waits until it serves (the gRPC health check
 * on `<socket>.grpc`), or only until it has started (its Stats answer: a daemon whose origin
 * is unusable starts but is NOT_SERVING) — how the demo, the benchmarks and the multi-process
 * tests run real cachelets.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createCacheClient, createHealthClient } from '@faast/rpc';
import { statsAddress } from './stats';

/** The built `faast` executable (the same path from src/ and dist/). */
export const FAAST_BIN = path.resolve(__dirname, '..', 'dist', 'bin.js');

export interface SpawnedCachelet {
  readonly process: ChildProcess;
  readonly socket: string;
  /** What the daemon wrote on stderr so far (its JSON logs). */
  stderr(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
  /** SIGKILL at once (a crash). */
  kill(): Promise<void>;
}

export interface SpawnCacheletOptions {
  /** `faast daemon` flags, e.g. ['--app', 'demo', '--origin', 's3://b']; `--socket` is required. */
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Options for the node process itself (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
  /** How long to wait for the health check, ms. Default 15000. */
  readyTimeoutMs?: number;
  /** Wait until health says SERVING (default), or only until the daemon has started (`started`: its Stats answer). */
  until?: 'serving' | 'started';
}

export async function spawnCachelet(options: SpawnCacheletOptions): Promise<SpawnedCachelet> {
  const i = options.args.indexOf('--socket');
  const socket = i >= 0 ? options.args[i + 1] : undefined;
  if (!socket) throw new Error('spawnCachelet: --socket is required');
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), FAAST_BIN, 'daemon', ...options.args], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  const deadline = Date.now() + (options.readyTimeoutMs ?? 15_000);
  const health = createHealthClient(statsAddress(socket));
  const cache = createCacheClient(statsAddress(socket));
  const ready = (): Promise<boolean> =>
    new Promise<boolean>((resolve) => {
      const deadline = { deadline: Date.now() + 500 };
      if (options.until === 'started') cache.Stats({}, deadline, (err) => resolve(!err));
      else health.Check({ service: '' }, deadline, (err, reply) => resolve(!err && reply?.status === 'SERVING'));
    });
  try {
    for (;;) {
      if (exitCode !== undefined) throw new Error(`faast daemon exited with code ${exitCode}: ${stderr.trim()}`);
      if (Date.now() > deadline) throw new Error(`faast daemon did not become ready on ${socket}: ${stderr.trim()}`);
      if (await ready()) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  } finally {
    health.close();
    cache.close();
  }

  return {
    process: child,
    socket,
    stderr: () => stderr,
    async stop(graceMs = 5000) {
      if (exitCode !== undefined) return exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    async kill() {
      if (exitCode !== undefined) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
