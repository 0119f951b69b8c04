/**
 * RedisMembership against a real Redis: 127.0.0.1:6379 when it answers, else a redis-server
 * started here on a free port, else skipped. Each test has its own app (namespace) and deletes
 * its keys afterwards, so the shared Redis is left as it was found.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { Redis } from 'ioredis';
import type { Member } from '@faast/core';
import { RedisMembership, type RedisMembershipOptions } from '../src/membership-redis';
import { waitForRedis } from '../../../test/support/redis';
import { sleep, waitFor } from '../../../test/support/wait';

const HB = 100; // heartbeat, ms: short to keep the tests fast

// Decided synchronously, at load time, so that the suite can be declared skipped.
const PING = `const s=require('net').connect(6379,'127.0.0.1');s.setTimeout(1000,()=>process.exit(1));
s.on('error',()=>process.exit(1));s.on('data',(d)=>process.exit(String(d).startsWith('+PONG')?0:1));s.write('PING\\r\\n');`;
const sharedRedis = spawnSync(process.execPath, ['-e', PING], { timeout: 3000 }).status === 0;
const hasRedisServer = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
if (!sharedRedis && !hasRedisServer) console.warn('membership-redis tests skipped: no Redis at 127.0.0.1:6379 and no redis-server to start');

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A redis-server child process (nothing on disk), started on `port`. */
async function startRedisServer(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: 'ignore' });
  if (!(await waitForRedis(port))) throw new Error(`redis-server did not answer on port ${port}`);
  return child;
}

async function stopRedisServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}


const ids = (m: RedisMembership) => m.members().map((x) => x.id);
const member = (id: string): Member => ({ id, address: `10.0.0.${id.length}:${7000 + Number(id.slice(1))}`, capacityBytes: 1000 * Number(id.slice(1)) });

