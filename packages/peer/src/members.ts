/** The `--members` spec (or the embedded `members` option) as a Membership adapter. */
import { ConfigError, parseStaticMembers, StaticMembership, type Membership } from '@faast/core';
import { DirMembership } from './membership-dir';
import { RedisMembership } from './membership-redis';

export interface MembershipSpecOptions {
  app: string;
  /** Capacity given to static members (they cannot tell their own). */
  capacityBytes: number;
  /** Registry errors after start (the last view is kept meanwhile). */
  onError?: (err: Error) => void;
  /** The flag or option named in errors. Default `--members`. */
  option?: string;
}

/** `static:HOST:PORT,...`, `redis://HOST:PORT[/DB]` or `dir:PATH` (one directory per app, on one machine). */
export function membershipFrom(spec: string, options: MembershipSpecOptions): Membership {
  const option = options.option ?? '--members';
  if (spec.startsWith('static:')) return new StaticMembership(parseStaticMembers(spec.slice('static:'.length), options.capacityBytes));
  if (/^rediss?:\/\//.test(spec)) return new RedisMembership({ url: spec, app: options.app, ...(options.onError ? { onError: options.onError } : {}) });
  if (spec.startsWith('dir:')) {
    const dir = spec.slice('dir:'.length);
    if (!dir) throw new ConfigError(option, `'${spec}' names no directory: dir:PATH`);
    return new DirMembership({ dir, app: options.app, ...(options.onError ? { onError: options.onError } : {}) });
  }
  throw new ConfigError(option, `'${spec}' is not static:HOST:PORT,..., redis://HOST:PORT or dir:PATH`);
}
