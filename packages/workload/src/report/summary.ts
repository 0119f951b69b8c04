/**
 * The figures `faast replay` prints and the HTML report draws, as pure functions both share:
 * percentiles, latency summaries, the mean-time reduction between baselines, the CDF's points,
 * and the formatters for people. Every formatter prints `-` for a value that is not a finite
 * number, so a missing figure never shows up as `NaN` or `Infinity`.
 */
import { formatBytes } from '@faast/core';
import type { AppOutcome, BaselineOutcome, LatencySummary, ReplayReport } from '../replay/types';

/**
 * The nearest-rank percentile of ascending `sorted`: the smallest value with at least `q` of
 * the samples at or below it, i.e. the value at 1-based rank ⌈q·n⌉ (rank 1 for q = 0). Always
 * one of the samples, never an interpolation; 0 for no samples. `q` is a fraction, 0–1.
 */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const rank = Math.min(n, Math.max(1, Math.ceil(q * n)));
  return sorted[rank - 1]!;
}

/** Ascending copy of the finite values of `values` (NaN and ±Infinity dropped). */
export function sortedFinite(values: readonly number[]): Float64Array {
  const finite = values.filter((v) => Number.isFinite(v));
  return Float64Array.from(finite).sort();
}

/**
 * Count, nearest-rank p50 and p99 ({@link percentile}) and mean of latencies in ms. Values that
 * are not finite are left out (and not counted); no values give all zeros.
 */
export function summarizeLatencies(latenciesMs: readonly number[]): LatencySummary {
  const sorted = sortedFinite(latenciesMs);
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    meanMs: sorted.length ? sum / sorted.length : 0,
  };
}

/**
 * How much lower the mean completion time of `a` is than that of `b`, percent:
 * `100 · (mean(b) − mean(a)) / mean(b)`. Positive: `a` is faster (50 = half the time);
 * negative: slower. Takes means in ms or outcomes; NaN when there is nothing to compare
 * (an outcome without latencies, a mean of `b` that is not positive, a value that is not finite).
 */
export function reduction(a: AppOutcome | number, b: AppOutcome | number): number {
  const meanA = meanOf(a);
  const meanB = meanOf(b);
  if (!Number.isFinite(meanA) || !Number.isFinite(meanB) || meanB <= 0) return Number.NaN;
  return (100 * (meanB - meanA)) / meanB;
}

function meanOf(x: AppOutcome | number): number {
  if (typeof x === 'number') return x;
  return x.latency.count > 0 ? x.latency.meanMs : Number.NaN;
}

/**
 * At most `maxPoints` points `[ms, percent of invocations completed in ≤ ms]` of the empirical
 * CDF of `latenciesMs` (non-finite values dropped), ascending. Up to `maxPoints` samples give
 * every sample; more are sampled evenly by rank, with a tenth of the points kept for the
 * slowest 1 % so the tail stays drawn. The first and last samples are always kept.
 */
export function cdfPoints(latenciesMs: readonly number[], maxPoints = 500): Array<[number, number]> {
  const sorted = sortedFinite(latenciesMs);
  const n = sorted.length;
  const limit = Math.max(2, Math.floor(maxPoints));
  const point = (i: number): [number, number] => [sorted[i]!, (100 * (i + 1)) / n];
  if (n <= limit) return Array.from({ length: n }, (_, i) => point(i));
  const ranks = new Set<number>();
  const tail = Math.floor(limit / 10);
  const body = limit - tail;
  for (let k = 0; k < body; k++) ranks.add(Math.round((k * (n - 1)) / (body - 1)));
  const tailStart = Math.floor(0.99 * (n - 1));
  for (let k = 0; k < tail; k++) ranks.add(tailStart + Math.round((k * (n - 1 - tailStart)) / Math.max(1, tail - 1)));
  return [...ranks].sort((x, y) => x - y).map(point);
}

/** `512 µs`, `2.35 ms`, `20.1 ms`, `1.23 s`, `15.8 s`; `-` when not finite. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms < 0) return `-${formatMs(-ms)}`;
  if (ms < 1) return `${Math.round(ms * 1000)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
  const s = ms / 1000;
  return `${s.toFixed(s < 10 ? 2 : 1)} s`;
}

/** A span of time for people: `850 ms`, `12.3 s`, `4 min 05 s`, `2 h 07 min`; `-` when not finite. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms < 0) return `-${formatDuration(-ms)}`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalS = Math.round(ms / 1000);
  if (totalS < 3600) return `${Math.floor(totalS / 60)} min ${String(totalS % 60).padStart(2, '0')} s`;
  const totalMin = Math.round(totalS / 60);
  return `${Math.floor(totalMin / 60)} h ${String(totalMin % 60).padStart(2, '0')} min`;
}

/** `12.3 %` from a percentage (12.3, not 0.123); `-` when not finite. */
export function formatPercent(percent: number, digits = 1): string {
  return Number.isFinite(percent) ? `${percent.toFixed(digits)} %` : '-';
}

/** A change in percent with its sign: `-42.1 %`, `+3.0 %`, `0.0 %`; `-` when not finite. */
export function formatChange(percent: number, digits = 1): string {
  if (!Number.isFinite(percent)) return '-';
  const text = Math.abs(percent).toFixed(digits);
  if (Number(text) === 0) return `${(0).toFixed(digits)} %`;
  return `${percent < 0 ? '-' : '+'}${text} %`;
}

/** A count with thousands separators (`1,234,567`), or `12.5` with `digits` decimals; `-` when not finite. */
export function formatCount(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return '-';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Bytes for people (`1.50 MiB`, core's `formatBytes`), `-` when not finite. */
export function formatSize(bytes: number): string {
  return Number.isFinite(bytes) ? formatBytes(bytes) : '-';
}

/** Every app of every baseline, busiest first (most invocations in any one baseline), then by name. */
export function appNames(report: ReplayReport): string[] {
  const busiest = new Map<string, number>();
  for (const b of report.baselines) {
    for (const a of b.apps) busiest.set(a.app, Math.max(busiest.get(a.app) ?? 0, Number.isFinite(a.invocations) ? a.invocations : 0));
  }
  return [...busiest].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map(([name]) => name);
}

const appIndexes = new WeakMap<BaselineOutcome, Map<string, AppOutcome>>();

/** The outcome of `app` in baseline `b` (the first, should `b` list the app twice); undefined when `b` has none. */
export function findApp(b: BaselineOutcome | undefined, app: string): AppOutcome | undefined {
  if (!b) return undefined;
  let index = appIndexes.get(b);
  if (!index) {
    index = new Map();
    for (const a of b.apps) if (!index.has(a.app)) index.set(a.app, a);
    appIndexes.set(b, index);
  }
  return index.get(app);
}
