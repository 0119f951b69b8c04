/**
 * `npm run bench` — the foundation benchmark: warm 1 KiB and 1 MiB GETs from the emulated
 * origin, through Faa$T and from Redis, with the breakdown of a Faa$T hit; the whole table is
 * run R times and the median of each figure is reported. Prints a table and writes JSON.
 * `npm run bench -- cluster` runs the cluster scenario instead (see cluster-main.ts);
 * `npm run bench -- large` the large-object scenario (see large-main.ts);
 * `npm run bench -- replay` trace replay through none, redis and faast (see replay.ts);
 * `npm run bench -- parity` drawn requests with and without the cache (see parity-main.ts).
 *
 *   node packages/bench/dist/main.js [foundation] [--quick] [--runs N] [--duration MS] [--json PATH]
 *   node packages/bench/dist/main.js cluster [--quick] [--runs N] [--duration MS] [--seed N] [--json PATH]
 *   node packages/bench/dist/main.js large [--quick] [--runs N] [--size BYTES] [--cachelets 1,2,4] [--read-ahead N] [--hash ALG] [--json PATH]
 *   node packages/bench/dist/main.js replay [--quick] [--seed N] [--redis URL] [--json PATH]
 */
// The SDK is pinned on purpose while machines run Node 20 (see packages/cli/src/bin.ts); its notice is noise here.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

import { resultsPath, wholeNumber } from './args';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { S3_STANDARD_PROFILE } from '@faast/emulator';
import { CLUSTER_USAGE, parseClusterOptions, runClusterBenchmark } from './cluster-main';
import { LARGE_USAGE, parseLargeOptions, runLargeBenchmark } from './large-main';
import { REPLAY_USAGE, parseReplayOptions, runReplayBenchmark } from './replay';
import { PARITY_USAGE, parseParityOptions, runParityBenchmark } from './parity-main';
import { COLDSTART_USAGE, parseColdStartOptions, runColdStartBenchmark } from './coldstart';
import { PENALTIES_USAGE, parsePenaltiesOptions, runPenaltiesBenchmark } from './penalties';
import { cellId, HIGH_CONCURRENCY, openFoundation, SIZES, TARGET_LABELS, type Foundation } from './foundation';
import { measure } from './measure';
import { REDIS_URL } from './redis';
import { renderReport, summarize, type RunFigures } from './report';
import { machineLine, watchMachine } from './machine';

/** Options of {@link runFoundationBenchmark}. */
export interface BenchOptions {
  /** Times the whole table is run; figures are medians over runs. Default 3 (1 with `--quick`). */
  runs: number;
  /** Measured time per cell, ms. Default 2000 (150 with `--quick`). */
  durationMs: number;
  /** Untimed warm-up per cell, ms. Default 200 (30 with `--quick`). */
  warmupMs: number;
  /** Where the JSON goes. Default `bench-results/foundation.json` at the repository root. */
  jsonPath: string;
  quick: boolean;
  /** The Redis of the redis rows. Default `redis://127.0.0.1:6379`. */
  redisUrl: string;
}

const USAGE = `usage: node packages/bench/dist/main.js [foundation|cluster|large|replay|parity|coldstart|penalties] [options]
  scenarios: foundation (default) — one cachelet against the origin and Redis;
             cluster — peer hits across cachelets and origin requests of a Zipf stream
             (node packages/bench/dist/main.js cluster --help for its options);
             large — one 256 MiB object: single stream vs cold and warm reads through 1, 2, 4 cachelets
             (node packages/bench/dist/main.js large --help for its options)
             replay — a seeded generated trace replayed through none, redis and faast
             (node packages/bench/dist/main.js replay --help for its options)
             coldstart — what a cold start pays: import, first hit, daemon ready (whole processes)
             penalties — a miss and a write through Faa$T against the same call made directly
             parity — 10,000 drawn requests compared with and without the cache
             (node packages/bench/dist/main.js parity --help for its options)
foundation options:
  --quick          short smoke run (1 run, 150 ms per cell)
  --runs N         repeat the whole table N times, report medians (default 3; 1 with --quick)
  --duration MS    measured time per cell, ms (default 2000; 150 with --quick)
  --json PATH      where to write the results (default bench-results/foundation.json at the repo root)
  --redis URL      the Redis of the redis rows (default redis://127.0.0.1:6379; unreachable: rows skipped)
  --help           this text`;

