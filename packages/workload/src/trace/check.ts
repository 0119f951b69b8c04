/**
 * `checkTrace`: the figures of a trace (any source: the published Azure file, a generated
 * trace) beside the figures published with the Azure Functions blob trace 2020, each with a
 * stated tolerance and a pass/fail verdict.
 *
 * One pass, bounded memory: sizes go to a histogram (exact below 1 KiB, ~1 % buckets above);
 * per-app distinct blobs and invocations are exact up to 131,072 per app, then HyperLogLog;
 * per-blob inter-arrival statistics and invocation grouping are followed for a uniform hash
 * sample of blobs / invocations (all of them until 200,000 are tracked, then halving the rate).
 *
 * Definitions (stated because the notebook behind the published figures is not at hand):
 *   - size percentiles: nearest rank, over accesses with a known size;
 *   - invocations per distinct blob: an app's distinct invocation ids / its distinct blobs;
 *   - inter-arrival CoV: sample standard deviation (n − 1) / mean of a blob's gaps between
 *     consecutive accesses (reads and writes), over blobs with ≥ 3 accesses (≥ 2 gaps) — in the
 *     order of the trace, which should be in time order.
 */
import { formatBytes } from '@faast/core';
import { DistinctCounter, HashSample, SizeHistogram, hashString, key52 } from './sketch';
import { type TraceRecord } from './types';

// Module-level bindings: a global `Math` lookup per call is slow in sandboxed contexts (test runners).
const { abs, max, round, sqrt } = Math;

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

/** The published blob-size percentiles over all accesses (p0 and max are shown, not checked). */
export const PUBLISHED_SIZE_PERCENTILES: ReadonlyArray<{ label: string; p: number; bytes: number }> = [
  { label: 'p0', p: 0, bytes: 0 },
  { label: 'p1', p: 0.01, bytes: 8 },
  { label: 'p5', p: 0.05, bytes: 8 },
  { label: 'p10', p: 0.1, bytes: 46 },
  { label: 'p20', p: 0.2, bytes: 482 },
  { label: 'p25', p: 0.25, bytes: 542 },
  { label: 'p50', p: 0.5, bytes: 5.18 * KiB },
  { label: 'p75', p: 0.75, bytes: 9.02 * KiB },
  { label: 'p80', p: 0.8, bytes: 12.08 * KiB },
  { label: 'p90', p: 0.9, bytes: 26.14 * KiB },
  { label: 'p95', p: 0.95, bytes: 108 * KiB },
  { label: 'p99', p: 0.99, bytes: 1.52 * MiB },
  { label: 'max', p: 1, bytes: 1.78 * GiB },
];

/** The published maximum of distinct blobs of one app. */
export const PUBLISHED_MAX_BLOBS_PER_APP = 8_137_406;

export interface TraceCheckOptions {
  /** Blobs followed for inter-arrival and ETag statistics before sampling starts. Default 200,000. */
  sampleBlobs?: number;
  /** Invocations followed for grouping statistics before sampling starts. Default 200,000. */
  sampleInvocations?: number;
  /** Distinct blobs / invocations counted exactly per app before HyperLogLog. Default 131,072. */
  exactDistinctPerApp?: number;
}

/** Everything measured in one pass; the figures are computed from it. */
export interface TraceStats {
  records: number;
  reads: number;
  writes: number;
  /** Accesses with an empty size. */
  unknownSize: number;
  firstMs: number | undefined;
  lastMs: number | undefined;
  /** Records earlier than the record before them. */
  outOfOrder: number;
  sizes: { count: number; min: number | undefined; max: number | undefined; percentiles: Record<string, number | undefined> };
  readsWithSize: number;
  readsAtMost40B: number;
  writesWithSize: number;
  writesOver1KiB: number;
  writesUnder100KiB: number;
  accessesUnder100KiB: number;
  apps: number;
  /** Apps whose distinct counts are HyperLogLog estimates. */
  appsApproximate: number;
  blobsPerApp: { one: number; atMost100: number; atMost10k: number; max: number; total: number };
  invocationsPerBlob: { below1: number; atMost1: number; atMost1_1: number; atMost100: number };
  invocations: number;
  coV: { blobs: number; below1: number; above1: number; nearPeriodic: number; sampleRate: number; outOfOrder: number };
  grouping: { sampled: number; sampledAccesses: number; accessesInShared: number; acrossApps: number; sampleRate: number };
  etags: { checked: number; consistent: number };
}

