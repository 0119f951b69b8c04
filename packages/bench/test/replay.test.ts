import { baselineOrder, medianReductions, medianRun, parseReplayOptions, type Reductions } from '../src/replay';

const reductionsOf = (vsNone: number | undefined, vsRedis: number | undefined, apps: Array<[string, number | undefined]>): Reductions => ({
  overall: { vsNone, vsRedis },
  apps: apps.map(([app, v]) => ({ app, invocations: 10, reads: 8, writes: 2, vsNone: v, vsRedis: undefined })),
});

describe('replay benchmark options', () => {
  it('runs each population 3 times by default, once with --quick', () => {
    const full = parseReplayOptions([]);
    const quick = parseReplayOptions(['--quick']);
    if (full === 'help' || quick === 'help') throw new Error('help');
    expect([full.runs, quick.runs]).toEqual([3, 1]);
    expect(parseReplayOptions(['--runs', '5'])).toMatchObject({ runs: 5 });
  });

  it('names a bad --runs', () => {
    expect(() => parseReplayOptions(['--runs', '0'])).toThrow(/runs/);
    expect(() => parseReplayOptions(['--runs', 'two'])).toThrow(/runs/);
  });
});

describe('baselineOrder', () => {
  it('rotates the baselines from run to run, so each gets every place', () => {
    const all = ['none', 'redis', 'faast'] as const;
    expect(baselineOrder(all, 1)).toEqual(['none', 'redis', 'faast']);
    expect(baselineOrder(all, 2)).toEqual(['redis', 'faast', 'none']);
    expect(baselineOrder(all, 3)).toEqual(['faast', 'none', 'redis']);
    expect(baselineOrder(all, 4)).toEqual(['none', 'redis', 'faast']);
    expect(baselineOrder(['none', 'faast'], 2)).toEqual(['faast', 'none']);
  });
});

describe('medians over runs', () => {
  const runs = [
    reductionsOf(60, -5, [['a', 70], ['b', 10]]),
    reductionsOf(50, -7, [['a', 40], ['b', undefined]]),
    reductionsOf(58, 2, [['a', 55], ['b', 30]]),
  ];

  it('takes the median of each reduction, per app and overall, leaving out runs without one', () => {
    const m = medianReductions(runs);
    expect(m.overall).toEqual({ vsNone: 58, vsRedis: -5 });
    expect(m.apps.map((a) => [a.app, a.vsNone])).toEqual([['a', 55], ['b', 20]]);
  });

  it('picks the run whose overall reduction against none is the median', () => {
    expect(medianRun(runs)).toBe(2);
    expect(medianRun(runs.slice(0, 2))).toBe(1); // 50 and 60: the lower middle
  });
});
