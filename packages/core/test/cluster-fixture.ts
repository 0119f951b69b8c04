/**
 * Several cachelets of one application in ONE process, for fast and deterministic tests of the
 * owner protocol: an in-memory `PeerConnector` that calls the target cachelet's methods
 * directly (with switches for an unreachable, slow or held member and a log of every call), a
 * `Membership` whose view the test changes by hand, an origin that honours `If-None-Match`, and
 * a builder of N cachelets over one shared origin and one manual clock (so origin request
 * counts are global and time only moves when the test says so).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  Cachelet,
  StaticMembership,
  type CacheletConfigInput,
  type Member,
  type Membership,
  type ObjectMeta,
  type ObjectRef,
  type OriginGetOptions,
  type OriginGetResult,
  type PeerClient,
  type PeerConnector,
  type PeerContext,
  type ReadRequest,
  type ReadResult,
} from '@faast/core';
import { FakeOrigin, ManualClock, readAll } from './fake-origin';

/** The bucket every cluster test uses. */
export const BUCKET = 'bkt';

export const ref = (key: string): ObjectRef => ({ bucket: BUCKET, key });

/** The cachelet's store key of an object key (what the ring hashes). */
export const storeKey = (key: string): string => `${BUCKET}/${key}`;

/** The member entry of cachelet `id`: address `mem://<id>`. */
export function memberOf(id: string, capacityBytes = 1 << 20): Member {
  return { id, address: `mem://${id}`, capacityBytes };
}

// ---------------------------------------------------------------------------------------------
// Origin

/**
 * The fake origin, answering a GET with `If-None-Match` equal to the current ETag with
 * `not-modified` (as S3 does), so that revalidations are visible as cheap 304s. Every GET,
 * conditional or not, is logged in `gets` with its options.
 */
export class ConditionalOrigin extends FakeOrigin {
  private readonly current = new Map<string, ObjectMeta>();
  private gate: Promise<void> | undefined;
  /** GETs waiting at a `holdGets` gate (not yet in `gets`). */
  waiting = 0;

  /** GETs wait (before being answered or logged) until the returned function is called. */
  holdGets(): () => void {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.gate = gate;
    return () => {
      if (this.gate === gate) this.gate = undefined;
      release();
    };
  }

  override put(bucket: string, key: string, content: Buffer | string, meta: Partial<ObjectMeta> = {}): ObjectMeta {
    const full = super.put(bucket, key, content, meta);
    this.current.set(`${bucket}/${key}`, full);
    return full;
  }

  override delete(bucket: string, key: string): void {
    super.delete(bucket, key);
    this.current.delete(`${bucket}/${key}`);
  }

  override async get(r: ObjectRef, options: OriginGetOptions = {}): Promise<OriginGetResult> {
    if (this.gate) {
      this.waiting++;
      await this.gate;
      this.waiting--;
    }
    const meta = this.current.get(`${r.bucket}/${r.key}`);
    if (options.ifNoneMatch !== undefined && meta && meta.etag === options.ifNoneMatch && !this.failure) {
      this.gets.push({ ref: r, options });
      await Promise.resolve();
      return { kind: 'not-modified', meta };
    }
    return super.get(r, options);
  }

  /** GETs of one key (every kind). */
  getsOf(key: string): { ref: ObjectRef; options: OriginGetOptions }[] {
    return this.gets.filter((g) => g.ref.key === key);
  }

  /** Conditional GETs (revalidations) of one key. */
  revalidationsOf(key: string): string[] {
    return this.getsOf(key).flatMap((g) => (g.options.ifNoneMatch === undefined ? [] : [g.options.ifNoneMatch]));
  }
}

// ---------------------------------------------------------------------------------------------
// Membership

/** A membership whose view the test sets by hand; every `set` notifies the listeners. */
export class ControlledMembership implements Membership {
  private list: Member[];
  private readonly listeners = new Set<(members: Member[]) => void>();
  started = false;
  stopped = false;

  constructor(members: Member[]) {
    this.list = sortById(members);
  }

  start(self: Member): Promise<void> {
    this.started = true;
    this.list = sortById([...this.list.filter((m) => m.id !== self.id), self]);
    return Promise.resolve();
  }

  members(): Member[] {
    return this.list.map((m) => ({ ...m }));
  }

