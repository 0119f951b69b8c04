/**
 * Replaying a prepared trace through the local runner against the embedded S3 emulator, once
 * per baseline (`none`, `redis`, `faast`), each on a fresh origin with the same objects:
 *
 * 1. a new emulator (the remote profile, by default S3 Standard: 15 ms to first byte,
 *    90 MB/s) with one bucket per app, seeded through its direct endpoint (not counted) with
 *    every blob the apps read; then an {@link OriginTap} in front of it for per-app counts;
 * 2. a LocalRunner — cachelet `none` for `none` and `redis`, `embedded` (or `sidecar`) for
 *    `faast` — with one app per trace app, all running the trace handler;
 * 3. a warm-up gives each app one ready instance (an invocation with no access: apps are
 *    running when a trace window starts; caches start empty), then every invocation is sent
 *    at `atMs / speed` after the start, without waiting for earlier ones (they overlap as in
 *    the trace); the runner queues, scales out and cold-starts further instances;
 * 4. measured: each invocation's completion time (the runner's receive-to-result), failures,
 *    reads and writes done (the handler's result), origin requests and bytes (the emulator's
 *    counters, per app by bucket: each app has its own), instance-seconds and cold starts (the runner's
 *    report, from the end of the warm-up), peak memory (the runner's samples: instances and sidecars at once; plus Redis
 *    used_memory growth for `redis`), and a timeline sampled every second.
 * Everything started is stopped, and this run's Redis keys deleted, also on errors and abort.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { Redis } from 'ioredis';
import { S3_STANDARD_PROFILE, startS3Emulator, type BucketCounts, type RemoteProfile, type S3Emulator } from '@faast/emulator';
import * as path from 'node:path';
import { summarizeLatencies } from '../report/summary';
import { LocalRunner } from '../runner/runner';
import type { CacheletMode, InstanceSample, InvocationResult } from '../runner/types';
import { replayBody } from './content';
import type { PreparedReplay, ReplayInvocation } from './prepare';
import { TRACE_HANDLER_ENV, type TraceHandlerResult } from './handler-contract';
import type { AppOutcome, Baseline, BaselineOutcome, ReplayReport, ReplaySetup } from './types';

export const BASELINES: readonly Baseline[] = ['none', 'redis', 'faast'];

/** The built trace handler (the same path from src/ under jest and from dist/). */
export const TRACE_HANDLER_MODULE = path.resolve(__dirname, '..', '..', 'dist', 'replay', 'trace-handler.js');

export const REPLAY_DEFAULTS = {
  speed: 1,
  concurrency: 4,
  maxInstances: 4,
  /** Keep-alive of an idle app in trace time: 10 min, divided by the speed (at least 2 s of replay). */
  keepAliveTraceMs: 10 * 60_000,
  minKeepAliveMs: 2000,
  cacheCapacityBytes: 64 * 2 ** 20,
  redisUrl: 'redis://127.0.0.1:6379',
  redisTtlSeconds: 300,
  redisMaxObjectBytes: 8 * 2 ** 20,
  /** Objects put into the origin at once while seeding. */
  seedConcurrency: 8,
};

export interface ReplayProgress {
  baseline: Baseline;
  /** `seeding`: objects put in the origin (done / total); `running`: invocations completed; `done`: the baseline finished. */
  phase: 'seeding' | 'running' | 'done';
  done: number;
  total: number;
  failed: number;
}

