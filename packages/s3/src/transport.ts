/**
 * How the interceptor reaches its cachelet: over the app protocol on a Unix socket (a
 * sidecar faastd), or in process (embedded mode). The interceptor sees only this interface.
 */
import type { EventEmitter } from 'node:events';
import type { GetHeader__Output, GetRequest, HeadReply__Output, HeadRequest, ObjectRef } from '@faast/rpc';

/** Why a request did not go through the cache. `fault` also opens the circuit. */
export class Bypass extends Error {
  constructor(
    readonly kind: 'fault' | 'refused',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Why a reply failed after its header, as the cachelet said it: a status code and a typed
 * reason (app.proto's Code and Reason names). Decisions are taken on these, never on text.
 */
export class ReplyError extends Error {
  constructor(
    readonly code: string,
    readonly reason: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** The messages after a reply's header: `data` events carry `{ data: Buffer }`, then `end` or `error`. */
export interface ReplyStream extends EventEmitter {
  pause(): unknown;
  resume(): unknown;
  /** Stops the reply (the cachelet stops sending). */
  cancel(): void;
}

export interface GetStart {
  header: GetHeader__Output;
  /** Body bytes carried by the first message. */
  first: Buffer;
  /** The rest of the reply, paused. */
  call: ReplyStream;
}

/**
 * The near cache's side of a transport: the cachelet registered this process as a holder of
 * the versions it replied with `held`, and tells it when one of them changes. A transport
 * acknowledges an invalidation to the cachelet only after `invalidated` returned; when it
 * cannot (the channel broke, or the cachelet cut this process off for answering too late) it
 * calls `lost`, and every held entry is void until `restored`.
 */
export interface HolderListener {
  invalidated(refs: ObjectRef[]): void;
  /** Every held entry is void; hold nothing until `restored`. */
  lost(reason: string): void;
  /** The channel is up again: replies with `held` may be kept. */
  restored(): void;
}

export interface CacheTransport {
  /** Whether reads may use the cache now. */
  usable(): Promise<boolean>;
  /** Starts a read and waits for its header. Rejects with {@link Bypass}. */
  startGet(req: GetRequest): Promise<GetStart>;
  /** Rejects with {@link Bypass}. */
  head(req: HeadRequest): Promise<HeadReply__Output>;
  /** Tells the cache about a successful write; never rejects (undelivered notices keep the cache bypassed). */
  notifyWrite(ref: ObjectRef, etag: string): Promise<void>;
  /** Drops objects; never rejects. */
  invalidate(refs: ObjectRef[]): Promise<void>;
  /** Records a fault found elsewhere (e.g. a body that broke mid-stream). */
  failed(err: Bypass): void;
  /** Subscribes the near cache to invalidations (one listener per transport). */
  watch(listener: HolderListener): void;
  close(): Promise<void> | void;
}
