/**
 * The interceptor's link to its cachelet: a gRPC channel, a circuit breaker, and a list of
 * invalidations not yet delivered.
 *
 * Fail-open rules: a call the cachelet does not acknowledge within `ackTimeoutMs`, a
 * transport error or a first byte later than `firstByteTimeoutMs` is a fault — the read goes
 * to storage and the cache is bypassed for `retryAfterMs`. A refusal of one request (bad
 * input, a bucket it does not serve, an origin error) sends only that request to storage.
 * A write notice that cannot be delivered keeps the cache bypassed until it is delivered, so
 * that a read never returns a version older than this process's own write.
 */
import { EventEmitter } from 'node:events';
import * as net from 'node:net';
import { status as GrpcStatus, type ClientReadableStream, type ClientUnaryCall, type ServiceError } from '@grpc/grpc-js';
import {
  createCacheClient,
  type CacheClient,
  type GetReply__Output,
  type GetRequest,
  type HeadReply__Output,
  type HeadRequest,
  type ObjectRef,
} from '@faast/rpc';
import { bulkSocketPath, parseCacheletAddress } from '@faast/core';
import type { ResolvedFaastS3Config } from './config';
import { Bypass, type CacheTransport, type GetStart, type HolderListener, type ReplyStream } from './transport';


/** gRPC codes that refuse one request while the cachelet itself is healthy. */
const REFUSALS = new Set<number>([GrpcStatus.INVALID_ARGUMENT, GrpcStatus.FAILED_PRECONDITION, GrpcStatus.ABORTED, GrpcStatus.OUT_OF_RANGE]);


export class CacheletConnection implements CacheTransport {
  readonly client: CacheClient;
  /** A cachelet on a Unix socket can send large bodies over its bulk socket (`<socket>.bulk`). */
  private readonly bulk: boolean;
  private readonly bulkPath: string;
  private openUntil = 0;
  private bypassing = false;
  private readonly pending = new Map<string, ObjectRef>();
  private flushing: Promise<boolean> | undefined;

  constructor(
    readonly socket: string,
    private readonly config: ResolvedFaastS3Config,
  ) {
    const address = parseCacheletAddress(socket);
    this.client = createCacheClient(socket);
    this.bulk = address.kind === 'unix';
    this.bulkPath = address.kind === 'unix' ? bulkSocketPath(address.path) : '';
  }

