/**
 * Turning a trace into something the runner can replay, in bounded memory: the trace is
 * streamed (the published one has 44 M rows), never held.
 *
 * 1. Selection pass (only when `apps` limits the apps): accesses per app and the order of
 *    first appearance — memory proportional to the number of apps in the trace.
 * 2. Grouping pass: the accesses of the selected apps only, grouped by invocation id into
 *    invocations (an invocation = its accesses in timestamp order, started at its first
 *    access), and per blob what must be in the origin before the replay starts. Memory is
 *    proportional to the selected apps' invocations; beyond `maxInvocations` (or
 *    `maxAccesses`) it stops with a {@link ReplayLimitError} that says to use `--apps`.
 *
 * Sizes above `maxObjectBytes` are capped (and counted); a size the trace left empty is the
 * blob's last known size, else {@link DEFAULT_UNKNOWN_BYTES} (counted too).
 */
import type { TraceRecord } from '../trace/types';
import { DistinctCounter, key52 } from '../trace/sketch';
import { replayAppName, replayKey } from './content';

/** Records in trace order; called once per pass (a file is read again, a generator re-run). */
export interface TraceSource {
  /** Where the trace comes from (a path, or the generator's parameters), for the report. */
  name: string;
  /** The generator's seed, when generated. */
  seed?: number;
  open(): Iterable<TraceRecord> | AsyncIterable<TraceRecord>;
}

/**
 * Which apps `apps` keeps: the most accesses, the first to appear, or the most re-reads
 * (reads of a blob the app has read before — what a cache can serve).
 */
export type AppSelection = 'busiest' | 'first' | 'rereaders';

export interface PrepareOptions {
  /** Replay only this many apps (default: all). */
  apps?: number;
  /** Which apps `apps` keeps (default: the busiest). */
  select?: AppSelection;
  /** Larger sizes are replayed at this size, bytes. Default {@link DEFAULT_MAX_OBJECT_BYTES}. */
  maxObjectBytes?: number;
  /** Refuse a replay of more invocations than this. Default {@link DEFAULT_MAX_INVOCATIONS}. */
  maxInvocations?: number;
  /** Refuse a replay of more accesses than this. Default {@link DEFAULT_MAX_ACCESSES}. */
  maxAccesses?: number;
  /** Called every {@link PROGRESS_EVERY} records of each pass. */
  onProgress?: (p: { pass: 'select' | 'group'; records: number }) => void;
}

export const DEFAULT_MAX_OBJECT_BYTES = 64 * 2 ** 20;
export const DEFAULT_MAX_INVOCATIONS = 200_000;
export const DEFAULT_MAX_ACCESSES = 2_000_000;
/** The size given to a blob whose size the trace never states. */
export const DEFAULT_UNKNOWN_BYTES = 1024;
export const PROGRESS_EVERY = 100_000;

/** One access of a replayed invocation: the event the trace handler receives is an array of these. */
export interface ReplayAccess {
  /** Object key in the app's bucket. */
  key: string;
  /** The recorded size (capped): what a write writes; what a read expects. */
  bytes: number;
  read: boolean;
  write: boolean;
}

export interface ReplayInvocation {
  /** Index in {@link PreparedReplay.apps}. */
  app: number;
  /** The trace's invocation id. */
  id: string;
  /** Its first access, ms after the first access of the replay. */
  atMs: number;
  accesses: ReplayAccess[];
}

export interface ReplayApp {
  /** The app's id in the trace. */
  app: string;
  /** Its runner app name and bucket (see replayAppName). */
  name: string;
  invocations: number;
  accesses: number;
  reads: number;
  writes: number;
  /** Objects put in the origin before the replay: every blob the app reads, at its first known size. */
  seeds: Array<{ key: string; bytes: number }>;
}

export interface PreparedReplay {
  source: string;
  seed?: number;
  /** In order of selection (busiest first with `select: 'busiest'`, else of appearance). */
  apps: ReplayApp[];
  /** By start time (then trace order). */
  invocations: ReplayInvocation[];
  accesses: number;
  reads: number;
  writes: number;
  /** First to last access, ms. */
  spanMs: number;
  /** The first access's timestamp (ms since 1970). */
  startMs: number;
  /** Apps in the whole trace. */
  traceApps: number;
  maxObjectBytes: number;
  /** Accesses whose size was capped to `maxObjectBytes`, and the distinct blobs among them. */
  capped: { accesses: number; blobs: number };
  /** Accesses whose size the trace left empty. */
  unknownSizes: number;
  /** Objects and bytes seeded into the origin per baseline. */
  seedObjects: number;
  seedBytes: number;
}

