/**
 * The CSV format of the Azure Functions Blob Access Trace 2020: one header row, then one row
 * per access. Rows are parsed one at a time (the published file has 44 M of them).
 */
import { type TraceRecord } from './types';

export const AZURE_CSV_COLUMNS = [
  'Timestamp',
  'AnonRegion',
  'AnonUserId',
  'AnonAppName',
  'AnonFunctionInvocationId',
  'AnonBlobName',
  'BlobType',
  'AnonBlobETag',
  'BlobBytes',
  'Read',
  'Write',
] as const;

/** The header row, exactly as in the published file. */
export const AZURE_CSV_HEADER = AZURE_CSV_COLUMNS.join(',');

/** What is wrong with one row or line; the reader adds the source and line number. */
export class RowProblem extends Error {}

/** Splits a CSV row; quoted fields (RFC 4180, `""` for a quote) are allowed though the trace has none. */
export function splitCsvRow(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) throw new RowProblem('unterminated quoted field');
        value += line.slice(j, q);
        if (line[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      fields.push(value);
      if (j >= line.length) return fields;
      if (line[j] !== ',') throw new RowProblem(`unexpected character after a quoted field at column ${j + 1}`);
      i = j + 1;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

const NUMBER = /^\d+(?:\.\d*)?(?:[eE]\+?\d+)?$/;

function parseBool(value: string, column: string): boolean {
  const v = value.toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new RowProblem(`bad ${column} '${value}' (expected True or False)`);
}

/** One data row → a record; throws a RowProblem naming the column and the value. */
export function parseAzureCsvRow(line: string): TraceRecord {
  const f = splitCsvRow(line);
  if (f.length !== AZURE_CSV_COLUMNS.length) throw new RowProblem(`wrong column count: expected ${AZURE_CSV_COLUMNS.length}, got ${f.length}`);
  const [ts, region, user, app, invocation, blob, blobType, etag, size, read, write] = f as [string, string, string, string, string, string, string, string, string, string, string];
  if (!NUMBER.test(ts)) throw new RowProblem(`bad Timestamp '${ts}' (expected milliseconds since 1970)`);
  const timestampMs = Number(ts);
  if (!Number.isFinite(timestampMs)) throw new RowProblem(`bad Timestamp '${ts}' (expected milliseconds since 1970)`);
  let bytes: number | undefined;
  // Sizes are floats in the file (`5302.0`), empty when unknown; pandas may also write NaN.
  if (size !== '' && size.toLowerCase() !== 'nan') {
    bytes = Number(size);
    if (!NUMBER.test(size) || !Number.isSafeInteger(bytes)) throw new RowProblem(`bad BlobBytes '${size}' (expected a whole number of bytes such as 5302.0, or empty)`);
  }
  if (app === '') throw new RowProblem('empty AnonAppName');
  if (blob === '') throw new RowProblem('empty AnonBlobName');
  return {
    timestampMs,
    region,
    user,
    app,
    invocation,
    blob,
    blobType,
    etag,
    bytes,
    read: parseBool(read, 'Read'),
    write: parseBool(write, 'Write'),
  };
}

const NEEDS_QUOTES = /[",\r\n]/;
const field = (v: string): string => (NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** One record as a data row (no line end), in the published style: `5302.0`, `True`. */
export function formatAzureCsvRow(r: TraceRecord): string {
  const bytes = r.bytes === undefined ? '' : Number.isInteger(r.bytes) ? `${r.bytes}.0` : String(r.bytes);
  return `${r.timestampMs},${field(r.region)},${field(r.user)},${field(r.app)},${field(r.invocation)},${field(r.blob)},${field(r.blobType)},${field(r.etag)},${bytes},${r.read ? 'True' : 'False'},${r.write ? 'True' : 'False'}`;
}
