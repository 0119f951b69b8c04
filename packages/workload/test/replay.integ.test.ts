/**
 * A tiny hand-made trace replayed through the three baselines against the S3 emulator (no
 * added latency, high speed): every baseline does the same work, every invocation succeeds,
 * the caches spare origin GETs, and a write is seen by the reads after it — through the Redis
 * look-aside cache (DEL on write) and through Faa$T (the owner's version) alike.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Redis } from 'ioredis';
import { NO_LATENCY_PROFILE } from '@faast/emulator';
import { prepareReplay, type PreparedReplay, type ReplayInvocation } from '../src/replay/prepare';
import { runReplay } from '../src/replay/run';
import type { TraceHandlerResult } from '../src/replay/handler-contract';
import type { InvocationResult } from '../src/runner/types';
import type { Baseline, ReplayReport } from '../src/replay/types';
import type { TraceRecord } from '../src/trace/types';
import { REDIS_MODE, REDIS_SKIP_REASON, startTestRedis, type TestRedis } from '../../../test/support/redis';

jest.setTimeout(60_000);

const T0 = Date.UTC(2020, 10, 23, 12);
const KiB = 1024;

function rec(t: number, app: string, invocation: string, blob: string, bytes: number, op: 'r' | 'w' = 'r'): TraceRecord {
  return { timestampMs: T0 + t, region: 'r1', user: 'u1', app, invocation, blob, blobType: 'BlockBlob/application/octet-stream', etag: `e-${blob}`, bytes, read: op === 'r', write: op === 'w' };
}

/**
 * App `models`: six invocations re-reading a 200 KiB model and a 100 B config, then one that
 * rewrites the config at 2 KiB, one that reads it 2 s later, and one that rewrites it at 4 KiB
 * and reads it back in the same invocation. App `thumbs`: five invocations reading shared 5 KiB
 * and 64 KiB objects. 8 s of trace, replayed at 5× (about 1.6 s per baseline).
 */
function trace(): TraceRecord[] {
  const r: TraceRecord[] = [];
  for (let i = 0; i < 6; i++) {
    r.push(rec(i * 700, 'models', `m${i}`, 'config.json', 100));
    r.push(rec(i * 700 + 5, 'models', `m${i}`, 'model.bin', 200 * KiB));
  }
  r.push(rec(5000, 'models', 'write', 'config.json', 2 * KiB, 'w'));
  r.push(rec(7000, 'models', 'after', 'config.json', 2 * KiB));
  r.push(rec(7005, 'models', 'after', 'model.bin', 200 * KiB));
  r.push(rec(8000, 'models', 'own', 'config.json', 4 * KiB, 'w'));
  r.push(rec(8005, 'models', 'own', 'config.json', 4 * KiB));
  for (let i = 0; i < 5; i++) {
    r.push(rec(350 + i * 800, 'thumbs', `t${i}`, 'shared-a', 5 * KiB));
    r.push(rec(355 + i * 800, 'thumbs', `t${i}`, 'shared-b', 64 * KiB));
  }
  return r.sort((a, b) => a.timestampMs - b.timestampMs);
}

const BASELINES: Baseline[] = ['none', 'redis', 'faast'];

const describeRedis = REDIS_MODE === 'none' ? describe.skip : describe;
if (REDIS_MODE === 'none') console.warn(`replay.integ: skipped: ${REDIS_SKIP_REASON}`);

