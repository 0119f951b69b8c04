/**
 * The cluster scenario's fixtures: several real `faast daemon` processes of one application
 * on loopback, joined in one ring by a static member list (peer gRPC over TCP), in front of
 * the emulated origin — the distributed cache as it runs on an application's instances.
 *
 * - {@link openClusterLatency}: three cachelets and keys chosen by owner, so that a read is a
 *   local hit, a peer hit or a replica hit by construction; its `cells()` are one run of the
 *   latency table.
 * - {@link runZipfPoint}: N fresh cachelets of a fixed capacity each, a seeded Zipf key
 *   stream read round-robin through their wrapped clients, and the origin requests it cost.
 *
 * Which cachelet owns a key is computed with the same {@link HashRing} the daemons build
 * (member ids = peer addresses; store key = `bucket/key`), and checked against the epoch
 * each daemon reports, so that a drift between the two fails loudly instead of mislabelling
 * rows.
 */
import { randomBytes } from 'node:crypto';
import * as net from 'node:net';
import * as path from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { fetchStats, spawnCachelet, type SpawnedCachelet } from '@faast/cli';
import { HashRing, resolveCacheletConfig } from '@faast/core';
import type { S3Emulator } from '@faast/emulator';
import type { StatsReply__Output } from '@faast/rpc';
import { closeFaastConnections, withFaast, type FaastEvent } from '@faast/s3';
import type { Operation } from './measure';
import type { ZipfWorkload } from './zipf';

/** The bucket of every object of the scenario. */
export const CLUSTER_BUCKET = 'faast-bench';

/** The object sizes of the latency table. */
export const CLUSTER_SIZES = [
  { label: '1 KiB', bytes: 1024 },
  { label: '1 MiB', bytes: 1024 * 1024 },
] as const;

export type ClusterSizeLabel = (typeof CLUSTER_SIZES)[number]['label'];

/** Calls in flight of the two columns of the latency table. */
export const CLUSTER_CONCURRENCY = [1, 16] as const;

/** What a row of the latency table measures. */
export type ClusterTarget = 'local' | 'peer' | 'replica' | 'origin';

/** Row names as printed. */
export const CLUSTER_TARGET_LABELS: Record<ClusterTarget, string> = {
  local: 'local hit (owner = this cachelet)',
  peer: 'peer hit (owner = another, gRPC/TCP)',
  replica: 'replica hit (+ Validate RPC)',
  origin: 'origin (S3, 15 ms, 90 MB/s)',
};

/** The id of a cell's figures in results, e.g. `peer|1 KiB|16`. */
export function clusterCellId(target: ClusterTarget, size: ClusterSizeLabel, concurrency: number): string {
  return `${target}|${size}|${concurrency}`;
}

/** Cachelets of the latency table. */
export const LATENCY_CACHELETS = 3;
/** Keys per target and size, read round-robin, so that 16 calls in flight do not all read one object. */
const KEYS_PER_CELL = 8;

/**
 * Who reads and who owns in each faast row (node indexes). n0 runs with `--replica-share 0`
 * so that its reads of other cachelets' keys stay peer hits however often they repeat; n1
 * keeps the default share, so its repeated reads become validated replica hits.
 */
export const ROLES: Record<Exclude<ClusterTarget, 'origin'>, { reader: number; owner: number }> = {
  local: { reader: 0, owner: 0 },
  peer: { reader: 0, owner: 2 },
  replica: { reader: 1, owner: 2 },
};

/** Per-cachelet flags beyond the common ones, by node index (the latency cluster). */
const LATENCY_NODE_ARGS: Record<number, string[]> = { 0: ['--replica-share', '0'] };

// ---------------------------------------------------------------------------------------------
// A group of cachelets

/** One cachelet of a group, and an S3 client of "its instance". */
export interface CacheletNode {
  index: number;
  /** The member id: its peer address `127.0.0.1:PORT`; `solo` for a cachelet without peers. */
  id: string;
  socket: string;
  daemon: SpawnedCachelet;
  /** A plain S3Client of the emulator, wrapped with withFaast on this cachelet's socket. */
  client: S3Client;
  stats(): Promise<StatsReply__Output>;
}

/** Cachelets started together, open until `close()`. */
export interface CacheletGroup {
  nodes: CacheletNode[];
  /** The ring the daemons built (checked against their epoch); one member for a solo cachelet. */
  ring: HashRing;
  /** The index of the node owning `key` (an object key of {@link CLUSTER_BUCKET}). */
  ownerOf(key: string): number;
  /** What the daemons wrote on stderr (warnings and errors), each line prefixed with its node. */
  log(): string;
  /** Destroys the clients, closes the interceptor's connections, stops the daemons. Idempotent. */
  close(): Promise<void>;
}

