/**
 * The local half of a cachelet: the objects it owns. A byte-bounded store, one origin read
 * per key however many callers wait (single flight), objects over the admission limit
 * streamed through without being stored, revalidation with the origin when the consistency
 * policy or an ownership change asks for it, and versions dropped after writes.
 */
import { LRUCache } from 'lru-cache';
import { answer } from './answer';
import { originRange, slices } from './bodies';
import { chunkKey, isChunkKey } from './chunks';
import type { CacheletConfig } from './config';
import type { Conditions } from './conditions';
import { CacheError } from './errors';
import { Fill, type FillHeader } from './fill';
import type { Clock, ObjectMeta, ObjectRef, Origin, OriginBody } from './ports';
import { resolveRange, type RangeSpec } from './range';
import type { ReadRequest, ReadResult, Source } from './read';
import { scrubSecrets } from './scrub';
import { SingleFlight } from './single-flight';
import type { CacheletStats } from './stats';
import type { MemoryStore, StoredObject } from './store';

/** How many too-large objects' metadata is remembered (so their ranges go straight to the origin). */
const TOO_LARGE_ENTRIES = 4096;
/** How many large objects' headers an owner keeps. */
const CHUNK_HEADER_ENTRIES = 16_384;

export class LocalCache {
  private readonly fills = new Map<string, Fill>();
  private readonly heads = new SingleFlight<ObjectMeta | null>();
  private readonly revalidations = new SingleFlight<boolean>();
  private readonly tooLarge = new LRUCache<string, ObjectMeta>({ max: TOO_LARGE_ENTRIES });
  /** Headers (current version and size) of large objects this cachelet owns; their bytes live in chunks. */
  private readonly chunkHeaders = new LRUCache<string, ObjectMeta>({ max: CHUNK_HEADER_ENTRIES });
  private readonly chunkFetches = new SingleFlight<Buffer>();

  constructor(
    private readonly config: CacheletConfig,
    private readonly origin: Origin,
    private readonly clock: Clock,
    private readonly counters: CacheletStats,
    readonly store: MemoryStore,
    /** The current ring epoch (copies verified under another one are revalidated). */
    private readonly epoch: () => string,
    /** A revalidation found that the origin has another version (or none) of a stored copy. */
    private readonly changed: (key: string, ref: ObjectRef) => void,
  ) {}

  clear(): void {
    this.store.clear();
    this.tooLarge.clear();
    this.chunkHeaders.clear();
  }

  /** Reads a key this cachelet owns: the store (revalidated when the policy says so), else the origin. */
  async read(key: string, req: ReadRequest, spec: RangeSpec | undefined): Promise<ReadResult> {
    let stored = this.store.get(key);
    if (stored && this.stale(stored) && !(await this.revalidate(key, req.ref, stored))) stored = undefined;
    if (stored) {
      this.counters.hits++;
      const body = stored.body;
      return answer(this.counters, stored.meta, spec, req.conditions, 'hit', (s, e) => slices(body, s, e, this.config.streamChunkBytes));
    }
    const chunkHeader = this.chunkHeaders.get(key);
    if (chunkHeader) return { status: 'chunked', meta: chunkHeader, source: 'hit' };
    this.counters.misses++;
    const large = this.tooLarge.get(key);
    if (large) return this.passThrough(req.ref, key, spec, req.conditions, large);

    let fill = this.fills.get(key);
    const mine = !fill;
    if (fill) this.counters.coalesced++;
    else fill = this.startFill(key, req.ref);
    let fillHeader: FillHeader;
    try {
      fillHeader = await fill.header;
    } catch (err) {
      throw originError('GET', req.ref, err);
    }
    const header = fillHeader;
    switch (header.kind) {
      case 'chunked':
        return { status: 'chunked', meta: header.meta, source: 'miss' };
      case 'not-found':
        this.counters.notFound++;
        return { status: 'not-found', source: 'miss' };
      case 'buffered': {
        const f = fill;
        return answer(this.counters, header.meta, spec, req.conditions, 'miss', (s, e) => f.read(s, e));
      }
      case 'too-large': {
        const body = mine ? fill.takeBody() : undefined;
        if (body && !spec) {
          this.counters.passThrough++;
          return answer(this.counters, header.meta, undefined, req.conditions, 'pass-through', (s, e) => this.fromOrigin(body, s, e), () => body.destroy());
        }
        body?.destroy();
        return this.passThrough(req.ref, key, spec, req.conditions, header.meta);
      }
    }
  }

