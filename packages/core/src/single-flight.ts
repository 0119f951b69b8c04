/**
 * Single flight: concurrent callers for one key share one execution (groupcache's
 * singleflight). The entry is removed when the call settles, or earlier by `forget` — after a
 * write, a new caller must not join a call that began before the write.
 */
export class SingleFlight<V> {
  private readonly calls = new Map<string, Promise<V>>();

  /**
   * Runs `fn` for `key` unless a call for it is in flight, in which case its promise is
   * shared. `shared` tells whether this caller joined an existing call.
   */
  do(key: string, fn: () => Promise<V>): { promise: Promise<V>; shared: boolean } {
    const existing = this.calls.get(key);
    if (existing) return { promise: existing, shared: true };
    const promise = fn().finally(() => {
      if (this.calls.get(key) === promise) this.calls.delete(key);
    });
    this.calls.set(key, promise);
    return { promise, shared: false };
  }

  /** Later callers start a new call; callers already waiting keep theirs. */
  forget(key: string): void {
    this.calls.delete(key);
  }

  get size(): number {
    return this.calls.size;
  }
}
