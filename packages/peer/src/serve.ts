/**
 * Serving the cachelet engine over gRPC: the request checks, the error mapping and the
 * streaming writer of the Peer service (and the unary wrapper of faastd's Stats).
 *
 * Errors become gRPC status codes with a message: INVALID_ARGUMENT (bad input),
 * FAILED_PRECONDITION (a bucket this cachelet does not serve), ABORTED (the origin failed:
 * the caller reads the origin itself), UNAVAILABLE (starting or shutting down), INTERNAL (a bug).
 */
import { Metadata, status as GrpcStatus, type ServerErrorResponse, type ServerWritableStream, type sendUnaryData } from '@grpc/grpc-js';
import { CacheError, type Cachelet, type ObjectRef, type ReadResult } from '@faast/core';
import type { GetHeader, GetReply, ObjectRef__Output } from '@faast/rpc';
import { SOURCE, STATUS, toWireMeta } from './wire';

export interface ServiceOptions {
  cachelet: Cachelet;
  /** The one bucket served; undefined: any. */
  bucket?: string;
  /** Whether the service refuses new reads (starting, or draining for shutdown). Write notices are still taken while draining, and passed on to their owners. */
  draining: () => boolean;
  /** Whether the cachelet exists yet (until then every call is refused). Default: always. */
  ready?: () => boolean;
  /** Counts calls in flight (a graceful shutdown waits for them). */
  inFlight?: { count: number };
  /** Called with each failed request (for logs). */
  onError?: (method: string, err: unknown) => void;
}

/** Request checks, error mapping and a unary wrapper bound to one service's options. */
export function serviceHelpers(options: ServiceOptions) {
  const fail = (method: string, err: unknown): Partial<ServerErrorResponse> => {
    const status = toStatus(err);
    if (status.code === GrpcStatus.INTERNAL || status.code === GrpcStatus.ABORTED) options.onError?.(method, err);
    return status;
  };
  const check = (ref: ObjectRef__Output | null, notice = false): ObjectRef => {
    if (options.ready && !options.ready()) throw new CacheError('UNAVAILABLE', 'the cachelet is starting');
    if (options.draining() && !notice) throw new CacheError('UNAVAILABLE', 'the cachelet is shutting down');
    if (!ref) throw new CacheError('INVALID_ARGUMENT', 'ref is required');
    if (options.bucket && ref.bucket !== options.bucket) throw new NotServed(ref.bucket, options.bucket);
    return { bucket: ref.bucket, key: ref.key };
  };
  const unary = <T>(call: { sendMetadata(md: Metadata): void }, callback: sendUnaryData<T>, method: string, fn: () => Promise<T>): void => {
    const ack = acknowledge(call);
    if (options.inFlight) options.inFlight.count++;
    const done = (): void => {
      clearImmediate(ack);
      if (options.inFlight) options.inFlight.count--;
    };
    fn().then(
      (value) => {
        done();
        callback(null, value);
      },
      (err: unknown) => {
        done();
        callback(fail(method, err));
      },
    );
  };
  return { fail, check, unary, inFlight: options.inFlight };
}

/**
 * Writes a read's header (with the first body chunk) and body with back-pressure; stops when
 * the caller cancels. A body that reuses its memory (`reusesMemory`) has each piece serialized
 * and handed on before the next is pulled.
 */
export async function streamRead(
  call: ServerWritableStream<unknown, GetReply>,
  method: string,
  fail: (method: string, err: unknown) => Partial<ServerErrorResponse>,
  produce: () => Promise<ReadResult>,
  inFlight?: { count: number },
): Promise<void> {
  if (inFlight) inFlight.count++;
  try {
    await writeRead(call, method, fail, produce);
  } finally {
    if (inFlight) inFlight.count--;
  }
}

async function writeRead(
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
    // Wait for 'drain' right after a write that asked for it — not after pulling the next
    // piece, which may take long enough (a chunk from the origin or a peer) for the event to
    // have passed, leaving the reply waiting for good. A body that reuses its memory also waits
    // for each message to be serialized and handed on.
    const write = result.reusesMemory ? (msg: GetReply) => sent(call, msg) : (msg: GetReply) => (call.write(msg) ? undefined : drained(call));
    await write({ header, data: first.done ? Buffer.alloc(0) : first.value });
    if (!first.done) {
      for await (const data of body) {
        if (call.cancelled) break;
        await write({ data });
      }
    }
    call.end();
  } catch (err) {
    clearImmediate(ack);
    void body?.return(undefined);
    call.emit('error', fail(method, err));
  }
}

/** Resolves on one of `events` — or when the stream is gone (cancelled, closed, failed). `start` runs once listening, with the resolver. */
function settled(call: ServerWritableStream<unknown, GetReply>, events: string[], start?: (done: () => void) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const all = [...events, 'close', 'error', 'cancelled'];
    const done = (): void => {
      for (const e of all) call.off(e, done);
      resolve();
    };
    for (const e of all) call.on(e, done);
    start?.(done);
  });
}

/** Resolves when a stream may be written again, or is gone. */
function drained(call: ServerWritableStream<unknown, GetReply>): Promise<void> {
  return call.writableNeedDrain ? settled(call, ['drain']) : Promise.resolve();
}

/**
 * Writes `msg` and resolves once it is serialized and handed on (its write callback; a
 * cancelled call never calls back) and the stream may be written again — or is gone.
 */
async function sent(call: ServerWritableStream<unknown, GetReply>, msg: GetReply): Promise<void> {
  await settled(call, [], (done) => call.write(msg, done));
  await drained(call);
}

/**
 * The interceptor gives a cachelet a short time to acknowledge a call (initial metadata)
 * before it reads storage itself. A hit answers within the same turn of the event loop, and
 * its reply carries the metadata; only a call still waiting after that turn (reading the
 * origin) sends the acknowledgement on its own — saving a frame on every hit.
 */
export function acknowledge(call: { sendMetadata(md: Metadata): void }): NodeJS.Immediate {
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
    const code = { INVALID_ARGUMENT: GrpcStatus.INVALID_ARGUMENT, ORIGIN: GrpcStatus.ABORTED, CHANGED: GrpcStatus.ABORTED, UNAVAILABLE: GrpcStatus.UNAVAILABLE }[err.code];
    return { code, details: err.code === 'ORIGIN' || err.code === 'CHANGED' ? `origin: ${err.message}` : err.message };
  }
  return { code: GrpcStatus.INTERNAL, details: `internal: ${(err as Error)?.message ?? String(err)}` };
}
