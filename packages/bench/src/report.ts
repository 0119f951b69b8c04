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
  /** origin p50 / faast p50 (the project's target: ≥ 30 for 1 KiB). */
  originOverFaast: number;
  /** faast p50 / redis p50; undefined without Redis. */
  faastOverRedis: number | undefined;
}

/** Where the p50 of a Faa$T hit goes, µs, medians over runs. */
export interface Breakdown {
  size: SizeLabel;
  faastP50Us: number;
  /** The SDK's own send(): the `SDK send() only` row. */
  sdkUs: number;
  /** The app protocol over the Unix socket, both ends, and the daemon's handler: raw app-protocol Get − store. */
  transportUs: number;
  /** The store hit: the `store` row. */
  storeUs: number;
  /** The rest: the interceptor rendering the reply, the SDK deserializing it, the body stream (faast − raw app-protocol Get − SDK). */
  interceptorUs: number;
}

/** The result of the foundation benchmark. */
export interface Summary {
  rows: SummaryRow[];
  ratios: SizeRatios[];
  breakdown: Breakdown[];
}

const ORDER: Target[] = ['origin', 'faast', 'redis', 'raw-lean', 'sdk-send', 'store'];

/** Medians over runs of every figure, ratio and breakdown component. */
export function summarize(runs: RunFigures[]): Summary {
  const over = (target: Target, size: SizeLabel, concurrency: number, field: keyof Measurement): number[] =>
    runs.map((r) => r.cells[cellId(target, size, concurrency)]?.[field]).filter((v): v is number => v !== undefined);
  const perRun = (f: (fig: (t: Target, s: SizeLabel, field: keyof Measurement) => number) => number): number =>
    median(runs.map((r) => f((t, s, field) => r.cells[cellId(t, s, 1)]?.[field] ?? Number.NaN)));

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
    return {
      size: label,
      originOverFaast: perRun((fig) => fig('origin', label, 'p50Us') / fig('faast', label, 'p50Us')),
      faastOverRedis: Number.isNaN(faastOverRedis) ? undefined : faastOverRedis,
    };
  });

  const breakdown: Breakdown[] = SIZES.map(({ label }) => ({
    size: label,
    faastP50Us: perRun((fig) => fig('faast', label, 'p50Us')),
    sdkUs: perRun((fig) => fig('sdk-send', '-', 'p50Us')),
    transportUs: perRun((fig) => fig('raw-lean', label, 'p50Us') - fig('store', label, 'p50Us')),
    storeUs: perRun((fig) => fig('store', label, 'p50Us')),
    interceptorUs: perRun((fig) => fig('faast', label, 'p50Us') - fig('raw-lean', label, 'p50Us') - fig('sdk-send', '-', 'p50Us')),
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
  for (const r of summary.ratios) {
    const target = r.size === '1 KiB' ? `  (target ≥ 30×: ${r.originOverFaast >= 30 ? 'met' : 'NOT met'})` : '';
    lines.push(`  ${r.size}: origin / faast = ${formatRatio(r.originOverFaast)}${target};  faast / redis = ${formatRatio(r.faastOverRedis)}`);
  }
  lines.push('', 'Where the time of a Faa$T hit goes (p50, µs; p50s do not add exactly, so the rest is the difference):');
  const share = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(0)} %`;
  lines.push(
    renderTable(
      ['', 'faast p50', 'SDK send()', 'transport + daemon', 'store', 'interceptor + rest'],
      summary.breakdown.map((b) => [
        b.size,
        formatUs(b.faastP50Us),
        `${formatUs(b.sdkUs)} ${share(b.sdkUs, b.faastP50Us)}`,
        `${formatUs(b.transportUs)} ${share(b.transportUs, b.faastP50Us)}`,
        `${formatUs(b.storeUs)} ${share(b.storeUs, b.faastP50Us)}`,
        `${formatUs(b.interceptorUs)} ${share(b.interceptorUs, b.faastP50Us)}`,
      ]),
    ),
    '  SDK send(): an S3Client answered by an initialize middleware (no network) — paid by every call.',
    '  transport + daemon: raw app-protocol Get − store: the interceptor\'s connection, the frames on the Unix socket, the daemon\'s handler.',
    '  store: Cachelet.get hit in process, body consumed.',
    '  interceptor + rest: faast − raw app-protocol Get − SDK send(): rendering the reply, the SDK deserializing it, the body stream.',
  );
  const negative = summary.breakdown.filter((b) => b.transportUs < 0 || b.interceptorUs < 0).map((b) => b.size);
  if (negative.length) {
    lines.push(`  A negative part (${negative.join(', ')}): the rows were measured one after the other and their p50s are noisier than the difference.`);
  }
  return lines.join('\n');
}
