/**
 * The cachelets of one application find each other through a shared directory — for a single
 * machine without Redis (the local serverless runner, a laptop, a CI job).
 *
 * Layout: one file per member, `DIR/<encoded id>.json`, holding `{ app, address, capacityBytes }`.
 * The id is encoded so that any id is a safe file name (see {@link memberFileName}).
 *
 * Every heartbeat a cachelet rewrites its own file (write a temporary file, then rename: readers
 * never see half a file, and a directory emptied by hand is repopulated within one heartbeat),
 * then rescans the directory. A file is live while its modification time is younger than 3
 * heartbeat intervals; files dead for much longer (10 intervals) are removed, so the directory
 * does not grow with every crashed cachelet. `fs.watch` on the directory triggers a rescan at
 * once, so joins and graceful leaves are seen within milliseconds rather than at the next
 * heartbeat; the periodic rescan covers platforms where watching is unreliable and notices
 * members that died without a word. `onChange` fires only when the view differs.
 *
 * Same semantics as the Redis registry: self is always in its own view, the last view is kept
 * while the directory cannot be read, and `stop()` deregisters (removes the file) so peers drop
 * the member at once. Files written for another application are ignored (reported once): two
 * apps never meet even when pointed at one directory by mistake.
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigError, systemClock, type Clock, type Member, type Membership } from '@faast/core';
import { MemberView } from './member-view';

export interface DirMembershipOptions {
  /** The application's membership directory (created when missing). One directory per application. */
  dir: string;
  /** The application; written in each member file, and files of other apps are ignored. */
  app: string;
  /** Heartbeat interval, ms. Default 1000. A member whose file is older than 3 intervals is dead. */
  heartbeatMs?: number;
  /** Injectable for tests: `now()`, ms since the epoch (compared with file modification times); default Date.now. */
  clock?: Clock;
  /**
   * Called on file-system errors; the last known view is kept meanwhile. Called once per outage
   * (the first error after a successful scan), not once per retry. Default: errors are ignored.
   */
  onError?: (err: Error) => void;
}

/** A member is dead when its file is older than this many heartbeat intervals. */
const DEAD_AFTER_BEATS = 3;
/** A dead member's file is removed once it is older than this many intervals (a paused process that comes back simply rewrites it). */
const REAP_AFTER_BEATS = 10;
/** Rescans triggered by the watcher are delayed this long, ms, so that a burst of events costs one scan. */
const WATCH_DEBOUNCE_MS = 5;

type State = 'new' | 'starting' | 'running' | 'stopped';

/**
 * The file name of a member id: letters, digits, `_`, `-` and non-leading `.` are kept, every
 * other byte becomes `%XX` (so `127.0.0.1:7000` → `127.0.0.1%3A7000.json`). Names starting with
 * `.` are never member files (temporary files use them).
 */
