/**
 * The in-process cluster fixture itself: routing by address, the switches (unreachable, held,
 * slow), call logs, the controlled membership, and clients closed when members leave or stop.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { Cluster, ControlledMembership, memberOf, ref, until, within } from './cluster-fixture';

let cluster: Cluster | undefined;
afterEach(async () => {
  await cluster?.stop();
  cluster = undefined;
});

describe('cluster fixture', () => {
  it('routes a call by address and logs it with caller, target and keys', async () => {
    cluster = await Cluster.start({ ids: ['A', 'B'] });
    const c = cluster;
    const [key] = c.keysOwnedBy('B', 1);
    c.put(key!, 'x');
    expect((await c.read('A', key!)).bytes.toString()).toBe('x');
    expect(c.connector.calls).toEqual([{ kind: 'get', from: 'A', to: 'B', keys: [key], delivered: true }]);
    expect(c.connector.count({ to: 'A' })).toBe(0);
    expect(c.connector.connects).toBe(1);
  });

  it('an unreachable member refuses calls with a plain Error, and takes them again when switched back', async () => {
    cluster = await Cluster.start({ ids: ['A', 'B'] });
    const c = cluster;
    const [key] = c.keysOwnedBy('B', 1);
    const client = c.connector.connect(memberOf('B'));
    const ctx = { from: 'test', epoch: '0' };
    c.connector.unreachable('B');
    const err = await client.validate(ref(key!), '"e"', ctx).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('Error');
    expect(c.connector.count({ kind: 'validate', to: 'B', delivered: false })).toBe(1);
    c.connector.unreachable('B', false);
    const meta = c.put(key!, 'x');
    expect(await client.validate(ref(key!), '"e"', ctx)).toEqual({ outcome: 'changed', meta });
    expect(await client.validate(ref(key!), meta.etag, ctx)).toEqual({ outcome: 'current', meta });
    client.close();
    await expect(client.invalidate([ref(key!)], ctx)).rejects.toThrow(/closed/);
    expect(c.connector.closes).toBe(1);
  });

  it('calls to nowhere (no cachelet at the address) are refused', async () => {
    cluster = await Cluster.start({ ids: ['A'] });
    const client = cluster.connector.connect(memberOf('Z'));
    await expect(client.notifyWrite(ref('k'), '"e"', { from: 'A', epoch: '0' })).rejects.toThrow(/unreachable/);
    expect(cluster.connector.count({ to: 'Z', delivered: false })).toBe(1);
  });

  it('a held member parks calls until released; a slow one answers after its delay', async () => {
    cluster = await Cluster.start({ ids: ['A', 'B'] });
    const c = cluster;
    const [key] = c.keysOwnedBy('B', 1);
    c.put(key!, 'x');
    const release = c.connector.hold('B');
    let done = false;
    const p = c.read('A', key!).then((r) => ((done = true), r));
    await until(() => c.connector.parked('B') === 1, 'parked call');
    expect(done).toBe(false);
    release();
    expect((await within(p, 1000, 'released call')).bytes.toString()).toBe('x');
    c.connector.slow('B', 30);
    const t0 = Date.now();
    await c.read('A', key!);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
  });

  it('the origin can hold GETs, and answers 304 to a matching If-None-Match', async () => {
    cluster = await Cluster.start({ ids: ['A'] });
    const { origin } = cluster;
    const meta = origin.put('bkt', 'k', 'x');
    const release = origin.holdGets();
    const p = origin.get(ref('k'), { ifNoneMatch: meta.etag });
    await until(() => origin.waiting === 1, 'held GET');
    expect(origin.gets).toHaveLength(0);
    release();
    expect(await p).toEqual({ kind: 'not-modified', meta });
    const other = await origin.get(ref('k'), { ifNoneMatch: '"other"' });
    expect(other.kind).toBe('found');
    if (other.kind === 'found') other.body.destroy();
    expect(origin.revalidationsOf('k')).toEqual([meta.etag, '"other"']);
  });

  it('a controlled membership notifies its listeners; a member that leaves has its client closed', async () => {
    cluster = await Cluster.start({ ids: ['A', 'B', 'C'], membership: 'controlled' });
    const c = cluster;
    for (const k of c.keysOwnedBy('C', 1)) await c.read('A', k);
    expect(c.connector.connects).toBe(1);
    const epoch = c.c('A').stats().ring.epoch;
    c.setView('A', ['A', 'B']);
    expect(c.c('A').stats().ring).toMatchObject({ views: 2, members: [memberOf('A'), memberOf('B')] });
    expect(c.c('A').stats().ring.epoch).not.toBe(epoch);
    expect(c.connector.closes).toBe(1);
    const m = new ControlledMembership([memberOf('A')]);
    const seen: string[][] = [];
    const off = m.onChange((list) => seen.push(list.map((x) => x.id)));
    m.set([memberOf('B'), memberOf('A')]);
    off();
    m.set([memberOf('A')]);
    expect(seen).toEqual([['A', 'B']]);
  });
});
