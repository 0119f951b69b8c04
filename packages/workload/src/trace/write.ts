/**
 * Writing traces: JSONL (our header + records) or the Azure CSV (so a generated trace can be
 * read by anything that reads the published one), plain or gzip. Records are pulled only as
 * fast as the destination takes them (stream back-pressure), in ~64 KiB writes.
 */
import * as fs from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { AZURE_CSV_HEADER, formatAzureCsvRow } from './azure-csv';
import { formatTraceJsonlHeader, formatTraceJsonlRecord } from './jsonl';
import { type TraceFormat } from './read';
import { type TraceRecord } from './types';

export interface TraceWriteOptions {
  /** Default: from the file name (`.csv`/`.csv.gz` → azure-csv), else jsonl. */
  format?: TraceFormat;
  /** Gzip the output. Default: the file name ends in `.gz`. */
  gzip?: boolean;
  /** JSONL header fields besides format and version (e.g. the generator's parameters). */
  header?: Record<string, unknown>;
  /** Called every `progressEvery` records and once at the end. */
  onProgress?: (records: number, last: TraceRecord | undefined) => void;
  /** Default 4096. */
  progressEvery?: number;
  /** End a stream destination when done. Default true (pass false for stdout). */
  end?: boolean;
}

export interface TraceWriteResult {
  records: number;
  format: TraceFormat;
  gzip: boolean;
}

/** The format a file name asks for: `.jsonl`, `.csv`, optionally `.gz`; undefined for anything else. */
export function traceFileFormat(path: string): { format: TraceFormat; gzip: boolean } | undefined {
  const m = /\.(jsonl|csv)(\.gz)?$/i.exec(path);
  if (!m) return undefined;
  return { format: m[1]!.toLowerCase() === 'csv' ? 'azure-csv' : 'jsonl', gzip: m[2] !== undefined };
}

const CHUNK = 64 * 1024;

async function* encode(records: Iterable<TraceRecord> | AsyncIterable<TraceRecord>, format: TraceFormat, options: TraceWriteOptions, count: { n: number }): AsyncGenerator<string> {
  const every = options.progressEvery ?? 4096;
  const row = format === 'jsonl' ? formatTraceJsonlRecord : formatAzureCsvRow;
  let buffer = `${format === 'jsonl' ? formatTraceJsonlHeader(options.header) : AZURE_CSV_HEADER}\n`;
  let last: TraceRecord | undefined;
  for await (const r of records) {
    buffer += `${row(r)}\n`;
    last = r;
    if (++count.n % every === 0) options.onProgress?.(count.n, r);
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
  options.onProgress?.(count.n, last);
}

/**
 * Writes records to a file (created or replaced; removed again if writing fails) or to a
 * writable stream. Resolves when everything is flushed.
 */
export async function writeTrace(
  records: Iterable<TraceRecord> | AsyncIterable<TraceRecord>,
  destination: string | Writable,
  options: TraceWriteOptions = {},
): Promise<TraceWriteResult> {
  const byName = typeof destination === 'string' ? traceFileFormat(destination) : undefined;
  const format = options.format ?? byName?.format ?? 'jsonl';
  const gzip = options.gzip ?? byName?.gzip ?? false;
  const count = { n: 0 };
  const source = Readable.from(encode(records, format, options, count));
  const stages = gzip ? [createGzip()] : [];
  if (typeof destination === 'string') {
    try {
      await pipeline([source, ...stages, fs.createWriteStream(destination)]);
    } catch (err) {
      await fs.promises.rm(destination, { force: true });
      throw err;
    }
  } else {
    await pipeline([source, ...stages, destination], { end: options.end ?? true });
  }
  return { records: count.n, format, gzip };
}
