/**
 * The cachelet engine: answers reads of one origin from a byte-bounded memory store, reads
 * the origin on a miss (one read per key however many callers wait: single flight), streams
 * objects over the admission limit through without storing them, and drops versions that a
 * write or delete made obsolete. No SDK and no transport here: the daemon serves this over
 * gRPC, and the origin is a port.
 */
import { LRUCache } from 'lru-cache';
import { resolveCacheletConfig, type CacheletConfig, type CacheletConfigInput } from './config';
import { evaluateConditions, type Conditions } from './conditions';
import { CacheError, invalidArgument } from './errors';
import { Fill, type FillHeader } from './fill';
import { systemClock, type ByteRange, type Clock, type ObjectMeta, type ObjectRef, type Origin, type OriginBody } from './ports';
import { parseRange, resolveRange, type RangeSpec } from './range';
import { SingleFlight } from './single-flight';
import { CacheletStats, type CacheletStatsSnapshot } from './stats';
import { MemoryStore } from './store';

/** Where a reply's bytes came from. */
export type Source = 'hit' | 'miss' | 'pass-through';

export interface ReadRequest {
  ref: ObjectRef;
  /** A Range header value with one byte range; empty or absent for the whole object. */
  range?: string;
  conditions?: Conditions;
}

/** The answer to a read, in HTTP terms; `body` is present for `ok` and `partial-content`. */
export type ReadResult =
  | {
      status: 'ok' | 'partial-content';
      meta: ObjectMeta;
      /** For `partial-content`: the bytes the body holds. */
      range?: ByteRange;
      contentLength: number;
      source: Source;
      /** The body, in order. A consumer that stops early must call `return()` (for-await does). */
      body: AsyncGenerator<Buffer>;
    }
  | { status: 'not-modified' | 'precondition-failed' | 'range-not-satisfiable'; meta: ObjectMeta; source: Source }
  | { status: 'not-found'; source: Source };

export type HeadResult =
  | { status: 'ok' | 'not-modified' | 'precondition-failed'; meta: ObjectMeta; source: Source }
  | { status: 'not-found'; source: Source };

export interface CacheletOptions extends CacheletConfigInput {
  origin: Origin;
  clock?: Clock;
}

/** How many too-large objects' metadata is remembered (so their ranges go straight to the origin). */
const TOO_LARGE_ENTRIES = 4096;

export class Cachelet {
  readonly config: CacheletConfig;
  readonly origin: Origin;
  private readonly clock: Clock;
  private readonly counters = new CacheletStats();
  private readonly store: MemoryStore;
  private readonly fills = new Map<string, Fill>();
  private readonly heads = new SingleFlight<ObjectMeta | null>();
  private readonly tooLarge = new LRUCache<string, ObjectMeta>({ max: TOO_LARGE_ENTRIES });
  private readonly startedAtMs: number;

  constructor(options: CacheletOptions) {
    this.config = resolveCacheletConfig(options);
    this.origin = options.origin;
    this.clock = options.clock ?? systemClock;
    this.startedAtMs = this.clock.now();
    this.store = new MemoryStore({
      capacityBytes: this.config.capacityBytes,
      onRemove: (_key, _obj, reason) => {
        if (reason === 'evict') this.counters.evictions++;
      },
    });
  }

