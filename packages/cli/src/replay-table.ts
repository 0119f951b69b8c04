/**
 * What `faast replay` prints: one table per app and one for all invocations, a row per
 * baseline. Figures and formatters come from @faast/workload, shared with the HTML report.
 */
import {
  appNames,
  findApp,
  formatChange,
  formatCount,
  formatDuration,
  formatMs,
  formatPercent,
  formatSize,
  reduction,
  type AppOutcome,
  type BaselineOutcome,
  type ReplayReport,
} from '@faast/workload';
import { renderTable } from './table';

/** The tables of a replay report, per app (busiest first) then overall, with a line on the trace above. */
export function formatReplayTables(report: ReplayReport): string {
  const t = report.trace;
  const out = [
    `Replay of ${clean(t.source)}${t.seed === undefined ? '' : ` (seed ${t.seed})`}`,
    `  ${formatCount(t.apps)} apps, ${formatCount(t.invocations)} invocations, ${formatCount(t.accesses)} accesses over ${formatDuration(t.spanMs)}; ` +
      `${Number.isFinite(report.speed) ? report.speed : '-'}× speed, started ${clean(report.startedAt)}.`,
    '',
  ];
  if (report.baselines.length === 0) return [...out, 'No baseline ran.'].join('\n');
  for (const app of appNames(report)) {
    const rows = report.baselines.map((b) => ({ baseline: b, outcome: findApp(b, app) }));
    out.push(block(`app ${clean(app)}`, rows, false), '');
  }
  out.push(block('overall', report.baselines.map((b) => ({ baseline: b, outcome: b.overall })), true), '');
  const compared = report.baselines.length > 1 && report.baselines.some((b) => b.baseline === 'none' || b.baseline === 'redis');
  out.push(
    'p50, p99, mean: completion time (receive to result), nearest-rank percentiles. instance-s: instance-seconds.',
    `hit ratio: 1 − origin GETs / reads.${compared ? ' Δ X: change of the mean completion time against baseline X (negative: faster).' : ''}`,
  );
  return out.join('\n');
}

interface Row {
  baseline: BaselineOutcome;
  outcome: AppOutcome | undefined;
}

/** A title line, the table, and a line naming baselines without results for the app. */
function block(title: string, rows: Row[], overall: boolean): string {
  const refs = (['none', 'redis'] as const)
    .map((name) => rows.find((r) => r.baseline.baseline === name))
    .filter((r): r is Row => r !== undefined);
  const present = rows.filter((r) => r.outcome !== undefined).map((r) => r.outcome!);
  const headers = [
    'baseline',
    'p50',
    'p99',
    'mean',
    ...refs.map((r) => `Δ ${r.baseline.baseline}`),
    'hit ratio',
    'origin req',
    'origin bytes',
    'instance-s',
    'peak mem',
  ];
  const cells = rows.map(({ baseline, outcome: o }) => {
    const has = o !== undefined && o.latency.count > 0;
    return [
      baseline.baseline,
      has ? formatMs(o.latency.p50Ms) : '-',
      has ? formatMs(o.latency.p99Ms) : '-',
      has ? formatMs(o.latency.meanMs) : '-',
      ...refs.map((r) => (r.baseline === baseline || !o || !r.outcome ? '-' : formatChange(-reduction(o, r.outcome)))),
      o ? formatPercent(100 * o.hitRatio) : '-',
      o ? formatCount(o.originRequests) : '-',
      o ? formatSize(o.originBytes) : '-',
      o ? formatCount(o.instanceSeconds, 1) : '-',
      overall ? formatSize(baseline.peakMemoryBytes) : o?.peakMemoryBytes !== undefined ? formatSize(o.peakMemoryBytes) : '-',
    ];
  });
  // renderTable right-aligns numeric columns only, and a '+' makes a column text: pad the Δ columns here.
  const firstDelta = headers.findIndex((h) => h.startsWith('Δ'));
  for (let c = firstDelta; c >= 0 && c < firstDelta + refs.length; c++) {
    const width = Math.max(headers[c]!.length, ...cells.map((r) => r[c]!.length));
    for (const r of cells) r[c] = r[c]!.padStart(width);
    headers[c] = headers[c]!.padStart(width);
  }
  const invocations = Math.max(0, ...present.map((o) => o.invocations).filter(Number.isFinite));
  const failed = rows.filter((r) => r.outcome !== undefined && r.outcome.failed > 0).map((r) => `${r.baseline.baseline} ${formatCount(r.outcome!.failed)}`);
  const lines = [`${title}: ${formatCount(invocations)} invocations${failed.length ? ` (failed: ${failed.join(', ')})` : ''}`, renderTable(headers, cells)];
  const missing = rows.filter((r) => r.outcome === undefined).map((r) => r.baseline.baseline);
  if (missing.length) lines.push(`  no results for this app from: ${missing.join(', ')}`);
  return lines.join('\n');
}

/** Text from a trace, without control characters (no terminal escapes from an app name). */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
