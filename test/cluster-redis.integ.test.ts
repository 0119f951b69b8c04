/**
 * One cache per app across its instances, the members found through a Redis registry: real
 * cachelet processes (`faast daemon`, built dist) join, leave gracefully, crash (SIGKILL) and
 * rejoin while reads and writes go on through the wrapped S3 clients — no read fails, none is
 * stale, every ring converges. Also: two apps on one Redis never meet; split static views
 * neither loop nor hang across processes; `faast stats` prints the ring; a fill that outlives
 * its ownership is not kept (regression of 15a56c7). One test is known to FAIL (a bug): a write
 * made through an instance whose cachelet is draining never reaches the owner.
 *
 * Redis: 127.0.0.1:6379 if it answers, else a redis-server started for this file, else the
 * Redis tests are skipped (see test/support/redis.ts). Each test has its own app name, and
 * every `faast:APP:*` key is deleted at the end.
 *
 * The origin is the S3 emulator, whose objects are atomic as S3's are (a GET that overlaps a
 * PUT of its key returns one whole version: packages/emulator/test/atomic.integ.test.ts), which
 * these tests rely on: they read and write the same keys all the time.
 */
import { spawnSync } from 'node:child_process';
import * as net from 'node:net';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { FAAST_BIN } from '@faast/cli';
import { HashRing } from '@faast/core';
import { NO_LATENCY_PROFILE, startS3Emulator, type S3Emulator } from '@faast/emulator';
import { bytes } from './support/harness';
import { createCluster, freePort, type Cluster, type Node } from './support/cluster';
import { REDIS_MODE, REDIS_SKIP_REASON, startTestRedis, type TestRedis } from './support/redis';

jest.setTimeout(30_000);

const BUCKET = 'faast-redis-it';
/** The daemons' heartbeat (RedisMembership's default; no flag changes it). */
const HEARTBEAT_MS = 1000;

let emulator: S3Emulator;
let redis: TestRedis;
const clusters: Cluster[] = [];
const extraEmulators: S3Emulator[] = [];
/** Measured times, printed once at the end (for the report; not asserted beyond the bounds in the tests). */
const timings: string[] = [];

if (REDIS_MODE === 'none') console.warn(`cluster-redis.integ: the Redis membership tests are SKIPPED: ${REDIS_SKIP_REASON}`);
const describeRedis = REDIS_MODE === 'none' ? describe.skip : describe;

beforeAll(async () => {
  emulator = await startS3Emulator({ profile: NO_LATENCY_PROFILE, buckets: [BUCKET] });
  if (REDIS_MODE !== 'none') redis = await startTestRedis();
});

afterEach(async () => {
  // One at a time: a cluster's close() closes every cachelet connection of this process.
  for (const c of clusters.splice(0)) await c.close();
  for (const e of extraEmulators.splice(0)) await e.close();
  await redis?.cleanup();
});

afterAll(async () => {
  await redis?.close();
  await emulator?.close();
  if (timings.length > 0) console.log(`cluster-redis timings:\n  ${timings.join('\n  ')}`);
});

// ---------------------------------------------------------------------------------------------
// Helpers

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function cluster(size: number, app: string, emu: S3Emulator = emulator): Promise<Cluster> {
  // The ring's own behaviour (owners, replicas, fallbacks) is under test: every read reaches a
  // cachelet (near caches are covered by near-consistency.integ.test.ts).
  const c = await createCluster({ size, app, bucket: BUCKET, emulator: emu, faast: { nearCache: false } });
  clusters.push(c);
  return c;
}

async function read(client: S3Client, Key: string): Promise<Buffer> {
  const out = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
  return Buffer.from(await out.Body!.transformToByteArray());
}

async function put(client: S3Client, Key: string, Body: Buffer | string): Promise<void> {
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body }));
}

