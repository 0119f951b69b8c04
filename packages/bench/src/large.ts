/**
 * The large-object scenario's fixtures and measurements: one object much larger than the
 * chunk threshold at the emulated origin (90 MB/s per connection, 15 ms to first byte), read
 * whole — with the plain S3 client over one connection, and through 1, 2 or 4 fresh
 * cachelets (cold: their chunks come from the origin, a window of them in parallel, each by
 * its owner; warm: the same read again).
 *
 * - The origin and the reader each run in a child process of their own ({@link OriginProcess},
 *   large-origin.ts; {@link ReaderProcess}, large-reader.ts): the reader's peak RSS, CPU and
 *   GC pauses are those of a lean application, not of the process orchestrating the benchmark.
 * - Every read hashes the body as it streams (nothing holds the object) and checks length and
 *   digest against what was written.
 * - Around every read: each process's peak RSS (VmHWM of /proc/PID/status, reset before the
 *   read through /proc/PID/clear_refs), CPU time (/proc/PID/stat; the reader's own from
 *   process.cpuUsage() inside it), bytes through read/write system calls (/proc/PID/io: rchar,
 *   wchar — socket I/O included), the origin's request counters and the cachelets' counters.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { fetchStats, spawnCachelet, type SpawnedCachelet } from '@faast/cli';
import type { RemoteProfile, RequestCounts } from '@faast/emulator';
import type { StatsReply__Output } from '@faast/rpc';
import type { FaastEvent } from '@faast/s3';
import type { OriginMessage, OriginRequest } from './large-origin';
import { digester, StallError, type ExpectedObject, type HashAlgorithm, type RangedRead, type ReaderMessage, type ReaderRead, type ReaderReply, type ReaderRequest } from './large-reader';

// For the package's index: these live in large-reader.ts, the only module of ours the reader process loads.
export { readHashed, STALL_MS, StallError, type HashAlgorithm } from './large-reader';

/** The bucket and key of the object. */
export const LARGE_BUCKET = 'faast-bench-large';
export const LARGE_KEY = 'large/object.bin';

// ---------------------------------------------------------------------------------------------
// /proc

/** USER_HZ: the unit of utime and stime in /proc/PID/stat (100 on Linux everywhere in practice). */
const CLOCK_TICKS_PER_SEC = 100;

/** What /proc says about one process at one moment; fields are undefined where /proc is not readable. */
export interface ProcSample {
  /** CPU time, user + system, µs. */
  cpuUs: number | undefined;
  /** Bytes passed to read-like system calls (sockets, files, pipes): /proc/PID/io rchar. */
  rchar: number | undefined;
  /** Bytes passed to write-like system calls: /proc/PID/io wchar. */
  wchar: number | undefined;
  /** Peak resident set size since start or the last reset (VmHWM), bytes. */
  peakRssBytes: number | undefined;
  /** Resident set size now (VmRSS), bytes. */
  rssBytes: number | undefined;
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

function kibField(text: string | undefined, name: string): number | undefined {
  const m = text ? new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text) : null;
  return m ? Number(m[1]) * 1024 : undefined;
}

function ioField(text: string | undefined, name: string): number | undefined {
  const m = text ? new RegExp(`^${name}: (\\d+)`, 'm').exec(text) : null;
  return m ? Number(m[1]) : undefined;
}

/** utime + stime of /proc/PID/stat, µs (the command field may hold spaces: parse after its ')'). */
function statCpuUs(pid: number): number | undefined {
  const stat = readProc(pid, 'stat');
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command: state is field 3 of the man page, utime 14, stime 15.
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? ((utime + stime) * 1e6) / CLOCK_TICKS_PER_SEC : undefined;
}

/** A sample of process `pid`. */
export function sampleProc(pid: number): ProcSample {
  const status = readProc(pid, 'status');
  const io = readProc(pid, 'io');
  return {
    cpuUs: statCpuUs(pid),
    rchar: ioField(io, 'rchar'),
    wchar: ioField(io, 'wchar'),
    peakRssBytes: kibField(status, 'VmHWM'),
    rssBytes: kibField(status, 'VmRSS'),
  };
}

