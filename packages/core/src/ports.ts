/**
 * The ports of the cachelet engine: the only ways core reaches the outside world. Adapters
 * live with the process that wires them (the daemon, or an interceptor's embedded mode).
 */
import type { Readable } from 'node:stream';

/** Which object, inside the cachelet's origin: S3 bucket and key (Azure: container and blob). */
export interface ObjectRef {
  bucket: string;
  key: string;
}

/** One version of an object, as its origin describes it. */
export interface ObjectMeta {
  /** The origin's entity tag, quoted as sent (`"abc…"`, or `W/"…"`). A new ETag is a new version. */
  etag: string;
  /** Size of the whole object, bytes. */
  size: number;
  /** Last-Modified, milliseconds since the epoch; 0 when the origin did not say. */
  lastModifiedMs: number;
  /** Content-Type; empty when the origin did not say. */
  contentType: string;
  /** User metadata as the origin sends it (S3: `x-amz-meta-*` without the prefix, names lower case). */
  userMetadata: Record<string, string>;
  /** Other origin response headers a faithful reply repeats (lower-case names). */
  headers: Record<string, string>;
}

/** An inclusive byte range `[start, end]` of an object. */
export interface ByteRange {
  start: number;
  end: number;
}

/** A body the origin is sending: a Node stream, so that it can be consumed with back-pressure and destroyed. */
export type OriginBody = Readable;

/** What an origin answers to a GET. */
export type OriginGetResult =
  | {
      kind: 'found';
      meta: ObjectMeta;
      body: OriginBody;
      /** The range the body covers, when the request asked for one and the origin honoured it. */
      range?: ByteRange;
    }
  | { kind: 'not-modified'; meta?: ObjectMeta }
  | { kind: 'not-found' };

/** Options of one origin GET. */
export interface OriginGetOptions {
  range?: ByteRange;
  /** Ask for the object only if its ETag differs (revalidation). */
  ifNoneMatch?: string;
  /** Ask for the object only if its ETag still is this one (reading the rest of a known version). */
  ifMatch?: string;
  signal?: AbortSignal;
}

/**
 * The remote storage the application really uses. Errors other than "not found" and "not
 * modified" are thrown; the cachelet counts them and the interceptor falls back to the origin,
 * so the application sees the origin's own error.
 */
export interface Origin {
  /** Names the origin in object keys and stats, e.g. `s3:us-east-1` or `s3:http://127.0.0.1:4569`. */
  readonly id: string;
  get(ref: ObjectRef, options?: OriginGetOptions): Promise<OriginGetResult>;
  /** The current version's metadata, or `null` when there is no such object. */
  head(ref: ObjectRef, options?: { signal?: AbortSignal }): Promise<ObjectMeta | null>;
}

/** Time, injectable so that tests are deterministic. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** The system clock. */
export const systemClock: Clock = { now: () => Date.now() };