class BlobTrack {
  n = 0;
  last = 0;
  mean = 0;
  m2 = 0;
  etag = '';
  outOfOrder = 0;
}

class AppTrack {
  accesses = 0;
  constructor(
    readonly hash: number,
    readonly blobs: DistinctCounter,
    readonly invocations: DistinctCounter,
  ) {}
}

/** Near-periodic: the published figure speaks of CoV ≈ 0.01; we count CoV ≤ 0.05. */
export const NEAR_PERIODIC_COV = 0.05;

/** Feeds records one by one; `finish` computes the statistics. */
export class TraceStatsCollector {
  private readonly sizes = new SizeHistogram();
  private readonly apps = new Map<string, AppTrack>();
  private readonly blobs: HashSample<BlobTrack>;
  private readonly invocations: HashSample<{ app: number; n: number; acrossApps: boolean }>;
  private readonly exactDistinct: number;
  private s = {
    records: 0, reads: 0, writes: 0, unknownSize: 0, outOfOrder: 0, first: Infinity, last: -Infinity, prev: -Infinity,
    readsWithSize: 0, readsAtMost40B: 0, writesWithSize: 0, writesOver1KiB: 0, writesUnder100KiB: 0, accessesUnder100KiB: 0,
    etagChecked: 0, etagConsistent: 0,
  };

  constructor(options: TraceCheckOptions = {}) {
    this.blobs = new HashSample(options.sampleBlobs ?? 200_000);
    this.invocations = new HashSample(options.sampleInvocations ?? 200_000);
    this.exactDistinct = options.exactDistinctPerApp ?? 131_072;
  }

  add(r: TraceRecord): void {
    const s = this.s;
    s.records++;
    if (r.read) s.reads++;
    if (r.write) s.writes++;
    const t = r.timestampMs;
    if (t < s.prev) s.outOfOrder++;
    s.prev = t;
    if (t < s.first) s.first = t;
    if (t > s.last) s.last = t;
    const bytes = r.bytes;
    if (bytes === undefined) {
      s.unknownSize++;
    } else {
      this.sizes.add(bytes);
      if (bytes < 100 * KiB) s.accessesUnder100KiB++;
      if (r.read) {
        s.readsWithSize++;
        if (bytes <= 40) s.readsAtMost40B++;
      }
      if (r.write) {
        s.writesWithSize++;
        if (bytes > KiB) s.writesOver1KiB++;
        if (bytes < 100 * KiB) s.writesUnder100KiB++;
      }
    }

    let app = this.apps.get(r.app);
    if (app === undefined) {
      app = new AppTrack(hashString(r.app), new DistinctCounter(this.exactDistinct), new DistinctCounter(this.exactDistinct));
      this.apps.set(r.app, app);
    }
    app.accesses++;
    const blobKey = key52(r.blob, app.hash);
    app.blobs.add(blobKey);
    const invocationKey = key52(r.invocation);
    app.invocations.add(invocationKey);

    const blob = this.blobs.get(blobKey, () => new BlobTrack());
    if (blob !== undefined) {
      if (blob.n > 0) {
        const gap = t - blob.last;
        if (gap < 0) {
          blob.outOfOrder++;
        } else {
          // Welford's running mean and sum of squares of the gaps.
          const k = blob.n - blob.outOfOrder; // this gap's number
          const delta = gap - blob.mean;
          blob.mean += delta / k;
          blob.m2 += delta * (gap - blob.mean);
        }
        s.etagChecked++;
        if (r.write ? r.etag !== blob.etag : r.etag === blob.etag) s.etagConsistent++;
      }
      blob.n++;
      blob.last = max(blob.last, t);
      blob.etag = r.etag;
    }

    const inv = this.invocations.get(invocationKey, () => ({ app: app.hash, n: 0, acrossApps: false }));
    if (inv !== undefined) {
      inv.n++;
      if (inv.app !== app.hash) inv.acrossApps = true;
    }
  }

