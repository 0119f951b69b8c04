/**
 * The cluster scenario's figures, from every run's raw cells to what is printed and saved:
 * medians over runs of each figure, ratios computed within each run (then the median), and
 * the origin-request table of the Zipf stream.
 */
import { renderTable } from '@faast/cli';
import { formatBytes } from '@faast/core';
import { CLUSTER_CONCURRENCY, CLUSTER_SIZES, CLUSTER_TARGET_LABELS, clusterCellId, type ClusterSizeLabel, type ClusterTarget, type Counters, type ZipfPoint } from './cluster';
import { median, type Measurement } from './measure';
import { formatUs } from './report';
import type { ZipfWorkload } from './zipf';

/** The figures of one cell in one run. */
export interface ClusterCellFigures extends Measurement {
  target: ClusterTarget;
  size: ClusterSizeLabel;
  /** Requests that reached the origin during the cell (warm-up included). */
  originRequests: number;
  /** Change of each cachelet's counters during the cell (warm-up included), by node index; faast cells only. */
  counters?: Counters[];
  /** Why the cell may not have measured what its row says (empty: it did). */
  problems: string[];
}

/** Everything one run of the latency table measured. */
export interface ClusterRunFigures {
  /** 1-based. */
  run: number;
  startedAt: string;
  /** By {@link clusterCellId}. */
  cells: Record<string, ClusterCellFigures>;
}

/** Figures at one number of calls in flight: medians over runs. */
export interface AtConcurrency {
  concurrency: number;
  opsPerSec: number;
  p50Us: number;
  p99Us: number;
}

/** One row of the latency table. */
export interface ClusterSummaryRow {
  target: ClusterTarget;
  size: ClusterSizeLabel;
  /** One entry per level of {@link CLUSTER_CONCURRENCY}. */
  at: AtConcurrency[];
  /** (max − min) / median of the p50 at 1 in flight over runs, percent: how noisy the row was. */
  p50SpreadPct: number;
}

/** Ratios of one size, each the median over runs of the ratio within a run. */
export interface ClusterRatios {
  size: ClusterSizeLabel;
  /** p50 at 1 in flight: peer hit / local hit (what the extra hop costs, as a factor). */
  peerOverLocal: number;
  /** p50 at 1 in flight: origin / peer hit (what a peer hit saves against the origin). */
  originOverPeer: number;
  /** p50 at 1 in flight: replica hit / peer hit (a Validate RPC instead of moving the bytes). */
  replicaOverPeer: number;
  /** p50 at 1 in flight, µs: peer hit − local hit. */
  peerHopUs: number;
  /** ops/s at the high level: local / peer. */
  localOverPeerThroughput: number;
  /** ops/s at the high level: peer / origin. */
  peerOverOriginThroughput: number;
}

export interface ClusterLatencySummary {
  rows: ClusterSummaryRow[];
  ratios: ClusterRatios[];
}

const ORDER: ClusterTarget[] = ['local', 'peer', 'replica', 'origin'];
const HIGH = CLUSTER_CONCURRENCY[1];

/** Medians over runs of every figure and ratio. */
export function summarizeCluster(runs: ClusterRunFigures[]): ClusterLatencySummary {
  const over = (target: ClusterTarget, size: ClusterSizeLabel, concurrency: number, field: keyof Measurement): number[] =>
    runs.map((r) => r.cells[clusterCellId(target, size, concurrency)]?.[field]).filter((v): v is number => v !== undefined);
  const perRun = (f: (fig: (t: ClusterTarget, s: ClusterSizeLabel, c: number, field: keyof Measurement) => number) => number): number =>
    median(runs.map((r) => f((t, s, c, field) => r.cells[clusterCellId(t, s, c)]?.[field] ?? Number.NaN)));

  const rows: ClusterSummaryRow[] = [];
  for (const { label: size } of CLUSTER_SIZES) {
    for (const target of ORDER) {
      const p50s = over(target, size, 1, 'p50Us');
      if (p50s.length === 0) continue;
      rows.push({
        target,
        size,
        at: CLUSTER_CONCURRENCY.map((concurrency) => ({
          concurrency,
          opsPerSec: median(over(target, size, concurrency, 'opsPerSec')),
          p50Us: median(over(target, size, concurrency, 'p50Us')),
          p99Us: median(over(target, size, concurrency, 'p99Us')),
        })),
        p50SpreadPct: (100 * (Math.max(...p50s) - Math.min(...p50s))) / median(p50s),
      });
    }
  }
  const ratios: ClusterRatios[] = CLUSTER_SIZES.map(({ label: s }) => ({
    size: s,
    peerOverLocal: perRun((fig) => fig('peer', s, 1, 'p50Us') / fig('local', s, 1, 'p50Us')),
    originOverPeer: perRun((fig) => fig('origin', s, 1, 'p50Us') / fig('peer', s, 1, 'p50Us')),
    replicaOverPeer: perRun((fig) => fig('replica', s, 1, 'p50Us') / fig('peer', s, 1, 'p50Us')),
    peerHopUs: perRun((fig) => fig('peer', s, 1, 'p50Us') - fig('local', s, 1, 'p50Us')),
    localOverPeerThroughput: perRun((fig) => fig('local', s, HIGH, 'opsPerSec') / fig('peer', s, HIGH, 'opsPerSec')),
    peerOverOriginThroughput: perRun((fig) => fig('peer', s, HIGH, 'opsPerSec') / fig('origin', s, HIGH, 'opsPerSec')),
  }));
  return { rows, ratios };
}

