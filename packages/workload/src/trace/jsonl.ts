/**
 * Our own trace format for generated traces: JSON Lines, a header object first
 * (`{"format":"faast-trace","version":1, ...the generator's parameters}`), then one
 * TraceRecord per line with the TraceRecord field names (`bytes` null when unknown).
 */
import { RowProblem } from './azure-csv';
import { type TraceRecord } from './types';

export const TRACE_JSONL_FORMAT = 'faast-trace';
export const TRACE_JSONL_VERSION = 1;

/** The first line of a JSONL trace; other fields (seed, apps, durationMs, ...) say how it was made. */
export interface TraceHeader {
  format: typeof TRACE_JSONL_FORMAT;
  version: typeof TRACE_JSONL_VERSION;
  [key: string]: unknown;
}

function parseObject(line: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new RowProblem(`bad JSON: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RowProblem('expected a JSON object');
  return value as Record<string, unknown>;
}

export function parseTraceJsonlHeader(line: string): TraceHeader {
  const h = parseObject(line);
  if (h['format'] !== TRACE_JSONL_FORMAT) throw new RowProblem(`not a faast-trace header (expected "format":"${TRACE_JSONL_FORMAT}")`);
  if (h['version'] !== TRACE_JSONL_VERSION) throw new RowProblem(`unsupported faast-trace version ${JSON.stringify(h['version'])} (this reader reads version ${TRACE_JSONL_VERSION})`);
  return h as TraceHeader;
}

const STRING_FIELDS = ['region', 'user', 'app', 'invocation', 'blob', 'blobType', 'etag'] as const;

export function parseTraceJsonlRecord(line: string): TraceRecord {
  const o = parseObject(line);
  const ts = o['timestampMs'];
  if (typeof ts !== 'number' || !Number.isFinite(ts) || ts < 0) throw new RowProblem(`bad timestampMs ${JSON.stringify(ts)} (expected milliseconds since 1970)`);
  for (const f of STRING_FIELDS) {
    if (typeof o[f] !== 'string') throw new RowProblem(`bad ${f} ${JSON.stringify(o[f])} (expected a string)`);
  }
  if (o['app'] === '') throw new RowProblem('empty app');
  if (o['blob'] === '') throw new RowProblem('empty blob');
  const bytes = o['bytes'];
  if (bytes !== undefined && bytes !== null && !(typeof bytes === 'number' && Number.isSafeInteger(bytes) && bytes >= 0)) {
    throw new RowProblem(`bad bytes ${JSON.stringify(bytes)} (expected a whole number ≥ 0, or null)`);
  }
  for (const f of ['read', 'write'] as const) {
    if (typeof o[f] !== 'boolean') throw new RowProblem(`bad ${f} ${JSON.stringify(o[f])} (expected true or false)`);
  }
  return {
    timestampMs: ts,
    region: o['region'] as string,
    user: o['user'] as string,
    app: o['app'] as string,
    invocation: o['invocation'] as string,
    blob: o['blob'] as string,
    blobType: o['blobType'] as string,
    etag: o['etag'] as string,
    bytes: (bytes as number | null | undefined) ?? undefined,
    read: o['read'] as boolean,
    write: o['write'] as boolean,
  };
}

/** The header line (no line end); `fields` may not override format and version. */
export function formatTraceJsonlHeader(fields: Record<string, unknown> = {}): string {
  const { format: _format, version: _version, ...rest } = fields;
  return JSON.stringify({ format: TRACE_JSONL_FORMAT, version: TRACE_JSONL_VERSION, ...rest });
}

const q = JSON.stringify;

/** One record as a line (no line end), fields in TraceRecord order. */
export function formatTraceJsonlRecord(r: TraceRecord): string {
  return `{"timestampMs":${r.timestampMs},"region":${q(r.region)},"user":${q(r.user)},"app":${q(r.app)},"invocation":${q(r.invocation)},"blob":${q(r.blob)},"blobType":${q(r.blobType)},"etag":${q(r.etag)},"bytes":${r.bytes ?? 'null'},"read":${r.read},"write":${r.write}}`;
}
