/**
 * Holder records of an owner: which members read each key from it (a served PeerGet, found or
 * not, or a replica's Validate), so that a change of the key is pushed to them — and through
 * them to the near caches of their applications — before the change is acknowledged.
 *
 * Bounded: at most `maxKeys` keys, least recently recorded first out. A record is never
 * forgotten silently: its holders are told to drop the key, and a change of that key while
 * that notice is still in flight waits for it, so a write is never acknowledged while a
 * holder it did not reach still holds the old version.
 */
import { LRUCache } from 'lru-cache';
import type { ObjectRef } from './ports';
import type { CacheletStats } from './stats';

/** Tells member `id` that `refs` changed. Resolves once answered or given up; never rejects. */
export type TellHolder = (id: string, refs: ObjectRef[]) => Promise<void>;

/** A key that changed, with the ref that names it on the wire. */
export interface ChangedKey {
  key: string;
  ref: ObjectRef;
}

interface Holding {
  ref: ObjectRef;
  members: Set<string>;
}

export class HolderRecords {
  private readonly records: LRUCache<string, Holding>;
  /** Notices for evicted records, by key, until every holder answered. */
  private readonly evicting = new Map<string, Promise<void>>();

  /**
   * @param maxKeys - keys recorded at most (the `holderKeys` option, default 100,000).
   * @param tell - sends one notice; counted in `holderInvalidationsSent`.
   */
  constructor(
    maxKeys: number,
    private readonly tell: TellHolder,
    private readonly counters: CacheletStats,
  ) {
    this.records = new LRUCache<string, Holding>({
      max: maxKeys,
      dispose: (holding, key, reason) => {
        if (reason === 'evict') this.evicted(key, holding);
      },
    });
  }

  /** Member `id` read `key` from this owner (record it before reading, so no change slips between). */
  record(key: string, ref: ObjectRef, id: string): void {
    const holding = this.records.get(key);
    if (holding) holding.members.add(id);
    else this.records.set(key, { ref, members: new Set([id]) });
  }

  /**
   * The keys changed: their records are taken (synchronously: a read recorded from now on is a
   * holder of the next version) and every holder but `except` (the member the notice came from,
   * which tells its own applications) is told, one notice per holder naming its keys, all in
   * parallel. Resolves when every notice — and any eviction notice still in flight for these
   * keys — was answered or given up.
   */
  changed(keys: readonly ChangedKey[], except?: string): Promise<void> {
    const byMember = new Map<string, ObjectRef[]>();
    const waits: Promise<void>[] = [];
    for (const { key, ref } of keys) {
      const evicting = this.evicting.get(key);
      if (evicting) waits.push(evicting);
      const holding = this.records.get(key);
      if (!holding) continue;
      this.records.delete(key);
      for (const id of holding.members) {
        if (id === except) continue;
        const refs = byMember.get(id);
        if (refs) refs.push(ref);
        else byMember.set(id, [ref]);
      }
    }
    for (const [id, refs] of byMember) waits.push(this.send(id, refs));
    return Promise.all(waits).then(() => undefined);
  }

  private send(id: string, refs: ObjectRef[]): Promise<void> {
    this.counters.holderInvalidationsSent++;
    return this.tell(id, refs);
  }

  /** A record pushed out to make room: its holders drop the key, since no change would reach them now. */
  private evicted(key: string, holding: Holding): void {
    this.counters.holderEvictions++;
    // Chained to an earlier eviction of the same key still in flight: a change waits for both.
    const earlier = this.evicting.get(key);
    const done: Promise<void> = Promise.all([earlier, ...[...holding.members].map((id) => this.send(id, [holding.ref]))]).then(() => {
      if (this.evicting.get(key) === done) this.evicting.delete(key);
    });
    this.evicting.set(key, done);
  }
}
