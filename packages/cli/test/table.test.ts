import { formatMs, summarize } from '../src/latency';
import { renderTable } from '../src/table';

describe('renderTable', () => {
  it('aligns columns: text left, numbers right, with a rule under the header', () => {
    const out = renderTable(['name', 'p50', 'count'], [['origin', '20.1 ms', 100], ['faast', '512 µs', 4000]]);
    expect(out.split('\n')).toEqual([
      'name        p50  count',
      '──────  ───────  ─────',
      'origin  20.1 ms    100',
      'faast    512 µs   4000',
    ]);
  });
});

describe('summarize', () => {
  it('computes exact percentiles and mean', () => {
    const s = summarize(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(s).toEqual({ count: 100, meanMs: 50.5, p50Ms: 50, p99Ms: 99, maxMs: 100 });
    expect(summarize([])).toEqual({ count: 0, meanMs: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 });
  });

  it('formats milliseconds for people', () => {
    expect(formatMs(0.512)).toBe('512 µs');
    expect(formatMs(2.345)).toBe('2.35 ms');
    expect(formatMs(20.14)).toBe('20.1 ms');
  });
});
