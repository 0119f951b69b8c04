/**
 * Our JSONL trace format, the writers (JSONL and Azure CSV, plain and gzip) and round trips
 * of generated records; streaming in both directions (back-pressure when writing, bounded
 * read-ahead when reading).
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { generateTrace } from '../src/generator/generate';
import { AZURE_CSV_HEADER, formatAzureCsvRow } from '../src/trace/azure-csv';
import { formatTraceJsonlHeader, formatTraceJsonlRecord, parseTraceJsonlRecord } from '../src/trace/jsonl';
import { readTrace, readTraceStream, type TraceReader } from '../src/trace/read';
import { traceFileFormat, writeTrace } from '../src/trace/write';
import { TraceFormatError, type TraceRecord } from '../src/trace/types';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faast-trace-jsonl-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PARAMS = { seed: 11, apps: 40, durationMs: 600_000 };

function take(n: number, it: Iterable<TraceRecord>): TraceRecord[] {
  const out: TraceRecord[] = [];
  for (const r of it) {
    out.push(r);
    if (out.length === n) break;
  }
  return out;
}

async function readAll(reader: TraceReader): Promise<TraceRecord[]> {
  const out: TraceRecord[] = [];
  for await (const r of reader) out.push(r);
  return out;
}

const record: TraceRecord = { timestampMs: 1606092900138, region: '6ex', user: '775920313', app: '9gti3olh', invocation: '1565080819', blob: 'jfvf7k9kwiiq7gdx', blobType: 'BlockBlob/', etag: 'kq2su6bhi0', bytes: undefined, read: true, write: false };

describe('JSONL traces', () => {
  it('round-trips generated records through a file with the header (plain and gzip)', async () => {
    const records = take(5000, generateTrace(PARAMS));
    for (const name of ['gen.jsonl', 'gen.jsonl.gz']) {
      const file = path.join(dir, name);
      const result = await writeTrace(records, file, { header: { seed: 11, apps: 40, durationMs: 600_000 } });
      expect(result).toEqual({ records: 5000, format: 'jsonl', gzip: name.endsWith('.gz') });
      const reader = readTrace(file);
      expect(await readAll(reader)).toEqual(records);
      expect(reader.format).toBe('jsonl');
      expect(reader.header).toEqual({ format: 'faast-trace', version: 1, seed: 11, apps: 40, durationMs: 600_000 });
    }
    expect(fs.readFileSync(path.join(dir, 'gen.jsonl'), 'utf8').split('\n')[0]).toBe('{"format":"faast-trace","version":1,"seed":11,"apps":40,"durationMs":600000}');
  });

  it('keeps an unknown size as null', () => {
    const line = formatTraceJsonlRecord(record);
    expect(line).toContain('"bytes":null');
    expect(parseTraceJsonlRecord(line)).toEqual(record);
    expect(JSON.parse(formatTraceJsonlHeader({ format: 'other', version: 9, seed: 1 }))).toEqual({ format: 'faast-trace', version: 1, seed: 1 });
  });

  it('names the line and problem of a bad header or record', async () => {
    const fail = async (lines: string[]): Promise<string> => {
      const err = await readAll(readTraceStream([lines.join('\n')], { source: 'g.jsonl' })).then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(TraceFormatError);
      return (err as Error).message;
    };
    const header = formatTraceJsonlHeader();
    const good = formatTraceJsonlRecord(record);
    expect(await fail(['{"format":"other","version":1}', good])).toBe('g.jsonl:1: not a faast-trace header (expected "format":"faast-trace")');
    expect(await fail(['{"format":"faast-trace","version":2}', good])).toBe('g.jsonl:1: unsupported faast-trace version 2 (this reader reads version 1)');
    expect(await fail([header, good, '{"timestampMs":1,'])).toMatch(/^g\.jsonl:3: bad JSON: /);
    expect(await fail([header, good.replace('"bytes":null', '"bytes":"12"')])).toBe('g.jsonl:2: bad bytes "12" (expected a whole number ≥ 0, or null)');
    expect(await fail([header, good, good.replace('"read":true', '"read":"True"')])).toBe('g.jsonl:3: bad read "True" (expected true or false)');
    expect(await fail([header, '[1,2]'])).toBe('g.jsonl:2: expected a JSON object');
  });
});

describe('Azure CSV writer', () => {
  it('round-trips generated records through the Azure reader (plain and gzip)', async () => {
    const records = take(5000, generateTrace({ ...PARAMS, seed: 12 }));
    for (const name of ['gen.csv', 'gen.csv.gz']) {
      const file = path.join(dir, name);
      expect(await writeTrace(records, file)).toEqual({ records: 5000, format: 'azure-csv', gzip: name.endsWith('.gz') });
      const reader = readTrace(file);
      expect(await readAll(reader)).toEqual(records);
      expect(reader.format).toBe('azure-csv');
    }
    const lines = fs.readFileSync(path.join(dir, 'gen.csv'), 'utf8').split('\n');
    expect(lines[0]).toBe(AZURE_CSV_HEADER);
    expect(lines[1]).toMatch(/^\d{13},[0-9a-z]{3},\d+,[0-9a-z]{8},\d+,[0-9a-z]{16},BlockBlob\/[^,]*,[0-9a-z]{10},\d+\.0,(True|False),(True|False)$/);
  });

  it('picks the format from the file name', () => {
    expect(traceFileFormat('a/b.csv')).toEqual({ format: 'azure-csv', gzip: false });
    expect(traceFileFormat('b.CSV.gz')).toEqual({ format: 'azure-csv', gzip: true });
    expect(traceFileFormat('b.jsonl.gz')).toEqual({ format: 'jsonl', gzip: true });
    expect(traceFileFormat('b.json')).toBeUndefined();
    expect(traceFileFormat('b.csv.bz2')).toBeUndefined();
  });
});

describe('streaming', () => {
  it('pulls records only as fast as a slow destination takes them', async () => {
    let produced = 0;
    let maxAhead = 0;
    let written = 0;
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        written += chunk.toString().split('\n').length - 1;
        maxAhead = Math.max(maxAhead, produced - written);
        setImmediate(callback);
      },
    });
    const records = function* (): Generator<TraceRecord> {
      for (const r of generateTrace({ ...PARAMS, seed: 13 })) {
        produced++;
        yield r;
        if (produced === 40_000) return;
      }
    };
    const result = await writeTrace(records(), slow, { format: 'azure-csv' });
    expect(result.records).toBe(40_000);
    expect(written).toBe(40_001); // with the header
    // A 64 KiB write holds ~500 rows: the generator waits for the slow writes instead of
    // running ahead (ignoring back-pressure, it would be ~40,000 rows ahead).
    expect(maxAhead).toBeLessThan(5000);
  });

  it('reads a 200,000-row generated CSV as a stream, with bounded read-ahead', async () => {
    let rowsProduced = 0;
    let consumed = 0;
    let maxAhead = 0;
    // Rows are formatted only when the reader asks for the next chunk of 1000.
    const source = Readable.from((function* () {
      yield `${AZURE_CSV_HEADER}\n`;
      let batch = '';
      for (const r of generateTrace({ seed: 14, apps: 120, durationMs: 3_600_000 })) {
        batch += `${formatAzureCsvRow(r)}\n`;
        if (++rowsProduced % 1000 === 0) {
          yield batch;
          batch = '';
          if (rowsProduced === 200_000) return;
        }
      }
      yield batch;
    })());
    const reader = readTraceStream(source, { source: 'generated.csv' });
    let last = -Infinity;
    let ordered = true;
    for await (const r of reader) {
      consumed++;
      maxAhead = Math.max(maxAhead, rowsProduced - consumed);
      if (r.timestampMs < last) ordered = false;
      last = r.timestampMs;
    }
    expect(consumed).toBe(200_000);
    expect(reader.report).toEqual({ records: 200_000, skipped: 0, errors: [] });
    expect(ordered).toBe(true);
    // Readable.from buffers 16 chunks of 1000 rows at most, plus the chunk being parsed.
    expect(maxAhead).toBeLessThan(40_000);
  }, 30_000);

  it('closes the input when the reader is left early', async () => {
    let destroyed = false;
    const source = Readable.from((function* () {
      yield `${AZURE_CSV_HEADER}\n`;
      for (let i = 0; ; i++) yield `${formatAzureCsvRow({ ...record, timestampMs: i, bytes: 1 })}\n`;
    })());
    source.on('close', () => (destroyed = true));
    let n = 0;
    for await (const _ of readTraceStream(source)) if (++n === 10) break;
    await new Promise((resolve) => setImmediate(resolve));
    expect(destroyed).toBe(true);
  });
});