/** Options of {@link startCachelets}. */
export interface CacheletGroupOptions {
  emulator: S3Emulator;
  /** Where the sockets go (a temp dir the caller removes). */
  dir: string;
  /** Distinguishes the sockets of successive groups. */
  name: string;
  size: number;
  /** Flags for every daemon (after the common ones). */
  args?: string[];
  /** Flags for node `i` only. */
  argsOf?: (i: number) => string[];
  /** Join the nodes in one ring (`--peer-listen`, `--members static:…`). Default true; false needs size 1. */
  ring?: boolean;
  onEvent: (event: FaastEvent) => void;
}

/** A free TCP port on loopback (closed again at once; the daemon binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** The credentials and region the daemons (and any child process) use for the emulator. */
export function daemonEnv(emulator: S3Emulator): NodeJS.ProcessEnv {
  return {
    AWS_ACCESS_KEY_ID: emulator.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: emulator.credentials.secretAccessKey,
    AWS_REGION: emulator.region,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

/**
 * Starts `size` daemons (in parallel) and checks that they all built the ring this process
 * computes. On failure stops whatever started, and throws.
 */
export async function startCachelets(options: CacheletGroupOptions): Promise<CacheletGroup> {
  const joined = options.ring ?? true;
  if (!joined && options.size !== 1) throw new Error('startCachelets: only a single cachelet can run without a ring');
  const ids = joined ? await Promise.all(Array.from({ length: options.size }, async () => `127.0.0.1:${await freePort()}`)) : ['solo'];
  const members = `static:${ids.join(',')}`;
  const settled = await Promise.allSettled(
    ids.map((id, i) =>
      spawnCachelet({
        args: [
          '--app', 'bench', '--origin', `s3://${CLUSTER_BUCKET}`, '--endpoint', options.emulator.endpoint,
          '--socket', path.join(options.dir, `${options.name}-${i}.sock`), '--checksums', 'when-required', '--log-level', 'warn',
          ...(joined ? ['--peer-listen', id, '--members', members] : []),
          ...(options.args ?? []),
          ...(options.argsOf?.(i) ?? []),
        ],
        env: daemonEnv(options.emulator),
      }),
    ),
  );
  const daemons = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(daemons.map((d) => d.stop()));
    throw failed.reason;
  }

  const nodes: CacheletNode[] = daemons.map((daemon, index) => ({
    index,
    id: ids[index]!,
    socket: daemon.socket,
    daemon,
    client: withFaast(new S3Client(options.emulator.clientConfig()), { socket: daemon.socket, onEvent: options.onEvent }),
    stats: () => fetchStats(daemon.socket),
  }));
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      for (const n of nodes) n.client.destroy();
      await closeFaastConnections();
      await Promise.all(nodes.map((n) => n.daemon.stop()));
    })();
    return closing;
  };

  try {
    const ring = new HashRing(ids.map((id) => ({ id })));
    const index = new Map(ids.map((id, i) => [id, i]));
    if (joined) {
      for (const n of nodes) {
        const r = (await n.stats()).ring;
        if (r?.epoch !== ring.epoch) {
          throw new Error(`cachelet ${n.id} reports ring epoch ${r?.epoch ?? 'none'} (members ${r?.members.map((m) => m.id).join(',')}), the bench computed ${ring.epoch}`);
        }
      }
    }
    return {
      nodes,
      ring,
      ownerOf: (key) => index.get(ring.owner(`${CLUSTER_BUCKET}/${key}`)!)!,
      log: () =>
        nodes
          .flatMap((n) => n.daemon.stderr().split('\n').filter((l) => l.trim()).map((l) => `[n${n.index}] ${l}`))
          .join('\n'),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Reads and seeding

/** A GetObject read to the end of its body; checks the length, so that a short or failed read cannot pass for a fast one. */
export async function readS3(client: S3Client, key: string, expected: number): Promise<void> {
  const out = await client.send(new GetObjectCommand({ Bucket: CLUSTER_BUCKET, Key: key }));
  const bytes = await out.Body!.transformToByteArray();
  if (bytes.length !== expected) throw new Error(`GetObject ${key}: ${bytes.length} bytes, expected ${expected}`);
}

/** Writes objects straight to the emulator (not through the profile, not counted), `concurrency` at a time. */
export async function seedObjects(emulator: S3Emulator, objects: ReadonlyArray<{ key: string; body: () => Buffer }>, concurrency = 8): Promise<void> {
  const client = emulator.client({ direct: true });
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < objects.length) {
        const o = objects[next++]!;
        await client.send(new PutObjectCommand({ Bucket: CLUSTER_BUCKET, Key: o.key, Body: o.body() }));
      }
    }),
  );
}

