/**
 * The synthetic workload generator: a seeded, deterministic, streaming trace of blob accesses
 * in timestamp order, calibrated to the Azure Functions blob trace 2020 (see population.ts for
 * the per-app figures, sizes.ts for blob sizes, arrivals.ts for re-access timing).
 *
 * Streaming: each app is a few "sources" (its fresh-blob work, its re-reads, its channels),
 * each producing its accesses lazily in time order; a heap merges them. Memory is the per-app
 * state (plans, one small object per source), never the trace.
 *
 * Versions: a write creates a new version of its blob, with a new ETag; a read sees the blob's
 * current ETag (blobs first read in the window were written before it: version 0).
 */
import { seededRandom, type Random } from '@faast/core';
import { type TraceRecord } from '../trace/types';
import { SortedUniforms, arrivals, type ArrivalRegime, type Arrivals } from './arrivals';
import { hash32, hashedId, permute40 } from './hash';
import { CHANNEL_READ_ONLY_SHARE, dealCells, planApp, type AppPlan, type PlanCaps } from './population';
import { blobTypeFor, nextVersionSize, readBlobSize, writeBlobSize } from './sizes';

// Module-level bindings: a global `Math` lookup per call is slow in sandboxed contexts (test runners).
const { floor, max, min } = Math;

export interface TraceGeneratorParams {
  /** Same seed and parameters → the same trace, record for record. A 32-bit whole number. */
  seed: number;
  /** Applications in the population. */
  apps: number;
  /** Length of the window, ms. The per-app counts are per window (see population.ts). */
  durationMs: number;
  /** Window start, ms since 1970. Default 2020-11-23T00:00:00Z, the trace's first day. */
  startMs?: number | undefined;
  /** For local replay: larger blobs are generated at this size. */
  maxBlobBytes?: number | undefined;
  /** For local replay: an app touches at most this many distinct blobs. */
  maxBlobsPerApp?: number | undefined;
  /** For local replay: an app makes at most this many accesses. */
  maxAccessesPerApp?: number | undefined;
}

/** 2020-11-23T00:00:00Z: the first day of the published trace. */
export const DEFAULT_TRACE_START_MS = Date.UTC(2020, 10, 23);
/** Apps the invocation ids have room for (18 bits of the 40-bit id). */
export const MAX_GENERATED_APPS = 2 ** 18;

/** Validated parameters with defaults applied; throws a RangeError naming the bad one. */
export function resolveGeneratorParams(params: TraceGeneratorParams): Required<Pick<TraceGeneratorParams, 'seed' | 'apps' | 'durationMs' | 'startMs'>> & PlanCaps & { maxBlobBytes?: number | undefined } {
  const whole = (name: string, v: number | undefined, min: number, max = Number.MAX_SAFE_INTEGER): void => {
    if (v !== undefined && (!Number.isSafeInteger(v) || v < min || v > max)) throw new RangeError(`${name} must be a whole number in [${min}, ${max}], got ${v}`);
  };
  whole('seed', params.seed, 0, 2 ** 32 - 1);
  whole('apps', params.apps, 1, MAX_GENERATED_APPS);
  // Below ~1 s timers of a few thousand events per window collapse onto the same milliseconds.
  whole('durationMs', params.durationMs, 1000);
  whole('startMs', params.startMs, 0);
  whole('maxBlobBytes', params.maxBlobBytes, 0);
  whole('maxBlobsPerApp', params.maxBlobsPerApp, 1);
  whole('maxAccessesPerApp', params.maxAccessesPerApp, 1);
  return {
    seed: params.seed,
    apps: params.apps,
    durationMs: params.durationMs,
    startMs: params.startMs ?? DEFAULT_TRACE_START_MS,
    maxBlobBytes: params.maxBlobBytes,
    maxBlobsPerApp: params.maxBlobsPerApp,
    maxAccessesPerApp: params.maxAccessesPerApp,
  };
}

/** The header of a generated JSONL trace: the parameters that regenerate it. */
export function generatorHeader(params: TraceGeneratorParams): Record<string, unknown> {
  const p = resolveGeneratorParams(params);
  const header: Record<string, unknown> = { generator: 'faast-synthetic-azure-2020', seed: p.seed, apps: p.apps, durationMs: p.durationMs, startMs: p.startMs };
  if (p.maxBlobBytes !== undefined) header['maxBlobBytes'] = p.maxBlobBytes;
  if (p.maxBlobsPerApp !== undefined) header['maxBlobsPerApp'] = p.maxBlobsPerApp;
  if (p.maxAccessesPerApp !== undefined) header['maxAccessesPerApp'] = p.maxAccessesPerApp;
  return header;
}

/** Regions of the trace (3-character hashed ids); apps favour a few of them. */
const REGIONS = Array.from({ length: 12 }, (_, i) => hashedId(3, 0x72656769, i));

