/**
 * The cachelet engine: the cache of one instance of an application, and its part of the
 * application's distributed cache.
 *
 * Locally it answers reads from a byte-bounded memory store, reads the origin on a miss (one
 * read per key however many callers wait: single flight), streams objects over the admission
 * limit through without storing them, and drops versions a write or delete made obsolete.
 *
 * Across cachelets (the owner protocol): the ring assigns every key an owner, which holds
 * the authoritative version. A non-owner reads through the owner; it keeps a replica of an
 * object it reads often, and serves it only after the owner validated its version (a
 * metadata call). A forwarded read is never forwarded again: a receiver that does not own the
 * key under its own view reads the origin. An unreachable owner is suspect for a while and
 * its keys are read from the origin. No SDK and no transport here: origin, membership and
 * peers are ports.
 */
import { LRUCache } from 'lru-cache';
import { teeInto, originRange, slices } from './bodies';
import { formatConsistency, resolveCacheletConfig, type CacheletConfig, type CacheletConfigInput } from './config';
import { evaluateConditions, type Conditions } from './conditions';
import { CacheError, invalidArgument } from './errors';
import { Fill, type FillHeader } from './fill';
import { StaticMembership } from './membership-static';
import { Peering } from './peering';
import { systemClock, type ByteRange, type Clock, type Member, type Membership, type ObjectMeta, type ObjectRef, type Origin, type OriginBody, type PeerConnector } from './ports';
import { parseRange, resolveRange, type RangeSpec } from './range';
import type { HeadResult, PeerContext, ReadRequest, ReadResult, Source, ValidateResult } from './read';
import { SingleFlight } from './single-flight';
import { CacheletStats, type CacheletStatsSnapshot } from './stats';
import { MemoryStore, type StoredObject } from './store';

export type { HeadResult, ReadRequest, ReadResult, Source } from './read';

export interface CacheletOptions extends CacheletConfigInput {
  origin: Origin;
  clock?: Clock;
  /** This cachelet as a ring member. Default: a solo member `local`. */
  self?: Member;
  /** The application's members. Default: this cachelet alone. */
  membership?: Membership;
  /** How to reach other members (required when the membership lists others). */
  peers?: PeerConnector;
}

/** How many too-large objects' metadata is remembered (so their ranges go straight to the origin). */
const TOO_LARGE_ENTRIES = 4096;
/** How many keys' read counts are tracked to find hot objects. */
const HOT_TRACKED_KEYS = 10_000;

export class Cachelet {
  readonly config: CacheletConfig;
  readonly origin: Origin;
  readonly peering: Peering;
  private readonly clock: Clock;
  private readonly counters = new CacheletStats();
  /** Objects this cachelet owns. */
  private readonly store: MemoryStore;
  /** Replicas of hot objects owned by others (a share of the capacity). */
  private readonly replicas: MemoryStore;
  private readonly fills = new Map<string, Fill>();
  private readonly heads = new SingleFlight<ObjectMeta | null>();
  private readonly revalidations = new SingleFlight<boolean>();
  private readonly tooLarge = new LRUCache<string, ObjectMeta>({ max: TOO_LARGE_ENTRIES });
  private readonly reads = new LRUCache<string, number>({ max: HOT_TRACKED_KEYS });
  private readonly startedAtMs: number;

  constructor(options: CacheletOptions) {
    this.config = resolveCacheletConfig(options);
    this.origin = options.origin;
    this.clock = options.clock ?? systemClock;
    this.startedAtMs = this.clock.now();
    // Replicas only make sense with peers; a solo cachelet keeps its whole capacity.
    const replicaBytes = options.membership ? Math.floor(this.config.capacityBytes * this.config.replicaShare) : 0;
    const onRemove = (_key: string, _obj: StoredObject, reason: string): void => {
      if (reason === 'evict') this.counters.evictions++;
    };
    this.store = new MemoryStore({ capacityBytes: this.config.capacityBytes - replicaBytes, onRemove });
    this.replicas = new MemoryStore({ capacityBytes: Math.max(1, replicaBytes), onRemove });
    const self = options.self ?? { id: 'local', address: '', capacityBytes: this.config.capacityBytes };
    this.peering = new Peering(self, options.membership ?? new StaticMembership([self]), options.peers, this.clock, this.config.suspectMs);
    this.peering.onViewChange(() => this.dropDisowned());
  }

