/**
 * `faast replay TRACE`: a blob-access trace (a file, or `generate:...` for the generator) run
 * through the local serverless runner against the embedded S3 emulator with the remote profile,
 * once per baseline — no cache, a Redis look-aside cache, Faa$T — and compared side by side.
 * Prints the tables and writes report.json and report.html.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { ConfigError, formatBytes, parseBytes } from '@faast/core';
import { NO_LATENCY_PROFILE, S3_STANDARD_PROFILE } from '@faast/emulator';
import {
  DEFAULT_MAX_INVOCATIONS,
  DEFAULT_MAX_OBJECT_BYTES,
  GENERATE_PREFIX,
  REPLAY_DEFAULTS,
  ReplayError,
  ReplayLimitError,
  TraceFormatError,
  TraceSpecError,
  checkRedis,
  formatDuration,
  prepareReplay,
  renderReplayHtml,
  runReplay,
  traceSource,
  validateBaselines,
  type Baseline,
  type PreparedReplay,
  type AppSelection,
  type ReplayProgress,
  type ReplayReport,
} from '@faast/workload';
import { formatReplayTables } from './replay-table';

/** How the caller's usage errors are made (one line, exit code 2). */
type UsageErrorClass = new (message: string) => Error;

export interface ReplayFlags {
  apps?: string;
  select: AppSelection;
  speed: string;
  baseline: string;
  cachelet: 'embedded' | 'sidecar';
  maxObject: string;
  maxInvocations: string;
  profile: 's3-standard' | 'none';
  concurrency: string;
  maxInstances: string;
  out?: string;
  redis: string;
  redisTtl: string;
  progress: boolean;
  warmup: boolean;
}

const HELP_AFTER = `
TRACE is a trace file (the Azure Functions blob trace CSV, or a faast JSONL trace; plain or .gz),
or a generated population: generate:seed=N,apps=M,duration=10m (also maxBlobBytes=SIZE,
maxBlobsPerApp=N, maxAccessesPerApp=N, start=MS; defaults seed=1, apps=50, duration=10m).

Each baseline runs on a fresh emulated origin seeded with every blob the apps read:
  none   every read is a GetObject from S3
  redis  a look-aside cache on Redis (GET; on a miss GetObject + SET with --redis-ttl; writes DEL)
  faast  the S3 client wrapped with withFaast, a cachelet per instance (--cachelet)
Invocations start at their trace time divided by --speed, overlapping as in the trace.

Examples:
  faast replay generate:seed=7,apps=40,duration=10m --apps 5 --speed 20
  faast replay azurefunctions-accesses-2020.csv.gz --apps 10 --speed 60 --baseline none,faast`;

export function registerReplayCommand(program: Command, UsageError: UsageErrorClass): void {
  program
    .command('replay <trace>')
    .description('replay a blob-access trace against the emulated S3 origin: no cache, Redis look-aside, Faa$T, side by side')
    .option('--apps <n>', 'replay only N apps of the trace (see --select); default all')
    .addOption(
      new Option('--select <how>', 'which apps --apps keeps: most accesses, first seen, or most re-reads (reads of a blob read before)')
        .choices(['busiest', 'first', 'rereaders'])
        .default('busiest'),
    )
    .option('--speed <x>', 'trace time per replay time: 60 = one minute of trace per second', '1')
    .option('--baseline <list>', 'baselines to run, comma-separated: none, redis, faast', 'none,redis,faast')
    .addOption(new Option('--cachelet <mode>', "the faast baseline's cachelets").choices(['embedded', 'sidecar']).default('embedded'))
    .option('--max-object <size>', 'larger blobs are replayed at this size (counted in the report)', `${DEFAULT_MAX_OBJECT_BYTES / 2 ** 20}MiB`)
    .option('--max-invocations <n>', 'refuse to replay more invocations than this', String(DEFAULT_MAX_INVOCATIONS))
    .addOption(new Option('--profile <name>', 'the origin: s3-standard (15 ms first byte, 90 MB/s) or none (no added latency)').choices(['s3-standard', 'none']).default('s3-standard'))
    .option('--concurrency <n>', 'per app: invocations per instance before another starts', String(REPLAY_DEFAULTS.concurrency))
    .option('--max-instances <n>', 'per app: most instances at once', String(REPLAY_DEFAULTS.maxInstances))
    .option('--out <dir>', 'where report.json and report.html go (default ./replay-results/<timestamp>/)')
    .option('--redis <url>', 'the Redis of the redis baseline', REPLAY_DEFAULTS.redisUrl)
    .option('--redis-ttl <seconds>', 'TTL of what the redis baseline stores', String(REPLAY_DEFAULTS.redisTtlSeconds))
    .option('--no-warmup', 'start every app cold (default: one ready instance per app before the clock starts; caches empty)')
    .option('--no-progress', 'no progress bars (they are shown only on a terminal anyway)')
    .addHelpText('after', HELP_AFTER)
    .action(async (trace: string, flags: ReplayFlags) => {
      await runReplayCommand(trace, flags, UsageError);
    });
}