class App {
  readonly key: number;
  readonly name: string;
  readonly region: string;
  readonly user: string;
  /** Invocations started (the counter behind the invocation ids). */
  invocations = 0;
  accesses = 0;
  /** Fresh blobs whose invocation has finished (they are touched in index order). */
  freshDone = 0;
  stopped = false;

  constructor(
    seed: number,
    readonly plan: AppPlan,
    owner: number,
    private readonly invocationKey: number,
  ) {
    const i = plan.index;
    this.key = hash32(seed, i, 0x61707073);
    this.name = hashedId(8, seed, i, 0x6e616d65);
    const u = seededRandom(hash32(seed, i, 0x72656769))();
    this.region = REGIONS[floor(REGIONS.length * u * u)]!;
    this.user = String(hash32(seed, owner, 0x75736572) >>> 1);
  }

  /** Unique in the trace: 18 bits of app index and 22 of counter (plans stay far below 4 M invocations per app). */
  nextInvocationId(): string {
    return String(permute40(this.plan.index * 2 ** 22 + (this.invocations++ % 2 ** 22), this.invocationKey));
  }
}

/** One access of an invocation, as the record shows it. */
interface Op {
  blob: string;
  blobType: string;
  etag: string;
  bytes: number;
  read: boolean;
}

const etagOf = (app: App, blob: number, version: number): string => hashedId(10, app.key, blob, version, 0x65746167);

/** How a fresh blob is used by its one invocation (shares in FRESH_KINDS). */
type FreshKind = 'W' | 'WW' | 'WR' | 'R' | 'RR';
/**
 * Mostly write-once outputs; inputs (R, RR) are read once. With these shares a fresh blob has
 * 1.125 accesses of which 0.115 are reads (~10 % reads), see the read/write note in sizes.ts.
 */
const FRESH_KINDS: ReadonlyArray<[FreshKind, number]> = [['W', 0.82], ['WW', 0.09], ['WR', 0.01], ['R', 0.055], ['RR', 0.025]];

interface FreshBlob {
  index: number;
  kind: FreshKind;
  id: string;
  base: number;
  type: string;
}

/** A fresh blob's properties, derived from (app, index) alone so a later re-read finds them again. */
function freshBlob(app: App, index: number): FreshBlob {
  const random = seededRandom(hash32(app.key, index, 0x66726573));
  let u = random();
  let kind: FreshKind = 'W';
  for (const [k, share] of FRESH_KINDS) {
    if ((u -= share) < 0) {
      kind = k;
      break;
    }
  }
  const base = kind === 'R' || kind === 'RR' ? readBlobSize(random) : writeBlobSize(random);
  return { index, kind, id: hashedId(16, app.key, index, 0x626c6f62), base, type: blobTypeFor(base, random()) };
}

/** Size of version v of a blob whose first version has size `base`. */
function versionSize(app: App, blob: number, base: number, version: number): number {
  return version <= 1 ? base : nextVersionSize(base, seededRandom(hash32(app.key, blob, version, 0x73697a65)));
}

function freshOps(app: App, b: FreshBlob): Op[] {
  const op = (version: number, read: boolean): Op => ({ blob: b.id, blobType: b.type, etag: etagOf(app, b.index, version), bytes: versionSize(app, b.index, b.base, version), read });
  switch (b.kind) {
    case 'W':
      return [op(1, false)];
    case 'WW':
      return [op(1, false), op(2, false)];
    case 'WR':
      return [op(1, false), op(1, true)];
    case 'R':
      return [op(0, true)];
    case 'RR':
      return [op(0, true), op(0, true)];
  }
}

/** The version a read sees after the blob's fresh invocation has finished. */
const finalVersion = (kind: FreshKind): number => (kind === 'WW' ? 2 : kind === 'W' || kind === 'WR' ? 1 : 0);

/**
 * Produces one app's accesses of one kind, in time order. An invocation's time is drawn ahead
 * (the heap needs it) but its accesses are decided when it happens, so they see the app's state
 * at that moment (which blobs are done, their current versions).
 */
abstract class Source {
  /** Time of the next access, ms from the window start; Infinity when done. */
  time = Infinity;
  /** The last access emitted: invocations never start before it, so the source stays in order. */
  private lastTime = 0;
  private ops: Op[] = [];
  private opIndex = 0;
  private invocation = '';
  protected abstract readonly random: Random;

  constructor(
    readonly app: App,
    readonly order: number,
  ) {}

  /** Draws the next invocation's time (calls `schedule`), or returns false when there is none. */
  protected abstract nextInvocation(): boolean;
  /** The accesses of the invocation scheduled last, decided when it starts. */
  protected abstract accesses(): Op[];
  /** Called after the last access of an invocation. */
  protected finished(): void {}