/** The trace is too large to replay as asked; the message says what to change. */
export class ReplayLimitError extends Error {
  override readonly name = 'ReplayLimitError';
}

interface BlobState {
  key: string;
  /** Earliest access time seen, and the size of the version then. */
  firstMs: number;
  firstBytes: number | undefined;
  /** Last stated size (for accesses that state none). */
  lastBytes: number | undefined;
  read: boolean;
  capped: boolean;
}

interface Group {
  app: number;
  id: string;
  firstMs: number;
  /** Accesses with their time and trace order, sorted at the end. */
  items: Array<{ t: number; n: number; access: ReplayAccess }>;
}

async function* records(source: TraceSource): AsyncGenerator<TraceRecord> {
  yield* source.open();
}

/** Reads `source` once or twice and returns the invocations of the selected apps. */
export async function prepareReplay(source: TraceSource, options: PrepareOptions = {}): Promise<PreparedReplay> {
  const maxObjectBytes = options.maxObjectBytes ?? DEFAULT_MAX_OBJECT_BYTES;
  const maxInvocations = options.maxInvocations ?? DEFAULT_MAX_INVOCATIONS;
  const maxAccesses = options.maxAccesses ?? DEFAULT_MAX_ACCESSES;
  for (const [name, v, min] of [['maxObjectBytes', maxObjectBytes, 0], ['maxInvocations', maxInvocations, 1], ['maxAccesses', maxAccesses, 1]] as const) {
    if (!Number.isSafeInteger(v) || v < min) throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${v}`);
  }
  if (options.apps !== undefined && (!Number.isSafeInteger(options.apps) || options.apps < 1)) throw new RangeError(`apps must be a whole number ≥ 1, got ${options.apps}`);

  // Pass 1: which apps.
  let selected: Map<string, number> | undefined;
  let traceApps: number | undefined;
  if (options.apps !== undefined) {
    const select = options.select ?? 'busiest';
    // Per app: accesses, or re-reads = reads − distinct blobs read (counted in bounded memory).
    const counts = new Map<string, number>();
    const readBlobs = new Map<string, { reads: number; distinct: DistinctCounter }>();
    let n = 0;
    for await (const r of records(source)) {
      counts.set(r.app, (counts.get(r.app) ?? 0) + 1);
      if (select === 'rereaders' && r.read) {
        let a = readBlobs.get(r.app);
        if (!a) readBlobs.set(r.app, (a = { reads: 0, distinct: new DistinctCounter(4096) }));
        a.reads++;
        a.distinct.add(key52(r.blob));
      }
      if (++n % PROGRESS_EVERY === 0) options.onProgress?.({ pass: 'select', records: n });
    }
    traceApps = counts.size;
    if (select === 'rereaders') {
      for (const app of counts.keys()) {
        const a = readBlobs.get(app);
        counts.set(app, a ? Math.max(0, a.reads - a.distinct.count) : 0);
      }
    }
    // Map order is first appearance; a stable sort keeps it among equals.
    let order = [...counts];
    if (select !== 'first') order = order.sort((a, b) => b[1] - a[1]);
    selected = new Map(order.slice(0, options.apps).map(([app], i) => [app, i]));
  }

  // Pass 2: group the selected apps' accesses.
  const appIndex = selected ?? new Map<string, number>();
  const apps: ReplayApp[] = [];
  const blobs: Array<Map<string, BlobState>> = [];
  if (selected) {
    for (const [app, i] of selected) {
      apps[i] = { app, name: replayAppName(i, app), invocations: 0, accesses: 0, reads: 0, writes: 0, seeds: [] };
      blobs[i] = new Map();
    }
  }
  const groups = new Map<string, Group>();
  let n = 0;
  let accesses = 0;
  let reads = 0;
  let writes = 0;
  let cappedAccesses = 0;
  let unknownSizes = 0;
  let startMs = Infinity;
  let endMs = -Infinity;
  for await (const r of records(source)) {
    if (++n % PROGRESS_EVERY === 0) options.onProgress?.({ pass: 'group', records: n });
    let ai = appIndex.get(r.app);
    if (ai === undefined) {
      if (selected) continue;
      ai = apps.length;
      appIndex.set(r.app, ai);
      apps.push({ app: r.app, name: replayAppName(ai, r.app), invocations: 0, accesses: 0, reads: 0, writes: 0, seeds: [] });
      blobs.push(new Map());
    }
    const app = apps[ai]!;
    const appBlobs = blobs[ai]!;
    if (!r.read && !r.write) continue; // neither: nothing to replay
    if (++accesses > maxAccesses) {
      throw new ReplayLimitError(`the selected apps make more than ${maxAccesses.toLocaleString('en-US')} accesses; replay fewer apps (--apps N) or raise the limit`);
    }

    let blob = appBlobs.get(r.blob);
    if (!blob) {
      blob = { key: replayKey(app.name, r.blob), firstMs: r.timestampMs, firstBytes: r.bytes, lastBytes: undefined, read: false, capped: false };
      appBlobs.set(r.blob, blob);
    } else if (r.timestampMs < blob.firstMs) {
      blob.firstMs = r.timestampMs;
      blob.firstBytes = r.bytes;
    }
    if (r.bytes !== undefined) blob.lastBytes = r.bytes;
    if (r.bytes === undefined) unknownSizes++;
    let bytes = r.bytes ?? blob.lastBytes ?? DEFAULT_UNKNOWN_BYTES;
    if (bytes > maxObjectBytes) {
      bytes = maxObjectBytes;
      cappedAccesses++;
      blob.capped = true;
    }
    if (r.read) {
      blob.read = true;
      app.reads++;
      reads++;
    }
    if (r.write) {
      app.writes++;
      writes++;
    }
    app.accesses++;
    startMs = Math.min(startMs, r.timestampMs);
    endMs = Math.max(endMs, r.timestampMs);

    // An access without an invocation id is an invocation of its own.
    const gid = r.invocation ? `${ai}\u0000${r.invocation}` : `${ai}\u0001${n}`;
    let g = groups.get(gid);
    if (!g) {
      if (groups.size >= maxInvocations) {
        throw new ReplayLimitError(
          `the ${selected ? 'selected apps have' : 'trace has'} more than ${maxInvocations.toLocaleString('en-US')} invocations; replay fewer apps (--apps N) or raise the limit (--max-invocations)`,
        );
      }
      g = { app: ai, id: r.invocation || `#${n}`, firstMs: r.timestampMs, items: [] };
      groups.set(gid, g);
      app.invocations++;
    }
    g.firstMs = Math.min(g.firstMs, r.timestampMs);
    g.items.push({ t: r.timestampMs, n, access: { key: blob.key, bytes, read: r.read, write: r.write } });
  }

  let cappedBlobs = 0;
  let seedObjects = 0;
  let seedBytes = 0;
  for (const [i, appBlobs] of blobs.entries()) {
    const app = apps[i]!;
    for (const b of appBlobs.values()) {
      if (b.capped) cappedBlobs++;
      // Every blob the app reads is in the origin at the start, also one the trace writes
      // first: a replayed read that overtakes that write (invocations overlap) finds a version.
      if (!b.read) continue;
      const bytes = Math.min(maxObjectBytes, b.firstBytes ?? b.lastBytes ?? DEFAULT_UNKNOWN_BYTES);
      app.seeds.push({ key: b.key, bytes });
      seedObjects++;
      seedBytes += bytes;
    }
  }
  blobs.length = 0;

  if (!Number.isFinite(startMs)) startMs = endMs = 0;
  const invocations: ReplayInvocation[] = [];
  for (const g of groups.values()) {
    g.items.sort((a, b) => a.t - b.t || a.n - b.n);
    invocations.push({ app: g.app, id: g.id, atMs: g.firstMs - startMs, accesses: g.items.map((x) => x.access) });
  }
  groups.clear();
  // Stable: invocations starting at the same ms keep trace order.
  invocations.sort((a, b) => a.atMs - b.atMs);

  return {
    source: source.name,
    ...(source.seed !== undefined ? { seed: source.seed } : {}),
    apps,
    invocations,
    accesses,
    reads,
    writes,
    spanMs: endMs - startMs,
    startMs,
    traceApps: traceApps ?? apps.length,
    maxObjectBytes,
    capped: { accesses: cappedAccesses, blobs: cappedBlobs },
    unknownSizes,
    seedObjects,
    seedBytes,
  };
}
