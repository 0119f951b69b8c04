/**
 * Reading traces as a stream of records: the Azure CSV (plain or gzip) and our JSONL (plain or
 * gzip), chosen from the content, line by line — a 44 M-row file is never held in memory.
 */
import * as fs from 'node:fs';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { AZURE_CSV_HEADER, RowProblem, parseAzureCsvRow } from './azure-csv';
import { parseTraceJsonlHeader, parseTraceJsonlRecord, type TraceHeader } from './jsonl';
import { TraceFormatError, type TraceRecord } from './types';

export type TraceFormat = 'azure-csv' | 'jsonl';

/** Bytes of a trace: a Readable, or any (async) iterable of chunks. */
export type TraceInput = AsyncIterable<Buffer | string> | Iterable<Buffer | string>;

export interface TraceReadOptions {
  /**
   * true (default): the first malformed row throws a TraceFormatError. false: malformed rows
   * are skipped and counted in `report` (a wrong header or unreadable input still throws).
   */
  strict?: boolean;
  /** Errors kept in `report.errors` in lenient mode. Default 5. */
  keepErrors?: number;
  /** The format; default from the content (a JSONL trace starts with `{`). */
  format?: TraceFormat;
  /** Longest line accepted, characters; a longer one is an error (not a trace). Default 1 MiB. */
  maxLineLength?: number;
}

export interface TraceReadReport {
  /** Records returned. */
  records: number;
  /** Malformed rows skipped (lenient mode). */
  skipped: number;
  /** The first `keepErrors` of them. */
  errors: TraceFormatError[];
}

/** Splits decoded text into lines (`\n` or `\r\n`), keeping the unfinished tail between chunks. */
class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private tail = '';

  constructor(private readonly maxLength: number) {}

  push(chunk: Buffer | string): string[] {
    const text = this.tail + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    const lines = text.split('\n');
    this.tail = lines.pop()!;
    if (this.tail.length > this.maxLength) throw new RowProblem(`line longer than ${this.maxLength} characters (not a trace?)`);
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
    }
    return lines;
  }

  end(): string[] {
    const rest = this.tail + this.decoder.end();
    this.tail = '';
    return rest === '' ? [] : [rest.endsWith('\r') ? rest.slice(0, -1) : rest];
  }
}

const GZIP = [0x1f, 0x8b];

/** Compressed formats we recognise but do not decode: one clear error instead of garbage rows. */
const UNSUPPORTED: ReadonlyArray<{ magic: number[]; name: string }> = [
  { magic: [0x42, 0x5a, 0x68], name: 'bzip2' },
  { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a], name: 'xz' },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], name: 'zstd' },
  { magic: [0x50, 0x4b, 0x03, 0x04], name: 'zip' },
];

const startsWith = (b: Buffer, magic: number[]): boolean => b.length >= magic.length && magic.every((m, i) => b[i] === m);

async function* prepend(first: Buffer, rest: AsyncIterator<Buffer | string>): AsyncGenerator<Buffer | string> {
  try {
    yield first;
    for (let n = await rest.next(); !n.done; n = await rest.next()) yield n.value;
  } finally {
    await rest.return?.();
  }
}

/** The input's bytes, gunzipped when they start with the gzip magic. */
async function* decoded(input: TraceInput, source: string): AsyncGenerator<Buffer | string> {
  const it: AsyncIterator<Buffer | string> = Symbol.asyncIterator in input ? input[Symbol.asyncIterator]() : (async function* () {
    yield* input;
  })();
  let head = Buffer.alloc(0);
  // Enough bytes to recognise the compression (chunks are usually far larger).
  while (head.length < 8) {
    const n = await it.next();
    if (n.done) break;
    head = Buffer.concat([head, typeof n.value === 'string' ? Buffer.from(n.value) : n.value]);
  }
  for (const { magic, name } of UNSUPPORTED) {
    if (startsWith(head, magic)) {
      await it.return?.();
      throw new TraceFormatError(source, 1, `${name}-compressed input is not supported: decompress it first (the reader takes .csv, .csv.gz, .jsonl and .jsonl.gz)`);
    }
  }
  if (!startsWith(head, GZIP)) {
    yield* prepend(head, it);
    return;
  }
  const gunzip = createGunzip();
  const compressed = Readable.from(prepend(head, it));
  compressed.on('error', (err) => gunzip.destroy(err));
  compressed.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } finally {
    compressed.destroy();
    gunzip.destroy();
  }
}