export interface ReplayOptions {
  /** Default none, redis, faast (in that order). */
  baselines?: readonly Baseline[];
  /** Trace time per replay time: 60 replays one minute of trace per second. Default 1. */
  speed?: number;
  /** The `faast` baseline's cachelets. Default `embedded`. */
  cachelet?: 'embedded' | 'sidecar';
  /** The origin's latency and bandwidth. Default S3_STANDARD_PROFILE. */
  profile?: RemoteProfile;
  /** The Redis of the `redis` baseline. Default redis://127.0.0.1:6379. */
  redisUrl?: string;
  /** TTL of what the look-aside cache stores, s. Default 300. */
  redisTtlSeconds?: number;
  /** Larger objects are not stored in Redis (read from S3 every time). Default 8 MiB. */
  redisMaxObjectBytes?: number;
  /** Per app: invocations per instance before another starts (default 4), and most instances (default 4). */
  concurrency?: number;
  maxInstances?: number;
  /** An idle app is unloaded after this long (replay time). Default max(2 s, 10 min / speed). */
  keepAliveMs?: number;
  /** Cache memory per instance (`faast`). Default 64 MiB. */
  cacheCapacityBytes?: number;
  /**
   * Before the clock starts, each app gets one ready instance (an invocation with no access),
   * as a platform's apps are running when a trace window starts; caches start empty. Its cold
   * start and instance time are not counted. Default true.
   */
  warmup?: boolean;
  /** How the apps were chosen, for the report (e.g. `5 busiest`). */
  selection?: string;
  onProgress?: (progress: ReplayProgress) => void;
  /** Receives every invocation's result as it completes (tests, tools). */
  onInvocation?: (baseline: Baseline, invocation: ReplayInvocation, result: InvocationResult<TraceHandlerResult>) => void;
  /** Aborting stops the replay (what started is cleaned up) and rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** A replay that cannot run as asked (an unreachable Redis, a bad option): the message says why. */
export class ReplayError extends Error {
  override readonly name = 'ReplayError';
}

interface Resolved {
  speed: number;
  cachelet: 'embedded' | 'sidecar';
  profile: RemoteProfile;
  redisUrl: string;
  redisTtlSeconds: number;
  redisMaxObjectBytes: number;
  concurrency: number;
  maxInstances: number;
  keepAliveMs: number;
  cacheCapacityBytes: number;
}

function resolveOptions(options: ReplayOptions): Resolved {
  const speed = options.speed ?? REPLAY_DEFAULTS.speed;
  if (!(Number.isFinite(speed) && speed > 0)) throw new ReplayError(`speed must be a positive number, got ${speed}`);
  const r: Resolved = {
    speed,
    cachelet: options.cachelet ?? 'embedded',
    profile: { ...(options.profile ?? S3_STANDARD_PROFILE) },
    redisUrl: options.redisUrl ?? REPLAY_DEFAULTS.redisUrl,
    redisTtlSeconds: options.redisTtlSeconds ?? REPLAY_DEFAULTS.redisTtlSeconds,
    redisMaxObjectBytes: options.redisMaxObjectBytes ?? REPLAY_DEFAULTS.redisMaxObjectBytes,
    concurrency: options.concurrency ?? REPLAY_DEFAULTS.concurrency,
    maxInstances: options.maxInstances ?? REPLAY_DEFAULTS.maxInstances,
    keepAliveMs: options.keepAliveMs ?? Math.max(REPLAY_DEFAULTS.minKeepAliveMs, Math.round(REPLAY_DEFAULTS.keepAliveTraceMs / speed)),
    cacheCapacityBytes: options.cacheCapacityBytes ?? REPLAY_DEFAULTS.cacheCapacityBytes,
  };
  if (r.cachelet !== 'embedded' && r.cachelet !== 'sidecar') throw new ReplayError(`cachelet must be embedded or sidecar, got '${String(r.cachelet)}'`);
  for (const name of ['redisTtlSeconds', 'concurrency', 'maxInstances', 'keepAliveMs', 'cacheCapacityBytes'] as const) {
    if (!Number.isSafeInteger(r[name]) || r[name] < 1) throw new ReplayError(`${name} must be a whole number ≥ 1, got ${r[name]}`);
  }
  if (!Number.isSafeInteger(r.redisMaxObjectBytes) || r.redisMaxObjectBytes < 0) throw new ReplayError(`redisMaxObjectBytes must be a whole number ≥ 0, got ${r.redisMaxObjectBytes}`);
  return r;
}

/** Throws a ReplayError unless `baselines` are known names, without repeats. */
export function validateBaselines(baselines: readonly string[]): Baseline[] {
  if (baselines.length === 0) throw new ReplayError('no baseline given (expected some of none, redis, faast)');
  for (const b of baselines) {
    if (!(BASELINES as readonly string[]).includes(b)) throw new ReplayError(`unknown baseline '${b}' (expected some of ${BASELINES.join(', ')})`);
  }
  if (new Set(baselines).size !== baselines.length) throw new ReplayError(`a baseline is given twice in '${baselines.join(',')}'`);
  return baselines as Baseline[];
}

/** A client that fails fast and does not reconnect (the replay's own use of Redis). */
function redisClient(url: string): Redis {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 1, retryStrategy: () => null });
  client.on('error', () => undefined);
  return client;
}

