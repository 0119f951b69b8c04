/** Conversions between the engine's types (@faast/core) and the wire messages (@faast/rpc). */
import type { Conditions, ObjectMeta, PeerContext, ReadResult, Source as CoreSource } from '@faast/core';
import type { Conditions as WireConditions, Conditions__Output, ObjectMeta as WireMeta, ObjectMeta__Output, PeerContext__Output, Source__Output as Source, Status__Output as Status } from '@faast/rpc';

export const STATUS: Record<ReadResult['status'], Status> = {
  ok: 'OK',
  'partial-content': 'PARTIAL_CONTENT',
  'not-modified': 'NOT_MODIFIED',
  'precondition-failed': 'PRECONDITION_FAILED',
  'range-not-satisfiable': 'RANGE_NOT_SATISFIABLE',
  'not-found': 'NOT_FOUND',
  chunked: 'CHUNKED',
};

export const CORE_STATUS: Record<Status, ReadResult['status'] | undefined> = {
  STATUS_UNSPECIFIED: undefined,
  OK: 'ok',
  PARTIAL_CONTENT: 'partial-content',
  NOT_MODIFIED: 'not-modified',
  PRECONDITION_FAILED: 'precondition-failed',
  RANGE_NOT_SATISFIABLE: 'range-not-satisfiable',
  NOT_FOUND: 'not-found',
  CHUNKED: 'chunked',
};

export const SOURCE: Record<CoreSource, Source> = { hit: 'HIT', miss: 'MISS', 'pass-through': 'PASS_THROUGH' };
export const CORE_SOURCE: Record<Source, CoreSource> = { SOURCE_UNSPECIFIED: 'miss', HIT: 'hit', MISS: 'miss', PASS_THROUGH: 'pass-through' };

export function toWireMeta(meta: ObjectMeta): WireMeta {
  return {
    etag: meta.etag,
    size: meta.size,
    lastModifiedMs: meta.lastModifiedMs,
    contentType: meta.contentType,
    userMetadata: meta.userMetadata,
    headers: meta.headers,
  };
}

export function fromWireMeta(meta: ObjectMeta__Output): ObjectMeta {
  return {
    etag: meta.etag,
    size: meta.size,
    ...(present(meta.lastModifiedMs) ? { lastModifiedMs: meta.lastModifiedMs } : {}),
    contentType: meta.contentType,
    userMetadata: { ...meta.userMetadata },
    headers: { ...meta.headers },
  };
}

/** The engine's conditions from the wire: a field absent on the wire stays absent ('' and 0 are values). */
/** Whether an optional wire field was sent (the loader leaves absent fields undefined). */
function present<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}

export function fromWireConditions(c: Conditions__Output | null | undefined): Conditions | undefined {
  if (!c) return undefined;
  const out: Conditions = {};
  if (present(c.ifMatch)) out.ifMatch = c.ifMatch;
  if (present(c.ifNoneMatch)) out.ifNoneMatch = c.ifNoneMatch;
  if (present(c.ifModifiedSinceMs)) out.ifModifiedSinceMs = c.ifModifiedSinceMs;
  if (present(c.ifUnmodifiedSinceMs)) out.ifUnmodifiedSinceMs = c.ifUnmodifiedSinceMs;
  return out;
}

/** The wire form of the engine's conditions: absent fields are left out, not zeroed. */
export function toWireConditions(c: Conditions | undefined): WireConditions | undefined {
  return c && { ...c };
}

export function fromWireContext(ctx: PeerContext__Output | null): PeerContext {
  return { from: ctx?.from || 'unknown', epoch: ctx?.epoch ?? '' };
}
