/**
 * The `faast.v1.Cache` service over a {@link Cachelet}: maps requests to the engine, its
 * answers to messages, and its errors to gRPC status codes with a message:
 * INVALID_ARGUMENT (bad input), FAILED_PRECONDITION (a bucket this cachelet does not serve),
 * ABORTED (the origin failed: the caller reads the origin itself), UNAVAILABLE (shutting
 * down), INTERNAL (a bug).
 */
import { Metadata, status as GrpcStatus, type ServerErrorResponse, type sendUnaryData } from '@grpc/grpc-js';
import { CacheError, type Cachelet, type Conditions, type ObjectMeta, type ObjectRef, type ReadResult } from '@faast/core';
import type {
  CacheHandlers,
  Conditions__Output,
  GetHeader,
  ObjectMeta as WireMeta,
  ObjectRef__Output,
  Source,
  Status,
} from '@faast/rpc';

export interface CacheServiceOptions {
  cachelet: Cachelet;
  /** The one bucket served; undefined: any. */
  bucket?: string;
  /** Whether the service refuses new calls (graceful shutdown). */
  draining: () => boolean;
  /** Called with each failed request (for logs). */
  onError?: (method: string, err: unknown) => void;
}

const STATUS: Record<ReadResult['status'], Status> = {
  ok: 'OK',
  'partial-content': 'PARTIAL_CONTENT',
  'not-modified': 'NOT_MODIFIED',
  'precondition-failed': 'PRECONDITION_FAILED',
  'range-not-satisfiable': 'RANGE_NOT_SATISFIABLE',
  'not-found': 'NOT_FOUND',
};

const SOURCE: Record<'hit' | 'miss' | 'pass-through', Source> = { hit: 'HIT', miss: 'MISS', 'pass-through': 'PASS_THROUGH' };

export function cacheHandlers(options: CacheServiceOptions): CacheHandlers {
  const { cachelet } = options;
  const fail = (method: string, err: unknown): Partial<ServerErrorResponse> => {
    const status = toStatus(err);
    if (status.code === GrpcStatus.INTERNAL || status.code === GrpcStatus.ABORTED) options.onError?.(method, err);
    return status;
  };
  const check = (ref: ObjectRef__Output | null): ObjectRef => {
    if (options.draining()) throw new CacheError('UNAVAILABLE', 'the cachelet is shutting down');
    if (!ref) throw new CacheError('INVALID_ARGUMENT', 'ref is required');
    if (options.bucket && ref.bucket !== options.bucket) throw new NotServed(ref.bucket, options.bucket);
    return { bucket: ref.bucket, key: ref.key };
  };

  return {
    Get: async (call) => {
      const ack = acknowledge(call);
      let body: AsyncGenerator<Buffer> | undefined;
      call.on('cancelled', () => void body?.return(undefined));
      try {
        const ref = check(call.request.ref);
        const result = await cachelet.get({ ref, range: call.request.range, conditions: conditions(call.request.conditions) });
        const header: GetHeader = { status: STATUS[result.status], source: SOURCE[result.source] };
        if (result.status !== 'not-found') header.meta = toWireMeta(result.meta);
        clearImmediate(ack);
        if (!('body' in result)) {
          call.write({ header });
          call.end();
          return;
        }
        header.contentLength = result.contentLength;
        if (result.range) {
          header.rangeStart = result.range.start;
          header.rangeEnd = result.range.end;
        }
        body = result.body;
        // The first body chunk travels with the header: a small object is one message.
        const first = await body.next();
        let ok = call.write({ header, data: first.done ? Buffer.alloc(0) : first.value });
        if (!first.done) {
          for await (const data of body) {
            if (call.cancelled) break;
            if (!ok) await new Promise((resolve) => call.once('drain', resolve));
            ok = call.write({ data });
          }
        }
        call.end();
      } catch (err) {
        clearImmediate(ack);
        void body?.return(undefined);
        call.emit('error', fail('Get', err));
      }
    },

    Head: async (call, callback) => {
      const ack = acknowledge(call);
      try {
        const ref = check(call.request.ref);
        const result = await cachelet.head(ref, conditions(call.request.conditions));
        clearImmediate(ack);
        callback(null, {
          status: STATUS[result.status],
          source: SOURCE[result.source],
          ...(result.status !== 'not-found' ? { meta: toWireMeta(result.meta) } : {}),
        });
      } catch (err) {
        clearImmediate(ack);
        callback(fail('Head', err));
      }
    },

    NotifyWrite: (call, callback) => {
      unary(callback, 'NotifyWrite', () => {
        const ref = check(call.request.ref);
        if (!call.request.etag) throw new CacheError('INVALID_ARGUMENT', 'etag is required');
        cachelet.notifyWrite(ref, call.request.etag);
        return {};
      });
    },

    Invalidate: (call, callback) => {
      unary(callback, 'Invalidate', () => {
        if (options.draining()) throw new CacheError('UNAVAILABLE', 'the cachelet is shutting down');
        // Refs of other buckets are not held here: nothing to drop.
        const refs = call.request.refs.filter((r) => !options.bucket || r.bucket === options.bucket);
        return { dropped: cachelet.invalidate(refs.map((r) => ({ bucket: r.bucket, key: r.key }))) };
      });
    },

    Stats: (call, callback) => {
      unary(callback, 'Stats', () => {
        const s = cachelet.stats();
        return {
          app: s.app,
          origin: s.origin,
          hits: s.hits,
          misses: s.misses,
          coalesced: s.coalesced,
          passThrough: s.passThrough,
          notFound: s.notFound,
          originErrors: s.originErrors,
          bytesServed: s.bytesServed,
          bytesFromOrigin: s.bytesFromOrigin,
          originRequests: s.originRequests,
          objects: s.objects,
          bytesUsed: s.bytesUsed,
          capacityBytes: s.capacityBytes,
          evictions: s.evictions,
          invalidations: s.invalidations,
          badRequests: s.badRequests,
          heads: s.heads,
          maxObjectBytes: s.maxObjectBytes,
          uptimeSeconds: s.uptimeSeconds,
        };
      });
    },
  };

  function unary<T>(callback: sendUnaryData<T>, method: string, fn: () => T): void {
    try {
      callback(null, fn());
    } catch (err) {
      callback(fail(method, err));
    }
  }
}

