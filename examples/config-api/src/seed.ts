/** The bucket's contents for the config API (many tiny JSON objects) and a sample event stream. */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SeedDescription } from '@faast/example-function-kit';
import { seededRandom, type Random } from '@faast/core';
import type { ConfigEvent } from './app';
import { DEFAULTS_KEY, FLAG_INDEX_KEY, flagKey, tenantKey, userKey, type Defaults, type FlagDef, type FlagValue, type TenantSettings, type UserPrefs } from './data';
import { hash, zipf } from '@faast/example-function-kit';

export const DEFAULT_TENANTS = 20;
export const DEFAULT_USERS = 400;

/** The flags: their names, types and the values a `set` may choose from. */
export const FLAGS: ReadonlyArray<{ name: string; type: FlagDef['type']; choices: readonly FlagValue[]; description: string }> = [
  { name: 'new-checkout', type: 'boolean', choices: [true, false], description: 'The redesigned checkout flow' },
  { name: 'dark-mode', type: 'boolean', choices: [true, false], description: 'Offer the dark theme' },
  { name: 'beta-search', type: 'boolean', choices: [true, false], description: 'Search results from the new index' },
  { name: 'fast-upload', type: 'boolean', choices: [true, false], description: 'Parallel chunked uploads' },
  { name: 'ai-summary', type: 'boolean', choices: [true, false], description: 'Summaries of long documents' },
  { name: 'export-csv', type: 'boolean', choices: [true, false], description: 'CSV export of reports' },
  { name: 'audit-log', type: 'boolean', choices: [true, false], description: 'Record every administrative action' },
  { name: 'sso', type: 'boolean', choices: [true, false], description: 'Single sign-on' },
  { name: 'webhooks-v2', type: 'boolean', choices: [true, false], description: 'Signed webhooks with retries' },
  { name: 'realtime-sync', type: 'boolean', choices: [true, false], description: 'Push updates to open clients' },
  { name: 'compact-ui', type: 'boolean', choices: [true, false], description: 'Denser tables and lists' },
  { name: 'max-upload-mb', type: 'number', choices: [25, 100, 250, 1000], description: 'Largest upload accepted' },
  { name: 'rate-limit-burst', type: 'number', choices: [10, 50, 200], description: 'Requests allowed above the rate for a moment' },
  { name: 'search-backend', type: 'string', choices: ['classic', 'vector', 'hybrid'], description: 'Which search engine answers' },
  { name: 'banner-text', type: 'string', choices: ['', 'Scheduled maintenance Sunday 02:00 UTC', 'New: shared workspaces'], description: 'A notice above every page' },
  { name: 'onboarding-variant', type: 'string', choices: ['a', 'b', 'c'], description: 'The onboarding experiment arm' },
];

const PLANS = ['free', 'team', 'enterprise'] as const;
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];
const LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'ja-JP', 'pt-BR'];
const TIMEZONES = ['UTC', 'America/New_York', 'America/Los_Angeles', 'Europe/Berlin', 'Europe/London', 'Asia/Tokyo', 'Australia/Sydney'];
const THEMES = ['light', 'dark', 'system'] as const;
const WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne', 'Soylent', 'Hooli', 'Vandelay'];

export interface SeedOptions {
  /** Tenants `tenants/t-NNN/settings.json`. Default 20. */
  tenants?: number;
  /** Users `users/u-NNNNN/prefs.json`; user i belongs to tenant i mod tenants. Default 400. */
  users?: number;
  /** Default 1. */
  seed?: number;
}

export function tenantId(i: number): string {
  return `t-${String(i).padStart(3, '0')}`;
}

export function userId(i: number): string {
  return `u-${String(i).padStart(5, '0')}`;
}

