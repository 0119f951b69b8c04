/**
 * The owner protocol with several in-process cachelets (cluster-fixture.ts): ownership and
 * forwarding, the never-forward-twice rule under split views, validated replicas of hot
 * objects, read-after-write across members, and deletes. Faults, consistency modes, epochs and
 * HEAD: cachelet-cluster-faults.test.ts.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { HashRing, type CacheletStatsSnapshot } from '@faast/core';
import { bytesOf } from './fake-origin';
import { BUCKET, Cluster, memberOf, ref, storeKey, until, within } from './cluster-fixture';

let cluster: Cluster | undefined;
afterEach(async () => {
  await cluster?.stop();
  cluster = undefined;
});

async function start(options: Parameters<typeof Cluster.start>[0]): Promise<Cluster> {
  cluster = await Cluster.start(options);
  return cluster;
}

const sum = (stats: CacheletStatsSnapshot[], field: 'forwarded' | 'peerServed' | 'notOwner' | 'originRequests' | 'hits' | 'misses') =>
  stats.reduce((n, s) => n + s[field], 0);

describe('ownership', () => {
  it('spreads keys over every member, and members with the same list agree on each owner', async () => {
    const c = await start({ ids: ['A', 'B', 'C'] });
    const owned: Record<string, number> = { A: 0, B: 0, C: 0 };
    for (let i = 0; i < 600; i++) {
      const owners = c.ids.map((id) => c.ownerOf(`k${i}`, id));
      expect(new Set(owners).size).toBe(1);
      owned[owners[0]!]!++;
    }
    for (const id of c.ids) expect(owned[id]).toBeGreaterThan(600 * 0.2);
    expect(new Set(c.ids.map((id) => c.c(id).stats().ring.epoch)).size).toBe(1);
  });

  it.each(['A', 'B', 'C'])('a key owned by %s, read through every member, is read from the origin once, by its owner', async (owner) => {
    const c = await start({ ids: ['A', 'B', 'C'] });
    const [key] = c.keysOwnedBy(owner, 1);
    const data = bytesOf(2000, 7);
    const meta = c.put(key!, data);
    // Non-owners first, so that the miss is forwarded.
    const order = [...c.ids.filter((id) => id !== owner), owner];
    const sources: string[] = [];
    for (const via of order) {
      const r = await c.read(via, key!);
      expect(r).toMatchObject({ status: 'ok', etag: meta.etag });
      expect(r.bytes.equals(data)).toBe(true);
      sources.push(r.source);
    }
    expect(sources).toEqual(['miss', 'hit', 'hit']);
    expect(c.origin.getsOf(key!)).toHaveLength(1);
    for (const id of c.ids) {
      const s = c.c(id).stats();
      expect(s.originRequests).toBe(id === owner ? 1 : 0);
      expect(s.objects).toBe(id === owner ? 1 : 0);
      expect(s.forwarded).toBe(id === owner ? 0 : 1);
    }
    expect(c.c(owner).stats()).toMatchObject({ peerServed: 2, misses: 1, hits: 2, notOwner: 0 });
    expect(c.connector.count({ kind: 'get' })).toBe(2);
    expect(c.connector.count({ kind: 'get', to: owner })).toBe(2);
  });

  it('3 members × 20 keys read through every member: exactly 20 origin GETs, and the counters add up', async () => {
    const c = await start({ ids: ['A', 'B', 'C'] });
    const keys = Array.from({ length: 20 }, (_, i) => `obj-${i}`);
    keys.forEach((k, i) => c.put(k, bytesOf(500 + i, i)));
    for (const via of c.ids) for (const k of keys) expect((await c.read(via, k)).status).toBe('ok');

    expect(c.originGets).toBe(20);
    for (const k of keys) expect(c.origin.getsOf(k)).toHaveLength(1);
    const stats = c.ids.map((id) => c.c(id).stats());
    // Every forwarded read was served by its owner: nothing bounced, nothing was lost.
    expect(sum(stats, 'forwarded')).toBe(sum(stats, 'peerServed'));
    expect(sum(stats, 'notOwner')).toBe(0);
    expect(sum(stats, 'forwarded')).toBe(c.connector.count({ kind: 'get' }));
    expect(sum(stats, 'originRequests')).toBe(20);
    // The applications' 60 reads: 20 missed (the first of each key), 40 hit.
    expect(sum(stats, 'misses') + sum(stats, 'hits') - sum(stats, 'peerServed')).toBe(60);
    for (const [i, id] of c.ids.entries()) {
      const mine = keys.filter((k) => c.ownerOf(k) === id).length;
      expect(stats[i]).toMatchObject({ forwarded: 20 - mine, peerServed: 2 * mine, objects: mine, replicaObjects: 0 });
      // Its 20 reads, each a hit or a miss wherever it was answered, and the 2 × mine it answered for peers.
      expect(stats[i]!.hits + stats[i]!.misses).toBe(20 + 2 * mine);
      expect(stats[i]!.bytesServed).toBe(keys.reduce((n, _, k) => n + 500 + k, 0) + keys.reduce((n, k, j) => n + (c.ownerOf(k) === id ? 2 * (500 + j) : 0), 0));
      expect(c.connector.count({ kind: 'get', to: id })).toBe(2 * mine);
    }
    // No forwarded read went anywhere but to the key's owner.
    for (const call of c.connector.calls) expect(call.to).toBe(c.ownerOf(call.keys[0]!));
  });

  it('concurrent reads of the same keys through every member coalesce at the owners: one origin GET per key', async () => {
    const c = await start({ ids: ['A', 'B', 'C'] });
    const keys = Array.from({ length: 10 }, (_, i) => `obj-${i}`);
    keys.forEach((k, i) => c.put(k, bytesOf(3000, 100 + i)));
    c.origin.chunkBytes = 700;
    // The origin answers only once every read has reached its owner: all of them overlap.
    const release = c.origin.holdGets();
    const reads = c.ids.flatMap((via) => keys.map((k) => c.read(via, k)));
    await until(() => c.connector.count({ kind: 'get', delivered: true }) === 20 && c.origin.waiting === keys.length, 'reads at their owners');
    release();
    const results = await within(Promise.all(reads), 5000, 'concurrent cluster reads');
    results.forEach((r, i) => expect(r.bytes.equals(bytesOf(3000, 100 + (i % keys.length)))).toBe(true));
    expect(c.originGets).toBe(keys.length);
    const stats = c.ids.map((id) => c.c(id).stats());
    // Every read missed, from its application's point of view (counted by the reader) and at the owner (its store's).
    expect(sum(stats, 'misses')).toBe(30 + sum(stats, 'peerServed'));
    expect(sum(stats, 'hits')).toBe(0);
    expect(stats.reduce((n, s) => n + s.coalesced, 0)).toBe(20);
  });
});

describe('forwarding rule under split views', () => {
  it('mutual beliefs ("A thinks B owns k, B thinks A owns k") cannot come from member lists alone', () => {
    // Consistent hashing: whoever of A and B has the first point after the key's hash wins in
    // every view that holds both. So with honest ids, split views form chains, never cycles;
    // the cycle needs a stale id at a reused address (tested below).
    const views = [['A', 'B'], ['A', 'B', 'C'], ['A', 'B', 'D'], ['A', 'B', 'C', 'D'], ['A', 'B', 'C', 'D', 'E']];
    const rings = views.map((v) => new HashRing(v.map((id) => ({ id }))));
    for (let i = 0; i < 3000; i++) {
      const owners = new Set(rings.map((r) => r.owner(storeKey(`k${i}`))).filter((o) => o === 'A' || o === 'B'));
      expect(owners.size).toBeLessThanOrEqual(1);
    }
  });

  it('a chain of beliefs (A: B owns k; B: C owns k) ends at B, which reads the origin and forwards nothing', async () => {
    const c = await start({ ids: ['A', 'B', 'C'], views: { A: ['A', 'B'], B: ['B', 'C'] } });
    const key = c.keyWhere((k) => c.ownerOf(k, 'A') === 'B' && c.ownerOf(k, 'B') === 'C');
    const data = bytesOf(1500, 3);
    c.put(key, data);
    for (let i = 1; i <= 2; i++) {
      const r = await within(c.read('A', key), 2000, 'read through A');
      expect(r).toMatchObject({ status: 'ok', source: 'pass-through' });
      expect(r.bytes.equals(data)).toBe(true);
      expect(c.c('A').stats()).toMatchObject({ forwarded: i, originRequests: 0 });
      expect(c.c('B').stats()).toMatchObject({ notOwner: i, peerServed: 0, forwarded: 0, originRequests: i, objects: 0 });
    }
    expect(c.origin.getsOf(key)).toHaveLength(2); // B reads it directly each time and keeps nothing
    expect(c.connector.summary()).toEqual({ 'get A→B': 2 });
    expect(c.c('C').stats()).toMatchObject({ peerServed: 0, notOwner: 0, originRequests: 0 });
  });

  it('different views that agree on the owner: the owner serves and caches the forwarded read', async () => {
    const c = await start({ ids: ['A', 'B', 'C'], views: { A: ['A', 'B'], B: ['B', 'C'] } });
    const key = c.keyWhere((k) => c.ownerOf(k, 'A') === 'B' && c.ownerOf(k, 'B') === 'B');
    c.put(key, 'x');
    expect(c.c('A').stats().ring.epoch).not.toBe(c.c('B').stats().ring.epoch);
    await c.read('A', key);
    expect((await c.read('A', key)).source).toBe('hit');
    expect(c.c('B').stats()).toMatchObject({ peerServed: 2, notOwner: 0, objects: 1, originRequests: 1 });
  });

  it('mutual beliefs through a reused address: reads through both ends terminate, nothing is forwarded twice, no single flight deadlocks', async () => {
    // A still lists X, whose address B now has; B thinks A owns k, A thinks X (reached at B) owns k.
    const X = { ...memberOf('X'), address: memberOf('B').address };
    const c = await start({ ids: ['A', 'B'], views: { A: ['A', X], B: ['A', 'B'] } });
    const key = c.keyWhere((k) => c.ownerOf(k, 'A') === 'X' && c.ownerOf(k, 'B') === 'A');
    const data = bytesOf(4000, 9);
    c.put(key, data);
    c.origin.chunkBytes = 1000;
    const reads = [...Array.from({ length: 3 }, () => c.read('A', key)), ...Array.from({ length: 3 }, () => c.read('B', key))];
    const results = await within(Promise.all(reads), 3000, 'reads through both ends of a cycle');
    for (const r of results) {
      expect(r).toMatchObject({ status: 'ok', source: 'pass-through' });
      expect(r.bytes.equals(data)).toBe(true);
    }
    // Each read crossed over exactly once and was answered there from the origin.
    expect(c.connector.summary()).toEqual({ 'get A→B': 3, 'get B→A': 3 });
    expect(c.c('A').stats()).toMatchObject({ forwarded: 3, notOwner: 3, peerServed: 0, objects: 0 });
    expect(c.c('B').stats()).toMatchObject({ forwarded: 3, notOwner: 3, peerServed: 0, objects: 0 });
    expect(c.origin.getsOf(key)).toHaveLength(6);
  });
});

describe('replicas of hot objects', () => {
  it.each([1, 2, 3])('with replicaMinReads %i: a replica after that many reads through a non-owner, then validated hits without the origin', async (minReads) => {
    const c = await start({ ids: ['A', 'B', 'C'], config: { replicaMinReads: minReads } });
    const [key] = c.keysOwnedBy('A', 1);
    const data = bytesOf(5000, 21);
    const meta = c.put(key!, data);
    for (let i = 1; i <= minReads; i++) {
      expect(c.c('B').stats().replicaObjects).toBe(0);
      expect((await c.read('B', key!)).bytes.equals(data)).toBe(true);
    }
    expect(c.c('B').stats()).toMatchObject({ replicaObjects: 1, forwarded: minReads, validations: 0 });
    for (let i = 1; i <= 3; i++) {
      const r = await c.read('B', key!);
      expect(r).toMatchObject({ status: 'ok', source: 'hit', etag: meta.etag });
      expect(r.bytes.equals(data)).toBe(true);
    }
    expect(c.c('B').stats()).toMatchObject({ replicaHits: 3, validations: 3, forwarded: minReads });
    expect(c.connector.count({ kind: 'validate', from: 'B', to: 'A' })).toBe(3);
    expect(c.connector.count({ kind: 'get' })).toBe(minReads);
    expect(c.originGets).toBe(1);
    expect(c.origin.heads).toBe(0);
    expect(c.c('C').stats().replicaObjects).toBe(0);
  });

  it('read-after-write: a write notified through a third member is seen by the replica holder on its next read', async () => {
    const c = await start({ ids: ['A', 'B', 'C'] });
    const [key] = c.keysOwnedBy('A', 1);
    const v1 = bytesOf(3000, 1);
    const v2 = bytesOf(3000, 2);
    c.put(key!, v1);
    for (let i = 0; i < 3; i++) await c.read('B', key!);
    expect(c.c('B').stats()).toMatchObject({ replicaObjects: 1, replicaHits: 1 });

    const meta2 = c.put(key!, v2);
    await c.c('C').notifyWrite(ref(key!), meta2.etag);
    expect(c.connector.count({ kind: 'notifyWrite', from: 'C', to: 'A', delivered: true })).toBe(1);
    expect(c.c('A').stats()).toMatchObject({ invalidations: 1, objects: 0 });
    // B validated its replica with A, so A recorded it as a holder and told it before answering C.
    expect(c.connector.count({ kind: 'changed', from: 'A', to: 'B', delivered: true })).toBe(1);
    expect(c.c('B').stats()).toMatchObject({ replicaObjects: 0, holderInvalidationsReceived: 1 });

    const after = await c.read('B', key!);
    expect(after).toMatchObject({ status: 'ok', etag: meta2.etag });
    expect(after.bytes.equals(v2)).toBe(true);
    // No replica left to validate: the new bytes came through the owner.
    expect(c.c('B').stats()).toMatchObject({ replicaHits: 1, validations: 1 });
    expect(c.c('A').stats().objects).toBe(1);
    // And the next read is a validated replica hit of the new version.
    const again = await c.read('B', key!);
    expect(again).toMatchObject({ source: 'hit', etag: meta2.etag });
    expect(again.bytes.equals(v2)).toBe(true);
    expect(c.c('B').stats().replicaHits).toBe(2);
    expect(c.origin.getsOf(key!).filter((g) => g.options.ifNoneMatch === undefined)).toHaveLength(2);
  });

  it('a write notified through the replica holder drops its replica at once', async () => {
    const c = await start({ ids: ['A', 'B'] });
    const [key] = c.keysOwnedBy('A', 1);
    c.put(key!, 'one');
    await c.read('B', key!);
    await c.read('B', key!);
    expect(c.c('B').stats().replicaObjects).toBe(1);
    const meta2 = c.put(key!, 'two');
    await c.c('B').notifyWrite(ref(key!), meta2.etag);
    expect(c.c('B').stats().replicaObjects).toBe(0);
    expect(c.c('A').stats().objects).toBe(0);
    expect((await c.read('B', key!)).bytes.toString()).toBe('two');
  });
});

describe('deletes', () => {
  it.each([
    ['the owner', 'A'],
    ['the replica holder', 'B'],
    ['a third member', 'C'],
  ])('an invalidation through %s: the owner drops it, every later read is not-found', async (_what, through) => {
    const c = await start({ ids: ['A', 'B', 'C'] });
    const [key] = c.keysOwnedBy('A', 1);
    c.put(key!, bytesOf(2000, 5));
    for (let i = 0; i < 3; i++) await c.read('B', key!);
    expect(c.c('A').stats().objects).toBe(1);
    expect(c.c('B').stats().replicaObjects).toBe(1);

    c.origin.delete(BUCKET, key!);
    const dropped = await c.c(through).invalidate([ref(key!)]);
    expect(dropped).toBe(through === 'A' ? 1 : 0);
    expect(c.c('A').stats()).toMatchObject({ objects: 0, invalidations: 1 });
    if (through !== 'A') expect(c.connector.count({ kind: 'invalidate', from: through, to: 'A', delivered: true })).toBe(1);

    expect(await c.read('B', key!)).toMatchObject({ status: 'not-found' });
    expect(c.c('B').stats().replicaObjects).toBe(0);
    expect(await c.read('C', key!)).toMatchObject({ status: 'not-found' });
    expect(await c.read('A', key!)).toMatchObject({ status: 'not-found' });
    expect(await c.read('B', key!)).toMatchObject({ status: 'not-found' });
  });

  it('a replica holder whose validation says not-found answers not-found without asking the origin itself', async () => {
    const c = await start({ ids: ['A', 'B'] });
    const [key] = c.keysOwnedBy('A', 1);
    c.put(key!, 'gone soon');
    await c.read('B', key!);
    await c.read('B', key!);
    // Deleted by a writer that bypasses the cache, and A's copy forgotten without a notice (as
    // an eviction would): B keeps its replica, and only the validation can tell it is gone.
    c.origin.delete(BUCKET, key!);
    c.c('A').clear();
    const gets = c.originGets;
    expect(await c.read('B', key!)).toMatchObject({ status: 'not-found' });
    expect(c.c('B').stats()).toMatchObject({ originRequests: 0, notFound: 1, replicaObjects: 0 });
    expect(c.connector.count({ kind: 'validate', from: 'B', to: 'A' })).toBe(1);
    expect(c.originGets).toBe(gets); // the owner asked with a HEAD, not a GET
    expect(c.origin.heads).toBe(1);
  });
});
