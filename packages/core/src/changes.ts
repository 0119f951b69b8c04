/**
 * Change events: how a cachelet tells whoever keeps copies outside it (the near caches of its
 * applications, through the app protocol) that a version they hold may have become stale.
 */
import type { ObjectRef } from './ports';
import type { CacheletStats } from './stats';

/**
 * What may have become stale: some objects, or everything (after a ring view change, when
 * the holder records of the old owners are no longer complete).
 */
export type CacheletChange = { refs: ObjectRef[] } | { all: true };

/** Called on every change; the notice that caused it completes only after it resolved. */
export type CacheletChangeListener = (change: CacheletChange) => Promise<void>;

/** The listeners of one cachelet, called together and awaited, each failure contained. */
export class ChangeListeners {
  // One entry per subscription: the same function subscribed twice is called twice, and each
  // unsubscribe removes only its own.
  private readonly entries = new Set<{ listener: CacheletChangeListener }>();

  constructor(private readonly counters: CacheletStats) {}

  /** Adds a listener; returns the function that removes it. */
  add(listener: CacheletChangeListener): () => void {
    const entry = { listener };
    this.entries.add(entry);
    return () => this.entries.delete(entry);
  }

  /**
   * Calls every listener (synchronously, so that each sees the change in the same turn as the
   * copies are dropped) and resolves when all have settled. A listener that throws or rejects
   * fails only its own delivery: the change is still complete for the others and the caller.
   */
  async emit(change: CacheletChange): Promise<void> {
    if ('refs' in change && change.refs.length === 0) return;
    const calls = [...this.entries].map(({ listener }) => {
      this.counters.changeEvents++;
      try {
        return listener(change);
      } catch (err) {
        return Promise.reject(err);
      }
    });
    await Promise.allSettled(calls);
  }
}
