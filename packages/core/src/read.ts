/** The shapes of a read, shared by the local engine, the peer protocol and the transports. */
import type { Conditions } from './conditions';
import type { ByteRange, ObjectMeta, ObjectRef } from './ports';

/** Where a reply's bytes came from. */
export type Source = 'hit' | 'miss' | 'pass-through';

export interface ReadRequest {
  ref: ObjectRef;
  /** A Range header value with one byte range; empty or absent for the whole object. */
  range?: string;
  conditions?: Conditions;
  /**
   * The caller is done with each body piece when it asks for the next one (it has written it
   * out or copied it): the memory of chunks relayed from peers may then be reused for later
   * chunks (see ChunkPool). Not for callers that hand the pieces on (an in-process reader).
   */
  transient?: boolean;
}

/** The answer to a read, in HTTP terms; `body` is present for `ok` and `partial-content`. */
export type ReadResult =
  | {
      status: 'ok' | 'partial-content';
      meta: ObjectMeta;
      /** For `partial-content`: the bytes the body holds. */
      range?: ByteRange;
      contentLength: number;
      source: Source;
      /** The body, in order. A consumer that stops early must call `return()` (for-await does). */
      body: AsyncGenerator<Buffer>;
      /**
       * Set for a `transient` read whose pieces are views of buffers that are reused once the
       * next piece is pulled: the consumer must have written each piece out before asking for
       * the next.
       */
      reusesMemory?: boolean;
    }
  | { status: 'not-modified' | 'precondition-failed' | 'range-not-satisfiable'; meta: ObjectMeta; source: Source }
  | { status: 'not-found'; source: Source }
  /**
   * Between cachelets only: the object is larger than the chunk threshold and is read in
   * chunks by the cachelet serving the application. `Cachelet.get` for an application never
   * returns it.
   */
  | { status: 'chunked'; meta: ObjectMeta; source: Source };

export type HeadResult =
  | { status: 'ok' | 'not-modified' | 'precondition-failed'; meta: ObjectMeta; source: Source }
  | { status: 'not-found'; source: Source };

/** Who sent a peer request, under which ring view. */
export interface PeerContext {
  from: string;
  epoch: string;
}

/** The owner's answer to "is this version current?". */
export type ValidateResult = { outcome: 'current' | 'changed'; meta: ObjectMeta } | { outcome: 'not-found' | 'not-owner' };
