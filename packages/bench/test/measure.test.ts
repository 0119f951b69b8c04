import { measure, median, quantile } from '../src/measure';
import { cellId } from '../src/foundation';
import { summarize, formatUs, type RunFigures } from '../src/report';

describe('quantile', () => {
  it('uses the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(sorted, 0.5)).toBe(50);
    expect(quantile(sorted, 0.99)).toBe(99);
    expect(quantile(sorted, 1)).toBe(100);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([], 0.5)).toBe(0);
  });
});

describe('median', () => {
  it('takes the middle, or the mean of the two middles, ignoring NaN', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([Number.NaN, 5])).toBe(5);
    expect(median([])).toBeNaN();
  });
});

describe('measure', () => {
  it('keeps the requested calls in flight and stops at maxOps', async () => {
    let inFlight = 0;
    let peak = 0;
    const m = await measure(
      async () => {
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setTimeout(r, 1));
        inFlight--;
      },
      { concurrency: 4, durationMs: 5000, maxOps: 40, warmupMs: 0 },
    );
    expect(m.ops).toBe(40);
    expect(peak).toBe(4);
    expect(m.p50Us).toBeGreaterThan(500);
    expect(m.p99Us).toBeGreaterThanOrEqual(m.p50Us);
  });

  it('fails when the operation fails', async () => {
    await expect(measure(() => Promise.reject(new Error('boom')), { durationMs: 50, warmupMs: 0 })).rejects.toThrow('boom');
  });
});

describe('summarize', () => {
  const cell = (target: 'origin' | 'faast' | 'raw-lean' | 'store', size: '1 KiB', p50Us: number) => ({
    [cellId(target, size, 1)]: { target, size, concurrency: 1, ops: 1, elapsedMs: 1, opsPerSec: 1e6 / p50Us, meanUs: p50Us, p50Us, p99Us: p50Us, maxUs: p50Us },
  });
  const run = (n: number, origin: number, faast: number): RunFigures => ({
    run: n,
    startedAt: '',
    originRequestsDuringFaast: 0,
    cells: {
      ...cell('origin', '1 KiB', origin),
      ...cell('faast', '1 KiB', faast),
      ...cell('raw-lean', '1 KiB', 300),
      ...cell('store', '1 KiB', 2),
      [cellId('sdk-send', '-', 1)]: { target: 'sdk-send', size: '-', concurrency: 1, ops: 1, elapsedMs: 1, opsPerSec: 1, meanUs: 50, p50Us: 50, p99Us: 50, maxUs: 50 },
    },
  });

  it('reports the median over runs of ratios computed within each run', () => {
    const s = summarize([run(1, 20_000, 1000), run(2, 30_000, 500), run(3, 10_000, 2000)]);
    // Within-run ratios 20, 60, 5: the median is 20 (not 20000 / 1000 from medians of each row).
    expect(s.ratios.find((r) => r.size === '1 KiB')!.originOverFaast).toBe(20);
    const b = s.breakdown.find((x) => x.size === '1 KiB')!;
    expect(b.transportUs).toBe(300);
    expect(b.sdkUs).toBe(50);
    expect(b.nearUs).toBe(1000 - 50);
  });
});

describe('formatUs', () => {
  it('picks µs or ms', () => {
    expect(formatUs(1.234)).toBe('1.23 µs');
    expect(formatUs(456.4)).toBe('456 µs');
    expect(formatUs(15_800)).toBe('15.8 ms');
    expect(formatUs(-1500)).toBe('-1.50 ms');
  });
});
