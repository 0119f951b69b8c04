/**
 * One application connection on the app plane (proto/faast/v1/app.proto): frames in,
 * requests to the engine, replies out — interleaved by request id — and the near-cache
 * holders of this connection, with their invalidations and acks.
 *
 * A connection's faults stay its own: a frame over the limit or bytes that do not decode get
 * one error frame and the connection closed; nothing here can stop the daemon.
 */
import type * as net from 'node:net';
import { type Cachelet, type ObjectRef } from '@faast/core';
import { BULK_MIN_BYTES, fromWireConditions, SOURCE, STATUS, toWireMeta, type BulkOffers } from '@faast/peer';
import type { Conditions__Output } from '@faast/rpc';
import {
  type AppFrame,
  Code,
  DATA_FRAME_BYTES,
  dataFramePrefix,
  encodeFrame,
  type FrameError,
  FrameReader,
  MAX_REQUEST_FRAME_BYTES,
  Reason,
  Source,
  Status,
  faast,
  type AppFrameInit,
} from '@faast/rpc/app';
import { AppRefusal, toAppError } from './app-errors';
import { HolderRegistry, type ChangeCounter } from './holders';

/** What a connection needs from its daemon. */
export interface AppPlaneOptions {
  /** Read per request: the daemon creates the cachelet after binding its sockets. */
  readonly cachelet: Cachelet;
  /** The one bucket served; undefined: any. */
  bucket?: string;
  /** Whether new reads are refused (starting, or draining for shutdown). Write notices are still taken while draining. */
  draining: () => boolean;
  /** Whether the cachelet exists yet (until then every request is refused). */
  ready: () => boolean;
  /** Counts requests in flight (a graceful shutdown waits for them). */
  inFlight: { count: number };
  /** The bulk socket, for large bodies to callers that ask (local callers on the Unix socket). */
  readonly bulk: BulkOffers | undefined;
  /** Most keys one connection may hold; beyond, the oldest is invalidated. */
  holderKeys: number;
  /** How long a holder has to ack an invalidation before it is cut off, ms. */
  holderTimeoutMs: number;
  /** Most requests in flight on one connection; more are refused with RESOURCE_EXHAUSTED. */
  maxInFlight: number;
  /** Called with each failed request that is not the caller's fault (for logs). */
  onError: (method: string, err: unknown) => void;
}

type Request = { cancel(): void };

const EMPTY = Buffer.alloc(0);

export class AppConnection {
  private readonly reader = new FrameReader(MAX_REQUEST_FRAME_BYTES);
  private readonly requests = new Map<number, Request>();
  private readonly holders: HolderRegistry;
  /** Invalidations sent and not yet acked: seq → settle. */
  private readonly acks = new Map<number, () => void>();
  /** Acks of requests not answered within their first turn of the event loop, by request id. */
  private readonly pendingAck = new Map<number, NodeJS.Immediate>();
  private seq = 0;
  private closed = false;

  constructor(
    private readonly socket: net.Socket,
    private readonly options: AppPlaneOptions,
    /** Change counters of the keys with reads in flight (shared by every connection). */
    private readonly changes: ChangeCounter,
    /** Whether large bodies may go over the bulk socket (a local caller on the Unix socket). */
    private readonly bulk: boolean,
  ) {
    this.holders = new HolderRegistry(options.holderKeys, (key) => void this.push({ refs: [refOf(key)] }));
    socket.setNoDelay?.(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.closedDown());
  }

  /** Keys this connection holds (for tests and stats). */
  get heldKeys(): number {
    return this.holders.size;
  }

