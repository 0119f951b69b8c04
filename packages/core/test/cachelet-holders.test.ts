/**
 * Holders across in-process cachelets (cluster-fixture.ts): an owner records the members that
 * read a key from it and tells them (PeerChanged) when it changes, and every cachelet tells
 * its change listeners (`onChange`) — all before the write notice or invalidation completes.
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { HashRing, type CacheletChange } from '@faast/core';
import { BUCKET, Cluster, ref, settle, storeKey, until, within, type ClusterOptions } from './cluster-fixture';
import { deferred } from './deferred';

let cluster: Cluster | undefined;
afterEach(async () => {
  jest.useRealTimers();
  await cluster?.stop();
  cluster = undefined;
});

async function start(options: ClusterOptions): Promise<Cluster> {
  cluster = await Cluster.start(options);
  return cluster;
}

/** The changes each listed cachelet's listener saw, as `key,key` or `all`. */
function listen(c: Cluster, ids: string[] = c.ids): Record<string, string[]> {
  const seen: Record<string, string[]> = {};
  for (const id of ids) {
    seen[id] = [];
    c.c(id).onChange(async (change) => void seen[id]!.push(describeChange(change)));
  }
  return seen;
}

function describeChange(change: CacheletChange): string {
  return 'all' in change ? 'all' : change.refs.map((r) => r.key).join(',');
}

/** Tracks whether `p` settled. */
function track(p: Promise<unknown>): { readonly done: boolean } {
  const state = { done: false };
  void p.then(
    () => (state.done = true),
    () => (state.done = true),
  );
  return state;
}

describe('a write is acknowledged after the holders were told', () => {
  it("write through A, owner B, held through C: A's notifyWrite resolves only after C's listener resolved", async () => {
    const c = await start({ ids: ['A', 'B', 'C'] });
    const [key] = c.keysOwnedBy('B', 1);
    c.put(key!, 'v1');
    expect((await c.read('C', key!)).bytes.toString()).toBe('v1');
    const seen = listen(c, ['A', 'B']);
    const events: string[] = [];
    const appAck = deferred<void>();
    c.c('C').onChange(async (change) => {
      events.push(`C told ${describeChange(change)}`);
      await appAck.promise;
      events.push('C acknowledged');
    });

    const meta2 = c.put(key!, 'v2');
    const write = c.c('A').notifyWrite(ref(key!), meta2.etag);
    const state = track(write.then(() => events.push('write acknowledged')));
    await until(() => events.length === 1, "C's listener called");
    await settle();
    expect(state.done).toBe(false);
    expect(events).toEqual([`C told ${key}`]);

    appAck.resolve();
    await within(write, 2000, 'write after the holder acknowledged');
    await settle();
    expect(events).toEqual([`C told ${key}`, 'C acknowledged', 'write acknowledged']);
    // The owner's and the writer's own applications were told too; the writer was not sent a holder notice.
    expect(seen).toEqual({ A: [key], B: [key] });
    expect(c.connector.summary()).toEqual({ 'get C→B': 1, 'notifyWrite A→B': 1, 'changed B→C': 1 });
    expect(c.c('B').stats()).toMatchObject({ holderInvalidationsSent: 1, changeEvents: 1 });
    expect(c.c('C').stats()).toMatchObject({ holderInvalidationsReceived: 1, changeEvents: 1 });
    expect((await c.read('C', key!)).bytes.toString()).toBe('v2');
  });

  it("the fan-out skips the member the notice came from; an invalidation names every key a holder holds, in one notice", async () => {
    const c = await start({ ids: ['A', 'B', 'C'] });
    const [k1, k2] = c.keysOwnedBy('A', 2);
    for (const k of [k1!, k2!]) c.put(k, `${k} v1`);
    for (const via of ['B', 'C']) for (const k of [k1!, k2!]) await c.read(via, k);
    const seen = listen(c);

    c.origin.delete(BUCKET, k1!);
    c.origin.delete(BUCKET, k2!);
    await c.c('C').invalidate([ref(k1!), ref(k2!)]);
    expect(c.connector.count({ kind: 'changed' })).toBe(1);
    expect(c.connector.calls.filter((call) => call.kind === 'changed')).toEqual([{ kind: 'changed', from: 'A', to: 'B', keys: [k1, k2], delivered: true }]);
    expect(seen).toEqual({ A: [`${k1},${k2}`], B: [`${k1},${k2}`], C: [`${k1},${k2}`] });
    expect(c.c('A').stats().holderInvalidationsSent).toBe(1);
    expect(c.c('C').stats().holderInvalidationsReceived).toBe(0);
  });

  it('a read that found nothing is recorded too: its holder is told when the object appears', async () => {
    const c = await start({ ids: ['A', 'B'] });
    const [key] = c.keysOwnedBy('A', 1);
    expect(await c.read('B', key!)).toMatchObject({ status: 'not-found' });
    const seen = listen(c);
    const meta = c.put(key!, 'now it exists');
    await c.c('A').notifyWrite(ref(key!), meta.etag);
    expect(c.connector.count({ kind: 'changed', from: 'A', to: 'B', delivered: true })).toBe(1);
    expect(seen).toEqual({ A: [key], B: [key] });
  });

  it('a Validate (here for a HEAD through another member) records a holder; a key nobody else read sends no notice', async () => {
    const c = await start({ ids: ['A', 'B'] });
    const [held, other] = c.keysOwnedBy('A', 2);
    c.put(held!, 'v1');
    c.put(other!, 'v1');
    expect(await c.c('B').head(ref(held!))).toMatchObject({ status: 'ok' });
    expect(c.connector.summary()).toEqual({ 'validate B→A': 1 });
    await c.c('A').notifyWrite(ref(other!), c.put(other!, 'v2').etag);
    expect(c.connector.count({ kind: 'changed' })).toBe(0);
    await c.c('A').notifyWrite(ref(held!), c.put(held!, 'v2').etag);
    expect(c.connector.count({ kind: 'changed', from: 'A', to: 'B', delivered: true })).toBe(1);
  });

  it('listener failures do not fail the write, nor keep the other listeners from being told', async () => {
    const c = await start({ ids: ['A', 'B', 'C'] });
    const [key] = c.keysOwnedBy('B', 1);
    c.put(key!, 'v1');
    await c.read('C', key!);
    c.c('A').onChange(() => Promise.reject(new Error('app connection lost')));
    c.c('C').onChange(() => {
      throw new Error('listener bug');
    });
    const seen = listen(c, ['A', 'C']);
    await expect(c.c('A').notifyWrite(ref(key!), c.put(key!, 'v2').etag)).resolves.toBeUndefined();
    expect(seen).toEqual({ A: [key], C: [key] });
    expect(c.c('A').stats().changeEvents).toBe(2);
    expect(c.c('C').stats().changeEvents).toBe(2);
  });
});

