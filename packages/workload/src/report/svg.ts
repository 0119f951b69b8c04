/**
 * Small inline-SVG charts for the HTML reports: scales with readable ticks, axes with gridlines,
 * a legend, a line chart (straight or stepped lines) and a horizontal grouped bar chart. Each
 * function returns markup to put straight into an HTML page; every text is escaped, and every
 * coordinate written is a finite number (points that are not finite are left out).
 */

/** Escapes text for HTML and SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A coordinate for markup: finite, at most one decimal. */
export function coord(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v * 10) / 10) : '0';
}

/** `0.5`, `2`, `1.25`, `1000`: a tick value without trailing zeros (3 significant digits). */
export function compactNumber(v: number): string {
  if (!Number.isFinite(v)) return '';
  if (v === 0) return '0';
  return String(Number(v.toPrecision(3)));
}

/** A mapping from data values to pixels. */
export interface Scale {
  (v: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  readonly kind: 'linear' | 'log';
  /** Values worth a tick and a gridline, inside the domain. */
  ticks(): number[];
}

/** A linear scale; a domain of zero width is widened so nothing divides by zero. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number], tickCount = 5): Scale {
  let [d0, d1] = domain;
  if (!Number.isFinite(d0) || !Number.isFinite(d1)) [d0, d1] = [0, 1];
  if (d1 === d0) d1 = d0 + 1;
  const [r0, r1] = range;
  const f = (v: number): number => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
  return Object.assign(f, { domain: [d0, d1] as const, range, kind: 'linear' as const, ticks: () => linearTicks(d0, d1, tickCount) });
}

/**
 * A base-10 log scale over a positive domain (a bound that is not positive becomes 1/10 of the
 * other); values at or below zero map to the start of the range.
 */
export function logScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  let [d0, d1] = domain;
  if (!(d1 > 0) || !Number.isFinite(d1)) d1 = 1;
  if (!(d0 > 0) || !Number.isFinite(d0) || d0 >= d1) d0 = d1 / 10;
  const [l0, l1] = [Math.log10(d0), Math.log10(d1)];
  const [r0, r1] = range;
  const f = (v: number): number => (v > 0 ? r0 + ((Math.min(Math.max(Math.log10(v), l0), l1) - l0) / (l1 - l0)) * (r1 - r0) : r0);
  return Object.assign(f, { domain: [d0, d1] as const, range, kind: 'log' as const, ticks: () => logTicks(d0, d1) });
}

/** About `count` round ticks (steps of 1, 2 or 5 × 10ⁿ) from `min` to `max`. */
export function linearTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max <= min) return [min].filter(Number.isFinite);
  const step = niceStep((max - min) / Math.max(1, count));
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** Powers of ten inside [min, max]; with 2 and 5 × 10ⁿ too when that gives fewer than 3 ticks. */
export function logTicks(min: number, max: number): number[] {
  const inside = (t: number): boolean => t >= min * (1 - 1e-9) && t <= max * (1 + 1e-9);
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const decades: number[] = [];
  for (let e = lo; e <= hi; e++) decades.push(Number((10 ** e).toPrecision(12)));
  let ticks = decades.filter(inside);
  if (ticks.length < 3) ticks = decades.flatMap((d) => [d, 2 * d, 5 * d]).map((t) => Number(t.toPrecision(12))).filter(inside);
  return ticks;
}

/** A step of 1, 2, 2.5 or 5 × 10ⁿ close to `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * p;
}

/** The end of a linear axis from 0: `max` rounded up to a nice step (1 when there is no positive value). */
export function niceMax(max: number, count = 5): number {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  const step = niceStep(max / count);
  return Math.ceil(max / step - 1e-9) * step;
}

/** One entry of a legend or one series of a chart. */
export interface LegendItem {
  name: string;
  color: string;
}

/** A row of color swatches and names, starting at (x, y) (the middle of the row). */
export function legend(items: readonly LegendItem[], x: number, y: number): string {
  let at = x;
  const parts = items.map((item) => {
    const g =
      `<g transform="translate(${coord(at)},${coord(y)})"><rect x="0" y="-6" width="18" height="12" rx="2" fill="${escapeXml(item.color)}"/>` +
      `<text x="24" y="4" class="legend">${escapeXml(item.name)}</text></g>`;
    at += 24 + textWidth(item.name, 12) + 22;
    return g;
  });
  return `<g class="legend">${parts.join('')}</g>`;
}

