/**
 * `faast trace`: generate a synthetic trace calibrated to the Azure Functions blob trace 2020,
 * check any trace (the published CSV or ours) against the published figures, show its stats.
 */
import * as fs from 'node:fs';
import { type Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { ConfigError, formatBytes, parseBytes } from '@faast/core';
import {
  DEFAULT_TRACE_START_MS,
  MAX_GENERATED_APPS,
  TraceFormatError,
  TraceStatsCollector,
  evaluateTrace,
  formatTraceCheck,
  generateTrace,
  generatorHeader,
  readTrace,
  traceFileFormat,
  writeTrace,
  type TraceCheck,
  type TraceGeneratorParams,
  type TraceReader,
  type TraceRecord,
  type TraceStats,
} from '@faast/workload';
import { renderTable } from './table';

/** How the caller's usage errors are made (one line, exit code 2). */
type UsageErrorClass = new (message: string) => Error;

interface GenerateFlags {
  seed: string;
  apps: string;
  duration: string;
  start?: string;
  out?: string;
  check?: boolean;
  maxBlobBytes?: string;
  maxBlobsPerApp?: string;
  maxAccessesPerApp?: string;
  progress?: boolean;
}

export function registerTraceCommands(program: Command, UsageError: UsageErrorClass): void {
  const trace = program.command('trace').description('synthetic and recorded blob-access traces (Azure Functions blob trace 2020 format)');

  trace
    .command('generate')
    .description('generate a seeded trace calibrated to the published Azure figures')
    .option('--seed <n>', 'random seed; the same seed and options give the same trace', '1')
    .option('--apps <n>', 'applications in the population', '200')
    .option('--duration <time>', 'window length: 90s, 10m, 1h, 2d (per-app counts are per window)', '1h')
    .option('--start <time>', 'window start: ISO date or ms since 1970 (default 2020-11-23T00:00:00Z)')
    .option('--out <file>', 'FILE.jsonl, FILE.csv (Azure format), either + .gz, or - for JSONL on stdout')
    .option('--check', 'print the generated figures beside the published ones (calibrated, before caps)')
    .option('--max-blob-bytes <size>', 'for local replay: cap blob sizes, e.g. 1MiB')
    .option('--max-blobs-per-app <n>', 'for local replay: cap distinct blobs per app')
    .option('--max-accesses-per-app <n>', 'for local replay: cap accesses per app')
    .option('--no-progress', 'no progress bar')
    .action(async (flags: GenerateFlags) => {
      await runGenerate(flags, UsageError);
    });

  trace
    .command('check <file>')
    .description('a trace (Azure CSV or JSONL, plain or .gz) beside the published figures; exit 1 if a figure fails')
    .option('--lenient', 'skip malformed rows (counted) instead of stopping at the first')
    .option('--json', 'print the figures and statistics as JSON')
    .action(async (file: string, flags: { lenient?: boolean; json?: boolean }) => {
      const reader = readTrace(file, { strict: !flags.lenient });
      const check = evaluateTrace(await collect(reader, UsageError));
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ file, format: reader.format, header: reader.header, read: readReport(reader), ...check }, null, 2)}\n`);
      } else {
        process.stdout.write(`${describe(file, reader)}\n\n${formatTraceCheck(check)}\n`);
      }
      if (!check.passed) throw new Error(`${file}: ${check.failed.length} figure(s) outside the published ones`);
    });

  trace
    .command('stats <file>')
    .description('counts of a trace: records, apps, blobs, invocations, sizes, time span')
    .option('--lenient', 'skip malformed rows (counted) instead of stopping at the first')
    .option('--json', 'print JSON')
    .action(async (file: string, flags: { lenient?: boolean; json?: boolean }) => {
      const reader = readTrace(file, { strict: !flags.lenient });
      const stats = await collect(reader, UsageError);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ file, format: reader.format, header: reader.header, read: readReport(reader), stats }, null, 2)}\n`);
        return;
      }
      const time = (ms: number | undefined): string => (ms === undefined ? '-' : new Date(ms).toISOString());
      const n = (x: number): string => x.toLocaleString('en-US');
      const p = stats.sizes.percentiles;
      const size = (b: number | undefined): string => (b === undefined ? '-' : formatBytes(b));
      const rows: [string, string][] = [
        ['records', n(stats.records)],
        ['reads / writes', `${n(stats.reads)} / ${n(stats.writes)}`],
        ['apps', n(stats.apps)],
        ['distinct blobs (sum over apps)', n(stats.blobsPerApp.total)],
        ['invocations', n(stats.invocations)],
        ['first access', time(stats.firstMs)],
        ['last access', time(stats.lastMs)],
        ['size p50 / p99 / max', `${size(p['p50'])} / ${size(p['p99'])} / ${size(p['max'])}`],
        ['accesses without a size', n(stats.unknownSize)],
        ['records out of time order', n(stats.outOfOrder)],
      ];
      process.stdout.write(`${describe(file, reader)}\n\n${renderTable(['', 'value'], rows)}\n`);
    });
}

