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
 * metadata call); chunks of large objects it reads often are kept the same way, and served
 * without a call (a chunk key names its version: it never goes stale). A forwarded read is
 * never forwarded again: a receiver that does not own the key under its own view reads the
 * origin. An unreachable owner is suspect for a while and its keys are read from the origin.
 *
 * Holders (read-after-write for copies kept outside the cachelets, e.g. the near caches of the
 * applications): the owner records which members read each key from it; when the key changes
 * it tells them (PeerChanged) and they tell their change listeners (`onChange`), all before the
 * write notice or invalidation that caused it completes.
 * No SDK and no transport here: origin, membership and peers are ports.
 */
import { LRUCache } from 'lru-cache';
import { answer, countServed } from './answer';
import { slices, teeInto } from './bodies';
import { formatConsistency, resolveCacheletConfig, type CacheletConfig, type CacheletConfigInput } from './config';
import { evaluateConditions, type Conditions } from './conditions';
import { CacheError, invalidArgument } from './errors';
import { ChunkReader, chunkKey, chunkVersionPrefix, type Chunk } from './chunks';
import { ChangeListeners, type CacheletChange, type CacheletChangeListener } from './changes';
import { HolderRecords, type ChangedKey } from './holders';
import { ChunkPool } from './pool';
import { LocalCache } from './local';
import { OriginHealth, watchOrigin } from './origin-health';
import { StaticMembership } from './membership-static';
import { Peering } from './peering';
import { systemClock, type Clock, type Member, type Membership, type ObjectMeta, type ObjectRef, type Origin, type PeerClient, type PeerConnector } from './ports';
import { parseRange, resolveRange, type RangeSpec } from './range';
import type { HeadResult, PeerContext, ReadRequest, ReadResult, Source, ValidateResult } from './read';
import { CacheletStats, type CacheletStatsSnapshot } from './stats';
import { entrySize, MemoryStore, type StoredObject } from './store';

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
  /** Tracks whether the origin is usable. Default: one that checks with `origin.check`. */
  originHealth?: OriginHealth;
}

/** First background retry of notices an owner missed, ms (then doubling up to `suspectMs`). */
const PENDING_RETRY_MIN_MS = 25;
/** How many keys' read counts are tracked to find hot objects. */
const HOT_TRACKED_KEYS = 10_000;

export class Cachelet {
  readonly config: CacheletConfig;
  readonly origin: Origin;
  readonly peering: Peering;
  readonly originHealth: OriginHealth;
  private readonly clock: Clock;
  private readonly counters = new CacheletStats();
  /** The objects this cachelet owns. */
  private readonly local: LocalCache;
  /** Replicas of hot objects and chunks owned by others (a share of the capacity). */
  private readonly replicas: MemoryStore;
  /** Buffers for chunks relayed from peers to transient readers, reused chunk after chunk. */
  private readonly relayBuffers: ChunkPool;
  /** Write notices an owner could not be given, by owner id: delivered before the owner is used again, and retried in the background. */
  private readonly pending = new Map<string, Map<string, ObjectRef>>();
  private pendingTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly reads = new LRUCache<string, number>({ max: HOT_TRACKED_KEYS });
  private readonly startedAtMs: number;
  private readonly changes = new ChangeListeners(this.counters);
  /** As owner: which members read each key from here. */
  private readonly holders: HolderRecords;