export function memberFileName(id: string): string {
  const encoded = Array.from(Buffer.from(id, 'utf8'))
    .map((b, i) => {
      const c = String.fromCharCode(b);
      return /[A-Za-z0-9_-]/.test(c) || (c === '.' && i > 0) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
  return `${encoded}.json`;
}

/** The member id of a file name written by {@link memberFileName}, or undefined for any other name. */
export function memberIdOf(fileName: string): string | undefined {
  if (!fileName.endsWith('.json') || fileName.startsWith('.')) return undefined;
  try {
    return decodeURIComponent(fileName.slice(0, -'.json'.length));
  } catch {
    return undefined;
  }
}

/**
 * {@link Membership} through a directory (see the module comment): one heartbeat file per
 * member, a watcher for prompt changes. A cachelet killed with SIGKILL leaves the others' view
 * within 3–4 heartbeats; one that stops gracefully, at once.
 */
export class DirMembership implements Membership {
  private readonly heartbeatMs: number;
  private readonly clock: Clock;
  private state: State = 'new';
  private readonly view: MemberView;
  private starting: Promise<void> | undefined;
  private self: Member | undefined;
  private selfFile = '';
  private timer: NodeJS.Timeout | undefined;
  private debounce: NodeJS.Timeout | undefined;
  private watcher: fs.FSWatcher | undefined;
  /** File contents by name, reread only when the file's mtime changes. */
  private readonly cache = new Map<string, { mtimeMs: number; member: Omit<Member, 'id'> | undefined }>();
  /** The scan in flight: scans run one at a time, requests made meanwhile coalesce into one. */
  private syncing: Promise<void> | undefined;
  private wanted = false;
  private beatDue = false;
  private failing = false;
  /** Files already reported as malformed or of another app. */
  private readonly reported = new Set<string>();

  /** @throws ConfigError for an empty directory or app, or a non-positive heartbeat. */
  constructor(private readonly options: DirMembershipOptions) {
    this.view = new MemberView(options.onError);
    if (!options.dir) throw new ConfigError('--members', 'dir: needs a directory, e.g. dir:/tmp/faast-members/APP');
    if (!options.app) throw new ConfigError('--app', 'is required for a dir: membership');
    this.heartbeatMs = options.heartbeatMs ?? 1000;
    if (!Number.isFinite(this.heartbeatMs) || this.heartbeatMs <= 0) {
      throw new ConfigError('heartbeatMs', `must be a positive number of ms, got ${options.heartbeatMs}`);
    }
    this.clock = options.clock ?? systemClock;
  }

  /** The directory, as given. */
  get dir(): string {
    return this.options.dir;
  }

  /**
   * Creates the directory if needed, writes `self`'s file, starts watching and reads the first view.
   * @throws Error naming the directory when it cannot be created or written; the membership is then stopped.
   */
  start(self: Member): Promise<void> {
    if (this.state !== 'new') return Promise.reject(new Error('DirMembership: start() may be called once'));
    this.state = 'starting';
    this.self = { ...self };
    this.selfFile = memberFileName(self.id);
    this.starting = this.open();
    return this.starting;
  }

  /** The live members, `self` included, sorted by id; the last known view while the directory cannot be read. Empty before start. */
  members(): Member[] {
    return this.view.members();
  }

  /** Calls `listener` with the new list after every change seen once started; returns an unsubscribe function. */
  onChange(listener: (members: Member[]) => void): () => void {
    return this.view.onChange(listener);
  }

  /** Stops watching and removes this member's file, so peers drop it at once. Never rejects. */
  async stop(): Promise<void> {
    const was = this.state;
    this.state = 'stopped';
    clearInterval(this.timer);
    clearTimeout(this.debounce);
    this.unwatch();
    if (was === 'starting') await this.starting?.catch(() => undefined); // open() sees 'stopped' and removes the file
    if (was !== 'running') return;
    // A heartbeat in flight would otherwise land after the removal and re-register us.
    await this.syncing;
    await this.removeSelf();
  }

  /** Simulates a crash, for tests: stops the heartbeat and the watcher WITHOUT removing the file, as `kill -9` would. */
  abandon(): void {
    if (this.state !== 'running') return;
    this.state = 'stopped';
    clearInterval(this.timer);
    clearTimeout(this.debounce);
    this.unwatch();
  }

  private async open(): Promise<void> {
    try {
      await fsp.mkdir(this.options.dir, { recursive: true });
      // Watch before writing and scanning: no change can fall in between.
      this.watch();
      await this.beat();
      await this.scan();
    } catch (err) {
      this.state = 'stopped';
      this.unwatch();
      await this.removeSelf();
      throw this.wrap(err, 'cannot join');
    }
    if ((this.state as State) === 'stopped') {
      await this.removeSelf(); // stop() was called while joining
      return;
    }
    this.state = 'running';
    this.timer = setInterval(() => {
      this.beatDue = true;
      this.resync();
    }, this.heartbeatMs);
    this.timer.unref?.();
    if (this.wanted) this.resync(); // a change was seen while joining
  }

  private watch(): void {
    try {
      this.watcher = fs.watch(this.options.dir, { persistent: false }, () => this.onWatch());
      // Watching is an optimisation: on error, the periodic rescan still sees every change.
      this.watcher.on('error', () => this.unwatch());
    } catch {
      this.watcher = undefined;
    }
  }

  private unwatch(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }

  private onWatch(): void {
    if (this.state === 'starting') this.wanted = true; // rescanned once running
    if (this.state !== 'running' || this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      this.resync();
    }, WATCH_DEBOUNCE_MS);
  }

  /** Asks for a scan (and a heartbeat when one is due); one asked while another runs happens right after it. */
  private resync(): void {
    this.wanted = true;
    if (this.syncing || this.state !== 'running') return;
    this.syncing = this.drain().finally(() => (this.syncing = undefined));
  }

  private async drain(): Promise<void> {
    while (this.wanted && this.state === 'running') {
      this.wanted = false;
      try {
        if (this.beatDue) {
          this.beatDue = false;
          await this.beat();
        }
        await this.scan();
        this.failing = false;
      } catch (err) {
        this.report(this.wrap(err, 'heartbeat or scan failed'));
      }
    }
  }

  /** Rewrites self's file atomically (its mtime is the heartbeat). */
  private async beat(): Promise<void> {
    const self = this.self!;
    const body = JSON.stringify({ app: this.options.app, address: self.address, capacityBytes: self.capacityBytes });
    const tmp = path.join(this.options.dir, `.${this.selfFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await fsp.writeFile(tmp, body);
      await fsp.rename(tmp, path.join(this.options.dir, this.selfFile));
    } catch (err) {
      await fsp.rm(tmp, { force: true }).catch(() => undefined);
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && this.state !== 'starting') {
        // The directory was removed under us: recreate it, the next heartbeat writes the file.
        await fsp.mkdir(this.options.dir, { recursive: true });
      }
      throw err;
    }
  }

  /** Reads the directory: live members, reaps long-dead files, applies the view. */
  private async scan(): Promise<void> {
    const now = this.clock.now();
    const names = await fsp.readdir(this.options.dir);
    const members: Member[] = [];
    const seen = new Set<string>();
    await Promise.all(
      names.map(async (name) => {
        const isTemp = name.startsWith('.') && name.endsWith('.tmp');
        const id = memberIdOf(name);
        if (id === undefined && !isTemp) return;
        const file = path.join(this.options.dir, name);
        const stat = await fsp.stat(file).catch(() => undefined);
        if (!stat) return; // removed meanwhile
        const age = now - stat.mtimeMs;
        if (age > REAP_AFTER_BEATS * this.heartbeatMs) {
          if (name !== this.selfFile) await this.reap(file);
          return;
        }
        if (isTemp || id === undefined || age > DEAD_AFTER_BEATS * this.heartbeatMs) return;
        seen.add(name);
        const info = await this.info(name, file, stat.mtimeMs);
        if (info) members.push({ ...info, id });
      }),
    );
    for (const name of this.cache.keys()) if (!seen.has(name)) this.cache.delete(name);
    if (this.state !== 'stopped') this.apply(members);
  }

  private async info(name: string, file: string, mtimeMs: number): Promise<Omit<Member, 'id'> | undefined> {
    const cached = this.cache.get(name);
    if (cached && cached.mtimeMs === mtimeMs) return cached.member;
    const text = await fsp.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) return undefined; // removed meanwhile
    const parsed = parseInfo(text);
    let member: Omit<Member, 'id'> | undefined;
    if (!parsed) this.reportOnce(name, `the member file ${name} in ${this.options.dir} is not a member: ${text.slice(0, 200)}`);
    else if (parsed.app !== this.options.app) {
      this.reportOnce(name, `the member file ${name} in ${this.options.dir} belongs to app '${parsed.app}', not '${this.options.app}': ignored`);
    } else member = { address: parsed.address, capacityBytes: parsed.capacityBytes };
    this.cache.set(name, { mtimeMs, member });
    return member;
  }

  /** Removes a long-dead file, unless it came back to life since it was looked at. */
  private async reap(file: string): Promise<void> {
    const stat = await fsp.stat(file).catch(() => undefined);
    if (stat && this.clock.now() - stat.mtimeMs > REAP_AFTER_BEATS * this.heartbeatMs) await fsp.rm(file, { force: true }).catch(() => undefined);
  }

  private async removeSelf(): Promise<void> {
    try {
      await fsp.rm(path.join(this.options.dir, this.selfFile), { force: true });
    } catch (err) {
      this.options.onError?.(this.wrap(err, 'cannot remove the member file'));
    }
  }

  /** Self is always in its own view (it is alive by definition), with its own info. */
  private apply(members: Member[]): void {
    this.view.apply(this.self!, members, this.state === 'running');
  }


  private reportOnce(name: string, message: string): void {
    if (this.reported.has(name)) return;
    this.reported.add(name);
    this.options.onError?.(new Error(`membership (dir:${this.options.dir}, app '${this.options.app}'): ${message}`));
  }

  private report(err: Error): void {
    if (this.failing || this.state === 'stopped') return;
    this.failing = true;
    this.options.onError?.(err);
  }

  private wrap(err: unknown, what: string): Error {
    const cause = err instanceof Error ? err : new Error(String(err));
    return new Error(`membership (dir:${this.options.dir}, app '${this.options.app}'): ${what}: ${cause.message}`, { cause });
  }
}

type MemberFile = { app?: unknown; address?: unknown; capacityBytes?: unknown };

function parseInfo(json: string): { app: string; address: string; capacityBytes: number } | undefined {
  let v: MemberFile | null = null;
  try {
    v = JSON.parse(json) as MemberFile | null;
  } catch {
    // Not JSON: reported by the caller like any other malformed file.
  }
  return v && typeof v.app === 'string' && typeof v.address === 'string' && typeof v.capacityBytes === 'number'
    ? { app: v.app, address: v.address, capacityBytes: v.capacityBytes }
    : undefined;
}
