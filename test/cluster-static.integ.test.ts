/**
 * One cache per app across its instances: several real cachelet processes with a static
 * member list. An object read through one instance is a peer hit for the others; writes
 * through any instance are seen by every later read; split views neither loop nor hang.
 */
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { HashRing } from '@faast/core';
import { bytes } from './support/harness';
import { createCluster, staticMembers, type Cluster } from './support/cluster';

jest.setTimeout(90_000);

let cluster: Cluster;

beforeAll(async () => {
  // Replicas and owners are under test: every read reaches a cachelet.
  cluster = await createCluster({ size: 3, faast: { nearCache: false } });
  const members = staticMembers(cluster);
  await Promise.all(cluster.nodes.map((_, i) => cluster.start(i, members)));
});

afterAll(async () => {
  await cluster?.close();
});

async function read(client: S3Client, Key: string): Promise<Buffer> {
  const out = await client.send(new GetObjectCommand({ Bucket: cluster.bucket, Key }));
  return Buffer.from(await out.Body!.transformToByteArray());
}

const gets = () => cluster.emulator.requests().byMethod['GET'] ?? 0;

describe('three cachelets, static members', () => {
  it('every node sees the same ring', async () => {
    const rings = await Promise.all(cluster.nodes.map(async (n) => (await n.stats()).ring!));
    expect(new Set(rings.map((r) => r.epoch)).size).toBe(1);
    expect(rings[0]!.members.map((m) => m.id).sort()).toEqual(cluster.nodes.map((n) => n.peer).sort());
  });

  it('an object read through one instance is a hit for the others: one origin read in total', async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `shared/${i}.bin`);
    const data = keys.map((_, i) => bytes(10_000 + i, i + 1));
    for (const [i, Key] of keys.entries()) await cluster.emulator.client({ direct: true }).send(new PutObjectCommand({ Bucket: cluster.bucket, Key, Body: data[i] }));
    cluster.emulator.resetCounters();
    for (const n of cluster.nodes) {
      for (const [i, Key] of keys.entries()) expect((await read(n.client, Key)).equals(data[i]!)).toBe(true);
    }
    expect(gets()).toBe(keys.length);
    const stats = await Promise.all(cluster.nodes.map((n) => n.stats()));
    const forwarded = stats.reduce((a, s) => a + s.forwarded, 0);
    const served = stats.reduce((a, s) => a + s.peerServed, 0);
    expect(forwarded).toBeGreaterThan(0);
    expect(served).toBe(forwarded);
    // Keys are spread over several owners.
    expect(stats.filter((s) => s.objects > 0).length).toBeGreaterThan(1);
  });

  it('read-after-write across instances, also for hot replicas', async () => {
    const Key = 'raw/object.txt';
    const [a, b, c] = cluster.nodes.map((n) => n.client) as [S3Client, S3Client, S3Client];
    await a.send(new PutObjectCommand({ Bucket: cluster.bucket, Key, Body: 'v0' }));
    for (let i = 0; i < 4; i++) for (const client of [a, b, c]) expect((await read(client, Key)).toString()).toBe('v0');
    for (let v = 1; v <= 5; v++) {
      const writer = [a, b, c][v % 3]!;
      await writer.send(new PutObjectCommand({ Bucket: cluster.bucket, Key, Body: `v${v}` }));
      for (const client of [a, b, c]) expect((await read(client, Key)).toString()).toBe(`v${v}`);
    }
    const stats = await Promise.all(cluster.nodes.map((n) => n.stats()));
    expect(stats.reduce((s, x) => s + x.replicaHits, 0)).toBeGreaterThan(0);
  });

  it('a write through one instance is pushed by the owner to the instance that read the key from it, before the write completes', async () => {
    const [writer, owner, holder] = cluster.nodes as [Cluster['nodes'][0], Cluster['nodes'][0], Cluster['nodes'][0]];
    const ring = new HashRing(cluster.nodes.map((n) => ({ id: n.peer })));
    let i = 0;
    while (ring.owner(`${cluster.bucket}/held/${i}.txt`) !== owner.peer) i++;
    const Key = `held/${i}.txt`;
    await cluster.emulator.client({ direct: true }).send(new PutObjectCommand({ Bucket: cluster.bucket, Key, Body: 'v1' }));
    expect((await read(holder.client, Key)).toString()).toBe('v1');
    const [ownerBefore, holderBefore] = await Promise.all([owner.stats(), holder.stats()]);

    await writer.client.send(new PutObjectCommand({ Bucket: cluster.bucket, Key, Body: 'v2' }));
    const [ownerAfter, holderAfter] = await Promise.all([owner.stats(), holder.stats()]);
    expect(Number(ownerAfter.holderInvalidationsSent) - Number(ownerBefore.holderInvalidationsSent)).toBe(1);
    expect(Number(holderAfter.holderInvalidationsReceived) - Number(holderBefore.holderInvalidationsReceived)).toBe(1);
    expect((await read(holder.client, Key)).toString()).toBe('v2');
  });

  it('read-after-write under concurrent readers: a read that starts after a write returns the new bytes', async () => {
    const Key = 'raw/concurrent.txt';
    const clients = cluster.nodes.map((n) => n.client);
    await clients[0]!.send(new PutObjectCommand({ Bucket: cluster.bucket, Key, Body: 'gen-0' }));
    let stop = false;
    let latest = 0;
    const problems: string[] = [];
    const readers = clients.map(async (client) => {
      while (!stop) {
        const floor = latest; // a version whose write completed before this read began
        const got = Number((await read(client, Key)).toString().slice(4));
        if (got < floor) problems.push(`read gen-${got} after gen-${floor} was written`);
      }
    });
    for (let g = 1; g <= 15; g++) {
      await clients[g % clients.length]!.send(new PutObjectCommand({ Bucket: cluster.bucket, Key, Body: `gen-${g}` }));
      latest = g;
      await new Promise((r) => setTimeout(r, 20));
    }
    stop = true;
    await Promise.all(readers);
    expect(problems).toEqual([]);
  });
});
