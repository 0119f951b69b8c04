/**
 * From the raw figures of every run to what is printed and saved: medians over runs of each
 * figure, ratios measured side by side (computed within each run, then the median), and where
 * the time of a Faa$T hit goes.
 */
import { renderTable } from '@faast/cli';
import { cellId, HIGH_CONCURRENCY, SIZES, TARGET_LABELS, type SizeLabel, type Target } from './foundation';
import { median, type Measurement } from './measure';

/** The figures of one cell in one run. */
export interface CellFigures extends Measurement {
  target: Target;
  size: SizeLabel;
}

/** Everything one run of the table measured. */
export interface RunFigures {
  /** 1-based. */
  run: number;
  startedAt: string;
  /** By {@link cellId}. */
  cells: Record<string, CellFigures>;
  /** Requests that reached the origin while the faast cells ran: 0 when every faast read was a hit. */
  originRequestsDuringFaast: number;
}

/** One row of the table: medians over runs. */
export interface SummaryRow {
  target: Target;
  size: SizeLabel;
  opsPerSec1: number;
  p50Us: number;
  p99Us: number;
  /** Undefined for targets measured at 1 in flight only. */
  opsPerSec16: number | undefined;
  /** (max − min) / median of the p50 over runs, percent: how noisy the row was. */
  p50SpreadPct: number;
}

/** Ratios of one size, each the median over runs of the ratio within a run. */
export interface SizeRatios {
  size: SizeLabel;
  /** origin p50 / faast p50 (the project's target: ≥ 100 for 1 KiB). */
  originOverFaast: number;
  /** faast p50 / redis p50 (target ≤ 1); undefined without Redis. */
  faastOverRedis: number | undefined;
  /** faast ops/s / redis ops/s at 16 in flight (target ≥ 1); undefined without Redis. */
  faastOverRedisThroughput: number | undefined;
}

/** Where the p50 of a warm Faa$T hit (a near-cache hit) goes, µs, medians over runs. */
export interface Breakdown {
  size: SizeLabel;
  faastP50Us: number;
  /** The SDK's own send() with its handler cache: the `SDK send() only` row. */
  sdkUs: number;
  /** The near cache: lookup, one event-loop turn, the output copied, the body stream read (faast − SDK). */
  nearUs: number;
  /** What a read the near cache does not hold but the cachelet does pays on top: the raw app-protocol Get. */
  transportUs: number;
}

/** The result of the foundation benchmark. */
export interface Summary {
  rows: SummaryRow[];
  ratios: SizeRatios[];
  breakdown: Breakdown[];
}

const ORDER: Target[] = ['origin', 'faast', 'faast-embedded', 'redis', 'raw-lean', 'sdk-send', 'store'];

/** Medians over runs of every figure, ratio and breakdown component. */
export function summarize(runs: RunFigures[]): Summary {
  const over = (target: Target, size: SizeLabel, concurrency: number, field: keyof Measurement): number[] =>
    runs.map((r) => r.cells[cellId(target, size, concurrency)]?.[field]).filter((v): v is number => v !== undefined);
  const perRun = (f: (fig: (t: Target, s: SizeLabel, field: keyof Measurement, concurrency?: number) => number) => number): number =>
    median(runs.map((r) => f((t, s, field, concurrency = 1) => r.cells[cellId(t, s, concurrency)]?.[field] ?? Number.NaN)));

  const rows: SummaryRow[] = [];
  const sizes: SizeLabel[] = [...SIZES.map((s) => s.label), '-'];
  for (const size of sizes) {
    for (const target of ORDER) {
      const p50s = over(target, size, 1, 'p50Us');
      if (p50s.length === 0) continue;
      const p50 = median(p50s);
      const high = over(target, size, HIGH_CONCURRENCY, 'opsPerSec');
      rows.push({
        target,
        size,
        opsPerSec1: median(over(target, size, 1, 'opsPerSec')),
        p50Us: p50,
        p99Us: median(over(target, size, 1, 'p99Us')),
        opsPerSec16: high.length ? median(high) : undefined,
        p50SpreadPct: (100 * (Math.max(...p50s) - Math.min(...p50s))) / p50,
      });
    }
  }

  const ratios: SizeRatios[] = SIZES.map(({ label }) => {
    const faastOverRedis = perRun((fig) => fig('faast', label, 'p50Us') / fig('redis', label, 'p50Us'));
    const throughput = perRun((fig) => fig('faast', label, 'opsPerSec', HIGH_CONCURRENCY) / fig('redis', label, 'opsPerSec', HIGH_CONCURRENCY));
    return {
      size: label,
      originOverFaast: perRun((fig) => fig('origin', label, 'p50Us') / fig('faast', label, 'p50Us')),
      faastOverRedis: Number.isNaN(faastOverRedis) ? undefined : faastOverRedis,
      faastOverRedisThroughput: Number.isNaN(throughput) ? undefined : throughput,
    };
  });

  const breakdown: Breakdown[] = SIZES.map(({ label }) => ({
    size: label,
    faastP50Us: perRun((fig) => fig('faast', label, 'p50Us')),
    sdkUs: perRun((fig) => fig('sdk-send', '-', 'p50Us')),
    nearUs: perRun((fig) => fig('faast', label, 'p50Us') - fig('sdk-send', '-', 'p50Us')),
    transportUs: perRun((fig) => fig('raw-lean', label, 'p50Us')),
  }));
  return { rows, ratios, breakdown };
}