/** A rough width of `text` at `fontSize` px in a sans-serif face (for layout without a browser). */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.58;
}

/** `text` cut to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/** An axis of a chart. */
export interface AxisOptions {
  label: string;
  kind?: 'linear' | 'log';
  /** Bounds of the axis; by default from the data (linear axes start at 0). */
  min?: number;
  max?: number;
  /** Tick labels. Default {@link compactNumber}. */
  format?: (v: number) => string;
  /** Tick values, instead of the scale's own. */
  ticks?: number[];
}

/** Where the plot sits inside the chart. */
interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Gridlines, ticks, tick labels and axis titles around the plot area of `frame`. */
export function axes(frame: Frame, x: Scale, y: Scale, xAxis: AxisOptions, yAxis: AxisOptions): string {
  const xFormat = xAxis.format ?? compactNumber;
  const yFormat = yAxis.format ?? compactNumber;
  const plotBottom = frame.height - frame.bottom;
  const plotRight = frame.width - frame.right;
  const out: string[] = [];
  for (const t of xAxis.ticks ?? x.ticks()) {
    const px = coord(x(t));
    out.push(`<line class="grid" x1="${px}" x2="${px}" y1="${frame.top}" y2="${plotBottom}"/>`);
    out.push(`<line class="tick" x1="${px}" x2="${px}" y1="${plotBottom}" y2="${plotBottom + 5}"/>`);
    out.push(`<text class="tick-label" x="${px}" y="${plotBottom + 18}" text-anchor="middle">${escapeXml(xFormat(t))}</text>`);
  }
  for (const t of yAxis.ticks ?? y.ticks()) {
    const py = coord(y(t));
    out.push(`<line class="grid" x1="${frame.left}" x2="${plotRight}" y1="${py}" y2="${py}"/>`);
    out.push(`<line class="tick" x1="${frame.left - 5}" x2="${frame.left}" y1="${py}" y2="${py}"/>`);
    out.push(`<text class="tick-label" x="${frame.left - 8}" y="${py}" dy="4" text-anchor="end">${escapeXml(yFormat(t))}</text>`);
  }
  out.push(`<line class="axis" x1="${frame.left}" x2="${plotRight}" y1="${plotBottom}" y2="${plotBottom}"/>`);
  out.push(`<line class="axis" x1="${frame.left}" x2="${frame.left}" y1="${frame.top}" y2="${plotBottom}"/>`);
  out.push(
    `<text class="axis-label" x="${coord((frame.left + plotRight) / 2)}" y="${frame.height - 8}" text-anchor="middle">${escapeXml(xAxis.label)}</text>`,
  );
  const midY = coord((frame.top + plotBottom) / 2);
  out.push(`<text class="axis-label" transform="translate(16,${midY}) rotate(-90)" text-anchor="middle">${escapeXml(yAxis.label)}</text>`);
  return out.join('');
}

/** One line of a line chart. */
export interface Series extends LegendItem {
  points: ReadonlyArray<readonly [number, number]>;
  /** Draw as a staircase (each value holds until the next point), e.g. a CDF or a count. */
  step?: boolean;
}

/** A dashed horizontal reference line with a label, e.g. the 99th percentile of a CDF. */
export interface Marker {
  value: number;
  label: string;
}

/** Options of {@link lineChart}. */
export interface LineChartOptions {
  /** Unique in the page (names the chart's clip path). */
  id: string;
  /** The accessible name of the chart. */
  title: string;
  width?: number;
  height?: number;
  x: AxisOptions;
  y: AxisOptions;
  series: readonly Series[];
  yMarkers?: readonly Marker[];
  /** Said in the plot area when no series has a point. */
  empty?: string;
}

