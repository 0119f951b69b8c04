/**
 * The `PeerConnector` port over gRPC (TCP): how a cachelet reaches the other cachelets of its
 * application. Every call is bounded in time — a peer that does not acknowledge a call
 * quickly is treated as failed, and the engine reads the origin instead.
 */
import { Metadata, status as GrpcStatus, type ClientReadableStream, type ServiceError } from '@grpc/grpc-js';
import { CacheError, type Member, type ObjectMeta, type ObjectRef, type PeerClient, type PeerConnector, type PeerContext, type ReadRequest, type ReadResult, type ValidateResult } from '@faast/core';
import { createPeerClient, type ChunkReply__Output, type GetReply__Output, type PeerServiceClient, type ValidateReply__Output } from '@faast/rpc';
import { takeBulk } from './bulk';
import { CORE_SOURCE, CORE_STATUS, fromWireMeta, toWireConditions } from './wire';

export interface GrpcPeerOptions {
  /** A peer must acknowledge a call within this, ms. Default 1000. */
  ackTimeoutMs?: number;
  /** A forwarded read's header must arrive within this (covers the owner's origin read), ms. Default 15000. */
  firstByteTimeoutMs?: number;
  /** Deadline of metadata calls (Validate, notices), ms. Default 2000. */
  callTimeoutMs?: number;
}

export class GrpcPeerConnector implements PeerConnector {
  constructor(private readonly options: GrpcPeerOptions = {}) {}

  connect(member: Member): PeerClient {
    return new GrpcPeer(createPeerClient(member.address), hostOf(member.address), {
      ackTimeoutMs: this.options.ackTimeoutMs ?? 1000,
      firstByteTimeoutMs: this.options.firstByteTimeoutMs ?? 15_000,
      callTimeoutMs: this.options.callTimeoutMs ?? 2000,
    });
  }
}

class GrpcPeer implements PeerClient {
  /** Cleared after a bulk transfer from this peer failed: its bulk port is not reachable from here. */
  private bulk = true;

  constructor(
    private readonly client: PeerServiceClient,
    /** The peer's host, where its bulk port is. */
    private readonly host: string,
    private readonly t: Required<GrpcPeerOptions>,
  ) {}

  get(req: ReadRequest, ctx: PeerContext): Promise<ReadResult> {
    return new Promise<ReadResult>((resolve, reject) => {
      const call = this.client.PeerGet({ ref: req.ref, range: req.range, conditions: toWireConditions(req.conditions), context: ctx });
      let settled = false;
      const done = (err?: Error, result?: ReadResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(ack);
        clearTimeout(firstByte);
        call.removeListener('data', onData);
        if (err) {
          call.on('error', () => undefined);
          call.cancel();
          reject(err);
        } else resolve(result!);
      };
      const ack = setTimeout(() => done(new Error(`peer did not acknowledge within ${this.t.ackTimeoutMs} ms`)), this.t.ackTimeoutMs);
      const firstByte = setTimeout(() => done(new Error(`peer sent no reply within ${this.t.firstByteTimeoutMs} ms`)), this.t.firstByteTimeoutMs);
      call.once('metadata', () => clearTimeout(ack));
      const onData = (msg: GetReply__Output): void => {
        call.pause();
        const h = msg.header;
        const status = h ? CORE_STATUS[h.status] : undefined;
        if (!h || !status) return done(new Error('peer reply without a header'));
        const source = CORE_SOURCE[h.source];
        if (status === 'not-found') {
          drain(call);
          return done(undefined, { status, source });
        }
        const meta = fromWireMeta(h.meta!);
        if (status !== 'ok' && status !== 'partial-content') {
          drain(call);
          return done(undefined, { status, meta, source });
        }
        let range: { start: number; end: number } | undefined;
        if (status === 'partial-content') {
          if (h.rangeStart === undefined || h.rangeEnd === undefined) return done(new Error('peer reply: partial content without its range'));
          range = { start: h.rangeStart, end: h.rangeEnd };
        }
        done(undefined, { status, meta, source, contentLength: h.contentLength, ...(range ? { range } : {}), body: bodyOf(call, msg.data, h.contentLength) });
      };
      call.on('data', onData);
      call.once('error', (err: ServiceError) => done(peerError(err)));
      call.once('end', () => done(new Error('peer stream ended without a header')));
    });
  }

  validate(ref: ObjectRef, etag: string, ctx: PeerContext): Promise<ValidateResult> {
    return this.unary<ValidateReply__Output>((md, opts, cb) => this.client.Validate({ ref, etag, context: ctx }, md, opts, cb)).then((reply): ValidateResult => {
      switch (reply.outcome) {
        case 'CURRENT':
          return { outcome: 'current', meta: fromWireMeta(reply.meta!) };
        case 'CHANGED':
          return { outcome: 'changed', meta: fromWireMeta(reply.meta!) };
        case 'NOT_FOUND':
          return { outcome: 'not-found' };
        default:
          return { outcome: 'not-owner' };
      }
    });
  }