/** Resets the peak RSS of `pid` to its current RSS (`echo 5 > /proc/PID/clear_refs`); false when not allowed. */
export function resetPeakRss(pid: number | 'self'): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** What one process did during a read: CPU, system-call bytes, peak RSS. */
export interface ProcFigures {
  cpuMs: number | undefined;
  rcharBytes: number | undefined;
  wcharBytes: number | undefined;
  /** Peak RSS during the read (VmHWM after a reset just before it), bytes. */
  peakRssBytes: number | undefined;
  /** RSS just before the read, bytes. */
  rssBeforeBytes: number | undefined;
  /** Whether the peak was reset before the read (else it is the peak since the process started). */
  peakReset: boolean;
}

function diffProc(before: ProcSample, after: ProcSample, peakReset: boolean): ProcFigures {
  const d = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined || b === undefined ? undefined : a - b);
  const cpu = d(after.cpuUs, before.cpuUs);
  return {
    cpuMs: cpu === undefined ? undefined : cpu / 1000,
    rcharBytes: d(after.rchar, before.rchar),
    wcharBytes: d(after.wchar, before.wchar),
    peakRssBytes: after.peakRssBytes,
    rssBeforeBytes: before.rssBytes,
    peakReset,
  };
}

/** CPU time of the whole machine (every process, every vCPU): /proc/stat's first line, ms. */
export interface MachineCpu {
  busyMs: number;
  /** Time the hypervisor gave our vCPUs to someone else. */
  stealMs: number;
}

export function sampleMachine(): MachineCpu | undefined {
  let line: string | undefined;
  try {
    line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
  } catch {
    return undefined;
  }
  if (!line?.startsWith('cpu ')) return undefined;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  if ([user, nice, system, idle, iowait, irq, softirq, steal].some((v) => v === undefined || !Number.isFinite(v))) return undefined;
  const tick = 1000 / CLOCK_TICKS_PER_SEC;
  return { busyMs: (user! + nice! + system! + irq! + softirq!) * tick, stealMs: steal! * tick };
}

// ---------------------------------------------------------------------------------------------
// The origin, in a child process

/** The emulated origin running in a child process (see large-origin.ts). */
export class OriginProcess {
  private waiting: Array<(counts: RequestCounts) => void> = [];
  private exited = false;
  private readonly exit: Promise<void>;

