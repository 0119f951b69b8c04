/**
 * The cachelets of one application find each other through a Redis registry.
 *
 * Layout, per application `APP` (the app name is the namespace: two apps never meet):
 * - `faast:APP:members` — sorted set: member = cachelet id, score = its expiry time (ms since
 *   the epoch, = last heartbeat + 3 heartbeat intervals).
 * - `faast:APP:member-info` — hash: cachelet id → JSON {@link Member}.
 * - `faast:APP:changes` — pub/sub channel: a cachelet publishes its id when it joins or leaves,
 *   so the others re-read the view at once instead of at their next heartbeat.
 *
 * Every heartbeat, and at once on a change message, a cachelet runs one Lua script (atomic, one
 * round trip): HSET its info + ZADD its new expiry; reap the expired (ZRANGEBYSCORE -inf now,
 * then ZREM + HDEL, so the hash does not grow with every crashed cachelet); read the live view
 * (ZRANGEBYSCORE (now +inf, HGET each). Rewriting the info each time repopulates a Redis that
 * restarted empty within one heartbeat. `onChange` fires only when the view differs.
 *
 * Expiry is judged with each cachelet's own clock: clocks must agree to well within 3 heartbeat
 * intervals (NTP does), or a cachelet ahead of the others would reap live members.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { CacheError, ConfigError, systemClock, type Clock, type Member, type Membership } from '@faast/core';
import { MemberView } from './member-view';

export interface RedisMembershipOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…` (TLS). */
  url: string;
  /** The application: a namespace — keys `faast:APP:…`. No blanks, glob characters or braces. */
  app: string;
  /** Heartbeat interval, ms. Default 1000. A member whose heartbeat is older than 3 intervals is dead. */
  heartbeatMs?: number;
  /** Injectable for tests: `now()`, ms since the epoch; default Date.now. */
  clock?: Clock;
  /**
   * Called on Redis errors (logged by the daemon); membership keeps the last known view
   * meanwhile and reconnects by itself. Called once per outage (the first error after a
   * successful exchange), not once per retry. Default: errors are ignored.
   */
  onError?: (err: Error) => void;
  /** How long `start()` may take to connect, register and read the first view, ms. Default 3000. */
  connectTimeoutMs?: number;
}

/** A member is dead when its last heartbeat is older than this many intervals. */
const DEAD_AFTER_BEATS = 3;

// KEYS: members zset, info hash. ARGV: now, self id, self expiry, self info (JSON).
// Returns [id1, info1, id2, info2, …] for the live members (info nil when missing).
const SYNC_SCRIPT = `
local now = tonumber(ARGV[1])
redis.call('HSET', KEYS[2], ARGV[2], ARGV[4])
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[2])
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)) do
  redis.call('ZREM', KEYS[1], id)
  redis.call('HDEL', KEYS[2], id)
end
local out = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. now, '+inf')) do
  out[#out + 1] = id
  out[#out + 1] = redis.call('HGET', KEYS[2], id)
end
return out`;

type State = 'new' | 'starting' | 'running' | 'stopped';

/**
 * {@link Membership} through Redis (see the module comment for the key layout): heartbeats with
 * an expiry, pub/sub for prompt changes. A cachelet killed with SIGKILL leaves the others' view
 * within 3–4 heartbeats; one that stops gracefully, within one round trip.
 */
export class RedisMembership implements Membership {
  private readonly heartbeatMs: number;
  private readonly connectTimeoutMs: number;
  private readonly clock: Clock;
  private readonly keys: { members: string; info: string; changes: string };
  private state: State = 'new';
  private readonly view: MemberView;
  private starting: Promise<void> | undefined;
  private self: Member | undefined;
  private client: Redis | undefined;
  private subscriber: Redis | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** The exchange in flight: exchanges run one at a time, requests made meanwhile coalesce into one. */
  private syncing: Promise<void> | undefined;
  private wanted = false;
  /** True between an error and the next successful exchange: report once per outage. */
  private failing = false;
  /** Ids whose info was malformed, reported once each. */
  private readonly badInfo = new Set<string>();