function whole(value: string, flag: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) throw new ConfigError(flag, `'${value}' is not a whole number ≥ ${min}`);
  return n;
}

function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0)) throw new ConfigError(flag, `'${value}' is not a positive number`);
  return n;
}

/** `replay-results/2025-06-01T10-22-33Z` (a name without colons). */
export function defaultOutDir(now = new Date()): string {
  return path.join('replay-results', now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-'));
}

/** The command's options checked, before anything runs. */
export function parseReplayFlags(flags: ReplayFlags) {
  let baselines: Baseline[];
  try {
    baselines = validateBaselines(flags.baseline.split(',').map((b) => b.trim()).filter((b) => b !== ''));
  } catch (err) {
    throw new ConfigError('--baseline', (err as Error).message);
  }
  return {
    apps: flags.apps === undefined ? undefined : whole(flags.apps, '--apps', 1),
    select: flags.select,
    speed: positive(flags.speed, '--speed'),
    baselines,
    cachelet: flags.cachelet,
    maxObjectBytes: parseBytes(flags.maxObject, '--max-object'),
    maxInvocations: whole(flags.maxInvocations, '--max-invocations', 1),
    profile: flags.profile === 'none' ? NO_LATENCY_PROFILE : S3_STANDARD_PROFILE,
    concurrency: whole(flags.concurrency, '--concurrency', 1),
    maxInstances: whole(flags.maxInstances, '--max-instances', 1),
    out: flags.out ?? defaultOutDir(),
    redisUrl: flags.redis,
    redisTtlSeconds: whole(flags.redisTtl, '--redis-ttl', 1),
    progress: flags.progress !== false && process.stderr.isTTY === true,
    warmup: flags.warmup !== false,
  };
}

async function runReplayCommand(trace: string, flags: ReplayFlags, UsageError: UsageErrorClass): Promise<void> {
  const o = parseReplayFlags(flags);
  if (o.maxObjectBytes < 1) throw new ConfigError('--max-object', 'must be at least 1 byte');
  if (!trace.startsWith(GENERATE_PREFIX)) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(trace);
    } catch {
      throw new UsageError(`${trace}: no such file (or give generate:seed=N,apps=M,duration=10m)`);
    }
    if (stat.isDirectory()) throw new UsageError(`${trace}: is a directory`);
  }
  // Before the (possibly long) preparation: an unreachable Redis is a usage error.
  if (o.baselines.includes('redis')) {
    try {
      await checkRedis(o.redisUrl);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }

  const err = process.stderr;
  let prepared: PreparedReplay;
  try {
    const source = traceSource(trace);
    let lastShown = 0;
    prepared = await prepareReplay(source, {
      ...(o.apps !== undefined ? { apps: o.apps } : {}),
      select: o.select,
      maxObjectBytes: o.maxObjectBytes,
      maxInvocations: o.maxInvocations,
      onProgress: ({ pass, records }) => {
        if (!o.progress || Date.now() - lastShown < 200) return;
        lastShown = Date.now();
        err.write(`\r  reading the trace (${pass === 'select' ? 'choosing apps' : 'grouping invocations'}): ${records.toLocaleString('en-US')} records`);
      },
    });
    if (o.progress && lastShown > 0) err.write('\r\x1b[K');
  } catch (e) {
    if (e instanceof TraceFormatError || e instanceof ReplayLimitError || e instanceof TraceSpecError || e instanceof RangeError) throw new UsageError(e.message);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw new UsageError(`${trace}: ${(e as Error).message}`);
    throw e;
  }
  if (prepared.invocations.length === 0) throw new UsageError(`${trace}: no invocation to replay (no read or write in the selected apps)`);

  err.write(`${describePrepared(prepared, o.speed, o.apps, o.select)}\n`);
  const controller = new AbortController();
  const onSignal = (): void => {
    err.write('\ninterrupted: stopping the replay and cleaning up…\n');
    controller.abort(new Error('interrupted'));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const bars = progressBars(o.progress);
  let report: ReplayReport;
  try {
    report = await runReplay(prepared, {
      baselines: o.baselines,
      speed: o.speed,
      cachelet: o.cachelet,
      profile: o.profile,
      redisUrl: o.redisUrl,
      redisTtlSeconds: o.redisTtlSeconds,
      concurrency: o.concurrency,
      maxInstances: o.maxInstances,
      warmup: o.warmup,
      selection: o.apps === undefined ? 'all' : `${o.apps} ${o.select}`,
      onProgress: bars.update,
      signal: controller.signal,
    });
  } catch (e) {
    if (controller.signal.aborted) throw interrupted();
    if (e instanceof ReplayError) throw new UsageError(e.message);
    throw e;
  } finally {
    bars.stop();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
  if (controller.signal.aborted) throw interrupted();

  fs.mkdirSync(o.out, { recursive: true });
  const jsonPath = path.join(o.out, 'report.json');
  const htmlPath = path.join(o.out, 'report.html');
  fs.writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(htmlPath, renderReplayHtml(report));
  const out = [formatReplayTables(report), ...failureLines(report), '', `report: ${jsonPath}`, `        ${htmlPath}`];
  process.stdout.write(`${out.join('\n')}\n`);
}

/** What is about to run, on stderr. */
/** Stopped by a signal: exit code 130, as a shell reports an interrupted command. */
function interrupted(): Error {
  return Object.assign(new Error('interrupted; everything it started was stopped'), { exitCode: 130 });
}

function describePrepared(p: PreparedReplay, speed: number, apps: number | undefined, select: AppSelection): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const lines = [
    `Replaying ${n(p.apps.length)} of ${n(p.traceApps)} apps${apps === undefined ? '' : ` (the ${{ first: 'first', busiest: 'busiest', rereaders: 'most re-reading' }[select]} ${n(apps)})`}: ` +
      `${n(p.invocations.length)} invocations, ${n(p.reads)} reads and ${n(p.writes)} writes over ${formatDuration(p.spanMs)} of trace, ` +
      `${speed}× speed (about ${formatDuration(p.spanMs / speed)} per baseline).`,
    `  origin seeded with ${n(p.seedObjects)} objects (${formatBytes(p.seedBytes)}) per baseline.`,
  ];
  if (p.capped.accesses > 0) lines.push(`  ${n(p.capped.accesses)} accesses of ${n(p.capped.blobs)} blobs capped to ${formatBytes(p.maxObjectBytes)} (--max-object).`);
  if (p.unknownSizes > 0) lines.push(`  ${n(p.unknownSizes)} accesses without a size in the trace (replayed at the blob's last known size, else 1 KiB).`);
  return lines.join('\n');
}

function failureLines(report: ReplayReport): string[] {
  const lines: string[] = [];
  for (const b of report.baselines) {
    if (b.overall.failed === 0) continue;
    const first = b.errors?.[0];
    lines.push(`${b.baseline}: ${b.overall.failed.toLocaleString('en-US')} invocation(s) failed${first ? `; first error (${first.count}×): ${first.error.split('\n')[0]}` : ''}`);
  }
  return lines.length ? ['', ...lines] : [];
}

/** One progress bar per baseline on stderr (a terminal only), seeding then invocations. */
function progressBars(enabled: boolean): { update: (p: ReplayProgress) => void; stop: () => void } {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  let bar: SingleBar | undefined;
  let current: string | undefined;
  const stop = (): void => {
    bar?.stop();
    bar = undefined;
  };
  return {
    update(p) {
      const key = `${p.baseline}/${p.phase === 'seeding' ? 'seeding' : 'running'}`;
      if (p.phase === 'done') {
        bar?.update(p.done, { failedText: p.failed > 0 ? `, ${p.failed} failed` : '' });
        stop();
        current = undefined;
        return;
      }
      if (key !== current) {
        stop();
        current = key;
        const what = p.phase === 'seeding' ? 'objects seeded' : 'invocations';
        bar = new SingleBar(
          { format: `  ${p.baseline.padEnd(5)} [{bar}] {value}/{total} ${what}{failedText}`, hideCursor: true, etaBuffer: 50 },
          Presets.shades_classic,
        );
        bar.start(Math.max(1, p.total), 0, { failedText: '' });
      }
      bar?.update(p.done, { failedText: p.failed > 0 ? `, ${p.failed} failed` : '' });
    },
    stop,
  };
}
