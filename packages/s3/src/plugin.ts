/**
 * `withFaast(s3Client)`: an AWS SDK v3 plugin that serves GetObject and HeadObject through
 * the application's near cache and cachelet, and tells the cachelet about writes.
 *
 * Two middlewares, in the SDK's own plugin pattern (no SDK internals are patched):
 * - `faastReadMiddleware` (initialize step, low priority: after the SDK validated the input)
 *   answers from the near cache (objects this process read, held in memory; see
 *   near-cache.ts), else asks the cachelet, and has the client's own protocol deserializer
 *   build the output — or the error, with S3's classes, names and messages. Answering here
 *   skips serialization, signing and the retry loop. On any cache fault it calls `next` — the
 *   unchanged request to S3.
 * - `faastWriteMiddleware` (initialize step, high priority: sees the parsed output and thrown
 *   errors) drops the near cache's copy and sends the new version or an invalidation to the
 *   cachelet after a write reached S3.
 *
 * The wrapped client also gets the SDK's own handler cache (`cacheMiddleware`): without it,
 * every send() resolves the whole middleware stack again, ~8× the rest of a near-cache hit.
 */
import type { Readable } from 'node:stream';
import { GetObjectCommand, type GetObjectCommandInput, type HeadObjectCommandInput, type S3Client } from '@aws-sdk/client-s3';
import type { ObjectRef } from '@faast/rpc';
import type { HandlerExecutionContext } from '@smithy/types';
import type { HttpResponse } from '@smithy/core/protocols';
import { isSupportedRange, type Conditions } from '@faast/core/rules';
import { CacheBody } from './body';
import { resolveFaastS3Config, type FaastS3Options, type ResolvedFaastS3Config } from './config';
import { CacheletConnection } from './connection';
import type * as EmbeddedModule from './embedded';
import type { EmbeddedTransport } from './embedded';
import { bypassCache, bypassed } from './bypass';
import { Bypass, type CacheTransport } from './transport';
import { renderGet, renderHead } from './render';
import { NearCache, nearKey } from './near-cache';
import { answerFromNear, type HeldObjects } from './near-serve';
import { bufferBody, deserialize, type Output } from './output';
import { cacheable, conditionsOf, renderContext, type ReadInput } from './request';

/** A way to the cachelet, and the near cache its invalidations keep. */
interface Link {
  conn: CacheTransport;
  near: HeldObjects | undefined;
}

const links = new Map<string, Link>();

/**
 * One transport and near cache per socket and process — clients wrapped separately share
 * them — and one embedded cachelet per process (the first wrapped client's configuration
 * starts it). The embedded mode's code (the engine's peer network, Redis membership) is
 * loaded only when it is used: every function pays for what the interceptor loads.
 */
function linkFor(client: S3Client, config: ResolvedFaastS3Config): Link {
  const name = config.embedded ? 'embedded' : config.socket!;
  let link = links.get(name);
  if (!link) {
    let conn: CacheTransport;
    if (config.embedded) {
      const { EmbeddedTransport } = require('./embedded') as typeof EmbeddedModule; // eslint-disable-line @typescript-eslint/no-require-imports
      conn = new EmbeddedTransport(client, config.embedded, (reason) => config.onEvent({ level: 'warn', msg: 'cache-bypassed', socket: 'embedded', reason }));
    } else {
      conn = new CacheletConnection(config.socket!, config);
    }
    const near: HeldObjects | undefined = config.nearCache ? new NearCache(config.nearCache) : undefined;
    if (near) conn.watch(near);
    link = { conn, near };
    links.set(name, link);
  }
  return link;
}

/** Closes every cachelet connection of this process, and stops an embedded cachelet (tests, graceful exits). */
export async function closeFaastConnections(): Promise<void> {
  const all = [...links.values()];
  links.clear();
  for (const l of all) l.near?.close();
  await Promise.all(all.map((l) => l.conn.close()));
}

/** The embedded cachelet of this process, if one runs (for stats). */
export function embeddedCachelet(): EmbeddedTransport['engine'] {
  const conn = links.get('embedded')?.conn as EmbeddedTransport | undefined;
  return conn?.engine;
}

/** The near cache of a socket (or of the embedded cachelet: `'embedded'`), for stats and tests. */
export function nearCacheOf(socket: string): { size: number; bytes: number; active: boolean; counters: NearCache<unknown>['counters'] } | undefined {
  return links.get(socket)?.near;
}

const wrapped = new WeakSet<S3Client>();

/**
 * Serves the client's reads through the application's near cache and cachelet and returns
 * the same client. Without a socket (`options.socket` or `$FAAST_SOCKET`) or embedded mode
 * it changes nothing.
 */
