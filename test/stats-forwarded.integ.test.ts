/**
 * `faast stats` of a cachelet that reads through its owner: its forwarded reads are its own
 * hits and misses (by what the owner did), and their bytes are in its bytes served.
 */
import { spawnSync } from 'node:child_process';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { FAAST_BIN } from '@faast/cli';
import { formatBytes, HashRing } from '@faast/core';
import { createCluster, staticMembers, type Cluster } from './support/cluster';

jest.setTimeout(60_000);

let cluster: Cluster;

beforeAll(async () => {
  // No replicas: every read of a peer's key goes to its owner.
  // Every read reaches the cachelet: this is about its counters, not the near cache in front of it.
  cluster = await createCluster({ size: 2, args: ['--replica-share', '0'], faast: { nearCache: false } });
  await Promise.all([0, 1].map((i) => cluster.start(i, staticMembers(cluster))));
});

afterAll(async () => {
  await cluster?.close();
});

it('20 reads through the non-owner: 10 hits and 10 misses of its own, 20 forwarded, their bytes served', async () => {
  const [reader, owner] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
  const ring = new HashRing((await reader.stats()).ring!.members);
  const keys = Array.from({ length: 200 }, (_, i) => `fwd/${i}`).filter((k) => ring.owner(`${cluster.bucket}/${k}`) === owner.peer).slice(0, 10);
  expect(keys).toHaveLength(10);
  const plain = cluster.emulator.client();
  const sizes = keys.map((_, i) => 1000 + i);
  for (const [i, key] of keys.entries()) await plain.send(new PutObjectCommand({ Bucket: cluster.bucket, Key: key, Body: Buffer.alloc(sizes[i]!, i) }));

  // Each key twice: the first read makes the owner read the origin (a miss), the second is answered from its store (a hit).
  for (let pass = 0; pass < 2; pass++) {
    for (const key of keys) await (await reader.client.send(new GetObjectCommand({ Bucket: cluster.bucket, Key: key }))).Body!.transformToByteArray();
  }
  const bytes = 2 * sizes.reduce((a, b) => a + b, 0);
  expect(await reader.stats()).toMatchObject({ forwarded: 20, hits: 10, misses: 10, bytesServed: bytes, originRequests: 0, objects: 0, peerFallbacks: 0 });
  expect(await owner.stats()).toMatchObject({ peerServed: 20, originRequests: 10, objects: 10 });

  const table = spawnSync(process.execPath, [FAAST_BIN, 'stats', '--socket', reader.socket], { encoding: 'utf8' });
  expect(table.status).toBe(0);
  expect(table.stdout).toMatch(/^hits\s+10$/m);
  expect(table.stdout).toMatch(/^hit ratio\s+50\.0 %$/m);
  expect(table.stdout).toMatch(/^forwarded to owners\s+20 /m);
  expect(table.stdout).toMatch(new RegExp(`^bytes served\\s+${formatBytes(bytes)}$`, 'm'));
  expect(table.stdout).not.toMatch(/no answer/);
  const json = JSON.parse(spawnSync(process.execPath, [FAAST_BIN, 'stats', '--json', '--socket', reader.socket], { encoding: 'utf8' }).stdout) as Record<string, unknown>;
  expect(json).toMatchObject({ hits: 10, misses: 10, forwarded: 20, bytesServed: bytes, originHealthy: true });
});