  /** Joins the ring (registers with the membership, learns the first view). */
  start(): Promise<void> {
    return this.peering.start();
  }

  /** Leaves the ring and closes peer connections. */
  stop(): Promise<void> {
    return this.peering.stop();
  }

  /**
   * Reads an object (or a range of it), honouring RFC 9110 preconditions. `from` is set when
   * a peer forwarded the read: it is then answered here, never forwarded again.
   */
  async get(req: ReadRequest, from?: PeerContext): Promise<ReadResult> {
    const key = this.keyOf(req.ref);
    let spec: RangeSpec | undefined;
    try {
      spec = parseRange(req.range);
    } catch (err) {
      this.counters.badRequests++;
      throw err;
    }
    const owner = this.peering.owner(key);
    if (owner === this.peering.self.id) {
      if (from) this.counters.peerServed++;
      return this.ownerGet(key, req, spec);
    }
    if (from) {
      this.counters.notOwner++;
      return this.direct(req.ref, spec, req.conditions);
    }
    return this.viaOwner(owner, key, req, spec);
  }

  /** The metadata of the current version, honouring preconditions. */
  async head(ref: ObjectRef, conditions?: Conditions): Promise<HeadResult> {
    const key = this.keyOf(ref);
    this.counters.heads++;
    let meta: ObjectMeta | null | undefined;
    let source: Source = 'hit';
    const owner = this.peering.owner(key);
    const peer = owner === this.peering.self.id ? undefined : this.peering.client(owner);
    if (peer) {
      this.counters.validations++;
      try {
        const v = await peer.validate(ref, '', this.peering.context());
        if (v.outcome === 'not-found') meta = null;
        else if ('meta' in v) meta = v.meta;
      } catch {
        this.peerFailed(owner);
      }
    }
    if (meta === undefined) {
      const current = await this.current(key, ref);
      meta = current.meta;
      source = current.source;
    }
    if (!meta) {
      this.counters.notFound++;
      return { status: 'not-found', source };
    }
    const outcome = evaluateConditions(conditions, meta);
    return { status: outcome === 'ok' ? 'ok' : outcome, meta, source };
  }

  /** Owner side of a replica check: is `etag` the current version? */
  async validate(ref: ObjectRef, etag: string): Promise<ValidateResult> {
    const key = this.keyOf(ref);
    if (this.peering.owner(key) !== this.peering.self.id) {
      this.counters.notOwner++;
      return { outcome: 'not-owner' };
    }
    const { meta } = await this.current(key, ref);
    if (!meta) return { outcome: 'not-found' };
    return { outcome: meta.etag === etag ? 'current' : 'changed', meta };
  }

  /**
   * A write of `ref` succeeded at the origin with version `etag`. Copies of other versions
   * are dropped here and at the owner (unless this notice came from a peer); reads in flight
   * are not stored. If the owner cannot be told, every peer is asked to drop the key.
   */
  async notifyWrite(ref: ObjectRef, etag: string, from?: PeerContext): Promise<void> {
    const key = this.keyOf(ref);
    this.dropLocal(key, etag);
    if (!from) await this.tellOwner(key, (peer, ctx) => peer.notifyWrite(ref, etag, ctx), [ref]);
  }

  /** The objects were deleted (or written with an unknown outcome): drop them here and at their owners. Returns how many were held here. */
  async invalidate(refs: ObjectRef[], from?: PeerContext): Promise<number> {
    let dropped = 0;
    for (const ref of refs) {
      const key = this.keyOf(ref);
      if (this.dropLocal(key, undefined)) dropped++;
      if (!from) await this.tellOwner(key, (peer, ctx) => peer.invalidate([ref], ctx), [ref]);
    }
    return dropped;
  }

