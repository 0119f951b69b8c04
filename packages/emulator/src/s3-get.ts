/**
 * GET and HEAD of an object answered as S3 answers them, for both of the emulator's endpoints.
 *
 * s3rver 3.7.1 ignores If-Match and If-Unmodified-Since, applies If-Modified-Since even with
 * If-None-Match, reads `bytes=-3` as `0-3` and `bytes=0-0` as the whole object, answers
 * `bytes=5-2` with 416 instead of ignoring it, and answers a range of an empty object with a
 * 206 promising a byte it never sends (a client then waits for it). Tests against it could not
 * catch a mistake in exactly those cases. {@link answerGetsAsS3} takes those headers away from
 * s3rver and applies get-rules.ts instead:
 *
 * - a Koa middleware in front of s3rver's routes moves the Range and conditional headers of a
 *   GET or HEAD out of the request (s3rver's own handling never sees them) into a table, under
 *   a one-time token that reaches the store as the only range s3rver then sees
 *   (`bytes=TOKEN-`, its `options.start`) — not an AsyncLocalStorage scope, which turns on
 *   promise hooks for the whole process and doubled the emulator's CPU per byte — and turns
 *   the outcome below into the response: 304 with ETag and
 *   Last-Modified and no body, or 412 / 416 with S3's XML error body (a 416 also with a
 *   Content-Range naming the object's size), so an SDK raises the error it raises against S3;
 * - the store's `getObject` evaluates them against the version it reads, and serves the range.
 *   Installed before `makeStoreAtomic` (atomic.ts), it runs under the object's shared lock:
 *   the conditions are evaluated against exactly the version whose bytes are sent. A 304, 412
 *   or 416 closes the file at once.
 *
 * Bucket and key errors (NoSuchBucket, NoSuchKey, AccessDenied) come first, as in S3: they
 * are raised before the store is asked for the object.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import type S3rver from 's3rver';
import { evaluatePreconditions, selectRange, type GetConditions, type VersionInfo } from './get-rules';

/** The request headers taken away from s3rver. */
const HEADERS = {
  range: 'range',
  ifMatch: 'if-match',
  ifNoneMatch: 'if-none-match',
  ifModifiedSince: 'if-modified-since',
  ifUnmodifiedSince: 'if-unmodified-since',
} as const satisfies Record<keyof GetConditions, string>;

/** A response decided by the rules rather than by s3rver, thrown from the store to the middleware. */
class RuledAnswer extends Error {
  constructor(
    readonly status: 304 | 412 | 416,
    readonly headers: Record<string, string>,
    readonly error?: { code: string; message: string; detail: Record<string, string> },
  ) {
    super(error?.message ?? 'Not Modified');
  }
}

const xmlEscape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** S3's error document: `<Error><Code>…</Code><Message>…</Message>…detail…</Error>`. */
function errorXml(error: NonNullable<RuledAnswer['error']>): string {
  const fields = { Code: error.code, Message: error.message, ...error.detail };
  const inner = Object.entries(fields)
    .map(([name, value]) => `<${name}>${xmlEscape(value)}</${name}>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${inner}</Error>`;
}

/** What a GET or HEAD of `version` answers instead of the whole object, if anything; or the range to serve. */
function decide(conditions: GetConditions, version: VersionInfo): RuledAnswer | { start: number; end: number } | undefined {
  const precondition = evaluatePreconditions(conditions, version);
  if (precondition.status === 304) return new RuledAnswer(304, { ETag: version.etag, 'Last-Modified': version.lastModified });
  if (precondition.status === 412) {
    return new RuledAnswer(412, {}, {
      code: 'PreconditionFailed',
      message: 'At least one of the pre-conditions you specified did not hold',
      detail: { Condition: precondition.condition },
    });
  }
  const range = selectRange(conditions.range, version.size);
  if (range.status === 416) {
    return new RuledAnswer(416, { 'Content-Range': `bytes */${version.size}` }, {
      code: 'InvalidRange',
      message: 'The requested range is not satisfiable',
      detail: { RangeRequested: conditions.range ?? '', ActualObjectSize: String(version.size) },
    });
  }
  return range.status === 206 ? { start: range.start, end: range.end } : undefined;
}

/** A read stream of bytes `start..end` of `path`, once its file is open. */
function openRange(path: string, start: number, end: number): Promise<ReadStream> {
  return new Promise((resolve, reject) => {
    const stream = createReadStream(path, { start, end });
    stream.once('error', reject);
    stream.once('open', () => {
      stream.off('error', reject);
      resolve(stream);
    });
  });
}

/**
 * Makes s3rver answer GET and HEAD of an object as S3 does (see the top of this file). Call it
 * before `run()` (the middleware is composed then) and before `makeStoreAtomic`.
 */
export function answerGetsAsS3(s3rver: S3rver): void {
  // Tokens far above any real offset (the real Range is taken away before s3rver parses it).
  const pending = new Map<number, GetConditions>();
  let nextToken = 2 ** 52;

  s3rver.middleware.unshift(async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const conditions: GetConditions = {};
    for (const [field, name] of Object.entries(HEADERS) as Array<[keyof GetConditions, string]>) {
      const value = ctx.req.headers[name];
      if (typeof value === 'string') conditions[field] = value;
      delete ctx.req.headers[name];
    }
    const token = nextToken++;
    pending.set(token, conditions);
    ctx.req.headers['range'] = `bytes=${token}-`;
    try {
      await next();
    } catch (err) {
      if (!(err instanceof RuledAnswer)) throw err;
      ctx.status = err.status;
      ctx.set(err.headers);
      if (err.error) {
        ctx.type = 'application/xml';
        ctx.body = errorXml(err.error);
      }
    } finally {
      pending.delete(token);
    }
  });

  const store = s3rver.store;
  const previous = store.getObject;
  store.getObject = async function (this: S3rver.FilesystemStore, bucket, key, options) {
    const conditions = options?.start === undefined ? undefined : pending.get(options.start);
    if (conditions === undefined) return previous.call(this, bucket, key, options);
    // The whole version, its file open: the rules apply to its metadata.
    const object = await previous.call(this, bucket, key);
    if (object === null) return null;
    const content = object.content as ReadStream;
    try {
      const { etag, 'last-modified': lastModified, 'content-length': size } = object.metadata;
      const outcome = decide(conditions, { etag: String(etag), lastModified: String(lastModified), size: Number(size) });
      if (outcome instanceof RuledAnswer) throw outcome;
      if (outcome !== undefined) {
        // Under the object's shared lock the file is still this version's.
        object.content = await openRange(this.getResourcePath(bucket, key, 'object'), outcome.start, outcome.end);
        object.range = outcome;
        content.destroy();
      }
      return object;
    } catch (err) {
      content.destroy();
      throw err;
    }
  };
}
