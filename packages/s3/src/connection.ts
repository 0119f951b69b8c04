/**
 * The interceptor's link to its cachelet: the app protocol on one long-lived connection
 * (channel.ts), a circuit breaker, a list of invalidations not yet delivered, and the near
 * cache's invalidation feed.
 *
 * Fail-open rules: a request the cachelet does not acknowledge within `ackTimeoutMs`, a
 * broken connection or a first byte later than `firstByteTimeoutMs` is a fault — the read
 * goes to storage and the cache is bypassed for `retryAfterMs`. A refusal of one request (its
 * error code says: bad input, a bucket it does not serve, an origin error) sends only that
 * request to storage. A write notice that cannot be delivered keeps the cache bypassed until
 * it is delivered, so that a read never returns a version older than this process's own write.
 */
import type { GetRequest, HeadReply__Output, HeadRequest, ObjectRef } from '@faast/rpc';
import { type AppFrame, Code, GetHeader, HeadReply, Reason, type faast } from '@faast/rpc/app';
import { bulkSocketPath, parseCacheletAddress } from '@faast/core/rules';
import { AppChannel } from './channel';
import type { ResolvedFaastS3Config } from './config';
import { BulkReply, FrameReply } from './replies';
import { Bypass, ReplyError, type CacheTransport, type GetStart, type HolderListener } from './transport';

/** Codes that refuse one request while the cachelet itself is healthy. */
const REFUSALS = new Set<number>([Code.INVALID_ARGUMENT, Code.FAILED_PRECONDITION, Code.ABORTED, Code.OUT_OF_RANGE]);

/** How decoded messages become the interceptor's plain objects (enum names, numbers, defaults). */
const AS_OUTPUT = { enums: String, longs: Number, defaults: true, oneofs: true };

export class CacheletConnection implements CacheTransport {
  private readonly channel: AppChannel;
  /** A cachelet on a Unix socket can send large bodies over its bulk socket (`<socket>.bulk`). */
  private readonly bulkPath: string | undefined;
  private openUntil = 0;
  private bypassing = false;
  private readonly pending = new Map<string, ObjectRef>();
  private flushing: Promise<boolean> | undefined;
  private listener: HolderListener | undefined;