/** `12 µs`, `1.23 µs`, `456 µs`, `1.23 ms`, `15.8 ms`. */
export function formatUs(us: number): string {
  if (!Number.isFinite(us)) return '-';
  if (us < 0) return `-${formatUs(-us)}`;
  if (us < 10) return `${us.toFixed(2)} µs`;
  if (us < 1000) return `${Math.round(us)} µs`;
  const ms = us / 1000;
  return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

function formatRate(n: number | undefined): string {
  return n === undefined || !Number.isFinite(n) ? '-' : Math.round(n).toLocaleString('en-US');
}

function formatRatio(n: number | undefined): string {
  return n === undefined || !Number.isFinite(n) ? '-' : `${n.toFixed(n < 10 ? 2 : 1)}×`;
}

/** The printed report: table, ratios, where the time goes. */
export function renderReport(summary: Summary, runs: number, redisSkipped: string | undefined): string {
  const table = renderTable(
    ['', 'size', 'ops/s @1', 'p50', 'p99', `ops/s @${HIGH_CONCURRENCY}`, 'p50 spread'],
    summary.rows.map((r) => [
      TARGET_LABELS[r.target],
      r.size,
      formatRate(r.opsPerSec1),
      formatUs(r.p50Us),
      formatUs(r.p99Us),
      formatRate(r.opsPerSec16),
      runs > 1 ? `${r.p50SpreadPct.toFixed(0)} %` : '-',
    ]),
  );
  const lines = [
    `Warm GETs, medians of ${runs} run${runs > 1 ? 's' : ''} (p50 spread: (max − min) / median of the p50 over runs).`,
    '',
    table,
    '',
  ];
  if (redisSkipped) lines.push(`redis rows skipped: ${redisSkipped}`, '');
  lines.push('Ratios (p50, computed within each run, median over runs):');
  const verdict = (ok: boolean | undefined): string => (ok === undefined ? 'no Redis' : ok ? 'met' : 'NOT met');
  for (const r of summary.ratios) {
    const origin = r.size === '1 KiB' ? ` (target ≥ 100×: ${verdict(r.originOverFaast >= 100)})` : '';
    const redis = r.faastOverRedis === undefined ? undefined : r.faastOverRedis <= 1;
    const throughput = r.faastOverRedisThroughput === undefined ? undefined : r.faastOverRedisThroughput >= 1;
    lines.push(
      `  ${r.size}: origin / faast = ${formatRatio(r.originOverFaast)}${origin};  faast / redis = ${formatRatio(r.faastOverRedis)} (target ≤ 1×: ${verdict(redis)});  ` +
        `ops/s @${HIGH_CONCURRENCY} faast / redis = ${formatRatio(r.faastOverRedisThroughput)} (target ≥ 1×: ${verdict(throughput)})`,
    );
  }
  lines.push('', 'Where the time of a warm Faa$T hit goes (a near-cache hit; p50, µs):');
  const share = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(0)} %`;
  lines.push(
    renderTable(
      ['', 'faast p50', 'SDK send()', 'near cache', 'not held: + app protocol'],
      summary.breakdown.map((b) => [
        b.size,
        formatUs(b.faastP50Us),
        `${formatUs(b.sdkUs)} ${share(b.sdkUs, b.faastP50Us)}`,
        `${formatUs(b.nearUs)} ${share(b.nearUs, b.faastP50Us)}`,
        formatUs(b.transportUs),
      ]),
    ),
    '  SDK send(): an S3Client with the SDK\'s handler cache (as withFaast sets it) answered by an initialize middleware — paid by every call.',
    '  near cache: faast − SDK send(): the lookup, one event-loop turn, the output copied from the held version\'s, the body stream read.',
    '  not held: a read the near cache does not hold but the cachelet does also pays the raw app-protocol Get (the Unix socket and the daemon).',
  );
  if (summary.breakdown.some((b) => b.nearUs < 0)) {
    lines.push('  A negative part: the rows were measured one after the other and their p50s are noisier than the difference.');
  }
  return lines.join('\n');
}