  /** Whether reads may use the cache now; in the half-open state, first delivers pending invalidations. */
  async usable(): Promise<boolean> {
    if (Date.now() < this.openUntil) return false;
    if (this.pending.size === 0) {
      if (this.bypassing) this.restored();
      return true;
    }
    this.flushing ??= this.flush().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  /** Starts a Get and waits for its header. Rejects with {@link Bypass}. */
  startGet(req: GetRequest): Promise<GetStart> {
    return new Promise<GetStart>((resolve, reject) => {
      const call = this.client.Get({ ...req, bulk: this.bulk });
      let settled = false;
      const finish = (err: Bypass | undefined, start?: GetStart): void => {
        if (settled) return;
        settled = true;
        clearTimeout(ack);
        clearTimeout(firstByte);
        call.removeListener('data', onData);
        call.removeListener('error', onError);
        call.removeListener('end', onEnd);
        if (err) {
          call.on('error', () => undefined);
          call.cancel();
          this.failed(err);
          reject(err);
        } else resolve(start!);
      };
      const ack = setTimeout(() => finish(new Bypass('fault', `no acknowledgement within ${this.config.ackTimeoutMs} ms`)), this.config.ackTimeoutMs);
      const firstByte = setTimeout(
        () => finish(new Bypass('fault', `no reply within ${this.config.firstByteTimeoutMs} ms`)),
        this.config.firstByteTimeoutMs,
      );
      call.once('metadata', () => clearTimeout(ack));
      const onData = (msg: GetReply__Output): void => {
        call.pause();
        if (!msg.header) return finish(new Bypass('fault', 'the first message has no header'));
        const token = msg.header.bulkToken;
        finish(undefined, { header: msg.header, first: msg.data, call: token.length > 0 ? new BulkReply(this.bulkPath, token, call) : call });
      };
      const onError = (err: ServiceError): void => finish(this.classify(err));
      const onEnd = (): void => finish(new Bypass('fault', 'the stream ended without a header'));
      call.on('data', onData);
      call.on('error', onError);
      call.on('end', onEnd);
    });
  }

  /** A Head call, under the same timeouts. Rejects with {@link Bypass}. */
  head(req: HeadRequest): Promise<HeadReply__Output> {
    return this.unary<HeadReply__Output>((cb) => this.client.Head(req, cb));
  }

  /** Tells the cachelet about a successful write; on failure keeps the cache bypassed until delivered. */
  async notifyWrite(ref: ObjectRef, etag: string): Promise<void> {
    if (!etag) return this.invalidate([ref]);
    // Delivered even while reads bypass the cache: a draining cachelet still takes notices and
    // passes them to the owner; only an undeliverable notice is kept for later.
    try {
      await this.unary((cb) => this.client.NotifyWrite({ ref, etag }, cb));
    } catch (err) {
      if ((err as Bypass).kind === 'refused') return;
      this.remember([ref]);
    }
  }

  /** Drops objects from the cachelet; on failure keeps the cache bypassed until delivered. */
  async invalidate(refs: ObjectRef[]): Promise<void> {
    if (refs.length === 0) return;
    try {
      await this.unary((cb) => this.client.Invalidate({ refs }, cb));
    } catch (err) {
      if ((err as Bypass).kind === 'refused') return;
      this.remember(refs);
    }
  }

  /** Records a read that went to storage because of a fault found elsewhere (e.g. mid-stream). */
  failed(err: Bypass): void {
    if (err.kind !== 'fault') return;
    this.openUntil = Date.now() + this.config.retryAfterMs;
    if (!this.bypassing) {
      this.bypassing = true;
      this.config.onEvent({ level: 'warn', msg: 'cache-bypassed', socket: this.socket, reason: err.message });
    }
  }

  /** Over gRPC the cachelet cannot push invalidations: nothing is ever held. */
  watch(listener: HolderListener): void {
    listener.lost('the gRPC transport has no invalidation channel');
  }

  async close(): Promise<void> {
    this.client.close();
  }

  private restored(): void {
    this.bypassing = false;
    this.config.onEvent({ level: 'info', msg: 'cache-restored', socket: this.socket });
  }

  private remember(refs: ObjectRef[]): void {
    for (const ref of refs) this.pending.set(`${ref.bucket}/${ref.key}`, ref);
    this.failed(new Bypass('fault', 'a write notice could not be delivered'));
  }

  private async flush(): Promise<boolean> {
    const refs = [...this.pending.values()];
    try {
      await this.unary((cb) => this.client.Invalidate({ refs }, cb));
    } catch (err) {
      if ((err as Bypass).kind === 'fault') return false;
    }
    for (const ref of refs) this.pending.delete(`${ref.bucket}/${ref.key}`);
    if (this.pending.size > 0) return false;
    if (this.bypassing) this.restored();
    return true;
  }

  private unary<T>(start: (cb: (err: ServiceError | null, value?: T) => void) => ClientUnaryCall): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const done = (err: Bypass | undefined, value?: T): void => {
        if (settled) return;
        settled = true;
        clearTimeout(ack);
        clearTimeout(reply);
        if (err) {
          call.cancel();
          this.failed(err);
          reject(err);
        } else resolve(value as T);
      };
      const call = start((err, value) => done(err ? this.classify(err) : undefined, value));
      const ack = setTimeout(() => done(new Bypass('fault', `no acknowledgement within ${this.config.ackTimeoutMs} ms`)), this.config.ackTimeoutMs);
      const reply = setTimeout(() => done(new Bypass('fault', `no reply within ${this.config.firstByteTimeoutMs} ms`)), this.config.firstByteTimeoutMs);
      call.once('metadata', () => clearTimeout(ack));
    });
  }

  private classify(err: ServiceError): Bypass {
    return new Bypass(REFUSALS.has(err.code) ? 'refused' : 'fault', `${GrpcStatus[err.code] ?? err.code}: ${err.details || err.message}`);
  }
}

/**
 * A body sent over the cachelet's bulk socket, as reply messages (`{ data }`): the bytes come
 * from the bulk connection, the read's outcome from the Get stream. A transfer that fails
 * closes the connection early and the stream ends with the error, which is passed on as the
 * reply's error (so a version change is told apart from a broken cachelet).
 */
class BulkReply extends EventEmitter implements ReplyStream {
  private readonly socket: net.Socket;
  private socketEnded = false;
  private callEnded = false;
  private failed = false;

  constructor(
    path: string,
    token: Buffer,
    private readonly call: ClientReadableStream<GetReply__Output>,
  ) {
    super();
    this.socket = net.connect(path);
    this.socket.write(token);
    this.socket.pause();
    this.socket.on('data', (data: Buffer) => this.emit('data', { data }));
    this.socket.on('end', () => {
      this.socketEnded = true;
      this.maybeEnd();
    });
    this.socket.on('error', (err) => this.fail(err));
    // The stream's data messages are empty; its end or error is the transfer's outcome.
    call.on('data', () => undefined);
    call.on('end', () => {
      this.callEnded = true;
      this.maybeEnd();
    });
    call.on('error', (err) => this.fail(err));
    call.resume();
  }

  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  cancel(): void {
    this.socket.destroy();
    this.call.cancel();
  }

  private maybeEnd(): void {
    if (this.socketEnded && this.callEnded && !this.failed) this.emit('end');
  }

  private fail(err: Error): void {
    if (this.failed) return;
    this.failed = true;
    this.emit('error', err);
  }
}