  constructor(
    readonly socket: string,
    private readonly config: ResolvedFaastS3Config,
  ) {
    const address = parseCacheletAddress(socket);
    this.bulkPath = address.kind === 'unix' ? bulkSocketPath(address.path) : undefined;
    this.channel = new AppChannel(address, {
      push: (frame) => this.pushed(frame),
      up: () => this.listener?.restored(),
      down: (reason) => this.listener?.lost(reason),
    });
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
      let settled = false;
      let reply: FrameReply | undefined;
      let expected = 0;
      let received = 0;
      let bulk = false;
      const finish = (err: Bypass | undefined, start?: GetStart): void => {
        if (settled) return;
        settled = true;
        clearTimeout(ack);
        clearTimeout(firstByte);
        if (err) {
          if (id !== undefined) {
            this.channel.send({ id, cancel: {} });
            this.channel.release(id);
          }
          this.failed(err);
          reject(err);
        } else resolve(start!);
      };
      const done = (): void => {
        if (id !== undefined) this.channel.release(id);
        reply?.end();
      };
      const id = this.channel.request(
        { get: { ...req, bulk: this.bulkPath !== undefined, hold: req.hold === true && this.listener !== undefined && this.channel.isUp } as faast.v1.GetRequest.$Properties },
        {
          frame: (frame) => {
            clearTimeout(ack);
            switch (frame.body) {
              case 'ack':
                return;
              case 'getReply': {
                const msg = frame.getReply!;
                if (!reply) {
                  if (!msg.header) return finish(new Bypass('fault', 'the first frame has no header'));
                  const header = GetHeader.toObject(msg.header as faast.v1.GetHeader, AS_OUTPUT) as GetStart['header'];
                  reply = new FrameReply(() => {
                    this.channel.send({ id: id!, cancel: {} });
                    this.channel.release(id!);
                  });
                  const first = Buffer.from(msg.data?.buffer ?? new ArrayBuffer(0), msg.data?.byteOffset ?? 0, msg.data?.length ?? 0);
                  bulk = header.bulkToken.length > 0 && this.bulkPath !== undefined;
                  expected = bulk ? 0 : header.contentLength;
                  received = first.length;
                  finish(undefined, { header, first, call: bulk ? new BulkReply(this.bulkPath!, header.bulkToken, reply) : reply });
                  if (!bulk && received >= expected) done();
                  return;
                }
                const data = msg.data!;
                received += data.length;
                reply.data(Buffer.from(data.buffer, data.byteOffset, data.length));
                if (received >= expected) done();
                return;
              }
              case 'getDone':
                return done();
              case 'error': {
                const e = frame.error!;
                if (!reply) return finish(this.classify(e));
                if (id !== undefined) this.channel.release(id);
                return reply.fail(replyError(e));
              }
              default:
                return finish(new Bypass('fault', `unexpected '${frame.body}' in a Get reply`));
            }
          },
          closed: (reason) => {
            if (!reply) finish(new Bypass('fault', `connection lost: ${reason}`));
            else reply.fail(new Error(`connection lost: ${reason}`));
          },
        },
      );
      const ack = setTimeout(() => finish(new Bypass('fault', `no acknowledgement within ${this.config.ackTimeoutMs} ms`)), this.config.ackTimeoutMs);
      const firstByte = setTimeout(() => finish(new Bypass('fault', `no reply within ${this.config.firstByteTimeoutMs} ms`)), this.config.firstByteTimeoutMs);
      if (id === undefined) finish(new Bypass('fault', `cannot reach the cachelet at ${this.socket}`));
    });
  }

  /** A Head request, under the same timeouts. Rejects with {@link Bypass}. */
  async head(req: HeadRequest): Promise<HeadReply__Output> {
    const frame = await this.unary({ head: req as faast.v1.HeadRequest.$Properties }, 'headReply');
    return HeadReply.toObject(frame.headReply as faast.v1.HeadReply, AS_OUTPUT) as HeadReply__Output;
  }

  /** Tells the cachelet about a successful write; on failure keeps the cache bypassed until delivered. */
  async notifyWrite(ref: ObjectRef, etag: string): Promise<void> {
    if (!nameable(ref)) return;
    if (!etag) return this.invalidate([ref]);
    // Delivered even while reads bypass the cache: a draining cachelet still takes notices and
    // passes them to the owner; only an undeliverable notice is kept for later.
    try {
      await this.unary({ notifyWrite: { ref, etag } }, 'notifyWriteReply');
    } catch (err) {
      if ((err as Bypass).kind === 'refused') return;
      this.remember([ref]);
    }
  }

  /** Drops objects from the cachelet; on failure keeps the cache bypassed until delivered. */
  async invalidate(all: ObjectRef[]): Promise<void> {
    const refs = all.filter(nameable);
    if (refs.length === 0) return;
    try {
      await this.unary({ invalidate: { refs } }, 'invalidateReply');
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

  /**
   * Subscribes the near cache: invalidations are passed on, then acked; a connection that
   * is down (or cut off) is `lost`, one that comes up `restored`. The connection is kept up
   * from now on, so that held objects can be trusted again soon after a break.
   */
  watch(listener: HolderListener): void {
    this.listener = listener;
    this.channel.keepAlive = true;
    if (this.channel.isUp) listener.restored();
    else {
      listener.lost('not connected to the cachelet yet');
      this.channel.ensure();
    }
  }

  close(): void {
    this.listener = undefined;
    this.channel.close();
  }

  private pushed(frame: AppFrame): void {
    if (frame.body !== 'invalidation') return;
    const inv = frame.invalidation!;
    const listener = this.listener;
    if (listener && inv.all) listener.lost('the cachelet voided every held object');
    else if (listener) listener.invalidated((inv.refs ?? []).map((r) => ({ bucket: r.bucket ?? '', key: r.key ?? '' })));
    this.channel.send({ id: 0, holderAck: { seq: inv.seq } });
    if (listener && inv.all) listener.restored();
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
      await this.unary({ invalidate: { refs } }, 'invalidateReply');
    } catch (err) {
      if ((err as Bypass).kind === 'fault') return false;
    }
    for (const ref of refs) this.pending.delete(`${ref.bucket}/${ref.key}`);
    if (this.pending.size > 0) return false;
    if (this.bypassing) this.restored();
    return true;
  }

  /** One request, one reply frame of kind `expect`. Rejects with {@link Bypass}. */
  private unary(request: Omit<faast.v1.AppFrame.$Properties, 'id'>, expect: NonNullable<AppFrame['body']>): Promise<AppFrame> {
    return new Promise<AppFrame>((resolve, reject) => {
      let settled = false;
      const done = (err: Bypass | undefined, frame?: AppFrame): void => {
        if (settled) return;
        settled = true;
        clearTimeout(ack);
        clearTimeout(reply);
        if (id !== undefined) this.channel.release(id);
        if (err) {
          this.failed(err);
          reject(err);
        } else resolve(frame!);
      };
      const id = this.channel.request(request, {
        frame: (frame) => {
          clearTimeout(ack);
          if (frame.body === 'ack') return;
          if (frame.body === expect) done(undefined, frame);
          else if (frame.body === 'error') done(this.classify(frame.error!));
          else done(new Bypass('fault', `unexpected '${frame.body}' for a request expecting '${expect}'`));
        },
        closed: (reason) => done(new Bypass('fault', `connection lost: ${reason}`)),
      });
      const ack = setTimeout(() => done(new Bypass('fault', `no acknowledgement within ${this.config.ackTimeoutMs} ms`)), this.config.ackTimeoutMs);
      const reply = setTimeout(() => done(new Bypass('fault', `no reply within ${this.config.firstByteTimeoutMs} ms`)), this.config.firstByteTimeoutMs);
      if (id === undefined) done(new Bypass('fault', `cannot reach the cachelet at ${this.socket}`));
    });
  }

  private classify(e: faast.v1.AppError.$Properties): Bypass {
    const err = replyError(e);
    return new Bypass(REFUSALS.has(e.code ?? Code.UNKNOWN) ? 'refused' : 'fault', `${err.message} (${err.reason})`);
  }
}

/** A UTF-16 code unit without its surrogate pair: it has no UTF-8 form (the wire's strings). */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Whether the cachelet can have a copy of `ref`: a name with a lone surrogate has no UTF-8
 * form, so no read of it goes through the cache (the interceptor sends those to storage) and
 * a notice about it is moot — and could not be encoded.
 */
function nameable(ref: ObjectRef): boolean {
  return !LONE_SURROGATE.test(ref.bucket ?? '') && !LONE_SURROGATE.test(ref.key ?? '');
}

/** An error frame as an error carrying the code's and the reason's names. */
function replyError(e: faast.v1.AppError.$Properties): ReplyError {
  return new ReplyError(Code[e.code ?? Code.UNKNOWN] ?? String(e.code), Reason[e.reason ?? Reason.REASON_UNSPECIFIED] ?? String(e.reason), e.message ?? '');
}
