/**
 * The HTML report of `faast replay`: one self-contained page (inline CSS and SVG, no script, no
 * external assets) with the trace, a summary per baseline, four charts (latency CDF, hit ratio
 * and instances over time, mean completion time per app) and every app's figures.
 */
import type { AppOutcome, Baseline, BaselineOutcome, ReplayReport } from '../replay/types';
import { barChart, compactNumber, escapeXml, extent, lineChart, linearTicks, niceMax, type BarGroup, type LegendItem, type Series } from './svg';
import {
  appNames,
  cdfPoints,
  findApp as find,
  formatChange,
  formatCount,
  formatDuration,
  formatMs,
  formatPercent,
  formatSize,
  reduction,
} from './summary';

/** One color per baseline, the same in every chart and table. */
export const BASELINE_COLORS: Record<Baseline, string> = { none: '#7b8494', redis: '#d8452e', faast: '#1f6feb' };

/** What each baseline is, for legends and notes. */
export const BASELINE_DESCRIPTIONS: Record<Baseline, string> = {
  none: 'every read straight from S3',
  redis: 'a look-aside cache on Redis',
  faast: 'the Faa$T cache',
};

/** At most this many apps get bars in the per-app chart (the busiest); the table lists them all. */
export const MAX_BAR_APPS = 25;

/** At most this many points per baseline in the latency CDF. */
export const MAX_CDF_POINTS = 500;