/**
 * The interceptor gives a cachelet a short time to acknowledge a call (initial metadata)
 * before it reads storage itself. A hit answers within the same turn of the event loop, and
 * its reply carries the metadata; only a call still waiting after that turn (reading the
 * origin) sends the acknowledgement on its own — saving a frame on every hit.
 */
function acknowledge(call: { sendMetadata(md: Metadata): void }): NodeJS.Immediate {
  return setImmediate(() => call.sendMetadata(new Metadata()));
}

class NotServed extends Error {
  constructor(bucket: string, served: string) {
    super(`bucket '${bucket}' is not served by this cachelet (its origin is bucket '${served}')`);
  }
}

function toStatus(err: unknown): Partial<ServerErrorResponse> {
  if (err instanceof NotServed) return { code: GrpcStatus.FAILED_PRECONDITION, details: err.message };
  if (err instanceof CacheError) {
    const code = { INVALID_ARGUMENT: GrpcStatus.INVALID_ARGUMENT, ORIGIN: GrpcStatus.ABORTED, UNAVAILABLE: GrpcStatus.UNAVAILABLE }[err.code];
    return { code, details: err.code === 'ORIGIN' ? `origin: ${err.message}` : err.message };
  }
  return { code: GrpcStatus.INTERNAL, details: `internal: ${(err as Error)?.message ?? String(err)}` };
}

function conditions(c: Conditions__Output | null): Conditions | undefined {
  if (!c) return undefined;
  return {
    ifMatch: c.ifMatch || undefined,
    ifNoneMatch: c.ifNoneMatch || undefined,
    ifModifiedSinceMs: c.ifModifiedSinceMs || undefined,
    ifUnmodifiedSinceMs: c.ifUnmodifiedSinceMs || undefined,
  };
}

function toWireMeta(meta: ObjectMeta): WireMeta {
  return {
    etag: meta.etag,
    size: meta.size,
    lastModifiedMs: meta.lastModifiedMs,
    contentType: meta.contentType,
    userMetadata: meta.userMetadata,
    headers: meta.headers,
  };
}
