/**
 * How S3 answers a GET or HEAD of an object, given its request headers and the version it
 * would serve: the conditional headers (RFC 9110 §13, in S3's order of evaluation) and the
 * Range header (RFC 9110 §14, as S3 applies it). Pure functions; s3-get.ts applies them.
 */

/** The request headers these rules read (raw values; undefined when absent). */
export interface GetConditions {
  range?: string;
  ifMatch?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  ifUnmodifiedSince?: string;
}

/** What the rules need of the version that would be served. */
export interface VersionInfo {
  /** The quoted ETag, e.g. `"9e107d9d372bb6826bd81d3542a419d6"`. */
  etag: string;
  /** The Last-Modified header value (an HTTP-date: second resolution). */
  lastModified: string;
  /** Length in bytes. */
  size: number;
}

/** The outcome of the conditional headers. */
export type PreconditionOutcome =
  | { status: 200 }
  | { status: 304 }
  | { status: 412; condition: 'If-Match' | 'If-Unmodified-Since' };

/** The outcome of the Range header: the whole object, bytes `start..end` (inclusive), or 416. */
export type RangeOutcome = { status: 200 } | { status: 206; start: number; end: number } | { status: 416 };

/** The opaque part of an entity tag and whether it is weak: `W/"x"` → { tag: 'x', weak: true }. */
function parseTag(raw: string): { tag: string; weak: boolean } {
  const weak = raw.startsWith('W/');
  const quoted = weak ? raw.slice(2) : raw;
  // S3 also accepts an ETag sent without its quotes.
  const tag = quoted.length >= 2 && quoted.startsWith('"') && quoted.endsWith('"') ? quoted.slice(1, -1) : quoted;
  return { tag, weak };
}

/** Whether an If-Match / If-None-Match list names `etag` (`*` names any); weak tags match only if `weakOk`. */
function listMatches(list: string, etag: string, weakOk: boolean): boolean {
  const current = parseTag(etag).tag;
  return list
    .split(',')
    .map((item) => item.trim())
    .some((item) => {
      if (item === '*') return true;
      const { tag, weak } = parseTag(item);
      return (weakOk || !weak) && tag === current;
    });
}

/** Seconds since the epoch of an HTTP-date, or undefined if it is not a date (the header is then ignored). */
function seconds(date: string | undefined): number | undefined {
  if (date === undefined) return undefined;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/**
 * Evaluates the conditional headers against the version, in the order RFC 9110 §13.2.2 sets
 * and S3 follows: If-Match false → 412; else, without If-Match, If-Unmodified-Since false →
 * 412; then If-None-Match true (weak comparison, `*` for any) → 304; else, without
 * If-None-Match, If-Modified-Since false → 304. Dates compare at second resolution; a date
 * that does not parse is ignored.
 */
export function evaluatePreconditions(conditions: GetConditions, version: VersionInfo): PreconditionOutcome {
  const lastModified = seconds(version.lastModified) ?? 0;
  if (conditions.ifMatch !== undefined) {
    if (!listMatches(conditions.ifMatch, version.etag, false)) return { status: 412, condition: 'If-Match' };
  } else {
    const since = seconds(conditions.ifUnmodifiedSince);
    if (since !== undefined && lastModified > since) return { status: 412, condition: 'If-Unmodified-Since' };
  }
  if (conditions.ifNoneMatch !== undefined) {
    if (listMatches(conditions.ifNoneMatch, version.etag, true)) return { status: 304 };
  } else {
    const since = seconds(conditions.ifModifiedSince);
    if (since !== undefined && lastModified <= since) return { status: 304 };
  }
  return { status: 200 };
}

/**
 * Applies a Range header to an object of `size` bytes as S3 does (RFC 9110 §14.1.2):
 * `bytes=A-B` (B capped at the last byte), `bytes=A-`, and `bytes=-N` (the last N bytes, the
 * whole object if N ≥ size). A header that is not one valid byte range (another unit, `5-2`,
 * several ranges, which S3 does not serve) is ignored: the whole object. A range that selects
 * no byte — starting at or past the end, `bytes=-0`, any range of an empty object — is 416.
 */
export function selectRange(range: string | undefined, size: number): RangeOutcome {
  if (range === undefined) return { status: 200 };
  const spec = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(range);
  if (spec === null) return { status: 200 };
  const [first, last] = [spec[1]!, spec[2]!];
  if (first === '') {
    if (last === '') return { status: 200 };
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { status: 416 };
    return { status: 206, start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return { status: 200 };
  if (start >= size) return { status: 416 };
  return { status: 206, start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}