describeRedis('faast replay of a tiny trace: none, redis, faast', () => {
  let redis: TestRedis;
  let prepared: PreparedReplay;
  let report: ReplayReport;
  const results: Array<{ baseline: Baseline; invocation: ReplayInvocation; result: InvocationResult<TraceHandlerResult> }> = [];
  const progress: string[] = [];

  beforeAll(async () => {
    redis = await startTestRedis();
    prepared = await prepareReplay({ name: 'tiny', open: trace });
    report = await runReplay(prepared, {
      baselines: BASELINES,
      profile: NO_LATENCY_PROFILE,
      speed: 5,
      redisUrl: redis.url,
      concurrency: 2,
      maxInstances: 2,
      onInvocation: (baseline, invocation, result) => results.push({ baseline, invocation, result }),
      onProgress: (p) => {
        if (p.phase === 'done') progress.push(`${p.baseline} ${p.done}/${p.total}`);
      },
    });
  });

  afterAll(async () => {
    await redis?.close();
  });

  it('has the trace and one outcome per baseline, in order', () => {
    expect(report.trace).toEqual({ source: 'tiny', apps: 2, invocations: 14, accesses: 27, spanMs: 8005 });
    expect(report.speed).toBe(5);
    expect(report.baselines.map((b) => b.baseline)).toEqual(BASELINES);
    expect(progress).toEqual(['none 14/14', 'redis 14/14', 'faast 14/14']);
    expect(report.baselines.map((b) => b.cachelet)).toEqual(['none', 'none', 'embedded']);
  });

  it('every baseline runs every invocation, all ok, with the same reads and writes', () => {
    for (const b of report.baselines) {
      expect(b.errors).toBeUndefined();
      expect(b.overall).toMatchObject({ invocations: 14, failed: 0, reads: 25, writes: 2 });
      expect(b.latenciesMs).toHaveLength(14);
      expect(b.overall.latency.count).toBe(14);
      expect(b.apps.map((a) => [a.app, a.invocations, a.failed, a.reads, a.writes])).toEqual([
        ['models', 9, 0, 15, 2],
        ['thumbs', 5, 0, 10, 0],
      ]);
      expect(b.timeline.length).toBeGreaterThanOrEqual(2);
      expect(b.peakMemoryBytes).toBeGreaterThan(0);
      // Warmed up: cold starts only for scale-out instances, counted from the results.
      const mine = results.filter((r) => r.baseline === b.baseline);
      expect(b.overall.coldStarts).toBe(mine.filter((r) => r.result.coldStart).length);
      expect(b.overall.coldStarts).toBeLessThanOrEqual(2);
      expect(b.overall.instanceSeconds).toBeGreaterThan(0);
    }
    expect(results.filter((r) => !r.result.ok)).toEqual([]);
    for (const baseline of BASELINES) expect(results.filter((r) => r.baseline === baseline)).toHaveLength(14);
  });

  it('origin GETs: one per read without a cache, strictly fewer with redis and with faast', () => {
    const [none, redisB, faast] = report.baselines;
    expect(none!.overall.originGets).toBe(25);
    expect(none!.overall.hitRatio).toBe(0);
    for (const cached of [redisB!, faast!]) {
      expect(cached.overall.originGets).toBeLessThan(none!.overall.originGets!);
      expect(cached.overall.hitRatio).toBeGreaterThan(0);
      for (const [i, app] of cached.apps.entries()) expect(app.originGets).toBeLessThan(none!.apps[i]!.originGets!);
    }
    // Per app (by bucket) adds up to the totals: no origin request outside the apps' buckets, in every baseline.
    for (const b of report.baselines) {
      expect(b.apps.reduce((n, a) => n + a.originRequests, 0)).toBe(b.overall.originRequests);
      expect(b.apps.reduce((n, a) => n + a.originBytes, 0)).toBe(b.overall.originBytes);
      expect(b.overall.originByMethod?.['PUT']).toBe(2);
    }
  });

  it('a read after a write returns the new size in every baseline', () => {
    for (const baseline of BASELINES) {
      const of = (id: string) => results.find((r) => r.baseline === baseline && r.invocation.id === id)!.result.result!;
      // Before the write: the seeded 100 B config; the model is always 200 KiB.
      expect(of('m0').readSizes).toEqual([100, 200 * KiB]);
      expect(of('m5').readSizes).toEqual([100, 200 * KiB]);
      expect(of('after').readSizes).toEqual([2 * KiB, 200 * KiB]);
      expect(of('own')).toMatchObject({ reads: 1, writes: 1, readSizes: [4 * KiB] });
    }
  });

  it('uses Redis only in the redis baseline, and leaves no key behind', async () => {
    const redisB = report.baselines[1]!;
    expect(results.filter((r) => r.baseline === 'redis').reduce((n, r) => n + (r.result.result?.redisHits ?? 0), 0)).toBeGreaterThan(0);
    expect(results.filter((r) => r.baseline !== 'redis').every((r) => r.result.result?.redisHits === undefined)).toBe(true);
    expect(redisB.redisMemoryBytes).toBeGreaterThanOrEqual(0);
    const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    try {
      const left: string[] = [];
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `faast-replay:${process.pid}:*`, 'COUNT', 1000);
        left.push(...keys);
        cursor = next;
      } while (cursor !== '0');
      expect(left).toEqual([]);
    } finally {
      client.disconnect();
    }
  });
});