  private constructor(
    readonly child: ChildProcess,
    readonly endpoint: string,
    /** For clients through the profile (15 ms, 90 MB/s per connection). */
    readonly clientConfig: S3ClientConfig,
    /** For clients straight to s3rver (seeding). */
    readonly directClientConfig: S3ClientConfig,
    readonly credentials: { accessKeyId: string; secretAccessKey: string },
    readonly region: string,
  ) {
    this.exit = new Promise((resolve) => child.once('exit', () => resolve()));
    void this.exit.then(() => {
      this.exited = true;
      for (const w of this.waiting.splice(0)) w({ total: Number.NaN, byMethod: {}, bytesOut: Number.NaN, byBucket: {} });
    });
    child.on('message', (m: OriginMessage) => {
      if (m.op === 'counters') this.waiting.shift()?.(m.counts);
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Forks large-origin.js and waits until the emulator listens. */
  static async start(bucket: string, timeoutMs = 15_000): Promise<OriginProcess> {
    const child = fork(path.join(__dirname, 'large-origin.js'), [bucket], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      execArgv: [],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      const ready = await new Promise<Extract<OriginMessage, { op: 'ready' }>>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the origin process did not start within ${timeoutMs} ms: ${stderr.trim()}`)), timeoutMs);
        child.once('exit', (code) => reject(new Error(`the origin process exited with code ${code}: ${stderr.trim()}`)));
        child.on('message', (m: OriginMessage) => {
          if (m.op === 'ready') {
            clearTimeout(timer);
            resolve(m);
          } else if (m.op === 'error') {
            clearTimeout(timer);
            reject(new Error(`the origin process failed: ${m.message}`));
          }
        });
      });
      return new OriginProcess(child, ready.endpoint, ready.clientConfig, ready.directClientConfig, ready.credentials, ready.region);
    } catch (err) {
      child.kill('SIGKILL');
      throw err;
    }
  }

  /** The origin's request counters (since it started). */
  counters(): Promise<RequestCounts> {
    if (this.exited) return Promise.reject(new Error('the origin process has exited'));
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.child.send({ op: 'counters' } satisfies OriginRequest);
    });
  }

  /** Asks the child to close the emulator and exit; SIGKILL after `graceMs`. Idempotent. */
  async close(graceMs = 5000): Promise<void> {
    if (this.exited) return;
    if (this.child.connected) this.child.send({ op: 'close' } satisfies OriginRequest);
    else this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exit;
    clearTimeout(timer);
  }
}

/** The credentials and region the daemons use for the origin. */
function daemonEnv(origin: OriginProcess): NodeJS.ProcessEnv {
  return {
    AWS_ACCESS_KEY_ID: origin.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: origin.credentials.secretAccessKey,
    AWS_REGION: origin.region,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

// ---------------------------------------------------------------------------------------------
// The object

/** What was written to the origin. */
export interface LargeObject {
  key: string;
  bytes: number;
  etag: string;
  /** Digest of the bytes with the scenario's hash. */
  digest: string;
  putMs: number;
}

/**
 * Writes `bytes` random bytes (generated and hashed 1 MiB at a time, never held whole) straight
 * to s3rver — not through the profile — as one streamed PutObject.
 */
export async function putLargeObject(origin: OriginProcess, bytes: number, algorithm: HashAlgorithm, onBytes?: (n: number) => void): Promise<LargeObject> {
  const { randomBytes } = await import('node:crypto');
  const hash = digester(algorithm);
  const block = 2 ** 20;
  async function* generate(): AsyncGenerator<Buffer> {
    for (let at = 0; at < bytes; at += block) {
      const b = randomBytes(Math.min(block, bytes - at));
      hash.update(b);
      onBytes?.(b.length);
      yield b;
    }
  }
  const client = new S3Client(origin.directClientConfig);
  try {
    const t0 = performance.now();
    const out = await client.send(
      new PutObjectCommand({ Bucket: LARGE_BUCKET, Key: LARGE_KEY, Body: Readable.from(generate(), { objectMode: false }), ContentLength: bytes }),
    );
    return { key: LARGE_KEY, bytes, etag: out.ETag ?? '', digest: hash.digest(), putMs: performance.now() - t0 };
  } finally {
    client.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// The reader, in a child process

/**
 * The reader running in a child process of its own (see large-reader.ts), started once for the
 * whole benchmark; requests go one at a time. Its pid is measured like the cachelets'.
 */
export class ReaderProcess {
  private readonly waiting: Array<{ resolve: (m: ReaderMessage) => void; reject: (err: Error) => void }> = [];
  /** Set once the process has exited. */
  private exited: Error | undefined;
  private readonly exit: Promise<void>;
  private stderr = '';

  private constructor(
    readonly child: ChildProcess,
    /** Of the plain client the reader opens (the origin through the profile). */
    private readonly clientConfig: S3ClientConfig,
    onEvent: (e: FaastEvent) => void,
  ) {
    child.stderr?.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exit = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exited = new Error(`the reader process exited (${signal ?? `code ${code}`})${this.stderr.trim() ? `: ${this.stderr.trim()}` : ''}`);
        for (const w of this.waiting.splice(0)) w.reject(this.exited);
        resolve();
      }),
    );
    child.on('message', (m: ReaderMessage) => {
      if (m.op === 'event') onEvent(m.event);
      else this.waiting.shift()?.resolve(m);
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  /**
   * Forks large-reader.js and waits until it is loaded. `clientConfig`: of the origin, for
   * every client it opens; `onEvent` receives the interceptor's events.
   */
  static async start(clientConfig: S3ClientConfig, onEvent: (e: FaastEvent) => void, timeoutMs = 15_000): Promise<ReaderProcess> {
    const child = fork(path.join(__dirname, 'large-reader.js'), [], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      execArgv: [],
    });
    const reader = new ReaderProcess(child, clientConfig, onEvent);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        reader.reply(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`the reader process did not start within ${timeoutMs} ms: ${reader.stderr.trim()}`)), timeoutMs))),
      ]);
      return reader;
    } catch (err) {
      child.kill('SIGKILL');
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The next message that is not an event. */
  private reply(): Promise<ReaderMessage> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Sends `m` and waits for its answer, one of `want`; a `failed` answer is thrown. */
  private async request<Op extends ReaderReply['op']>(m: ReaderRequest, ...want: Op[]): Promise<Extract<ReaderReply, { op: Op }>> {
    const reply = this.reply();
    this.child.send(m, () => undefined); // A closed channel: the exit rejects the reply.
    const r = await reply;
    if (r.op === 'failed') throw new Error(r.message);
    if (!(want as string[]).includes(r.op)) throw new Error(`the reader process answered '${m.op}' with '${r.op}'`);
    return r as Extract<ReaderReply, { op: Op }>;
  }

  /**
   * A new client in the reader: a plain S3Client of the origin, wrapped with withFaast on
   * `socket` if given. The previous one is destroyed and its cachelet connections closed.
   */
  async open(socket?: string): Promise<void> {
    await this.request({ op: 'open', config: this.clientConfig, ...(socket === undefined ? {} : { socket }) }, 'done');
  }

  /** Destroys the reader's client and closes its cachelet connections (nothing to do once the process has exited). */
  async release(): Promise<void> {
    if (!this.exited) await this.request({ op: 'release' }, 'done');
  }

  /**
   * Reads `object` with the open client, checking length and digest — in one GetObject, or with
   * `ranged` in ranged GetObjects of a chunk each, a window at a time; throws a {@link StallError}
   * when the read stalled.
   */
  async read(object: LargeObject, algorithm: HashAlgorithm, ranged?: RangedRead): Promise<ReaderRead> {
    const expected: ExpectedObject = { bucket: LARGE_BUCKET, key: object.key, bytes: object.bytes, digest: object.digest };
    const r = await this.request({ op: 'read', object: expected, algorithm, ...(ranged ? { ranged } : {}) }, 'read', 'stalled');
    if (r.op === 'stalled') throw new StallError(r.bytes, r.lastByteMs);
    return { read: r.read, cpuMs: r.cpuMs, gc: r.gc };
  }

  /** How fast the reader hashes with `algorithm`, MB/s (see hashRate of large-reader.ts). */
  async hashRate(algorithm: HashAlgorithm): Promise<number> {
    return (await this.request({ op: 'hash-rate', algorithm }, 'hash-rate')).mbPerSec;
  }

  /** Asks the child to release its client and exit; SIGKILL after `graceMs`. Idempotent. */
  async close(graceMs = 5000): Promise<void> {
    if (this.exited) return;
    if (this.child.connected) this.child.send({ op: 'close' } satisfies ReaderRequest, () => undefined);
    else this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exit;
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// A group of cachelets

/** A free TCP port on loopback (closed again at once; the daemon binds it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface LargeNode {
  index: number;
  /** Peer address, or `solo`. */
  id: string;
  daemon: SpawnedCachelet;
  pid: number;
  stats(): Promise<StatsReply__Output>;
}

/** Fresh cachelets of one cell; the reader reads through n0. */
export interface LargeGroup {
  nodes: LargeNode[];
  /**
   * Gives the reader a new client on a new connection to n0 (after an abandoned read: the
   * interceptor may have counted it as a fault and bypass the cache for a while).
   */
  resetReader(): Promise<void>;
  log(): string;
  close(): Promise<void>;
}

export interface LargeGroupOptions {
  origin: OriginProcess;
  dir: string;
  name: string;
  size: number;
  /** `--capacity` of each cachelet, bytes. */
  capacityBytes: number;
  /** `--read-ahead` of each cachelet; undefined: the daemon's default. */
  readAhead: number | undefined;
  /** Options of each daemon's node process (e.g. `--require` of a preload). */
  nodeArgs?: string[];
  /** Opened on n0's socket (a client of the origin wrapped with withFaast) once the ring is up; released before the daemons stop. */
  reader: ReaderProcess;
}

/**
 * Starts `size` daemons in parallel — one alone runs solo (no `--members`), as a single
 * instance would; more join one ring by a static member list — checks that each sees the
 * whole ring, and opens the reader's client on n0. On failure stops whatever started.
 */
export async function startLargeGroup(options: LargeGroupOptions): Promise<LargeGroup> {
  const { origin, size } = options;
  const joined = size > 1;
  const ids = joined ? await Promise.all(Array.from({ length: size }, async () => `127.0.0.1:${await freePort()}`)) : ['solo'];
  const members = `static:${ids.join(',')}`;
  const settled = await Promise.allSettled(
    ids.map((id, i) =>
      spawnCachelet({
        args: [
          '--app', 'bench-large', '--origin', `s3://${LARGE_BUCKET}`, '--endpoint', origin.endpoint,
          '--socket', path.join(options.dir, `${options.name}-${i}.sock`), '--checksums', 'when-required', '--log-level', 'warn',
          '--capacity', String(options.capacityBytes),
          ...(options.readAhead !== undefined ? ['--read-ahead', String(options.readAhead)] : []),
          ...(joined ? ['--peer-listen', id, '--members', members] : []),
        ],
        env: daemonEnv(origin),
        ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
      }),
    ),
  );
  const daemons = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(daemons.map((d) => d.stop()));
    throw failed.reason;
  }
  const nodes: LargeNode[] = daemons.map((daemon, index) => ({
    index,
    id: ids[index]!,
    daemon,
    pid: daemon.process.pid!,
    stats: () => fetchStats(daemon.socket),
  }));
  const { reader } = options;
  const socket = daemons[0]!.socket;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      try {
        await reader.release();
      } finally {
        await Promise.all(nodes.map((n) => n.daemon.stop()));
      }
    })();
    return closing;
  };
  try {
    if (joined) {
      for (const n of nodes) {
        const seen = (await n.stats()).ring?.members.length ?? 0;
        if (seen !== size) throw new Error(`cachelet ${n.id} sees ${seen} members, expected ${size}`);
      }
    }
    await reader.open(socket);
  } catch (err) {
    await close();
    throw err;
  }
  return {
    nodes,
    resetReader: () => reader.open(socket),
    log: () =>
      nodes
        .flatMap((n) => n.daemon.stderr().split('\n').filter((l) => l.trim()).map((l) => `[${options.name} n${n.index}] ${l}`))
        .join('\n'),
    close,
  };
}

