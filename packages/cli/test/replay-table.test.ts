import { summarizeLatencies, type AppOutcome, type Baseline, type BaselineOutcome, type ReplayReport } from '@faast/workload';
import { formatReplayTables } from '../src/replay-table';

/** An outcome of `latenciesMs`, with round figures for the rest. */
function app(name: string, latenciesMs: number[], fields: Partial<AppOutcome> = {}): AppOutcome {
  return {
    app: name,
    invocations: latenciesMs.length,
    failed: 0,
    latency: summarizeLatencies(latenciesMs),
    reads: 100,
    writes: 10,
    hitRatio: 0.755,
    originRequests: 1234,
    originBytes: 3 * 2 ** 20,
    instanceSeconds: 12.34,
    coldStarts: 2,
    peakMemoryBytes: 96 * 2 ** 20,
    ...fields,
  };
}

/** A baseline of apps by name with their completion times. */
function baseline(name: Baseline, apps: Record<string, number[]>): BaselineOutcome {
  const latenciesMs = Object.values(apps).flat();
  return {
    baseline: name,
    wallMs: 10_000,
    overall: app('overall', latenciesMs),
    apps: Object.entries(apps).map(([n, l]) => app(n, l)),
    peakMemoryBytes: 256 * 2 ** 20,
    latenciesMs,
    timeline: [],
  };
}

function report(baselines: BaselineOutcome[]): ReplayReport {
  return { trace: { source: 'generated: 2 apps', seed: 7, apps: 2, invocations: 5, accesses: 20, spanMs: 65_000 }, speed: 2, startedAt: '2025-06-01T10:22:33.000Z', baselines };
}

/** The lines of the table whose title line starts with `title`, through its last row. */
function tableOf(out: string, title: string): string[] {
  const lines = out.split('\n');
  const start = lines.findIndex((l) => l.startsWith(title));
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('', start);
  return lines.slice(start, end);
}

function row(table: string[], baselineName: string): string[] {
  const line = table.find((l) => l.startsWith(`${baselineName} `));
  expect(line).toBeDefined();
  return line!.trim().split(/ {2,}/);
}

describe('formatReplayTables', () => {
  // Means: none 100 ms (thumbnailer) / 200 ms (api); redis 50 / 160; faast 20 / 40.
  const r = report([
    baseline('none', { thumbnailer: [80, 100, 120], api: [200, 200] }),
    baseline('redis', { thumbnailer: [50, 50, 50], api: [150, 170] }),
    baseline('faast', { thumbnailer: [10, 20, 30], api: [40, 40] }),
  ]);
  const out = formatReplayTables(r);

  it('describes the trace', () => {
    expect(out.split('\n').slice(0, 2)).toEqual([
      'Replay of generated: 2 apps (seed 7)',
      '  2 apps, 5 invocations, 20 accesses over 1 min 05 s; 2× speed, started 2025-06-01T10:22:33.000Z.',
    ]);
  });

  it('has a table per app, busiest first, then the overall one, a row per baseline', () => {
    const titles = out.split('\n').filter((l) => /^(app |overall)/.test(l));
    expect(titles).toEqual(['app thumbnailer: 3 invocations', 'app api: 2 invocations', 'overall: 5 invocations']);
    const thumb = tableOf(out, 'app thumbnailer');
    expect(thumb[1]!.trim().split(/ {2,}/)).toEqual(['baseline', 'p50', 'p99', 'mean', 'Δ none', 'Δ redis', 'hit ratio', 'origin req', 'origin bytes', 'instance-s', 'peak mem']);
    expect(row(thumb, 'none')).toEqual(['none', '100.0 ms', '120.0 ms', '100.0 ms', '-', '+100.0 %', '75.5 %', '1,234', '3.00 MiB', '12.3', '96.0 MiB']);
    expect(row(thumb, 'redis')).toEqual(['redis', '50.0 ms', '50.0 ms', '50.0 ms', '-50.0 %', '-', '75.5 %', '1,234', '3.00 MiB', '12.3', '96.0 MiB']);
    expect(row(thumb, 'faast')).toEqual(['faast', '20.0 ms', '30.0 ms', '20.0 ms', '-80.0 %', '-60.0 %', '75.5 %', '1,234', '3.00 MiB', '12.3', '96.0 MiB']);
    const api = tableOf(out, 'app api');
    expect(row(api, 'redis').slice(3, 6)).toEqual(['160.0 ms', '-20.0 %', '-']);
    expect(row(api, 'faast').slice(3, 6)).toEqual(['40.0 ms', '-80.0 %', '-75.0 %']);
  });

  it('compares the overall means and shows peak memory', () => {
    // Overall means: none 140 ms, redis 94 ms, faast 28 ms.
    const overall = tableOf(out, 'overall');
    expect(overall[1]).toContain('peak mem');
    expect(row(overall, 'faast').slice(3, 6)).toEqual(['28.0 ms', '-80.0 %', '-70.2 %']);
    expect(row(overall, 'redis').slice(3, 6)).toEqual(['94.0 ms', '-32.9 %', '-']);
    expect(row(overall, 'none').at(-1)).toBe('256.0 MiB');
  });

  it('right-aligns the change columns and stays within 120 columns', () => {
    const thumb = tableOf(out, 'app thumbnailer');
    const none = thumb.find((l) => l.startsWith('none '))!;
    const faast = thumb.find((l) => l.startsWith('faast '))!;
    const end = (line: string, text: string): number => line.indexOf(text) + text.length;
    expect(end(none, '+100.0 %')).toBe(end(faast, '-60.0 %'));
    expect(end(thumb[1]!, 'Δ redis')).toBe(end(faast, '-60.0 %'));
    for (const line of out.split('\n')) expect([...line].length).toBeLessThanOrEqual(120);
  });

  it('copes with a single baseline, a missing app, failures, zero invocations and control characters', () => {
    const one = formatReplayTables(report([baseline('faast', { a: [1, 2] })]));
    expect(one).not.toContain('Δ');
    expect(one).not.toMatch(/NaN|Infinity|undefined/);

    const none = baseline('none', { a: [10], 'evil\u001b[31m': [], idle: [] });
    none.apps[0]!.failed = 2;
    const faast = baseline('faast', { a: [5] });
    const text = formatReplayTables(report([none, faast]));
    expect(text).toContain('app evil?[31m: 0 invocations');
    expect(text).not.toContain('\u001b');
    expect(text).toContain('  no results for this app from: faast');
    expect(text).toContain('app a: 1 invocations (failed: none 2)');
    expect(row(tableOf(text, 'app idle'), 'none').slice(0, 5)).toEqual(['none', '-', '-', '-', '-']);
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    expect(formatReplayTables(report([]))).toContain('No baseline ran.');
  });
});
