import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../src/errors';
import { parseStaticMembers, StaticMembership } from '../src/membership-static';
import type { Member } from '../src/ports';

const member = (id: string, capacityBytes = 100): Member => ({ id, address: id, capacityBytes });

describe('StaticMembership', () => {
  it('lists the given members sorted by id, self included once started', async () => {
    const m = new StaticMembership([member('h:3'), member('h:1')]);
    await m.start(member('h:2'));
    expect(m.members().map((x) => x.id)).toEqual(['h:1', 'h:2', 'h:3']);
  });

  it('keeps self once when it is already listed, with its own address and capacity', async () => {
    const m = new StaticMembership([member('h:2'), member('h:1')]);
    await m.start({ id: 'h:1', address: 'h:1', capacityBytes: 999 });
    expect(m.members()).toEqual([{ id: 'h:1', address: 'h:1', capacityBytes: 999 }, member('h:2')]);
  });

  it('a cachelet alone is a ring of one', async () => {
    const m = new StaticMembership([]);
    await m.start(member('solo:1'));
    expect(m.members()).toEqual([member('solo:1')]);
  });

  it('sorts by code units, not by locale', async () => {
    const m = new StaticMembership([member('b:1'), member('B:1'), member('a:1')]);
    await m.start(member('a:1'));
    expect(m.members().map((x) => x.id)).toEqual(['B:1', 'a:1', 'b:1']);
  });

  it('returns copies: callers cannot change its list', async () => {
    const given = [member('h:1')];
    const m = new StaticMembership(given);
    await m.start(member('h:2'));
    given[0]!.capacityBytes = 1;
    const seen = m.members();
    seen[0]!.capacityBytes = 2;
    seen.pop();
    expect(m.members()).toEqual([member('h:1'), member('h:2')]);
  });

  it('never calls onChange; unsubscribe and stop are harmless', async () => {
    const m = new StaticMembership([member('h:1')]);
    const calls: Member[][] = [];
    const off = m.onChange((ms) => calls.push(ms));
    await m.start(member('h:2'));
    off();
    off();
    await m.stop();
    expect(calls).toEqual([]);
    expect(m.members()).toHaveLength(2);
  });
});

describe('parseStaticMembers', () => {
  it('parses host:port entries, id and address alike, sorted by id', () => {
    expect(parseStaticMembers('10.0.0.2:7000, 10.0.0.1:7000,localhost:7001', 64)).toEqual([
      { id: '10.0.0.1:7000', address: '10.0.0.1:7000', capacityBytes: 64 },
      { id: '10.0.0.2:7000', address: '10.0.0.2:7000', capacityBytes: 64 },
      { id: 'localhost:7001', address: 'localhost:7001', capacityBytes: 64 },
    ]);
  });

  it('accepts the static: prefix and bracketed IPv6 hosts', () => {
    expect(parseStaticMembers('static:[::1]:7000', 1).map((m) => m.id)).toEqual(['[::1]:7000']);
  });

  it.each([
    ['', /empty/],
    ['  ', /empty/],
    ['static:', /empty/],
    ['h:1,,h:2', /entry is empty/],
    ['h:1,', /entry is empty/],
    ['hostonly', /'hostonly' is not HOST:PORT/],
    ['h:0', /'h:0' is not HOST:PORT/],
    ['h:65536', /'h:65536' is not HOST:PORT/],
    ['h:70a', /'h:70a' is not HOST:PORT/],
    [':7000', /':7000' is not HOST:PORT/],
    ['::1:7000', /'::1:7000' is not HOST:PORT/],
    ['http://h:1', /'http:\/\/h:1' is not HOST:PORT/],
    ['h:1,h:2,h:1', /'h:1' is listed twice/],
  ])('rejects %p with a ConfigError naming --members', (spec, message) => {
    let err: unknown;
    try {
      parseStaticMembers(spec, 1);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).option).toBe('--members');
    expect((err as ConfigError).message).toMatch(/^--members: /);
    expect((err as ConfigError).message).toMatch(message);
  });
});