describe('holders that cannot answer', () => {
  it('a holder that does not answer holds the write for the peer timeout only; then it is suspect and not waited for', async () => {
    // Jest's fake timers drive the connector's deadline; its network hop (setImmediate) stays real.
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    const c = await start({ ids: ['A', 'B', 'C'], config: { suspectMs: 5000 } });
    const [key] = c.keysOwnedBy('A', 1);
    c.put(key!, 'v1');
    await c.read('B', key!);
    c.connector.deadlineMs = 1000;
    const release = c.connector.hold('B');

    const first = track(c.c('C').notifyWrite(ref(key!), c.put(key!, 'v2').etag));
    await until(() => c.connector.parked('B') === 1, 'holder notice parked at B');
    jest.advanceTimersByTime(999);
    await settle();
    expect(first.done).toBe(false);
    jest.advanceTimersByTime(1);
    await until(() => first.done, 'write after the peer timeout');
    expect(c.c('A').stats()).toMatchObject({ peerErrors: 1, holderInvalidationsSent: 1 });
    expect(c.connector.count({ kind: 'changed', to: 'B', delivered: false })).toBe(1);

    // B reads again (it can reach A) and is recorded; A still thinks B suspect: the notice is
    // sent without waiting, and the write completes at once.
    release();
    await c.read('B', key!);
    const stuck = c.connector.hold('B');
    const second = track(c.c('C').notifyWrite(ref(key!), c.put(key!, 'v3').etag));
    await until(() => second.done, 'write with a suspect holder');
    await until(() => c.connector.parked('B') === 1, 'best-effort notice parked at B');
    expect(c.c('A').stats()).toMatchObject({ peerErrors: 1, holderInvalidationsSent: 2 });
    stuck();
  });

  // Partitions: B, cut off from A's view, keeps its view (a member always counts itself in).
  // Its applications' near caches are then bounded only by their maximum age.
  it('a holder no longer in the owner\'s view is not told, and does not hold the write', async () => {
    const c = await start({ ids: ['A', 'B', 'C'], membership: 'controlled' });
    const key = c.keyWhere((k) => c.ownerOf(k, 'A') === 'A' && c.ownerOf(k, 'C') === 'A');
    c.put(key, 'v1');
    await c.read('B', key);
    c.setViews(['A', 'C'], ['A', 'C']);
    await within(c.c('C').notifyWrite(ref(key), c.put(key, 'v2').etag), 2000, 'write with a departed holder');
    expect(c.connector.count({ kind: 'changed' })).toBe(0);
  });
});