  finish(): TraceStats {
    const s = this.s;
    const percentiles: Record<string, number | undefined> = {};
    for (const { label, p } of PUBLISHED_SIZE_PERCENTILES) percentiles[label] = this.sizes.quantile(p);

    const perBlob = { one: 0, atMost100: 0, atMost10k: 0, max: 0, total: 0 };
    const perInvocation = { below1: 0, atMost1: 0, atMost1_1: 0, atMost100: 0 };
    let invocations = 0;
    let approximate = 0;
    for (const app of this.apps.values()) {
      const blobs = app.blobs.count;
      const inv = app.invocations.count;
      if (app.blobs.approximate || app.invocations.approximate) approximate++;
      invocations += inv;
      perBlob.total += blobs;
      perBlob.max = max(perBlob.max, blobs);
      if (blobs === 1) perBlob.one++;
      if (blobs <= 100) perBlob.atMost100++;
      if (blobs <= 10_000) perBlob.atMost10k++;
      // Ratios are compared with a relative margin so that 11/10 counts as ≤ 1.1.
      const ratio = inv / max(1, blobs);
      const eps = 1e-9;
      if (ratio < 1 - eps) perInvocation.below1++;
      if (ratio <= 1 + eps) perInvocation.atMost1++;
      if (ratio <= 1.1 + eps) perInvocation.atMost1_1++;
      if (ratio <= 100 + eps) perInvocation.atMost100++;
    }

    const coV = { blobs: 0, below1: 0, above1: 0, nearPeriodic: 0, sampleRate: this.blobs.rate, outOfOrder: 0 };
    for (const b of this.blobs.entries.values()) {
      if (b.outOfOrder > 0) coV.outOfOrder++;
      const gaps = b.n - 1 - b.outOfOrder;
      if (gaps < 2 || b.mean <= 0) continue;
      const cov = sqrt(b.m2 / (gaps - 1)) / b.mean;
      coV.blobs++;
      if (cov < 1) coV.below1++;
      if (cov > 1) coV.above1++;
      if (cov <= NEAR_PERIODIC_COV) coV.nearPeriodic++;
    }

    const grouping = { sampled: 0, sampledAccesses: 0, accessesInShared: 0, acrossApps: 0, sampleRate: this.invocations.rate };
    for (const inv of this.invocations.entries.values()) {
      grouping.sampled++;
      grouping.sampledAccesses += inv.n;
      if (inv.n >= 2) grouping.accessesInShared += inv.n;
      if (inv.acrossApps) grouping.acrossApps++;
    }

    return {
      records: s.records,
      reads: s.reads,
      writes: s.writes,
      unknownSize: s.unknownSize,
      firstMs: s.records > 0 ? s.first : undefined,
      lastMs: s.records > 0 ? s.last : undefined,
      outOfOrder: s.outOfOrder,
      sizes: { count: this.sizes.count, min: this.sizes.count > 0 ? this.sizes.min : undefined, max: this.sizes.count > 0 ? this.sizes.max : undefined, percentiles },
      readsWithSize: s.readsWithSize,
      readsAtMost40B: s.readsAtMost40B,
      writesWithSize: s.writesWithSize,
      writesOver1KiB: s.writesOver1KiB,
      writesUnder100KiB: s.writesUnder100KiB,
      accessesUnder100KiB: s.accessesUnder100KiB,
      apps: this.apps.size,
      appsApproximate: approximate,
      blobsPerApp: perBlob,
      invocationsPerBlob: perInvocation,
      invocations,
      coV,
      grouping,
      etags: { checked: s.etagChecked, consistent: s.etagConsistent },
    };
  }
}

/** One figure: the published value, ours, the rule and the verdict (undefined: shown, not checked). */
export interface TraceFigure {
  id: string;
  group: string;
  label: string;
  published: string;
  value: number | undefined;
  shown: string;
  rule: string;
  pass: boolean | undefined;
}

export interface TraceCheck {
  stats: TraceStats;
  figures: TraceFigure[];
  /** True when every checked figure passes. */
  passed: boolean;
  failed: TraceFigure[];
  /** Caveats: sampling, estimates, order. */
  notes: string[];
}

const pct = (x: number | undefined): string => (x === undefined ? '-' : `${(100 * x).toFixed(1)} %`);
const share = (n: number, d: number): number | undefined => (d > 0 ? n / d : undefined);
const bytes = (b: number | undefined): string => (b === undefined ? '-' : formatBytes(round(b)));

/** Within `pp` percentage points of `target` (a share in [0, 1]). */
function near(target: number, pp: number): { rule: string; test: (v: number) => boolean } {
  return { rule: `±${pp} pp`, test: (v) => abs(v - target) <= pp / 100 + 1e-12 };
}

