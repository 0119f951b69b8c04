/**
 * The memory store: a byte-bounded LRU of whole object versions (lru-cache with `maxSize`).
 *
 * An entry's size is its body bytes plus its key and metadata, so that many tiny objects
 * cannot exceed the capacity through their bookkeeping. Bodies are immutable Buffers: a reader
 * streaming an entry holds a reference to it, so eviction never frees bytes under a reader —
 * the memory is released when the last reader is done.
 */
import { LRUCache } from 'lru-cache';
import type { ObjectMeta } from './ports';

/** One stored version of an object. */
export interface StoredObject {
  meta: ObjectMeta;
  body: Buffer;
  /** When it was stored, ms since the epoch. */
  storedAtMs: number;
  /** When it was last known current at the origin, ms since the epoch (ttl consistency). */
  verifiedAtMs: number;
  /** The ring epoch under which it was last verified: after an ownership change, a copy is revalidated before it is served. */
  epoch: string;
}

/** Bytes an entry costs beyond its body: fixed overhead for the entry and its LRU node. */
const ENTRY_OVERHEAD_BYTES = 160;

/** The accounted size of an entry, bytes. */
export function entrySize(key: string, obj: StoredObject): number {
  let meta = Buffer.byteLength(obj.meta.etag) + Buffer.byteLength(obj.meta.contentType);
  for (const [k, v] of Object.entries(obj.meta.userMetadata)) meta += Buffer.byteLength(k) + Buffer.byteLength(v);
  for (const [k, v] of Object.entries(obj.meta.headers)) meta += Buffer.byteLength(k) + Buffer.byteLength(v);
  return obj.body.length + Buffer.byteLength(key) + meta + ENTRY_OVERHEAD_BYTES;
}

/** Why an entry left the store. */
export type RemovalReason = 'evict' | 'delete' | 'set';

export interface MemoryStoreOptions {
  /** Total accounted bytes the store may hold. */
  capacityBytes: number;
  /** Called when an entry leaves (for counters). */
  onRemove?: (key: string, obj: StoredObject, reason: RemovalReason) => void;
}

export class MemoryStore {
  private readonly lru: LRUCache<string, StoredObject>;
  readonly capacityBytes: number;

  constructor(options: MemoryStoreOptions) {
    this.capacityBytes = options.capacityBytes;
    const onRemove = options.onRemove;
    this.lru = new LRUCache<string, StoredObject>({
      maxSize: options.capacityBytes,
      sizeCalculation: (obj, key) => entrySize(key, obj),
      dispose: onRemove
        ? (obj, key, reason) => onRemove(key, obj, reason === 'evict' ? 'evict' : reason === 'set' ? 'set' : 'delete')
        : undefined,
    });
  }

  get(key: string): StoredObject | undefined {
    return this.lru.get(key);
  }

  /** Looks without touching the recency order. */
  peek(key: string): StoredObject | undefined {
    return this.lru.peek(key);
  }

  /** Whether an object of this accounted size can be stored at all. */
  fits(key: string, obj: StoredObject): boolean {
    return entrySize(key, obj) <= this.capacityBytes;
  }

  /** Stores a version; returns false when it is larger than the whole store. */
  set(key: string, obj: StoredObject): boolean {
    if (!this.fits(key, obj)) return false;
    this.lru.set(key, obj);
    return true;
  }

  delete(key: string): boolean {
    return this.lru.delete(key);
  }

  get objects(): number {
    return this.lru.size;
  }

  /** Accounted bytes in use. */
  get bytesUsed(): number {
    return this.lru.calculatedSize;
  }

  keys(): IterableIterator<string> {
    return this.lru.keys();
  }

  /** The keys from the least recently used (the next to be evicted) to the most. */
  leastRecentKeys(): IterableIterator<string> {
    return this.lru.rkeys();
  }

  clear(): void {
    this.lru.clear();
  }
}
