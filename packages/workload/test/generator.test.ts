/**
 * The synthetic workload generator: determinism, order, versions (ETags), invocations, caps,
 * and the calibration — every published figure within its stated tolerance for two seeds.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import { generateTrace, DEFAULT_TRACE_START_MS, type TraceGeneratorParams } from '../src/generator/generate';
import { checkTrace, formatTraceCheck } from '../src/trace/check';
import { formatTraceJsonlRecord } from '../src/trace/jsonl';

jest.setTimeout(30_000);

const SMALL: TraceGeneratorParams = { seed: 3, apps: 40, durationMs: 600_000 };

function digest(params: TraceGeneratorParams): { count: number; hash: string } {
  const h = createHash('sha256');
  let count = 0;
  for (const r of generateTrace(params)) {
    h.update(formatTraceJsonlRecord(r));
    count++;
  }
  return { count, hash: h.digest('hex') };
}

describe('generateTrace', () => {
  it('is deterministic: the same seed and parameters give the same records; another seed does not', () => {
    const a = digest(SMALL);
    expect(a.count).toBeGreaterThan(10_000);
    expect(digest(SMALL)).toEqual(a);
    expect(digest({ ...SMALL, seed: 4 }).hash).not.toBe(a.hash);
    const first = (seed: number) => [...take(generateTrace({ ...SMALL, seed }), 50)];
    expect(first(3)).toEqual(first(3));
    expect(new Set(first(3).map((r) => r.app))).not.toEqual(new Set(first(4).map((r) => r.app)));
  });

  it('produces records in timestamp order inside the window, with hashed-looking ids', () => {
    const startMs = Date.UTC(2021, 0, 1);
    let last = -Infinity;
    const problems: string[] = [];
    const shapes = new Set<string>();
    // Collected, not asserted per record: the runner's matchers are slow over ~20,000 records.
    for (const r of generateTrace({ ...SMALL, startMs })) {
      if (r.timestampMs < last) problems.push(`out of order at ${r.timestampMs}`);
      if (r.timestampMs < startMs || r.timestampMs >= startMs + SMALL.durationMs) problems.push(`outside the window: ${r.timestampMs}`);
      if (!Number.isInteger(r.timestampMs) || !Number.isSafeInteger(r.bytes) || r.read === r.write) problems.push(JSON.stringify(r));
      last = r.timestampMs;
      shapes.add(
        [/^[0-9a-z]{8}$/.test(r.app), /^[0-9a-z]{16}$/.test(r.blob), /^[0-9a-z]{10}$/.test(r.etag), /^[0-9a-z]{3}$/.test(r.region), /^\d+$/.test(r.user), /^\d+$/.test(r.invocation), r.blobType.startsWith('BlockBlob/')].join(),
      );
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect([...shapes]).toEqual(['true,true,true,true,true,true,true']);
    expect(DEFAULT_TRACE_START_MS).toBe(Date.parse('2020-11-23T00:00:00Z'));
  });

  it('versions blobs: a write shows a new ETag, a read the current one; invocations stay in one app', () => {
    const etags = new Map<string, string>();
    const versions = new Set<string>();
    const invocationApp = new Map<string, string>();
    const perInvocation = new Map<string, number>();
    const problems: string[] = [];
    let newVersions = 0;
    let currentReads = 0;
    for (const r of generateTrace({ ...SMALL, seed: 5, apps: 80 })) {
      const key = `${r.app}/${r.blob}`;
      const before = etags.get(key);
      if (r.write) {
        // A new version: an ETag this blob never had.
        if (versions.has(`${key}/${r.etag}`)) problems.push(`write of ${key} reuses ETag ${r.etag}`);
        newVersions++;
      } else if (before !== undefined) {
        if (r.etag !== before) problems.push(`read of ${key} at ${r.timestampMs} sees ${r.etag}, current ${before}`);
        currentReads++;
      }
      etags.set(key, r.etag);
      versions.add(`${key}/${r.etag}`);
      if ((invocationApp.get(r.invocation) ?? r.app) !== r.app) problems.push(`invocation ${r.invocation} in two apps`);
      invocationApp.set(r.invocation, r.app);
      perInvocation.set(r.invocation, (perInvocation.get(r.invocation) ?? 0) + 1);
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(newVersions).toBeGreaterThan(1000);
    expect(currentReads).toBeGreaterThan(100);
    const grouped = [...perInvocation.values()].filter((n) => n >= 2).length;
    expect(grouped / perInvocation.size).toBeGreaterThan(0.05);
  });

  it('applies the caps for local replay to the same population', () => {
    const caps = { maxBlobBytes: 64 * 1024, maxBlobsPerApp: 50, maxAccessesPerApp: 500 };
    const apps = new Set<string>();
    const blobs = new Map<string, Set<string>>();
    const accesses = new Map<string, number>();
    let maxBytes = 0;
    for (const r of generateTrace({ ...SMALL, ...caps })) {
      apps.add(r.app);
      if (!blobs.has(r.app)) blobs.set(r.app, new Set());
      blobs.get(r.app)!.add(r.blob);
      accesses.set(r.app, (accesses.get(r.app) ?? 0) + 1);
      maxBytes = Math.max(maxBytes, r.bytes ?? 0);
    }
    expect(maxBytes).toBe(64 * 1024);
    expect(Math.max(...[...blobs.values()].map((s) => s.size))).toBeLessThanOrEqual(50);
    expect(Math.max(...accesses.values())).toBeLessThanOrEqual(500);
    const uncapped = new Set<string>();
    let uncappedMax = 0;
    for (const r of generateTrace(SMALL)) {
      uncapped.add(r.app);
      uncappedMax = Math.max(uncappedMax, r.bytes ?? 0);
    }
    expect(apps).toEqual(uncapped);
    expect(uncappedMax).toBeGreaterThan(64 * 1024);
  });

  it('rejects parameters it cannot honour', () => {
    expect(() => [...take(generateTrace({ ...SMALL, apps: 0 }), 1)]).toThrow('apps must be a whole number in [1, 262144], got 0');
    expect(() => [...take(generateTrace({ ...SMALL, durationMs: 10 }), 1)]).toThrow(/^durationMs must be/);
    expect(() => [...take(generateTrace({ ...SMALL, seed: -1 }), 1)]).toThrow(/^seed must be/);
    expect(() => [...take(generateTrace({ ...SMALL, maxBlobsPerApp: 0 }), 1)]).toThrow(/^maxBlobsPerApp must be/);
  });
});

describe('calibration (200 apps, 1 h)', () => {
  for (const seed of [1, 2]) {
    it(`seed ${seed}: every published figure within its tolerance`, async () => {
      const check = await checkTrace(generateTrace({ seed, apps: 200, durationMs: 3_600_000 }));
      const failures = check.failed.map((f) => `${f.group}: ${f.label} = ${f.shown} (published ${f.published}, ${f.rule})`);
      expect(failures).toEqual([]);
      expect(check.passed).toBe(true);
      expect(check.stats.apps).toBe(200);
      expect(check.figures.filter((f) => f.pass !== undefined)).toHaveLength(27);
      expect(check.stats.outOfOrder).toBe(0);
      expect(check.stats.etags.consistent).toBe(check.stats.etags.checked);
    });
  }

  it('fails figures when the trace is off: blobs capped at 64 B move the size percentiles out', async () => {
    const check = await checkTrace(generateTrace({ seed: 1, apps: 60, durationMs: 3_600_000, maxBlobBytes: 64 }));
    const failed = check.failed.map((f) => f.id);
    expect(failed).toEqual(expect.arrayContaining(['size.p25', 'size.p50', 'size.p99', 'rw.writes1k']));
    expect(failed).not.toContain('size.p5');
    expect(check.passed).toBe(false);
    expect(formatTraceCheck(check)).toMatch(/\d+ of 27 checked figures pass — failing: .*Blob size over accesses: p50/);
  });
});

function* take<T>(it: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  let i = 0;
  for (const x of it) {
    yield x;
    if (++i >= n) return;
  }
}