export function withFaast<T extends S3Client>(client: T, options?: FaastS3Options): T {
  const config = resolveFaastS3Config(options);
  if ((!config.socket && !config.embedded) || wrapped.has(client)) return client;
  wrapped.add(client);
  const { conn, near } = linkFor(client, config);
  client.middlewareStack.add(readMiddleware(client, conn, near), {
    step: 'initialize',
    priority: 'low',
    name: 'faastReadMiddleware',
    tags: ['FAAST', 'CACHE'],
  });
  client.middlewareStack.add(writeMiddleware(conn, near), {
    step: 'initialize',
    priority: 'high',
    name: 'faastWriteMiddleware',
    tags: ['FAAST', 'CACHE'],
  });
  if (config.cacheMiddleware) (client.config as { cacheMiddleware?: boolean }).cacheMiddleware = true;
  return client;
}

type Next = (args: any) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Args = { input: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

function readMiddleware(client: S3Client, conn: CacheTransport, near: HeldObjects | undefined) {
  return (next: Next, context: HandlerExecutionContext) =>
    async (args: Args): Promise<any> => { // eslint-disable-line @typescript-eslint/no-explicit-any
      const command = context.commandName;
      const get = command === 'GetObjectCommand';
      if ((!get && command !== 'HeadObjectCommand') || bypassed(args.input)) return next(args);
      const input = args.input as ReadInput;
      if (!cacheable(input) || (get ? !rangeServed(input) : (input as { Range?: unknown }).Range !== undefined)) return next(args);
      const conditions = conditionsOf(input);
      let answered: { output: Output; response?: HttpResponse } | undefined;
      try {
        const checksums = await wantsChecksums(client, input);
        if (near) {
          // A near-cache hit completes without I/O: an application reading in a loop would never
          // let the event loop turn, and invalidations waiting on the socket (and timers) would
          // starve. One turn per hit (a few µs) keeps them flowing.
          await new Promise<void>((resolve) => setImmediate(resolve));
          const output = await answerFromNear(client, context, near, input, get, checksums, conditions);
          if (output) return { output };
        }
        if (!(await conn.usable())) return await next(args);
        answered = get
          ? await serveGet(client, context, conn, near, input as GetObjectCommandInput, checksums, conditions)
          : await serveHead(client, context, conn, input as HeadObjectCommandInput, checksums, conditions);
      } catch (err) {
        if (!(err instanceof Bypass)) throw err;
      }
      return answered ?? next(args);
    };
}

/** A Range the cache answers: none, or one S3 honours (others go to S3, which ignores or refuses them). */
function rangeServed(input: ReadInput): boolean {
  const range = (input as GetObjectCommandInput).Range;
  return range === undefined || isSupportedRange(range);
}

/** S3 returns checksums when the request enables them, as the SDK does by default (WHEN_SUPPORTED). */
async function wantsChecksums(client: S3Client, input: { ChecksumMode?: string }): Promise<boolean> {
  if (input.ChecksumMode === 'ENABLED') return true;
  const mode = client.config.responseChecksumValidation as unknown;
  const value = typeof mode === 'function' ? await (mode as () => Promise<string>)() : mode;
  return value === 'WHEN_SUPPORTED';
}

/**
 * A GetObject through the cachelet. A whole object the cachelet registered this process as a
 * holder of (and small enough) is read to its end and kept in the near cache; anything else
 * streams through.
 */
async function serveGet(
  client: S3Client,
  context: HandlerExecutionContext,
  conn: CacheTransport,
  near: HeldObjects | undefined,
  input: GetObjectCommandInput,
  checksums: boolean,
  conditions: Conditions,
): Promise<{ output: Output; response: HttpResponse }> {
  const ref: ObjectRef = { bucket: input.Bucket!, key: input.Key! };
  const key = nearKey(ref.bucket!, ref.key!);
  const hold = !!near?.active && input.Range === undefined;
  let read = hold ? near!.begin(key) : undefined;
  try {
    const { header, first, call } = await conn.startGet({ ref, ...(input.Range !== undefined ? { range: input.Range } : {}), conditions, ...(hold ? { hold } : {}) });
    const ctx = renderContext(input, checksums);
    const hasBody = header.status === 'OK' || header.status === 'PARTIAL_CONTENT';
    if (!hasBody) {
      // Nothing follows the header; drain the stream (an unlistened error would be thrown).
      call.on('error', () => undefined);
      call.resume();
      const response = renderGet(header, undefined as unknown as Readable, ctx);
      return { output: await deserialize(client, context, response), response };
    }
    const start = header.status === 'PARTIAL_CONTENT' ? header.rangeStart : 0;
    if (start === undefined) throw new Bypass('fault', 'a partial reply without its range');
    const end = start + header.contentLength - 1;
    const etag = header.meta!.etag;
    const body = new CacheBody(
      call,
      first,
      header.contentLength,
      (offset) => readRest(client, input, etag, start + offset, end),
      (reason) => conn.failed(new Bypass('fault', reason)),
    );
    if (read && header.held && header.status === 'OK' && header.contentLength <= near!.options.maxObjectBytes) {
      // Held: read it whole (at most maxObjectBytes), keep it, and answer from memory.
      const bytes = await collect(body, header.contentLength);
      near!.end(key, read, { body: bytes, meta: header.meta! });
      read = undefined;
      const response = renderGet(header, bufferBody(bytes), ctx);
      return { output: await deserialize(client, context, response), response };
    }
    const response = renderGet(header, body, ctx);
    return { output: await deserialize(client, context, response), response };
  } finally {
    if (read) near!.end(key, read);
  }
}

async function serveHead(
  client: S3Client,
  context: HandlerExecutionContext,
  conn: CacheTransport,
  input: HeadObjectCommandInput,
  checksums: boolean,
  conditions: Conditions,
): Promise<{ output: Output; response: HttpResponse }> {
  const reply = await conn.head({ ref: { bucket: input.Bucket!, key: input.Key! }, conditions });
  const response = renderHead(reply, renderContext(input, checksums));
  return { output: await deserialize(client, context, response), response };
}

/** A body read to its end (it continues from storage by itself if the cache breaks). */
async function collect(body: Readable, length: number): Promise<Buffer> {
  const out = Buffer.allocUnsafe(length);
  let at = 0;
  for await (const chunk of body) {
    (chunk as Buffer).copy(out, at);
    at += (chunk as Buffer).length;
  }
  if (at !== length) throw new Error(`a held body ended after ${at} of ${length} bytes`);
  return out;
}

/** The rest of a body whose cached reply broke: same version, from the first missing byte. */
async function readRest(client: S3Client, input: GetObjectCommandInput, etag: string, from: number, to: number): Promise<Readable> {
  const command = bypassCache(new GetObjectCommand({ Bucket: input.Bucket, Key: input.Key, Range: `bytes=${from}-${to}`, IfMatch: etag }));
  const out = await client.send(command);
  // Only the same version may continue the body: an origin that ignores If-Match must not splice in another.
  if (out.ETag !== etag || !out.ContentRange?.startsWith(`bytes ${from}-`)) {
    (out.Body as unknown as Readable).destroy();
    throw new Error(`${input.Key} changed while it was read (ETag ${out.ETag ?? 'none'}, was ${etag})`);
  }
  return out.Body as unknown as Readable;
}

function writeMiddleware(conn: CacheTransport, near: HeldObjects | undefined) {
  return (next: Next, context: HandlerExecutionContext) =>
    async (args: { input: Record<string, any> }): Promise<any> => { // eslint-disable-line @typescript-eslint/no-explicit-any
      const refs = writtenRefs(context.commandName, args.input);
      if (!refs) return next(args);
      // This process's own copy goes now, and reads already in flight are not kept: its next
      // read must see this write even before the cachelet's invalidation comes back.
      near?.invalidated(refs);
      let result;
      try {
        result = await next(args);
      } catch (err) {
        // The write may or may not have happened at S3: the cached copies cannot be trusted.
        await conn.invalidate(refs);
        near?.invalidated(refs);
        throw err;
      }
      const out = result.output as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      const etag: string | undefined = context.commandName === 'CopyObjectCommand' ? out?.CopyObjectResult?.ETag : out?.ETag;
      if (refs.length === 1 && etag && context.commandName !== 'DeleteObjectCommand') await conn.notifyWrite(refs[0]!, etag);
      else await conn.invalidate(refs);
      // A read that began during the write may have kept the old version: gone too.
      near?.invalidated(refs);
      return result;
    };
}

/** The objects a command writes or deletes, or undefined for commands that change no object's bytes. */
function writtenRefs(command: string | undefined, input: Record<string, any>): ObjectRef[] | undefined { // eslint-disable-line @typescript-eslint/no-explicit-any
  switch (command) {
    case 'PutObjectCommand':
    case 'CopyObjectCommand':
    case 'CompleteMultipartUploadCommand':
    case 'DeleteObjectCommand':
      return typeof input.Bucket === 'string' && typeof input.Key === 'string' ? [{ bucket: input.Bucket, key: input.Key }] : [];
    case 'DeleteObjectsCommand': {
      const objects: { Key?: string }[] = input.Delete?.Objects ?? [];
      return objects.filter((o) => typeof o.Key === 'string').map((o) => ({ bucket: input.Bucket, key: o.Key! }));
    }
    default:
      return undefined;
  }
}

