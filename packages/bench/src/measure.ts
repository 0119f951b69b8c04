/**
 * The timing loop of the benchmarks: run one asynchronous operation with a fixed number of
 * calls in flight for a time budget, and summarize every call's latency exactly (all samples
 * kept and sorted: no histogram buckets between us and the percentiles).
 */

/** One operation to time. It must finish its work (e.g. read a body to its end) before it resolves. */
export type Operation = () => Promise<unknown>;

/** Options of {@link measure}. */
export interface MeasureOptions {
  /** Calls kept in flight at once (closed loop: a worker starts its next call when one ends). Default 1. */
  concurrency?: number;
  /** How long the measured phase lasts, milliseconds. Default 2000. */
  durationMs?: number;
  /** Stop earlier after this many completed calls (bounds slow cells). Default unlimited. */
  maxOps?: number;
  /**
   * Untimed calls before the measured phase (JIT, connection pools, caches), milliseconds.
   * Default 10 % of `durationMs`, at most 300.
   */
  warmupMs?: number;
}

/** What one cell of a benchmark measured. */
export interface Measurement {
  /** Calls in flight. */
  concurrency: number;
  /** Calls completed in the measured phase. */
  ops: number;
  /** Wall time of the measured phase, milliseconds. */
  elapsedMs: number;
  /** Completed calls per second of wall time. */
  opsPerSec: number;
  /** Latency of one call, microseconds (µs). */
  meanUs: number;
  /** Median latency, µs. */
  p50Us: number;
  /** 99th-percentile latency, µs. */
  p99Us: number;
  /** Slowest call, µs. */
  maxUs: number;
}

/** Latency samples in a growable Float64Array: a million samples cost 8 MB and no GC churn per sample. */
class Samples {
  private data = new Float64Array(4096);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }

  sorted(): Float64Array {
    return this.data.slice(0, this.length).sort();
  }
}

/**
 * The value at quantile `q` (0..1) of ascending `sorted` samples, nearest-rank definition
 * (the smallest sample with at least q of all samples at or below it); 0 when empty.
 */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

/**
 * Runs `op` with `concurrency` calls in flight: first for `warmupMs` untimed, then for
 * `durationMs` (or `maxOps` calls) timed. A call that throws fails the whole measurement:
 * a benchmark that silently counts errors as fast calls measures nothing.
 */
export async function measure(op: Operation, options: MeasureOptions = {}): Promise<Measurement> {
  const concurrency = options.concurrency ?? 1;
  const durationMs = options.durationMs ?? 2000;
  const maxOps = options.maxOps ?? Number.POSITIVE_INFINITY;
  const warmupMs = options.warmupMs ?? Math.min(300, durationMs / 10);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a whole number ≥ 1, got ${concurrency}`);

  if (warmupMs > 0) {
    const until = performance.now() + warmupMs;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < until) await op();
      }),
    );
  }

  const samples = new Samples();
  let started = 0;
  const t0 = performance.now();
  const deadline = t0 + durationMs;
  // Workers claim a call before starting it, so that maxOps bounds calls started, not only completed.
  const worker = async (): Promise<void> => {
    while (started < maxOps) {
      const s = performance.now();
      if (s >= deadline) return;
      started++;
      await op();
      samples.push((performance.now() - s) * 1000);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - t0;

  const sorted = samples.sorted();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i]!;
  return {
    concurrency,
    ops: sorted.length,
    elapsedMs,
    opsPerSec: sorted.length / (elapsedMs / 1000),
    meanUs: sorted.length ? sum / sorted.length : 0,
    p50Us: quantile(sorted, 0.5),
    p99Us: quantile(sorted, 0.99),
    maxUs: sorted.length ? sorted[sorted.length - 1]! : 0,
  };
}

/** The median of `values` (mean of the two middle ones for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return Number.NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}