function roundRobin(keys: readonly string[]): () => string {
  let i = 0;
  return () => keys[i++ % keys.length]!;
}

// ---------------------------------------------------------------------------------------------
// Counters

/** The cachelet counters a cell is checked with. */
export const COUNTERS = ['hits', 'misses', 'forwarded', 'peerServed', 'replicaHits', 'validations', 'peerErrors', 'peerFallbacks', 'notOwner', 'originRequests', 'evictions'] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;

export function pickCounters(s: StatsReply__Output): Counters {
  return Object.fromEntries(COUNTERS.map((c) => [c, Number(s[c])])) as Counters;
}

export function diffCounters(after: Counters, before: Counters): Counters {
  return Object.fromEntries(COUNTERS.map((c) => [c, after[c] - before[c]])) as Counters;
}

export function sumCounters(list: readonly Counters[]): Counters {
  return Object.fromEntries(COUNTERS.map((c) => [c, list.reduce((a, x) => a + x[c], 0)])) as Counters;
}

// ---------------------------------------------------------------------------------------------
// The latency table

/** One measurement of a run: a target, a size, a number of calls in flight. */
export interface ClusterCell {
  target: ClusterTarget;
  size: ClusterSizeLabel;
  concurrency: number;
  op: Operation;
}

/** The three cachelets of the latency table, their keys and clients, open until `close()`. */
export interface ClusterLatency {
  /** The cells of one run of the table, in the order they should run. */
  cells(): ClusterCell[];
  /** Member ids by node index, the ring epoch, and each node's role and flags. */
  readonly topology: {
    members: string[];
    epoch: string;
    nodes: Array<{ node: string; id: string; extraArgs: string[] }>;
    roles: typeof ROLES;
    keysPerCell: number;
  };
  /** Every cachelet's counters, by node index. */
  counters(): Promise<Counters[]>;
  /** Requests that reached the origin so far. */
  originRequests(): number;
  /** The daemons' stderr (warnings and errors). */
  log(): string;
  close(): Promise<void>;
}

/**
 * Starts three cachelets, picks for each size 8 keys owned by n0 (local), 8 owned by n2 read
 * through n0 (peer) and 8 more owned by n2 read through n1 (replica), writes them to the
 * origin and warms them: local and peer keys once (the owner fills), replica keys three times
 * through n1 (two forwarded reads make the key hot, the second one's body becomes the
 * replica; the third is a replica hit). Then checks the cachelets hold what the rows assume.
 */
