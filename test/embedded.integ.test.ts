/**
 * Embedded mode: `withFaast(client, { embedded })` runs a cachelet inside the application
 * process — the same engine — and it joins the same ring as faastd processes.
 */
import { GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import { NO_LATENCY_PROFILE, startS3Emulator, type S3Emulator } from '@faast/emulator';
import { closeFaastConnections, embeddedCachelet, nearCacheOf, withFaast } from '@faast/s3';
import { HashRing } from '@faast/core';
import { bytes } from './support/harness';
import { createCluster, freePort, type Cluster } from './support/cluster';

jest.setTimeout(60_000);

const BUCKET = 'faast-embedded';
let emulator: S3Emulator;

beforeAll(async () => {
  emulator = await startS3Emulator({ profile: NO_LATENCY_PROFILE, buckets: [BUCKET] });
});

afterAll(async () => {
  await emulator?.close();
});

afterEach(async () => {
  await closeFaastConnections();
});

const text = async (client: ReturnType<S3Emulator['client']>, Key: string) =>
  (await client.send(new GetObjectCommand({ Bucket: BUCKET, Key }))).Body!.transformToString();

it.each([
  ['the near cache', {}, { engineHits: 0, nearHits: 1 }],
  ['the engine (near cache off)', { nearCache: false as const }, { engineHits: 1, nearHits: undefined }],
])('a solo embedded cachelet serves hits from %s; writes are seen; errors are the SDK’s', async (_name, options, expected) => {
  const client = withFaast(emulator.client(), { embedded: { capacity: '16MiB' }, ...options });
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'solo.txt', Body: 'one' }));
  emulator.resetCounters();
  expect(await text(client, 'solo.txt')).toBe('one');
  expect(await text(client, 'solo.txt')).toBe('one');
  expect(emulator.requests().byMethod['GET']).toBe(1);
  expect(embeddedCachelet()!.stats()).toMatchObject({ hits: expected.engineHits, misses: 1, capacityBytes: 16 * 2 ** 20 });
  expect(nearCacheOf('embedded')?.counters.hits).toBe(expected.nearHits);
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'solo.txt', Body: 'two' }));
  expect(await text(client, 'solo.txt')).toBe('two');
  await expect(text(client, 'missing.txt')).rejects.toBeInstanceOf(NoSuchKey);
  client.destroy();
});

describe('an embedded cachelet in a ring with faastd processes', () => {
  let cluster: Cluster;

  afterEach(async () => {
    await cluster?.close();
  });

  it('objects read through the embedded instance are peer hits for the daemons, and the reverse', async () => {
    cluster = await createCluster({ size: 2, bucket: BUCKET, emulator, app: `emb${process.pid}` });
    const embeddedPeer = `127.0.0.1:${await freePort()}`;
    const members = `static:${[...cluster.nodes.map((n) => n.peer), embeddedPeer].join(',')}`;
    await Promise.all(cluster.nodes.map((_, i) => cluster.start(i, members)));
    const app = withFaast(emulator.client(), { embedded: { app: cluster.app, peerListen: embeddedPeer, members } });

    const keys = Array.from({ length: 9 }, (_, i) => `mixed/${i}`);
    for (const [i, Key] of keys.entries()) await emulator.client({ direct: true }).send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: bytes(2000 + i, i + 7) }));
    emulator.resetCounters();
    for (const Key of keys) await text(app, Key);
    for (const n of cluster.nodes) for (const Key of keys) await text(n.client, Key);
    expect(emulator.requests().byMethod['GET']).toBe(keys.length);

    const ring = new HashRing([...cluster.nodes.map((n) => ({ id: n.peer })), { id: embeddedPeer }]);
    const ownedByEmbedded = keys.filter((k) => ring.owner(`${BUCKET}/${k}`) === embeddedPeer).length;
    const engine = embeddedCachelet()!;
    expect(engine.stats().ring.members).toHaveLength(3);
    expect(engine.stats().objects).toBe(ownedByEmbedded);
    expect(engine.stats().peerServed).toBe(ownedByEmbedded * cluster.nodes.length);
    app.destroy();
  });
});
