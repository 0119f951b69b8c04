/**
 * The config API against the real S3 emulator, configured through its environment as a
 * platform would configure it: the effective configuration equals a merge computed here from
 * the seeded objects; a `set` is seen by the next `get`; with an embedded cachelet, repeated
 * reads stay off the origin, the results do not change, and a write is still seen at once.
 */
import { createHash } from 'node:crypto';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { functionFixture } from '../../../test/support/function-env';
import {
  FLAGS,
  handler,
  reset,
  sampleEvents,
  seed,
  type ConfigResult,
  type EffectiveConfig,
  type FlagDef,
  type GetEvent,
  type SetResult,
  type TenantSettings,
  type UserPrefs,
} from '@faast/example-config-api';

const BUCKET = 'config-api-it';
const TENANTS = 8;
const USERS = 120;

jest.setTimeout(60_000);

const fx = functionFixture({ name: 'config-api', bucket: BUCKET, seed: (s3, bucket) => seed(s3, bucket, { tenants: TENANTS, users: USERS }), handler, reset });
const env = fx.env;

function invoke<R extends ConfigResult = ConfigResult>(event: unknown): Promise<R> {
  return fx.invoke(event);
}

async function json<T>(key: string): Promise<T> {
  const out = await fx.plain.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return JSON.parse(await out.Body!.transformToString()) as T;
}

/** The effective configuration, merged here from the objects as they are in the bucket. */
async function expected(e: GetEvent): Promise<Omit<EffectiveConfig, 'flagSources'>> {
  const defaults = await json<{ limits: Record<string, number>; prefs: Record<string, unknown> & { notifications: object } }>('config/defaults.json');
  const tenant = await json<TenantSettings>(`tenants/${e.tenant}/settings.json`);
  const user = await json<UserPrefs>(`users/${e.user}/prefs.json`);
  const flags: Record<string, boolean | number | string> = {};
  for (const name of FLAGS.map((f) => f.name).sort()) {
    const def = await json<FlagDef>(`flags/${name}.json`);
    const bucket = createHash('sha256').update(`${name}:${e.tenant}:${e.user}`).digest().readUInt32BE(0) % 100;
    flags[name] = tenant.flags?.[name] ?? (def.enabled && bucket < def.rollout ? def.value : def.default);
  }
  return {
    op: 'get',
    tenant: e.tenant,
    user: e.user,
    plan: tenant.plan,
    region: tenant.region,
    limits: { ...defaults.limits, ...tenant.limits } as EffectiveConfig['limits'],
    prefs: {
      ...defaults.prefs,
      ...tenant.prefs,
      ...user.prefs,
      notifications: { ...defaults.prefs.notifications, ...tenant.prefs?.notifications, ...user.prefs?.notifications },
    } as EffectiveConfig['prefs'],
    flags,
    reads: 4 + FLAGS.length,
  };
}

test('seeds many tiny JSON objects', () => {
  expect(fx.seeded.objects).toHaveLength(2 + FLAGS.length + TENANTS + USERS);
  for (const o of fx.seeded.objects) {
    expect(o.bytes).toBeGreaterThan(20);
    expect(o.bytes).toBeLessThan(512);
  }
});

test('sample events are deterministic, valid and skewed', () => {
  const events = sampleEvents(500, 3, { tenants: TENANTS, users: USERS });
  expect(sampleEvents(500, 3, { tenants: TENANTS, users: USERS })).toEqual(events);
  const tenants = new Map<string, number>();
  for (const e of events) {
    tenants.set(e.tenant, (tenants.get(e.tenant) ?? 0) + 1);
    if (e.op === 'get') expect(Number(e.user.slice(2)) % TENANTS).toBe(Number(e.tenant.slice(2)));
    else expect(FLAGS.some((f) => f.name === e.flag && f.choices.includes(e.value!))).toBe(true);
    if (e.op === 'get') expect(Number(e.user.slice(2))).toBeLessThan(USERS);
  }
  expect(Math.max(...tenants.values())).toBeGreaterThan((500 / TENANTS) * 2);
  const sets = events.filter((e) => e.op === 'set').length;
  expect(sets).toBeGreaterThan(0);
  expect(sets).toBeLessThan(50);
});

test('the effective configuration merges defaults, flags, tenant settings and user preferences', async () => {
  env.set();
  const gets = sampleEvents(12, 8, { tenants: TENANTS, users: USERS, setShare: 0 }) as GetEvent[];
  for (const e of gets) {
    const { flagSources, ...result } = await invoke<EffectiveConfig>(e);
    expect(result).toEqual(await expected(e));
    expect(Object.keys(flagSources)).toEqual(Object.keys(result.flags));
  }
});

