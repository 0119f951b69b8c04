/**
 * Single byte ranges of RFC 9110 §14 as S3 accepts them: `bytes=first-last`, `bytes=first-`,
 * `bytes=-suffix`. Multiple ranges and other units are not supported by S3 either.
 */
import type { ByteRange } from './ports';
import { invalidArgument } from './errors';

/** A parsed Range header, before the object's size is known. */
export type RangeSpec =
  | { kind: 'from'; first: number; last?: number }
  | { kind: 'suffix'; length: number };

const RANGE = /^bytes=(?:(\d+)-(\d*)|-(\d+))$/i; // range units are case-insensitive (RFC 9110 §14.1)

/**
 * Parses one byte range. Returns `undefined` for an empty header (the whole object) and
 * throws INVALID_ARGUMENT for anything else that is not a single satisfiable-in-form range
 * (including `first > last`, which RFC 9110 calls invalid).
 */
export function parseRange(header: string | undefined): RangeSpec | undefined {
  if (header === undefined || header === '') return undefined;
  const m = RANGE.exec(header.trim());
  if (!m) throw invalidArgument(`range: '${truncate(header)}' is not a single byte range (bytes=FIRST-LAST, bytes=FIRST-, bytes=-SUFFIX)`, 'range');
  if (m[3] !== undefined) return { kind: 'suffix', length: toInt(m[3], header) };
  const first = toInt(m[1]!, header);
  if (m[2] === '') return { kind: 'from', first };
  const last = toInt(m[2]!, header);
  if (last < first) throw invalidArgument(`range: '${truncate(header)}' ends before it starts`, 'range');
  return { kind: 'from', first, last };
}

/** Whether `header` is a range this module can answer, without throwing. */
export function isSupportedRange(header: string): boolean {
  try {
    parseRange(header);
    return true;
  } catch {
    return false;
  }
}

/**
 * The bytes a range selects in an object of `size` bytes, or `'unsatisfiable'` (416): a
 * first byte at or past the end, a zero-length suffix, or any range of an empty object.
 */
export function resolveRange(spec: RangeSpec, size: number): ByteRange | 'unsatisfiable' {
  if (size === 0) return 'unsatisfiable';
  if (spec.kind === 'suffix') {
    if (spec.length === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - spec.length), end: size - 1 };
  }
  if (spec.first >= size) return 'unsatisfiable';
  return { start: spec.first, end: Math.min(spec.last ?? size - 1, size - 1) };
}

/** `bytes=start-end` for a resolved range. */
export function formatRange(range: ByteRange): string {
  return `bytes=${range.start}-${range.end}`;
}

function toInt(digits: string, header: string): number {
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) throw invalidArgument(`range: '${truncate(header)}' has a position beyond 2^53`, 'range');
  return n;
}

function truncate(s: string): string {
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}
