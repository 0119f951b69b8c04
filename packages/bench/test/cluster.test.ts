import { checkCell, clusterCellId, COUNTERS, type ClusterTarget, type Counters } from '../src/cluster';
import { parseClusterOptions } from '../src/cluster-main';
import { summarizeCluster, type ClusterRunFigures } from '../src/cluster-report';
import { scenarioOf } from '../src/main';
import { seededRandom, ZipfSampler } from '@faast/core';
import { zipfWorkload } from '../src/zipf';

describe('zipfWorkload', () => {
  it('is the same stream for the same seed, another for another seed', () => {
    const a = zipfWorkload({ seed: 7, keys: 500, reads: 2000 });
    const b = zipfWorkload({ seed: 7, keys: 500, reads: 2000 });
    const c = zipfWorkload({ seed: 8, keys: 500, reads: 2000 });
    expect(Array.from(a.reads)).toEqual(Array.from(b.reads));
    expect(a.sizes).toEqual(b.sizes);
    expect(Array.from(a.reads)).not.toEqual(Array.from(c.reads));
  });

  it('draws sizes in range and counts the distinct keys it reads', () => {
    const w = zipfWorkload({ seed: 1, keys: 300, reads: 1000, minBytes: 10, maxBytes: 20 });
    expect(w.sizes.every((s) => s >= 10 && s <= 20)).toBe(true);
    expect(w.populationBytes).toBe(w.sizes.reduce((x, y) => x + y, 0));
    const distinct = new Set(w.reads);
    expect(w.distinctKeysRead).toBe(distinct.size);
    expect(w.distinctBytesRead).toBe([...distinct].reduce((x, k) => x + w.sizes[k]!, 0));
    expect(new Set(w.keys).size).toBe(300);
  });

  it('follows the Zipf law: rank k is read about (1/(k+1))^s as often as rank 0', () => {
    const sampler = new ZipfSampler(1000, 0.9, seededRandom(3));
    const counts = new Array<number>(1000).fill(0);
    const n = 200_000;
    for (let i = 0; i < n; i++) counts[sampler.next()]!++;
    for (const k of [0, 1, 9, 99]) expect(counts[k]! / n).toBeCloseTo(sampler.probability(k), 2);
    expect(counts[1]! / counts[0]!).toBeCloseTo(Math.pow(1 / 2, 0.9), 1);
  });
});

describe('scenario and options', () => {
  it('takes the scenario from a first argument that is not an option', () => {
    expect(scenarioOf([])).toEqual({ scenario: 'foundation', rest: [] });
    expect(scenarioOf(['--quick'])).toEqual({ scenario: 'foundation', rest: ['--quick'] });
    expect(scenarioOf(['cluster', '--quick'])).toEqual({ scenario: 'cluster', rest: ['--quick'] });
    expect(() => scenarioOf(['clsuter'])).toThrow(/unknown scenario 'clsuter'/);
  });

  it('parses the cluster options', () => {
    const quick = parseClusterOptions(['--quick']);
    expect(quick).toMatchObject({ quick: true, runs: 1, durationMs: 150, seed: 42, keys: 200, reads: 500, cachelets: [1, 2, 4] });
    expect(parseClusterOptions(['--seed', '9', '--runs', '5'])).toMatchObject({ seed: 9, runs: 5, keys: 2000, reads: 5000 });
    expect(() => parseClusterOptions(['--reads', '0'])).toThrow(/--reads/);
    expect(() => parseClusterOptions(['--redis', 'x'])).toThrow();
  });
});

const zero = (): Counters => Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counters;
const delta = (...nodes: Partial<Counters>[]): Counters[] => nodes.map((n) => ({ ...zero(), ...n }));

describe('checkCell', () => {
  it('accepts cells whose counters match their row', () => {
    expect(checkCell('local', 100, delta({ hits: 120 }, {}, {}), 0)).toEqual([]);
    expect(checkCell('peer', 100, delta({ forwarded: 110 }, {}, { peerServed: 110, hits: 110 }), 0)).toEqual([]);
    expect(checkCell('replica', 100, delta({}, { replicaHits: 105, validations: 105 }, {}), 0)).toEqual([]);
    expect(checkCell('origin', 100, [], 100)).toEqual([]);
  });

  it('names what went wrong', () => {
    expect(checkCell('local', 100, delta({ hits: 99, misses: 1 }, {}, {}), 1).join('; ')).toMatch(/1 origin request.*99 hits, 1 misses/);
    expect(checkCell('peer', 100, delta({ forwarded: 50, replicaHits: 50 }, {}, { peerServed: 50 }), 0).join('; ')).toMatch(/50 replica hits/);
    expect(checkCell('replica', 10, delta({}, { replicaHits: 5, forwarded: 5, peerFallbacks: 1 }, {}), 0)).toHaveLength(2);
  });
});

describe('summarizeCluster', () => {
  const cell = (target: ClusterTarget, size: '1 KiB' | '1 MiB', concurrency: number, p50Us: number, opsPerSec: number) => ({
    target, size, concurrency, ops: 100, elapsedMs: 1000, opsPerSec, meanUs: p50Us, p50Us, p99Us: 2 * p50Us, maxUs: 3 * p50Us, originRequests: 0, problems: [],
  });
  const run = (i: number, scale: number): ClusterRunFigures => {
    const cells: ClusterRunFigures['cells'] = {};
    for (const size of ['1 KiB', '1 MiB'] as const) {
      const base: Record<ClusterTarget, number> = { local: 500, peer: 1000, replica: 1200, origin: 20_000 };
      for (const target of Object.keys(base) as ClusterTarget[]) {
        for (const c of [1, 16]) cells[clusterCellId(target, size, c)] = cell(target, size, c, base[target] * scale, (c * 1e6) / (base[target] * scale));
      }
    }
    return { run: i, startedAt: '', cells };
  };

  it('reports medians over runs and ratios within each run', () => {
    const s = summarizeCluster([run(1, 1), run(2, 2), run(3, 1.5)]);
    const peer = s.rows.find((r) => r.target === 'peer' && r.size === '1 KiB')!;
    expect(peer.at.map((a) => a.concurrency)).toEqual([1, 16]);
    expect(peer.at[0]!.p50Us).toBe(1500);
    expect(peer.p50SpreadPct).toBeCloseTo((100 * 1000) / 1500);
    const r = s.ratios.find((x) => x.size === '1 KiB')!;
    expect(r.peerOverLocal).toBeCloseTo(2);
    expect(r.originOverPeer).toBeCloseTo(20);
    expect(r.replicaOverPeer).toBeCloseTo(1.2);
    expect(r.peerHopUs).toBeCloseTo(750);
    expect(r.localOverPeerThroughput).toBeCloseTo(2);
    expect(r.peerOverOriginThroughput).toBeCloseTo(20);
  });
});
