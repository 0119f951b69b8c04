/**
 * `npm run bench -- large` — reading one large object (256 MiB; 64 MiB with `--quick`) from
 * the emulated origin (15 ms to first byte, 90 MB/s per connection): with the plain S3 client
 * over one connection, and through 1, 2 and 4 fresh cachelets — cold (their chunks come from
 * the origin, a window of them in parallel, each chunk by its owner), then warm (the same read
 * again). The whole set is run R times and the median of each figure is reported, with the
 * ratios to the single stream, peak RSS and CPU of every process, and the copies each byte
 * goes through. Prints tables and writes JSON (bench-results/large.json).
 *
 *   node packages/bench/dist/main.js large [--quick] [--runs N] [--size BYTES] [--cachelets 1,2,4] [--read-ahead N] [--hash sha256|crc32] [--json PATH]
 */
import { resultsPath, wholeNumber } from './args';
import { Abortable, Cleanup as Closers } from './cleanup';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { renderTable } from '@faast/cli';
import { formatBytes, parseBytes, resolveCacheletConfig } from '@faast/core';
import { S3_STANDARD_PROFILE } from '@faast/emulator';
import type { FaastEvent } from '@faast/s3';
import {
  COPIES,
  copiesPerByte,
  LARGE_BUCKET,
  isPlain,
  measureRead,
  modelMs,
  OriginProcess,
  putLargeObject,
  ReaderProcess,
  resetPeakRss,
  startLargeGroup,
  type LargeGroup,
  type LargeObject,
  type ReadContext,
  type ReadFigures,
  type ReadKind,
} from './large';
import { STALL_MS, StallError, type HashAlgorithm } from './large-reader';
import { median } from './measure';
import { machineLine, watchMachine } from './machine';

/** Options of {@link runLargeBenchmark}. */
export interface LargeBenchOptions {
  /** Times the whole set of reads is run; figures are medians over runs. Default 3 (1 with `--quick`). */
  runs: number;
  /**
   * Warm reads in each run, through the same cachelets after the cold read; each is a sample
   * of the warm rows (a warm cache serves many reads: the median is its steady state, the
   * first one included). Default 3 (1 with `--quick`).
   */
  warmReads: number;
  /** Size of the object, bytes. Default 256 MiB (64 MiB with `--quick`). */
  sizeBytes: number;
  /** Cluster sizes of the cachelet rows. Default 1, 2, 4. */
  cachelets: number[];
  /** `--read-ahead` of the cachelets; undefined: the daemon's default. */
  readAhead: number | undefined;
  /** How bodies are hashed as they stream. Default sha256. */
  hash: HashAlgorithm;
  /** Where the JSON goes. Default `bench-results/large.json` at the repository root. */
  jsonPath: string;
  quick: boolean;
}

export const LARGE_USAGE = `usage: node packages/bench/dist/main.js large [options]
  --quick           short smoke run (1 run, a 64 MiB object)
  --runs N          repeat the whole set of reads N times, report medians (default 3; 1 with --quick)
  --warm-reads N    warm reads per run through the same cachelets, each a sample of the warm rows (default 3; 1 with --quick)
  --size BYTES      size of the object, e.g. 256MiB (default 256MiB; 64MiB with --quick; more than one chunk, 8 MiB)
  --cachelets LIST  cluster sizes of the cachelet rows, e.g. 1,2,4 (default 1,2,4)
  --read-ahead N    chunks each cachelet fetches in parallel (default: the daemon's, 4)
  --hash ALG        sha256 (default) or crc32: how every body is hashed as it streams
  --json PATH       where to write the results (default bench-results/large.json at the repo root)
  --help            this text`;

/** The targets the report is checked against. */
export const LARGE_TARGETS = {
  /** Cold read through 4 cachelets / the single stream. */
  coldOverSingle: 3.5,
  coldCachelets: 4,
  /** Warm read, MB/s (10^6 B/s), on loopback. */
  warmMBps: 1000,
} as const;


/** Parses the options after `large`; throws with a message naming the bad option. */
export function parseLargeOptions(argv: string[]): LargeBenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      'warm-reads': { type: 'string' },
      size: { type: 'string' },
      cachelets: { type: 'string' },
      'read-ahead': { type: 'string' },
      hash: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const quick = values.quick ?? false;
  const chunkBytes = resolveCacheletConfig().chunkBytes;
  let sizeBytes = quick ? 64 * 2 ** 20 : 256 * 2 ** 20;
  if (values.size !== undefined) {
    sizeBytes = parseBytes(values.size, '--size');
    if (sizeBytes <= chunkBytes || sizeBytes > 4 * 2 ** 30) throw new Error(`--size: expected more than ${formatBytes(chunkBytes)} (one chunk) and at most 4 GiB, got '${values.size}'`);
  }
  const cachelets = values.cachelets === undefined ? [1, 2, 4] : values.cachelets.split(',').map((s) => wholeNumber('cachelets', s.trim(), 0, 1, 16));
  if (cachelets.length === 0) throw new Error('--cachelets: expected a list such as 1,2,4');
  const hash = values.hash ?? 'sha256';
  if (hash !== 'sha256' && hash !== 'crc32') throw new Error(`--hash: expected sha256 or crc32, got '${hash}'`);
  return {
    quick,
    runs: wholeNumber('runs', values.runs, quick ? 1 : 3, 1, 1000),
    warmReads: wholeNumber('warm-reads', values['warm-reads'], quick ? 1 : 3, 1, 100),
    sizeBytes,
    cachelets,
    readAhead: values['read-ahead'] === undefined ? undefined : wholeNumber('read-ahead', values['read-ahead'], 0, 1, 999),
    hash,
    jsonPath: resultsPath(values.json, 'large'),
  };
}

