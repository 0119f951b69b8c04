/**
 * A configuration API, written as any serverless function on S3 would be. A `get` merges many
 * tiny JSON objects (global defaults, the flag definitions, the tenant's settings, the user's
 * preferences) into the effective configuration for one user; a `set` changes one flag for a
 * tenant (a read-modify-write of its settings object) and the next `get` sees it.
 */
import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import {
  DEFAULTS_KEY,
  FLAG_INDEX_KEY,
  flagKey,
  NAME,
  tenantKey,
  userKey,
  type Defaults,
  type FlagDef,
  type FlagIndex,
  type FlagValue,
  type Limits,
  type Prefs,
  type TenantSettings,
  type UserPrefs,
} from './data';
import { EventError, ObjectNotFoundError, readJson, resetRuntime, runtime, type InvocationContext } from '@faast/example-function-kit';

export type { InvocationContext };

export type ConfigEvent = GetEvent | SetEvent;

export interface GetEvent {
  op: 'get';
  tenant: string;
  user: string;
}

export interface SetEvent {
  op: 'set';
  tenant: string;
  flag: string;
  /** The tenant's value for the flag (of the flag's type); null removes the tenant's setting. */
  value: FlagValue | null;
}

/** Where a flag's effective value came from. */
export type FlagSource = 'tenant' | 'rollout' | 'default' | 'off';

export interface EffectiveConfig {
  op: 'get';
  tenant: string;
  user: string;
  plan: TenantSettings['plan'];
  region: string;
  limits: Limits;
  prefs: Prefs;
  /** Every flag's value, by name (sorted). */
  flags: Record<string, FlagValue>;
  flagSources: Record<string, FlagSource>;
  /** Objects read for this answer. */
  reads: number;
}

export interface SetResult {
  op: 'set';
  tenant: string;
  flag: string;
  value: FlagValue | null;
  /** The tenant's value before (null: none). */
  previous: FlagValue | null;
  key: string;
  etag: string;
}

export type ConfigResult = EffectiveConfig | SetResult;

export async function handler(event: unknown, context?: InvocationContext): Promise<ConfigResult> {
  const e = parseEvent(event);
  return e.op === 'get' ? get(e) : set(e, context);
}

/** Destroys the client (tests; a new instance starts this way). */
export async function reset(): Promise<void> {
  await resetRuntime();
}

function parseEvent(event: unknown): ConfigEvent {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) throw new EventError("the event must be an object { op: 'get' | 'set', tenant, ... }");
  const e = event as Record<string, unknown>;
  const name = (field: string): string => {
    const v = e[field];
    if (typeof v !== 'string' || !NAME.test(v)) throw new EventError(`event.${field} must be a name of lower-case letters, digits and hyphens, got ${JSON.stringify(v)}`);
    return v;
  };
  if (e['op'] === 'get') return { op: 'get', tenant: name('tenant'), user: name('user') };
  if (e['op'] === 'set') {
    const value = e['value'];
    if (!(value === null || typeof value === 'boolean' || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))) {
      throw new EventError(`event.value must be a boolean, a number, a string or null, got ${JSON.stringify(value)}`);
    }
    return { op: 'set', tenant: name('tenant'), flag: name('flag'), value };
  }
  throw new EventError(`event.op must be 'get' or 'set', got ${JSON.stringify(e['op'])}`);
}

async function get(e: GetEvent): Promise<EffectiveConfig> {
  const [defaults, index, tenant, user] = await all([
    readJson<Defaults>(DEFAULTS_KEY),
    readJson<FlagIndex>(FLAG_INDEX_KEY),
    readJson<TenantSettings>(tenantKey(e.tenant)).catch(unknown('tenant', e.tenant)),
    // A user who never saved preferences has no object.
    readJson<UserPrefs>(userKey(e.user)).catch((err: unknown) => {
      if (err instanceof ObjectNotFoundError) return undefined;
      throw err;
    }),
  ] as const);
  if (user && user.tenant !== e.tenant) throw new EventError(`user ${e.user} does not belong to tenant ${e.tenant}`);
  const defs = await all(index.flags.map((name) => readJson<FlagDef>(flagKey(name))));
  const flags: Record<string, FlagValue> = {};
  const flagSources: Record<string, FlagSource> = {};
  for (const def of [...defs].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const [value, source] = evaluate(def, tenant, e.user);
    flags[def.name] = value;
    flagSources[def.name] = source;
  }
  return {
    op: 'get',
    tenant: e.tenant,
    user: e.user,
    plan: tenant.plan,
    region: tenant.region,
    limits: { ...defaults.limits, ...tenant.limits },
    prefs: {
      ...defaults.prefs,
      ...tenant.prefs,
      ...user?.prefs,
      notifications: { ...defaults.prefs.notifications, ...tenant.prefs?.notifications, ...user?.prefs?.notifications },
    },
    flags,
    flagSources,
    reads: 4 + defs.length,
  };
}

/** A flag's value for a user: the tenant's setting, else off, else in or out of the rollout. */
export function evaluate(def: FlagDef, tenant: TenantSettings, user: string): [FlagValue, FlagSource] {
  const set = tenant.flags?.[def.name];
  if (set !== undefined) return [set, 'tenant'];
  if (!def.enabled) return [def.default, 'off'];
  return rolloutBucket(def.name, tenant.tenant, user) < def.rollout ? [def.value, 'rollout'] : [def.default, 'default'];
}

/** 0-99, stable for a flag, tenant and user. */
export function rolloutBucket(flag: string, tenant: string, user: string): number {
  return createHash('sha256').update(`${flag}:${tenant}:${user}`).digest().readUInt32BE(0) % 100;
}

async function set(e: SetEvent, context: InvocationContext | undefined): Promise<SetResult> {
  const [def, settings] = await all([readJson<FlagDef>(flagKey(e.flag)).catch(unknown('flag', e.flag)), readJson<TenantSettings>(tenantKey(e.tenant)).catch(unknown('tenant', e.tenant))] as const);
  if (e.value !== null && typeof e.value !== def.type) throw new EventError(`flag ${e.flag} takes a ${def.type}, got ${JSON.stringify(e.value)}`);
  const previous = settings.flags?.[e.flag] ?? null;
  const flags = { ...settings.flags };
  if (e.value === null) delete flags[e.flag];
  else flags[e.flag] = e.value;
  const next: TenantSettings = { ...settings, flags };
  const { s3, bucket } = runtime();
  const key = tenantKey(e.tenant);
  const out = await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: JSON.stringify(next),
      ContentType: 'application/json',
      ...(context ? { Metadata: { 'request-id': context.awsRequestId } } : {}),
    }),
  );
  return { op: 'set', tenant: e.tenant, flag: e.flag, value: e.value, previous, key, etag: out.ETag ?? '' };
}

/** A missing tenant or flag is a bad event, named as such. */
function unknown(what: string, name: string): (err: unknown) => never {
  return (err) => {
    if (err instanceof ObjectNotFoundError) throw new EventError(`unknown ${what} '${name}' (no ${err.key})`, { cause: err });
    throw err;
  };
}

/** All results; on a failure, the first error once every read is done (no read outlives the invocation). */
async function all<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
