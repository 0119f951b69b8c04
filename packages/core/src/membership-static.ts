/**
 * A fixed list of members: one machine, tests, or a small deployment where every cachelet is
 * started with the same `--members static:HOST:PORT,...` list. Nothing is watched, so the
 * view never changes and a dead member is only noticed by the peer layer (suspect, fall back).
 */
import { ConfigError } from './errors';
import type { Member, Membership } from './ports';

/** A membership that never changes: the given list, plus `self`. */
export class StaticMembership implements Membership {
  private list: Member[];

  /** @param members The application's cachelets; `self` may or may not be among them. */
  constructor(members: Member[]) {
    this.list = sortById(members.map((m) => ({ ...m })));
  }

  /**
   * Puts `self` in the list: added when its id is missing (a cachelet always belongs to its own
   * ring), and replacing the listed entry otherwise, since the running cachelet knows its own
   * address and capacity better than a flag written for all of them.
   */
  start(self: Member): Promise<void> {
    this.list = sortById([...this.list.filter((m) => m.id !== self.id), { ...self }]);
    return Promise.resolve();
  }

  /** The members sorted by id (a copy: callers may keep or change it). */
  members(): Member[] {
    return this.list.map((m) => ({ ...m }));
  }

  /** The list is static: `listener` is never called. Returns a no-op unsubscribe. */
  onChange(_listener: (members: Member[]) => void): () => void {
    return () => {};
  }

  /** Nothing to deregister: the other cachelets have the same fixed list. */
  stop(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Parses the list of `--members static:HOST:PORT,HOST:PORT,...` (with or without the
 * `static:` prefix). Each member's id and address are its `host:port`; all get
 * `capacityBytes` (the flag cannot say more, and a member corrects its own entry at start).
 * Blanks around entries are ignored; IPv6 hosts are written in brackets (`[::1]:7000`).
 * @throws ConfigError('--members', …) for an empty list, a malformed address or a duplicate.
 */
export function parseStaticMembers(spec: string, capacityBytes: number): Member[] {
  const body = spec.startsWith('static:') ? spec.slice('static:'.length) : spec;
  const addresses = body.split(',').map((s) => s.trim());
  if (addresses.every((a) => a === '')) {
    throw new ConfigError('--members', 'the static list is empty; expected static:HOST:PORT,HOST:PORT,...');
  }
  const seen = new Set<string>();
  return sortById(
    addresses.map((address) => {
      if (address === '') throw new ConfigError('--members', `an entry is empty (two commas, or one at an end), in static:${body}`);
      if (!isHostPort(address)) {
        throw new ConfigError('--members', `'${address}' is not HOST:PORT (port 1-65535), in static:${body}`);
      }
      if (seen.has(address)) throw new ConfigError('--members', `'${address}' is listed twice, in static:${body}`);
      seen.add(address);
      return { id: address, address, capacityBytes };
    }),
  );
}

/** `host:port` with a non-empty host without blanks or commas, or `[ipv6]:port`; port 1-65535. */
function isHostPort(value: string): boolean {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^\s:,[\]/]+):(\d{1,5})$/.exec(value);
  if (!m) return false;
  const port = Number(m[2]);
  return port >= 1 && port <= 65535;
}

function sortById(members: Member[]): Member[] {
  // Plain code-unit order, not localeCompare: every cachelet must sort the same way whatever its locale.
  return [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