  stats(): CacheletStatsSnapshot {
    const p = this.peering;
    return {
      ...this.counters,
      app: this.config.app,
      origin: this.origin.id,
      objects: this.store.objects,
      bytesUsed: this.store.bytesUsed,
      replicaObjects: this.replicas.objects,
      replicaBytes: this.replicas.bytesUsed,
      capacityBytes: this.config.capacityBytes,
      maxObjectBytes: this.config.maxObjectBytes,
      uptimeSeconds: (this.clock.now() - this.startedAtMs) / 1000,
      ring: { self: p.self.id, epoch: p.epoch, members: p.members, views: p.views, consistency: formatConsistency(this.config.consistency) },
    };
  }

  /** Drops everything (tests, shutdown). */
  clear(): void {
    this.store.clear();
    this.replicas.clear();
    this.tooLarge.clear();
  }

  /** Reads a key this cachelet owns: the store (revalidated when the policy says so), else the origin. */
  private async ownerGet(key: string, req: ReadRequest, spec: RangeSpec | undefined): Promise<ReadResult> {
    let stored = this.store.get(key);
    if (stored && this.stale(stored) && !(await this.revalidate(key, req.ref, stored))) stored = undefined;
    if (stored) {
      this.counters.hits++;
      const body = stored.body;
      return this.answer(stored.meta, spec, req.conditions, 'hit', (s, e) => slices(body, s, e, this.config.streamChunkBytes));
    }
    this.counters.misses++;
    const large = this.tooLarge.get(key);
    if (large) return this.passThrough(req.ref, key, spec, req.conditions, large);

    let fill = this.fills.get(key);
    const mine = !fill;
    if (fill) this.counters.coalesced++;
    else fill = this.startFill(key, req.ref);
    let header: FillHeader;
    try {
      header = await fill.header;
    } catch (err) {
      throw originError('GET', req.ref, err);
    }
    switch (header.kind) {
      case 'not-found':
        this.counters.notFound++;
        return { status: 'not-found', source: 'miss' };
      case 'buffered': {
        const f = fill;
        return this.answer(header.meta, spec, req.conditions, 'miss', (s, e) => f.read(s, e));
      }
      case 'too-large': {
        const body = mine ? fill.takeBody() : undefined;
        if (body && !spec) {
          this.counters.passThrough++;
          return this.answer(header.meta, undefined, req.conditions, 'pass-through', (s, e) => this.fromOrigin(body, s, e), () => body.destroy());
        }
        body?.destroy();
        return this.passThrough(req.ref, key, spec, req.conditions, header.meta);
      }
    }
  }

  /** Reads a key another cachelet owns: a validated replica, else through the owner. */
  private async viaOwner(owner: string, key: string, req: ReadRequest, spec: RangeSpec | undefined): Promise<ReadResult> {
    const peer = this.peering.client(owner);
    if (!peer) {
      this.counters.peerFallbacks++;
      return this.direct(req.ref, spec, req.conditions);
    }
    const ctx = this.peering.context();
    const reads = (this.reads.get(key) ?? 0) + 1;
    this.reads.set(key, reads);
    const replica = this.replicas.get(key);
    if (replica) {
      this.counters.validations++;
      let v: ValidateResult;
      try {
        v = await peer.validate(req.ref, replica.meta.etag, ctx);
      } catch {
        return this.peerFailed(owner, req, spec);
      }
      if (v.outcome === 'current') {
        this.counters.replicaHits++;
        return this.answer(replica.meta, spec, req.conditions, 'hit', (s, e) => slices(replica.body, s, e, this.config.streamChunkBytes));
      }
      this.replicas.delete(key);
      if (v.outcome === 'not-found') {
        this.counters.notFound++;
        return { status: 'not-found', source: 'hit' };
      }
    }
    this.counters.forwarded++;
    let result: ReadResult;
    try {
      result = await peer.get(req, ctx);
    } catch (err) {
      // The owner answered, with an error of the request or of the origin: not a peer fault.
      if (err instanceof CacheError && err.code !== 'UNAVAILABLE') throw err;
      return this.peerFailed(owner, req, spec);
    }
    // A hot object read whole becomes a replica, within the replica share of the capacity.
    if (result.status === 'ok' && reads >= this.config.replicaMinReads && result.meta.size <= this.config.maxObjectBytes && this.replicas.capacityBytes > 1) {
      const meta = result.meta;
      const epoch = this.peering.epoch;
      result = {
        ...result,
        body: teeInto(result.body, meta.size, (body) => {
          const now = this.clock.now();
          this.replicas.set(key, { meta, body, storedAtMs: now, verifiedAtMs: now, epoch });
        }),
      };
    }
    return result;
  }

