/**
 * The `faast.v1.Cache` service (app ↔ cachelet) and the `faast.v1.Peer` service (cachelet ↔
 * cachelet) over a {@link Cachelet}: requests to the engine, its answers to messages, its
 * errors to gRPC status codes with a message: INVALID_ARGUMENT (bad input),
 * FAILED_PRECONDITION (a bucket this cachelet does not serve), ABORTED (the origin failed:
 * the caller reads the origin itself), UNAVAILABLE (shutting down), INTERNAL (a bug).
 */
import { Metadata, status as GrpcStatus, type ServerErrorResponse, type ServerWritableStream, type sendUnaryData } from '@grpc/grpc-js';
import { CacheError, type Cachelet, type ObjectRef, type ReadResult } from '@faast/core';
import type { CacheHandlers, GetHeader, GetReply, ObjectRef__Output, PeerHandlers, StatsReply } from '@faast/rpc';
import { fromWireConditions, fromWireContext, SOURCE, STATUS, toWireMeta } from './wire';

export interface CacheServiceOptions {
  cachelet: Cachelet;
  /** The one bucket served; undefined: any. */
  bucket?: string;
  /** Whether the service refuses new calls (graceful shutdown). */
  draining: () => boolean;
  /** Called with each failed request (for logs). */
  onError?: (method: string, err: unknown) => void;
}

export function cacheHandlers(options: CacheServiceOptions): CacheHandlers {
  // Read lazily: the daemon creates the cachelet after binding its sockets.
  const cachelet = (): Cachelet => options.cachelet;
  const { fail, check, unary } = common(options);
  return {
    Get: (call) => streamRead(call, 'Get', fail, () => {
      const ref = check(call.request.ref);
      return cachelet().get({ ref, range: call.request.range, conditions: fromWireConditions(call.request.conditions) });
    }),

    Head: async (call, callback) => {
      const ack = acknowledge(call);
      try {
        const ref = check(call.request.ref);
        const result = await cachelet().head(ref, fromWireConditions(call.request.conditions));
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

    NotifyWrite: (call, callback) =>
      unary(call, callback, 'NotifyWrite', async () => {
        const ref = check(call.request.ref);
        if (!call.request.etag) throw new CacheError('INVALID_ARGUMENT', 'etag is required');
        await cachelet().notifyWrite(ref, call.request.etag);
        return {};
      }),

    Invalidate: (call, callback) =>
      unary(call, callback, 'Invalidate', async () => {
        if (options.draining()) throw new CacheError('UNAVAILABLE', 'the cachelet is shutting down');
        // Refs of other buckets are not held here: nothing to drop.
        const refs = call.request.refs.filter((r) => !options.bucket || r.bucket === options.bucket);
        return { dropped: await cachelet().invalidate(refs.map((r) => ({ bucket: r.bucket, key: r.key }))) };
      }),

    Stats: (call, callback) => unary(call, callback, 'Stats', async () => statsReply(cachelet())),
  };
}

/** The Peer service: reads forwarded by other cachelets of the app are answered here, never forwarded again. */
export function peerHandlers(options: CacheServiceOptions): PeerHandlers {
  // Read lazily: the daemon creates the cachelet after binding its sockets.
  const cachelet = (): Cachelet => options.cachelet;
  const { fail, check, unary } = common(options);
  return {
    PeerGet: (call) => streamRead(call, 'PeerGet', fail, () => {
      const ref = check(call.request.ref);
      const req = { ref, range: call.request.range, conditions: fromWireConditions(call.request.conditions) };
      return cachelet().get(req, fromWireContext(call.request.context));
    }),
    Validate: (call, callback) =>
      unary(call, callback, 'Validate', async () => {
        const v = await cachelet().validate(check(call.request.ref), call.request.etag);
        const outcome = ({ current: 'CURRENT', changed: 'CHANGED', 'not-found': 'NOT_FOUND', 'not-owner': 'NOT_OWNER' } as const)[v.outcome];
        return 'meta' in v ? { outcome, meta: toWireMeta(v.meta) } : { outcome };
      }),
    PeerNotifyWrite: (call, callback) =>
      unary(call, callback, 'PeerNotifyWrite', async () => {
        await cachelet().notifyWrite(check(call.request.ref), call.request.etag, fromWireContext(call.request.context));
        return {};
      }),
    PeerInvalidate: (call, callback) =>
      unary(call, callback, 'PeerInvalidate', async () => {
        const refs = call.request.refs.map((r) => ({ bucket: r.bucket, key: r.key }));
        return { dropped: await cachelet().invalidate(refs, fromWireContext(call.request.context)) };
      }),
    PeerStats: (call, callback) =>
      unary(call, callback, 'PeerStats', async () => {
        const s = cachelet().stats();
        return {
          id: s.ring.self,
          epoch: s.ring.epoch,
          ownedObjects: s.objects,
          ownedBytes: s.bytesUsed,
          replicaObjects: s.replicaObjects,
          replicaBytes: s.replicaBytes,
          capacityBytes: s.capacityBytes,
        };
      }),
  };
}

export function statsReply(cachelet: Cachelet): StatsReply {
  const { ring, ...s } = cachelet.stats();
  return { ...s, ring: { ...ring, members: ring.members.map((m) => ({ id: m.id, address: m.address, capacityBytes: m.capacityBytes })) } };
}

function common(options: CacheServiceOptions) {
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
  const unary = <T>(call: { sendMetadata(md: Metadata): void }, callback: sendUnaryData<T>, method: string, fn: () => Promise<T>): void => {
    const ack = acknowledge(call);
    fn().then(
      (value) => {
        clearImmediate(ack);
        callback(null, value);
      },
      (err: unknown) => {
        clearImmediate(ack);
        callback(fail(method, err));
      },
    );
  };
  return { fail, check, unary };
}

/** Writes a read's header (with the first body chunk) and body with back-pressure; stops when the caller cancels. */
async function streamRead(
  call: ServerWritableStream<unknown, GetReply>,
  method: string,
  fail: (method: string, err: unknown) => Partial<ServerErrorResponse>,
  produce: () => Promise<ReadResult>,
): Promise<void> {
  const ack = acknowledge(call);
  let body: AsyncGenerator<Buffer> | undefined;
  call.on('cancelled', () => void body?.return(undefined));
  try {
    const result = await produce();
    clearImmediate(ack);
    const header: GetHeader = { status: STATUS[result.status], source: SOURCE[result.source] };
    if (result.status !== 'not-found') header.meta = toWireMeta(result.meta);
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
    call.emit('error', fail(method, err));
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