export async function openClusterLatency(emulator: S3Emulator, dir: string, onEvent: (e: FaastEvent) => void): Promise<ClusterLatency> {
  const group = await startCachelets({
    emulator,
    dir,
    name: 'latency',
    size: LATENCY_CACHELETS,
    args: ['--capacity', '256MiB'],
    argsOf: (i) => LATENCY_NODE_ARGS[i] ?? [],
    onEvent,
  });
  try {
    const objects = CLUSTER_SIZES.map((size) => {
      const keys: Record<Exclude<ClusterTarget, 'origin'>, string[]> = { local: [], peer: [], replica: [] };
      const origin: string[] = [];
      for (let i = 0; origin.length < KEYS_PER_CELL || Object.values(keys).some((k) => k.length < KEYS_PER_CELL); i++) {
        const key = `cluster/${size.bytes}/${i}`;
        const owner = group.ownerOf(key);
        // The origin row gets keys of its own: no cachelet ever reads them.
        const list = [keys.local, keys.peer, keys.replica, origin].find((l, j) =>
          l.length < KEYS_PER_CELL && (j === 3 || owner === ROLES[(['local', 'peer', 'replica'] as const)[j]!].owner),
        );
        list?.push(key);
        if (i > 100_000) throw new Error('could not find keys for every owner');
      }
      // Random bytes: nothing on the way can compress them.
      return { size, keys, origin, body: randomBytes(size.bytes) };
    });
    await seedObjects(
      emulator,
      objects.flatMap((o) => [...o.keys.local, ...o.keys.peer, ...o.keys.replica, ...o.origin].map((key) => ({ key, body: () => o.body }))),
    );

    const client = (target: Exclude<ClusterTarget, 'origin'>): S3Client => group.nodes[ROLES[target].reader]!.client;
    for (const o of objects) {
      const n = o.body.length;
      for (const key of o.keys.local) await readS3(client('local'), key, n);
      for (const key of o.keys.peer) await readS3(client('peer'), key, n);
      for (let pass = 0; pass < 3; pass++) for (const key of o.keys.replica) await readS3(client('replica'), key, n);
    }
    const stats = await Promise.all(group.nodes.map((n) => n.stats()));
    const wantOwned = (node: number): number =>
      (Object.keys(ROLES) as Array<keyof typeof ROLES>).filter((t) => ROLES[t].owner === node).length * KEYS_PER_CELL * CLUSTER_SIZES.length;
    const problems: string[] = [];
    stats.forEach((s, i) => {
      if (Number(s.objects) !== wantOwned(i)) problems.push(`n${i} holds ${s.objects} owned objects, expected ${wantOwned(i)}`);
    });
    const replicas = KEYS_PER_CELL * CLUSTER_SIZES.length;
    if (Number(stats[ROLES.peer.reader]!.replicaObjects) !== 0) problems.push(`the peer-hit reader n${ROLES.peer.reader} holds replicas`);
    if (Number(stats[ROLES.replica.reader]!.replicaObjects) !== replicas) {
      problems.push(`the replica reader n${ROLES.replica.reader} holds ${stats[ROLES.replica.reader]!.replicaObjects} replicas, expected ${replicas}`);
    }
    if (problems.length) throw new Error(`warm-up did not give the expected placement: ${problems.join('; ')}`);

    const origin = emulator.client();
    const cells = (): ClusterCell[] => {
      const list: ClusterCell[] = [];
      for (const o of objects) {
        const n = o.body.length;
        const ops: Record<ClusterTarget, Operation> = {
          local: ((next) => () => readS3(client('local'), next(), n))(roundRobin(o.keys.local)),
          peer: ((next) => () => readS3(client('peer'), next(), n))(roundRobin(o.keys.peer)),
          replica: ((next) => () => readS3(client('replica'), next(), n))(roundRobin(o.keys.replica)),
          origin: ((next) => () => readS3(origin, next(), n))(roundRobin(o.origin)),
        };
        for (const target of ['local', 'peer', 'replica', 'origin'] as const) {
          for (const concurrency of CLUSTER_CONCURRENCY) list.push({ target, size: o.size.label, concurrency, op: ops[target] });
        }
      }
      return list;
    };

    return {
      cells,
      topology: {
        members: group.nodes.map((n) => n.id),
        epoch: group.ring.epoch,
        nodes: group.nodes.map((n) => ({ node: `n${n.index}`, id: n.id, extraArgs: LATENCY_NODE_ARGS[n.index] ?? [] })),
        roles: ROLES,
        keysPerCell: KEYS_PER_CELL,
      },
      counters: async () => (await Promise.all(group.nodes.map((n) => n.stats()))).map(pickCounters),
      originRequests: () => emulator.requests().total,
      log: () => group.log(),
      close: () => group.close(),
    };
  } catch (err) {
    await group.close();
    throw err;
  }
}

/**
 * Whether a faast cell measured what its row says, from the counters' change over the cell
 * (warm-up included, so the counts are at least `ops`); a list of problems, empty when fine.
 */