/** A line chart with axes, gridlines and a legend. */
export function lineChart(o: LineChartOptions): string {
  const frame: Frame = { width: o.width ?? 960, height: o.height ?? 360, left: 72, right: 24, top: 44, bottom: 52 };
  const series = o.series.map((s) => ({ ...s, points: s.points.filter(([px, py]) => Number.isFinite(px) && Number.isFinite(py)) }));
  const all = series.flatMap((s) => s.points);
  const xs = all.map(([px]) => px);
  const ys = all.map(([, py]) => py);
  const plotRight = frame.width - frame.right;
  const plotBottom = frame.height - frame.bottom;
  const x = scaleFor(o.x, xs, [frame.left, plotRight]);
  const y = scaleFor(o.y, ys, [plotBottom, frame.top]);
  const parts = [svgOpen(frame, o.title), axes(frame, x, y, o.x, o.y)];
  for (const m of o.yMarkers ?? []) {
    const py = coord(y(m.value));
    parts.push(`<line class="marker" x1="${frame.left}" x2="${plotRight}" y1="${py}" y2="${py}"/>`);
    parts.push(`<text class="marker-label" x="${plotRight - 4}" y="${py}" dy="-4" text-anchor="end">${escapeXml(m.label)}</text>`);
  }
  const clip = `${o.id.replace(/[^A-Za-z0-9_-]/g, '_')}-clip`;
  parts.push(`<clipPath id="${clip}"><rect x="${frame.left}" y="${frame.top - 2}" width="${plotRight - frame.left + 2}" height="${plotBottom - frame.top + 4}"/></clipPath>`);
  for (const s of series) {
    if (s.points.length === 0) continue;
    const d = pathOf(s.points, x, y, s.step === true);
    parts.push(
      `<path class="line" clip-path="url(#${clip})" d="${d}" stroke="${escapeXml(s.color)}"><title>${escapeXml(s.name)}</title></path>`,
    );
    if (s.points.length === 1) {
      const [px, py] = s.points[0]!;
      parts.push(`<circle cx="${coord(x(px))}" cy="${coord(y(py))}" r="3" fill="${escapeXml(s.color)}"/>`);
    }
  }
  if (all.length === 0) parts.push(emptyNote(frame, o.empty ?? 'no data'));
  parts.push(legend(o.series, frame.left, 20), '</svg>');
  return parts.join('');
}

function scaleFor(axis: AxisOptions, values: number[], range: [number, number]): Scale {
  if (axis.kind === 'log') {
    const [min, max] = extent(values.filter((v) => v > 0));
    const lo = axis.min ?? (min === undefined ? 0.1 : roundLog(min, 'down'));
    const hi = axis.max ?? (max === undefined ? 1 : roundLog(max, 'up'));
    return logScale([lo, hi > lo ? hi : lo * 10], range);
  }
  const [min = 0, max = 0] = extent(values);
  const lo = axis.min ?? Math.min(0, min);
  const hi = axis.max ?? niceMax(Math.max(0, max));
  return linearScale([lo, hi], range);
}

/** The smallest and largest finite value (undefined for none), without spreading a huge array into arguments. */
export function extent(values: Iterable<number>): [number | undefined, number | undefined] {
  let min: number | undefined;
  let max: number | undefined;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (min === undefined || v < min) min = v;
    if (max === undefined || v > max) max = v;
  }
  return [min, max];
}

/** `v` rounded down or up to 1, 2 or 5 × 10ⁿ: the end of a log axis. */
export function roundLog(v: number, direction: 'down' | 'up'): number {
  const p = 10 ** Math.floor(Math.log10(v));
  const steps = [1, 2, 5, 10].map((m) => Number((m * p).toPrecision(12)));
  return direction === 'down' ? steps.filter((s) => s <= v * (1 + 1e-12)).at(-1) ?? p : steps.find((s) => s >= v * (1 - 1e-12)) ?? 10 * p;
}

function pathOf(points: ReadonlyArray<readonly [number, number]>, x: Scale, y: Scale, step: boolean): string {
  return points
    .map(([px, py], i) => {
      const sx = coord(x(px));
      const sy = coord(y(py));
      if (i === 0) return `M${sx},${sy}`;
      return step ? `H${sx}V${sy}` : `L${sx},${sy}`;
    })
    .join('');
}

