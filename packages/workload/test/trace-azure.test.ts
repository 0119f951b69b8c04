/**
 * The Azure Functions blob trace 2020 CSV reader: the published sample rows, tolerated
 * variations (empty sizes, case, CRLF, BOM, quotes), malformed rows with their line numbers,
 * lenient mode, gzip input and the refusal of bzip2.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { AZURE_CSV_HEADER, formatAzureCsvRow, parseAzureCsvRow, splitCsvRow } from '../src/trace/azure-csv';
import { readTrace, readTraceStream, type TraceReadOptions } from '../src/trace/read';
import { TraceFormatError, type TraceRecord } from '../src/trace/types';

const SAMPLE = path.join(__dirname, 'fixtures', 'azure-sample.csv');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faast-trace-azure-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function readAll(text: string | Buffer, options: TraceReadOptions = {}): Promise<TraceRecord[]> {
  const out: TraceRecord[] = [];
  for await (const r of readTraceStream([typeof text === 'string' ? Buffer.from(text) : text], { source: 'test.csv', ...options })) out.push(r);
  return out;
}

/** The rejection of reading `text`: a TraceFormatError, returned for inspection. */
async function failure(text: string, options: TraceReadOptions = {}): Promise<TraceFormatError> {
  const err = await readAll(text, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TraceFormatError);
  return err as TraceFormatError;
}

const row = (fields: Partial<Record<'ts' | 'bytes' | 'read' | 'write', string>> = {}): string =>
  `${fields.ts ?? '1606092900138'},6ex,775920313,9gti3olh,1565080819,jfvf7k9kwiiq7gdx,BlockBlob/,kq2su6bhi0,${fields.bytes ?? '30.0'},${fields.read ?? 'True'},${fields.write ?? 'False'}`;