  /** @throws ConfigError for a URL that is not redis:// or rediss://, a bad app name or a non-positive time. */
  constructor(private readonly options: RedisMembershipOptions) {
    this.view = new MemberView(options.onError);
    const protocol = URL.canParse(options.url) ? new URL(options.url).protocol : '';
    if (protocol !== 'redis:' && protocol !== 'rediss:') {
      throw new ConfigError('--members', `'${redact(options.url)}' is not redis://HOST:PORT[/DB] or rediss://HOST:PORT[/DB]`);
    }
    // Blanks break CLIENT SETNAME; glob characters make `faast:APP:*` patterns match other apps;
    // braces would turn part of the name into a Redis Cluster hash tag.
    if (!/^[^\s*?[\]{}]+$/.test(options.app)) {
      throw new ConfigError('--app', `'${options.app}' cannot name a Redis namespace (empty, or blanks, * ? [ ] { })`);
    }
    this.heartbeatMs = positive(options.heartbeatMs ?? 1000, 'heartbeatMs');
    this.connectTimeoutMs = positive(options.connectTimeoutMs ?? 3000, 'connectTimeoutMs');
    this.clock = options.clock ?? systemClock;
    const prefix = `faast:${options.app}:`;
    this.keys = { members: `${prefix}members`, info: `${prefix}member-info`, changes: `${prefix}changes` };
  }

  /**
   * Connects, subscribes to changes, registers `self`, reads the first view, announces itself.
   * Subscribing before registering leaves no window in which a change could be missed.
   * @throws CacheError('UNAVAILABLE') naming the URL when Redis cannot be used within
   *   `connectTimeoutMs`; the membership is then stopped (make a new one to retry).
   */
  start(self: Member): Promise<void> {
    if (this.state !== 'new') return Promise.reject(new Error('RedisMembership: start() may be called once'));
    this.state = 'starting';
    this.self = { ...self };
    this.starting = this.open(self.id);
    return this.starting;
  }

  /** The live members, `self` included, sorted by id; the last known view while Redis is unreachable. Empty before start. */
  members(): Member[] {
    return this.view.members();
  }

  /** Calls `listener` with the new list after every change seen once started; returns an unsubscribe function. */
  onChange(listener: (members: Member[]) => void): () => void {
    return this.view.onChange(listener);
  }

  /**
   * Deregisters (ZREM + HDEL + PUBLISH in one transaction, so peers drop it at once) and closes
   * both connections; the view stays as it last was. Never rejects: a Redis error goes to
   * `onError`, and the entry then simply expires. Called during start(), waits for it first.
   */
  async stop(): Promise<void> {
    const was = this.state;
    this.state = 'stopped';
    if (was === 'starting') await this.starting?.catch(() => undefined); // open() sees 'stopped' and leaves
    if (was !== 'running') return;
    clearInterval(this.timer);
    await this.leave();
  }

  /**
   * Simulates a crash, for tests: stops the heartbeat and drops both connections WITHOUT
   * deregistering, as `kill -9` would. The others drop this member when its entry expires.
   */
  abandon(): void {
    if (this.state !== 'running') return;
    this.state = 'stopped';
    clearInterval(this.timer);
    this.client?.disconnect();
    this.subscriber?.disconnect();
  }

