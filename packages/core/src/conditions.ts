/**
 * Conditional requests, RFC 9110 §13.2.2, evaluated against the current version of an
 * object in the order the RFC (and S3) prescribe.
 */
import type { ObjectMeta } from './ports';

/**
 * The precondition headers of a GET or HEAD. Dates are milliseconds since the epoch. A field is
 * absent (undefined) when the request did not carry the header: `''` and `0` are values.
 */
export interface Conditions {
  ifMatch?: string;
  ifNoneMatch?: string;
  ifModifiedSinceMs?: number;
  ifUnmodifiedSinceMs?: number;
}

/** `ok`: serve; `not-modified`: 304; `precondition-failed`: 412. */
export type ConditionOutcome = 'ok' | 'not-modified' | 'precondition-failed';

/** Whether any condition is set. */
export function hasConditions(c: Conditions | undefined): boolean {
  return !!c && (c.ifMatch !== undefined || c.ifNoneMatch !== undefined || c.ifModifiedSinceMs !== undefined || c.ifUnmodifiedSinceMs !== undefined);
}

/**
 * 1. If-Match false → 412; else if absent, If-Unmodified-Since false → 412.
 * 2. If-None-Match false → 304; else if absent, If-Modified-Since false → 304.
 * HTTP dates have whole seconds, so Last-Modified is compared at second resolution.
 */
export function evaluateConditions(c: Conditions | undefined, meta: ObjectMeta): ConditionOutcome {
  if (!c) return 'ok';
  const modified = meta.lastModifiedMs;
  const modifiedS = modified === undefined ? undefined : Math.floor(modified / 1000);
  if (c.ifMatch !== undefined) {
    if (!etagListMatches(c.ifMatch, meta.etag, 'strong')) return 'precondition-failed';
  } else if (c.ifUnmodifiedSinceMs !== undefined && modifiedS !== undefined) {
    if (modifiedS > Math.floor(c.ifUnmodifiedSinceMs / 1000)) return 'precondition-failed';
  }
  if (c.ifNoneMatch !== undefined) {
    if (etagListMatches(c.ifNoneMatch, meta.etag, 'weak')) return 'not-modified';
  } else if (c.ifModifiedSinceMs !== undefined && modifiedS !== undefined) {
    if (modifiedS <= Math.floor(c.ifModifiedSinceMs / 1000)) return 'not-modified';
  }
  return 'ok';
}

/**
 * Whether a header value (`*`, or a comma-separated list of entity tags, quoted or not) names
 * `etag`. Strong comparison (If-Match) never matches weak tags; weak comparison
 * (If-None-Match) ignores the `W/` prefix.
 */
export function etagListMatches(header: string, etag: string, comparison: 'strong' | 'weak'): boolean {
  const value = header.trim();
  if (value === '*') return true;
  const current = normalize(etag);
  return value.split(',').some((raw) => {
    const candidate = normalize(raw.trim());
    if (comparison === 'strong' && (candidate.weak || current.weak)) return false;
    return candidate.tag === current.tag;
  });
}

function normalize(tag: string): { weak: boolean; tag: string } {
  const weak = tag.startsWith('W/');
  let t = weak ? tag.slice(2) : tag;
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) t = t.slice(1, -1);
  return { weak, tag: t };
}