// ---------------------------------------------------------------------------------------------
// Counters

/** The cachelet counters a read is checked with. */
export const LARGE_COUNTERS = [
  'chunkedReads', 'chunkHits', 'chunkMisses', 'chunkPeerFetches', 'chunkReplicaHits', 'chunkPassThrough', 'versionChanges',
  'originRequests', 'bytesFromOrigin', 'bytesServed', 'forwarded', 'peerServed', 'peerErrors', 'peerFallbacks', 'evictions',
] as const;
export type LargeCounter = (typeof LARGE_COUNTERS)[number];
export type LargeCounters = Record<LargeCounter, number>;

function pick(s: StatsReply__Output): LargeCounters {
  return Object.fromEntries(LARGE_COUNTERS.map((c) => [c, Number(s[c])])) as LargeCounters;
}

function diff(after: LargeCounters, before: LargeCounters): LargeCounters {
  return Object.fromEntries(LARGE_COUNTERS.map((c) => [c, after[c] - before[c]])) as LargeCounters;
}

// ---------------------------------------------------------------------------------------------
// One measured read

/**
 * Which read: `direct`, one GetObject with the plain client; `ranged`, the plain client making
 * the origin requests of a cold read itself — a ranged GET per chunk, a window at a time — with
 * no cache in the way (what the origin and this machine allow that pattern); `cold` and `warm`
 * through the cachelets.
 */