function svgOpen(frame: Frame, title: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${frame.width} ${frame.height}" role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title>`
  );
}

function emptyNote(frame: Frame, text: string): string {
  const cx = coord((frame.left + frame.width - frame.right) / 2);
  const cy = coord((frame.top + frame.height - frame.bottom) / 2);
  return `<text class="empty" x="${cx}" y="${cy}" text-anchor="middle">${escapeXml(text)}</text>`;
}

/** One group of bars: one value per series (undefined or not finite: no bar, a dash). */
export interface BarGroup {
  label: string;
  /** Longer text shown on hover, e.g. the full name when `label` is cut. */
  title?: string;
  values: ReadonlyArray<number | undefined>;
}

/** Options of {@link barChart}. */
export interface BarChartOptions {
  title: string;
  width?: number;
  /** What the bars measure (the value axis). */
  axis: AxisOptions;
  series: readonly LegendItem[];
  groups: readonly BarGroup[];
  /** Value labels at the end of the bars. Default the axis format. */
  valueFormat?: (v: number) => string;
  empty?: string;
}

/**
 * Horizontal grouped bars: one group per row (its label on the left), one bar per series in
 * the group, a value axis from 0 along the bottom. The height follows the number of groups.
 */
export function barChart(o: BarChartOptions): string {
  const bar = 14;
  const gap = 4;
  const groupGap = 14;
  const n = Math.max(1, o.series.length);
  const groupHeight = n * bar + (n - 1) * gap;
  const labelChars = 26;
  const longest = extent(o.groups.map((g) => truncate(g.label, labelChars).length))[1] ?? 0;
  const left = Math.max(72, Math.ceil(longest * 7.6) + 20);
  const top = 44;
  const bottom = 52;
  const plotHeight = Math.max(60, o.groups.length * (groupHeight + groupGap) + groupGap);
  const frame: Frame = { width: o.width ?? 960, height: top + plotHeight + bottom, left, right: 80, top, bottom };
  const values = o.groups.flatMap((g) => g.values.filter((v): v is number => v !== undefined && Number.isFinite(v)));
  const x = scaleFor({ ...o.axis, kind: 'linear' }, values, [frame.left, frame.width - frame.right]);
  const y = linearScale([0, 1], [frame.top, frame.top + 1]);
  const format = o.valueFormat ?? o.axis.format ?? compactNumber;
  const parts = [svgOpen(frame, o.title), axes(frame, x, y, o.axis, { label: '', ticks: [] })];
  o.groups.forEach((g, gi) => {
    const gy = frame.top + groupGap + gi * (groupHeight + groupGap);
    const label = truncate(g.label, labelChars);
    parts.push(
      `<text class="bar-label" x="${frame.left - 8}" y="${coord(gy + groupHeight / 2)}" dy="4" text-anchor="end">` +
        `<title>${escapeXml(g.title ?? g.label)}</title>${escapeXml(label)}</text>`,
    );
    o.series.forEach((s, si) => {
      const v = g.values[si];
      const by = gy + si * (bar + gap);
      if (v === undefined || !Number.isFinite(v)) {
        parts.push(`<text class="bar-value" x="${frame.left + 6}" y="${coord(by + bar / 2)}" dy="4">–</text>`);
        return;
      }
      const x0 = x(Math.max(x.domain[0], 0));
      const x1 = x(Math.min(Math.max(v, x.domain[0]), x.domain[1]));
      const w = Math.max(v > 0 ? 1 : 0, x1 - x0);
      parts.push(
        `<rect x="${coord(x0)}" y="${coord(by)}" width="${coord(w)}" height="${bar}" rx="2" fill="${escapeXml(s.color)}">` +
          `<title>${escapeXml(`${g.title ?? g.label} — ${s.name}: ${format(v)}`)}</title></rect>`,
      );
      parts.push(`<text class="bar-value" x="${coord(x0 + w + 6)}" y="${coord(by + bar / 2)}" dy="4">${escapeXml(format(v))}</text>`);
    });
  });
  if (o.groups.length === 0) parts.push(emptyNote(frame, o.empty ?? 'no data'));
  parts.push(legend(o.series, frame.left, 20), '</svg>');
  return parts.join('');
}