/** The figures of a trace beside the published ones (see the module comment for the rules). */
export function evaluateTrace(stats: TraceStats): TraceCheck {
  const figures: TraceFigure[] = [];
  const add = (group: string, id: string, label: string, published: string, value: number | undefined, shown: string, rule: string, test?: (v: number) => boolean): void => {
    figures.push({ id, group, label, published, value, shown, rule, pass: test === undefined ? undefined : value !== undefined && test(value) });
  };
  const shareFigure = (group: string, id: string, label: string, target: number, pp: number, value: number | undefined, published = pct(target)): void => {
    const { rule, test } = near(target, pp);
    add(group, id, label, published, value, pct(value), rule, test);
  };

  let g = 'Blob size over accesses';
  for (const { label, bytes: published } of PUBLISHED_SIZE_PERCENTILES) {
    const value = stats.sizes.percentiles[label];
    if (label === 'p0' || label === 'max') {
      add(g, `size.${label}`, label, bytes(published), value, bytes(value), 'shown only');
    } else {
      add(g, `size.${label}`, label, bytes(published), value, bytes(value), 'within 2×', (v) => v >= published / 2 && v <= published * 2);
    }
  }

  g = 'Reads and writes by size';
  shareFigure(g, 'rw.reads40', 'reads of blobs ≤ 40 B', 0.63, 10, share(stats.readsAtMost40B, stats.readsWithSize), '≈ 63 %');
  shareFigure(g, 'rw.writes1k', 'writes of blobs > 1 KiB', 0.5, 10, share(stats.writesOver1KiB, stats.writesWithSize), '≈ 50 %');
  const w100 = share(stats.writesUnder100KiB, stats.writesWithSize);
  add(g, 'rw.writes100k', 'writes of blobs < 100 KiB', 'most', w100, pct(w100), '> 50 %', (v) => v > 0.5);
  shareFigure(g, 'rw.all100k', 'accesses to blobs < 100 KiB', 0.95, 5, share(stats.accessesUnder100KiB, stats.sizes.count), '≈ 95 %');

  g = 'Distinct blobs per app (share of apps)';
  const apps = stats.apps;
  shareFigure(g, 'apps.blobs1', '1 blob', 0.118, 10, share(stats.blobsPerApp.one, apps));
  shareFigure(g, 'apps.blobs100', '≤ 100 blobs', 0.6612, 10, share(stats.blobsPerApp.atMost100, apps));
  shareFigure(g, 'apps.blobs10k', '≤ 10,000 blobs', 0.9299, 10, share(stats.blobsPerApp.atMost10k, apps));
  add(g, 'apps.blobsMax', 'most blobs of one app', PUBLISHED_MAX_BLOBS_PER_APP.toLocaleString('en-US'), stats.blobsPerApp.max, stats.blobsPerApp.max.toLocaleString('en-US'), 'shown only');

  g = 'Invocations per distinct blob (share of apps)';
  shareFigure(g, 'apps.ratio<1', '< 1', 0.1098, 10, share(stats.invocationsPerBlob.below1, apps));
  shareFigure(g, 'apps.ratio1', '≤ 1', 0.5012, 10, share(stats.invocationsPerBlob.atMost1, apps));
  shareFigure(g, 'apps.ratio1.1', '≤ 1.1', 0.6811, 10, share(stats.invocationsPerBlob.atMost1_1, apps));
  shareFigure(g, 'apps.ratio100', '≤ 100', 0.9229, 10, share(stats.invocationsPerBlob.atMost100, apps));

  g = 'Inter-arrival CoV per blob (blobs with ≥ 3 accesses)';
  const c = stats.coV;
  const below1 = share(c.below1, c.blobs);
  shareFigure(g, 'cov.below1', 'CoV < 1 (regular, periodic)', 0.6, 10, below1, '≈ 60 %');
  const restAbove = c.blobs > c.below1 ? c.above1 / (c.blobs - c.below1) : undefined;
  add(g, 'cov.above1', 'CoV > 1 (bursty), of the rest', 'most', restAbove, pct(restAbove), '> 50 %', (v) => v > 0.5);
  shareFigure(g, 'cov.periodic', `near-periodic (CoV ≤ ${NEAR_PERIODIC_COV})`, 0.1, 5, share(c.nearPeriodic, c.blobs), '≈ 10 %');

  g = 'Invocations';
  const grouped = share(stats.grouping.accessesInShared, stats.grouping.sampledAccesses);
  add(g, 'inv.grouped', 'accesses sharing their invocation', 'several', grouped, pct(grouped), '≥ 10 %', (v) => v >= 0.1);
  const oneApp = stats.grouping.sampled > 0 ? 1 - stats.grouping.acrossApps / stats.grouping.sampled : undefined;
  add(g, 'inv.oneApp', 'invocations within one app', 'all', oneApp, pct(oneApp), '≥ 99 %', (v) => v >= 0.99);
  const perInv = share(stats.records, stats.invocations);
  add(g, 'inv.mean', 'accesses per invocation (mean)', '-', perInv, perInv === undefined ? '-' : perInv.toFixed(2), 'shown only');

  const notes: string[] = [];
  notes.push('p0 and max are shown, not checked: one 0-byte access or one 1.78 GiB blob decides them, and a sample of a few hundred thousand accesses may or may not draw such an extreme; the published max of distinct blobs per app (8.1 M) likewise.');
  if (c.sampleRate < 1) notes.push(`Inter-arrival and ETag figures follow a uniform ${pct(c.sampleRate)} hash sample of the blobs.`);
  if (stats.grouping.sampleRate < 1) notes.push(`Invocation grouping follows a uniform ${pct(stats.grouping.sampleRate)} hash sample of the invocations.`);
  if (stats.appsApproximate > 0) notes.push(`${stats.appsApproximate} app(s) have more than the exact-count limit of distinct blobs or invocations; theirs are HyperLogLog estimates (~1 %).`);
  if (stats.outOfOrder > 0) notes.push(`The trace is not in time order (${stats.outOfOrder} record(s) earlier than the one before); inter-arrival figures skip negative gaps — sort the trace by Timestamp for exact figures.`);
  if (stats.unknownSize > 0) notes.push(`${stats.unknownSize} accesses have no size; size figures leave them out.`);
  if (stats.etags.checked > 0) notes.push(`ETags: ${pct(stats.etags.consistent / stats.etags.checked)} of repeat accesses to followed blobs are consistent (a write shows a new ETag, a read the current one).`);

  const checked = figures.filter((f) => f.pass !== undefined);
  const failed = checked.filter((f) => f.pass === false);
  return { stats, figures, passed: failed.length === 0 && stats.records > 0, failed, notes };
}