export type ReadKind = 'direct' | 'ranged' | 'cold' | 'warm';

/** Reads with the plain client, no cachelet. */
export function isPlain(kind: ReadKind): kind is 'direct' | 'ranged' {
  return kind === 'direct' || kind === 'ranged';
}

/** Everything measured about one read. */
export interface ReadFigures {
  kind: ReadKind;
  /** Cachelets of the cell; 0 for the direct read. */
  cachelets: number;
  bytes: number;
  ms: number;
  firstByteMs: number;
  /** Object bytes / wall time, MB/s (10^6 B/s). */
  mbPerSec: number;
  /** What reached the origin during the read. */
  origin: { requests: number; byMethod: Record<string, number>; bytesOut: number };
  /** The reader's process; its CPU time from process.cpuUsage() inside it, around the read. */
  reader: ProcFigures;
  /** The reader's garbage-collection pauses during the read (PerformanceObserver 'gc' entries, inside it). */
  readerGc: { ms: number; count: number };
  /** By node index. */
  daemons: ProcFigures[];
  originProcess: ProcFigures;
  /** Change of each cachelet's counters over the read, by node index. */
  counters: LargeCounters[];
  /** Chunks the reading cachelet (n0) took from its own store or the origin, and from peers. */
  chunks: { total: number; local: number; fromPeers: number };
  /** Bytes held by the cachelets after the read (store), by node index. */
  heldBytes: number[];
  /** The whole machine over the read: CPU busy, stolen, and used by processes other than the reader, the cachelets and the origin (other work on the box), ms. */
  machine: { busyMs: number; stealMs: number; othersMs: number } | undefined;
  /** Why the read may not have measured what its row says (empty: it did). */
  problems: string[];
}