function readReport(reader: TraceReader): { records: number; skipped: number; errors: string[] } {
  return { records: reader.report.records, skipped: reader.report.skipped, errors: reader.report.errors.map((e) => e.message) };
}

/** One or two lines about the file: its format, the generator's parameters, skipped rows. */
function describe(file: string, reader: TraceReader): string {
  const lines = [`${file}: ${reader.format === 'jsonl' ? 'faast JSONL trace' : 'Azure Functions blob trace CSV'}, ${reader.report.records.toLocaleString('en-US')} records`];
  if (reader.header) {
    const { format: _format, version: _version, ...params } = reader.header;
    if (Object.keys(params).length > 0) lines.push(`  header: ${Object.entries(params).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ')}`);
  }
  if (reader.report.skipped > 0) {
    lines.push(`  skipped ${reader.report.skipped.toLocaleString('en-US')} malformed row(s); first: ${reader.report.errors.map((e) => e.message).join(' | ')}`);
  }
  return lines.join('\n');
}

/** Reads the whole trace into the statistics; input problems become one-line usage errors. */
async function collect(reader: TraceReader, UsageError: UsageErrorClass): Promise<TraceStats> {
  const collector = new TraceStatsCollector();
  try {
    for await (const r of reader) collector.add(r);
  } catch (err) {
    throw inputError(err, reader.source, UsageError);
  }
  return collector.finish();
}

/** A file that cannot be read (or written) as one line naming it; other errors unchanged. */
function inputError(err: unknown, file: string, UsageError: UsageErrorClass, writing = false): unknown {
  if (err instanceof TraceFormatError) return new UsageError(err.message);
  const code = (err as NodeJS.ErrnoException).code;
  const problem = code === 'ENOENT' ? (writing ? 'no such directory' : 'no such file') : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : undefined;
  return problem === undefined ? err : new UsageError(`${writing ? 'cannot write ' : ''}${file}: ${problem}`);
}

function whole(value: string | undefined, flag: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new ConfigError(flag, `'${value}' is not a whole number in [${min}, ${max}]`);
  return n;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `10m`, `1.5h`, `2d`, or plain milliseconds. */
export function parseDuration(value: string, flag = '--duration'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(value);
  const ms = m ? Math.round(Number(m[1]) * UNIT_MS[m[2] ?? 'ms']!) : NaN;
  if (!Number.isSafeInteger(ms)) throw new ConfigError(flag, `'${value}' is not a duration (examples: 90s, 10m, 1h, 2d)`);
  if (ms < 1000) throw new ConfigError(flag, `'${value}' is shorter than 1 s`);
  return ms;
}

function parseStart(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TRACE_START_MS;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isSafeInteger(ms) || ms < 0) throw new ConfigError('--start', `'${value}' is not a date (ISO, e.g. 2020-11-23T00:00:00Z) or ms since 1970`);
  return ms;
}