// ---------------------------------------------------------------------------------------------
// Summary

/** Everything one run measured. */
export interface LargeRunFigures {
  /** 1-based. */
  run: number;
  startedAt: string;
  reads: ReadFigures[];
}

/**
 * A read that did not measure what its row says, and was tried again: it stalled (no byte for
 * {@link STALL_MS}: abandoned), or it did not go through the cache (the interceptor bypassed it).
 */
export interface StallRecord {
  failure: 'stall' | 'bypassed';
  run: number;
  kind: ReadKind;
  cachelets: number;
  /** 1-based attempt of this read in this run. */
  attempt: number;
  /** Body bytes the reader had received. */
  bytes: number;
  /** When the last byte came, ms after send(). */
  lastByteMs: number;
  /** Bytes n0 had pulled from its body generator (its bytesServed counter) — where its writer stopped. */
  n0BytesServed: number | undefined;
  /** n0BytesServed as chunk index and offset into that chunk. */
  chunkIndex: number | undefined;
  offsetInChunk: number | undefined;
}

/** A cachelet read that the interceptor sent to the origin instead (n0 counted no chunked read). */
class BypassedRead extends Error {
  constructor(readonly figures: ReadFigures) {
    super('the read did not go through the cache');
  }
}

/** Attempts of one read (a stalled cold read is retried on fresh cachelets, a stalled warm read on the same). */
const MAX_ATTEMPTS = 3;

/** One row: medians over its samples (one read per run; warm rows: `warmReads` per run). */
export interface LargeSummaryRow {
  id: string;
  kind: ReadKind;
  cachelets: number;
  mbPerSec: number;
  /** The first read of the row in each run, median (for warm rows: the read right after the cold one). */
  firstReadMBps: number;
  ms: number;
  firstByteMs: number;
  /** This row's MB/s / the single stream's of the same run, median over the samples. */
  overSingle: number;
  /** (max − min) / median of MB/s over the samples, percent. */
  spreadPct: number;
  /** Reads that measured this row (a read that stalled in every attempt is missing). */
  samples: number;
  originRequests: number;
  originBytesOut: number;
  readerPeakRssBytes: number;
  readerRssBeforeBytes: number;
  /** The reading cachelet's peak RSS during the read. */
  n0PeakRssBytes: number;
  /** The largest peak RSS of the other cachelets. */
  othersPeakRssBytes: number;
  /** Sum of the cachelets' peak RSS. */
  daemonsPeakRssSumBytes: number;
  /** Bytes held by the cachelets after the read. */
  heldBytes: number;
  cpuMs: { reader: number; daemons: number; origin: number };
  /** The reader's GC pauses during the read, ms. */
  readerGcMs: number;
  /** Object MB / (CPU seconds of every process of the read / vCPUs): the most the machine allows at this CPU cost per byte. */
  cpuBoundMBps: number;
  /** Object MB / reader CPU seconds: what the reader could do with a whole vCPU to itself (its client path, GC and hash). */
  readerBoundMBps: number;
  /** CPU time of every process / (wall time × vCPUs), percent. */
  cpuUsePct: number;
  /** CPU time of other processes on the machine during the read (other work on the box), and time stolen by the hypervisor, ms. */
  othersCpuMs: number;
  stealMs: number;
  /** Chunks n0 took itself (store or origin) and from peers. */
  chunksLocal: number;
  chunksFromPeers: number;
  /** Bytes through read/write system calls per object byte, measured: the reader and the cachelets (the origin's own excluded). */
  syscallBytesPerByte: { reader: number; daemons: number };
  /** From the code path, weighted by where the chunks came from. */
  copies: { kernel: number; user: number };
}

export interface LargeSummary {
  rows: LargeSummaryRow[];
  /** Model ceilings (origin-bound), MB/s and ratios. */
  model: { directMBps: number; coldMBps: number; coldOverSingle: number; window: number; chunkBytes: number };
}

function rowId(kind: ReadKind, cachelets: number): string {
  return isPlain(kind) ? kind : `${kind}|${cachelets}`;
}

const sumOf = (xs: Array<number | undefined>): number => xs.reduce<number>((a, x) => a + (x ?? Number.NaN), 0);