/** The processes sampled around a read. */
export interface ReadContext {
  origin: OriginProcess;
  /** Reads with the client last opened in it (plain for the direct read, on n0 for a group's). */
  reader: ReaderProcess;
  object: LargeObject;
  algorithm: HashAlgorithm;
  chunkBytes: number;
  /** The cachelets' read-ahead: the window of the ranged read. */
  window: number;
}

/**
 * Reads the object once with the reader's open client and measures it. `group` is the cell's
 * cachelets (none for the direct read). Checks what reached the origin and what the cachelets
 * counted.
 */
export async function measureRead(ctx: ReadContext, kind: ReadKind, group: LargeGroup | undefined): Promise<ReadFigures> {
  const nodes = group?.nodes ?? [];
  const countersBefore = await Promise.all(nodes.map(async (n) => pick(await n.stats())));
  const originBefore = await ctx.origin.counters();
  const pids = [ctx.reader.pid, ctx.origin.pid, ...nodes.map((n) => n.pid)];
  const reset = pids.map((pid) => resetPeakRss(pid));
  const before = pids.map((pid) => sampleProc(pid));
  const machineBefore = sampleMachine();

  let measured: ReaderRead;
  try {
    measured = await ctx.reader.read(ctx.object, ctx.algorithm, kind === 'ranged' ? { chunkBytes: ctx.chunkBytes, window: ctx.window } : undefined);
  } catch (err) {
    if (err instanceof StallError) err.counters = await Promise.all(nodes.map(async (n, i) => diff(pick(await n.stats()), countersBefore[i]!)));
    throw err;
  }
  const { read } = measured;

  const machineAfter = sampleMachine();
  const after = pids.map((pid) => sampleProc(pid));
  const procs = pids.map((_, i) => diffProc(before[i]!, after[i]!, reset[i]!));
  const originAfter = await ctx.origin.counters();
  const stats = await Promise.all(nodes.map((n) => n.stats()));
  const counters = stats.map((s, i) => diff(pick(s), countersBefore[i]!));

  const totalChunks = Math.ceil(ctx.object.bytes / ctx.chunkBytes);
  const n0 = counters[0];
  const chunks = n0
    ? { total: totalChunks, local: n0.chunkHits + n0.chunkMisses + n0.chunkReplicaHits, fromPeers: n0.chunkPeerFetches }
    : { total: 0, local: 0, fromPeers: 0 };
  const origin = {
    requests: originAfter.total - originBefore.total,
    byMethod: Object.fromEntries(
      Object.entries(originAfter.byMethod).map(([m, n]) => [m, n - (originBefore.byMethod[m] ?? 0)] as const).filter(([, n]) => n > 0),
    ),
    bytesOut: originAfter.bytesOut - originBefore.bytesOut,
  };

  const problems: string[] = [];
  const expect = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  if (kind === 'direct') {
    expect(origin.requests === 1, `${origin.requests} origin requests for one GetObject`);
  } else if (kind === 'ranged') {
    expect(origin.requests === totalChunks, `${origin.requests} origin requests for ${totalChunks} ranged GETs`);
  } else {
    const sum = (c: LargeCounter): number => counters.reduce((a, x) => a + x[c], 0);
    expect(n0?.chunkedReads === 1, `n0 counted ${n0?.chunkedReads} chunked reads, expected 1 (did the read bypass the cache?)`);
    expect(chunks.local + chunks.fromPeers === totalChunks, `n0 took ${chunks.local} chunks itself and ${chunks.fromPeers} from peers, expected ${totalChunks} in all`);
    // Cold: one GET by the object's owner (its head only: the body is dropped), then one ranged GET per chunk.
    const wantOrigin = kind === 'cold' ? 1 + totalChunks : 0;
    expect(origin.requests === wantOrigin, `${origin.requests} origin requests, expected ${wantOrigin}`);
    if (kind === 'cold') expect(sum('chunkMisses') === totalChunks && sum('chunkHits') === 0, `${sum('chunkMisses')} chunks read from the origin, ${sum('chunkHits')} from stores, expected ${totalChunks} and 0`);
    else {
      // Warm: every chunk from a store — its owner's, or n0's replica of it.
      const hits = sum('chunkHits') + sum('chunkReplicaHits');
      expect(hits === totalChunks && sum('chunkMisses') === 0, `${hits} chunk hits (${sum('chunkReplicaHits')} of replicas), ${sum('chunkMisses')} chunks from the origin, expected ${totalChunks} and 0`);
    }
    expect(sum('chunkPassThrough') === 0, `${sum('chunkPassThrough')} chunks not stored (object larger than the ring's capacity)`);
    expect(sum('versionChanges') === 0, `${sum('versionChanges')} version changes`);
    expect(sum('peerErrors') === 0 && sum('peerFallbacks') === 0, `${sum('peerErrors')} peer errors, ${sum('peerFallbacks')} fallbacks to the origin`);
    expect(sum('evictions') === 0, `${sum('evictions')} evictions`);
  }

  const [readerProc, originProcess, ...daemons] = procs;
  // The reader's CPU as it measured it around the read (finer than the ticks of /proc/PID/stat).
  const reader: ProcFigures = { ...readerProc!, cpuMs: measured.cpuMs };
  const oursMs = [reader, originProcess!, ...daemons].reduce((a, p) => a + (p.cpuMs ?? Number.NaN), 0);
  const machine =
    machineBefore && machineAfter
      ? {
          busyMs: machineAfter.busyMs - machineBefore.busyMs,
          stealMs: machineAfter.stealMs - machineBefore.stealMs,
          othersMs: Math.max(0, machineAfter.busyMs - machineBefore.busyMs - oursMs),
        }
      : undefined;
  return {
    kind,
    cachelets: nodes.length,
    bytes: read.bytes,
    ms: read.ms,
    firstByteMs: read.firstByteMs,
    mbPerSec: read.bytes / 1e6 / (read.ms / 1000),
    origin,
    reader,
    readerGc: measured.gc,
    daemons,
    originProcess: originProcess!,
    counters,
    chunks,
    heldBytes: stats.map((s) => Number(s.bytesUsed)),
    machine,
    problems,
  };
}