  /** The current version of a key for HEAD and validation: the owned copy, else an origin HEAD (single flight). */
  async current(key: string, ref: ObjectRef): Promise<{ meta: ObjectMeta | null; source: Source }> {
    let stored = this.store.get(key);
    if (stored && this.stale(stored) && !(await this.revalidate(key, ref, stored))) stored = undefined;
    if (stored) return { meta: stored.meta, source: 'hit' };
    const header = this.chunkHeaders.get(key);
    if (header) return { meta: header, source: 'hit' };
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
    if (obj.epoch === 'immutable') return false;
    const c = this.config.consistency;
    if (c.mode === 'strict') return true;
    if (obj.epoch !== this.epoch()) return true;
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
        obj.epoch = this.epoch();
        return true;
      }
      if (res.kind === 'found') res.body.destroy(); // a new version: read it through a fresh fill
      this.store.delete(key);
      this.changed(key, ref);
      return false;
    });
    try {
      return await promise;
    } catch (err) {
      this.counters.originErrors++;
      throw originError('GET', ref, err);
    }
  }

  /** Drops the copy of `key` and keeps reads in flight from storing. Returns whether a copy was dropped. */
  drop(key: string): boolean {
    const fill = this.fills.get(key);
    if (fill) {
      fill.stale = true;
      this.fills.delete(key);
    }
    this.heads.forget(key);
    this.revalidations.forget(key);
    this.tooLarge.delete(key);
    this.chunkHeaders.delete(key);
    const stored = this.store.peek(key);
    if (stored) {
      this.store.delete(key);
      this.counters.invalidations++;
      return true;
    }
    return false;
  }

  /**
   * Chunk `index` of version `meta.etag` (a whole chunk, as one Buffer): from the store, else
   * by one ranged GET with If-Match (single flight). Chunks are keyed by version, so a stored
   * chunk never goes stale. `admit`: whether it may be stored (not when the object is larger
   * than the whole ring's capacity). Rejects with `CHANGED` when the origin has moved on.
   */
  async readChunk(ref: ObjectRef, meta: ObjectMeta, index: number, chunkBytes: number, admit: boolean): Promise<Buffer> {
    const key = chunkKey(`${ref.bucket}/${ref.key}`, meta.etag, index);
    const stored = this.store.get(key);
    if (stored) {
      this.counters.chunkHits++;
      return stored.body;
    }
    const start = index * chunkBytes;
    const end = Math.min(meta.size, start + chunkBytes) - 1;
    if (start > end) throw new CacheError('INVALID_ARGUMENT', `chunk ${index} is past the end of a ${meta.size}-byte object`);
    const { promise } = this.chunkFetches.do(key, async () => {
      this.counters.chunkMisses++;
      this.counters.originRequests++;
      let res;
      try {
        res = await this.origin.get(ref, { range: { start, end }, ifMatch: meta.etag });
      } catch (err) {
        this.counters.originErrors++;
        throw originError('GET', ref, err);
      }
      // Some S3-compatible origins ignore If-Match (plain s3rver does): the ETag of the answer is checked too.
      if (res.kind === 'precondition-failed' || res.kind === 'not-found' || (res.kind === 'found' && res.meta.etag !== meta.etag)) {
        if (res.kind === 'found') res.body.destroy();
        throw new CacheError('CHANGED', `${ref.bucket}/${ref.key} changed at the origin (version ${meta.etag} is gone)`);
      }
      if (res.kind !== 'found') throw new CacheError('ORIGIN', `origin answered ${res.kind} to a ranged GET`);
      const got = res.range ?? { start: 0, end: res.meta.size - 1 };
      const parts: Buffer[] = [];
      for await (const part of originRange(res.body, start - got.start, end - got.start, (n) => (this.counters.bytesFromOrigin += n))) parts.push(part);
      const body = parts.length === 1 ? parts[0]! : Buffer.concat(parts, end - start + 1);
      const now = this.clock.now();
      if (admit && body.length <= this.config.maxObjectBytes) this.store.set(key, { meta, body, storedAtMs: now, verifiedAtMs: now, epoch: 'immutable' });
      else if (!admit) this.counters.chunkPassThrough++;
      return body;
    });
    return promise;
  }

  /** Drops every stored copy whose key `disowned` says is not ours any more. */
  dropWhere(disowned: (key: string) => boolean): void {
    // Chunks are immutable (keyed by version): they stay until evicted, wherever they are owned now.
    for (const key of [...this.store.keys()]) if (!isChunkKey(key) && disowned(key)) this.store.delete(key);
    for (const key of [...this.chunkHeaders.keys()]) if (disowned(key)) this.chunkHeaders.delete(key);
    // Fills in flight for those keys finish for their readers but are not stored.
    for (const [key, fill] of this.fills) {
      if (disowned(key)) {
        fill.stale = true;
        this.fills.delete(key);
      }
    }
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
    const epoch = this.epoch();
    void (async () => {
      try {
        const res = await this.origin.get(ref);
        if (res.kind === 'not-found') return resolveHeader({ kind: 'not-found' });
        if (res.kind !== 'found') throw new Error(`origin answered ${res.kind} to an unconditional GET`);
        if (res.meta.size > this.config.chunkThresholdBytes) {
          // Its bytes are read in chunks (each with its own owner); this owner keeps the header.
          res.body.destroy();
          this.chunkHeaders.set(key, res.meta);
          return resolveHeader({ kind: 'chunked', meta: res.meta });
        }
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
  async direct(ref: ObjectRef, spec: RangeSpec | undefined, conditions: Conditions | undefined): Promise<ReadResult> {
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
    if (res.kind !== 'found') throw new CacheError('ORIGIN', `origin answered ${res.kind} to an unconditional GET`);
    const body = res.body;
    return answer(this.counters, res.meta, spec, conditions, 'pass-through', (s, e) => this.fromOrigin(body, s, e), () => body.destroy());
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
      if (res.kind !== 'found') throw new CacheError('ORIGIN', `origin answered ${res.kind} to an unconditional GET`);
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
      return answer(this.counters, meta, spec, conditions, 'pass-through', (s, e) => this.fromOrigin(body, s - got.start, e - got.start), () => body.destroy());
    }
  }

  private fromOrigin(body: OriginBody, start: number, end: number): AsyncGenerator<Buffer> {
    return originRange(body, start, end, (n) => (this.counters.bytesFromOrigin += n));
  }
}

export function originError(method: string, ref: ObjectRef, err: unknown): CacheError {
  return new CacheError('ORIGIN', `origin ${method} ${ref.bucket}/${ref.key} failed: ${scrubSecrets((err as Error).message)}`, { cause: err });
}
