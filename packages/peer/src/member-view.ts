/**
 * A membership adapter's view of the ring: the live members sorted by id, `self` always in it
 * (it is alive by definition), and the listeners told of every change. Shared by the Redis and
 * the directory registries.
 */
import type { Member } from '@faast/core';

export class MemberView {
  private readonly listeners = new Set<(members: Member[]) => void>();
  private view: Member[] = [];
  private key = '';

  constructor(private readonly onError: ((err: Error) => void) | undefined) {}

  /** A copy of the view. */
  members(): Member[] {
    return this.view.map((m) => ({ ...m }));
  }

  /** Calls `listener` with the new list after every change announced; returns an unsubscribe function. */
  onChange(listener: (members: Member[]) => void): () => void {
    const own = (members: Member[]) => listener(members); // a distinct entry even if one function subscribes twice
    this.listeners.add(own);
    return () => this.listeners.delete(own);
  }

  /** Takes the registry's list (plus `self`); when it changed and `announce`, tells the listeners. */
  apply(self: Member, members: Member[], announce: boolean): void {
    const list = [...members.filter((m) => m.id !== self.id), { ...self }].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const key = JSON.stringify(list);
    if (key === this.key) return;
    this.view = list;
    this.key = key;
    if (!announce) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(this.members());
      } catch (err) {
        this.onError?.(err instanceof Error ? err : new Error(String(err))); // a failing listener must not stop the heartbeat
      }
    }
  }
}