const formatDuration = (ms: number): string =>
  ms % 86_400_000 === 0 ? `${ms / 86_400_000} d` : ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`;

async function runGenerate(flags: GenerateFlags, UsageError: UsageErrorClass): Promise<void> {
  const params: TraceGeneratorParams = {
    seed: whole(flags.seed, '--seed', 0, 2 ** 32 - 1)!,
    apps: whole(flags.apps, '--apps', 1, MAX_GENERATED_APPS)!,
    durationMs: parseDuration(flags.duration),
    startMs: parseStart(flags.start),
    maxBlobBytes: flags.maxBlobBytes === undefined ? undefined : parseBytes(flags.maxBlobBytes, '--max-blob-bytes'),
    maxBlobsPerApp: whole(flags.maxBlobsPerApp, '--max-blobs-per-app', 1),
    maxAccessesPerApp: whole(flags.maxAccessesPerApp, '--max-accesses-per-app', 1),
  };
  const out = flags.out;
  if (out === undefined && !flags.check) throw new ConfigError('--out', 'is required (a .jsonl, .csv, .jsonl.gz or .csv.gz file, or -), unless --check only');
  const toStdout = out === '-';
  const fileFormat = out === undefined || toStdout ? undefined : traceFileFormat(out);
  if (out !== undefined && !toStdout && fileFormat === undefined) {
    throw new ConfigError('--out', `'${out}' must end in .jsonl, .csv, .jsonl.gz or .csv.gz (or be - for JSONL on stdout)`);
  }
  const capped = params.maxBlobBytes !== undefined || params.maxBlobsPerApp !== undefined || params.maxAccessesPerApp !== undefined;
  // Tables go to stderr when the trace itself goes to stdout.
  const report = toStdout ? process.stderr : process.stdout;
  const started = performance.now();
  const window = `seed ${params.seed}, ${params.apps} apps, ${formatDuration(params.durationMs)} from ${new Date(params.startMs!).toISOString()}`;

  let written: TraceCheck | undefined;
  if (out !== undefined) {
    const collector = flags.check ? new TraceStatsCollector() : undefined;
    const showBar = !toStdout && flags.progress !== false && process.stderr.isTTY === true;
    const bar = showBar
      ? new SingleBar({ format: '  generating [{bar}] {percentage}% of the window | {records} records', hideCursor: true, clearOnComplete: true }, Presets.shades_classic)
      : undefined;
    const seconds = Math.ceil(params.durationMs / 1000);
    bar?.start(seconds, 0, { records: 0 });
    const records = function* (): Generator<TraceRecord> {
      for (const r of generateTrace(params)) {
        collector?.add(r);
        yield r;
      }
    };
    let result;
    try {
      result = await writeTrace(records(), toStdout ? process.stdout : out, {
        format: fileFormat?.format ?? 'jsonl',
        gzip: fileFormat?.gzip ?? false,
        header: generatorHeader(params),
        end: !toStdout,
        onProgress: (n, last) => bar?.update(last ? Math.min(seconds, Math.floor((last.timestampMs - params.startMs!) / 1000)) : seconds, { records: n.toLocaleString('en-US') }),
      });
    } catch (err) {
      // A reader that stops early (e.g. `| head`) is not an error.
      if (toStdout && (err as NodeJS.ErrnoException).code === 'EPIPE') return;
      throw inputError(err, out, UsageError, true);
    } finally {
      bar?.stop();
    }
    const wallS = ((performance.now() - started) / 1000).toFixed(1);
    if (!toStdout) {
      const size = formatBytes(fs.statSync(out).size);
      report.write(`Generated ${result.records.toLocaleString('en-US')} records (${window}) → ${out} (${size}, ${wallS} s).\n`);
    }
    written = collector ? evaluateTrace(collector.finish()) : undefined;
  }
  if (!flags.check) return;

  // The calibrated figures are those of the uncapped population; with caps, it is generated
  // again without them (same seed: the same apps) and the written trace is shown beside.
  let calibrated = written;
  if (calibrated === undefined || capped) {
    const collector = new TraceStatsCollector();
    for (const r of generateTrace({ ...params, maxBlobBytes: undefined, maxBlobsPerApp: undefined, maxAccessesPerApp: undefined })) collector.add(r);
    calibrated = evaluateTrace(collector.finish());
  }
  const table = formatTraceCheck(calibrated, {
    label: 'generated',
    compare: capped && written ? { label: 'written (capped)', check: written } : undefined,
  });
  report.write(`\nFigures of the generated population (${window}, ${calibrated.stats.records.toLocaleString('en-US')} accesses${capped ? ', before the caps' : ''}):\n\n${table}\n`);
  if (params.apps < 100) report.write('Note: the generator is calibrated on populations of 200 apps; with fewer than ~100, the per-access figures rest on a handful of large apps and may stray.\n');
  if (!calibrated.passed) throw new Error(`the generated trace fails ${calibrated.failed.length} figure(s)`);
}
