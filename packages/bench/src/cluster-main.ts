/**
 * `npm run bench -- cluster` — the distributed cache: (1) latency and throughput of warm
 * 1 KiB and 1 MiB GETs through three cachelets — local hit, peer hit, replica hit — and from
 * the emulated origin, the whole table run R times with medians reported; (2) origin requests
 * per 1,000 reads of a seeded Zipf key stream over 1, 2 and 4 cachelets of a fixed capacity
 * each. Prints tables and writes JSON (bench-results/cluster.json).
 *
 *   node packages/bench/dist/main.js cluster [--quick] [--runs N] [--duration MS] [--seed N] [--keys N] [--reads N] [--json PATH]
 */
import { resultsPath, wholeNumber } from './args';
import { Abortable, Cleanup } from './cleanup';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { startS3Emulator, S3_STANDARD_PROFILE } from '@faast/emulator';
import type { FaastEvent } from '@faast/s3';
import {
  checkCell,
  CLUSTER_BUCKET,
  CLUSTER_CONCURRENCY,
  CLUSTER_SIZES,
  CLUSTER_TARGET_LABELS,
  clusterCellId,
  diffCounters,
  LATENCY_CACHELETS,
  openClusterLatency,
  runZipfPoint,
  seedObjects,
  type ClusterLatency,
  type ZipfPoint,
} from './cluster';
import { renderClusterLatency, renderZipf, summarizeCluster, type ClusterRunFigures } from './cluster-report';
import { measure } from './measure';
import { zipfWorkload } from './zipf';
import { machineLine, watchMachine } from './machine';

/** Options of {@link runClusterBenchmark}. */
export interface ClusterBenchOptions {
  /** Times the latency table is run; figures are medians over runs. Default 3 (1 with `--quick`). */
  runs: number;
  /** Measured time per latency cell, ms. Default 2000 (150 with `--quick`). */
  durationMs: number;
  /** Untimed warm-up per latency cell, ms. Default 200 (30 with `--quick`). */
  warmupMs: number;
  /** Seed of the Zipf population and stream. Default 42. */
  seed: number;
  /** Distinct keys of the Zipf population. Default 2000 (200 with `--quick`). */
  keys: number;
  /** Reads of the Zipf stream. Default 5000 (500 with `--quick`). */
  reads: number;
  /** Cluster sizes of the Zipf table. */
  cachelets: number[];
  /** Where the JSON goes. Default `bench-results/cluster.json` at the repository root. */
  jsonPath: string;
  quick: boolean;
}

export const CLUSTER_USAGE = `usage: node packages/bench/dist/main.js cluster [options]
  --quick          short smoke run (1 run, 150 ms per cell, 200 keys / 500 Zipf reads)
  --runs N         repeat the latency table N times, report medians (default 3; 1 with --quick)
  --duration MS    measured time per latency cell, ms (default 2000; 150 with --quick)
  --seed N         seed of the Zipf population and key stream (default 42)
  --keys N         distinct keys of the Zipf population (default 2000; 200 with --quick)
  --reads N        reads of the Zipf stream (default 5000; 500 with --quick)
  --json PATH      where to write the results (default bench-results/cluster.json at the repo root)
  --help           this text`;

/** The Zipf exponent of the key stream. */
const ZIPF_EXPONENT = 0.9;
/** Cluster sizes of the Zipf table. */
const ZIPF_CACHELETS = [1, 2, 4];

/** Parses the options after `cluster`; throws with a message naming the bad option. */
export function parseClusterOptions(argv: string[]): ClusterBenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      duration: { type: 'string' },
      seed: { type: 'string' },
      keys: { type: 'string' },
      reads: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const quick = values.quick ?? false;
  const durationMs = wholeNumber('duration', values.duration, quick ? 150 : 2000, 10);
  const seed = wholeNumber('seed', values.seed, 42, 0, 0xffffffff);
  return {
    quick,
    runs: wholeNumber('runs', values.runs, quick ? 1 : 3, 1),
    durationMs,
    warmupMs: quick ? 30 : Math.min(300, Math.round(durationMs / 10)),
    seed,
    keys: wholeNumber('keys', values.keys, quick ? 200 : 2000, 2),
    reads: wholeNumber('reads', values.reads, quick ? 500 : 5000, 1),
    cachelets: ZIPF_CACHELETS,
    jsonPath: resultsPath(values.json, 'cluster'),
  };
}