  constructor(options: CacheletOptions) {
    this.config = resolveCacheletConfig(options);
    this.origin = options.origin;
    const origin = options.origin;
    this.originHealth = options.originHealth ?? new OriginHealth(origin.check ? { probe: (signal) => origin.check!(signal) } : {});
    this.clock = options.clock ?? systemClock;
    this.startedAtMs = this.clock.now();
    // Replicas only make sense with peers; a solo cachelet keeps its whole capacity.
    const replicaBytes = options.membership ? Math.floor(this.config.capacityBytes * this.config.replicaShare) : 0;
    const onRemove = (_key: string, _obj: StoredObject, reason: string): void => {
      if (reason === 'evict') this.counters.evictions++;
    };
    const store = new MemoryStore({ capacityBytes: this.config.capacityBytes - replicaBytes, onRemove });
    this.replicas = new MemoryStore({ capacityBytes: Math.max(1, replicaBytes), onRemove });
    // Enough for two readers' windows; more relays than that allocate (and leave to the GC).
    this.relayBuffers = new ChunkPool(this.config.chunkBytes, 2 * this.config.readAhead);
    const self = options.self ?? { id: 'local', address: '', capacityBytes: this.config.capacityBytes };
    this.peering = new Peering(self, options.membership ?? new StaticMembership([self]), options.peers, this.clock, this.config.suspectMs);
    // Copies are stamped with the view they were verified under (epoch and view count): after any
    // view change — even back to an earlier member set — they are revalidated before being served.
    this.holders = new HolderRecords(this.config.holderKeys, (id, refs) => this.tellHolder(id, refs), this.counters);
    // A revalidation that finds a new version is a change no writer told us of: holders still
    // have the old one. Nobody waits for this notice; it is sent at once.
    const changedAtOrigin = (key: string, ref: ObjectRef): void => void this.changedHere([{ key, ref }]);
    this.local = new LocalCache(this.config, watchOrigin(this.origin, this.originHealth), this.clock, this.counters, store, () => `${this.peering.epoch}/${this.peering.views}`, changedAtOrigin);
    // After a view change, copies of keys now owned by others are dropped (they could not be validated).
    this.peering.onViewChange(() => {
      this.local.dropWhere((key) => this.peering.owner(key) !== this.peering.self.id);
      // Notices for members that left are moot: their copies are gone with them.
      const members = new Set(this.peering.members.map((m) => m.id));
      for (const owner of this.pending.keys()) if (!members.has(owner)) this.pending.delete(owner);
      // Ownership moved: the new owners have no record of who holds what, so everything held
      // outside this cachelet is dropped (rare, simple, safe). Holder records kept here stay:
      // a member that still sends this cachelet notices under an older view is still served.
      void this.changes.emit({ all: true });
    });
  }

  /**
   * Calls `listener` whenever a version held outside this cachelet (by its applications) may
   * have become stale: a write notice or invalidation (from an application or a peer), a
   * holder notice from an owner, a revalidation or a chunked read that found a new version —
   * `{ refs }` — and every ring view change and `leave()` — `{ all: true }`. `notifyWrite`
   * and `invalidate` resolve only after every listener resolved: a listener must bound its
   * own wait. A listener that throws or rejects fails only itself; every call is counted in
   * `changeEvents`.
   *
   * What a listener may rely on, to keep copies consistent: a read reply with source
   * `pass-through` was not recorded at any owner (no change will be reported for it) and must
   * not be kept; a change event for a key while a read of it is in flight may precede that
   * read's reply, which must then not be kept either.
   *
   * @returns a function that removes the listener.
   */
  onChange(listener: CacheletChangeListener): () => void {
    return this.changes.add(listener);
  }

  /** Joins the ring (registers with the membership, learns the first view). */
  start(): Promise<void> {
    return this.peering.start();
  }

  /**
   * Leaves the ring (peers stop sending reads here) but keeps talking to them, to pass on write
   * notices while draining. The listeners are told to drop everything: owners that no longer
   * count this cachelet as a member no longer tell it of changes.
   */
  async leave(): Promise<void> {
    await Promise.all([this.peering.leave(), this.changes.emit({ all: true })]);
  }

