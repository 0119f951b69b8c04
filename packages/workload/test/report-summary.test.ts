import type { AppOutcome, BaselineOutcome, ReplayReport } from '../src/replay/types';
import {
  appNames,
  cdfPoints,
  findApp,
  formatChange,
  formatCount,
  formatDuration,
  formatMs,
  formatPercent,
  formatSize,
  percentile,
  reduction,
  summarizeLatencies,
} from '../src/report/summary';

function outcome(app: string, latenciesMs: number[], invocations = latenciesMs.length): AppOutcome {
  return {
    app,
    invocations,
    failed: 0,
    latency: summarizeLatencies(latenciesMs),
    reads: 0,
    writes: 0,
    hitRatio: 0,
    originRequests: 0,
    originBytes: 0,
    instanceSeconds: 0,
    coldStarts: 0,
  };
}

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('is the sample at rank ⌈q·n⌉', () => {
    expect(percentile(hundred, 0.5)).toBe(50);
    expect(percentile(hundred, 0.99)).toBe(99);
    expect(percentile(hundred, 0.991)).toBe(100);
    expect(percentile(hundred, 0.501)).toBe(51);
    expect(percentile(hundred, 1)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4], 0.75)).toBe(3);
    expect(percentile([1, 2, 3, 4], 0.99)).toBe(4);
  });

  it('is the only sample of one, and 0 of none', () => {
    expect(percentile([7], 0.5)).toBe(7);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBe(0);
  });
});

describe('summarizeLatencies', () => {
  it('sorts, and gives count, p50, p99 and mean', () => {
    const shuffled = Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) + 1);
    expect(summarizeLatencies(shuffled)).toEqual({ count: 100, p50Ms: 50, p99Ms: 99, meanMs: 50.5 });
  });

  it('leaves out values that are not finite, and gives zeros for none', () => {
    expect(summarizeLatencies([3, Number.NaN, 1, Number.POSITIVE_INFINITY, 2])).toEqual({ count: 3, p50Ms: 2, p99Ms: 3, meanMs: 2 });
    expect(summarizeLatencies([])).toEqual({ count: 0, p50Ms: 0, p99Ms: 0, meanMs: 0 });
  });

  it('keeps zero latencies', () => {
    expect(summarizeLatencies([0, 0, 0, 4])).toEqual({ count: 4, p50Ms: 0, p99Ms: 4, meanMs: 1 });
  });
});

describe('reduction', () => {
  it('is positive when a is faster, negative when slower', () => {
    expect(reduction(50, 100)).toBe(50);
    expect(reduction(20, 100)).toBe(80);
    expect(reduction(150, 100)).toBe(-50);
    expect(reduction(100, 50)).toBe(-100);
    expect(reduction(100, 100)).toBe(0);
  });

  it('compares the means of outcomes', () => {
    expect(reduction(outcome('a', [10, 30]), outcome('a', [40, 40]))).toBe(50);
  });

  it('is NaN when there is nothing to compare', () => {
    expect(reduction(10, 0)).toBeNaN();
    expect(reduction(Number.NaN, 10)).toBeNaN();
    expect(reduction(10, Number.POSITIVE_INFINITY)).toBeNaN();
    expect(reduction(outcome('a', []), outcome('a', [10]))).toBeNaN();
    expect(reduction(outcome('a', [10]), outcome('a', []))).toBeNaN();
  });
});

describe('cdfPoints', () => {
  it('gives every sample of a small set, with the share at or below it', () => {
    expect(cdfPoints([30, 10, 20, 40])).toEqual([
      [10, 25],
      [20, 50],
      [30, 75],
      [40, 100],
    ]);
    expect(cdfPoints([])).toEqual([]);
    expect(cdfPoints([Number.NaN, 5])).toEqual([[5, 100]]);
  });

  it('downsamples a large set to at most maxPoints, keeping both ends and the tail', () => {
    const n = 200_000;
    const latencies = Array.from({ length: n }, (_, i) => n - i);
    const points = cdfPoints(latencies, 500);
    expect(points.length).toBeLessThanOrEqual(500);
    expect(points.length).toBeGreaterThan(400);
    expect(points[0]).toEqual([1, 100 / n]);
    expect(points.at(-1)).toEqual([n, 100]);
    for (let i = 1; i < points.length; i++) {
      expect(points[i]![0]).toBeGreaterThan(points[i - 1]![0]);
      expect(points[i]![1]).toBeGreaterThan(points[i - 1]![1]);
    }
    expect(points.filter(([, pct]) => pct > 99).length).toBeGreaterThanOrEqual(40);
    expect(cdfPoints(latencies, 10).length).toBeLessThanOrEqual(10);
  });
});

describe('formatters', () => {
  it('formats times', () => {
    expect(formatMs(0.512)).toBe('512 µs');
    expect(formatMs(2.345)).toBe('2.35 ms');
    expect(formatMs(20.14)).toBe('20.1 ms');
    expect(formatMs(1234)).toBe('1.23 s');
    expect(formatMs(15_800)).toBe('15.8 s');
    expect(formatMs(Number.NaN)).toBe('-');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_340)).toBe('12.3 s');
    expect(formatDuration(245_000)).toBe('4 min 05 s');
    expect(formatDuration(7_620_000)).toBe('2 h 07 min');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('-');
  });

  it('formats percentages and changes', () => {
    expect(formatPercent(12.345)).toBe('12.3 %');
    expect(formatPercent(Number.NaN)).toBe('-');
    expect(formatChange(-42.06)).toBe('-42.1 %');
    expect(formatChange(3)).toBe('+3.0 %');
    expect(formatChange(-0.01)).toBe('0.0 %');
    expect(formatChange(Number.NEGATIVE_INFINITY)).toBe('-');
  });

  it('formats counts and sizes', () => {
    expect(formatCount(1_234_567)).toBe('1,234,567');
    expect(formatCount(1234.56, 1)).toBe('1,234.6');
    expect(formatCount(Number.NaN)).toBe('-');
    expect(formatSize(1536)).toBe('1.50 KiB');
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(Number.POSITIVE_INFINITY)).toBe('-');
  });
});

describe('appNames and findApp', () => {
  it('lists every app of every baseline, busiest first, and finds each', () => {
    const baseline = (name: 'none' | 'faast', apps: AppOutcome[]): BaselineOutcome => ({
      baseline: name,
      wallMs: 0,
      overall: outcome('overall', []),
      apps,
      peakMemoryBytes: 0,
      latenciesMs: [],
      timeline: [],
    });
    const none = baseline('none', [outcome('b', [1], 5), outcome('a', [1], 5)]);
    const faast = baseline('faast', [outcome('c', [1], 9), outcome('a', [1], 5)]);
    const report: ReplayReport = { trace: { source: 't', apps: 3, invocations: 0, accesses: 0, spanMs: 0 }, speed: 1, startedAt: '', baselines: [none, faast] };
    expect(appNames(report)).toEqual(['c', 'a', 'b']);
    expect(findApp(faast, 'c')?.invocations).toBe(9);
    expect(findApp(faast, 'b')).toBeUndefined();
    expect(findApp(undefined, 'a')).toBeUndefined();
  });
});
