/**
 * Renders a cachelet's answer as the HTTP response S3 itself would send, so that the SDK's
 * own deserializer builds the output — or the error: same classes, names, messages and
 * `$metadata` as without the cache.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { HttpResponse } from '@smithy/core/protocols';
import type { GetHeader__Output, HeadReply__Output, ObjectMeta__Output, Status__Output } from '@faast/rpc';

/** The request facts an S3 error body repeats. */
export interface RenderContext {
  key: string;
  range?: string;
  /** Which precondition header the request carried (for PreconditionFailed). */
  condition?: string;
  /** Whether the request asked for checksums (x-amz-checksum-mode: ENABLED). */
  checksums: boolean;
}

const STATUS_CODES: Record<Status__Output, number> = {
  STATUS_UNSPECIFIED: 500,
  OK: 200,
  PARTIAL_CONTENT: 206,
  NOT_MODIFIED: 304,
  PRECONDITION_FAILED: 412,
  RANGE_NOT_SATISFIABLE: 416,
  NOT_FOUND: 404,
  CHUNKED: 500, // between cachelets only; never reaches an application
};

/** The response to a GetObject. */
export function renderGet(header: GetHeader__Output, body: Readable, ctx: RenderContext, head = false): HttpResponse {
  const statusCode = STATUS_CODES[header.status];
  const meta = header.meta;
  const headers = requestIds();
  switch (header.status) {
    case 'OK':
    case 'PARTIAL_CONTENT':
      Object.assign(headers, objectHeaders(meta!, ctx.checksums && header.status === 'OK'));
      headers['content-length'] = String(header.contentLength);
      if (header.status === 'PARTIAL_CONTENT') headers['content-range'] = `bytes ${header.rangeStart}-${header.rangeEnd}/${meta!.size}`;
      return new HttpResponse({ statusCode, headers, body });
    case 'NOT_MODIFIED':
      // S3 repeats the validators of the current version on a 304, without a body.
      if (meta) {
        headers['etag'] = meta.etag;
        if (meta.lastModifiedMs !== undefined) headers['last-modified'] = new Date(meta.lastModifiedMs).toUTCString();
      }
      return new HttpResponse({ statusCode, headers, body: empty() });
    default:
      return errorResponse(statusCode, header.status, meta, ctx, head);
  }
}

/** The response to a HeadObject (never a body; errors carry only the status, as S3's do). */
export function renderHead(reply: HeadReply__Output, ctx: RenderContext): HttpResponse {
  const statusCode = STATUS_CODES[reply.status];
  const headers = requestIds();
  if (reply.status === 'OK') {
    Object.assign(headers, objectHeaders(reply.meta!, ctx.checksums));
    headers['content-length'] = String(reply.meta!.size);
    return new HttpResponse({ statusCode, headers, body: empty() });
  }
  return errorResponse(statusCode, reply.status, reply.meta, ctx, true);
}

function objectHeaders(meta: ObjectMeta__Output, checksums: boolean): Record<string, string> {
  const h: Record<string, string> = { 'accept-ranges': 'bytes', etag: meta.etag };
  if (meta.lastModifiedMs !== undefined) h['last-modified'] = new Date(meta.lastModifiedMs).toUTCString();
  if (meta.contentType) h['content-type'] = meta.contentType;
  for (const [name, value] of Object.entries(meta.headers)) {
    if (name.startsWith('x-amz-checksum-') && !checksums) continue;
    h[name] = value;
  }
  for (const [name, value] of Object.entries(meta.userMetadata)) h[`x-amz-meta-${name}`] = value;
  return h;
}

function errorResponse(statusCode: number, status: Status__Output, meta: ObjectMeta__Output | null, ctx: RenderContext, head: boolean): HttpResponse {
  const headers = requestIds();
  if (head) return new HttpResponse({ statusCode, headers, body: empty() });
  let fields: [string, string][];
  switch (status) {
    case 'NOT_FOUND':
      fields = [['Code', 'NoSuchKey'], ['Message', 'The specified key does not exist.'], ['Key', ctx.key]];
      break;
    case 'PRECONDITION_FAILED':
      fields = [['Code', 'PreconditionFailed'], ['Message', 'At least one of the pre-conditions you specified did not hold'], ['Condition', ctx.condition ?? 'If-Match']];
      break;
    case 'RANGE_NOT_SATISFIABLE':
      fields = [
        ['Code', 'InvalidRange'],
        ['Message', 'The requested range is not satisfiable'],
        ['RangeRequested', ctx.range ?? ''],
        ['ActualObjectSize', String(meta?.size ?? 0)],
      ];
      if (meta) headers['content-range'] = `bytes */${meta.size}`;
      break;
    default:
      fields = [['Code', 'InternalError'], ['Message', 'We encountered an internal error. Please try again.']];
  }
  fields.push(['RequestId', headers['x-amz-request-id']!], ['HostId', headers['x-amz-id-2']!]);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${fields.map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`).join('')}</Error>`;
  const body = Buffer.from(xml);
  headers['content-type'] = 'application/xml';
  headers['content-length'] = String(body.length);
  return new HttpResponse({ statusCode, headers, body: Readable.from([body]) });
}

/** Request ids in S3's shape, marked as the cache's. */
/** Request ids of cached replies: unique per process (a random prefix) and per reply (a counter), as cheap as a counter. */
const ID_PREFIX = randomBytes(4).toString('hex').toUpperCase();
const HOST_ID = `faast/${randomBytes(12).toString('base64')}`;
let replies = 0;

function requestIds(): Record<string, string> {
  const ids = replyIds();
  return { 'x-amz-request-id': ids.requestId, 'x-amz-id-2': ids.extendedRequestId, date: new Date().toUTCString() };
}

/** The ids of one cached reply, as `$metadata` names them. */
export function replyIds(): { requestId: string; extendedRequestId: string } {
  replies = (replies + 1) % 0x1_0000_0000;
  return { requestId: `FAAST${ID_PREFIX}${replies.toString(16).toUpperCase().padStart(8, '0')}`, extendedRequestId: HOST_ID };
}

function empty(): Readable {
  return Readable.from([]);
}

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}