/** Polls `check` until it returns a value; throws after `timeoutMs`, saying what was last seen. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number, seen: () => string = () => ''): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined) return { value, ms: Date.now() - start };
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${seen()}`);
    await sleep(25);
  }
}

interface RingView {
  self: string;
  epoch: string;
  ids: string[];
  views: number;
}

async function ringOf(n: Node): Promise<RingView> {
  const r = (await n.stats()).ring!;
  return { self: r.self, epoch: r.epoch, ids: r.members.map((m) => m.id).sort(), views: r.views };
}

const rings = new Map<string, HashRing>();
const ringFor = (ids: string[]) => {
  const k = [...ids].sort().join('\n');
  let ring = rings.get(k);
  if (!ring) rings.set(k, (ring = new HashRing(ids.map((id) => ({ id })))));
  return ring;
};
const epochOf = (ids: string[]) => ringFor(ids).epoch;
/** The owner of an object under the ring of `ids` (store keys are BUCKET/KEY). */
const ownerOf = (ids: string[], key: string) => ringFor(ids).owner(`${BUCKET}/${key}`)!;
const peers = (nodes: Node[]) => nodes.map((n) => n.peer).sort();

/** The first key `prefix/i` that satisfies `wanted`. */
function findKey(prefix: string, wanted: (key: string) => boolean): string {
  for (let i = 0; i < 100_000; i++) if (wanted(`${prefix}/${i}`)) return `${prefix}/${i}`;
  throw new Error(`no key under ${prefix}/ satisfies the condition`);
}

/** Waits until every node of `nodes` reports the ring of exactly `members`; returns the ms it took. */
async function converge(nodes: Node[], members: Node[], timeoutMs: number): Promise<number> {
  const ids = peers(members);
  const epoch = epochOf(ids);
  let last: unknown;
  const { ms } = await waitFor(
    `[${nodes.map((n) => n.name)}] to see the ring [${members.map((n) => n.name)}] (epoch ${epoch})`,
    async () => {
      const rings = await Promise.all(nodes.map((n) => ringOf(n).catch((err: Error) => err.message)));
      last = rings;
      return rings.every((r) => typeof r !== 'string' && r.epoch === epoch && r.ids.join() === ids.join()) ? true : undefined;
    },
    timeoutMs,
    () => JSON.stringify(last),
  );
  return ms;
}

/**
 * Objects whose bodies say which version they are (`KEY#V#` + deterministic bytes), written
 * one at a time per key, so a read can be judged: the bytes of a version that was written, no
 * older than the last write that completed before the read began.
 */
class Versions {
  private readonly started = new Map<string, number>();
  private readonly committed = new Map<string, number>();
  writes = 0;
  reads = 0;

  constructor(private readonly sizeOf: (key: string) => number) {}

  body(key: string, v: number): Buffer {
    let seed = v + 1;
    for (const ch of key) seed = (Math.imul(seed, 31) + ch.charCodeAt(0)) >>> 0;
    return Buffer.concat([Buffer.from(`${key}#${v}#`), bytes(this.sizeOf(key), seed)]);
  }

  /** The latest version written (completed) of `key`. */
  latest(key: string): number {
    return this.committed.get(key) ?? -1;
  }

  async write(client: S3Client, key: string): Promise<number> {
    const v = (this.started.get(key) ?? -1) + 1;
    this.started.set(key, v);
    await put(client, key, this.body(key, v));
    this.committed.set(key, v);
    this.writes++;
    return v;
  }

  /** Reads `key` through `client` and records what is wrong with the answer in `problems`. */
  async check(client: S3Client, key: string, label: string, problems: string[]): Promise<void> {
    const floor = this.latest(key);
    let got: Buffer;
    try {
      got = await read(client, key);
    } catch (err) {
      problems.push(`${label} ${key}: the read failed: ${(err as Error).name}: ${(err as Error).message}`);
      return;
    } finally {
      this.reads++;
    }
    const m = /^([^#]+)#(\d+)#/.exec(got.subarray(0, 200).toString('latin1'));
    if (!m || m[1] !== key) return void problems.push(`${label} ${key}: bytes of no version (${got.length} B)`);
    const v = Number(m[2]);
    if (!got.equals(this.body(key, v))) problems.push(`${label} ${key}: v${v} with wrong bytes (${got.length} B)`);
    else if (v < floor) problems.push(`${label} ${key}: stale v${v}; v${floor} was written before the read began`);
    else if (v > (this.started.get(key) ?? -1)) problems.push(`${label} ${key}: v${v} was never written`);
  }
}

/**
 * Background loops (readers, writers) of a test: they run while `running`, and `stop()` ends
 * them and waits — also when the test failed half-way, so no loop outlives its test. They stop
 * by themselves once `problems` has many entries.
 */
class Loops {
  private readonly loops: Promise<void>[] = [];
  private stopped = false;
  constructor(readonly problems: string[]) {}
  get running(): boolean {
    return !this.stopped && this.problems.length < 20;
  }
  spawn(loop: () => Promise<void>): void {
    this.loops.push(loop().catch((err: Error) => void this.problems.push(`a loop threw: ${err.message}`)));
  }
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
  }
}

/** A base port such that base … base+n-1 are all free on 127.0.0.1. */
async function consecutiveFreePorts(n: number): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    let ok = true;
    for (let p = base; p < base + n && ok; p++) ok = await free(p);
    if (ok) return base;
  }
  throw new Error(`no ${n} consecutive free ports found`);
}