// ---------------------------------------------------------------------------------------------
// Models

/**
 * The best wall time of a read over the profile, ms, when nothing but the origin limits it:
 * - `direct`: one connection: first byte + size / bandwidth.
 * - `cold`: the owner's first GET (its head: one first-byte latency), then the chunks, `window`
 *   in flight, chunk i starting when chunk i − window is done (the reader consuming at once),
 *   each costing a first byte + chunk / bandwidth.
 */
export function modelMs(kind: 'direct' | 'cold', size: number, chunkBytes: number, window: number, profile: RemoteProfile): number {
  const latency = profile.firstByteLatencyMs;
  const transfer = (n: number): number => (profile.bandwidthBytesPerSec > 0 ? (n * 1000) / profile.bandwidthBytesPerSec : 0);
  if (kind === 'direct') return latency + transfer(size);
  const chunks = Math.ceil(size / chunkBytes);
  const ends: number[] = [];
  for (let i = 0; i < chunks; i++) {
    const start = i < window ? latency : ends[i - window]!;
    ends.push(start + latency + transfer(Math.min(chunkBytes, size - i * chunkBytes)));
  }
  return Math.max(...ends);
}

/**
 * Copies of each byte on the way to the reader's hash, from the code path (see the report's
 * legend): `kernel` are copies across the user/kernel boundary (socket reads and writes),
 * `user` are memcpy's in JavaScript land. Per chunk owned by the reading cachelet (`local`)
 * or by a peer (`peer`).
 */
export const COPIES = {
  direct: { kernel: 1, user: 1 },
  cold: { local: { kernel: 3, user: 2 }, peer: { kernel: 5, user: 2 } },
  warm: { local: { kernel: 2, user: 0 }, peer: { kernel: 4, user: 0 } },
} as const;

/** Copies per byte of a read, weighted by where its chunks came from. */
export function copiesPerByte(kind: ReadKind, chunks: { local: number; fromPeers: number }): { kernel: number; user: number } {
  if (isPlain(kind)) return { ...COPIES.direct };
  const c = COPIES[kind];
  const total = chunks.local + chunks.fromPeers;
  if (total === 0) return { kernel: Number.NaN, user: Number.NaN };
  const w = (f: 'kernel' | 'user'): number => (chunks.local * c.local[f] + chunks.fromPeers * c.peer[f]) / total;
  return { kernel: w('kernel'), user: w('user') };
}
