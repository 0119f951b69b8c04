import type { AppOutcome, Baseline, BaselineOutcome, ReplayReport } from '../src/replay/types';
import { MAX_BAR_APPS, MAX_CDF_POINTS, renderReplayHtml } from '../src/report/html';
import { summarizeLatencies } from '../src/report/summary';

/** A small report: each baseline's apps by name with their completion times, and a timeline of `seconds` samples. */
function app(name: string, latenciesMs: number[], fields: Partial<AppOutcome> = {}): AppOutcome {
  return {
    app: name,
    invocations: latenciesMs.length,
    failed: 0,
    latency: summarizeLatencies(latenciesMs),
    reads: 4 * latenciesMs.length,
    writes: latenciesMs.length,
    hitRatio: 0.5,
    originRequests: 2 * latenciesMs.length,
    originBytes: 4096 * latenciesMs.length,
    instanceSeconds: 1.5,
    coldStarts: 1,
    ...fields,
  };
}

function baseline(name: Baseline, apps: Record<string, number[]>, seconds = 10, fields: Partial<BaselineOutcome> = {}): BaselineOutcome {
  const latenciesMs = Object.values(apps).flat();
  return {
    baseline: name,
    wallMs: seconds * 1000,
    overall: app('overall', latenciesMs),
    apps: Object.entries(apps).map(([n, l]) => app(n, l)),
    peakMemoryBytes: 64 * 2 ** 20,
    latenciesMs,
    timeline: Array.from({ length: seconds }, (_, t) => ({ tMs: t * 1000, instances: 1 + (t % 3), hitRatio: t / seconds, inFlight: 1 })),
    ...fields,
  };
}

function report(baselines: BaselineOutcome[]): ReplayReport {
  return {
    trace: { source: 'generated: 2 apps', seed: 7, apps: 2, invocations: 6, accesses: 24, spanMs: 10_000 },
    speed: 2,
    startedAt: '2025-06-01T10:22:33.000Z',
    baselines,
  };
}

const full = (): ReplayReport =>
  report([
    baseline('none', { thumbnailer: [100, 120, 140], 'order-api': [200, 220] }),
    baseline('redis', { thumbnailer: [50, 60, 70], 'order-api': [100, 110] }),
    baseline('faast', { thumbnailer: [10, 12, 14], 'order-api': [20, 22] }),
  ]);

const svgs = (html: string): string[] => html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];