/**
 * A trace being read: iterate it once (`for await`); `format`, `header` (JSONL) and `report`
 * fill in as it goes. Breaking out of the loop closes the input.
 */
export class TraceReader implements AsyncIterable<TraceRecord> {
  format: TraceFormat | undefined;
  /** The JSONL header (undefined for the Azure CSV). */
  header: TraceHeader | undefined;
  readonly report: TraceReadReport = { records: 0, skipped: 0, errors: [] };
  private used = false;

  constructor(
    readonly source: string,
    private readonly open: () => TraceInput,
    private readonly options: TraceReadOptions = {},
  ) {
    this.format = options.format;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<TraceRecord, void, undefined> {
    if (this.used) throw new Error(`${this.source}: a TraceReader is read once`);
    this.used = true;
    const strict = this.options.strict ?? true;
    const keep = this.options.keepErrors ?? 5;
    const splitter = new LineSplitter(this.options.maxLineLength ?? 2 ** 20);
    let lineNo = 0;
    let parse: ((line: string) => TraceRecord) | undefined;

    const header = (line: string): void => {
      const text = lineNo === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
      this.format ??= text.trimStart().startsWith('{') ? 'jsonl' : 'azure-csv';
      if (this.format === 'jsonl') {
        this.header = parseTraceJsonlHeader(text);
        parse = parseTraceJsonlRecord;
      } else {
        if (text.trim() !== AZURE_CSV_HEADER) {
          const shown = text.length > 120 ? `${text.slice(0, 120)}…` : text;
          throw new RowProblem(`wrong header: expected '${AZURE_CSV_HEADER}', got '${shown}'`);
        }
        parse = parseAzureCsvRow;
      }
    };

    // Parses a chunk's lines; in strict mode stops at the first bad row, which is thrown after
    // the records before it have been handed out.
    let failure: TraceFormatError | undefined;
    const records = (lines: string[]): TraceRecord[] => {
      const out: TraceRecord[] = [];
      for (const line of lines) {
        lineNo++;
        if (line.trim() === '') continue;
        if (parse === undefined) {
          try {
            header(line);
          } catch (err) {
            // A wrong header is fatal in both modes: no row can be read without it.
            throw err instanceof RowProblem ? new TraceFormatError(this.source, lineNo, err.message) : err;
          }
          continue;
        }
        try {
          out.push(parse(line));
        } catch (err) {
          if (!(err instanceof RowProblem)) throw err;
          const problem = new TraceFormatError(this.source, lineNo, err.message);
          if (strict) {
            failure = problem;
            break;
          }
          this.report.skipped++;
          if (this.report.errors.length < keep) this.report.errors.push(problem);
        }
      }
      this.report.records += out.length;
      return out;
    };

    try {
      for await (const chunk of decoded(this.open(), this.source)) {
        let lines: string[];
        try {
          lines = splitter.push(chunk);
        } catch (err) {
          throw err instanceof RowProblem ? new TraceFormatError(this.source, lineNo + 1, err.message) : err;
        }
        yield* records(lines);
        if (failure) throw failure;
      }
      yield* records(splitter.end());
      if (failure) throw failure;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (typeof code === 'string' && code.startsWith('Z_')) {
        throw new TraceFormatError(this.source, lineNo + 1, `corrupt gzip data (${(err as Error).message})`);
      }
      throw err;
    }
    if (parse === undefined) throw new TraceFormatError(this.source, Math.max(1, lineNo), 'empty input: no header line');
  }
}

/**
 * Reads a trace file: Azure CSV or JSONL, plain or gzip (detected from the content, so the
 * extension does not matter); bzip2 and other compressions are refused with one clear error.
 */
export function readTrace(path: string, options: TraceReadOptions = {}): TraceReader {
  return new TraceReader(path, () => fs.createReadStream(path, { highWaterMark: 1 << 20 }), options);
}

/** Reads a trace from a stream (a file, stdin, a socket, or any async iterable of chunks). */
export function readTraceStream(input: TraceInput, options: TraceReadOptions & { source?: string } = {}): TraceReader {
  let opened = false;
  return new TraceReader(options.source ?? 'trace', () => {
    if (opened) throw new Error('a stream is read once');
    opened = true;
    return input;
  }, options);
}