/** Every object of a seed, by key (deterministic). */
export function generateConfig(options: SeedOptions = {}): Map<string, object> {
  const tenants = options.tenants ?? DEFAULT_TENANTS;
  const users = options.users ?? DEFAULT_USERS;
  if (!(Number.isInteger(tenants) && tenants >= 1 && Number.isInteger(users) && users >= 0)) throw new RangeError('seed: tenants must be ≥ 1 and users ≥ 0, whole numbers');
  const random = seededRandom(hash(`config:${options.seed ?? 1}`));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const objects = new Map<string, object>();

  const defaults: Defaults = {
    limits: { requestsPerMinute: 600, storageGiB: 10, seats: 5 },
    prefs: { theme: 'system', locale: 'en-US', timezone: 'UTC', pageSize: 25, notifications: { email: true, push: false } },
  };
  objects.set(DEFAULTS_KEY, defaults);
  objects.set(FLAG_INDEX_KEY, { flags: FLAGS.map((f) => f.name) });
  for (const f of FLAGS) {
    const def: FlagDef = {
      name: f.name,
      type: f.type,
      default: f.choices[f.choices.length - 1]!,
      value: f.choices[0]!,
      enabled: random() < 0.85,
      rollout: pick([0, 5, 10, 25, 50, 100]),
      description: f.description,
    };
    objects.set(flagKey(f.name), def);
  }
  for (let t = 0; t < tenants; t++) {
    const plan = pick(PLANS);
    const settings: TenantSettings = {
      tenant: tenantId(t),
      name: `${pick(WORDS)} ${pick(['Corp', 'Labs', 'GmbH', 'Inc', 'Group'])}`,
      plan,
      region: pick(REGIONS),
      limits: plan === 'free' ? {} : plan === 'team' ? { requestsPerMinute: 3000, seats: 50 } : { requestsPerMinute: 20000, storageGiB: 1000, seats: 1000 },
      prefs: random() < 0.5 ? { locale: pick(LOCALES), timezone: pick(TIMEZONES) } : {},
      flags: Object.fromEntries(FLAGS.filter(() => random() < 0.12).map((f) => [f.name, pick(f.choices)])),
    };
    objects.set(tenantKey(settings.tenant), settings);
  }
  for (let u = 0; u < users; u++) {
    const prefs: UserPrefs['prefs'] = {};
    if (random() < 0.6) prefs.theme = pick(THEMES);
    if (random() < 0.3) prefs.locale = pick(LOCALES);
    if (random() < 0.2) prefs.pageSize = pick([10, 25, 50, 100]);
    if (random() < 0.3) prefs.notifications = { push: random() < 0.5 };
    objects.set(userKey(userId(u)), { user: userId(u), tenant: tenantId(u % tenants), prefs } satisfies UserPrefs);
  }
  return objects;
}

/** Writes the configuration objects (deterministically for a seed); returns what it wrote. */
export async function seed(s3: S3Client, bucket: string, options: SeedOptions = {}): Promise<SeedDescription> {
  const objects: SeedDescription['objects'] = [];
  const pending: Promise<unknown>[] = [];
  for (const [key, value] of generateConfig(options)) {
    const body = JSON.stringify(value);
    objects.push({ key, bytes: Buffer.byteLength(body) });
    pending.push(s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/json' })));
    if (pending.length >= 32) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  return { bucket, objects, totalBytes: objects.reduce((n, o) => n + o.bytes, 0) };
}

export interface SampleOptions {
  /** Tenants seeded (default 20). */
  tenants?: number;
  /** Users seeded (default 400). */
  users?: number;
  /** Share of `set` events (default 0.03). */
  setShare?: number;
}

/**
 * A deterministic stream of events: tenants by Zipf popularity (a few are hot), users by
 * Zipf popularity within their tenant, and now and then a `set` of one flag for a tenant.
 */
export function sampleEvents(count: number, seed: number, options: SampleOptions = {}): ConfigEvent[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  const tenants = options.tenants ?? DEFAULT_TENANTS;
  const users = options.users ?? DEFAULT_USERS;
  if (count > 0 && users < tenants) throw new RangeError('sampleEvents: needs at least one user per tenant');
  const random = seededRandom(hash(`events:${seed}`));
  const pickTenant = zipf(tenants, 1.0, random, true);
  const pickUser = new Map<number, () => number>();
  const setShare = options.setShare ?? 0.03;
  const events: ConfigEvent[] = [];
  for (let n = 0; n < count; n++) {
    const t = pickTenant();
    if (random() < setShare) {
      const f = FLAGS[Math.floor(random() * FLAGS.length)]!;
      events.push({ op: 'set', tenant: tenantId(t), flag: f.name, value: f.choices[Math.floor(random() * f.choices.length)]! });
      continue;
    }
    // The users of tenant t are t, t + tenants, t + 2 tenants, ...
    let pick = pickUser.get(t);
    if (!pick) pickUser.set(t, (pick = zipf(Math.ceil((users - t) / tenants), 1.0, userRandom(seed, t), true)));
    events.push({ op: 'get', tenant: tenantId(t), user: userId(t + pick() * tenants) });
  }
  return events;
}

function userRandom(seed: number, tenant: number): Random {
  return seededRandom(hash(`users:${seed}:${tenant}`));
}