  onChange(listener: (members: Member[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): Promise<void> {
    this.stopped = true;
    return Promise.resolve();
  }

  /** A new view (the cachelet adds itself if missing, as with any membership). */
  set(members: Member[]): void {
    this.list = sortById(members);
    for (const l of [...this.listeners]) l(this.members());
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

function sortById(members: Member[]): Member[] {
  return members.map((m) => ({ ...m })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Peer connector

export type CallKind = 'get' | 'validate' | 'notifyWrite' | 'invalidate' | 'changed' | 'getChunk';

/** One peer call, as the connector saw it. */
export interface PeerCall {
  kind: CallKind;
  /** The caller (`ctx.from`). */
  from: string;
  /** The cachelet the call was routed to (by address), or the member id when nothing listens there. */
  to: string;
  /** The object keys it names. */
  keys: string[];
  /** False when it was refused (target unreachable, timed out, or client closed): the target never saw it. */
  delivered: boolean;
}

export interface CallFilter {
  kind?: CallKind;
  from?: string;
  to?: string;
  key?: string;
  delivered?: boolean;
}

/**
 * Connects cachelets of one process by calling each other's methods: `get(req, ctx)` →
 * `target.get(req, ctx)`, `validate` → `target.validate(ref, etag, ctx)`, `notifyWrite` →
 * `target.notifyWrite(ref, etag, ctx)`, `invalidate` → `target.invalidate(refs, ctx)`,
 * `changed` → `target.changedAtOwner(refs)`.
 * Calls are routed by the member's *address* (as a real transport is), so a member list that
 * names a stale id at a reused address reaches whoever listens there now.
 *
 * Every call crosses a turn of the event loop (as a network hop would), and is logged
 * in `calls`. An unreachable target makes calls reject with a plain Error (a transport
 * failure, not a `CacheError`); errors the target itself throws pass through unchanged, as the
 * gRPC client maps them.
 */
export class InProcessConnector implements PeerConnector {
  readonly calls: PeerCall[] = [];
  /** Clients made, and clients closed. */
  connects = 0;
  closes = 0;
  /**
   * When set, a call slower than this (see `slow`) or held longer (see `hold`) rejects after
   * this long without being delivered. A held call's deadline runs on the global timers, so
   * jest's fake timers drive it.
   */
  deadlineMs: number | undefined;
  private readonly byAddress = new Map<string, Cachelet>();
  private readonly down = new Set<string>();
  private readonly delays = new Map<string, number>();
  private readonly gates = new Map<string, Promise<void>>();
  private readonly parkedAt = new Map<string, number>();

  /** Makes `cachelet` reachable at its own address. */
  listen(cachelet: Cachelet): void {
    this.byAddress.set(cachelet.peering.self.address, cachelet);
  }

  /** Nothing listens at `address` any more (calls to it reject). */
  unlisten(address: string): void {
    this.byAddress.delete(address);
  }

  /** Calls to cachelet `id` reject (or, with `false`, are delivered again). */
  unreachable(id: string, down = true): void {
    if (down) this.down.add(id);
    else this.down.delete(id);
  }

  /** Calls to `id` are delivered after `ms` of real time (0: at once). */
  slow(id: string, ms: number): void {
    if (ms > 0) this.delays.set(id, ms);
    else this.delays.delete(id);
  }

  /** Calls to `id` wait until the returned function is called (a member that hangs, deterministically). */
  hold(id: string): () => void {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.gates.set(id, gate);
    return () => {
      if (this.gates.get(id) === gate) this.gates.delete(id);
      release();
    };
  }

  /** Calls to `id` waiting at a `hold` gate. */
  parked(id: string): number {
    return this.parkedAt.get(id) ?? 0;
  }

  /** How many calls match `filter` (all fields optional). */
  count(filter: CallFilter = {}): number {
    return this.calls.filter(
      (c) =>
        (filter.kind === undefined || c.kind === filter.kind) &&
        (filter.from === undefined || c.from === filter.from) &&
        (filter.to === undefined || c.to === filter.to) &&
        (filter.key === undefined || c.keys.includes(filter.key)) &&
        (filter.delivered === undefined || c.delivered === filter.delivered),
    ).length;
  }

  /** Calls per kind, per target (`"get→B": 3`), for readable failure messages. */
  summary(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.calls) {
      const name = `${c.kind} ${c.from}→${c.to}${c.delivered ? '' : ' (refused)'}`;
      out[name] = (out[name] ?? 0) + 1;
    }
    return out;
  }

  /** Waits for `gate`, or rejects when `deadlineMs` (if set) passes first: a peer that hangs. */
  private untilDeadline(gate: Promise<void>, member: Member): Promise<void> {
    const ms = this.deadlineMs;
    if (ms === undefined) return gate;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`peer ${member.id} (${member.address}) did not answer within ${ms} ms`)), ms);
    });
    return Promise.race([gate, expired]).finally(() => clearTimeout(timer));
  }