  /** The owner failed: suspect it and read the origin. */
  private peerFailed(owner: string): void;
  private peerFailed(owner: string, req: ReadRequest, spec: RangeSpec | undefined): Promise<ReadResult>;
  private peerFailed(owner: string, req?: ReadRequest, spec?: RangeSpec): Promise<ReadResult> | void {
    this.counters.peerErrors++;
    this.peering.suspect(owner);
    if (!req) return;
    this.counters.peerFallbacks++;
    return this.direct(req.ref, spec, req.conditions);
  }

  /** Tells the owner of `key` (if another cachelet); if it cannot be reached, every peer drops the refs. */
  private async tellOwner(key: string, send: (peer: NonNullable<ReturnType<Peering['client']>>, ctx: PeerContext) => Promise<void>, refs: ObjectRef[]): Promise<void> {
    const owner = this.peering.owner(key);
    if (owner === this.peering.self.id) return;
    const ctx = this.peering.context();
    const peer = this.peering.client(owner);
    if (peer) {
      try {
        await send(peer, ctx);
        return;
      } catch {
        this.peerFailed(owner);
      }
    }
    await Promise.allSettled(this.peering.others().map((p) => p.invalidate(refs, ctx)));
  }

  /** The current version of a key for HEAD and validation: the owned copy, else an origin HEAD (single flight). */
  private async current(key: string, ref: ObjectRef): Promise<{ meta: ObjectMeta | null; source: Source }> {
    let stored = this.store.get(key);
    if (stored && this.stale(stored) && !(await this.revalidate(key, ref, stored))) stored = undefined;
    if (stored) return { meta: stored.meta, source: 'hit' };
    const { promise } = this.heads.do(key, () => {
      this.counters.originRequests++;
      return this.origin.head(ref).catch((err: unknown) => {
        this.counters.originErrors++; // once per origin request, however many callers shared it
        throw err;
      });
    });
    try {
      return { meta: await promise, source: 'miss' };
    } catch (err) {
      throw originError('HEAD', ref, err);
    }
  }

  /** Whether a stored copy must be checked with the origin before it is served. */
  private stale(obj: StoredObject): boolean {
    const c = this.config.consistency;
    if (c.mode === 'strict') return true;
    if (obj.epoch !== this.peering.epoch) return true;
    return c.mode === 'ttl' && this.clock.now() - obj.verifiedAtMs > c.ttlMs;
  }

  /** Asks the origin whether a stored copy is current (If-None-Match). Returns false when it was dropped. */
  private async revalidate(key: string, ref: ObjectRef, obj: StoredObject): Promise<boolean> {
    const { promise } = this.revalidations.do(key, async () => {
      this.counters.revalidations++;
      this.counters.originRequests++;
      const res = await this.origin.get(ref, { ifNoneMatch: obj.meta.etag });
      if (res.kind === 'not-modified') {
        obj.verifiedAtMs = this.clock.now();
        obj.epoch = this.peering.epoch;
        return true;
      }
      if (res.kind === 'found') res.body.destroy(); // a new version: read it through a fresh fill
      this.store.delete(key);
      return false;
    });
    try {
      return await promise;
    } catch (err) {
      this.counters.originErrors++;
      throw originError('GET', ref, err);
    }
  }

