/** The `--members` spec (or the embedded `members` option) as a Membership adapter. */
import { ConfigError, parseStaticMembers, StaticMembership, type Membership } from '@faast/core';
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

/** `static:HOST:PORT,...` or `redis://HOST:PORT[/DB]`. */
export function membershipFrom(spec: string, options: MembershipSpecOptions): Membership {
  const option = options.option ?? '--members';
  if (spec.startsWith('static:')) return new StaticMembership(parseStaticMembers(spec.slice('static:'.length), options.capacityBytes));
  if (/^rediss?:\/\//.test(spec)) return new RedisMembership({ url: spec, app: options.app, ...(options.onError ? { onError: options.onError } : {}) });
  throw new ConfigError(option, `'${spec}' is not static:HOST:PORT,... or redis://HOST:PORT`);
}
