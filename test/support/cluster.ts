/**
 * Several cachelet processes of one application on loopback, each with its own socket and
 * peer port, sharing one S3 emulator — the distributed cache as it runs on real instances.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { fetchStats, spawnCachelet, type SpawnedCachelet } from '@faast/cli';
import { NO_LATENCY_PROFILE, startS3Emulator, type S3Emulator } from '@faast/emulator';
import type { StatsReply__Output } from '@faast/rpc';
import { closeFaastConnections, withFaast , type FaastS3Options } from '@faast/s3';
import { daemonEnv } from './harness';

export interface Node {
  name: string;
  socket: string;
  peer: string;
  daemon: SpawnedCachelet | undefined;
  client: S3Client;
  stats(): Promise<StatsReply__Output>;
}

export interface Cluster {
  emulator: S3Emulator;
  bucket: string;
  app: string;
  nodes: Node[];
  /** Starts node `i` (again); `members` is the --members flag for it. */
  start(i: number, members: string): Promise<void>;
  stop(i: number): Promise<void>;
  kill(i: number): Promise<void>;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface ClusterOptions {
  size: number;
  app?: string;
  bucket?: string;
  /** Extra daemon flags for every node. */
  args?: string[];
  /** Options of every node's wrapped client (e.g. `{ nearCache: false }` to count every read at the cachelet). */
  faast?: Omit<FaastS3Options, 'socket'>;
  emulator?: S3Emulator;
}

export async function createCluster(options: ClusterOptions): Promise<Cluster> {
  const bucket = options.bucket ?? 'faast-cluster';
  const app = options.app ?? `it${process.pid}`;
  const emulator = options.emulator ?? (await startS3Emulator({ profile: NO_LATENCY_PROFILE, buckets: [bucket] }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faast-cluster-'));
  const nodes: Node[] = [];
  for (let i = 0; i < options.size; i++) {
    const socket = path.join(dir, `n${i}.sock`);
    nodes.push({
      name: `n${i}`,
      socket,
      peer: `127.0.0.1:${await freePort()}`,
      daemon: undefined,
      client: withFaast(emulator.client(), { socket, retryAfterMs: 100, ...options.faast }),
      stats: () => fetchStats(socket),
    });
  }
  const cluster: Cluster = {
    emulator,
    bucket,
    app,
    nodes,
    async start(i, members) {
      const n = nodes[i]!;
      n.daemon = await spawnCachelet({
        args: ['--app', app, '--origin', `s3://${bucket}`, '--endpoint', emulator.endpoint, '--socket', n.socket, '--checksums', 'when-required',
          '--log-level', 'warn', '--peer-listen', n.peer, '--members', members, ...(options.args ?? [])],
        env: daemonEnv(emulator),
      });
    },
    async stop(i) {
      await nodes[i]!.daemon?.stop();
      nodes[i]!.daemon = undefined;
    },
    async kill(i) {
      await nodes[i]!.daemon?.kill();
      nodes[i]!.daemon = undefined;
    },
    async close() {
      await closeFaastConnections();
      for (const n of nodes) n.client.destroy();
      await Promise.all(nodes.map((n) => n.daemon?.stop()));
      if (!options.emulator) await emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}

/** `static:` members of the given nodes. */
export function staticMembers(cluster: Cluster, indexes = cluster.nodes.map((_, i) => i)): string {
  return `static:${indexes.map((i) => cluster.nodes[i]!.peer).join(',')}`;
}
