/**
 * The ports of the cachelet engine: the only ways core reaches the outside world. Adapters
 * live with the process that wires them (the daemon, or an interceptor's embedded mode).
 */
import type { Readable } from 'node:stream';
import type { PeerContext, ReadRequest, ReadResult, ValidateResult } from './read';

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
  /** Last-Modified, milliseconds since the epoch; absent when the origin did not say (0 is the epoch, a real date). */
  lastModifiedMs?: number;
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
  /** `ifMatch` named another version than the current one. */
  | { kind: 'precondition-failed' }
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
  /**
   * A cheap request that needs everything a read needs (region, credentials, a reachable and
   * willing origin); rejects with a message naming the problem. Used at start and to notice
   * recovery. Optional: without it, only real requests tell whether the origin is usable.
   */
  check?(signal: AbortSignal): Promise<void>;
  /**
   * Whether an error thrown by `get` or `head` means the origin is unusable (network,
   * credentials, region, 5xx) — not the origin refusing one request (a missing bucket, access
   * denied to a key). Default: every thrown error.
   */
  isFault?(err: unknown): boolean;
}

/** Time, injectable so that tests are deterministic. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** The system clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** One cachelet of an application, as the membership registry knows it. */
export interface Member {
  /** Unique and stable for the life of the cachelet process (e.g. `host:port` or a random id). */
  id: string;
  /** Where peers reach its peer service: `host:port`. */
  address: string;
  /** Its memory store capacity, bytes (for stats and the autoscaler). */
  capacityBytes: number;
}

/**
 * Who the cachelets of one application are. Implementations: a static list (one machine,
 * tests) and a Redis registry (heartbeats with a TTL, pub/sub for changes). An application
 * name is a namespace: two apps never see each other's members.
 */
export interface Membership {
  /** Registers `self` (if it serves peers) and starts watching; resolves once the first view is known. */
  start(self: Member): Promise<void>;
  /** The current members, `self` included, sorted by id. */
  members(): Member[];
  /** Calls `listener` with the new list after every change; returns an unsubscribe function. */
  onChange(listener: (members: Member[]) => void): () => void;
  /** Deregisters `self` (so peers drop it at once, not after its TTL) and stops watching. */
  stop(): Promise<void>;
}

/**
 * One other cachelet of the application, reached over the peer protocol. Every method
 * rejects when the peer cannot be reached in time; the caller then marks it suspect and
 * reads the origin.
 */
export interface PeerClient {
  /** A read forwarded to the owner (never forwarded again by the receiver). */
  get(req: ReadRequest, ctx: PeerContext): Promise<ReadResult>;
  /** Metadata only: is `etag` the owner's current version of `ref`? */
  validate(ref: ObjectRef, etag: string, ctx: PeerContext): Promise<ValidateResult>;
  notifyWrite(ref: ObjectRef, etag: string, ctx: PeerContext): Promise<void>;
  invalidate(refs: ObjectRef[], ctx: PeerContext): Promise<void>;
  /**
   * From an owner to a member that read `refs` from it (a holder): they changed. The holder
   * drops its copies and tells its change listeners before answering, and passes it on to no
   * one (a notice that came from the owner is never fanned out again).
   */
  changed(refs: ObjectRef[], ctx: PeerContext): Promise<void>;
  /**
   * One chunk of version `meta.etag`; rejects with CacheError `CHANGED` when the origin no
   * longer has that version. `alloc`, if given, provides the buffer the chunk is received into.
   */
  getChunk(ref: ObjectRef, meta: ObjectMeta, index: number, chunkBytes: number, ctx: PeerContext, alloc?: (bytes: number) => Buffer): Promise<Buffer>;
  close(): void;
}

/** Makes peer clients (the daemon's is gRPC over TCP). */
export interface PeerConnector {
  connect(member: Member): PeerClient;
}