describe('bounded holder records', () => {
  it('with holderKeys 1, a second key read from the owner evicts the first: its holder is told at once', async () => {
    const c = await start({ ids: ['A', 'B', 'C'], configs: { A: { holderKeys: 1 } } });
    const [k1, k2] = c.keysOwnedBy('A', 2);
    c.put(k1!, 'one');
    c.put(k2!, 'two');
    await c.read('B', k1!);
    const seen = listen(c, ['B', 'C']);
    await c.read('C', k2!);
    await until(() => c.connector.count({ kind: 'changed', delivered: true }) === 1, 'eviction notice delivered');
    expect(c.connector.calls.filter((call) => call.kind === 'changed')).toEqual([{ kind: 'changed', from: 'A', to: 'B', keys: [k1], delivered: true }]);
    expect(seen).toEqual({ B: [k1], C: [] });
    expect(c.c('A').stats()).toMatchObject({ holderEvictions: 1, holderInvalidationsSent: 1 });
    // k1 has no record any more: its next change tells nobody; k2's tells C.
    await c.c('A').invalidate([ref(k1!), ref(k2!)]);
    expect(c.connector.calls.filter((call) => call.kind === 'changed').map((call) => `${call.to}:${call.keys.join(',')}`)).toEqual([`B:${k1}`, `C:${k2}`]);
  });
});

describe('views', () => {
  it('every ring view change tells the listeners to drop everything', async () => {
    const c = await start({ ids: ['A', 'B', 'C'], membership: 'controlled' });
    const seen = listen(c);
    c.setViews(['A', 'B'], ['A', 'B']);
    expect(seen).toEqual({ A: ['all'], B: ['all'], C: [] });
    c.setView('C', ['A', 'B', 'C', 'D']);
    expect(seen).toEqual({ A: ['all'], B: ['all'], C: ['all'] });
    expect(c.c('C').stats().changeEvents).toBe(1);
  });

  it('leaving the ring tells the listeners to drop everything: owners stop telling a member that left', async () => {
    const c = await start({ ids: ['A', 'B'] });
    const seen = listen(c);
    await c.c('B').leave();
    expect(seen).toEqual({ A: [], B: ['all'] });
  });

  // O recorded H under the first view; then H, under a view without O, owns the key and has a
  // holder of its own (D). O's notice to H must end there: a holder notice is never passed on.
  it('no loop between members with different views: a holder notice is passed on by no one, even by a member that owns the key in its view', async () => {
    const c = await start({ ids: ['O', 'H', 'D'], membership: 'controlled' });
    const key = c.keyWhere((k) => c.ownerOf(k, 'O') === 'O' && ownerIn(['H', 'D'], k) === 'H');
    c.put(key, 'v1');
    await c.read('H', key); // through O, which records H
    c.setViews(['H', 'D'], ['H', 'D']);
    await c.read('D', key); // through H, which now owns it and records D
    expect(c.connector.summary()).toEqual({ 'get H→O': 1, 'get D→H': 1 });
    const seen = listen(c);

    await within(c.c('O').notifyWrite(ref(key), c.put(key, 'v2').etag), 2000, 'write through O');
    expect(c.connector.summary()).toEqual({ 'get H→O': 1, 'get D→H': 1, 'changed O→H': 1 });
    expect(seen).toEqual({ O: [key], H: [key], D: [] });

    // The other way round: H's own write is told to its holder D, and to no one else.
    await within(c.c('H').notifyWrite(ref(key), c.put(key, 'v3').etag), 2000, 'write through H');
    expect(c.connector.summary()).toEqual({ 'get H→O': 1, 'get D→H': 1, 'changed O→H': 1, 'changed H→D': 1 });
    expect(seen).toEqual({ O: [key], H: [key, key], D: [key] });
  });
});

describe('changes found by the cachelet itself', () => {
  it('ttl: a revalidation that finds a new version tells the holders and the listeners', async () => {
    const c = await start({ ids: ['A', 'B', 'C'], config: { consistency: { mode: 'ttl', ttlMs: 1000 } } });
    const [key] = c.keysOwnedBy('A', 1);
    c.put(key!, 'v1');
    await c.read('B', key!);
    const seen = listen(c);
    c.put(key!, 'v2'); // a writer that bypasses the cache
    c.clock.advance(1001);
    expect((await c.read('C', key!)).bytes.toString()).toBe('v2');
    await until(() => c.connector.count({ kind: 'changed', delivered: true }) === 2, 'holder notices after the revalidation');
    expect(c.connector.count({ kind: 'changed', from: 'A', to: 'B' })).toBe(1);
    // C read through A while the revalidation ran: it is a holder of the version it got, and is told too.
    expect(c.connector.count({ kind: 'changed', from: 'A', to: 'C' })).toBe(1);
    expect(seen).toEqual({ A: [key], B: [key], C: [key] });
  });
});

/** The owner of `key` in a ring of `ids` (as a cachelet with that view computes it). */
function ownerIn(ids: string[], key: string): string | undefined {
  return new HashRing(ids.map((id) => ({ id }))).owner(storeKey(key));
}