/** Runs the latency table `options.runs` times on one set of cachelets; returns every run's figures. */
async function runLatency(bench: ClusterLatency, options: ClusterBenchOptions, checkpoint: () => void): Promise<ClusterRunFigures[]> {
  const perRun = bench.cells().length;
  const bar = new SingleBar(
    { format: '  latency run {run}/{runs} [{bar}] {value}/{total} cells  {cell}', hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  bar.start(perRun * options.runs, 0, { run: 1, runs: options.runs, cell: '' });
  const runs: ClusterRunFigures[] = [];
  try {
    for (let run = 1; run <= options.runs; run++) {
      const figures: ClusterRunFigures = { run, startedAt: new Date().toISOString(), cells: {} };
      for (const cell of bench.cells()) {
        bar.update({ run, cell: `${cell.target} ${cell.size} @${cell.concurrency}` });
        const faast = cell.target !== 'origin';
        const before = faast ? await bench.counters() : undefined;
        const originBefore = bench.originRequests();
        const op = cell.op;
        const checked = (): Promise<unknown> => {
          checkpoint();
          return op();
        };
        const m = await measure(checked, { concurrency: cell.concurrency, durationMs: options.durationMs, warmupMs: options.warmupMs });
        const originRequests = bench.originRequests() - originBefore;
        const counters = before ? (await bench.counters()).map((after, i) => diffCounters(after, before[i]!)) : undefined;
        figures.cells[clusterCellId(cell.target, cell.size, cell.concurrency)] = {
          target: cell.target,
          size: cell.size,
          ...m,
          originRequests,
          ...(counters ? { counters } : {}),
          problems: counters ? checkCell(cell.target, m.ops, counters, originRequests) : [],
        };
        bar.increment();
      }
      runs.push(figures);
    }
  } finally {
    bar.stop();
  }
  return runs;
}

/** The Zipf table: fresh cachelets for each cluster size, the same stream each time. */
async function runZipf(
  options: ClusterBenchOptions,
  base: Omit<Parameters<typeof runZipfPoint>[0], 'cachelets' | 'onRead' | 'onLog'>,
  onLog: (log: string) => void,
  checkpoint: () => void,
): Promise<ZipfPoint[]> {
  const reads = base.workload.reads.length;
  const bar = new SingleBar(
    { format: '  zipf {n} cachelet(s) [{bar}] {value}/{total} reads', hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  bar.start(reads * options.cachelets.length, 0, { n: options.cachelets[0] });
  const points: ZipfPoint[] = [];
  try {
    for (const n of options.cachelets) {
      bar.update({ n });
      points.push(
        await runZipfPoint({
          ...base,
          cachelets: n,
          onRead: () => {
            bar.increment();
            checkpoint();
          },
          onLog,
        }),
      );
    }
  } finally {
    bar.stop();
  }
  return points;
}

/** The whole benchmark: fixtures, runs, report, JSON. Stops every daemon and removes every socket, also on errors. */
export async function runClusterBenchmark(options: ClusterBenchOptions): Promise<void> {
  const machineWatch = watchMachine();
  process.stderr.write(
    `cluster benchmark: latency table ${options.runs} run(s), ${options.durationMs} ms per cell, ${LATENCY_CACHELETS} cachelets; ` +
      `then a Zipf(${ZIPF_EXPONENT}) stream over ${options.cachelets.join(', ')} cachelet(s). Starting the origin emulator and the cachelets…\n`,
  );
  const cleanup = new Cleanup();
  const faastEvents: FaastEvent[] = [];
  const onEvent = (e: FaastEvent): void => void faastEvents.push(e);
  const daemonLogs: string[] = [];
  const onLog = (log: string): void => {
    if (log.trim()) daemonLogs.push(log.trim());
  };

  const abortable = new Abortable(cleanup, 'stopping the cachelets and the emulator…');
  const checkpoint = abortable.checkpoint;

  // Every fixture registers its closer as soon as it exists.
  const work = async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faast-bench-cluster-'));
    cleanup.add(() => fs.rmSync(dir, { recursive: true, force: true }));
    const emulator = await startS3Emulator({ profile: S3_STANDARD_PROFILE, buckets: [CLUSTER_BUCKET] });
    cleanup.add(() => emulator.close());
    checkpoint();

    const latency = await openClusterLatency(emulator, dir, onEvent);
    cleanup.add(() => latency.close());
    checkpoint();
    const runs = await runLatency(latency, options, checkpoint);
    onLog(latency.log());
    await latency.close();
    checkpoint();

    const workload = zipfWorkload({ seed: options.seed, keys: options.keys, reads: options.reads, exponent: ZIPF_EXPONENT });
    // One cachelet holds about half of the working set — the bytes of the distinct keys the stream reads — rounded up to whole KiB.
    const capacityBytes = Math.ceil(workload.distinctBytesRead / 2 / 1024) * 1024;
    process.stderr.write(`  writing the Zipf population to the origin (${workload.keys.length} objects)…\n`);
    const sizes = workload.sizes;
    await seedObjects(emulator, workload.keys.map((key, k) => ({ key, body: () => randomBytes(sizes[k]!) })));
    checkpoint();
    const points = await runZipf(options, { emulator, dir, workload, capacityBytes, onEvent }, onLog, checkpoint);
    return { runs, topology: latency.topology, workload, capacityBytes, points };
  };

  const result = await abortable.run(work);
  const { runs, topology, workload, capacityBytes, points } = result;

  const summary = summarizeCluster(runs);
  const out: string[] = [renderClusterLatency(summary, options.runs, LATENCY_CACHELETS), '', renderZipf(points, workload)];

  const anomalies: string[] = [];
  for (const r of runs) {
    for (const [id, cell] of Object.entries(r.cells)) {
      if (cell.problems.length) anomalies.push(`run ${r.run}, ${id}: ${cell.problems.join('; ')} (the row may not measure only what it says)`);
    }
  }
  for (const p of points) {
    if (p.counters.originRequests !== p.originRequests) {
      anomalies.push(`zipf ${p.cachelets} cachelet(s): the cachelets counted ${p.counters.originRequests} origin requests, the origin ${p.originRequests} (reads the interceptor sent straight to S3?)`);
    }
    if (p.counters.peerFallbacks || p.counters.peerErrors) {
      anomalies.push(`zipf ${p.cachelets} cachelet(s): ${p.counters.peerErrors} peer error(s), ${p.counters.peerFallbacks} read(s) fell back to the origin`);
    }
  }
  for (const e of faastEvents) anomalies.push(`interceptor ${e.msg} (${path.basename(e.socket)})${e.reason ? `: ${e.reason}` : ''} (faast rows may include origin reads)`);
  const daemonLog = daemonLogs.join('\n');
  if (daemonLog) anomalies.push(`the daemons logged warnings or errors:\n${daemonLog.split('\n').slice(0, 5).join('\n')}`);
  const machine = machineWatch.finish();
  out.push(
    '',
    `topology of the latency table: ${topology.nodes.map((n) => `${n.node} ${n.id}${n.extraArgs.length ? ` (${n.extraArgs.join(' ')})` : ''}`).join(', ')}; ` +
      `local: n${topology.roles.local.reader} reads keys it owns; peer: n${topology.roles.peer.reader} reads keys n${topology.roles.peer.owner} owns (no replicas on n${topology.roles.peer.reader}); ` +
      `replica: n${topology.roles.replica.reader} reads keys n${topology.roles.replica.owner} owns (default replica share, warm replicas). ` +
      `Each row's placement is checked with the cachelets' counters after every cell.`,
    machineLine(machine, 'the client, every cachelet and s3rver'),
  );
  if (anomalies.length) out.push('', 'Anomalies:', ...anomalies.map((a) => `  - ${a}`));

  fs.mkdirSync(path.dirname(options.jsonPath), { recursive: true });
  const json = {
    benchmark: 'cluster',
    date: new Date().toISOString(),
    machine,
    options: {
      runs: options.runs,
      durationMsPerCell: options.durationMs,
      warmupMsPerCell: options.warmupMs,
      quick: options.quick,
      concurrency: CLUSTER_CONCURRENCY,
      sizes: CLUSTER_SIZES,
      originProfile: S3_STANDARD_PROFILE,
      units: 'latencies in microseconds (µs), rates in operations per second, sizes in bytes',
    },
    latency: {
      cachelets: LATENCY_CACHELETS,
      topology,
      rowLabels: CLUSTER_TARGET_LABELS,
      summary,
    },
    zipf: {
      seed: workload.seed,
      exponent: workload.exponent,
      population: {
        keys: workload.keys.length,
        minBytes: workload.minBytes,
        maxBytes: workload.maxBytes,
        totalBytes: workload.populationBytes,
      },
      reads: workload.reads.length,
      readsInFlight: 1,
      distinctKeysRead: workload.distinctKeysRead,
      workingSetBytes: workload.distinctBytesRead,
      coldStartFloorPer1000Reads: (1000 * workload.distinctKeysRead) / workload.reads.length,
      capacityPerCacheletBytes: capacityBytes,
      capacityRule: 'about half the working set (bytes of the distinct keys the stream reads), rounded up to KiB',
      points,
    },
    anomalies,
    runs,
  };
  fs.writeFileSync(options.jsonPath, `${JSON.stringify(json, null, 2)}\n`);
  const shown = path.relative(process.cwd(), options.jsonPath);
  out.push('', `results: ${shown.startsWith('..') ? options.jsonPath : shown}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
