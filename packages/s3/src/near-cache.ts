/**
 * The near cache: small objects the application read, kept in its own process so that a hit
 * never leaves it. It is only as good as its invalidations, so it keeps what the cachelet
 * registered this process as a holder of (`GetHeader.held`), and nothing else:
 *
 * - an invalidation drops the key at once (the transport acknowledges it to the cachelet after
 *   `invalidated` returned, and the writer's acknowledgement waits for that);
 * - an invalidation that arrives while a read of the same key is in flight keeps that read's
 *   result out (it may be the old version);
 * - when the channel breaks (`lost`), everything is dropped and nothing is kept until it is
 *   back (`restored`);
 * - every entry also has a maximum age, the bound on staleness if a holder's cachelet is cut
 *   off from the owner without noticing;
 * - a process that was stopped or starved for longer than `stallMs` (its ticker did not run)
 *   may have been cut off meanwhile without having read the news yet: it drops what it holds
 *   before serving anything.
 */
import { LRUCache } from 'lru-cache';
import type { ObjectRef } from '@faast/rpc';
import type { HolderListener } from './transport';

/** One held object: its whole body and what the SDK's output needs. */
export interface NearEntry<M> {
  /** The whole object. */
  body: Buffer;
  /** The version and response metadata, as the cachelet described it. */
  meta: M;
  /** When it was stored (`now()` of the cache's clock), for the maximum age. */
  storedAt: number;
}

/** Options of {@link NearCache}; every figure is explicit and has a default. */
export interface NearCacheOptions {
  /** Bytes of bodies held, at most. */
  maxBytes: number;
  /** Larger objects are never held. */
  maxObjectBytes: number;
  /** An entry older than this is not served, ms. */
  maxAgeMs: number;
  /** A gap in this process's ticker longer than this empties the cache, ms. Default 150 (below a cachelet's holder timeout). */
  stallMs?: number;
  /** Milliseconds since some epoch (injectable for tests). */
  now?: () => number;
}

/** How often the stall ticker runs, ms. */
const TICK_MS = 25;

/** A read in flight: whether its key was invalidated since it started. */
export interface NearRead {
  stale: boolean;
}

export class NearCache<M> implements HolderListener {
  private readonly entries: LRUCache<string, NearEntry<M>>;
  private readonly inflight = new Map<string, { reads: number; read: NearRead }>();
  private readonly now: () => number;
  /** False until the transport's channel is up, and after it broke. */
  private holding = false;
  private lastTick: number;
  private readonly ticker: NodeJS.Timeout;
  /** Invalidations and losses seen, for tests and stats. */
  readonly counters = { hits: 0, invalidations: 0, losses: 0, expired: 0, stalls: 0 };

  constructor(readonly options: NearCacheOptions) {
    this.now = options.now ?? Date.now;
    this.lastTick = this.now();
    // Never keeps the process alive: a function may exit with the cache still open.
    this.ticker = setInterval(() => this.checkStall(), TICK_MS).unref();
    this.entries = new LRUCache<string, NearEntry<M>>({
      maxSize: Math.max(1, options.maxBytes),
      // lru-cache wants a positive size; an empty object still costs its entry.
      sizeCalculation: (e) => e.body.length + 1,
      maxEntrySize: options.maxObjectBytes + 1,
    });
  }

  /** Whether replies may be held now (the invalidation channel is up). */
  get active(): boolean {
    return this.holding;
  }

  /** The held entry for `key`, if there is one younger than the maximum age. */
  get(key: string): NearEntry<M> | undefined {
    const now = this.checkStall();
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (now - e.storedAt > this.options.maxAgeMs) {
      this.entries.delete(key);
      this.counters.expired++;
      return undefined;
    }
    this.counters.hits++;
    return e;
  }

  /** Marks a read of `key` as started; pass the result to {@link NearCache.end}. */
  begin(key: string): NearRead {
    let f = this.inflight.get(key);
    if (!f) {
      f = { reads: 0, read: { stale: !this.holding } };
      this.inflight.set(key, f);
    }
    f.reads++;
    return f.read;
  }

  /** Ends a read; keeps `entry` if the read saw no invalidation of its key and holding is on. */
  end(key: string, read: NearRead, entry?: { body: Buffer; meta: M }): void {
    const f = this.inflight.get(key);
    if (f && f.read === read && --f.reads === 0) this.inflight.delete(key);
    if (!entry || read.stale || !this.holding || entry.body.length > this.options.maxObjectBytes) return;
    this.entries.set(key, { ...entry, storedAt: this.now() });
  }

  /** Drops a key this process wrote itself (before the write's own notice comes back). */
  drop(key: string): void {
    this.entries.delete(key);
    const f = this.inflight.get(key);
    if (f) f.read.stale = true;
  }

  invalidated(refs: ObjectRef[]): void {
    for (const ref of refs) {
      this.counters.invalidations++;
      this.drop(nearKey(ref.bucket ?? '', ref.key ?? ''));
    }
  }

  lost(): void {
    this.holding = false;
    this.counters.losses++;
    this.entries.clear();
    for (const f of this.inflight.values()) f.read.stale = true;
  }

  restored(): void {
    this.holding = true;
  }

  /**
   * Empties the cache if this process was stopped or starved for longer than `stallMs`
   * (invalidations may be waiting unread, or the cachelet cut it off). Run by the ticker, and
   * before each lookup: whichever comes first after a pause sees the gap.
   */
  private checkStall(): number {
    const now = this.now();
    if (now - this.lastTick > (this.options.stallMs ?? 150)) {
      this.counters.stalls++;
      this.entries.clear();
      for (const f of this.inflight.values()) f.read.stale = true;
    }
    this.lastTick = now;
    return now;
  }

  /** Stops the stall ticker. */
  close(): void {
    clearInterval(this.ticker);
  }

  /** Bytes held now. */
  get bytes(): number {
    return this.entries.calculatedSize;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The near cache's key of an object. */
export function nearKey(bucket: string, key: string): string {
  return `${bucket}/${key}`;
}