/** Resolves when Redis at `url` answers PING; throws a ReplayError saying it is unreachable otherwise. */
export async function checkRedis(url: string): Promise<void> {
  const client = redisClient(url);
  let lastError: Error | undefined;
  client.on('error', (err: Error) => (lastError = err));
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    const reason = lastError?.message || (err as Error).message || 'no answer';
    throw new ReplayError(`Redis at ${url} is not reachable (${reason}); the redis baseline needs it: pass --redis URL, or leave redis out of --baseline`);
  } finally {
    client.disconnect();
  }
}

/** Replays `prepared` once per baseline, one after another. */
export async function runReplay(prepared: PreparedReplay, options: ReplayOptions = {}): Promise<ReplayReport> {
  const baselines = validateBaselines(options.baselines ?? BASELINES);
  const r = resolveOptions(options);
  if (baselines.includes('redis')) await checkRedis(r.redisUrl);
  const startedAt = new Date().toISOString();
  const outcomes: BaselineOutcome[] = [];
  for (const baseline of baselines) {
    options.signal?.throwIfAborted();
    outcomes.push(await runBaseline(prepared, baseline, options));
  }
  return {
    trace: {
      source: prepared.source,
      ...(prepared.seed !== undefined ? { seed: prepared.seed } : {}),
      apps: prepared.apps.length,
      invocations: prepared.invocations.length,
      accesses: prepared.accesses,
      spanMs: prepared.spanMs,
    },
    speed: r.speed,
    startedAt,
    baselines: outcomes,
    setup: replaySetup(prepared, r, options.selection, options.warmup ?? true),
  };
}

function replaySetup(p: PreparedReplay, r: Resolved, selection: string | undefined, warmup: boolean): ReplaySetup {
  return {
    warmup,
    profile: { firstByteLatencyMs: r.profile.firstByteLatencyMs, bandwidthBytesPerSec: r.profile.bandwidthBytesPerSec },
    cachelet: r.cachelet,
    traceApps: p.traceApps,
    selection: selection ?? (p.apps.length === p.traceApps ? 'all' : `${p.apps.length} of ${p.traceApps}`),
    maxObjectBytes: p.maxObjectBytes,
    cappedAccesses: p.capped.accesses,
    cappedBlobs: p.capped.blobs,
    unknownSizes: p.unknownSizes,
    seedObjects: p.seedObjects,
    seedBytes: p.seedBytes,
    concurrency: r.concurrency,
    maxInstances: r.maxInstances,
    keepAliveMs: r.keepAliveMs,
    cacheCapacityBytes: r.cacheCapacityBytes,
    redisTtlSeconds: r.redisTtlSeconds,
    redisMaxObjectBytes: r.redisMaxObjectBytes,
  };
}

/** Puts every seed object into the emulator through its direct (uncounted, unprofiled) endpoint. */
async function seed(emulator: S3Emulator, prepared: PreparedReplay, onDone: (done: number) => void, signal: AbortSignal | undefined): Promise<void> {
  const client = emulator.client({ direct: true });
  const work = prepared.apps.flatMap((a) => a.seeds.map((s) => ({ bucket: a.name, ...s })));
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < work.length) {
      signal?.throwIfAborted();
      const w = work[next++]!;
      await client.send(new PutObjectCommand({ Bucket: w.bucket, Key: w.key, Body: replayBody(w.bytes), ContentLength: w.bytes }));
      onDone(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(REPLAY_DEFAULTS.seedConcurrency, work.length) }, worker));
}