export function checkCell(target: ClusterTarget, ops: number, delta: Counters[], originRequests: number): string[] {
  if (target === 'origin') return [];
  const { reader, owner } = ROLES[target];
  const r = delta[reader]!;
  const problems: string[] = [];
  const expect = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  expect(originRequests === 0, `${originRequests} origin request(s)`);
  expect(r.peerFallbacks === 0 && r.peerErrors === 0, `n${reader}: ${r.peerErrors} peer error(s), ${r.peerFallbacks} fallback(s) to the origin`);
  switch (target) {
    case 'local':
      expect(r.hits >= ops && r.misses === 0 && r.forwarded === 0, `n${reader}: ${r.hits} hits, ${r.misses} misses, ${r.forwarded} forwarded for ${ops} local reads`);
      break;
    case 'peer':
      expect(r.forwarded >= ops && r.replicaHits === 0, `n${reader}: ${r.forwarded} forwarded, ${r.replicaHits} replica hits for ${ops} peer reads`);
      expect(delta[owner]!.peerServed >= ops && delta[owner]!.misses === 0, `n${owner}: ${delta[owner]!.peerServed} served for peers, ${delta[owner]!.misses} misses`);
      break;
    case 'replica':
      expect(r.replicaHits >= ops && r.forwarded === 0, `n${reader}: ${r.replicaHits} replica hits, ${r.forwarded} forwarded for ${ops} replica reads`);
      break;
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Origin requests of a Zipf stream

/** What one cluster size of the capacity experiment measured. */
export interface ZipfPoint {
  cachelets: number;
  /** `--capacity` of each cachelet, bytes. */
  capacityPerCacheletBytes: number;
  /** cachelets × capacity. */
  combinedCapacityBytes: number;
  /** The part of the combined capacity for owned objects (with peers, each cachelet keeps its replica share for replicas). */
  ownedCapacityBytes: number;
  /** The replica share of each cachelet (0 for a solo cachelet: no peers, no replicas). */
  replicaShare: number;
  reads: number;
  elapsedMs: number;
  /** Requests that reached the emulated origin during the reads (its counters). */
  originRequests: number;
  originByMethod: Record<string, number>;
  originBytesOut: number;
  /** Reads answered without an origin request: 1 − originRequests / reads. */
  hitRatio: number;
  originRequestsPer1000Reads: number;
  /** The cachelets' own counters over the reads, summed. */
  counters: Counters;
  /** What the cachelets hold at the end, summed. */
  held: { objects: number; bytesUsed: number; replicaObjects: number; replicaBytes: number };
}

/** Options of {@link runZipfPoint}. */
export interface ZipfPointOptions {
  emulator: S3Emulator;
  dir: string;
  workload: ZipfWorkload;
  cachelets: number;
  capacityBytes: number;
  onEvent: (e: FaastEvent) => void;
  /** Called after every read (progress); may throw to stop the stream (the cachelets are stopped all the same). */
  onRead?: () => void;
  /** Receives the daemons' stderr before they stop. */
  onLog?: (log: string) => void;
}

/**
 * Starts `cachelets` fresh cachelets (one alone runs solo, as a single instance would: no
 * `--members`), reads the whole stream one read at a time, round-robin over their wrapped
 * clients, counts the origin requests, and stops them. One read at a time keeps the counts
 * nearly repeatable (the same seed gives the same sequence of reads; runs have differed by a
 * few requests out of hundreds with peers, none for a single cachelet).
 */
export async function runZipfPoint(options: ZipfPointOptions): Promise<ZipfPoint> {
  const { emulator, workload, cachelets, capacityBytes } = options;
  const group = await startCachelets({
    emulator,
    dir: options.dir,
    name: `zipf${cachelets}`,
    size: cachelets,
    ring: cachelets > 1,
    args: ['--capacity', String(capacityBytes)],
    onEvent: options.onEvent,
  });
  try {
    emulator.resetCounters();
    const before = (await Promise.all(group.nodes.map((n) => n.stats()))).map(pickCounters);
    const t0 = performance.now();
    for (let i = 0; i < workload.reads.length; i++) {
      const k = workload.reads[i]!;
      await readS3(group.nodes[i % cachelets]!.client, workload.keys[k]!, workload.sizes[k]!);
      options.onRead?.();
    }
    const elapsedMs = performance.now() - t0;
    const origin = emulator.requests();
    const stats = await Promise.all(group.nodes.map((n) => n.stats()));
    const counters = sumCounters(stats.map((s, i) => diffCounters(pickCounters(s), before[i]!)));
    const replicaShare = cachelets > 1 ? resolveCacheletConfig({ capacityBytes }).replicaShare : 0;
    const reads = workload.reads.length;
    options.onLog?.(group.log());
    return {
      cachelets,
      capacityPerCacheletBytes: capacityBytes,
      combinedCapacityBytes: cachelets * capacityBytes,
      ownedCapacityBytes: cachelets * (capacityBytes - Math.floor(capacityBytes * replicaShare)),
      replicaShare,
      reads,
      elapsedMs,
      originRequests: origin.total,
      originByMethod: origin.byMethod,
      originBytesOut: origin.bytesOut,
      hitRatio: 1 - origin.total / reads,
      originRequestsPer1000Reads: (1000 * origin.total) / reads,
      counters,
      held: {
        objects: stats.reduce((a, s) => a + Number(s.objects), 0),
        bytesUsed: stats.reduce((a, s) => a + Number(s.bytesUsed), 0),
        replicaObjects: stats.reduce((a, s) => a + Number(s.replicaObjects), 0),
        replicaBytes: stats.reduce((a, s) => a + Number(s.replicaBytes), 0),
      },
    };
  } finally {
    await group.close();
  }
}