  /**
   * Tells this connection that `keys` (or everything) changed, if it holds any of them;
   * resolves once it acked — or was cut off for not acking within the holder timeout.
   */
  invalidate(keys: readonly string[] | 'all'): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (keys === 'all') return this.holders.clear() ? this.push({ all: true }) : Promise.resolve();
    const released = this.holders.release(keys);
    return released.length > 0 ? this.push({ refs: released.map(refOf) }) : Promise.resolve();
  }

  /** Sends an invalidation; resolves on its ack, or once the connection is cut off for not acking in time. */
  private push(what: { refs: ObjectRef[] } | { all: true }): Promise<void> {
    if (this.closed) return Promise.resolve();
    const seq = (this.seq = (this.seq + 1) >>> 0 || 1);
    this.send({ id: 0, invalidation: { seq, ...what } });
    return new Promise<void>((resolve) => {
      // A holder that does not answer is cut off: losing the connection voids its whole near cache.
      const timer = setTimeout(() => this.socket.destroy(), this.options.holderTimeoutMs);
      this.acks.set(seq, () => {
        clearTimeout(timer);
        this.acks.delete(seq);
        resolve();
      });
    });
  }

  /** Closes the connection (shutdown). */
  destroy(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    let frames: AppFrame[];
    try {
      frames = this.reader.push(chunk);
    } catch (err) {
      const e = err as FrameError;
      this.send({ id: 0, error: { code: e.code, reason: e.reason, message: e.message } });
      this.socket.end();
      this.socket.destroySoon?.();
      return;
    }
    for (const frame of frames) this.dispatch(frame);
  }

  private dispatch(frame: AppFrame): void {
    const id = frame.id;
    if (frame.body === 'holderAck') {
      this.acks.get(frame.holderAck!.seq ?? 0)?.();
      return;
    }
    if (frame.body === 'cancel') {
      this.requests.get(id)?.cancel();
      return;
    }
    if (id === 0) return this.fail(0, new AppRefusal(Code.INVALID_ARGUMENT, Reason.BAD_REQUEST, 'a request needs an id other than 0'));
    if (this.requests.has(id)) return this.fail(id, new AppRefusal(Code.INVALID_ARGUMENT, Reason.BAD_REQUEST, `request id ${id} is already in flight`));
    if (this.requests.size >= this.options.maxInFlight) {
      return this.fail(id, new AppRefusal(Code.RESOURCE_EXHAUSTED, Reason.TOO_MANY_IN_FLIGHT, `over ${this.options.maxInFlight} requests in flight on one connection`));
    }
    switch (frame.body) {
      case 'get':
        return this.serve(id, 'Get', (req) => this.get(id, frame.get!, req));
      case 'head':
        return this.serve(id, 'Head', () => this.head(id, frame.head!));
      case 'notifyWrite':
        return this.serve(id, 'NotifyWrite', () => this.notifyWrite(id, frame.notifyWrite!));
      case 'invalidate':
        return this.serve(id, 'Invalidate', () => this.invalidateRequest(id, frame.invalidate!));
      default:
        return this.fail(id, new AppRefusal(Code.UNIMPLEMENTED, Reason.UNKNOWN_REQUEST, `no request '${frame.body ?? 'none'}'`));
    }
  }

  /** Runs one request: in-flight accounting, the ack for slow answers, errors as error frames. */
  private serve(id: number, method: string, run: (req: Request & { cancelled: boolean; onCancel?: () => void }) => Promise<void>): void {
    const req: Request & { cancelled: boolean; onCancel?: () => void } = {
      cancelled: false,
      cancel: () => {
        req.cancelled = true;
        req.onCancel?.();
      },
    };
    this.requests.set(id, req);
    this.options.inFlight.count++;
    // An answer within this turn of the event loop needs no separate ack (a hit); a request
    // still waiting after it (reading the origin) is acknowledged on its own.
    const ack = setImmediate(() => this.send({ id, ack: {} }));
    this.pendingAck.set(id, ack);
    run(req)
      .catch((err: unknown) => {
        if (req.cancelled || this.closed) return;
        const wire = toAppError(err);
        if (wire.code === Code.INTERNAL || wire.code === Code.ABORTED) this.options.onError(method, err);
        this.fail(id, err);
      })
      .finally(() => {
        this.clearAck(id);
        this.requests.delete(id);
        this.options.inFlight.count--;
      });
  }

  private clearAck(id: number): void {
    const ack = this.pendingAck.get(id);
    if (ack) {
      clearImmediate(ack);
      this.pendingAck.delete(id);
    }
  }

  private async get(id: number, wire: faast.v1.GetRequest.$Properties, req: Request & { cancelled: boolean; onCancel?: () => void }): Promise<void> {
    const ref = this.check(wire.ref);
    const key = `${ref.bucket}/${ref.key}`;
    // Counted from before the read starts: a change of the key during the read forbids holding it.
    const ticket = wire.hold ? this.changes.begin(key) : undefined;
    try {
      const result = await this.options.cachelet.get({
        ref,
        range: wire.range ?? undefined,
        conditions: conditionsOf(wire.conditions),
        // Each piece is written out before the next is pulled: relayed chunks' memory may be reused.
        transient: true,
      });
      let body = 'body' in result ? result.body : undefined;
      req.onCancel = () => void body?.return(undefined);
      if (req.cancelled) {
        void body?.return(undefined);
        return;
      }
      const header: faast.v1.GetHeader.$Properties = { status: Status[STATUS[result.status]], source: Source[SOURCE[result.source]] };
      if (result.status !== 'not-found') header.meta = wireMeta(result.meta);
      // Not held: a reply streamed from the origin without being stored (no owner recorded a
      // holder for it), or any reply under ttl/strict consistency (they revalidate with the
      // origin, which a copy in the app would skip).
      const holdable = result.source !== 'pass-through' && this.options.cachelet.config.consistency.mode === 'owner';
      if (ticket && holdable && !ticket.changed() && !this.closed) {
        this.holders.register(key, result.status === 'not-found' ? '' : result.meta.etag);
        header.held = true;
      }
      this.clearAck(id);
      if (!('body' in result) || !body) {
        this.send({ id, getReply: { header } });
        return;
      }
      header.contentLength = result.contentLength;
      if (result.range) {
        header.rangeStart = result.range.start;
        header.rangeEnd = result.range.end;
      }
      if (this.bulk && wire.bulk && this.options.bulk && result.contentLength >= BULK_MIN_BYTES) {
        // The header goes here, the bytes over the bulk socket; get_done (or an error) ends the reply.
        const offer = this.options.bulk.offer(body);
        body = undefined;
        this.send({ id, getReply: { header: { ...header, bulkToken: offer.token } } });
        try {
          await offer.done;
        } catch (err) {
          if (/did not connect/.test((err as Error).message)) throw new AppRefusal(Code.UNAVAILABLE, Reason.BULK_NOT_TAKEN, (err as Error).message);
          throw err;
        }
        if (!req.cancelled) this.send({ id, getDone: {} });
        return;
      }
      // The first body piece travels with the header: a small object is one frame.
      const first = await body.next();
      const data = first.done ? EMPTY : first.value;
      this.send({ id, getReply: { header, data: data.subarray(0, DATA_FRAME_BYTES) } });
      if (data.length > DATA_FRAME_BYTES) await this.sendData(id, data.subarray(DATA_FRAME_BYTES), result.reusesMemory);
      if (first.done) return;
      for await (const piece of body) {
        if (req.cancelled || this.closed) break;
        await this.sendData(id, piece, result.reusesMemory);
      }
    } finally {
      ticket?.end();
    }
  }

  private async head(id: number, wire: faast.v1.HeadRequest.$Properties): Promise<void> {
    const ref = this.check(wire.ref);
    const result = await this.options.cachelet.head(ref, conditionsOf(wire.conditions));
    this.clearAck(id);
    this.send({
      id,
      headReply: {
        status: Status[STATUS[result.status]],
        source: Source[SOURCE[result.source]],
        ...(result.status !== 'not-found' ? { meta: wireMeta(result.meta) } : {}),
      },
    });
  }

  private async notifyWrite(id: number, wire: faast.v1.NotifyWriteRequest.$Properties): Promise<void> {
    // Write notices are taken while draining too: they are passed on to the owner.
    const ref = this.check(wire.ref, true);
    if (!wire.etag) throw new AppRefusal(Code.INVALID_ARGUMENT, Reason.BAD_REQUEST, 'etag is required');
    await this.options.cachelet.notifyWrite(ref, wire.etag);
    this.send({ id, notifyWriteReply: {} });
  }

  private async invalidateRequest(id: number, wire: faast.v1.InvalidateRequest.$Properties): Promise<void> {
    if (!this.options.ready()) throw new AppRefusal(Code.UNAVAILABLE, Reason.STARTING, 'the cachelet is starting');
    // Refs of other buckets are not held here: nothing to drop.
    const refs = (wire.refs ?? []).filter((r) => !this.options.bucket || r.bucket === this.options.bucket).map((r) => ({ bucket: r.bucket ?? '', key: r.key ?? '' }));
    const dropped = await this.options.cachelet.invalidate(refs);
    this.send({ id, invalidateReply: { dropped } });
  }

  private check(ref: faast.v1.ObjectRef.$Properties | null | undefined, notice = false): ObjectRef {
    if (!this.options.ready()) throw new AppRefusal(Code.UNAVAILABLE, Reason.STARTING, 'the cachelet is starting');
    if (this.options.draining() && !notice) throw new AppRefusal(Code.UNAVAILABLE, Reason.DRAINING, 'the cachelet is shutting down');
    if (!ref) throw new AppRefusal(Code.INVALID_ARGUMENT, Reason.BAD_REQUEST, 'ref is required');
    const bucket = ref.bucket ?? '';
    if (this.options.bucket && bucket !== this.options.bucket) {
      throw new AppRefusal(Code.FAILED_PRECONDITION, Reason.NOT_SERVED_BUCKET, `bucket '${bucket}' is not served by this cachelet (its origin is bucket '${this.options.bucket}')`);
    }
    return { bucket, key: ref.key ?? '' };
  }

  /** Body bytes as frames of at most DATA_FRAME_BYTES, the buffer itself on the socket (no copy). */
  private async sendData(id: number, data: Buffer, reusesMemory: boolean | undefined): Promise<void> {
    for (let at = 0; at < data.length && !this.closed; at += DATA_FRAME_BYTES) {
      const piece = data.subarray(at, at + DATA_FRAME_BYTES);
      this.socket.cork();
      this.socket.write(dataFramePrefix(id, piece.length));
      const handedOn = new Promise<void>((resolve) => this.socket.write(piece, () => resolve()));
      this.socket.uncork();
      // A body that reuses its memory waits until the piece is handed to the kernel: its write
      // callback (a destroyed socket calls back too, with an error).
      if (reusesMemory) await handedOn;
      // Asked after the callback: 'drain' is emitted before write callbacks run, so it may be over already.
      if (this.socket.writableNeedDrain && !this.closed) await new Promise<void>((resolve) => this.onceDrainOrClose(resolve));
    }
  }

  private onceDrainOrClose(resolve: () => void): void {
    const done = (): void => {
      this.socket.off('drain', done);
      this.socket.off('close', done);
      resolve();
    };
    this.socket.on('drain', done);
    this.socket.on('close', done);
  }

  private fail(id: number, err: unknown): void {
    this.clearAck(id);
    this.send({ id, error: toAppError(err) });
  }

  private send(frame: AppFrameInit): void {
    if (this.closed || this.socket.destroyed) return;
    this.socket.write(encodeFrame(frame));
  }

  private closedDown(): void {
    this.closed = true;
    for (const req of this.requests.values()) req.cancel();
    for (const ack of this.pendingAck.values()) clearImmediate(ack);
    this.pendingAck.clear();
    this.holders.clear();
    // A connection that is gone holds nothing: its invalidations are settled.
    for (const settle of [...this.acks.values()]) settle();
  }
}

/** The engine's metadata as a message to encode. */
function wireMeta(meta: Parameters<typeof toWireMeta>[0]): faast.v1.ObjectMeta.$Properties {
  return toWireMeta(meta) as faast.v1.ObjectMeta.$Properties;
}

/** `bucket/key` back to a ref (a bucket name never contains '/'). */
function refOf(key: string): { bucket: string; key: string } {
  const slash = key.indexOf('/');
  return { bucket: key.slice(0, slash), key: key.slice(slash + 1) };
}

/** The engine's conditions from a decoded message: absent fields stay absent, 64-bit times as numbers. */
function conditionsOf(c: faast.v1.Conditions.$Properties | null | undefined) {
  return c ? fromWireConditions(faast.v1.Conditions.toObject(c as faast.v1.Conditions, { longs: Number }) as Conditions__Output) : undefined;
}