/** Deletes every key under `prefix` (SCAN + DEL). */
async function deleteKeys(client: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await client.del(...keys);
  } while (cursor !== '0');
}

async function usedMemory(client: Redis): Promise<number | undefined> {
  const info = await client.info('memory');
  const m = /^used_memory:(\d+)/m.exec(info);
  return m ? Number(m[1]) : undefined;
}

interface Tick {
  tMs: number;
  wallMs: number;
  readsDone: number;
  objectGets: number;
  inFlight: number;
}

/** One baseline, from a fresh origin to the figures; everything it started is stopped before it returns or throws. */
export async function runBaseline(prepared: PreparedReplay, baseline: Baseline, options: ReplayOptions = {}): Promise<BaselineOutcome> {
  validateBaselines([baseline]);
  const r = resolveOptions(options);
  const signal = options.signal;
  const progress = (phase: ReplayProgress['phase'], done: number, total: number, failed = 0): void =>
    options.onProgress?.({ baseline, phase, done, total, failed });
  const cachelet: CacheletMode = baseline === 'faast' ? r.cachelet : 'none';
  const apps = prepared.apps;
  const invocations = prepared.invocations;

  let emulator: S3Emulator | undefined;
  let runner: LocalRunner | undefined;
  let redis: Redis | undefined;
  let sampler: NodeJS.Timeout | undefined;
  let abort: (() => void) | undefined;
  const redisPrefix = `faast-replay:${process.pid}:${Date.now().toString(36)}:${baseline}:`;
  try {
    emulator = await startS3Emulator({ profile: r.profile, buckets: apps.map((a) => a.name) });
    progress('seeding', 0, prepared.seedObjects);
    await seed(emulator, prepared, (done) => progress('seeding', done, prepared.seedObjects), signal);
    let redisBefore: number | undefined;
    let redisPeak = 0;
    if (baseline === 'redis') {
      redis = redisClient(r.redisUrl);
      await redis.connect();
      redisBefore = await usedMemory(redis);
      redisPeak = redisBefore ?? 0;
    }

    const stderrTail: string[] = [];
    runner = new LocalRunner({
      cachelet,
      origin: { endpoint: emulator.endpoint, region: emulator.region, credentials: emulator.credentials, checksums: 'when-required' },
      output: (line) => {
        if (line.stream !== 'stderr' || !line.text.trim()) return;
        stderrTail.push(`${line.instanceId}: ${line.text}`);
        if (stderrTail.length > 20) stderrTail.shift();
      },
      stopGraceMs: 2000,
      sampleIntervalMs: 1000,
    });
    for (const a of apps) {
      runner.register({
        name: a.name,
        module: TRACE_HANDLER_MODULE,
        env: {
          [TRACE_HANDLER_ENV.baseline]: baseline,
          [TRACE_HANDLER_ENV.bucket]: a.name,
          [TRACE_HANDLER_ENV.redisUrl]: r.redisUrl,
          [TRACE_HANDLER_ENV.redisPrefix]: redisPrefix,
          [TRACE_HANDLER_ENV.redisTtlSeconds]: String(r.redisTtlSeconds),
          [TRACE_HANDLER_ENV.redisMaxBytes]: String(r.redisMaxObjectBytes),
        },
        concurrency: r.concurrency,
        maxInstances: r.maxInstances,
        keepAliveMs: r.keepAliveMs,
        cacheCapacityBytes: r.cacheCapacityBytes,
      });
    }

    // Warm-up: an instance per app, untimed and uncounted.
    if (options.warmup ?? true) await Promise.all(apps.map((a) => runner!.invoke(a.name, [])));
    const warm = runner.report();
    emulator.resetCounters();

    // The replay.
    const perApp = apps.map(() => ({ latencies: [] as number[], completed: 0, failed: 0, reads: 0, writes: 0, coldStarts: 0 }));
    const latenciesMs: number[] = [];
    const errors = new Map<string, number>();
    const ticks: Tick[] = [];
    const total = invocations.length;
    let done = 0;
    let failed = 0;
    let dispatched = 0;
    let readsDone = 0;
    const objectGets = (): number => {
      let n = 0;
      for (const c of Object.values(emulator!.requests().byBucket)) n += c.objectGets;
      return n;
    };
    progress('running', 0, total);
    const t0 = performance.now();
    const tick = (): void => {
      ticks.push({ tMs: performance.now() - t0, wallMs: Date.now(), readsDone, objectGets: objectGets(), inFlight: dispatched - done });
      if (redis) {
        void usedMemory(redis).then(
          (m) => (redisPeak = Math.max(redisPeak, m ?? 0)),
          () => undefined,
        );
      }
    };
    tick();
    sampler = setInterval(tick, 1000);
    await new Promise<void>((resolveRun, rejectRun) => {
      let next = 0;
      let timer: NodeJS.Timeout | undefined;
      // Once aborted, results of invocations failed by the runner's close are not recorded.
      let stopped = false;
      abort = () => {
        stopped = true;
        clearTimeout(timer);
        rejectRun(signal?.reason ?? new Error('aborted'));
      };
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort, { once: true });
      const record = (inv: ReplayInvocation, res: InvocationResult<TraceHandlerResult>): void => {
        if (stopped) return;
        options.onInvocation?.(baseline, inv, res);
        const a = perApp[inv.app]!;
        a.completed++;
        if (res.coldStart) a.coldStarts++;
        a.latencies.push(res.latencyMs);
        latenciesMs.push(res.latencyMs);
        if (res.ok && res.result) {
          a.reads += res.result.reads;
          a.writes += res.result.writes;
          readsDone += res.result.reads;
        } else {
          a.failed++;
          failed++;
          const e = (res.error ?? 'unknown error').slice(0, 300);
          if (errors.has(e) || errors.size < 10) errors.set(e, (errors.get(e) ?? 0) + 1);
        }
        done++;
        progress('running', done, total, failed);
        if (done === total) resolveRun();
      };
      const pump = (): void => {
        timer = undefined;
        const now = performance.now() - t0;
        while (next < total && invocations[next]!.atMs / r.speed <= now) {
          const inv = invocations[next++]!;
          dispatched++;
          runner!.invoke<TraceHandlerResult>(apps[inv.app]!.name, inv.accesses).then(
            (res) => record(inv, res),
            (err: unknown) => {
              stopped = true;
              rejectRun(err);
            },
          );
        }
        if (next < total) timer = setTimeout(pump, Math.max(0, invocations[next]!.atMs / r.speed - (performance.now() - t0)));
      };
      if (total === 0) resolveRun();
      else pump();
    });
    const wallMs = performance.now() - t0;
    clearInterval(sampler);
    sampler = undefined;
    tick();
    if (redis) redisPeak = Math.max(redisPeak, (await usedMemory(redis).catch(() => undefined)) ?? 0);

    const report = runner.report();
    const samples = runner.samples();
    const totals = emulator.requests();
    const { timeline, peakRssBytes } = timelineOf(ticks, samples);
    const redisMemoryBytes = redisBefore === undefined ? undefined : Math.max(0, redisPeak - redisBefore);

    const none: BucketCounts = { requests: 0, byMethod: {}, objectGets: 0, bytesOut: 0 };
    const outcomes: AppOutcome[] = apps.map((a, i) => {
      const p = perApp[i]!;
      const c = totals.byBucket[a.name] ?? none;
      const rep = report.apps[a.name];
      return {
        app: a.app,
        invocations: p.completed,
        failed: p.failed,
        latency: summarizeLatencies(p.latencies),
        reads: p.reads,
        writes: p.writes,
        hitRatio: hitRatio(c.objectGets, p.reads),
        originRequests: c.requests,
        originBytes: c.bytesOut,
        instanceSeconds: Math.max(0, (rep?.instanceSeconds ?? 0) - (warm.apps[a.name]?.instanceSeconds ?? 0)),
        coldStarts: p.coldStarts,
        ...(rep ? { peakMemoryBytes: rep.peakRssBytes } : {}),
        originGets: c.objectGets,
        originByMethod: c.byMethod,
      };
    });
    const sum = (f: (o: AppOutcome) => number): number => outcomes.reduce((n, o) => n + f(o), 0);
    const reads = sum((o) => o.reads);
    const gets = sum((o) => o.originGets ?? 0);
    const overall: AppOutcome = {
      app: 'overall',
      invocations: sum((o) => o.invocations),
      failed,
      latency: summarizeLatencies(latenciesMs),
      reads,
      writes: sum((o) => o.writes),
      hitRatio: hitRatio(gets, reads),
      originRequests: totals.total,
      originBytes: totals.bytesOut,
      instanceSeconds: sum((o) => o.instanceSeconds),
      coldStarts: sum((o) => o.coldStarts),
      originGets: gets,
      originByMethod: totals.byMethod,
    };
    const errorList = [...errors].map(([error, count]) => ({ error, count }));
    if (failed > 0 && stderrTail.length > 0) errorList.push({ error: `instances' last stderr lines:\n${stderrTail.join('\n')}`, count: 0 });
    progress('done', done, total, failed);
    return {
      baseline,
      wallMs,
      overall,
      apps: outcomes,
      peakMemoryBytes: peakRssBytes + (redisMemoryBytes ?? 0),
      latenciesMs,
      timeline,
      cachelet,
      ...(redisMemoryBytes !== undefined ? { redisMemoryBytes } : {}),
      ...(errorList.length ? { errors: errorList } : {}),
    };
  } finally {
    clearInterval(sampler);
    if (abort) signal?.removeEventListener('abort', abort);
    await runner?.close().catch(() => undefined);
    await emulator?.close().catch(() => undefined);
    if (baseline === 'redis') {
      // The instances' keys: deleted with our own connection (made here if the run failed before it).
      redis ??= redisClient(r.redisUrl);
      await (redis.status === 'wait' ? redis.connect() : Promise.resolve())
        .then(() => deleteKeys(redis!, redisPrefix))
        .catch(() => undefined);
      redis.disconnect();
    }
  }
}