function formatRate(n: number | undefined): string {
  return n === undefined || !Number.isFinite(n) ? '-' : Math.round(n).toLocaleString('en-US');
}

function formatRatio(n: number | undefined): string {
  return n === undefined || !Number.isFinite(n) ? '-' : `${n.toFixed(n < 10 ? 2 : 1)}×`;
}

function pct(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : '-';
}

/** The printed latency table and its ratios. */
export function renderClusterLatency(summary: ClusterLatencySummary, runs: number, members: number): string {
  const headers = ['', 'size'];
  for (const c of CLUSTER_CONCURRENCY) headers.push(`p50 @${c}`, `p99 @${c}`, `ops/s @${c}`);
  headers.push('p50 spread');
  const table = renderTable(
    headers,
    summary.rows.map((r) => [
      CLUSTER_TARGET_LABELS[r.target],
      r.size,
      ...r.at.flatMap((a) => [formatUs(a.p50Us), formatUs(a.p99Us), formatRate(a.opsPerSec)]),
      runs > 1 ? `${r.p50SpreadPct.toFixed(0)} %` : '-',
    ]),
  );
  const lines = [
    `Warm GETs through ${members} cachelets (static members, peer gRPC over TCP on loopback), medians of ${runs} run${runs > 1 ? 's' : ''}` +
      ` (p50 spread: (max − min) / median of the p50 @1 over runs).`,
    '',
    table,
    '',
    'Ratios (computed within each run, median over runs):',
  ];
  for (const r of summary.ratios) {
    lines.push(
      `  ${r.size}: p50 @1: peer / local = ${formatRatio(r.peerOverLocal)} (the hop adds ${formatUs(r.peerHopUs)}), ` +
        `origin / peer = ${formatRatio(r.originOverPeer)}, replica / peer = ${formatRatio(r.replicaOverPeer)}; ` +
        `ops/s @${HIGH}: local / peer = ${formatRatio(r.localOverPeerThroughput)}, peer / origin = ${formatRatio(r.peerOverOriginThroughput)}`,
    );
  }
  return lines.join('\n');
}

/** The printed origin-request table of the Zipf stream. */
export function renderZipf(points: readonly ZipfPoint[], workload: ZipfWorkload): string {
  const reads = workload.reads.length;
  const floor = (1000 * workload.distinctKeysRead) / reads;
  const table = renderTable(
    ['cachelets', 'capacity each', 'combined capacity', 'of it for owned objects', 'hit ratio', 'origin req / 1,000 reads', 're-fetches', 'via a peer', 'replica hits', 'evictions'],
    points.map((p) => [
      p.cachelets,
      formatBytes(p.capacityPerCacheletBytes),
      `${formatBytes(p.combinedCapacityBytes)} (${pct(p.combinedCapacityBytes, workload.distinctBytesRead)})`,
      formatBytes(p.ownedCapacityBytes),
      pct(p.reads - p.originRequests, p.reads),
      p.originRequestsPer1000Reads.toFixed(1),
      p.originRequests - workload.distinctKeysRead,
      pct(p.counters.forwarded, p.reads),
      pct(p.counters.replicaHits, p.reads),
      p.counters.evictions,
    ]),
  );
  return [
    `Origin requests of a Zipf(${workload.exponent}) key stream, seed ${workload.seed}: population ${workload.keys.length.toLocaleString('en-US')} keys of ` +
      `${formatBytes(workload.minBytes)}–${formatBytes(workload.maxBytes)} (uniform sizes, ${formatBytes(workload.populationBytes)} in all); ` +
      `${reads.toLocaleString('en-US')} reads, one at a time, round-robin over the cachelets' wrapped clients; fresh cachelets for each row.`,
    `Working set: the stream reads ${workload.distinctKeysRead.toLocaleString('en-US')} distinct keys (${formatBytes(workload.distinctBytesRead)}); ` +
      `any cache pays one origin request for each, a floor of ${floor.toFixed(1)} per 1,000 reads.`,
    '',
    table,
    '',
    '  capacity each: --capacity of every cachelet, about half the working set. Combined: N × capacity (% of the working set).',
    '  of it for owned objects: with peers, each cachelet keeps its replica share (default) for copies of hot keys it does not own; one cachelet alone runs solo.',
    '  hit ratio: reads that caused no origin request (1 − origin requests / reads; the emulator\'s counters).',
    '  re-fetches: origin requests beyond one per distinct key — keys read again after the cache evicted them.',
    '  via a peer: reads a non-owner forwarded to the owner; replica hits: reads served from a validated replica (one Validate RPC each).',
  ].join('\n');
}