  /** Drops local copies of `key` other than version `keepEtag` (none kept when undefined). Returns whether an owned copy was dropped. */
  private dropLocal(key: string, keepEtag: string | undefined): boolean {
    const fill = this.fills.get(key);
    if (fill) {
      fill.stale = true;
      this.fills.delete(key);
    }
    this.heads.forget(key);
    this.revalidations.forget(key);
    this.tooLarge.delete(key);
    const replica = this.replicas.peek(key);
    if (replica && replica.meta.etag !== keepEtag) this.replicas.delete(key);
    const stored = this.store.peek(key);
    if (stored && stored.meta.etag !== keepEtag) {
      this.store.delete(key);
      this.counters.invalidations++;
      return true;
    }
    return false;
  }

  /** After a view change: copies of keys now owned by others are dropped (they could not be validated). */
  private dropDisowned(): void {
    const self = this.peering.self.id;
    for (const key of [...this.store.keys()]) if (this.peering.owner(key) !== self) this.store.delete(key);
  }

  /** The store key of an object; refuses refs that no origin would accept. */
  private keyOf(ref: ObjectRef): string {
    const { bucket, key } = ref;
    let problem: string | undefined;
    if (!bucket) problem = 'bucket is empty';
    else if (bucket.length > 255 || bucket.includes('/')) problem = `bucket '${bucket.slice(0, 64)}' is not a bucket name`;
    else if (!key) problem = 'key is empty';
    else {
      const bytes = Buffer.byteLength(key);
      if (bytes > this.config.maxKeyBytes) problem = `key is ${bytes} bytes, over the limit of ${this.config.maxKeyBytes} (maxKeyBytes)`;
    }
    if (problem) {
      this.counters.badRequests++;
      throw invalidArgument(problem);
    }
    return `${bucket}/${key}`;
  }

  private startFill(key: string, ref: ObjectRef): Fill {
    let resolveHeader!: (h: FillHeader) => void;
    let rejectHeader!: (e: unknown) => void;
    const header = new Promise<FillHeader>((res, rej) => {
      resolveHeader = res;
      rejectHeader = rej;
    });
    header.catch(() => undefined); // awaited by every reader; this keeps an unawaited rejection quiet
    const fill = new Fill(header);
    this.fills.set(key, fill);
    this.counters.originRequests++;
    const epoch = this.peering.epoch;
    void (async () => {
      try {
        const res = await this.origin.get(ref);
        if (res.kind === 'not-found') return resolveHeader({ kind: 'not-found' });
        if (res.kind === 'not-modified') throw new Error('origin answered 304 to an unconditional GET');
        if (res.meta.size > this.config.maxObjectBytes) {
          this.tooLarge.set(key, res.meta);
          fill.holdBody(res.body);
          return resolveHeader({ kind: 'too-large', meta: res.meta });
        }
        resolveHeader({ kind: 'buffered', meta: res.meta });
        const body = await fill.consume(res.meta, res.body, (n) => (this.counters.bytesFromOrigin += n));
        const now = this.clock.now();
        if (!fill.stale) this.store.set(key, { meta: res.meta, body, storedAtMs: now, verifiedAtMs: now, epoch });
      } catch (err) {
        this.counters.originErrors++;
        rejectHeader(err);
        fill.fail(err instanceof Error ? err : new Error(String(err)));
      } finally {
        if (this.fills.get(key) === fill) this.fills.delete(key);
      }
    })();
    return fill;
  }

  /** Reads an object straight from the origin, storing nothing (owner unreachable, or not the owner of a forwarded read). */
  private async direct(ref: ObjectRef, spec: RangeSpec | undefined, conditions: Conditions | undefined): Promise<ReadResult> {
    this.counters.originRequests++;
    let res;
    try {
      res = await this.origin.get(ref);
    } catch (err) {
      this.counters.originErrors++;
      throw originError('GET', ref, err);
    }
    if (res.kind === 'not-found') {
      this.counters.notFound++;
      return { status: 'not-found', source: 'pass-through' };
    }
    if (res.kind === 'not-modified') throw new CacheError('ORIGIN', 'origin answered 304 to an unconditional GET');
    const body = res.body;
    return this.answer(res.meta, spec, conditions, 'pass-through', (s, e) => this.fromOrigin(body, s, e), () => body.destroy());
  }

