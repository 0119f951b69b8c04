/**
 * The server side of the applications' near caches: which connection holds which object,
 * and whether a read may be held at all.
 *
 * A read may be held only if its key did not change while it was in flight: a read that
 * started before a write of its key and ends after it may carry the old version, and the
 * write's invalidation was sent before the read registered. {@link ChangeCounter} counts the
 * changes of each key that has reads in flight (and forgets a key when its last read ends).
 */

/** `bucket/key` → version (ETag), oldest registration first; bounded. */
export class HolderRegistry {
  private readonly held = new Map<string, string>();

  constructor(
    /** Most keys held; registering one more evicts the oldest, which `onEvict` must invalidate. */
    private readonly maxKeys: number,
    private readonly onEvict: (key: string) => void,
  ) {}

  get size(): number {
    return this.held.size;
  }

  /** Records that the connection holds `version` of `key` (the newest registration is the last to go). */
  register(key: string, version: string): void {
    this.held.delete(key);
    this.held.set(key, version);
    if (this.held.size > this.maxKeys) {
      const oldest = this.held.keys().next().value as string;
      this.held.delete(oldest);
      this.onEvict(oldest);
    }
  }

  /** Forgets `keys`; returns those that were held. */
  release(keys: readonly string[]): string[] {
    return keys.filter((key) => this.held.delete(key));
  }

  /** Forgets everything; returns whether anything was held. */
  clear(): boolean {
    const any = this.held.size > 0;
    this.held.clear();
    return any;
  }
}

/** A read in flight, as seen by {@link ChangeCounter}. */
export interface ReadTicket {
  /** Whether the read's key changed since the read started (its reply must not be held). */
  changed(): boolean;
  /** The read is over (call once). */
  end(): void;
}

/** Per-key change counters, kept for the keys that have reads in flight. */
export class ChangeCounter {
  private readonly keys = new Map<string, { readers: number; changes: number }>();
  /** Changes of everything (a new ring view); every read in flight is then changed. */
  private everything = 0;

  /** Starts a read of `key`. */
  begin(key: string): ReadTicket {
    let entry = this.keys.get(key);
    if (!entry) this.keys.set(key, (entry = { readers: 0, changes: 0 }));
    entry.readers++;
    const changes = entry.changes;
    const everything = this.everything;
    const state = entry;
    let ended = false;
    return {
      changed: () => state.changes !== changes || this.everything !== everything,
      end: () => {
        if (ended) return;
        ended = true;
        if (--state.readers === 0) this.keys.delete(key);
      },
    };
  }

  /** `keys` changed (only those with reads in flight are counted). */
  changed(keys: readonly string[]): void {
    for (const key of keys) {
      const entry = this.keys.get(key);
      if (entry) entry.changes++;
    }
  }

  /** Everything changed. */
  changedAll(): void {
    this.everything++;
  }

  /** Keys with reads in flight (for tests). */
  get tracked(): number {
    return this.keys.size;
  }
}