describe('Azure CSV reader', () => {
  it('reads the four published sample rows field by field', async () => {
    const reader = readTrace(SAMPLE);
    const records: TraceRecord[] = [];
    for await (const r of reader) records.push(r);
    expect(reader.format).toBe('azure-csv');
    expect(reader.report).toEqual({ records: 4, skipped: 0, errors: [] });
    expect(records).toEqual([
      { timestampMs: 1606092900138, region: '6ex', user: '775920313', app: '9gti3olh', invocation: '1565080819', blob: 'jfvf7k9kwiiq7gdx', blobType: 'BlockBlob/application/octet-stream', etag: 'kq2su6bhi0', bytes: 30, read: true, write: false },
      { timestampMs: 1606928903185, region: '6ex', user: '1252244298', app: '7c51my6n', invocation: '1191849141', blob: '1fjxqoqi2nc5njpg', blobType: 'BlockBlob/application/zip', etag: 'ibd6a5v5pv', bytes: 1938488, read: true, write: false },
      { timestampMs: 1606355700058, region: 'iic', user: '1495523193', app: 'uf2u84b0', invocation: '1302383289', blob: 'tp783etybrgxap8x', blobType: 'BlockBlob/', etag: '6mreka6qhr', bytes: 36, read: false, write: true },
      { timestampMs: 1607270691764, region: 'ayi', user: '1003538042', app: '766ofcie', invocation: '1080821259', blob: 'sfocyrxcksjgri5t', blobType: 'BlockBlob/application/json', etag: 'tanw2860j5', bytes: 164, read: true, write: false },
    ]);
  });

  it('writes rows in the published style, which read back to the same records', async () => {
    const lines = fs.readFileSync(SAMPLE, 'utf8').trim().split('\n');
    const records = await readAll(fs.readFileSync(SAMPLE));
    expect(records.map(formatAzureCsvRow)).toEqual(lines.slice(1));
    expect(lines[0]).toBe(AZURE_CSV_HEADER);
  });

  it('takes an empty BlobBytes (or NaN) as an unknown size, and booleans in any case', async () => {
    const records = await readAll([AZURE_CSV_HEADER, row({ bytes: '' }), row({ bytes: 'NaN' }), row({ bytes: '5302.0', read: 'TRUE', write: 'false' }), row({ bytes: '0', read: 'false', write: 'tRuE' })].join('\n'));
    expect(records.map((r) => [r.bytes, r.read, r.write])).toEqual([
      [undefined, true, false],
      [undefined, true, false],
      [5302, true, false],
      [0, false, true],
    ]);
  });

  it('accepts CRLF line ends, a byte-order mark, blank lines and no final newline', async () => {
    const records = await readAll(`\ufeff${AZURE_CSV_HEADER}\r\n${row()}\r\n\r\n${row({ ts: '1606092900139' })}`);
    expect(records.map((r) => r.timestampMs)).toEqual([1606092900138, 1606092900139]);
    expect(records[0]!.write).toBe(false);
  });

  it('reads quoted fields (RFC 4180)', () => {
    expect(splitCsvRow('a,"b,c","say ""hi""",')).toEqual(['a', 'b,c', 'say "hi"', '']);
    const quoted = '1606092900138,6ex,775920313,9gti3olh,1565080819,jfvf7k9kwiiq7gdx,"BlockBlob/text/plain; a=1,2",kq2su6bhi0,30.0,True,False';
    expect(parseAzureCsvRow(quoted).blobType).toBe('BlockBlob/text/plain; a=1,2');
    expect(parseAzureCsvRow(formatAzureCsvRow(parseAzureCsvRow(quoted)))).toEqual(parseAzureCsvRow(quoted));
  });

  it('names the source, the line and the problem of a malformed row', async () => {
    const at = (line: number, bad: string): string => [AZURE_CSV_HEADER, ...Array.from({ length: line - 2 }, () => row()), bad, row()].join('\n');
    const columns = await failure(at(3, '1606092900138,6ex,775920313'));
    expect([columns.source, columns.line]).toEqual(['test.csv', 3]);
    expect(columns.message).toBe('test.csv:3: wrong column count: expected 11, got 3');
    expect((await failure(at(2, row({ read: 'yes' })))).message).toBe("test.csv:2: bad Read 'yes' (expected True or False)");
    expect((await failure(at(5, row({ write: '' })))).message).toBe("test.csv:5: bad Write '' (expected True or False)");
    expect((await failure(at(4, row({ ts: '2020-11-23' })))).message).toBe("test.csv:4: bad Timestamp '2020-11-23' (expected milliseconds since 1970)");
    expect((await failure(at(2, row({ ts: '-5' })))).message).toMatch(/^test\.csv:2: bad Timestamp '-5'/);
    expect((await failure(at(6, row({ bytes: '12.5' })))).message).toBe("test.csv:6: bad BlobBytes '12.5' (expected a whole number of bytes such as 5302.0, or empty)");
    expect((await failure(at(2, row({ bytes: 'big' })))).line).toBe(2);
  });

  it('refuses a wrong header on line 1, in strict and lenient mode', async () => {
    const renamed = AZURE_CSV_HEADER.replace('BlobBytes', 'Bytes');
    for (const strict of [true, false]) {
      const err = await failure(`${renamed}\n${row()}\n`, { strict });
      expect(err.line).toBe(1);
      expect(err.message).toMatch(/^test\.csv:1: wrong header: expected 'Timestamp,AnonRegion,.*got 'Timestamp,.*,Bytes,Read,Write'$/);
    }
    expect((await failure(`${row()}\n`)).message).toMatch(/^test\.csv:1: wrong header/);
    expect((await failure('')).message).toBe('test.csv:1: empty input: no header line');
  });

  it('hands out the rows before a bad one, then throws (strict)', async () => {
    const seen: number[] = [];
    const reader = readTraceStream([Buffer.from([AZURE_CSV_HEADER, row({ ts: '1' }), row({ ts: '2' }), row({ read: 'x' }), row({ ts: '4' })].join('\n'))]);
    await expect((async () => {
      for await (const r of reader) seen.push(r.timestampMs);
    })()).rejects.toThrow('trace:4: bad Read');
    expect(seen).toEqual([1, 2]);
  });

  it('in lenient mode skips malformed rows, counts them and keeps the first few errors', async () => {
    const lines = [AZURE_CSV_HEADER];
    for (let i = 0; i < 20; i++) lines.push(i % 4 === 3 ? row({ bytes: `x${i}` }) : row({ ts: String(i) }));
    const reader = readTraceStream([Buffer.from(lines.join('\n'))], { strict: false, keepErrors: 3 });
    const got: number[] = [];
    for await (const r of reader) got.push(r.timestampMs);
    expect(got).toHaveLength(15);
    expect(reader.report.records).toBe(15);
    expect(reader.report.skipped).toBe(5);
    expect(reader.report.errors.map((e) => e.line)).toEqual([5, 9, 13]);
    expect(reader.report.errors[0]!.message).toBe("trace:5: bad BlobBytes 'x3' (expected a whole number of bytes such as 5302.0, or empty)");
  });

  it('splits rows across chunk boundaries anywhere, even inside a UTF-8 character', async () => {
    const text = Buffer.from(`${AZURE_CSV_HEADER}\n${row().replace('BlockBlob/', 'BlockBlob/é')}\n${row()}\n`);
    const chunks = Array.from({ length: text.length }, (_, i) => text.subarray(i, i + 1));
    const records: TraceRecord[] = [];
    for await (const r of readTraceStream(chunks)) records.push(r);
    expect(records.map((r) => r.blobType)).toEqual(['BlockBlob/é', 'BlockBlob/']);
  });

  it('reads gzip input (detected from the content), and names corrupt gzip data', async () => {
    const gz = path.join(dir, 'sample.csv.gz');
    fs.writeFileSync(gz, gzipSync(fs.readFileSync(SAMPLE)));
    const records: TraceRecord[] = [];
    for await (const r of readTrace(gz)) records.push(r);
    expect(records).toEqual(await readAll(fs.readFileSync(SAMPLE)));

    const truncated = path.join(dir, 'truncated.csv.gz');
    const whole = gzipSync(Buffer.from([AZURE_CSV_HEADER, ...Array.from({ length: 2000 }, () => row())].join('\n')));
    fs.writeFileSync(truncated, whole.subarray(0, whole.length - 200));
    const err = await (async () => {
      for await (const _ of readTrace(truncated)) void _;
    })().then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(TraceFormatError);
    expect((err as Error).message).toMatch(/truncated\.csv\.gz:\d+: corrupt gzip data/);
  });

  it('refuses bzip2 input with one clear error', async () => {
    const bz = path.join(dir, 'azurefunctions-accesses-2020.csv.bz2');
    fs.writeFileSync(bz, Buffer.from('BZh91AY&SY\x00\x01\x02', 'latin1'));
    await expect((async () => {
      for await (const _ of readTrace(bz)) void _;
    })()).rejects.toThrow(`${bz}:1: bzip2-compressed input is not supported: decompress it first`);
  });

  it('rejects a missing file with the system error', async () => {
    await expect((async () => {
      for await (const _ of readTrace(path.join(dir, 'missing.csv'))) void _;
    })()).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