(sharedRedis || hasRedisServer ? describe : describe.skip)('RedisMembership (real Redis)', () => {
  let url = 'redis://127.0.0.1:6379';
  let server: ChildProcess | undefined;
  let admin: Redis;
  const apps: string[] = [];
  const started: RedisMembership[] = [];
  let n = 0;

  const newApp = () => {
    const app = `test-${process.pid}-${Date.now()}-${++n}`;
    apps.push(app);
    return app;
  };
  const make = (options: Partial<RedisMembershipOptions> & { app: string }) => {
    const m = new RedisMembership({ url, heartbeatMs: HB, ...options });
    started.push(m);
    return m;
  };
  const startAll = async (app: string, names: string[], options: Partial<RedisMembershipOptions> = {}) => {
    const ms = names.map(() => make({ app, ...options }));
    await Promise.all(ms.map((m, i) => m.start(member(names[i]!))));
    return ms;
  };

  beforeAll(async () => {
    if (!sharedRedis) {
      const port = await freePort();
      server = await startRedisServer(port);
      url = `redis://127.0.0.1:${port}`;
    }
    admin = new Redis(url);
  });

  afterEach(async () => {
    await Promise.all(started.splice(0).map((m) => m.stop()));
    for (const app of apps.splice(0)) {
      const keys = await admin.keys(`faast:${app}:*`);
      if (keys.length > 0) await admin.del(...keys);
    }
  });

  afterAll(async () => {
    await admin.quit();
    if (server) await stopRedisServer(server);
  });

  it('three members each see all three, sorted, with their addresses and capacity', async () => {
    const app = newApp();
    const ms = await startAll(app, ['m3', 'm1', 'm2']);
    await waitFor('all three in every view', () => ms.every((m) => m.members().length === 3), 5 * HB);
    for (const m of ms) expect(m.members()).toEqual([member('m1'), member('m2'), member('m3')]);
    // The registry holds exactly the three entries.
    expect((await admin.zrange(`faast:${app}:members`, '0', '-1')).sort()).toEqual(['m1', 'm2', 'm3']);
    expect(JSON.parse((await admin.hget(`faast:${app}:member-info`, 'm2'))!)).toEqual(member('m2'));
  });

  it('a member that stops gracefully leaves the others at once (pub/sub), and its keys are gone', async () => {
    const app = newApp();
    // A long heartbeat: only the pub/sub message can explain a prompt update.
    const [a, b, c] = await startAll(app, ['m1', 'm2', 'm3'], { heartbeatMs: 2000 });
    await waitFor('all three', () => [a!, b!, c!].every((m) => m.members().length === 3), 1000);
    const changes: string[][] = [];
    const off = a!.onChange((list) => changes.push(list.map((x) => x.id)));
    await c!.stop();
    const elapsed = await waitFor('m3 gone from a and b', () => ids(a!).length === 2 && ids(b!).length === 2, 1000);
    expect(elapsed).toBeLessThan(500);
    expect(ids(a!)).toEqual(['m1', 'm2']);
    expect(changes).toEqual([['m1', 'm2']]);
    off();
    expect(await admin.zscore(`faast:${app}:members`, 'm3')).toBeNull();
    expect(await admin.hget(`faast:${app}:member-info`, 'm3')).toBeNull();
  });

  it('a member that dies (no deregistration) is dropped within 4 heartbeats, its info reaped', async () => {
    const app = newApp();
    const [a, b, dead] = await startAll(app, ['m1', 'm2', 'm3']);
    await waitFor('all three', () => [a!, b!].every((m) => m.members().length === 3), 5 * HB);
    dead!.abandon();
    expect(await admin.zscore(`faast:${app}:members`, 'm3')).not.toBeNull(); // still registered: a crash says nothing
    const elapsed = await waitFor('m3 dropped', () => ids(a!).length === 2 && ids(b!).length === 2, 4 * HB + 300);
    expect(elapsed).toBeGreaterThanOrEqual(HB); // not announced: it had to expire
    expect(ids(b!)).toEqual(['m1', 'm2']);
    expect(await admin.hget(`faast:${app}:member-info`, 'm3')).toBeNull();
  });

  it('reaps an expired entry at once, judged by the injected clock', async () => {
    const app = newApp();
    const now = 1_000_000;
    await admin.zadd(`faast:${app}:members`, now - 1, 'ghost');
    await admin.hset(`faast:${app}:member-info`, 'ghost', JSON.stringify(member('m9')));
    const m = make({ app, clock: { now: () => now } });
    await m.start(member('m1'));
    expect(ids(m)).toEqual(['m1']);
    expect(await admin.hexists(`faast:${app}:member-info`, 'ghost')).toBe(0);
    expect(await admin.zscore(`faast:${app}:members`, 'm1')).toBe(String(now + 3 * HB));
  });

  it('skips a member with malformed info, reporting it once', async () => {
    const app = newApp();
    await admin.zadd(`faast:${app}:members`, Date.now() + 60_000, 'bad');
    await admin.hset(`faast:${app}:member-info`, 'bad', 'not json');
    const errors: Error[] = [];
    const [m] = await startAll(app, ['m1'], { onError: (e) => errors.push(e) });
    await sleep(3 * HB);
    expect(ids(m!)).toEqual(['m1']);
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining("the info of 'bad'")]);
  });

  it('stop() during start() waits for the join, then leaves nothing registered; start() is once only', async () => {
    const app = newApp();
    const m = make({ app });
    const starting = m.start(member('m1'));
    await m.stop();
    await starting;
    expect(await admin.exists(`faast:${app}:members`, `faast:${app}:member-info`)).toBe(0);
    await expect(m.start(member('m1'))).rejects.toThrow(/once/);
  });

  it('two apps on the same Redis never see each other', async () => {
    const [a1, a2] = await startAll(newApp(), ['m1', 'm2']);
    const [b1] = await startAll(newApp(), ['m3']);
    await waitFor('app A complete', () => a1!.members().length === 2 && a2!.members().length === 2, 5 * HB);
    await sleep(3 * HB);
    expect(ids(a1!)).toEqual(['m1', 'm2']);
    expect(ids(b1!)).toEqual(['m3']);
  });

  it('onChange: an unsubscribed listener is not called any more, the others are', async () => {
    const app = newApp();
    const [a] = await startAll(app, ['m1']);
    const kept: number[] = [];
    const dropped: number[] = [];
    a!.onChange((list) => kept.push(list.length));
    const off = a!.onChange((list) => dropped.push(list.length));
    await startAll(app, ['m2']);
    await waitFor('m2 seen', () => kept.length === 1, 5 * HB);
    off();
    await startAll(app, ['m3']);
    await waitFor('m3 seen', () => kept.length === 2, 5 * HB);
    expect(kept).toEqual([2, 3]);
    expect(dropped).toEqual([2]);
  });

  it('start against an unreachable Redis rejects quickly, naming the URL (password hidden)', async () => {
    const m = new RedisMembership({ url: 'redis://:s3cret@127.0.0.1:1', app: newApp() });
    const t0 = Date.now();
    const err = await m.start(member('m1')).catch((e: unknown) => e as Error);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(err).toBeInstanceOf(Error);
    expect(err!.message).toMatch(/cannot join through Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1 .*ECONNREFUSED/);
    expect(err!.message).not.toContain('s3cret');
    await m.stop(); // harmless after a failed start
  });

  it('start against a server that never answers gives up after connectTimeoutMs', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s)).listen(0, '127.0.0.1');
    await new Promise((resolve) => silent.once('listening', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const m = new RedisMembership({ url: `redis://127.0.0.1:${port}`, app: newApp(), connectTimeoutMs: 300 });
      const t0 = Date.now();
      await expect(m.start(member('m1'))).rejects.toThrow(`cannot join through Redis at redis://127.0.0.1:${port}`);
      expect(Date.now() - t0).toBeLessThan(1500);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('rejects a URL that is not redis:// and an app name that cannot be a namespace', () => {
    expect(() => new RedisMembership({ url: 'http://127.0.0.1:6379', app: 'a' })).toThrow(/^--members: /);
    expect(() => new RedisMembership({ url, app: 'my app' })).toThrow(/^--app: /);
    expect(() => new RedisMembership({ url, app: 'a*' })).toThrow(/^--app: /);
    expect(() => new RedisMembership({ url, app: 'a', heartbeatMs: 0 })).toThrow(/^heartbeatMs: /);
  });

  (hasRedisServer ? it : it.skip)('Redis down: onError once, the last view kept; back up (empty): re-registers by itself', async () => {
    const port = await freePort();
    let own = await startRedisServer(port);
    try {
      const app = `own-${process.pid}`;
      const errors: Error[] = [];
      const opts = { url: `redis://127.0.0.1:${port}`, app, onError: (e: Error) => errors.push(e) };
      const [a, b] = await startAll(app, ['m1', 'm2'], opts);
      await waitFor('both', () => a!.members().length === 2 && b!.members().length === 2, 5 * HB);
      await stopRedisServer(own);
      await waitFor('an error reported', () => errors.length > 0, 2000);
      await sleep(4 * HB);
      expect(ids(a!)).toEqual(['m1', 'm2']); // kept while Redis is away
      expect(errors.length).toBeLessThanOrEqual(2); // once per member per outage, not per retry
      expect(errors[0]!.message).toContain(`redis://127.0.0.1:${port}`);
      own = await startRedisServer(port); // a new, empty Redis
      const check = new Redis(opts.url);
      try {
        const end = Date.now() + 4000;
        while ((await check.zcard(`faast:${app}:members`)) < 2 && Date.now() < end) await sleep(20);
        expect((await check.zrange(`faast:${app}:members`, '0', '-1')).sort()).toEqual(['m1', 'm2']);
      } finally {
        await check.quit();
      }
      await Promise.all(started.splice(0).map((m) => m.stop()));
    } finally {
      await stopRedisServer(own);
    }
  });
});