test('a set is seen by the next get, and null removes it', async () => {
  env.set();
  const get = { op: 'get', tenant: 't-002', user: 'u-00010' };
  const before = await invoke<EffectiveConfig>(get);
  const value = before.flags['max-upload-mb'] === 777 ? 778 : 777;
  const set = await invoke<SetResult>({ op: 'set', tenant: 't-002', flag: 'max-upload-mb', value });
  expect(set).toMatchObject({ op: 'set', tenant: 't-002', flag: 'max-upload-mb', value, key: 'tenants/t-002/settings.json' });
  const after = await invoke<EffectiveConfig>(get);
  expect(after.flags['max-upload-mb']).toBe(value);
  expect(after.flagSources['max-upload-mb']).toBe('tenant');
  expect((await json<TenantSettings>('tenants/t-002/settings.json')).flags?.['max-upload-mb']).toBe(value);

  const cleared = await invoke<SetResult>({ op: 'set', tenant: 't-002', flag: 'max-upload-mb', value: null });
  expect(cleared.previous).toBe(value);
  const restored = await invoke<EffectiveConfig>(get);
  expect(restored.flags['max-upload-mb']).toBe(set.previous ?? before.flags['max-upload-mb']);
  if (set.previous === null) expect(restored).toEqual(before);
});

test('bad events, unknown names and a missing BUCKET are named', async () => {
  env.set({ BUCKET: '' });
  await expect(invoke({ op: 'get', tenant: 't-000', user: 'u-00000' })).rejects.toThrow(/BUCKET is not set/);
  await reset();
  env.set();
  await expect(invoke({ op: 'delete', tenant: 't-000' })).rejects.toMatchObject({ name: 'EventError', message: expect.stringMatching(/event\.op/) });
  await expect(invoke({ op: 'get', tenant: 'T 0', user: 'u-00000' })).rejects.toMatchObject({ name: 'EventError', message: expect.stringMatching(/event\.tenant/) });
  await expect(invoke({ op: 'get', tenant: 't-099', user: 'u-00000' })).rejects.toMatchObject({ name: 'EventError', message: expect.stringMatching(/unknown tenant 't-099'/) });
  await expect(invoke({ op: 'get', tenant: 't-001', user: 'u-00000' })).rejects.toMatchObject({ name: 'EventError', message: expect.stringMatching(/does not belong/) });
  await expect(invoke({ op: 'set', tenant: 't-001', flag: 'nope', value: true })).rejects.toMatchObject({ name: 'EventError', message: expect.stringMatching(/unknown flag 'nope'/) });
  await expect(invoke({ op: 'set', tenant: 't-001', flag: 'sso', value: 'yes' })).rejects.toMatchObject({ name: 'EventError', message: expect.stringMatching(/takes a boolean/) });
  // A user who never saved preferences gets the tenant's and the defaults.
  const fresh = await invoke<EffectiveConfig>({ op: 'get', tenant: 't-001', user: 'u-99999' });
  expect(fresh.prefs.pageSize).toBe(25);
});

test('with an embedded cachelet, repeated reads stay off the origin, results are unchanged and writes are seen', async () => {
  const events = sampleEvents(30, 5, { tenants: TENANTS, users: USERS, setShare: 0 });
  const gets = (): number => fx.emulator.requests().byMethod['GET'] ?? 0;

  env.set();
  fx.emulator.resetCounters();
  const direct: ConfigResult[] = [];
  for (const e of events) direct.push(await invoke(e));
  expect(gets()).toBe(events.length * (4 + FLAGS.length));
  await reset();
  env.restore();

  env.set({ FAAST_EMBEDDED: '1', FAAST_APP: `config-api-it-${process.pid}-${Date.now()}` });
  fx.emulator.resetCounters();
  const cached: ConfigResult[] = [];
  for (const e of events) cached.push(await invoke(e));
  const firstPass = gets();
  expect(cached).toEqual(direct);
  expect(firstPass).toBeLessThan(events.length * 4);

  const again: ConfigResult[] = [];
  for (const e of events) again.push(await invoke(e));
  expect(gets()).toBe(firstPass);
  expect(again).toEqual(direct);

  // A write through the function is seen by its next read, cache or not.
  const e = events[0] as GetEvent;
  const flag = 'search-backend';
  const value = (direct[0] as EffectiveConfig).flags[flag] === 'vector' ? 'hybrid' : 'vector';
  const { previous } = await invoke<SetResult>({ op: 'set', tenant: e.tenant, flag, value });
  expect((await invoke<EffectiveConfig>(e)).flags[flag]).toBe(value);
  await invoke({ op: 'set', tenant: e.tenant, flag, value: previous });
  expect(await invoke(e)).toEqual(direct[0]);
}, 20_000);