  /** Reads an object (or a range of it), honouring RFC 9110 preconditions. */
  async get(req: ReadRequest): Promise<ReadResult> {
    const key = this.keyOf(req.ref);
    let spec: RangeSpec | undefined;
    try {
      spec = parseRange(req.range);
    } catch (err) {
      this.counters.badRequests++;
      throw err;
    }
    const stored = this.store.get(key);
    if (stored) {
      this.counters.hits++;
      return this.answer(stored.meta, spec, req.conditions, 'hit', (s, e) => this.slices(stored.body, s, e));
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
      throw new CacheError('ORIGIN', `origin GET ${req.ref.bucket}/${req.ref.key} failed: ${(err as Error).message}`, { cause: err });
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
          return this.answer(header.meta, undefined, req.conditions, 'pass-through', (s, e) => this.originBody(body, s, e), () => body.destroy());
        }
        body?.destroy();
        return this.passThrough(req.ref, key, spec, req.conditions, header.meta);
      }
    }
  }

  /** The metadata of the current version, honouring preconditions. */
  async head(ref: ObjectRef, conditions?: Conditions): Promise<HeadResult> {
    const key = this.keyOf(ref);
    this.counters.heads++;
    const stored = this.store.get(key);
    let meta: ObjectMeta | null;
    let source: Source = 'hit';
    if (stored) {
      meta = stored.meta;
    } else {
      source = 'miss';
      const { promise } = this.heads.do(key, () => {
        this.counters.originRequests++;
        return this.origin.head(ref).catch((err: unknown) => {
          this.counters.originErrors++; // once per origin request, however many callers shared it
          throw err;
        });
      });
      try {
        meta = await promise;
      } catch (err) {
        throw new CacheError('ORIGIN', `origin HEAD ${ref.bucket}/${ref.key} failed: ${(err as Error).message}`, { cause: err });
      }
    }
    if (!meta) {
      this.counters.notFound++;
      return { status: 'not-found', source };
    }
    const outcome = evaluateConditions(conditions, meta);
    return { status: outcome === 'ok' ? 'ok' : outcome, meta, source };
  }

  /**
   * A write of `ref` succeeded at the origin with version `etag`: a stored copy of another
   * version is dropped, and reads in flight are not stored.
   */
  notifyWrite(ref: ObjectRef, etag: string): void {
    const key = this.keyOf(ref);
    const stored = this.store.peek(key);
    this.forgetInFlight(key);
    if (stored && stored.meta.etag !== etag) {
      this.store.delete(key);
      this.counters.invalidations++;
    }
  }

  /** The objects were deleted (or written with an unknown outcome): drop them. Returns how many were held. */
  invalidate(refs: ObjectRef[]): number {
    let dropped = 0;
    for (const ref of refs) {
      const key = this.keyOf(ref);
      this.forgetInFlight(key);
      if (this.store.delete(key)) {
        dropped++;
        this.counters.invalidations++;
      }
    }
    return dropped;
  }

  stats(): CacheletStatsSnapshot {
    return {
      ...this.counters,
      app: this.config.app,
      origin: this.origin.id,
      objects: this.store.objects,
      bytesUsed: this.store.bytesUsed,
      capacityBytes: this.config.capacityBytes,
      maxObjectBytes: this.config.maxObjectBytes,
      uptimeSeconds: (this.clock.now() - this.startedAtMs) / 1000,
    };
  }

  /** Drops everything (tests, shutdown). */
  clear(): void {
    this.store.clear();
    this.tooLarge.clear();
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

  private forgetInFlight(key: string): void {
    const fill = this.fills.get(key);
    if (fill) {
      fill.stale = true;
      this.fills.delete(key);
    }
    this.heads.forget(key);
    this.tooLarge.delete(key);
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
        if (!fill.stale) this.store.set(key, { meta: res.meta, body, storedAtMs: this.clock.now() });
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

  /** Reads a too-large object (or a range of it) straight from the origin. */
  private async passThrough(
    ref: ObjectRef,
    key: string,
    spec: RangeSpec | undefined,
    conditions: Conditions | undefined,
    known: ObjectMeta,
  ): Promise<ReadResult> {
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
        throw new CacheError('ORIGIN', `origin GET ${ref.bucket}/${ref.key} failed: ${(err as Error).message}`, { cause: err });
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
      return this.answer(meta, spec, conditions, 'pass-through', (s, e) => this.originBody(body, s - got.start, e - got.start), () => body.destroy());
    }
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

  /** `[start, end]` of a stored body, in messages of at most `streamChunkBytes` (no copies). */
  private async *slices(body: Buffer, start: number, end: number): AsyncGenerator<Buffer> {
    const step = this.config.streamChunkBytes;
    for (let at = start; at <= end; at += step) yield body.subarray(at, Math.min(at + step, end + 1));
  }

  /** Bytes `[start, end]` of an origin stream; fails if the stream ends before `end`; destroys the stream when done or abandoned. */
  private async *originBody(body: OriginBody, start: number, end: number): AsyncGenerator<Buffer> {
    let offset = 0;
    try {
      if (end < start) return;
      for await (const chunk of body as AsyncIterable<Buffer>) {
        this.counters.bytesFromOrigin += chunk.length;
        const chunkEnd = offset + chunk.length;
        if (chunkEnd > start) yield chunk.subarray(Math.max(0, start - offset), Math.min(chunk.length, end - offset + 1));
        offset = chunkEnd;
        if (offset > end) return;
      }
      throw new CacheError('ORIGIN', `origin body ended after ${offset - start} of ${end - start + 1} bytes`);
    } finally {
      body.destroy();
    }
  }

  private async *counted(body: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of body) {
      this.counters.bytesServed += chunk.length;
      yield chunk;
    }
  }
}