  private async open(selfId: string): Promise<void> {
    const client = (this.client = new Redis(this.options.url, this.redisOptions()));
    const subscriber = (this.subscriber = client.duplicate());
    let connectError: Error | undefined;
    for (const c of [client, subscriber]) {
      // Without a listener, ioredis would print every connection error as unhandled.
      c.on('error', (err: Error) => (this.state === 'starting' ? void (connectError ??= err) : this.report(err)));
    }
    subscriber.on('message', (_channel: string, id: string) => id !== selfId && this.resync());
    let deadline: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      deadline = setTimeout(() => reject(new Error(`no answer within ${this.connectTimeoutMs} ms`)), this.connectTimeoutMs);
    });
    try {
      await Promise.race([this.join(client, subscriber, selfId), timeout]);
    } catch (err) {
      this.state = 'stopped';
      client.disconnect();
      subscriber.disconnect();
      // The connection error says more than the "Connection is closed." that ioredis rejects with.
      const cause = connectError ?? asError(err);
      throw new CacheError('UNAVAILABLE', `membership: cannot join through Redis at ${redact(this.options.url)} (app '${this.options.app}'): ${cause.message}`, { cause });
    } finally {
      clearTimeout(deadline);
    }
    if ((this.state as State) === 'stopped') return this.leave(); // stop() was called while joining
    this.state = 'running';
    this.timer = setInterval(() => this.resync(), this.heartbeatMs);
    if (this.wanted) this.resync(); // a change was announced while joining
  }

  private async join(client: Redis, subscriber: Redis, selfId: string): Promise<void> {
    await Promise.all([client.connect(), subscriber.connect()]);
    await subscriber.subscribe(this.keys.changes);
    await this.sync();
    await client.publish(this.keys.changes, selfId);
  }

  private async leave(): Promise<void> {
    // Let the exchange in flight finish: landing after the ZREM below, it would re-register us.
    await this.syncing;
    const client = this.client!;
    const subscriber = this.subscriber!;
    const id = this.self!.id;
    try {
      await client.multi().zrem(this.keys.members, id).hdel(this.keys.info, id).publish(this.keys.changes, id).exec();
    } catch (err) {
      this.options.onError?.(this.wrap(err));
    }
    if (subscriber.status === 'ready') await subscriber.unsubscribe().catch(() => undefined);
    await Promise.all([close(subscriber), close(client)]);
  }

  /** Asks for an exchange; one asked while another runs happens right after it. */
  private resync(): void {
    this.wanted = true;
    if (this.syncing || this.state !== 'running') return;
    this.syncing = this.drain().finally(() => (this.syncing = undefined));
  }

  private async drain(): Promise<void> {
    while (this.wanted && this.state === 'running') {
      this.wanted = false;
      try {
        await this.sync();
        this.failing = false;
      } catch (err) {
        this.report(err);
      }
    }
  }

  /** One exchange: heartbeat, reap the dead, read the view, apply it. */
  private async sync(): Promise<void> {
    const self = this.self!;
    const now = this.clock.now();
    const expiry = now + DEAD_AFTER_BEATS * this.heartbeatMs;
    const reply = await this.client!.eval(SYNC_SCRIPT, 2, this.keys.members, this.keys.info, now, self.id, expiry, JSON.stringify(self));
    if (this.state !== 'stopped') this.apply(this.parse(reply));
  }

  private parse(reply: unknown): Member[] {
    const flat = Array.isArray(reply) ? (reply as unknown[]) : [];
    const members: Member[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const id = String(flat[i]);
      const info = flat[i + 1];
      // No info: being deregistered or reaped right now; back at its next heartbeat if alive.
      if (typeof info !== 'string') continue;
      const m = parseMember(info);
      if (m) members.push({ ...m, id });
      else if (!this.badInfo.has(id)) {
        this.badInfo.add(id);
        this.options.onError?.(this.wrap(new Error(`the info of '${id}' in ${this.keys.info} is not a Member: ${info.slice(0, 200)}`)));
      }
    }
    return members;
  }

  /** Self is always in its own view (it is alive by definition), with its own info. */
  private apply(members: Member[]): void {
    this.view.apply(this.self!, members, this.state === 'running');
  }


  private report(err: unknown): void {
    if (this.failing || this.state === 'stopped') return;
    this.failing = true;
    this.options.onError?.(this.wrap(err));
  }

  private wrap(err: unknown): Error {
    const cause = asError(err);
    return new Error(`membership (${redact(this.options.url)}, app '${this.options.app}'): ${cause.message}`, { cause });
  }

  private redisOptions(): RedisOptions {
    return {
      lazyConnect: true, // connect in start(), where failures are awaited and reported
      connectTimeout: this.connectTimeoutMs,
      enableReadyCheck: true,
      // Fail a command rather than queue it across reconnections: the next heartbeat retries anyway.
      maxRetriesPerRequest: 1,
      commandTimeout: Math.max(DEAD_AFTER_BEATS * this.heartbeatMs, 1000),
      connectionName: `faast-membership:${this.options.app}`,
      // No retry while starting (start() fails fast) nor once stopped; while running, back off up to 2 s.
      retryStrategy: (times) => (this.state === 'running' ? Math.min(50 * 2 ** Math.min(times - 1, 6), 2000) : null),
    };
  }
}

function parseMember(json: string): Omit<Member, 'id'> | undefined {
  let v: Partial<Member> | null = null;
  try {
    v = JSON.parse(json) as Partial<Member> | null;
  } catch {
    // Not JSON: reported by the caller like any other malformed info.
  }
  return v && typeof v.address === 'string' && typeof v.capacityBytes === 'number' ? { address: v.address, capacityBytes: v.capacityBytes } : undefined;
}

/** Quits politely when connected (waits for the reply), else just drops the socket and stops reconnecting. */
async function close(client: Redis): Promise<void> {
  if (client.status === 'ready' && (await client.quit().then(() => true, () => false))) return;
  client.disconnect();
}

/** The URL without its password, for messages and logs. */
function redact(url: string): string {
  return url.replace(/^(rediss?:\/\/[^:@/]*:)[^@/]*@/, '$1***@');
}

function positive(value: number, option: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(option, `must be a positive number of ms, got ${value}`);
  return value;
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
