/**
 * Where a replayed trace comes from: a file (the Azure CSV or our JSONL, plain or gzip), or the
 * generator, named by a spec such as `generate:seed=7,apps=50,duration=10m`.
 */
import { generateTrace, type TraceGeneratorParams } from '../generator/generate';
import { readTrace, type TraceReader, type TraceReadOptions } from '../trace/read';
import type { TraceSource } from './prepare';

export const GENERATE_PREFIX = 'generate:';

/** The spec's keys and the generator parameters they set. */
const GENERATE_KEYS: Record<string, keyof TraceGeneratorParams> = {
  seed: 'seed',
  apps: 'apps',
  duration: 'durationMs',
  start: 'startMs',
  maxBlobBytes: 'maxBlobBytes',
  maxBlobsPerApp: 'maxBlobsPerApp',
  maxAccessesPerApp: 'maxAccessesPerApp',
};
const KEYS_LOWER = new Map(Object.entries(GENERATE_KEYS).map(([k, f]) => [k.toLowerCase(), f]));

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };
const UNIT_BYTES: Record<string, number> = { '': 1, b: 1, k: 1024, kib: 1024, kb: 1000, m: 2 ** 20, mib: 2 ** 20, mb: 1e6, g: 2 ** 30, gib: 2 ** 30, gb: 1e9 };

/** A spec that cannot be understood; the message names the part. */
export class TraceSpecError extends Error {
  override readonly name = 'TraceSpecError';
}

function parseNumber(key: string, value: string, units: Record<string, number>, defaultUnit: string): number {
  const m = /^(\d+(?:\.\d+)?)([a-z]*)$/i.exec(value.trim());
  const unit = m ? units[(m[2] || defaultUnit).toLowerCase()] : undefined;
  const n = m && unit !== undefined ? Math.round(Number(m[1]) * unit) : NaN;
  if (!Number.isSafeInteger(n)) throw new TraceSpecError(`generate spec: '${key}=${value}' is not a valid value`);
  return n;
}

/**
 * Parses `generate:seed=N,apps=M,duration=10m` (also `start=MS`, `maxBlobBytes=4MiB`,
 * `maxBlobsPerApp=N`, `maxAccessesPerApp=N`; keys are case-insensitive; duration takes ms, s,
 * m, h, d; defaults seed 1, apps 50, duration 10m). The generator checks the ranges.
 */
export function parseGenerateSpec(spec: string): TraceGeneratorParams {
  if (!spec.startsWith(GENERATE_PREFIX)) throw new TraceSpecError(`not a generate spec: '${spec}' (expected ${GENERATE_PREFIX}seed=N,apps=M,duration=10m)`);
  const params: TraceGeneratorParams = { seed: 1, apps: 50, durationMs: 10 * 60_000 };
  const body = spec.slice(GENERATE_PREFIX.length).trim();
  for (const part of body ? body.split(',') : []) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    const field = KEYS_LOWER.get(key.toLowerCase());
    if (!field) throw new TraceSpecError(`generate spec: unknown key '${key}' (expected ${Object.keys(GENERATE_KEYS).join(', ')})`);
    if (!value) throw new TraceSpecError(`generate spec: '${key}' has no value`);
    const n =
      field === 'durationMs' ? parseNumber(key, value, UNIT_MS, 'ms') : field === 'maxBlobBytes' ? parseNumber(key, value, UNIT_BYTES, '') : parseNumber(key, value, { '': 1 }, '');
    (params as unknown as Record<string, number>)[field] = n;
  }
  return params;
}

/** The spec of `params` (the inverse of {@link parseGenerateSpec}), for reports. */
export function formatGenerateSpec(params: TraceGeneratorParams): string {
  const parts = [`seed=${params.seed}`, `apps=${params.apps}`, `duration=${formatMs(params.durationMs)}`];
  if (params.startMs !== undefined) parts.push(`start=${params.startMs}`);
  if (params.maxBlobBytes !== undefined) parts.push(`maxBlobBytes=${params.maxBlobBytes}`);
  if (params.maxBlobsPerApp !== undefined) parts.push(`maxBlobsPerApp=${params.maxBlobsPerApp}`);
  if (params.maxAccessesPerApp !== undefined) parts.push(`maxAccessesPerApp=${params.maxAccessesPerApp}`);
  return GENERATE_PREFIX + parts.join(',');
}

function formatMs(ms: number): string {
  for (const [unit, f] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) if (ms % f === 0) return `${ms / f}${unit}`;
  return `${ms}ms`;
}

/** The generator as a source (each pass generates the same records again). */
export function generatedTraceSource(params: TraceGeneratorParams): TraceSource {
  return { name: formatGenerateSpec(params), seed: params.seed, open: () => generateTrace(params) };
}

/** A trace file as a source (read again for each pass); its JSONL header's seed, if any, is the report's. */
export function fileTraceSource(path: string, options: TraceReadOptions = {}): TraceSource & { reader: TraceReader | undefined } {
  const source = {
    name: path,
    reader: undefined as TraceReader | undefined,
    get seed(): number | undefined {
      const seed = source.reader?.header?.['seed'];
      return typeof seed === 'number' ? seed : undefined;
    },
    open(): TraceReader {
      source.reader = readTrace(path, options);
      return source.reader;
    },
  };
  return source;
}

/** `generate:...` → the generator; anything else is a file path. */
export function traceSource(spec: string, options: TraceReadOptions = {}): TraceSource {
  return spec.startsWith(GENERATE_PREFIX) ? generatedTraceSource(parseGenerateSpec(spec)) : fileTraceSource(spec, options);
}
