/**
 * checkTrace on hand-made traces whose figures are known, and the bounded-memory statistics
 * behind it (size histogram, distinct counter, hash sample).
 */
import { describe, expect, it } from '@jest/globals';
import { checkTrace, evaluateTrace, formatTraceCheck, TraceStatsCollector, type TraceCheck } from '../src/trace/check';
import { DistinctCounter, HashSample, SizeHistogram, key52, keyHigh } from '../src/trace/sketch';
import { type TraceRecord } from '../src/trace/types';

const T0 = Date.UTC(2020, 10, 23);

function access(app: string, invocation: string, blob: string, t: number, fields: Partial<TraceRecord> = {}): TraceRecord {
  return { timestampMs: T0 + t, region: 'r1', user: '1', app, invocation, blob, blobType: 'BlockBlob/', etag: 'e0', bytes: 100, read: true, write: false, ...fields };
}

const figure = (check: TraceCheck, id: string) => check.figures.find((f) => f.id === id)!;

describe('SizeHistogram', () => {
  it('gives exact nearest-rank percentiles below 1 KiB and ~1 % above', () => {
    const h = new SizeHistogram();
    for (let b = 1; b <= 100; b++) h.add(b);
    expect([h.quantile(0), h.quantile(0.01), h.quantile(0.5), h.quantile(0.99), h.quantile(1)]).toEqual([1, 1, 50, 99, 100]);
    const big = new SizeHistogram();
    for (let i = 0; i < 1000; i++) big.add(5_000_000 + i);
    expect(Math.abs(big.quantile(0.5)! / 5_000_500 - 1)).toBeLessThan(0.01);
    expect(big.quantile(1)).toBe(5_000_999);
    expect(new SizeHistogram().quantile(0.5)).toBeUndefined();
  });
});

describe('DistinctCounter', () => {
  it('counts exactly up to its limit, then estimates within a few per cent', () => {
    const c = new DistinctCounter(1000);
    for (let i = 0; i < 1000; i++) c.add(key52(`blob-${i % 500}`));
    expect([c.count, c.approximate]).toEqual([500, false]);
    for (let i = 0; i < 200_000; i++) c.add(key52(`blob-${i}`));
    expect(c.approximate).toBe(true);
    expect(Math.abs(c.count / 200_000 - 1)).toBeLessThan(0.03);
  });
});

describe('HashSample', () => {
  it('keeps a bounded uniform sample, each key followed from its first occurrence', () => {
    const s = new HashSample<{ n: number }>(1000);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 10_000; i++) {
        const e = s.get(key52(`k${i}`), () => ({ n: 0 }));
        if (e) e.n++;
      }
    }
    expect(s.entries.size).toBeLessThanOrEqual(1000);
    expect(s.entries.size).toBeGreaterThan(300);
    expect(s.rate).toBe(1 / 16);
    for (const [k, e] of s.entries) {
      expect(keyHigh(k)).toBeLessThan(2 ** 32 / 16);
      expect(e.n).toBe(3);
    }
  });
});