  /** Leaves the ring and closes peer connections. */
  stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.pendingTimer);
    this.originHealth.stop();
    return this.peering.stop();
  }

  /**
   * Reads an object (or a range of it), honouring RFC 9110 preconditions. `from` is set when
   * a peer forwarded the read: it is then answered here, never forwarded again.
   */
  async get(req: ReadRequest, from?: PeerContext, attempt = 0): Promise<ReadResult> {
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
      if (from) {
        this.counters.peerServed++;
        // Recorded before the read: a change from now on reaches the caller, whatever it is sent.
        this.holders.record(key, req.ref, from.from);
        return this.local.read(key, req, spec); // a large object's header goes back as `chunked`
      }
      return this.chunked(req, spec, await this.local.read(key, req, spec), attempt);
    }
    if (from) {
      this.counters.notOwner++;
      return this.local.direct(req.ref, spec, req.conditions);
    }
    return this.chunked(req, spec, await this.viaOwner(owner, key, req, spec), attempt);
  }

  /**
   * Reads a large object in chunks when the owner answered `chunked`: the chunks covering the
   * requested range, a window of them in parallel, each from its own owner. The first chunk
   * is fetched before the answer is given, so a version change found there restarts the read
   * on the new version; one found later fails the stream (never bytes of two versions).
   */
  private async chunked(req: ReadRequest, spec: RangeSpec | undefined, result: ReadResult, attempt: number): Promise<ReadResult> {
    if (result.status !== 'chunked') return result;
    this.counters.chunkedReads++;
    const { meta, source } = result;
    const range = spec ? resolveRange(spec, meta.size) : { start: 0, end: meta.size - 1 };
    if (evaluateConditions(req.conditions, meta) !== 'ok' || range === 'unsatisfiable') {
      return answer(this.counters, meta, spec, req.conditions, source, () => noBody());
    }
    // An object larger than the whole ring's capacity streams through: its chunks are not stored.
    const admit = meta.size <= this.peering.members.reduce((sum, m) => sum + m.capacityBytes, 0);
    const c = this.config;
    const reader = new ChunkReader(meta, range.start, range.end, c.chunkBytes, c.readAhead, c.streamChunkBytes, (i) => this.fetchChunk(req.ref, meta, i, admit, req.transient === true));
    try {
      await reader.begin();
    } catch (err) {
      reader.cancel();
      if (!isChanged(err)) throw err;
      this.counters.versionChanges++;
      await this.invalidate([req.ref]); // the owner drops the old header: the next read gets the new version
      if (attempt === 0) return this.get(req, undefined, attempt + 1);
      throw err;
    }
    const answered = answer(this.counters, meta, spec, req.conditions, source, () => this.forgetOnChange(req.ref, reader.body()), () => reader.cancel());
    if ('body' in answered && req.transient) answered.reusesMemory = true;
    return answered;
  }

  /** A change found after bytes were sent fails the body — and the old header is dropped, so later reads get the new version. */
  private async *forgetOnChange(ref: ObjectRef, body: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
    try {
      yield* body;
    } catch (err) {
      if (isChanged(err)) {
        this.counters.versionChanges++;
        await this.invalidate([ref]).catch(() => undefined);
      }
      throw err;
    }
  }

  /**
   * One chunk: from its owner — or from a replica of it here, kept once this cachelet has read
   * the chunk `replicaMinReads` times — or, if the owner is this cachelet or unreachable,
   * through the local store and the origin. For a `transient` reader, a peer's chunk not
   * kept as a replica is received into a reused buffer, given back once it is written out.
   */
  private async fetchChunk(ref: ObjectRef, meta: ObjectMeta, index: number, admit: boolean, transient: boolean): Promise<Chunk> {
    const key = chunkKey(`${ref.bucket}/${ref.key}`, meta.etag, index);
    // A replica is good whoever owns the chunk now (it was kept under an earlier view, maybe).
    const replica = this.replicas.get(key);
    if (replica) {
      this.counters.chunkReplicaHits++;
      return { body: replica.body };
    }
    const owner = this.peering.owner(key);
    const body = owner === this.peering.self.id ? undefined : await this.chunkFromPeer(owner, ref, meta, index, transient);
    if (!body) return { body: await this.local.readChunk(ref, meta, index, this.config.chunkBytes, admit) };
    if ((admit && this.keepChunkReplica(key, meta, body)) || !transient) return { body };
    return { body, release: () => this.relayBuffers.give(body) };
  }

  /** A chunk from its owner — into a reused buffer for a `transient` reader — or undefined if the owner is unusable or failed. */
  private async chunkFromPeer(owner: string, ref: ObjectRef, meta: ObjectMeta, index: number, transient: boolean): Promise<Buffer | undefined> {
    const usable = this.usablePeer(owner);
    const peer = usable instanceof Promise ? await usable : usable;
    if (!peer) return undefined;
    try {
      this.counters.chunkPeerFetches++;
      const alloc = transient ? (bytes: number) => this.relayBuffers.take(bytes) : undefined;
      return await peer.getChunk(ref, meta, index, this.config.chunkBytes, this.peering.context(), alloc);
    } catch (err) {
      if (!isPeerFault(err)) throw err;
      this.peerFailed(owner);
      return undefined;
    }
  }

  /**
   * Keeps a replica of a peer's chunk read often enough, within the replica share. Room is
   * made from the least recently used replicas of other objects (or other versions), never
   * from this version's own chunks: a sequential read of an object larger than the room keeps
   * its first chunks instead of cycling every chunk through (an LRU smaller than a scan would
   * never hit), and an object no longer read gives its room to the next.
   */
  private keepChunkReplica(key: string, meta: ObjectMeta, body: Buffer): boolean {
    const reads = (this.reads.get(key) ?? 0) + 1;
    this.reads.set(key, reads);
    if (reads < this.config.replicaMinReads) return false;
    const now = this.clock.now();
    const entry: StoredObject = { meta, body, storedAtMs: now, verifiedAtMs: now, epoch: 'immutable' };
    const need = entrySize(key, entry);
    const free = (): number => this.replicas.capacityBytes - this.replicas.bytesUsed;
    if (need > this.replicas.capacityBytes) return false;
    if (free() < need) {
      const own = chunkVersionPrefix(key);
      for (const other of [...this.replicas.leastRecentKeys()]) {
        if (free() >= need) break;
        if (other.startsWith(own)) continue;
        this.replicas.delete(other);
        this.counters.evictions++;
      }
    }
    return free() >= need && this.replicas.set(key, entry);
  }

  /** Owner side of a chunk fetch by a peer. */
  chunk(ref: ObjectRef, meta: ObjectMeta, index: number, chunkBytes: number): Promise<Buffer> {
    this.keyOf(ref);
    if (chunkBytes !== this.config.chunkBytes) throw invalidArgument(`chunk size ${chunkBytes} differs from this cachelet's ${this.config.chunkBytes} (chunkBytes)`);
    const admit = meta.size <= this.peering.members.reduce((sum, m) => sum + m.capacityBytes, 0);
    this.counters.peerServed++;
    return this.local.readChunk(ref, meta, index, chunkBytes, admit);
  }

  /** The metadata of the current version, honouring preconditions. */
  async head(ref: ObjectRef, conditions?: Conditions): Promise<HeadResult> {
    const key = this.keyOf(ref);
    this.counters.heads++;
    let meta: ObjectMeta | null | undefined;
    let source: Source = 'hit';
    const owner = this.peering.owner(key);
    const usable = owner === this.peering.self.id ? undefined : this.usablePeer(owner);
    const peer = usable instanceof Promise ? await usable : usable;
    if (peer) {
      this.counters.validations++;
      try {
        const v = await peer.validate(ref, '', this.peering.context());
        if (v.outcome === 'not-found') meta = null;
        else if ('meta' in v) meta = v.meta;
      } catch (err) {
        if (!isPeerFault(err)) throw err;
        this.peerFailed(owner);
      }
    }
    if (meta === undefined) {
      const current = await this.local.current(key, ref);
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

  /** Owner side of a replica check: is `etag` the current version? `from`: the peer asking, recorded as a holder. */
  async validate(ref: ObjectRef, etag: string, from?: PeerContext): Promise<ValidateResult> {
    const key = this.keyOf(ref);
    if (this.peering.owner(key) !== this.peering.self.id) {
      this.counters.notOwner++;
      return { outcome: 'not-owner' };
    }
    if (from) this.holders.record(key, ref, from.from);
    const { meta } = await this.local.current(key, ref);
    if (!meta) return { outcome: 'not-found' };
    return { outcome: meta.etag === etag ? 'current' : 'changed', meta };
  }

  /**
   * A write of `ref` succeeded at the origin with version `etag`. Copies are dropped here and
   * at the owner (unless this notice came from a peer); reads in flight are not stored. If the
   * owner cannot be told, every peer is asked to drop the key. A copy with the same ETag is
   * dropped too: rewriting the same bytes keeps the ETag but moves Last-Modified, which a
   * faithful reply repeats.
   *
   * Resolves once the holders recorded here (but the sender) and this cachelet's change
   * listeners were told — and, for an application's notice, once the owner has done the same.
   */
  async notifyWrite(ref: ObjectRef, etag: string, from?: PeerContext): Promise<void> {
    const key = this.keyOf(ref);
    this.dropLocal(key);
    const owner = from ? undefined : this.tellOwner(key, (peer, ctx) => peer.notifyWrite(ref, etag, ctx), [ref]);
    await allSettledThenThrow([this.changedHere([{ key, ref }], from), owner]);
  }

  /**
   * The objects were deleted (or written with an unknown outcome): drop them here and at their
   * owners. Returns how many were held here. A peer's notice for a key this cachelet does not
   * own is a broadcast for an owner that could not be told: it is delivered to that owner
   * before this cachelet reads through it again. Resolves as `notifyWrite` does.
   */
  async invalidate(refs: ObjectRef[], from?: PeerContext): Promise<number> {
    const keys = refs.map((ref) => ({ key: this.keyOf(ref), ref }));
    let dropped = 0;
    for (const { key, ref } of keys) {
      if (this.dropLocal(key)) dropped++;
      const owner = this.peering.owner(key);
      if (from && owner !== this.peering.self.id && owner !== from.from) this.remember(owner, [ref]);
    }
    const told = [this.changedHere(keys, from)];
    if (!from) {
      // One notice per owner, all owners at once: each fans its keys out to their holders in one go.
      const byOwner = new Map<string, ChangedKey[]>();
      for (const k of keys) {
        const owner = this.peering.owner(k.key);
        const group = byOwner.get(owner);
        if (group) group.push(k);
        else byOwner.set(owner, [k]);
      }
      for (const group of byOwner.values()) {
        const refs = group.map((k) => k.ref);
        told.push(this.tellOwner(group[0]!.key, (peer, ctx) => peer.invalidate(refs, ctx), refs));
      }
    }
    await allSettledThenThrow(told);
    return dropped;
  }

  /**
   * Holder side of PeerChanged: an owner says `refs` changed. Copies here are dropped and the
   * change listeners told before this resolves; nothing is passed on (the owner told every
   * other holder itself).
   */
  async changedAtOwner(refs: ObjectRef[]): Promise<void> {
    for (const ref of refs) this.dropLocal(this.keyOf(ref));
    this.counters.holderInvalidationsReceived++;
    await this.changes.emit({ refs });
  }

  stats(): CacheletStatsSnapshot {
    const p = this.peering;
    return {
      ...this.counters,
      app: this.config.app,
      origin: this.origin.id,
      originHealthy: this.originHealth.healthy,
      lastOriginError: this.originHealth.lastError,
      objects: this.local.store.objects,
      bytesUsed: this.local.store.bytesUsed,
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
    this.local.clear();
    this.replicas.clear();
  }

  /** Reads a key another cachelet owns: a validated replica, else through the owner. */
  private async viaOwner(owner: string, key: string, req: ReadRequest, spec: RangeSpec | undefined): Promise<ReadResult> {
    const usable = this.usablePeer(owner);
    const peer = usable instanceof Promise ? await usable : usable;
    if (!peer) {
      this.counters.peerFallbacks++;
      this.counters.misses++;
      return this.local.direct(req.ref, spec, req.conditions);
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
      } catch (err) {
        if (!isPeerFault(err)) throw err;
        return this.peerFailed(owner, req, spec);
      }
      if (v.outcome === 'current' && v.meta.size === replica.meta.size) {
        this.counters.replicaHits++;
        // The owner's metadata: the same bytes may have been rewritten since (a new Last-Modified).
        replica.meta = v.meta;
        this.counters.hits++;
        return answer(this.counters, replica.meta, spec, req.conditions, 'hit', (s, e) => slices(replica.body, s, e, this.config.streamChunkBytes));
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
      if (!isPeerFault(err)) throw err;
      return this.peerFailed(owner, req, spec);
    }
    // The reader's view: a hit if the owner had it, a miss if the owner read the origin; its bytes are served here too.
    if (result.status !== 'chunked') {
      if (result.source === 'hit') this.counters.hits++;
      else this.counters.misses++;
    }
    if ('body' in result) result = { ...result, body: countServed(this.counters, result.body) };
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
    this.counters.misses++;
    return this.local.direct(req.ref, spec, req.conditions);
  }

  /** Tells the owner of `key` (if another cachelet); if it cannot be reached, every peer drops the refs. */
  private async tellOwner(key: string, send: (peer: NonNullable<ReturnType<Peering['client']>>, ctx: PeerContext) => Promise<void>, refs: ObjectRef[]): Promise<void> {
    const owner = this.peering.owner(key);
    if (owner === this.peering.self.id) return;
    const ctx = this.peering.context();
    const peer = await this.usablePeer(owner);
    if (peer) {
      try {
        await send(peer, ctx);
        return;
      } catch (err) {
        if (!isPeerFault(err)) throw err;
        this.peerFailed(owner);
      }
    }
    // The owner may still hold the old version: it gets the notice before this cachelet uses
    // it again, and every other peer drops its copies now.
    this.remember(owner, refs);
    await Promise.allSettled(this.peering.others().map((p) => p.invalidate(refs, ctx)));
  }

  /** A client of `owner` once it has every notice it missed; undefined when suspect or unreachable. */
  private usablePeer(owner: string): PeerClient | undefined | Promise<PeerClient | undefined> {
    // No await unless notices are pending: the common path stays synchronous.
    if (!this.pending.has(owner)) return this.peering.client(owner);
    return this.deliverPending(owner).then((ok) => (ok ? this.peering.client(owner) : undefined));
  }

  private remember(owner: string, refs: ObjectRef[]): void {
    const pending = this.pending.get(owner) ?? new Map<string, ObjectRef>();
    for (const ref of refs) pending.set(`${ref.bucket}/${ref.key}`, ref);
    this.pending.set(owner, pending);
    this.retryPending(PENDING_RETRY_MIN_MS);
  }

  /**
   * Retries missed notices in the background, so that the owner itself (which never forwards
   * its own keys) stops serving the old version soon after it is reachable again — not only
   * when a peer next reads through it. Backs off to `suspectMs`; stops when nothing is pending.
   */
  private retryPending(delayMs: number): void {
    if (this.pendingTimer || this.pending.size === 0 || this.stopped) return;
    this.pendingTimer = setTimeout(() => {
      this.pendingTimer = undefined;
      void Promise.all([...this.pending.keys()].map((owner) => this.deliverPending(owner))).then(() =>
        this.retryPending(Math.min(delayMs * 2, Math.max(PENDING_RETRY_MIN_MS, this.config.suspectMs))),
      );
    }, delayMs);
    this.pendingTimer.unref();
  }

  /**
   * Delivers the notices an owner missed while it was unreachable. Returns false (and the
   * owner stays suspect) when they still cannot be delivered: the caller must not read
   * through it.
   */
  private async deliverPending(owner: string): Promise<boolean> {
    const pending = this.pending.get(owner);
    if (!pending || pending.size === 0) return true;
    const peer = this.peering.client(owner);
    if (!peer) return false;
    try {
      await peer.invalidate([...pending.values()], this.peering.context());
      this.pending.delete(owner);
      return true;
    } catch {
      this.peerFailed(owner);
      return false;
    }
  }

  /**
   * Keys changed here: the members recorded as their holders (but `from`, which tells its own
   * applications) and this cachelet's change listeners are told, in parallel. Never rejects.
   */
  private changedHere(keys: ChangedKey[], from?: PeerContext): Promise<void> {
    const change: CacheletChange = { refs: keys.map((k) => k.ref) };
    return Promise.all([this.holders.changed(keys, from?.from), this.changes.emit(change)]).then(() => undefined);
  }

  /**
   * One holder notice. A holder already suspect is sent it without waiting: a write must not
   * wait a timeout per notice for a member known to be failing (its applications' near caches
   * are bounded by their maximum age). A holder that fails now becomes suspect. Never rejects.
   */
  private async tellHolder(id: string, refs: ObjectRef[]): Promise<void> {
    const ctx = this.peering.context();
    const peer = this.peering.client(id);
    if (!peer) {
      this.peering
        .anyClient(id)
        ?.changed(refs, ctx)
        .catch(() => undefined);
      return;
    }
    try {
      await peer.changed(refs, ctx);
    } catch (err) {
      // A CacheError is the holder's answer (e.g. a ref it refuses), not a fault of the holder.
      if (isPeerFault(err)) this.peerFailed(id);
    }
  }

  /** Drops local copies (owned and replica) of `key`. Returns whether an owned copy was dropped. */
  private dropLocal(key: string): boolean {
    const replica = this.replicas.peek(key);
    if (replica) this.replicas.delete(key);
    return this.local.drop(key);
  }

  /** The store key of an object; refuses refs that no origin would accept. */
  private keyOf(ref: ObjectRef): string {
    const { bucket, key } = ref;
    let problem: string | undefined;
    if (!bucket) problem = 'bucket is empty';
    else if (bucket.length > 255 || bucket.includes('/')) problem = `bucket '${bucket.slice(0, 64)}' is not a bucket name`;
    else if (!key) problem = 'key is empty';
    else if (LONE_SURROGATE.test(bucket) || LONE_SURROGATE.test(key)) problem = 'key is not well-formed UTF-16 (a lone surrogate): no origin could name it';
    else {
      const bytes = Buffer.byteLength(key);
      if (bytes > this.config.maxKeyBytes) problem = `key is ${bytes} bytes, over the limit of ${this.config.maxKeyBytes} (maxKeyBytes)`;
    }
    if (problem) {
      this.counters.badRequests++;
      throw invalidArgument(problem, 'key');
    }
    return `${bucket}/${key}`;
  }
}

/**
 * Waits for every promise (undefined: nothing to wait for), then rethrows the first failure: a
 * notice that fails (the owner's answer) still fails only after the holders were all told.
 */
async function allSettledThenThrow(promises: (Promise<unknown> | undefined)[]): Promise<void> {
  const failed = (await Promise.allSettled(promises)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** A UTF-16 code unit without its surrogate pair (`u` mode matches only those): not valid UTF-8 on any wire. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Whether a failed peer call is the peer's fault — not an answer about the request or the origin, which the owner did give. */
async function* noBody(): AsyncGenerator<Buffer> {}

function isChanged(err: unknown): boolean {
  return err instanceof CacheError && err.code === 'CHANGED';
}

function isPeerFault(err: unknown): boolean {
  return !(err instanceof CacheError && err.code !== 'UNAVAILABLE');
}