/** 1 − origin GETs / reads, within [0, 1]; NaN without reads (printed as `-`). */
function hitRatio(originGets: number, reads: number): number {
  if (reads <= 0) return Number.NaN;
  return Math.min(1, Math.max(0, 1 - originGets / reads));
}

/**
 * The timeline from our 1 s ticks (reads done, origin GETs and invocations in flight so far)
 * and the runner's samples (instances and memory per app, at every instance start or stop and
 * every second): the instances of each tick are the sum of each app's last sample before it.
 * Also the peak of the apps' memory at once.
 */
function timelineOf(ticks: Tick[], samples: InstanceSample[]): { timeline: BaselineOutcome['timeline']; peakRssBytes: number } {
  const instances = new Map<string, number>();
  const rss = new Map<string, number>();
  let instancesNow = 0;
  let rssNow = 0;
  let peakRssBytes = 0;
  let s = 0;
  const apply = (x: InstanceSample): void => {
    instancesNow += x.instances - (instances.get(x.app) ?? 0);
    instances.set(x.app, x.instances);
    rssNow += x.rssBytes - (rss.get(x.app) ?? 0);
    rss.set(x.app, x.rssBytes);
    peakRssBytes = Math.max(peakRssBytes, rssNow);
  };
  const timeline: BaselineOutcome['timeline'] = [];
  for (const t of ticks) {
    while (s < samples.length && samples[s]!.tMs <= t.wallMs) apply(samples[s++]!);
    timeline.push({ tMs: Math.round(t.tMs), instances: instancesNow, hitRatio: hitRatio(t.objectGets, t.readsDone), inFlight: t.inFlight });
  }
  while (s < samples.length) apply(samples[s++]!);
  return { timeline, peakRssBytes };
}