  protected schedule(time: number): void {
    this.time = max(time, this.lastTime);
    this.opIndex = 0;
  }

  /** The next access; the caller then reads `time` for the one after. */
  emit(durationMs: number): { op: Op; time: number; invocation: string } {
    if (this.opIndex === 0) {
      this.ops = this.accesses();
      this.invocation = this.app.nextInvocationId();
    }
    const op = this.ops[this.opIndex++]!;
    const out = { op, time: this.time, invocation: this.invocation };
    this.lastTime = this.time;
    if (this.opIndex < this.ops.length) {
      // Accesses of one invocation follow each other by a few to tens of ms.
      this.time = min(durationMs - 1, this.time + 1 + this.random() * 40);
    } else {
      this.finished();
      if (!this.nextInvocation()) this.time = Infinity;
    }
    return out;
  }
}

/** Fresh blobs: each invocation touches 1 (or, fan-out, 2–5) blobs never touched before. */
class FreshSource extends Source {
  protected readonly random: Random;
  private readonly slots: SortedUniforms;
  /** The next invocation's blobs: [first, first + count). */
  private first = 0;
  private count = 0;

  constructor(
    app: App,
    order: number,
    private readonly durationMs: number,
  ) {
    super(app, order);
    this.random = seededRandom(hash32(app.key, 0x66736f75));
    // One slot time per blob; an invocation takes the time of its first blob.
    this.slots = new SortedUniforms(app.plan.freshBlobs, this.random);
    this.nextInvocation();
  }

  protected override finished(): void {
    this.app.freshDone += this.count;
  }

  protected nextInvocation(): boolean {
    const next = this.first + this.count;
    const left = this.app.plan.freshBlobs - next;
    if (left <= 0) return false;
    let m = 1;
    if (this.app.plan.kind === 'fan-out') {
      const u = this.random();
      m = u < 0.4 ? 2 : u < 0.7 ? 3 : u < 0.9 ? 4 : 5;
      if (left - m === 1) m++;
      m = min(m, left);
    }
    const time = this.slots.next()! * this.durationMs;
    for (let i = 1; i < m; i++) this.slots.next();
    this.first = next;
    this.count = m;
    this.schedule(time);
    return true;
  }

  protected accesses(): Op[] {
    const ops: Op[] = [];
    for (let i = 0; i < this.count; i++) ops.push(...freshOps(this.app, freshBlob(this.app, this.first + i)));
    return ops;
  }
}

/** Mostly-unique apps: extra invocations re-reading a fresh blob that was read once. */
class ReaccessSource extends Source {
  protected readonly random: Random;
  private readonly times: SortedUniforms;

  constructor(
    app: App,
    order: number,
    private readonly durationMs: number,
  ) {
    super(app, order);
    this.random = seededRandom(hash32(app.key, 0x72656163));
    this.times = new SortedUniforms(app.plan.reaccesses, this.random);
    this.nextInvocation();
  }

  protected nextInvocation(): boolean {
    const u = this.times.next();
    if (u === undefined) return false;
    this.schedule(u * this.durationMs);
    return true;
  }

  protected accesses(): Op[] {
    const app = this.app;
    let blob: FreshBlob;
    let version = 0;
    if (app.freshDone > 0) {
      // Prefer an input read once (kind R): a retry re-reads its input, and the blob stays at
      // two accesses, out of the inter-arrival statistics (those are for recurring accesses).
      blob = freshBlob(app, floor(this.random() * app.freshDone));
      for (let tries = 0; tries < 48 && blob.kind !== 'R'; tries++) blob = freshBlob(app, floor(this.random() * app.freshDone));
      version = finalVersion(blob.kind);
    } else {
      // Nothing finished yet: re-read the last blob (fresh blobs go in order, so it is not
      // started) at the version it had before the window.
      blob = freshBlob(app, app.plan.freshBlobs - 1);
    }
    return [{ blob: blob.id, blobType: blob.type, etag: etagOf(app, blob.index, version), bytes: versionSize(app, blob.index, blob.base, version), read: true }];
  }
}

interface ChannelBlob {
  index: number;
  id: string;
  type: string;
  base: number;
  readOnly: boolean;
  version: number;
}

/** Regimes of channels; measured over blobs, they give the published inter-arrival CoV split. */
const REGIMES: ReadonlyArray<[ArrivalRegime, number]> = [['periodic', 0.1], ['regular', 0.52], ['poisson', 0.04], ['bursty', 0.34]];

/** A channel: 1–3 blobs that each of its invocations accesses once, read-only or rewritten. */
class ChannelSource extends Source {
  protected readonly random: Random;
  private readonly arrivals: Arrivals;
  private readonly blobs: ChannelBlob[] = [];
  readonly regime: ArrivalRegime;