  async notifyWrite(ref: ObjectRef, etag: string, ctx: PeerContext): Promise<void> {
    await this.unary((md, opts, cb) => this.client.PeerNotifyWrite({ ref, etag, context: ctx }, md, opts, cb));
  }

  async invalidate(refs: ObjectRef[], ctx: PeerContext): Promise<void> {
    await this.unary((md, opts, cb) => this.client.PeerInvalidate({ refs, context: ctx }, md, opts, cb));
  }

  async changed(refs: ObjectRef[], ctx: PeerContext): Promise<void> {
    await this.unary((md, opts, cb) => this.client.PeerChanged({ refs, context: ctx }, md, opts, cb));
  }

  async getChunk(ref: ObjectRef, meta: ObjectMeta, index: number, chunkBytes: number, ctx: PeerContext, alloc?: (bytes: number) => Buffer): Promise<Buffer> {
    const reply = await this.requestChunk(ref, meta, index, chunkBytes, ctx, this.bulk);
    if (reply.bulkToken.length === 0) return reply.data;
    const length = Math.min(chunkBytes, meta.size - index * chunkBytes);
    try {
      return await takeBulk(this.host, reply.bulkPort, reply.bulkToken, length, this.t.firstByteTimeoutMs, alloc?.(length));
    } catch (err) {
      // An unreachable bulk port (a firewall, an address translated for the peer port only):
      // chunks from this peer come in the gRPC reply from now on. Any other failure: this
      // chunk does, once.
      if (/ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|took over/.test((err as Error).message)) this.bulk = false;
      return (await this.requestChunk(ref, meta, index, chunkBytes, ctx, false)).data;
    }
  }

  private async requestChunk(ref: ObjectRef, meta: ObjectMeta, index: number, chunkBytes: number, ctx: PeerContext, bulk: boolean): Promise<ChunkReply__Output> {
    const request = { ref, etag: meta.etag, index, chunkBytes, size: meta.size, context: ctx, bulk };
    const reply = await this.unary<ChunkReply__Output>((md, opts, cb) => this.client.PeerGetChunk(request, md, opts, cb), this.t.firstByteTimeoutMs);
    if (reply.outcome === 'CHANGED') throw new CacheError('CHANGED', `${ref.bucket}/${ref.key} changed at the origin (version ${meta.etag} is gone)`);
    return reply;
  }

  close(): void {
    this.client.close();
  }

  private unary<T>(start: (md: Metadata, opts: { deadline: number }, cb: (err: ServiceError | null, v?: T) => void) => unknown, timeoutMs = this.t.callTimeoutMs): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      start(new Metadata(), { deadline: Date.now() + timeoutMs }, (err, value) => (err ? reject(peerError(err)) : resolve(value as T)));
    });
  }
}

/** The rest of a forwarded read, with back-pressure; cancelling the call when abandoned. */
async function* bodyOf(call: ClientReadableStream<GetReply__Output>, first: Buffer, expected: number): AsyncGenerator<Buffer> {
  let received = first.length;
  let complete = false;
  try {
    if (first.length) yield first;
    if (received < expected) {
      call.resume();
      for await (const msg of call as AsyncIterable<GetReply__Output>) {
        received += msg.data.length;
        if (msg.data.length) yield msg.data;
        if (received >= expected) break;
      }
    }
    if (received !== expected) throw new CacheError('UNAVAILABLE', `peer sent ${received} of ${expected} bytes`);
    complete = true;
  } finally {
    if (!complete) {
      call.on('error', () => undefined);
      call.cancel();
    } else drain(call);
  }
}

function drain(call: ClientReadableStream<GetReply__Output>): void {
  call.on('error', () => undefined);
  call.resume();
}

/** Peer errors keep their gRPC code in the message; an owner's origin failure stays an origin error. */
function peerError(err: ServiceError): Error {
  if (err.code === GrpcStatus.ABORTED) return new CacheError(/^origin: .* changed at the origin/.test(err.details) ? 'CHANGED' : 'ORIGIN', err.details);
  if (err.code === GrpcStatus.INVALID_ARGUMENT) return new CacheError('INVALID_ARGUMENT', err.details);
  return new Error(`peer ${GrpcStatus[err.code] ?? err.code}: ${err.details}`);
}

/** The host part of `host:port` (`[v6]:port` keeps its brackets). */
function hostOf(address: string): string {
  return address.replace(/:\d+$/, '');
}
