/**
 * A Redis for integration tests of the Redis membership: 127.0.0.1:6379 when it answers PING,
 * else a `redis-server` started on a free port (nothing on disk), else none — decided
 * synchronously at load time so that a suite can be declared skipped.
 *
 * Every app (namespace) a test registers is remembered, and `cleanup()` deletes its
 * `faast:APP:*` keys, so a shared Redis is left as it was found.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import { Redis } from 'ioredis';
import { freePort } from './cluster';

const PING = `const s=require('net').connect(6379,'127.0.0.1');s.setTimeout(1000,()=>process.exit(1));
s.on('error',()=>process.exit(1));s.on('data',(d)=>process.exit(String(d).startsWith('+PONG')?0:1));s.write('PING\\r\\n');`;

/** How this process gets a Redis: the shared one on 6379, one it starts, or none (skip). */
export const REDIS_MODE: 'shared' | 'spawn' | 'none' =
  spawnSync(process.execPath, ['-e', PING], { timeout: 3000 }).status === 0
    ? 'shared'
    : spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0
      ? 'spawn'
      : 'none';

export const REDIS_SKIP_REASON = 'no Redis answers PING at 127.0.0.1:6379 and no redis-server binary to start one';

export interface TestRedis {
  /** `redis://127.0.0.1:PORT`. */
  url: string;
  /** A client for assertions on the registry keys. */
  admin: Redis;
  /**
   * A fresh, unique app name (`it-PID-N-TAG`), or `exact` as given; either way its keys are
   * deleted by {@link TestRedis.cleanup}.
   */
  app(tag: string, exact?: boolean): string;
  /** Deletes `faast:APP:*` of every app handed out so far. */
  cleanup(): Promise<void>;
  /** Cleans up, closes the admin client, stops the redis-server if one was started. */
  close(): Promise<void>;
}

/** Resolves true once 127.0.0.1:`port` answers PING, false after `timeoutMs`. */
export async function waitForRedis(port: number, timeoutMs = 5000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.setTimeout(500, () => (s.destroy(), resolve(false)));
      s.on('error', () => resolve(false));
      s.on('data', (d) => (s.destroy(), resolve(String(d).startsWith('+PONG'))));
      s.write('PING\r\n');
    });
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

export async function startTestRedis(): Promise<TestRedis> {
  if (REDIS_MODE === 'none') throw new Error(REDIS_SKIP_REASON);
  let server: ChildProcess | undefined;
  let port = 6379;
  if (REDIS_MODE === 'spawn') {
    port = await freePort();
    server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: 'ignore' });
    if (!(await waitForRedis(port))) {
      server.kill('SIGKILL');
      throw new Error(`redis-server did not answer on port ${port}`);
    }
  }
  const url = `redis://127.0.0.1:${port}`;
  const admin = new Redis(url, { maxRetriesPerRequest: 1 });
  const apps: string[] = [];
  let n = 0;
  const cleanup = async (): Promise<void> => {
    for (const app of apps.splice(0)) {
      let cursor = '0';
      do {
        const [next, keys] = await admin.scan(cursor, 'MATCH', `faast:${app}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) await admin.del(...keys);
      } while (cursor !== '0');
    }
  };
  return {
    url,
    admin,
    app(tag, exact = false) {
      const app = exact ? tag : `it-${process.pid}-${++n}-${tag}`;
      apps.push(app);
      return app;
    },
    cleanup,
    async close() {
      await cleanup().catch(() => undefined);
      await admin.quit().catch(() => admin.disconnect());
      if (server && server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server!.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
    },
  };
}