describe('renderReplayHtml', () => {
  it('is one self-contained page with one <svg> per chart', () => {
    const html = renderReplayHtml(full());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(svgs(html)).toHaveLength(4);
    expect(html.match(/<svg/g)).toHaveLength(4);
    expect(html).not.toMatch(/<script|<link|<img|src=|url\((?!#)/i);
    expect(html).toContain('Latency CDF');
    expect(html).toContain('Hit ratio over time');
    expect(html).toContain('instances over time');
    expect(html).toContain('Mean completion time per app');
  });

  it('shows the trace, the summary per baseline and every app', () => {
    const html = renderReplayHtml(full());
    for (const text of ['generated: 2 apps', '>7<', '2×', '10.0 s', '2025-06-01 10:22:33 UTC', 'thumbnailer', 'order-api']) expect(html).toContain(text);
    // faast's mean (15.6 ms) against none's (156 ms) and redis's (78 ms): -90.0 % and -80.0 %.
    expect(html).toContain('-90.0 %');
    expect(html).toContain('-80.0 %');
    expect(html).toContain('90.0 %</strong> lower mean completion time than none');
  });

  it('escapes text from the trace', () => {
    const evil = '<script>alert("x")</script>';
    const r = report([baseline('none', { [evil]: [10] }), baseline('faast', { [evil]: [5] })]);
    r.trace.source = `<img src=x onerror=alert(1)> & co`;
    const html = renderReplayHtml(r);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; co');
  });

  it('draws at most MAX_CDF_POINTS points per baseline in the CDF', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => 1 + (i % 1000) * 0.37);
    const html = renderReplayHtml(report([baseline('none', { a: many }), baseline('faast', { a: many.map((v) => v / 4) })]));
    const cdf = svgs(html)[0]!;
    const paths = [...cdf.matchAll(/<path class="line"[^>]* d="([^"]*)"/g)].map((m) => m[1]!);
    expect(paths).toHaveLength(2);
    for (const d of paths) {
      const vertices = (d.match(/[MLV]/g) ?? []).length;
      expect(vertices).toBeGreaterThan(100);
      expect(vertices).toBeLessThanOrEqual(MAX_CDF_POINTS);
    }
    expect(html.length).toBeLessThan(200_000);
  });

  it('renders a single baseline without NaN or Infinity', () => {
    const html = renderReplayHtml(report([baseline('faast', { a: [1, 2, 3], b: [4] })]));
    expect(svgs(html)).toHaveLength(4);
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
    expect(html).not.toContain('Δ mean vs');
  });

  it('renders zero invocations, zero latencies and values that are not finite', () => {
    const empty = report([baseline('none', {}, 0), baseline('faast', {}, 0)]);
    empty.trace = { source: 'empty', apps: 0, invocations: 0, accesses: 0, spanMs: 0 };
    const emptyHtml = renderReplayHtml(empty);
    expect(svgs(emptyHtml)).toHaveLength(4);
    expect(emptyHtml).toContain('no completed invocations');
    expect(emptyHtml).not.toMatch(/NaN|Infinity|undefined/);

    const odd = report([
      baseline('none', { a: [0, 0, Number.NaN] }, 2, { peakMemoryBytes: Number.POSITIVE_INFINITY, wallMs: Number.NaN }),
      baseline('faast', { a: [0, Number.POSITIVE_INFINITY] }, 2, {
        timeline: [
          { tMs: 0, instances: Number.NaN, hitRatio: Number.NaN, inFlight: 0 },
          { tMs: Number.POSITIVE_INFINITY, instances: 2, hitRatio: 1, inFlight: 0 },
        ],
      }),
    ]);
    odd.speed = Number.NaN;
    odd.baselines[0]!.overall.hitRatio = Number.NaN;
    odd.baselines[0]!.overall.instanceSeconds = Number.NEGATIVE_INFINITY;
    const oddHtml = renderReplayHtml(odd);
    expect(svgs(oddHtml)).toHaveLength(4);
    expect(oddHtml).not.toMatch(/NaN|Infinity|undefined/);
    expect(oddHtml).toContain('Times of 0 ms are drawn at the left edge.');
  });

  it('marks an app missing from a baseline', () => {
    const html = renderReplayHtml(report([baseline('none', { a: [10], b: [20] }), baseline('redis', { a: [5] }), baseline('faast', { a: [2], b: [4] })]));
    expect(html).toContain('not in this baseline’s results');
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('bars only the busiest apps, lists them all, and copes with long timelines', () => {
    const apps = Object.fromEntries(Array.from({ length: MAX_BAR_APPS + 5 }, (_, i) => [`app-${String(i).padStart(2, '0')}`, Array.from({ length: 40 - i }, () => 10 + i)]));
    const html = renderReplayHtml(report([baseline('none', apps, 100_000), baseline('faast', apps, 100_000)]));
    const bars = svgs(html)[3]!;
    expect(bars).toContain('app-00');
    expect(bars).toContain(`app-${MAX_BAR_APPS - 1}`);
    expect(bars).not.toContain(`app-${MAX_BAR_APPS}`);
    expect(html).toContain(`app-${MAX_BAR_APPS + 4}`);
    expect(html).toContain('(min)');
    const hitRatio = svgs(html)[1]!;
    for (const m of hitRatio.matchAll(/<path class="line"[^>]* d="([^"]*)"/g)) expect((m[1]!.match(/[ML]/g) ?? []).length).toBeLessThanOrEqual(1200);
  });
});