// ---------------------------------------------------------------------------------------------

describeRedis('cachelets with Redis membership', () => {
  it('three daemons converge on one ring; a graceful stop leaves the others at once; a restart rejoins', async () => {
    const app = redis.app('members');
    const c = await cluster(3, app);
    const [n0, n1, n2] = c.nodes as [Node, Node, Node];
    const started = Date.now();
    await Promise.all(c.nodes.map((_, i) => c.start(i, redis.url)));
    const spawnMs = Date.now() - started;
    const joinMs = await converge(c.nodes, c.nodes, 3000);
    const rings = await Promise.all(c.nodes.map(ringOf));
    expect(new Set(rings.map((r) => r.epoch))).toEqual(new Set([epochOf(peers(c.nodes))]));
    expect(rings.map((r) => r.self)).toEqual(c.nodes.map((n) => n.peer));
    // The registry holds exactly the three, each with its address.
    expect((await redis.admin.zrange(`faast:${app}:members`, '0', '-1')).sort()).toEqual(peers(c.nodes));
    const info = await redis.admin.hgetall(`faast:${app}:member-info`);
    expect(Object.keys(info).sort()).toEqual(peers(c.nodes));
    for (const n of c.nodes) expect(JSON.parse(info[n.peer]!)).toMatchObject({ id: n.peer, address: n.peer });

    // A graceful stop deregisters and announces it: the others drop it well before an entry
    // could have expired (3 heartbeats).
    const stopping = Date.now();
    const stopped = c.stop(2);
    await converge([n0, n1], [n0, n1], 3000);
    const leaveMs = Date.now() - stopping;
    expect(await stopped).toBeUndefined();
    expect(leaveMs).toBeLessThan(1500);
    expect((await redis.admin.zrange(`faast:${app}:members`, '0', '-1')).sort()).toEqual(peers([n0, n1]));
    expect(Object.keys(await redis.admin.hgetall(`faast:${app}:member-info`)).sort()).toEqual(peers([n0, n1]));

    // It comes back on the same address: the same three members, hence the same epoch as before.
    const restarting = Date.now();
    await c.start(2, redis.url);
    await converge(c.nodes, c.nodes, 3000);
    const rejoinMs = Date.now() - restarting;
    expect((await ringOf(n2)).epoch).toBe(rings[0]!.epoch);
    expect((await ringOf(n0)).views).toBeGreaterThanOrEqual(3); // 3 members, 2, 3 again
    timings.push(`members: spawn 3 = ${spawnMs} ms, converged ${joinMs} ms after; graceful leave seen ${leaveMs} ms after SIGTERM; restart + rejoin ${rejoinMs} ms`);
  });

  it('kill -9 of a member under a read loop: no read fails, none is stale, the dead member leaves within ~4 heartbeats', async () => {
    const app = redis.app('kill');
    const c = await cluster(3, app);
    const [n0, n1, n2] = c.nodes as [Node, Node, Node];
    await Promise.all(c.nodes.map((_, i) => c.start(i, redis.url)));
    await converge(c.nodes, c.nodes, 3000);
    const all = peers(c.nodes);
    const sizes = [2_000, 40_000, 400_000];
    const keys = Array.from({ length: 18 }, (_, i) => `kill/${i}.bin`);
    const versions = new Versions((key) => sizes[Number(/\d+/.exec(key)![0]) % sizes.length]!);
    const victims = keys.filter((k) => ownerOf(all, k) === n2.peer);
    expect(victims.length).toBeGreaterThanOrEqual(2);
    const problems: string[] = [];

    // Written through all three clients, read through all three twice (hot: replicas too).
    for (const [i, key] of keys.entries()) await versions.write(c.nodes[i % 3]!.client, key);
    for (let round = 0; round < 2; round++) for (const n of c.nodes) for (const key of keys) await versions.check(n.client, key, `${n.name} warm-up`, problems);
    expect(problems).toEqual([]);
    const warm = await Promise.all(c.nodes.map((n) => n.stats()));
    expect(warm[2]!.objects).toBe(victims.length);
    expect(warm.reduce((s, x) => s + x.replicaObjects, 0)).toBeGreaterThan(0);

    // Two readers per survivor, all the time.
    const survivors = [n0, n1];
    const loops = new Loops(problems);
    for (const n of survivors) {
      for (const r of [0, 1]) {
        loops.spawn(async () => {
          for (let i = r * 7; loops.running; i++) await versions.check(n.client, keys[i % keys.length]!, n.name, problems);
        });
      }
    }
    let goneMs: number | undefined;
    let wroteWithDeadInRing: boolean | undefined;
    try {
      await sleep(400);
      const killedAt = Date.now();
      await c.kill(2);

      // Writes through the survivors while the dead member is still in their rings: two of its
      // keys and one key of each survivor. Each is seen by both survivors at once.
      const written = [victims[0]!, victims[1]!, keys.find((k) => ownerOf(all, k) === n0.peer)!, keys.find((k) => ownerOf(all, k) === n1.peer)!];
      for (const [j, key] of written.entries()) await versions.write(survivors[j % 2]!.client, key);
      wroteWithDeadInRing = (await Promise.all(survivors.map(ringOf))).every((r) => r.ids.length === 3);
      for (const key of written) for (const n of survivors) await versions.check(n.client, key, `${n.name} right after the write`, problems);

      await converge(survivors, survivors, 4 * HEARTBEAT_MS + 2000);
      goneMs = Date.now() - killedAt;

      // Writes once the ring has two members: the dead member's keys have new owners.
      for (const [j, key] of written.entries()) await versions.write(survivors[(j + 1) % 2]!.client, key);
      for (const key of written) for (const n of survivors) await versions.check(n.client, key, `${n.name} after the ring changed`, problems);
      await sleep(300);
    } finally {
      await loops.stop();
    }

    expect(problems).toEqual([]);
    expect(versions.reads).toBeGreaterThan(200);
    // Expiry = last heartbeat + 3 heartbeats, noticed at a survivor's next heartbeat.
    expect(goneMs).toBeGreaterThanOrEqual(HEARTBEAT_MS);
    expect(goneMs).toBeLessThanOrEqual(4 * HEARTBEAT_MS + 500);
    // The registry forgot it too (the survivors reaped its entry).
    expect((await redis.admin.zrange(`faast:${app}:members`, '0', '-1')).sort()).toEqual(peers(survivors));
    const after = await Promise.all(survivors.map((n) => n.stats()));
    // Reads of the dead member's keys fell back to the origin instead of failing.
    expect(after.reduce((s, x) => s + x.peerFallbacks, 0)).toBeGreaterThan(0);
    timings.push(`kill -9: dead member left both survivors' rings ${goneMs} ms after SIGKILL (writes made while it was still in the ring: ${wroteWithDeadInRing}); ${versions.reads} reads, ${versions.writes} writes`);
  });

  it('read-after-write on every node while a fourth member joins and another leaves', async () => {
    const app = redis.app('churn');
    const c = await cluster(4, app);
    const [n0, n1, n2, n3] = c.nodes as [Node, Node, Node, Node];
    await Promise.all([0, 1, 2].map((i) => c.start(i, redis.url)));
    await converge([n0, n1, n2], [n0, n1, n2], 3000);
    const three = peers([n0, n1, n2]);
    const four = peers(c.nodes);
    const last = peers([n0, n2, n3]);
    // One key the joiner takes over, one owned by the member that leaves, one that never moves.
    const keys = [
      findKey('churn/join', (k) => ownerOf(four, k) === n3.peer),
      findKey('churn/leave', (k) => ownerOf(three, k) === n1.peer && ownerOf(four, k) === n1.peer),
      findKey('churn/stay', (k) => ownerOf(three, k) === n0.peer && ownerOf(four, k) === n0.peer && ownerOf(last, k) === n0.peer),
    ];
    const versions = new Versions(() => 300);
    for (const key of keys) await versions.write(n0.client, key);

    const problems: string[] = [];
    const active = new Set<Node>([n0, n1, n2]);
    const busy = new Map<Node, number>();
    const using = async <T>(n: Node, op: () => Promise<T>): Promise<T> => {
      busy.set(n, (busy.get(n) ?? 0) + 1);
      try {
        return await op();
      } finally {
        busy.set(n, busy.get(n)! - 1);
      }
    };
    const loops = new Loops(problems);
    const reader = (n: Node) =>
      loops.spawn(async () => {
        for (let i = 0; loops.running && active.has(n); i++) await using(n, () => versions.check(n.client, keys[i % keys.length]!, n.name, problems));
      });
    const writer = (key: string, offset: number) =>
      loops.spawn(async () => {
        for (let t = offset; loops.running; t++) {
          const through = [...active];
          const n = through[t % through.length]!;
          await using(n, () => versions.write(n.client, key));
          await sleep(50);
        }
      });
    [n0, n1, n2].forEach(reader);
    keys.forEach(writer);
    let joinMs: number | undefined;
    let leaveMs: number | undefined;
    try {
      await sleep(500);
      const joining = Date.now();
      await c.start(3, redis.url);
      active.add(n3);
      reader(n3);
      await converge(c.nodes, c.nodes, 3000);
      joinMs = Date.now() - joining;
      await sleep(1000);

      // n1 leaves: its application instance stops using it first (as when an instance retires).
      active.delete(n1);
      await waitFor('n1 idle', async () => ((busy.get(n1) ?? 0) === 0 ? true : undefined), 5000);
      const leaving = Date.now();
      const stopped = c.stop(1);
      await converge([n0, n2, n3], [n0, n2, n3], 3000);
      leaveMs = Date.now() - leaving;
      await stopped;
      await sleep(1000);
    } finally {
      await loops.stop();
    }

    expect(problems).toEqual([]);
    expect(versions.writes).toBeGreaterThanOrEqual(3 * 10);
    expect(versions.reads).toBeGreaterThan(100);
    // The joiner took part: it served its key to the others.
    expect((await n3.stats()).peerServed).toBeGreaterThan(0);
    timings.push(`churn: join seen by all ${joinMs} ms after spawn began, leave ${leaveMs} ms after SIGTERM; ${versions.writes} writes, ${versions.reads} reads`);
  });

  it('two apps on one Redis, peer ports side by side, never see each other', async () => {
    const appX = redis.app('x');
    const appY = redis.app(`${appX}-y`, true); // X's name is a prefix of Y's
    const x = await cluster(2, appX);
    const y = await cluster(2, appY);
    const base = await consecutiveFreePorts(4);
    x.nodes.forEach((n, i) => (n.peer = `127.0.0.1:${base + 2 * i}`));
    y.nodes.forEach((n, i) => (n.peer = `127.0.0.1:${base + 2 * i + 1}`));
    await Promise.all([...x.nodes.map((_, i) => x.start(i, redis.url)), ...y.nodes.map((_, i) => y.start(i, redis.url))]);
    await converge(x.nodes, x.nodes, 3000);
    await converge(y.nodes, y.nodes, 3000);
    await sleep(HEARTBEAT_MS + 200); // a heartbeat later, still apart
    await converge(x.nodes, x.nodes, 0);
    await converge(y.nodes, y.nodes, 0);
    expect((await redis.admin.zrange(`faast:${appX}:members`, '0', '-1')).sort()).toEqual(peers(x.nodes));
    expect((await redis.admin.zrange(`faast:${appY}:members`, '0', '-1')).sort()).toEqual(peers(y.nodes));

    const direct = emulator.client({ direct: true });
    const xKeys = Array.from({ length: 8 }, (_, i) => `apps/x/${i}`);
    const yKeys = Array.from({ length: 8 }, (_, i) => `apps/y/${i}`);
    for (const key of [...xKeys, ...yKeys]) await put(direct, key, `bytes of ${key}`);
    const stats = (c: Cluster) => Promise.all(c.nodes.map((n) => n.stats()));
    const sum = (s: Awaited<ReturnType<typeof stats>>, f: (x: (typeof s)[number]) => number) => s.reduce((a, x) => a + f(x), 0);

    for (const n of x.nodes) for (const key of xKeys) expect((await read(n.client, key)).toString()).toBe(`bytes of ${key}`);
    const x1 = await stats(x);
    const y1 = await stats(y);
    expect(sum(x1, (s) => s.objects)).toBe(xKeys.length);
    expect(sum(x1, (s) => s.forwarded)).toBeGreaterThan(0);
    expect(sum(y1, (s) => s.objects + s.replicaObjects + s.hits + s.misses + s.peerServed + s.notOwner)).toBe(0);

    for (const n of y.nodes) for (const key of yKeys) expect((await read(n.client, key)).toString()).toBe(`bytes of ${key}`);
    const x2 = await stats(x);
    const y2 = await stats(y);
    expect(sum(y2, (s) => s.objects)).toBe(yKeys.length);
    // X saw nothing of Y's reads.
    for (const f of ['objects', 'replicaObjects', 'hits', 'misses', 'peerServed', 'notOwner'] as const) expect(sum(x2, (s) => s[f])).toBe(sum(x1, (s) => s[f]));
  });

  it('`faast stats` of a member prints the ring: three members and the keys each owns', async () => {
    const app = redis.app('stats');
    const c = await cluster(3, app);
    await Promise.all(c.nodes.map((_, i) => c.start(i, redis.url)));
    await converge(c.nodes, c.nodes, 3000);
    const direct = emulator.client({ direct: true });
    const keys = Array.from({ length: 30 }, (_, i) => `stats/${i}`);
    for (const key of keys) await put(direct, key, `value of ${key}`);
    for (const key of keys) await read(c.nodes[0]!.client, key);
    const owned = await Promise.all(c.nodes.map(async (n) => (await n.stats()).objects));
    const all = peers(c.nodes);
    expect(owned).toEqual(c.nodes.map((n) => keys.filter((k) => ownerOf(all, k) === n.peer).length));
    expect(owned.every((o) => o > 0)).toBe(true);

    const self = c.nodes[1]!;
    const r = spawnSync(process.execPath, [FAAST_BIN, 'stats', '--socket', self.socket], { encoding: 'utf8', timeout: 20_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const epoch = epochOf(all);
    expect(r.stdout).toMatch(new RegExp(`^ring: epoch ${epoch}, 3 member\\(s\\), \\d+ view\\(s\\) seen, consistency owner$`, 'm'));
    expect(r.stdout).toMatch(/^member\s+keys owned\s+bytes owned\s+replicas\s+capacity\s+view$/m);
    for (const [i, n] of c.nodes.entries()) {
      const label = n === self ? `${n.peer} (this)` : n.peer;
      const row = r.stdout.split('\n').find((line) => line.startsWith(`${label} `));
      expect(row).toBeDefined();
      const cells = row!.slice(label.length).trim().split(/\s{2,}/);
      expect(cells[0]).toBe(String(owned[i]));
      expect(cells.at(-1)).toBe('same');
    }

    const json = spawnSync(process.execPath, [FAAST_BIN, 'stats', '--json', '--socket', self.socket], { encoding: 'utf8', timeout: 20_000 });
    expect(json.status).toBe(0);
    const parsed = JSON.parse(json.stdout) as { ring: { epoch: string; members: { id: string }[] }; members: Record<string, { ownedObjects: number; epoch: string }> };
    expect(parsed.ring.epoch).toBe(epoch);
    expect(parsed.ring.members.map((m) => m.id).sort()).toEqual(all);
    for (const [i, n] of c.nodes.entries()) expect(parsed.members[n.peer]).toMatchObject({ ownedObjects: owned[i], epoch });
  });

  // Across real processes, the case core fixed in 15a56c7 ("fills of keys that moved away are
  // not stored"): a fill started by the owner, n0, completes after a joiner, n3, took the key
  // over. Were it stored, n0 would keep a copy of a key it no longer owns; writes go to n3 only
  // meanwhile; and when n3 leaves, the member set — hence the ring epoch — is the old one
  // again, so a copy stamped with the epoch alone would look valid and n0 would serve the
  // version from before those writes (to its own app and, as the owner, to everyone).
  it('a fill in flight while a member joins is not kept: after the joiner leaves, reads see the writes made meanwhile', async () => {
    const slow = await startS3Emulator({ profile: { firstByteLatencyMs: 0, bandwidthBytesPerSec: 1_000_000 }, buckets: [BUCKET] });
    extraEmulators.push(slow);
    const c = await cluster(4, redis.app('aba'), slow);
    const [n0, n1, n2, n3] = c.nodes as [Node, Node, Node, Node];
    await Promise.all([0, 1, 2].map((i) => c.start(i, redis.url)));
    await converge([n0, n1, n2], [n0, n1, n2], 3000);
    const key = findKey('aba', (k) => ownerOf(peers([n0, n1, n2]), k) === n0.peer && ownerOf(peers(c.nodes), k) === n3.peer);
    const v1 = bytes(4_000_000, 11); // ~4 s through the 1 MB/s origin
    await put(slow.client({ direct: true }), key, v1);

    // n0 owns the key and starts filling it; n3 joins and takes the key over meanwhile.
    let readDone = false;
    const first = read(n0.client, key).finally(() => (readDone = true));
    await waitFor('the fill to start at n0', async () => ((await n0.stats()).misses > 0 ? true : undefined), 3000);
    await c.start(3, redis.url);
    await converge(c.nodes, c.nodes, 3000);
    const inFlightAtJoin = !readDone;
    expect((await first).equals(v1)).toBe(true);
    expect(inFlightAtJoin).toBe(true); // else the scenario did not happen (origin too fast)

    // A write while n3 owns the key: n1 tells n3, the owner under every view now.
    await put(n1.client, key, 'v2');
    expect((await read(n2.client, key)).toString()).toBe('v2');

    // n3 leaves: n0 owns the key again, with the same member set and epoch as before.
    await c.stop(3);
    await converge([n0, n1, n2], [n0, n1, n2], 3000);
    const held = (await n0.stats()).objects;
    const got = await Promise.all(
      [n0, n1, n2].map(async (n) => {
        const b = await read(n.client, key);
        return b.equals(v1) ? 'v1 (stale)' : b.toString('latin1', 0, 16);
      }),
    );
    expect({ got, heldByN0BeforeTheReads: held }).toEqual({ got: ['v2', 'v2', 'v2'], heldByN0BeforeTheReads: 0 });
  });

  // A graceful stop drains: the daemon leaves the ring at once but keeps serving the calls in
  // flight (up to 5 s). Its application instance may still be running, and writing, meanwhile.
  // The write notice of such a write must still reach the key's owner, or every other instance
  // keeps reading the old version from the owner (consistency `owner`: indefinitely).
  it('a write through an instance whose cachelet is draining still reaches the owner', async () => {
    const slow = await startS3Emulator({ profile: { firstByteLatencyMs: 0, bandwidthBytesPerSec: 1_000_000 }, buckets: [BUCKET] });
    extraEmulators.push(slow);
    const c = await cluster(3, redis.app('drain'), slow);
    const [n0, n1, n2] = c.nodes as [Node, Node, Node];
    await Promise.all(c.nodes.map((_, i) => c.start(i, redis.url)));
    await converge(c.nodes, c.nodes, 3000);
    const all = peers(c.nodes);
    const key = findKey('drain/small', (k) => ownerOf(all, k) === n0.peer && ownerOf(peers([n0, n2]), k) === n0.peer);
    const big = findKey('drain/big', (k) => ownerOf(all, k) === n1.peer);
    const direct = slow.client({ direct: true });
    await put(direct, key, 'v1');
    await put(direct, big, bytes(4_000_000, 3)); // ~4 s through the 1 MB/s origin
    for (const n of c.nodes) expect((await read(n.client, key)).toString()).toBe('v1'); // n0 holds v1

    // A long read keeps n1 draining after SIGTERM.
    const long = read(n1.client, big);
    await waitFor('n1 to start its fill', async () => ((await n1.stats()).misses > 0 ? true : undefined), 3000);
    const stopped = c.stop(1);
    await converge([n0, n2], [n0, n2], 3000);
    // n0 revalidates its copy after the view change (still v1).
    for (const n of [n0, n2]) expect((await read(n.client, key)).toString()).toBe('v1');
    // n1 has left the ring and drains (its process still serves the long read); its
    // application writes.
    await put(n1.client, key, 'v2');
    const drainingAtWrite = n1.daemon?.process.exitCode === null;
    const got = await Promise.all([n0, n2].map(async (n) => (await read(n.client, key)).toString()));
    await long;
    await stopped;
    expect(drainingAtWrite).toBe(true); // else the scenario did not happen
    // FAILS today: the notice is refused (UNAVAILABLE: the draining daemon's gRPC server no
    // longer takes calls, its socket is gone), the interceptor keeps it for its own cachelet
    // only, and n0 keeps serving v1 — to n0's and n2's applications alike.
    expect(got).toEqual(['v2', 'v2']);
  });
});

describe('split static views across processes', () => {
  // A forwards to B; B, which does not own the key under its own view, must read the origin
  // rather than forward again (to C, which is dead). (A forwarding cycle A→B→…→A cannot arise
  // from static lists: the member whose point comes first after the key's hash, among those of
  // the cycle, owns the key in every view that lists it — so it would not forward.)
  it('A: [A,B], B: [B,C] with C dead — a key A thinks B owns and B thinks C owns: reads through A and B complete, bounded, correct', async () => {
    const c = await cluster(2, `it-${process.pid}-split`);
    const [a, b] = c.nodes as [Node, Node];
    const dead = `127.0.0.1:${await freePort()}`; // nothing listens there
    await c.start(0, `static:${a.peer},${b.peer}`);
    await c.start(1, `static:${b.peer},${dead}`);
    const views = await Promise.all(c.nodes.map(ringOf));
    expect(views.map((v) => v.ids)).toEqual([[a.peer, b.peer].sort(), [b.peer, dead].sort()]);
    const key = findKey('split', (k) => ownerOf([a.peer, b.peer], k) === b.peer && ownerOf([b.peer, dead], k) === dead);
    const data = bytes(50_000, 7);
    await put(emulator.client({ direct: true }), key, data);
    emulator.resetCounters();

    const reads = [a, b].flatMap((n) => Array.from({ length: 4 }, () => read(n.client, key)));
    let timer: NodeJS.Timeout | undefined;
    const bounded = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('split-view reads did not complete within 10 s')), 10_000)));
    const got = await Promise.race([Promise.all(reads), bounded]).finally(() => clearTimeout(timer));
    for (const g of got) expect(g.equals(data)).toBe(true);

    const [sa, sb] = await Promise.all(c.nodes.map((n) => n.stats()));
    // A forwarded each of its reads to B, once.
    expect(sa).toMatchObject({ forwarded: 4, notOwner: 0, peerServed: 0, objects: 0 });
    // B answered them from the origin (not the owner under its view), without forwarding them
    // to C: only its own 4 reads went for C, and fell back to the origin when C did not answer.
    expect(sb!.notOwner).toBeGreaterThanOrEqual(4);
    expect(sb!.peerServed).toBe(0);
    expect(sb!.forwarded).toBeLessThanOrEqual(4);
    expect(sb!.peerFallbacks).toBe(4);
    expect(sb!.peerErrors).toBeGreaterThanOrEqual(1);
    expect(sb!.objects).toBe(0); // nobody owns the key under its own view: nothing stored
    expect(emulator.requests().byMethod['GET'] ?? 0).toBe(reads.length);
  });
});