  connect(member: Member): PeerClient {
    this.connects++;
    let closed = false;
    const call = async <T>(kind: CallKind, ctx: PeerContext, refs: ObjectRef[], run: (target: Cachelet) => Promise<T>): Promise<T> => {
      const target = this.byAddress.get(member.address);
      const to = target?.peering.self.id ?? member.id;
      const record: PeerCall = { kind, from: ctx.from, to, keys: refs.map((r) => r.key), delivered: false };
      this.calls.push(record);
      // A macrotask, as a network hop is: a bug that bounces requests forever then leaves room
      // for timers (jest's, `within`'s) instead of starving them in a microtask loop.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (closed) throw new Error(`peer client of ${member.id} (${member.address}) is closed`);
      if (!target || this.down.has(to)) throw new Error(`peer ${member.id} (${member.address}) unreachable`);
      const gate = this.gates.get(to);
      if (gate) {
        this.parkedAt.set(to, this.parked(to) + 1);
        try {
          await this.untilDeadline(gate, member);
        } finally {
          this.parkedAt.set(to, this.parked(to) - 1);
        }
      }
      const delay = this.delays.get(to) ?? 0;
      if (this.deadlineMs !== undefined && delay >= this.deadlineMs) {
        await sleep(this.deadlineMs);
        throw new Error(`peer ${member.id} (${member.address}) did not answer within ${this.deadlineMs} ms`);
      }
      if (delay > 0) await sleep(delay);
      if (this.down.has(to)) throw new Error(`peer ${member.id} (${member.address}) unreachable`);
      record.delivered = true;
      return run(target);
    };
    return {
      get: (req: ReadRequest, ctx: PeerContext): Promise<ReadResult> => call('get', ctx, [req.ref], (t) => t.get(req, ctx)),
      validate: (r, etag, ctx) => call('validate', ctx, [r], (t) => t.validate(r, etag, ctx)),
      notifyWrite: (r, etag, ctx) => call('notifyWrite', ctx, [r], (t) => t.notifyWrite(r, etag, ctx)),
      invalidate: (refs, ctx) =>
        call('invalidate', ctx, refs, async (t) => {
          await t.invalidate(refs, ctx);
        }),
      changed: (refs, ctx) => call('changed', ctx, refs, (t) => t.changedAtOwner(refs)),
      getChunk: (r, meta, index, chunkBytes, ctx) => call('getChunk', ctx, [r], (t) => t.chunk(r, meta, index, chunkBytes)),
      close: () => {
        if (!closed) this.closes++;
        closed = true;
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Cluster

export interface ClusterOptions {
  /** The cachelets' ids, e.g. `['A', 'B', 'C']`. */
  ids: string[];
  /**
   * Each cachelet's member list, when they differ (split views): ids (address `mem://<id>`) or
   * whole members (e.g. a stale id at a reused address). Default: every id.
   */
  views?: Partial<Record<string, (string | Member)[]>>;
  /** Options of every cachelet (capacity default 1 MiB). */
  config?: CacheletConfigInput;
  /** Per-cachelet options, over `config`. */
  configs?: Partial<Record<string, CacheletConfigInput>>;
  /** `static` (StaticMembership, the default) or `controlled` (views changed with `setView`). */
  membership?: 'static' | 'controlled';
}

/** What a whole read gave. */
export interface ReadOutcome {
  status: ReadResult['status'];
  source: ReadResult['source'];
  /** The body (empty when there is none). */
  bytes: Buffer;
  etag: string | undefined;
}

/** N cachelets over one origin, one clock and one connector. */
export class Cluster {
  readonly clock = new ManualClock();
  readonly origin = new ConditionalOrigin(this.clock);
  readonly connector = new InProcessConnector();
  private readonly byId = new Map<string, Cachelet>();
  private readonly memberships = new Map<string, ControlledMembership>();

  private constructor(private readonly options: ClusterOptions) {}

  static async start(options: ClusterOptions): Promise<Cluster> {
    const cluster = new Cluster(options);
    for (const id of options.ids) await cluster.add(id, options.views?.[id] ?? options.ids);
    return cluster;
  }

  /** Starts one more cachelet with member list `view` (the others' views are not changed). */
  async add(id: string, view: (string | Member)[], config: CacheletConfigInput = {}): Promise<Cachelet> {
    if (this.byId.has(id)) throw new Error(`cachelet ${id} already exists`);
    const capacityBytes = config.capacityBytes ?? this.options.configs?.[id]?.capacityBytes ?? this.options.config?.capacityBytes ?? 1 << 20;
    const list = toMembers(view);
    let membership: Membership;
    if (this.options.membership === 'controlled') {
      const m = new ControlledMembership(list);
      this.memberships.set(id, m);
      membership = m;
    } else membership = new StaticMembership(list);
    const cachelet = new Cachelet({
      capacityBytes,
      ...this.options.config,
      ...this.options.configs?.[id],
      ...config,
      origin: this.origin,
      clock: this.clock,
      self: memberOf(id, capacityBytes),
      membership,
      peers: this.connector,
    });
    this.byId.set(id, cachelet);
    this.connector.listen(cachelet);
    await cachelet.start();
    return cachelet;
  }

  /** Cachelet `id`. */
  c(id: string): Cachelet {
    const c = this.byId.get(id);
    if (!c) throw new Error(`no cachelet ${id}`);
    return c;
  }

  get ids(): string[] {
    return [...this.byId.keys()];
  }

  /** Changes the view of cachelet `id` (controlled membership only). */
  setView(id: string, view: (string | Member)[]): void {
    const m = this.memberships.get(id);
    if (!m) throw new Error(`cachelet ${id} has no controlled membership`);
    m.set(toMembers(view));
  }

  /** Changes the view of every listed cachelet (default: all) to `view`. */
  setViews(view: (string | Member)[], ids: string[] = this.ids): void {
    for (const id of ids) this.setView(id, view);
  }

  /** Who owns `key` in the view of cachelet `viewOf`. */
  ownerOf(key: string, viewOf: string = this.ids[0]!): string {
    return this.c(viewOf).peering.owner(storeKey(key));
  }

  /** The first key `${prefix}0`, `${prefix}1`, … that satisfies `pred` (searching up to 100 000). */
  keyWhere(pred: (key: string) => boolean, prefix = 'k'): string {
    for (let i = 0; i < 100_000; i++) if (pred(`${prefix}${i}`)) return `${prefix}${i}`;
    throw new Error('no such key among the first 100 000');
  }

  /** The first `n` keys owned by `owner` in the view of `viewOf` (default: the owner's own view). */
  keysOwnedBy(owner: string, n: number, prefix = 'k', viewOf = owner): string[] {
    const out: string[] = [];
    for (let i = 0; out.length < n && i < 100_000; i++) if (this.ownerOf(`${prefix}${i}`, viewOf) === owner) out.push(`${prefix}${i}`);
    return out;
  }

  /** Puts an object at the origin (as a writer that bypasses the cache). */
  put(key: string, content: Buffer | string): ObjectMeta {
    return this.origin.put(BUCKET, key, content);
  }

  /** Reads `key` whole through cachelet `via` and lets fills and replicas reach their stores. */
  async read(via: string, key: string, req: Omit<ReadRequest, 'ref'> = {}): Promise<ReadOutcome> {
    const r = await this.c(via).get({ ref: ref(key), ...req });
    const bytes = 'body' in r ? await readAll(r.body) : Buffer.alloc(0);
    await settle();
    return { status: r.status, source: r.source, bytes, etag: 'meta' in r ? r.meta.etag : undefined };
  }

  /** Origin GETs so far (conditional ones included). */
  get originGets(): number {
    return this.origin.gets.length;
  }

  async stop(): Promise<void> {
    for (const c of this.byId.values()) await c.stop();
  }
}

function toMembers(view: (string | Member)[]): Member[] {
  return view.map((m) => (typeof m === 'string' ? memberOf(m) : { ...m }));
}

/** Lets fills that delivered their last byte reach the store (two turns of the event loop). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Turns the event loop until `cond()` holds; throws (naming `what`) after `turns` turns. */
export async function until(cond: () => boolean, what: string, turns = 1000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (cond()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error(`${what}: still not true after ${turns} turns of the event loop`);
}

/** Fails the test instead of hanging when `p` does not settle in time. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms} ms`)), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