  /** Reads a too-large object (or a range of it) straight from the origin. */
  private async passThrough(ref: ObjectRef, key: string, spec: RangeSpec | undefined, conditions: Conditions | undefined, known: ObjectMeta): Promise<ReadResult> {
    this.counters.passThrough++;
    // Two tries: a range computed from a remembered size is wrong if the object changed since.
    for (let attempt = 0; ; attempt++) {
      // Ask for explicit first-last ranges only: some origins mishandle suffix ranges.
      let wanted = spec ? resolveRange(spec, known.size) : undefined;
      if (wanted === 'unsatisfiable') wanted = undefined;
      this.counters.originRequests++;
      let res;
      try {
        res = await this.origin.get(ref, wanted ? { range: wanted } : {});
      } catch (err) {
        this.counters.originErrors++;
        throw originError('GET', ref, err);
      }
      if (res.kind === 'not-found') {
        this.tooLarge.delete(key);
        this.counters.notFound++;
        return { status: 'not-found', source: 'pass-through' };
      }
      if (res.kind === 'not-modified') throw new CacheError('ORIGIN', 'origin answered 304 to an unconditional GET');
      const { meta, body } = res;
      if (meta.size > this.config.maxObjectBytes) this.tooLarge.set(key, meta);
      else this.tooLarge.delete(key);
      const got = res.range ?? { start: 0, end: meta.size - 1 };
      const need = spec ? resolveRange(spec, meta.size) : { start: 0, end: meta.size - 1 };
      if (need !== 'unsatisfiable' && (need.start < got.start || need.end > got.end)) {
        body.destroy();
        if (attempt === 0) {
          known = meta;
          continue;
        }
        throw new CacheError('ORIGIN', `origin sent bytes ${got.start}-${got.end}, ${need.start}-${need.end} were needed`);
      }
      return this.answer(meta, spec, conditions, 'pass-through', (s, e) => this.fromOrigin(body, s - got.start, e - got.start), () => body.destroy());
    }
  }

  private fromOrigin(body: OriginBody, start: number, end: number): AsyncGenerator<Buffer> {
    return originRange(body, start, end, (n) => (this.counters.bytesFromOrigin += n));
  }

  /**
   * Applies preconditions and the range to one version, and sets up its body. `release`
   * frees what the body holds (an origin stream) when no body is sent, or when the body is
   * abandoned — also before its first byte, when a generator's own `finally` never runs.
   */
  private answer(
    meta: ObjectMeta,
    spec: RangeSpec | undefined,
    conditions: Conditions | undefined,
    source: Source,
    bodyOf: (start: number, end: number) => AsyncGenerator<Buffer>,
    release?: () => void,
  ): ReadResult {
    const outcome = evaluateConditions(conditions, meta);
    let range: ByteRange | 'unsatisfiable' = { start: 0, end: meta.size - 1 };
    if (outcome === 'ok' && spec) range = resolveRange(spec, meta.size);
    if (outcome !== 'ok' || range === 'unsatisfiable') {
      release?.();
      return { status: outcome !== 'ok' ? outcome : 'range-not-satisfiable', meta, source };
    }
    const body = this.counted(bodyOf(range.start, range.end));
    if (release) {
      const finish = body.return.bind(body);
      body.return = (value) => {
        release();
        return finish(value);
      };
    }
    const contentLength = range.end - range.start + 1;
    return spec
      ? { status: 'partial-content', meta, range, contentLength, source, body }
      : { status: 'ok', meta, contentLength, source, body };
  }

  private async *counted(body: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of body) {
      this.counters.bytesServed += chunk.length;
      yield chunk;
    }
  }
}

function originError(method: string, ref: ObjectRef, err: unknown): CacheError {
  return new CacheError('ORIGIN', `origin ${method} ${ref.bucket}/${ref.key} failed: ${(err as Error).message}`, { cause: err });
}