/** Parses the command line; throws with a message naming the bad option. */
export function parseOptions(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      duration: { type: 'string' },
      json: { type: 'string' },
      redis: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const quick = values.quick ?? false;
  const durationMs = wholeNumber('duration', values.duration, quick ? 150 : 2000, 10);
  return {
    quick,
    runs: wholeNumber('runs', values.runs, quick ? 1 : 3, 1),
    durationMs,
    warmupMs: quick ? 30 : Math.min(300, Math.round(durationMs / 10)),
    redisUrl: values.redis ?? REDIS_URL,
    jsonPath: resultsPath(values.json, 'foundation'),
  };
}

/** Runs the table `options.runs` times on one set of fixtures; returns every run's figures. */
async function runAll(bench: Foundation, options: BenchOptions): Promise<RunFigures[]> {
  const perRun = bench.cells().length;
  const bar = new SingleBar(
    { format: '  run {run}/{runs} [{bar}] {value}/{total} cells  {cell}', hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  bar.start(perRun * options.runs, 0, { run: 1, runs: options.runs, cell: '' });
  const runs: RunFigures[] = [];
  try {
    for (let run = 1; run <= options.runs; run++) {
      const figures: RunFigures = { run, startedAt: new Date().toISOString(), cells: {}, originRequestsDuringFaast: 0 };
      for (const cell of bench.cells()) {
        bar.update({ run, cell: `${TARGET_LABELS[cell.target]} ${cell.size} @${cell.concurrency}` });
        const before = bench.originRequests();
        const m = await measure(cell.op, { concurrency: cell.concurrency, durationMs: options.durationMs, warmupMs: options.warmupMs });
        if (cell.target === 'faast') figures.originRequestsDuringFaast += bench.originRequests() - before;
        figures.cells[cellId(cell.target, cell.size, cell.concurrency)] = { target: cell.target, size: cell.size, ...m };
        bar.increment();
      }
      runs.push(figures);
    }
  } finally {
    bar.stop();
  }
  return runs;
}

/** The whole benchmark: fixtures, runs, report, JSON. Cleans up everything it started, also on errors. */
export async function runFoundationBenchmark(options: BenchOptions): Promise<void> {
  const machineWatch = watchMachine();
  process.stderr.write(`foundation benchmark: ${options.runs} run(s), ${options.durationMs} ms per cell; starting the origin emulator, a cachelet and Redis fixtures…\n`);
  const bench = await openFoundation({ redisUrl: options.redisUrl });
  // Ctrl-C still stops the daemon, deletes the Redis keys and removes the socket directory.
  const onSignal = (signal: NodeJS.Signals): void => {
    process.stderr.write(`\n${signal}: cleaning up\n`);
    void bench.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let runs: RunFigures[];
  try {
    runs = await runAll(bench, options);
  } finally {
    await bench.close();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }

  const summary = summarize(runs);
  const out: string[] = [renderReport(summary, options.runs, bench.redisSkipped)];
  const anomalies: string[] = [];
  const misses = runs.reduce((n, r) => n + r.originRequestsDuringFaast, 0);
  if (misses > 0) anomalies.push(`${misses} origin request(s) while the faast cells ran: not every faast read was a cache hit.`);
  for (const e of bench.faastEvents) anomalies.push(`interceptor ${e.msg}${e.reason ? `: ${e.reason}` : ''} (faast rows may include origin reads)`);
  const daemonLog = bench.daemonLog().trim();
  if (daemonLog) anomalies.push(`the daemon logged warnings or errors:\n${daemonLog.split('\n').slice(0, 5).join('\n')}`);
  const machine = machineWatch.finish();
  out.push('', machineLine(machine, 'client, daemon, s3rver and Redis'));
  if (anomalies.length) out.push('', 'Anomalies:', ...anomalies.map((a) => `  - ${a}`));

  fs.mkdirSync(path.dirname(options.jsonPath), { recursive: true });
  const json = {
    benchmark: 'foundation',
    date: new Date().toISOString(),
    machine,
    options: {
      runs: options.runs,
      durationMsPerCell: options.durationMs,
      warmupMsPerCell: options.warmupMs,
      quick: options.quick,
      concurrency: [1, HIGH_CONCURRENCY],
      sizes: SIZES,
      originProfile: S3_STANDARD_PROFILE,
      units: 'latencies in microseconds (µs), rates in operations per second',
    },
    redisSkipped: bench.redisSkipped ?? null,
    summary,
    anomalies,
    runs,
  };
  fs.writeFileSync(options.jsonPath, `${JSON.stringify(json, null, 2)}\n`);
  const shown = path.relative(process.cwd(), options.jsonPath);
  out.push('', `results: ${shown.startsWith('..') ? options.jsonPath : shown}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

/** The scenarios of `npm run bench -- SCENARIO`; the first is the default. */
export const SCENARIOS = ['foundation', 'cluster', 'large', 'replay', 'parity', 'coldstart', 'penalties'] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** Splits off the scenario: a first argument that is not an option. Throws for an unknown one. */
export function scenarioOf(argv: string[]): { scenario: Scenario; rest: string[] } {
  const first = argv[0];
  if (first === undefined || first.startsWith('-')) return { scenario: 'foundation', rest: argv };
  if (!(SCENARIOS as readonly string[]).includes(first)) throw new Error(`unknown scenario '${first}' (expected ${SCENARIOS.join(' or ')})`);
  return { scenario: first as Scenario, rest: argv.slice(1) };
}

/** A scenario: its usage text, and its options parsed into a run (or 'help'). */
interface ScenarioEntry {
  usage: string;
  prepare(argv: string[]): (() => Promise<void>) | 'help';
}

function entry<O>(usage: string, parse: (argv: string[]) => O | 'help', run: (options: O) => Promise<void>): ScenarioEntry {
  return {
    usage,
    prepare: (argv) => {
      const options = parse(argv);
      return options === 'help' ? 'help' : () => run(options);
    },
  };
}

const SCENARIO_TABLE: Record<Scenario, ScenarioEntry> = {
  foundation: entry(USAGE, parseOptions, runFoundationBenchmark),
  cluster: entry(CLUSTER_USAGE, parseClusterOptions, runClusterBenchmark),
  large: entry(LARGE_USAGE, parseLargeOptions, runLargeBenchmark),
  replay: entry(REPLAY_USAGE, parseReplayOptions, runReplayBenchmark),
  parity: entry(PARITY_USAGE, parseParityOptions, runParityBenchmark),
  coldstart: entry(COLDSTART_USAGE, parseColdStartOptions, runColdStartBenchmark),
  penalties: entry(PENALTIES_USAGE, parsePenaltiesOptions, runPenaltiesBenchmark),
};

async function main(): Promise<void> {
  let usage = USAGE;
  let run: (() => Promise<void>) | 'help';
  try {
    const { scenario, rest } = scenarioOf(process.argv.slice(2));
    const selected = SCENARIO_TABLE[scenario];
    usage = selected.usage;
    run = selected.prepare(rest);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${usage}\n`);
    process.exitCode = 2;
    return;
  }
  if (run === 'help') {
    process.stdout.write(`${usage}\n`);
    return;
  }
  try {
    await run();
  } catch (err) {
    process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
