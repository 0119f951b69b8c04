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
  /** 1 - origin GETs / reads. */
  hitRatio: number;
  originRequests: number;
  originBytes: number;
  instanceSeconds: number;
  coldStarts: number;
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
}

export interface ReplayReport {
  /** How the trace was made or where it came from, so a run can be repeated. */
  trace: { source: string; seed?: number; apps: number; invocations: number; accesses: number; spanMs: number };
  speed: number;
  startedAt: string;
  baselines: BaselineOutcome[];
}
