/**
 * The S3 origin adapter: the cachelet's `Origin` port over @aws-sdk/client-s3.
 *
 * Credentials and region come from the standard AWS chain unless given. Every response's raw
 * headers are captured, so that a cached reply can repeat what S3 said (user metadata,
 * encryption, storage class, ...) exactly.
 */
import { type Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  type GetObjectCommandInput,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { bypassCache } from './bypass';
import { checkS3Origin, errorName, httpStatus, isS3Fault } from './origin-check';
import type { DeserializeHandler, DeserializeHandlerArguments } from '@smithy/types';
import type { ByteRange, ObjectMeta, ObjectRef, Origin, OriginGetOptions, OriginGetResult } from '@faast/core';

/** Options of the S3 origin. */
export interface S3OriginOptions {
  /** Serve only this bucket; requests for others are refused (the interceptor reads them directly). Default: any bucket. */
  bucket?: string;
  /** A custom endpoint (S3-compatible servers, emulators), e.g. `http://127.0.0.1:9000`. Default: AWS. */
  endpoint?: string;
  /** Region; default: the SDK's own chain (AWS_REGION, profile). The daemon resolves it first (`resolveS3Region`) so that `us-east-1` is the last resort. */
  region?: string;
  /** Path-style addressing (`endpoint/bucket/key`), needed by most emulators. Default: true with `endpoint`, else false. */
  forcePathStyle?: boolean;
  /**
   * When the SDK computes and validates checksums. `when-supported` is the SDK default; use
   * `when-required` for servers that do not understand aws-chunked uploads (s3rver). Default
   * `when-supported`.
   */
  checksums?: 'when-supported' | 'when-required';
  /** Extra client configuration (credentials, retries, ...), merged last. */
  clientConfig?: S3ClientConfig;
}

/** Response headers a faithful cached reply repeats (lower case). Content-Length/Range, dates and request ids are per reply. */
const REPEATED_HEADERS = new Set([
  'cache-control',
  'content-disposition',
  'content-encoding',
  'content-language',
  'expires',
  'x-amz-expiration',
  'x-amz-missing-meta',
  'x-amz-object-lock-legal-hold',
  'x-amz-object-lock-mode',
  'x-amz-object-lock-retain-until-date',
  'x-amz-replication-status',
  'x-amz-request-charged',
  'x-amz-restore',
  'x-amz-server-side-encryption',
  'x-amz-server-side-encryption-aws-kms-key-id',
  'x-amz-server-side-encryption-bucket-key-enabled',
  'x-amz-storage-class',
  'x-amz-tagging-count',
  'x-amz-version-id',
  'x-amz-website-redirect-location',
]);

/** Builds the S3 client config of an origin (shared by the daemon and the embedded mode). */
export function s3OriginClientConfig(options: S3OriginOptions): S3ClientConfig {
  const checksum = options.checksums === 'when-required' ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED';
  return {
    ...(options.region ? { region: options.region } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    forcePathStyle: options.forcePathStyle ?? !!options.endpoint,
    requestChecksumCalculation: checksum,
    responseChecksumValidation: checksum,
    ...options.clientConfig,
  };
}

export class S3Origin implements Origin {
  readonly id: string;
  readonly client: S3Client;
  readonly bucket: string | undefined;

  private readonly ownsClient: boolean;

  /** With `client`, reads go through that client (an application's own, in embedded mode), marked to bypass its cache. */
  constructor(options: S3OriginOptions = {}, client?: S3Client) {
    this.ownsClient = !client;
    this.client = client ?? new S3Client(s3OriginClientConfig(options));
    installHeaderCapture(this.client);
    this.bucket = options.bucket;
    this.id = `s3:${options.endpoint ?? options.region ?? 'aws'}`;
  }

  /** HeadBucket (one bucket) or ListBuckets (any bucket): see `checkS3Origin`. */
  check(signal: AbortSignal): Promise<void> {
    return checkS3Origin(this.client, this.bucket, signal);
  }

  /** See `isS3Fault`. */
  isFault(err: unknown): boolean {
    return isS3Fault(err);
  }

  async get(ref: ObjectRef, options: OriginGetOptions = {}): Promise<OriginGetResult> {
    const input: GetObjectCommandInput = { Bucket: ref.bucket, Key: ref.key };
    if (options.range) input.Range = `bytes=${options.range.start}-${options.range.end}`;
    if (options.ifNoneMatch) input.IfNoneMatch = options.ifNoneMatch;
    if (options.ifMatch) input.IfMatch = options.ifMatch;
    const command = bypassCache(new GetObjectCommand(input));
    const captured = captureHeaders(command);
    try {
      const out = await this.client.send(command, { abortSignal: options.signal });
      const headers = captured();
      const status = out.$metadata.httpStatusCode ?? 200;
      const range = status === 206 ? parseContentRange(headers['content-range']) : undefined;
      const size = range?.size ?? Number(headers['content-length'] ?? out.ContentLength ?? 0);
      const body = out.Body as unknown as Readable;
      return {
        kind: 'found',
        meta: metaFromHeaders(headers, size, status === 200),
        body,
        ...(range ? { range: { start: range.start, end: range.end } } : {}),
      };
    } catch (err) {
      const status = httpStatus(err);
      // Only S3's own answer is "no such object": a 404 without it (a missing bucket, a proxy's
      // page, a body the SDK could not parse) is an origin error the application must see as is.
      if (status === 404 && errorName(err) === 'NoSuchKey') return { kind: 'not-found' };
      if (status === 304) return { kind: 'not-modified' };
      if (status === 412 && options.ifMatch) return { kind: 'precondition-failed' };
      throw err;
    }
  }

  async head(ref: ObjectRef, options: { signal?: AbortSignal } = {}): Promise<ObjectMeta | null> {
    const command = bypassCache(new HeadObjectCommand({ Bucket: ref.bucket, Key: ref.key }));
    const captured = captureHeaders(command);
    try {
      const out = await this.client.send(command, { abortSignal: options.signal });
      const headers = captured();
      return metaFromHeaders(headers, Number(headers['content-length'] ?? out.ContentLength ?? 0), false);
    } catch (err) {
      if (httpStatus(err) === 404) return null;
      throw err;
    }
  }

  destroy(): void {
    if (this.ownsClient) this.client.destroy();
  }
}

/** The raw response headers of one command, read after it completes. */
/** Where a command's input asks for the response's raw headers (a callback). */
const CAPTURE = Symbol.for('faast.captureHeaders');

/**
 * Gives an origin read the response's raw headers (S3's own names and values, which a faithful
 * reply repeats). One middleware on the client, not one per command: a client with the SDK's
 * handler cache (`cacheMiddleware`) ignores middleware added to a command.
 */
function installHeaderCapture(client: S3Client): void {
  if (client.middlewareStack.identify().some((m) => m.startsWith('faastCaptureOriginHeaders'))) return;
  client.middlewareStack.add(
    (next: DeserializeHandler<any, any>) => async (args: DeserializeHandlerArguments<any>) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      const result = await next(args);
      const capture = (args.input as { [CAPTURE]?: (h: Record<string, string>) => void })[CAPTURE];
      if (capture) capture(lowerCase((result.response as { headers?: Record<string, string> } | undefined)?.headers ?? {}));
      return result;
    },
    { step: 'deserialize', name: 'faastCaptureOriginHeaders', priority: 'high' },
  );
}

/** Asks for the raw headers of `command`'s response; the returned function reads them after `send`. */
function captureHeaders(command: GetObjectCommand | HeadObjectCommand): () => Record<string, string> {
  let headers: Record<string, string> = {};
  (command.input as { [CAPTURE]?: (h: Record<string, string>) => void })[CAPTURE] = (h) => (headers = h);
  return () => headers;
}

function lowerCase(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = v;
  return out;
}

/** ObjectMeta from S3 response headers. Checksums describe the whole object: kept only from a whole-object GET. */
export function metaFromHeaders(headers: Record<string, string>, size: number, wholeObject: boolean): ObjectMeta {
  const userMetadata: Record<string, string> = {};
  const repeated: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith('x-amz-meta-')) userMetadata[name.slice('x-amz-meta-'.length)] = value;
    else if (REPEATED_HEADERS.has(name)) repeated[name] = value;
    else if (wholeObject && name.startsWith('x-amz-checksum-')) repeated[name] = value;
  }
  const lastModified = headers['last-modified'] ? Date.parse(headers['last-modified']) : NaN;
  return {
    etag: headers['etag'] ?? '',
    size,
    ...(Number.isFinite(lastModified) ? { lastModifiedMs: lastModified } : {}),
    contentType: headers['content-type'] ?? '',
    userMetadata,
    headers: repeated,
  };
}

/** `bytes 0-9/100` → start, end and total size. */
export function parseContentRange(value: string | undefined): (ByteRange & { size: number }) | undefined {
  const m = value ? /^bytes (\d+)-(\d+)\/(\d+)$/.exec(value.trim()) : null;
  return m ? { start: Number(m[1]), end: Number(m[2]), size: Number(m[3]) } : undefined;
}
