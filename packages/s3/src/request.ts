/**
 * What the cache can answer, read from a GetObject or HeadObject input: whether it may answer
 * at all, its preconditions, and the facts an S3 error body repeats.
 */
import type { GetObjectCommandInput, HeadObjectCommandInput } from '@aws-sdk/client-s3';
import type { Conditions } from '@faast/core';
import type { RenderContext } from './render';

export type ReadInput = GetObjectCommandInput | HeadObjectCommandInput;

/** GetObject inputs that change what S3 returns in ways the cache does not model: these requests go to S3. */
const GET_PASS_THROUGH_FIELDS = [
  'VersionId',
  'PartNumber',
  'SSECustomerAlgorithm',
  'SSECustomerKey',
  'SSECustomerKeyMD5',
  'ResponseCacheControl',
  'ResponseContentDisposition',
  'ResponseContentEncoding',
  'ResponseContentLanguage',
  'ResponseContentType',
  'ResponseExpires',
  'RequestPayer',
  'ExpectedBucketOwner',
] as const;

/**
 * Whether the cache may answer this request. Anything the cache does not model, and anything
 * the SDK itself would reject or transform (a key that is not well-formed UTF-16, a header
 * value Node cannot send, a date that is not one), goes to the SDK untouched: it then raises
 * its own error, and no lossy conversion can make two keys one cache entry.
 */
export function cacheable(input: ReadInput): boolean {
  const { Bucket, Key } = input;
  if (typeof Bucket !== 'string' || typeof Key !== 'string' || !Bucket || !Key) return false;
  // Access point and Object Lambda ARNs address other resources than a plain bucket.
  if (Bucket.includes(':') || LONE_SURROGATE.test(Bucket) || LONE_SURROGATE.test(Key)) return false;
  const fields = input as unknown as Record<string, unknown>;
  if (GET_PASS_THROUGH_FIELDS.some((field) => fields[field] !== undefined)) return false;
  for (const field of HEADER_FIELDS) {
    const value = fields[field];
    if (value !== undefined && (typeof value !== 'string' || INVALID_HEADER_CHAR.test(value))) return false;
  }
  // An empty entity-tag list is no list: what S3 makes of it is S3's to say.
  if ((input.IfMatch !== undefined && !input.IfMatch.trim()) || (input.IfNoneMatch !== undefined && !input.IfNoneMatch.trim())) return false;
  for (const field of DATE_FIELDS) {
    const value = fields[field];
    if (value !== undefined && !(value instanceof Date && value.getTime() >= 0 && value.getTime() <= LAST_HTTP_DATE_MS)) return false;
  }
  return true;
}

/** A UTF-16 code unit that is half of a surrogate pair without its other half (`u` mode matches only those). */
const LONE_SURROGATE = /\p{Cs}/u;
/** What Node refuses in a header value (its `checkInvalidHeaderChar`): the SDK would throw. */
const INVALID_HEADER_CHAR = /[^\t\x20-\x7e\x80-\xff]/;
/** Inputs the SDK sends as header values. */
const HEADER_FIELDS = ['IfMatch', 'IfNoneMatch', 'Range', 'ChecksumMode'] as const;
/** Inputs the SDK sends as HTTP dates; the cache answers for 1970 to 9999 (four-digit years). */
const DATE_FIELDS = ['IfModifiedSince', 'IfUnmodifiedSince'] as const;
const LAST_HTTP_DATE_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** The request's preconditions; a header the request does not carry is absent, never '' or 0. */
export function conditionsOf(input: ReadInput): Conditions {
  const c: Conditions = {};
  if (input.IfMatch !== undefined) c.ifMatch = input.IfMatch;
  if (input.IfNoneMatch !== undefined) c.ifNoneMatch = input.IfNoneMatch;
  if (input.IfModifiedSince !== undefined) c.ifModifiedSinceMs = input.IfModifiedSince.getTime();
  if (input.IfUnmodifiedSince !== undefined) c.ifUnmodifiedSinceMs = input.IfUnmodifiedSince.getTime();
  return c;
}

export function renderContext(input: ReadInput, checksums: boolean): RenderContext {
  return {
    key: input.Key!,
    range: input.Range,
    condition: input.IfMatch !== undefined ? 'If-Match' : input.IfUnmodifiedSince !== undefined ? 'If-Unmodified-Since' : undefined,
    checksums,
  };
}