/** Medians over each row's samples of every figure; ratios to the single stream of the same run, then the median. */
export function summarizeLarge(runs: LargeRunFigures[], options: Pick<LargeBenchOptions, 'cachelets' | 'sizeBytes'>, window: number, chunkBytes: number, cpus: number): LargeSummary {
  const ids: Array<{ kind: ReadKind; cachelets: number }> = [
    { kind: 'direct', cachelets: 0 },
    { kind: 'ranged', cachelets: 0 },
  ];
  for (const kind of ['cold', 'warm'] as const) for (const n of options.cachelets) ids.push({ kind, cachelets: n });
  const reads = (r: LargeRunFigures, id: string): ReadFigures[] => r.reads.filter((f) => rowId(f.kind, f.cachelets) === id);
  const rows: LargeSummaryRow[] = [];
  for (const { kind, cachelets } of ids) {
    const id = rowId(kind, cachelets);
    const figs = runs.flatMap((r) => reads(r, id));
    if (figs.length === 0) continue;
    const m = (f: (x: ReadFigures) => number | undefined): number => median(figs.map((x) => f(x) ?? Number.NaN));
    const rates = figs.map((f) => f.mbPerSec);
    const mid = median(rates);
    rows.push({
      id,
      kind,
      cachelets,
      mbPerSec: mid,
      firstReadMBps: median(runs.flatMap((r) => reads(r, id).slice(0, 1).map((f) => f.mbPerSec))),
      ms: m((f) => f.ms),
      firstByteMs: m((f) => f.firstByteMs),
      overSingle: median(runs.flatMap((r) => reads(r, id).map((f) => f.mbPerSec / (reads(r, 'direct')[0]?.mbPerSec ?? Number.NaN)))),
      spreadPct: (100 * (Math.max(...rates) - Math.min(...rates))) / mid,
      samples: figs.length,
      originRequests: m((f) => f.origin.requests),
      originBytesOut: m((f) => f.origin.bytesOut),
      readerPeakRssBytes: m((f) => f.reader.peakRssBytes),
      readerRssBeforeBytes: m((f) => f.reader.rssBeforeBytes),
      n0PeakRssBytes: m((f) => f.daemons[0]?.peakRssBytes),
      othersPeakRssBytes: m((f) => (f.daemons.length > 1 ? Math.max(...f.daemons.slice(1).map((d) => d.peakRssBytes ?? Number.NaN)) : undefined)),
      daemonsPeakRssSumBytes: m((f) => (f.daemons.length ? sumOf(f.daemons.map((d) => d.peakRssBytes)) : undefined)),
      heldBytes: m((f) => (f.heldBytes.length ? f.heldBytes.reduce((a, b) => a + b, 0) : undefined)),
      cpuMs: {
        reader: m((f) => f.reader.cpuMs),
        daemons: m((f) => sumOf(f.daemons.map((d) => d.cpuMs))),
        origin: m((f) => f.originProcess.cpuMs),
      },
      readerGcMs: m((f) => f.readerGc.ms),
      cpuBoundMBps: m((f) => f.bytes / 1e6 / (sumOf([f.reader.cpuMs, f.originProcess.cpuMs, ...f.daemons.map((d) => d.cpuMs)]) / 1000 / cpus)),
      readerBoundMBps: m((f) => f.bytes / 1e6 / ((f.reader.cpuMs ?? Number.NaN) / 1000)),
      cpuUsePct: m((f) => (100 * sumOf([f.reader.cpuMs, f.originProcess.cpuMs, ...f.daemons.map((d) => d.cpuMs)])) / (f.ms * cpus)),
      othersCpuMs: m((f) => f.machine?.othersMs),
      stealMs: m((f) => f.machine?.stealMs),
      chunksLocal: m((f) => f.chunks.local),
      chunksFromPeers: m((f) => f.chunks.fromPeers),
      syscallBytesPerByte: {
        reader: m((f) => sumOf([f.reader.rcharBytes, f.reader.wcharBytes]) / f.bytes),
        daemons: m((f) => sumOf(f.daemons.flatMap((d) => [d.rcharBytes, d.wcharBytes])) / f.bytes),
      },
      copies: {
        kernel: m((f) => copiesPerByte(f.kind, f.chunks).kernel),
        user: m((f) => copiesPerByte(f.kind, f.chunks).user),
      },
    });
  }
  const directMs = modelMs('direct', options.sizeBytes, chunkBytes, window, S3_STANDARD_PROFILE);
  const coldMs = modelMs('cold', options.sizeBytes, chunkBytes, window, S3_STANDARD_PROFILE);
  return {
    rows,
    model: {
      directMBps: options.sizeBytes / 1e3 / directMs,
      coldMBps: options.sizeBytes / 1e3 / coldMs,
      coldOverSingle: directMs / coldMs,
      window,
      chunkBytes,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering

const fmt = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '-');
const ratio = (n: number): string => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '-');
const mib = (n: number): string => (Number.isFinite(n) ? `${(n / 2 ** 20).toFixed(0)} MiB` : '-');
const secs = (ms: number): string => (!Number.isFinite(ms) ? '-' : ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);

function label(r: LargeSummaryRow): string {
  if (r.kind === 'direct') return 'single stream (plain S3Client)';
  if (r.kind === 'ranged') return "no cache: a cold read's GETs";
  return `${r.kind}, ${r.cachelets} cachelet${r.cachelets > 1 ? 's' : ''}`;
}

/** The printed tables, targets and legend. */
export function renderLarge(summary: LargeSummary, options: LargeBenchOptions, object: LargeObject, hashMBps: number, cpus: number, stalls: readonly StallRecord[]): string {
  const { rows, model } = summary;
  const runs = options.runs;
  const expected = (r: LargeSummaryRow): number => runs * (r.kind === 'warm' ? options.warmReads : 1);
  const throughput = renderTable(
    ['read', 'MB/s', 'time', 'first byte', '× single stream', 'origin GETs', 'origin bytes out', 'MB/s spread'],
    rows.map((r) => [
      label(r),
      fmt(r.mbPerSec, 1),
      secs(r.ms),
      secs(r.firstByteMs),
      ratio(r.overSingle),
      fmt(r.originRequests),
      mib(r.originBytesOut),
      `${r.samples > 1 ? `${r.spreadPct.toFixed(0)} %` : '-'}${r.samples < expected(r) ? ` (${r.samples} of ${expected(r)} reads)` : ''}`,
    ]),
  );
  const memory = renderTable(
    ['read', 'reader peak RSS', 'reader RSS before', 'n0 peak RSS', 'others peak RSS (max)', 'cachelets peak RSS (sum)', 'held in stores', 'CPU s reader / cachelets / origin', 'reader GC pauses', 'reader-bound MB/s', 'CPU-bound MB/s', `CPU use of ${cpus} vCPUs`, 'other processes CPU s'],
    rows.map((r) => [
      label(r),
      mib(r.readerPeakRssBytes),
      mib(r.readerRssBeforeBytes),
      mib(r.n0PeakRssBytes),
      mib(r.othersPeakRssBytes),
      mib(r.daemonsPeakRssSumBytes),
      mib(r.heldBytes),
      `${(r.cpuMs.reader / 1000).toFixed(2)} / ${(r.cpuMs.daemons / 1000).toFixed(2)} / ${(r.cpuMs.origin / 1000).toFixed(2)}`,
      secs(r.readerGcMs),
      fmt(r.readerBoundMBps, 0),
      fmt(r.cpuBoundMBps, 0),
      `${r.cpuUsePct.toFixed(0)} %`,
      Number.isFinite(r.othersCpuMs) ? (r.othersCpuMs / 1000).toFixed(2) : '-',
    ]),
  );
  const copies = renderTable(
    ['read', 'chunks: n0 itself / from peers', 'syscall bytes per byte: reader + cachelets (measured)', 'kernel copies (path)', 'user-space copies (path)', 'copies per byte (path)'],
    rows.map((r) => [
      label(r),
      isPlain(r.kind) ? '-' : `${fmt(r.chunksLocal)} / ${fmt(r.chunksFromPeers)}`,
      `${r.syscallBytesPerByte.reader.toFixed(2)} + ${r.syscallBytesPerByte.daemons.toFixed(2)} = ${(r.syscallBytesPerByte.reader + r.syscallBytesPerByte.daemons).toFixed(2)}`,
      r.copies.kernel.toFixed(2),
      r.copies.user.toFixed(2),
      (r.copies.kernel + r.copies.user).toFixed(2),
    ]),
  );

  const cold = rows.find((r) => r.kind === 'cold' && r.cachelets === LARGE_TARGETS.coldCachelets);
  const warm = rows.filter((r) => r.kind === 'warm');
  const single = rows.find((r) => r.kind === 'direct');
  const ranged = rows.find((r) => r.kind === 'ranged');
  const chunks = Math.ceil(options.sizeBytes / model.chunkBytes);
  const lines = [
    `Reads of one ${formatBytes(options.sizeBytes)} object (random bytes; ${chunks} chunks of ${formatBytes(model.chunkBytes)}) from the emulated origin ` +
      `(${S3_STANDARD_PROFILE.firstByteLatencyMs} ms to first byte, ${S3_STANDARD_PROFILE.bandwidthBytesPerSec / 1e6} MB/s per connection), ` +
      `medians of ${runs} run${runs > 1 ? 's' : ''} (warm rows: ${options.warmReads} read${options.warmReads > 1 ? 's' : ''} per run, the first included); every body hashed (${options.hash}) as it streams and checked. MB = 10^6 bytes.`,
    `Cold: fresh cachelets for each cell, the reader reads through n0 (window of ${model.window} chunks, each fetched by its owner); warm: the same read again through the same cachelets.`,
    `No cache: the plain client makes a cold read's origin requests itself — a ranged GET per chunk, ${model.window} at a time, hashed in order — the most the origin and this box allow that pattern, with no cachelet in the way.`,
    'A read that stalls (no byte for a while) is recorded under "Stalls" and tried again.',
    '',
    throughput,
    '',
    ...renderStalls(stalls),
    `Targets (ratios to the single stream of the same run, median over the samples):`,
  ];
  if (cold) {
    lines.push(
      `  cold through ${cold.cachelets} cachelets / single stream = ${ratio(cold.overSingle)} (target ≥ ${LARGE_TARGETS.coldOverSingle}×: ${cold.overSingle >= LARGE_TARGETS.coldOverSingle ? 'met' : 'NOT met'}).`,
      `    Origin-bound ceiling of this design (window ${model.window}, each ${formatBytes(model.chunkBytes)} chunk a request of its own: ` +
        `${S3_STANDARD_PROFILE.firstByteLatencyMs} ms + ${((model.chunkBytes / S3_STANDARD_PROFILE.bandwidthBytesPerSec) * 1000).toFixed(1)} ms; plus one first byte for the object's head): ` +
        `${fmt(model.coldMBps, 1)} MB/s vs ${fmt(model.directMBps, 1)} MB/s for one stream = ${ratio(model.coldOverSingle)}` +
        (model.coldOverSingle < LARGE_TARGETS.coldOverSingle ? ` — below the target even with no CPU cost at all (a window of ${windowFor(options.sizeBytes, model.chunkBytes)} would clear it on paper).` : '.'),
      `    CPU on this box: that read cost ${((cold.cpuMs.reader + cold.cpuMs.daemons + cold.cpuMs.origin) / 1000).toFixed(2)} CPU s ` +
        `(reader ${(cold.cpuMs.reader / 1000).toFixed(2)}, cachelets ${(cold.cpuMs.daemons / 1000).toFixed(2)}, origin emulator ${(cold.cpuMs.origin / 1000).toFixed(2)}): ` +
        `at most ${fmt(cold.cpuBoundMBps, 0)} MB/s on ${cpus} vCPUs, ${ratio(cold.cpuBoundMBps / (single?.mbPerSec ?? Number.NaN))} the single stream — the CPU, not the origin, is the limit here.`,
    );
    if (ranged) {
      lines.push(
        `    No cache at all, the same ${chunks} ranged GETs ${model.window} at a time by the plain client: ${fmt(ranged.mbPerSec, 1)} MB/s = ${ratio(ranged.overSingle)} the single stream ` +
          `(${((ranged.cpuMs.reader + ranged.cpuMs.origin) / 1000).toFixed(2)} CPU s: reader ${(ranged.cpuMs.reader / 1000).toFixed(2)}, origin emulator ${(ranged.cpuMs.origin / 1000).toFixed(2)}) — ` +
          `the ceiling of any cache for this read on this box${ranged.overSingle < LARGE_TARGETS.coldOverSingle ? ', itself below the target' : ''}; through ${cold.cachelets} cachelets the cold read reached ${fmt((100 * cold.mbPerSec) / ranged.mbPerSec, 0)} % of it.`,
      );
    }
  } else lines.push(`  cold through ${LARGE_TARGETS.coldCachelets} cachelets: not measured (--cachelets).`);
  for (const w of warm) {
    lines.push(
      `  warm through ${w.cachelets} cachelet${w.cachelets > 1 ? 's' : ''}: ${fmt(w.mbPerSec, 0)} MB/s (target ≥ ${fmt(LARGE_TARGETS.warmMBps)} MB/s: ${w.mbPerSec >= LARGE_TARGETS.warmMBps ? 'met' : 'NOT met'})` +
        (w.samples > runs ? ` — the first warm read of each run: ${fmt(w.firstReadMBps, 0)} MB/s; ` : '; ') +
        `the reader alone spent ${(w.cpuMs.reader / 1000).toFixed(2)} CPU s on it: about ${fmt(w.readerBoundMBps, 0)} MB/s per vCPU it gets.`,
    );
  }
  lines.push(
    `  The reader alone hashes ${options.hash} at ${fmt(hashMBps, 0)} MB/s (256 KiB pieces, in the reader's process, nothing else running): a ceiling on every row.`,
  );
  if (single) lines.push(`  Single stream: ${fmt(single.mbPerSec, 1)} MB/s measured, ${fmt(model.directMBps, 1)} MB/s on paper (first byte + size / 90 MB/s).`);
  lines.push(
    '',
    `Memory and CPU during each read (peak RSS: VmHWM of /proc/PID/status, reset through /proc/PID/clear_refs just before the read; CPU: /proc/PID/stat, the reader's from process.cpuUsage() inside it; the reader and the origin each run in a process of their own, apart from the benchmark's, and the no-cache read in another reader process):`,
    '',
    memory,
    '',
    '  n0: the cachelet the reader reads through (it runs the chunk window); others: the rest of the ring. Cold peaks include the chunks being stored.',
    `  CPU use: CPU time of the reader, the cachelets and the origin process / (wall time × ${cpus} vCPUs). Near 100 %: the machine, not the design, sets the pace.`,
    '  reader GC pauses: the reader\'s garbage-collection pauses (PerformanceObserver in its process); reader-bound MB/s: object MB / reader CPU s (all its',
    '  threads) — about what the reader could reach with one vCPU to itself (client path, GC, hash), whatever the cachelets and the origin do.',
    `  CPU-bound MB/s: object MB / (CPU s of the reader, the cachelets and the origin / ${cpus} vCPUs) — the most this box allows at this cost per byte.`,
    '  other processes: CPU the rest of the machine used meanwhile (/proc/stat busy time − ours): work of other sessions competing for the same vCPUs',
    '  (and the benchmark\'s own process, idle while it waits for a read).',
    '',
    'Copies of each byte on its way to the reader\'s hash (the origin\'s own side — s3rver\'s file read, the profile proxy — excluded):',
    '',
    copies,
    '',
    '  syscall bytes: rchar + wchar of /proc/PID/io over the read (bytes passed to read/write system calls: sockets), per object byte — the',
    '  measured count of the kernel crossings, to set against the "kernel copies" the path predicts.',
    '  The path (Node 20; bodies and chunks on the bulk sockets), per byte:',
    `  - single stream (and no cache: each ranged GET the same way): socket → kernel→user read (1 kernel) → llhttp body chunk, a copy of the read buffer (1 user) → SDK stream → hash. ${COPIES.direct.kernel} + ${COPIES.direct.user}.`,
    `  - cold, chunk of n0: origin socket read (1 k) → HTTP body copy (1 u) → Buffer.concat into the 8 MiB chunk (1 u) → the bulk socket: write from the chunk's`,
    `    memory (1 k) → reader: read into a fresh buffer (1 k) → CacheBody → SDK stream → hash (0). ${COPIES.cold.local.kernel} + ${COPIES.cold.local.user} = ${COPIES.cold.local.kernel + COPIES.cold.local.user}.`,
    `  - cold, chunk of a peer: the owner as above up to the chunk (1 k + 2 u), then its bulk TCP port: write from the chunk's memory (1 k); n0: each read lands`,
    `    in place in the chunk's buffer (1 k); then n0 → reader over the bulk socket (1 k, 1 k). ${COPIES.cold.peer.kernel} + ${COPIES.cold.peer.user} = ${COPIES.cold.peer.kernel + COPIES.cold.peer.user}.`,
    `  - warm: the chunk is in a store: ${COPIES.warm.local.kernel} + ${COPIES.warm.local.user} = ${COPIES.warm.local.kernel + COPIES.warm.local.user} (n0's own, or n0's replica of a peer's chunk), ` +
      `${COPIES.warm.peer.kernel} + ${COPIES.warm.peer.user} = ${COPIES.warm.peer.kernel + COPIES.warm.peer.user} (a peer's). The rows weight these by n0's chunk counters.`,
    '  Bodies of 1 MiB or more travel from the cachelet to the app on the bulk socket, and chunks between cachelets on the owner\'s bulk TCP port (raw bytes beside the gRPC call); smaller ones in the gRPC replies.',
    '  Checked on this Node: HTTP/1 body chunks own their memory (a copy); HTTP/2 DATA chunks are views of a 64 KiB read buffer (no copy).',
  );
  return lines.join('\n');
}

/** The stall section (empty when no read stalled). */
function renderStalls(failures: readonly StallRecord[]): string[] {
  const stalls = failures.filter((f) => f.failure === 'stall');
  const bypassed = failures.filter((f) => f.failure === 'bypassed');
  const tail = bypassed.length
    ? [`Bypassed: ${bypassed.length} cachelet read(s) went to the origin instead (the interceptor's circuit was open) and were tried again on a new connection.`, '']
    : [];
  if (stalls.length === 0) return tail;
  const lines = [`Stalls: ${stalls.length} read(s) received no byte for ${STALL_MS / 1000} s and were abandoned (a cold read is then retried on fresh cachelets, a warm one on the same; at most ${MAX_ATTEMPTS} attempts):`];
  const byCell = new Map<string, StallRecord[]>();
  for (const st of stalls) {
    const id = `${st.kind}, ${st.cachelets} cachelet${st.cachelets === 1 ? '' : 's'}`;
    byCell.set(id, [...(byCell.get(id) ?? []), st]);
  }
  for (const [id, list] of byCell) {
    const where = list
      .map((st) =>
        st.chunkIndex === undefined
          ? `${formatBytes(st.bytes)} received`
          : `chunk ${st.chunkIndex} + ${formatBytes(st.offsetInChunk ?? 0)} pulled by n0, ${formatBytes(st.bytes)} received`,
      )
      .join('; ');
    lines.push(`  ${id}: ${list.length} (${where})`);
  }
  lines.push('  Figures below come from the reads that did not stall.');
  lines.push('');
  return [...lines, ...tail];
}

/** The smallest window whose origin-bound ceiling reaches the cold target, for the note under the targets. */
function windowFor(size: number, chunkBytes: number): number {
  const direct = modelMs('direct', size, chunkBytes, 1, S3_STANDARD_PROFILE);
  for (let w = 1; w <= 64; w++) if (direct / modelMs('cold', size, chunkBytes, w, S3_STANDARD_PROFILE) >= LARGE_TARGETS.coldOverSingle) return w;
  return Number.NaN;
}

// ---------------------------------------------------------------------------------------------
// The benchmark

/** The whole benchmark: origin, object, runs, report, JSON. Stops every process it started and removes every socket, also on errors. */
export async function runLargeBenchmark(options: LargeBenchOptions): Promise<void> {
  const machineWatch = watchMachine();
  const cpus = os.cpus().length;
  const defaults = resolveCacheletConfig();
  const chunkBytes = defaults.chunkBytes;
  const window = options.readAhead ?? defaults.readAhead;
  // Every cachelet may hold the whole object with room to spare: a warm read must be all hits, whatever the ring's balance.
  const capacityBytes = Math.max(256 * 2 ** 20, 2 * options.sizeBytes);
  process.stderr.write(
    `large-object benchmark: a ${formatBytes(options.sizeBytes)} object, ${options.runs} run(s) of: one direct read, one without a cache in ranged GETs, then cold + ${options.warmReads} warm through ` +
      `${options.cachelets.join(', ')} fresh cachelet(s). Starting the origin emulator and the reader (child processes)…\n`,
  );
  const closers = new Closers();
  const faastEvents: FaastEvent[] = [];
  const onEvent = (e: FaastEvent): void => void faastEvents.push(e);
  const daemonLogs: string[] = [];

  const abortable = new Abortable(closers, 'stopping the cachelets and the origin after the read in progress…');
  const checkpoint = abortable.checkpoint;

  const work = async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faast-bench-large-'));
    closers.add(() => fs.rmSync(dir, { recursive: true, force: true }));
    const origin = await OriginProcess.start(LARGE_BUCKET);
    closers.add(() => origin.close());
    checkpoint();
    const reader = await ReaderProcess.start(origin.clientConfig, onEvent);
    closers.add(() => reader.close());
    // The no-cache read holds a window of whole chunks at once: it runs in a reader of its own, so
    // that the memory it leaves in its process does not change what the other reads find.
    const rangedReader = await ReaderProcess.start(origin.clientConfig, onEvent);
    closers.add(() => rangedReader.close());
    checkpoint();

    const putBar = new SingleBar({ format: '  writing the object to the origin [{bar}] {value}/{total} MiB', hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
    putBar.start(Math.ceil(options.sizeBytes / 2 ** 20), 0);
    let object: LargeObject;
    try {
      object = await putLargeObject(origin, options.sizeBytes, options.hash, () => putBar.increment());
    } finally {
      putBar.stop();
    }
    checkpoint();
    const hashMBps = await reader.hashRate(options.hash);
    const ctx: ReadContext = { origin, reader, object, algorithm: options.hash, chunkBytes, window };

    const perRun = 2 + (1 + options.warmReads) * options.cachelets.length;
    const bar = new SingleBar(
      { format: '  run {run}/{runs} [{bar}] {value}/{total} reads  {cell}', hideCursor: true, clearOnComplete: true },
      Presets.shades_classic,
    );
    bar.start(perRun * options.runs, 0, { run: 1, runs: options.runs, cell: '' });
    const runs: LargeRunFigures[] = [];
    const stalls: StallRecord[] = [];
    const nodeArgs: string[] | undefined = undefined;
    // A read that stalled or bypassed the cache is recorded and tried again (at most MAX_ATTEMPTS times); other errors end the benchmark.
    const readerOf = (kind: ReadKind): ReaderProcess => (kind === 'ranged' ? rangedReader : reader);
    const read = async (kind: ReadKind, group: LargeGroup | undefined): Promise<ReadFigures> => {
      const f = await measureRead({ ...ctx, reader: readerOf(kind) }, kind, group);
      if (!isPlain(kind) && f.counters[0]?.chunkedReads !== 1) throw new BypassedRead(f);
      return f;
    };
    const stalled = (err: unknown, run: number, kind: ReadKind, cachelets: number, attempt: number): void => {
      if (err instanceof BypassedRead) {
        stalls.push({
          failure: 'bypassed', run, kind, cachelets, attempt, bytes: err.figures.bytes, lastByteMs: err.figures.ms,
          n0BytesServed: err.figures.counters[0]?.bytesServed, chunkIndex: undefined, offsetInChunk: undefined,
        });
        return;
      }
      if (!(err instanceof StallError)) throw err;
      const served = err.counters[0]?.bytesServed;
      stalls.push({
        failure: 'stall',
        run,
        kind,
        cachelets,
        attempt,
        bytes: err.bytes,
        lastByteMs: err.lastByteMs,
        n0BytesServed: served,
        chunkIndex: served === undefined ? undefined : Math.floor(served / chunkBytes),
        offsetInChunk: served === undefined ? undefined : served % chunkBytes,
      });
    };
    /** One warm read through `group`, tried again on the same cachelets if it stalls; undefined if every attempt did. */
    const readWarm = async (group: LargeGroup, run: number, n: number, which: string): Promise<ReadFigures | undefined> => {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        checkpoint();
        bar.update({ cell: `warm${which}, ${n} cachelet(s)${attempt > 1 ? ` (attempt ${attempt})` : ''}` });
        try {
          return await read('warm', group);
        } catch (err) {
          stalled(err, run, 'warm', n, attempt);
          await group.resetReader();
        }
      }
      return undefined;
    };
    try {
      for (let run = 1; run <= options.runs; run++) {
        const figures: LargeRunFigures = { run, startedAt: new Date().toISOString(), reads: [] };
        for (const kind of ['direct', 'ranged'] as const) {
          bar.update({ run, cell: kind === 'direct' ? 'single stream' : 'no cache, ranged GETs' });
          for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            await readerOf(kind).open();
            try {
              figures.reads.push(await read(kind, undefined));
              break;
            } catch (err) {
              stalled(err, run, kind, 0, attempt);
            } finally {
              await readerOf(kind).release();
            }
          }
          bar.increment();
        }
        for (const n of options.cachelets) {
          let measured = 0;
          for (let attempt = 1; attempt <= MAX_ATTEMPTS && measured === 0; attempt++) {
            checkpoint();
            bar.update({ cell: `starting ${n} cachelet(s)${attempt > 1 ? ` (attempt ${attempt})` : ''}` });
            const group = await startLargeGroup({ origin, dir, name: `r${run}c${n}a${attempt}`, size: n, capacityBytes, readAhead: options.readAhead, nodeArgs, reader });
            closers.add(() => group.close());
            try {
              checkpoint();
              bar.update({ cell: `cold, ${n} cachelet(s)${attempt > 1 ? ` (attempt ${attempt})` : ''}` });
              try {
                figures.reads.push(await read('cold', group));
                measured++;
              } catch (err) {
                stalled(err, run, 'cold', n, attempt);
                continue;
              }
              bar.increment();
              for (let warmRead = 1; warmRead <= options.warmReads; warmRead++) {
                const warm = await readWarm(group, run, n, options.warmReads > 1 ? ` ${warmRead}/${options.warmReads}` : '');
                if (warm) figures.reads.push(warm);
                bar.increment();
              }
            } finally {
              const log = group.log().trim();
              if (log) daemonLogs.push(log);
              await group.close();
            }
          }
          if (measured === 0) bar.increment(1 + options.warmReads);
        }
        runs.push(figures);
      }
    } finally {
      bar.stop();
    }
    return { runs, stalls, object, hashMBps };
  };

  const result = await abortable.run(work);
  const { runs, stalls, object, hashMBps } = result;

  const summary = summarizeLarge(runs, options, window, chunkBytes, cpus);
  const out: string[] = [renderLarge(summary, options, object, hashMBps, cpus, stalls)];

  const anomalies: string[] = [];
  for (const r of runs) {
    for (const f of r.reads) {
      if (f.problems.length) anomalies.push(`run ${r.run}, ${rowId(f.kind, f.cachelets)}: ${f.problems.join('; ')} (the row may not measure only what it says)`);
      const notReset = [f.reader, f.originProcess, ...f.daemons].filter((p) => !p.peakReset).length;
      if (notReset) anomalies.push(`run ${r.run}, ${rowId(f.kind, f.cachelets)}: the peak RSS of ${notReset} process(es) could not be reset (/proc/PID/clear_refs): their peak is since start.`);
    }
  }
  const stallCount = stalls.filter((f) => f.failure === 'stall').length;
  if (stallCount) anomalies.push(`${stallCount} read(s) stalled and were abandoned after ${STALL_MS / 1000} s (see "Stalls" above).`);
  const bypassCount = stalls.length - stallCount;
  if (bypassCount) anomalies.push(`${bypassCount} cachelet read(s) bypassed the cache and were tried again (see "Bypassed" above).`);
  for (const row of summary.rows) {
    const busy = row.cpuUsePct + (100 * row.othersCpuMs) / (row.ms * cpus);
    if (busy >= 85) {
      anomalies.push(
        `${label(row)}: the machine was CPU-bound — this read's processes used ${row.cpuUsePct.toFixed(0)} % of the ${cpus} vCPUs, other work ` +
          `${(busy - row.cpuUsePct).toFixed(0)} % (medians); the figure measures this box as much as the design.`,
      );
    }
  }
  for (const r of runs) {
    const contended = r.reads
      .filter((f) => f.machine && f.machine.othersMs > 0.15 * f.ms)
      .map((f) => `${rowId(f.kind, f.cachelets)} ${((100 * f.machine!.othersMs) / (f.ms * cpus)).toFixed(0)} %`);
    if (contended.length) {
      anomalies.push(`run ${r.run}: other processes on the machine (other sessions) took ≥ 15 % of the vCPUs during ${contended.length} of ${r.reads.length} reads: ${contended.join(', ')}.`);
    }
    for (const f of r.reads) {
      if (f.machine && f.machine.stealMs > 0.05 * f.ms) anomalies.push(`run ${r.run}, ${rowId(f.kind, f.cachelets)}: ${f.machine.stealMs.toFixed(0)} ms of CPU stolen by the hypervisor during the read.`);
    }
  }
  if (!resetPeakRss('self')) anomalies.push('peak RSS cannot be reset on this machine: every peak is since the process started.');
  for (const e of faastEvents) anomalies.push(`interceptor ${e.msg} (${path.basename(e.socket)})${e.reason ? `: ${e.reason}` : ''} (a faast row may include origin reads)`);
  const daemonLog = daemonLogs.join('\n');
  if (daemonLog) anomalies.push(`the cachelets logged warnings or errors:\n${daemonLog.split('\n').slice(0, 5).join('\n')}`);
  const machine = machineWatch.finish();
  out.push(
    '',
    `object: ${formatBytes(object.bytes)} written in ${(object.putMs / 1000).toFixed(2)} s straight to s3rver (streamed), ETag ${object.etag}, ${options.hash} ${object.digest.slice(0, 16)}…; ` +
      `cachelets: --capacity ${formatBytes(capacityBytes)} each, chunk ${formatBytes(chunkBytes)}, read-ahead ${window}${options.readAhead === undefined ? ' (default)' : ''}.`,
    machineLine(machine, 'the reader, every cachelet and the origin'),
  );
  if (anomalies.length) out.push('', 'Anomalies:', ...anomalies.map((a) => `  - ${a}`));

  fs.mkdirSync(path.dirname(options.jsonPath), { recursive: true });
  const json = {
    benchmark: 'large',
    date: new Date().toISOString(),
    machine,
    options: {
      runs: options.runs,
      warmReads: options.warmReads,
      quick: options.quick,
      sizeBytes: options.sizeBytes,
      cachelets: options.cachelets,
      readAhead: window,
      chunkBytes,
      capacityPerCacheletBytes: capacityBytes,
      hash: options.hash,
      stallMs: STALL_MS,
      maxAttempts: MAX_ATTEMPTS,
      originProfile: S3_STANDARD_PROFILE,
      units: 'rates in MB/s (10^6 bytes per second), times in ms, sizes in bytes, CPU in ms',
    },
    targets: LARGE_TARGETS,
    object: { key: object.key, bytes: object.bytes, etag: object.etag, digest: object.digest, putMs: object.putMs },
    readerHashMBps: hashMBps,
    copiesPerByteByPath: COPIES,
    summary,
    failedReads: stalls,
    anomalies,
    runs,
  };
  fs.writeFileSync(options.jsonPath, `${JSON.stringify(json, null, 2)}\n`);
  const shown = path.relative(process.cwd(), options.jsonPath);
  out.push('', `results: ${shown.startsWith('..') ? options.jsonPath : shown}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