/** Reads every record (sync or async iterable) and checks the figures. */
export async function checkTrace(records: Iterable<TraceRecord> | AsyncIterable<TraceRecord>, options: TraceCheckOptions = {}): Promise<TraceCheck> {
  const collector = new TraceStatsCollector(options);
  for await (const r of records) collector.add(r);
  return evaluateTrace(collector.finish());
}

export interface FormatTraceCheckOptions {
  /** Name of the value column. Default `trace`. */
  label?: string;
  /** A second trace shown beside (e.g. the capped trace as written); its verdicts are not shown. */
  compare?: { label: string; check: TraceCheck };
  /** Leave out the notes under the table. */
  notes?: boolean;
}

/** The figures as an aligned text table, grouped, with a pass/fail column and a summary line. */
export function formatTraceCheck(check: TraceCheck, options: FormatTraceCheckOptions = {}): string {
  const compare = options.compare;
  const headers = ['figure', 'published', options.label ?? 'trace', ...(compare ? [compare.label] : []), 'rule', 'result'];
  const rows: string[][] = [];
  let group = '';
  for (const f of check.figures) {
    if (f.group !== group) {
      group = f.group;
      rows.push([group]);
    }
    const other = compare?.check.figures.find((o) => o.id === f.id)?.shown ?? '-';
    rows.push([`  ${f.label}`, f.published, f.shown, ...(compare ? [other] : []), f.rule, f.pass === undefined ? '' : f.pass ? 'pass' : 'FAIL']);
  }
  const widths = headers.map((h, i) => max(h.length, ...rows.filter((r) => r.length > 1).map((r) => (r[i] ?? '').length)));
  const right = headers.map((_, i) => i > 0 && i < headers.length - 2);
  const line = (r: string[]): string =>
    r.length === 1 ? r[0]! : r.map((cell, i) => (right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  const checked = check.figures.filter((f) => f.pass !== undefined);
  const passed = checked.filter((f) => f.pass).length;
  const out = [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line), ''];
  const failing = check.failed.map((f) => `${f.group.split(' (')[0]}: ${f.label.trim()}`);
  const listed = failing.length > 6 ? [...failing.slice(0, 5), `${failing.length - 5} more`] : failing;
  out.push(`${passed} of ${checked.length} checked figures pass${failing.length > 0 ? ` — failing: ${listed.join('; ')}` : ''}.`);
  if (options.notes !== false) out.push(...check.notes.map((n) => `Note: ${n}`));
  return out.join('\n');
}