  constructor(app: App, order: number, channel: number, firstBlob: number, durationMs: number) {
    super(app, order);
    this.random = seededRandom(hash32(app.key, channel, 0x6368736f));
    let u = this.random();
    let regime: ArrivalRegime = 'regular';
    for (const [r, share] of REGIMES) {
      if ((u -= share) < 0) {
        regime = r;
        break;
      }
    }
    this.regime = regime;
    for (let i = 0; i < app.plan.channelBlobs[channel]!; i++) {
      const index = firstBlob + i;
      const r = seededRandom(hash32(app.key, index, 0x63626c62));
      const readOnly = r() < CHANNEL_READ_ONLY_SHARE;
      const base = readOnly ? readBlobSize(r) : writeBlobSize(r);
      this.blobs.push({ index, id: hashedId(16, app.key, index, 0x626c6f62), type: blobTypeFor(base, r()), base, readOnly, version: 0 });
    }
    this.arrivals = arrivals(regime, app.plan.channelInvocations[channel]!, durationMs, this.random);
    this.nextInvocation();
  }

  protected nextInvocation(): boolean {
    const t = this.arrivals.next();
    if (t === undefined) return false;
    this.schedule(t);
    return true;
  }

  protected accesses(): Op[] {
    return this.blobs.map((b): Op => {
      if (!b.readOnly) b.version++;
      return { blob: b.id, blobType: b.type, etag: etagOf(this.app, b.index, b.version), bytes: versionSize(this.app, b.index, b.base, b.version), read: b.readOnly };
    });
  }
}

/** A binary min-heap of sources by (time, order). */
class SourceHeap {
  private readonly items: Source[] = [];
  get size(): number {
    return this.items.length;
  }
  private less(a: Source, b: Source): boolean {
    return a.time < b.time || (a.time === b.time && a.order < b.order);
  }
  push(s: Source): void {
    const items = this.items;
    let i = items.push(s) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  peek(): Source | undefined {
    return this.items[0];
  }
  /** Restores the order after the top's time grew; removes it when it is done. */
  fixTop(): void {
    const items = this.items;
    const top = items[0]!;
    if (top.time === Infinity || top.app.stopped) {
      const last = items.pop()!;
      if (items.length === 0) return;
      items[0] = last;
    }
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < items.length && this.less(items[l]!, items[m]!)) m = l;
      if (r < items.length && this.less(items[r]!, items[m]!)) m = r;
      if (m === i) return;
      [items[i], items[m]] = [items[m]!, items[i]!];
      i = m;
    }
  }
}

/**
 * The generated trace, in timestamp order (ties in a fixed order): a fresh, lazy iterator each
 * time it is iterated. The same parameters give the same records on every machine.
 */
export function* generateTrace(params: TraceGeneratorParams): Generator<TraceRecord, void, undefined> {
  const p = resolveGeneratorParams(params);
  const caps: PlanCaps = { maxBlobsPerApp: p.maxBlobsPerApp, maxAccessesPerApp: p.maxAccessesPerApp };
  const cells = dealCells(p.seed, p.apps);
  const ownerRandom = seededRandom(hash32(p.seed, 0x6f776e72));
  const invocationKey = hash32(p.seed, 0x696e766f);
  const heap = new SourceHeap();
  let owner = 0;
  let order = 0;
  for (let i = 0; i < p.apps; i++) {
    // A quarter of the apps belong to the owner of the previous app.
    if (i > 0 && ownerRandom() >= 0.25) owner = i;
    const plan = planApp(p.seed, i, cells[i]!, caps);
    const app = new App(p.seed, plan, owner, invocationKey);
    const sources: Source[] = [];
    if (plan.freshBlobs > 0) sources.push(new FreshSource(app, order++, p.durationMs));
    if (plan.reaccesses > 0) sources.push(new ReaccessSource(app, order++, p.durationMs));
    for (let c = 0, first = 0; c < plan.channelBlobs.length; first += plan.channelBlobs[c]!, c++) {
      sources.push(new ChannelSource(app, order++, c, first, p.durationMs));
    }
    for (const s of sources) if (s.time !== Infinity) heap.push(s);
  }
  const maxBytes = p.maxBlobBytes ?? Infinity;
  const maxAccesses = p.maxAccessesPerApp ?? Infinity;
  for (let s = heap.peek(); s !== undefined; s = heap.peek()) {
    if (s.app.stopped) {
      heap.fixTop();
      continue;
    }
    const { op, time, invocation } = s.emit(p.durationMs);
    const app = s.app;
    if (++app.accesses >= maxAccesses) app.stopped = true;
    heap.fixTop();
    yield {
      timestampMs: floor(p.startMs + time),
      region: app.region,
      user: app.user,
      app: app.name,
      invocation,
      blob: op.blob,
      blobType: op.blobType,
      etag: op.etag,
      bytes: min(op.bytes, maxBytes),
      read: op.read,
      write: !op.read,
    };
  }
}