/** The whole report as one HTML page. */
export function renderReplayHtml(report: ReplayReport): string {
  const baselines = report.baselines;
  const apps = appNames(report);
  const body = [
    header(report),
    keyFigures(baselines),
    section('Summary', 'All invocations of each baseline.', summaryTable(baselines)),
    section(
      'Completion time',
      'Share of invocations completed within a time (receive to result; log scale). Further left is faster; the dashed lines mark the median and the 99th percentile.',
      cdfChart(baselines),
    ),
    section('Hit ratio over time', 'Reads served without an origin GET (1 − origin GETs / reads), sampled every second of the replay.', hitRatioChart(baselines)),
    section('Instances over time', 'Function instances running, sampled every second of the replay.', instancesChart(baselines)),
    section(
      'Mean completion time per app',
      apps.length > MAX_BAR_APPS
        ? `The ${MAX_BAR_APPS} busiest of ${formatCount(apps.length)} apps (by invocations); the table below lists them all. A dash: the app has no completed invocation in that baseline.`
        : 'A dash: the app has no completed invocation in that baseline.',
      appChart(baselines, apps.slice(0, MAX_BAR_APPS)),
    ),
    section('Per app', 'Every app of the trace, one row per baseline.', appTable(baselines, apps)),
    notes(baselines),
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(`Faa$T replay — ${report.trace.source}`)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function color(b: Baseline | string): string {
  return BASELINE_COLORS[b as Baseline] ?? '#555';
}

function legendItems(baselines: readonly BaselineOutcome[]): LegendItem[] {
  return baselines.map((b) => ({ name: b.baseline, color: color(b.baseline) }));
}

function section(title: string, lede: string, content: string): string {
  return `<section><h2>${escapeXml(title)}</h2><p class="lede">${escapeXml(lede)}</p>${content}</section>`;
}

function header(report: ReplayReport): string {
  const t = report.trace;
  const facts: Array<[string, string]> = [
    ['seed', t.seed === undefined ? '-' : String(t.seed)],
    ['apps', formatCount(t.apps)],
    ['invocations', formatCount(t.invocations)],
    ['accesses', formatCount(t.accesses)],
    ['span', formatDuration(t.spanMs)],
    ['speed', Number.isFinite(report.speed) ? `${compactNumber(report.speed)}×` : '-'],
    ['started', formatDate(report.startedAt)],
    ['baselines', report.baselines.map((b) => b.baseline).join(', ') || '-'],
  ];
  const dl = facts.map(([k, v]) => `<div><dt>${escapeXml(k)}</dt><dd>${escapeXml(v)}</dd></div>`).join('');
  return `<header><p class="kicker">Faa$T · trace replay</p><h1>${escapeXml(t.source)}</h1><dl class="facts">${dl}</dl></header>`;
}

function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso || '-';
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** One card per baseline other than `none`: how much lower its mean completion time is. */
function keyFigures(baselines: readonly BaselineOutcome[]): string {
  const none = baselines.find((b) => b.baseline === 'none');
  const redis = baselines.find((b) => b.baseline === 'redis');
  const cards = baselines
    .filter((b) => b.baseline !== 'none')
    .map((b) => {
      const lines: string[] = [];
      for (const ref of [none, redis]) {
        if (!ref || ref === b) continue;
        const r = reduction(b.overall, ref.overall);
        if (!Number.isFinite(r)) continue;
        lines.push(`<p><strong>${escapeXml(formatPercent(Math.abs(r)))}</strong> ${r >= 0 ? 'lower' : 'higher'} mean completion time than ${escapeXml(ref.baseline)}</p>`);
      }
      lines.push(`<p><strong>${escapeXml(formatPercent(100 * b.overall.hitRatio))}</strong> hit ratio</p>`);
      return `<div class="card" style="border-top-color:${color(b.baseline)}"><h3>${escapeXml(b.baseline)}</h3>${lines.join('')}</div>`;
    });
  return cards.length ? `<div class="cards">${cards.join('')}</div>` : '';
}

function latencyCells(a: AppOutcome): string[] {
  const has = a.latency.count > 0;
  return [has ? formatMs(a.latency.p50Ms) : '-', has ? formatMs(a.latency.p99Ms) : '-', has ? formatMs(a.latency.meanMs) : '-'];
}

/** `Δ` cell: change of the mean against `ref`, colored. */
function changeCell(a: AppOutcome | undefined, ref: AppOutcome | undefined, self: boolean): string {
  if (self || !a || !ref) return '<td class="num muted">-</td>';
  const r = reduction(a, ref);
  const cls = !Number.isFinite(r) || Math.abs(r) < 0.05 ? 'muted' : r > 0 ? 'better' : 'worse';
  return `<td class="num ${cls}">${escapeXml(formatChange(-r))}</td>`;
}

function nameCell(b: Baseline): string {
  return `<th scope="row"><span class="swatch" style="background:${color(b)}"></span>${escapeXml(b)}</th>`;
}

function td(text: string): string {
  return `<td class="num">${escapeXml(text)}</td>`;
}

function summaryTable(baselines: readonly BaselineOutcome[]): string {
  if (baselines.length === 0) return '<p class="empty">No baseline ran.</p>';
  const none = baselines.find((b) => b.baseline === 'none');
  const redis = baselines.find((b) => b.baseline === 'redis');
  const refs = [none, redis].filter((r): r is BaselineOutcome => r !== undefined);
  const head = [
    'baseline',
    'invocations',
    'failed',
    'p50',
    'p99',
    'mean',
    ...refs.map((r) => `Δ mean vs ${r.baseline}`),
    'hit ratio',
    'origin requests',
    'origin bytes',
    'instance-seconds',
    'peak memory',
    'wall time',
  ];
  const rows = baselines.map((b) => {
    const o = b.overall;
    return (
      `<tr>${nameCell(b.baseline)}${td(formatCount(o.invocations))}${td(formatCount(o.failed))}` +
      latencyCells(o).map(td).join('') +
      refs.map((r) => changeCell(o, r.overall, r === b)).join('') +
      td(formatPercent(100 * o.hitRatio)) +
      td(formatCount(o.originRequests)) +
      td(formatSize(o.originBytes)) +
      td(formatCount(o.instanceSeconds, 1)) +
      td(formatSize(b.peakMemoryBytes)) +
      td(formatDuration(b.wallMs)) +
      '</tr>'
    );
  });
  return table(head, rows.join(''));
}

/** A table; `rows` are `<tr>`s, or whole `<tbody>`s when `wrap` is false. */
function table(head: string[], rows: string, wrap = true): string {
  const ths = head.map((h, i) => `<th scope="col"${i > 0 ? ' class="num"' : ''}>${escapeXml(h)}</th>`).join('');
  const body = wrap ? `<tbody>${rows}</tbody>` : rows;
  return `<div class="table-wrap"><table><thead><tr>${ths}</tr></thead>${body}</table></div>`;
}

function cdfChart(baselines: readonly BaselineOutcome[]): string {
  const series: Series[] = baselines.map((b) => ({
    name: b.baseline,
    color: color(b.baseline),
    step: true,
    points: cdfPoints(b.latenciesMs, MAX_CDF_POINTS),
  }));
  const zeros = baselines.some((b) => b.latenciesMs.some((v) => v <= 0));
  return (
    figure(
      lineChart({
        id: 'cdf',
        title: 'Latency CDF: share of invocations completed within a time, per baseline',
        x: { label: 'completion time (log scale)', kind: 'log', format: formatTick },
        y: { label: 'invocations completed (%)', min: 0, max: 100, ticks: [0, 25, 50, 75, 100], format: (v) => `${v} %` },
        series,
        yMarkers: [
          { value: 50, label: 'p50' },
          { value: 99, label: 'p99' },
        ],
        empty: 'no completed invocations',
      }),
    ) + (zeros ? '<p class="note">Times of 0 ms are drawn at the left edge.</p>' : '')
  );
}

/** Tick labels of a time axis in ms: `500 µs`, `20 ms`, `2 s`. */
function formatTick(ms: number): string {
  if (ms === 0) return '0';
  if (ms < 1) return `${compactNumber(ms * 1000)} µs`;
  if (ms < 1000) return `${compactNumber(ms)} ms`;
  return `${compactNumber(ms / 1000)} s`;
}

/** The time axis of the timelines: seconds, or minutes for replays longer than 10 minutes. */
function timeAxis(baselines: readonly BaselineOutcome[]): { unit: number; label: string } {
  const maxMs = extent(baselines.flatMap((b) => b.timeline.map((p) => p.tMs)))[1] ?? 0;
  return maxMs > 600_000 ? { unit: 60_000, label: 'time since the start of the replay (min)' } : { unit: 1000, label: 'time since the start of the replay (s)' };
}

function hitRatioChart(baselines: readonly BaselineOutcome[]): string {
  const t = timeAxis(baselines);
  return figure(
    lineChart({
      id: 'hit-ratio',
      title: 'Hit ratio over time, per baseline',
      x: { label: t.label },
      y: { label: 'hit ratio (%)', min: 0, max: 100, ticks: [0, 20, 40, 60, 80, 100], format: (v) => `${v} %` },
      series: baselines.map((b) => ({
        name: b.baseline,
        color: color(b.baseline),
        points: thin(b.timeline.map((p) => [p.tMs / t.unit, 100 * p.hitRatio] as [number, number])),
      })),
      empty: 'no samples',
    }),
  );
}

function instancesChart(baselines: readonly BaselineOutcome[]): string {
  const t = timeAxis(baselines);
  const max = niceMax(extent(baselines.flatMap((b) => b.timeline.map((p) => p.instances)))[1] ?? 0);
  return figure(
    lineChart({
      id: 'instances',
      title: 'Function instances over time, per baseline',
      x: { label: t.label },
      y: { label: 'instances', min: 0, max, ticks: linearTicks(0, max, 5).filter(Number.isInteger) },
      series: baselines.map((b) => ({
        name: b.baseline,
        color: color(b.baseline),
        step: true,
        points: thin(b.timeline.map((p) => [p.tMs / t.unit, p.instances] as [number, number])),
      })),
      empty: 'no samples',
    }),
  );
}

/**
 * At most about 2 × `buckets` points of a time series: for a longer one, the lowest and the
 * highest point of each of `buckets` runs, in time order, so peaks and dips stay drawn.
 */
export function thin(points: ReadonlyArray<[number, number]>, buckets = 600): Array<[number, number]> {
  const finite = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (finite.length <= 2 * buckets) return finite;
  const out: Array<[number, number]> = [];
  const size = finite.length / buckets;
  for (let k = 0; k < buckets; k++) {
    const run = finite.slice(Math.floor(k * size), Math.floor((k + 1) * size));
    if (run.length === 0) continue;
    let lo = 0;
    let hi = 0;
    run.forEach(([, y], i) => {
      if (y < run[lo]![1]) lo = i;
      if (y > run[hi]![1]) hi = i;
    });
    for (const i of lo === hi ? [lo] : [Math.min(lo, hi), Math.max(lo, hi)]) out.push(run[i]!);
  }
  return out;
}

function appChart(baselines: readonly BaselineOutcome[], apps: readonly string[]): string {
  const groups: BarGroup[] = apps.map((app) => ({
    label: app,
    values: baselines.map((b) => {
      const a = find(b, app);
      return a && a.latency.count > 0 ? a.latency.meanMs : undefined;
    }),
  }));
  return figure(
    barChart({
      title: 'Mean completion time per app, per baseline',
      axis: { label: 'mean completion time', format: formatTick },
      valueFormat: formatMs,
      series: legendItems(baselines),
      groups,
      empty: 'no apps',
    }),
  );
}

function appTable(baselines: readonly BaselineOutcome[], apps: readonly string[]): string {
  if (baselines.length === 0 || apps.length === 0) return '<p class="empty">No apps.</p>';
  const none = baselines.find((b) => b.baseline === 'none');
  const head = [
    'baseline',
    'invocations',
    'failed',
    'completed',
    'p50',
    'p99',
    'mean',
    ...(none ? ['Δ mean vs none'] : []),
    'reads',
    'writes',
    'hit ratio',
    'origin requests',
    'origin bytes',
    'instance-seconds',
    'cold starts',
  ];
  const groups = apps.map((app) => {
    const ref = find(none, app);
    const rows = baselines.map((b) => {
      const a = find(b, app);
      const cells = a
        ? td(formatCount(a.invocations)) +
          td(formatCount(a.failed)) +
          td(formatCount(a.latency.count)) +
          latencyCells(a).map(td).join('') +
          (none ? changeCell(a, ref, b === none) : '') +
          td(formatCount(a.reads)) +
          td(formatCount(a.writes)) +
          td(formatPercent(100 * a.hitRatio)) +
          td(formatCount(a.originRequests)) +
          td(formatSize(a.originBytes)) +
          td(formatCount(a.instanceSeconds, 1)) +
          td(formatCount(a.coldStarts))
        : `<td class="missing" colspan="${head.length - 1}">not in this baseline’s results</td>`;
      return `<tr>${nameCell(b.baseline)}${cells}</tr>`;
    });
    const title = `<tr class="group"><th scope="rowgroup" colspan="${head.length}">${escapeXml(app)}</th></tr>`;
    return `<tbody>${title}${rows.join('')}</tbody>`;
  });
  return table(head, groups.join(''), false);
}

function figure(svg: string): string {
  return `<figure>${svg}</figure>`;
}

function notes(baselines: readonly BaselineOutcome[]): string {
  const items = baselines.map(
    (b) => `<li><span class="swatch" style="background:${color(b.baseline)}"></span><strong>${escapeXml(b.baseline)}</strong>: ${escapeXml(BASELINE_DESCRIPTIONS[b.baseline] ?? '')}</li>`,
  );
  const comparable = baselines.length > 1 && baselines.some((b) => b.baseline === 'none' || b.baseline === 'redis');
  return (
    '<footer><h2>Notes</h2><ul>' +
    items.join('') +
    '<li>Completion time: from receiving an invocation to its result. p50 and p99 are nearest-rank percentiles of every completed invocation (always a measured time).</li>' +
    (comparable ? '<li>Δ mean vs X: change of the mean completion time against baseline X, in percent; negative is faster.</li>' : '') +
    '<li>Hit ratio: 1 − origin GETs / reads. Origin requests and bytes: what reached S3.</li>' +
    '<li>Peak memory: instance processes and cachelets, plus Redis’s used memory for redis.</li>' +
    '</ul></footer>'
  );
}

const CSS = `
:root { --fg: #1d2330; --muted: #6b7280; --line: #e3e6ec; --bg: #f6f7f9; --card: #fff; --better: #15803d; --worse: #b91c1c; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1140px; margin: 0 auto; padding: 28px 24px 48px; }
header { margin-bottom: 20px; }
.kicker { margin: 0; color: var(--muted); font-size: 12px; letter-spacing: .08em; text-transform: uppercase; }
h1 { margin: 4px 0 14px; font-size: 24px; word-break: break-all; }
h2 { margin: 0 0 4px; font-size: 17px; }
h3 { margin: 0 0 6px; font-size: 15px; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 8px; margin: 0; }
.facts div { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; min-width: 0; }
.facts dt { color: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: .05em; }
.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; font-variant-numeric: tabular-nums; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 20px; }
.card { flex: 1 1 240px; background: var(--card); border: 1px solid var(--line); border-top: 4px solid; border-radius: 6px; padding: 10px 14px; }
.card p { margin: 2px 0; }
.card strong { font-size: 18px; font-variant-numeric: tabular-nums; }
section { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; margin-bottom: 18px; }
.lede { margin: 0 0 12px; color: var(--muted); }
figure { margin: 0; }
svg.chart { width: 100%; height: auto; display: block; font-family: inherit; }
svg .grid { stroke: #eceef2; stroke-width: 1; }
svg .axis, svg .tick { stroke: #9aa1ad; stroke-width: 1; }
svg .tick-label, svg .bar-value { font-size: 12px; fill: #4b5563; font-variant-numeric: tabular-nums; }
svg .bar-label { font-size: 12px; fill: var(--fg); }
svg .axis-label { font-size: 13px; fill: #374151; }
svg .legend text { font-size: 13px; fill: var(--fg); }
svg .line { fill: none; stroke-width: 2.2; stroke-linejoin: round; stroke-linecap: round; }
svg .marker { stroke: #9aa1ad; stroke-width: 1; stroke-dasharray: 4 4; }
svg .marker-label { font-size: 11px; fill: var(--muted); }
svg .empty { font-size: 15px; fill: var(--muted); }
.note { margin: 6px 0 0; color: var(--muted); font-size: 12px; }
.empty { color: var(--muted); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
th, td { padding: 5px 6px; border-bottom: 1px solid var(--line); text-align: left; white-space: nowrap; }
thead th { color: var(--muted); font-weight: 600; font-size: 12px; border-bottom: 2px solid var(--line); vertical-align: bottom; white-space: normal; }
.num { text-align: right; }
tbody th { font-weight: 600; }
tr.group th { padding-top: 12px; font-size: 13px; white-space: normal; overflow-wrap: anywhere; border-bottom: 1px solid #cfd4dc; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: baseline; }
.better { color: var(--better); font-weight: 600; }
.worse { color: var(--worse); font-weight: 600; }
.muted, .missing { color: var(--muted); }
.missing { font-style: italic; text-align: left; }
footer { color: var(--muted); font-size: 13px; padding: 0 4px; }
footer h2 { color: var(--fg); font-size: 15px; }
footer ul { padding-left: 18px; margin: 6px 0; }
footer li { margin: 3px 0; }
`;
