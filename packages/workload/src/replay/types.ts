/** What `faast replay` measures, per baseline and app; the JSON it writes and the HTML report's input. */

export type Baseline = 'none' | 'redis' | 'faast';

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

export interface AppOutcome {
  app: string;
  invocations: number;
  failed: number;
  /** Invocation completion time (receive to result). */
  latency: LatencySummary;
  reads: number;
  writes: number;
  /** 1 - origin GETs / reads; NaN (null in JSON) when there was no read. */
  hitRatio: number;
  originRequests: number;
  originBytes: number;
  instanceSeconds: number;
  coldStarts: number;
  /** Peak RSS of the app's instances and their cachelets together, bytes (Redis is counted only overall). */
  peakMemoryBytes?: number;
  /** Whole-object GETs that reached the origin (the numerator of `hitRatio`); ranged chunk GETs are in `originRequests` only. */
  originGets?: number;
  /** Origin requests by HTTP method. */
  originByMethod?: Record<string, number>;
}

export interface BaselineOutcome {
  baseline: Baseline;
  wallMs: number;
  overall: AppOutcome;
  apps: AppOutcome[];
  /** Peak memory: instance processes + cachelets (+ Redis used_memory for `redis`), bytes. */
  peakMemoryBytes: number;
  /** Every invocation's completion time, ms, in completion order (for the CDF). */
  latenciesMs: number[];
  /** Sampled every second of the replay. */
  timeline: Array<{ tMs: number; instances: number; hitRatio: number; inFlight: number }>;
  /** How instances got their cachelet in this baseline. */
  cachelet?: 'none' | 'sidecar' | 'embedded';
  /** `redis`: the growth of Redis used_memory during the run (included in `peakMemoryBytes`), bytes. */
  redisMemoryBytes?: number;
  /** The first distinct errors of failed invocations (at most 10), with counts. */
  errors?: Array<{ error: string; count: number }>;
}

/** How a replay was set up, so that it can be repeated and read correctly. */
export interface ReplaySetup {
  /** The emulated origin's first-byte latency (ms) and bandwidth per connection (B/s). */
  profile: { firstByteLatencyMs: number; bandwidthBytesPerSec: number };
  /** The cachelet mode of the `faast` baseline. */
  cachelet: 'sidecar' | 'embedded';
  /** Apps in the whole trace, and how the replayed ones were chosen. */
  traceApps: number;
  selection: string;
  /** Sizes above this were capped to it; how many accesses and distinct blobs were. */
  maxObjectBytes: number;
  cappedAccesses: number;
  cappedBlobs: number;
  /** Accesses without a size in the trace. */
  unknownSizes: number;
  /** Objects (and bytes) put in the origin before each baseline. */
  seedObjects: number;
  seedBytes: number;
  /** Whether each app had a ready instance (no cache content) before the clock started. */
  warmup: boolean;
  /** Per app. */
  concurrency: number;
  maxInstances: number;
  keepAliveMs: number;
  cacheCapacityBytes: number;
  redisTtlSeconds: number;
  redisMaxObjectBytes: number;
}

export interface ReplayReport {
  /** How the trace was made or where it came from, so a run can be repeated. */
  trace: { source: string; seed?: number; apps: number; invocations: number; accesses: number; spanMs: number };
  speed: number;
  startedAt: string;
  baselines: BaselineOutcome[];
  setup?: ReplaySetup;
}