describe('checkTrace', () => {
  // App "timer": one blob read every 60 s (periodic, 1 blob, 10 invocations).
  // App "pipe": each invocation writes one new blob (1 invocation per blob).
  // App "fan": one invocation writing three new blobs (1/3 invocation per blob).
  // App "burst": one blob read in two bursts of three (bursty).
  const records: TraceRecord[] = [];
  for (let i = 0; i < 10; i++) records.push(access('timer', `t${i}`, 'config', i * 60_000, { bytes: 8 }));
  for (let i = 0; i < 4; i++) records.push(access('pipe', `p${i}`, `out${i}`, i * 1000 + 7, { write: true, read: false, bytes: 2048, etag: `v${i}` }));
  for (let i = 0; i < 3; i++) records.push(access('fan', 'f0', `part${i}`, 30_000 + i, { write: true, read: false, bytes: 500_000, etag: 'v1' }));
  for (const t of [0, 100, 250, 400_000, 400_120, 400_200]) records.push(access('burst', `b${t}`, 'hot', t, { bytes: 30 }));
  records.sort((a, b) => a.timestampMs - b.timestampMs);

  it('computes the figures of a known trace', async () => {
    const check = await checkTrace(records);
    const s = check.stats;
    expect([s.records, s.reads, s.writes, s.apps, s.invocations, s.outOfOrder]).toEqual([23, 16, 7, 4, 10 + 4 + 1 + 6, 0]);
    expect(figure(check, 'apps.blobs1').value).toBe(0.5);
    expect(figure(check, 'apps.blobs100').value).toBe(1);
    expect(figure(check, 'apps.ratio<1').value).toBe(0.25);
    expect(figure(check, 'apps.ratio1').value).toBe(0.5);
    expect(figure(check, 'apps.ratio100').value).toBe(1);
    // Two blobs with ≥ 3 accesses: the timer's (CoV 0) and the bursty one.
    expect(s.coV.blobs).toBe(2);
    expect(figure(check, 'cov.below1').value).toBe(0.5);
    expect(figure(check, 'cov.periodic').value).toBe(0.5);
    expect(figure(check, 'cov.above1').value).toBe(1);
    expect(figure(check, 'rw.reads40').value).toBe(1);
    expect(figure(check, 'rw.writes1k').value).toBe(1);
    expect(figure(check, 'rw.writes100k').value).toBeCloseTo(4 / 7);
    expect(figure(check, 'size.p50').value).toBe(30);
    // The fan-out invocation groups 3 accesses: 3 of the 23 accesses share their invocation.
    expect(figure(check, 'inv.grouped').value).toBeCloseTo(3 / 23);
    expect(figure(check, 'inv.oneApp').value).toBe(1);
    expect(s.etags).toEqual({ checked: 14, consistent: 14 });
    // Far from the published figures: most fail.
    expect(check.passed).toBe(false);
    expect(check.failed.map((f) => f.id)).toEqual(expect.arrayContaining(['size.p50', 'apps.blobs1', 'cov.periodic']));
    expect(figure(check, 'size.p0').pass).toBeUndefined();
  });

  it('counts inconsistent ETags, shared invocation ids and out-of-order records', () => {
    const c = new TraceStatsCollector();
    c.add(access('a', 'i1', 'x', 10, { etag: 'e1' }));
    c.add(access('a', 'i2', 'x', 20, { etag: 'e2' })); // a read seeing another ETag
    c.add(access('a', 'i3', 'x', 30, { etag: 'e2', write: true, read: false })); // a write keeping it
    c.add(access('b', 'i1', 'y', 5)); // same invocation id in another app, earlier
    const s = c.finish();
    expect(s.etags).toEqual({ checked: 2, consistent: 0 });
    expect(s.grouping.acrossApps).toBe(1);
    expect(s.outOfOrder).toBe(1);
    const check = evaluateTrace(s);
    expect(figure(check, 'inv.oneApp').pass).toBe(false);
    expect(check.notes.join('\n')).toMatch(/not in time order \(1 record\(s\)/);
  });

  it('formats a table with a verdict per figure, the compared trace and a summary', async () => {
    const check = await checkTrace(records);
    const other = await checkTrace(records.filter((r) => r.app === 'timer'));
    const text = formatTraceCheck(check, { label: 'generated', compare: { label: 'capped', check: other }, notes: false });
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^figure\s+published\s+generated\s+capped\s+rule\s+result$/);
    expect(lines).toContain('Blob size over accesses');
    expect(text).toMatch(/\n {2}p50 +5\.18 KiB +30 B +8 B +within 2× +FAIL\n/);
    expect(text).toMatch(/\n {2}≤ 100 +92\.3 % +100\.0 % +100\.0 % +±10 pp +pass\n/);
    expect(lines[lines.length - 1]).toMatch(/^\d+ of 27 checked figures pass — failing: Blob size over accesses: p10; Blob size over accesses: p20; /);
    expect(text).not.toContain('Note:');
  });

  it('refuses to pass an empty trace', async () => {
    const check = await checkTrace([]);
    expect(check.passed).toBe(false);
    expect(figure(check, 'size.p50').shown).toBe('-');
  });
});
