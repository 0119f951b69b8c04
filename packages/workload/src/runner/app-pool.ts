/**
 * The instances of one app and the scheduling between them, as a serverless platform does it:
 * - an invocation goes to the least-loaded ready instance with fewer than `concurrency` in
 *   flight; if there is none, a new instance starts (cold start) unless `maxInstances` are
 *   starting or running; otherwise it waits in a FIFO queue. Instances being started count as
 *   capacity, so a burst starts only as many as it needs.
 * - an instance idle for `instanceIdleMs` stops while others keep running (the count follows
 *   the load); when the whole app has had nothing to do for `keepAliveMs`, it is unloaded: all
 *   its instances and cachelets stop. The next invocation reloads it.
 * - a crashed instance fails its invocations in flight; the next ones start a new instance.
 */
import { randomUUID } from 'node:crypto';
import { errorText, type ChildMessage } from './protocol';
import { InstanceProcess, type InstanceSetup } from './instance-process';
import type { AppReport, AppSpec, InstanceSample, InvocationResult, RunnerEvent } from './types';
import { latencyStats } from './stats';

/** An AppSpec with every default applied. */
export type ResolvedApp = Required<Omit<AppSpec, 'env'>> & { env: Record<string, string> };

/** What a pool needs from its runner. */
export interface PoolHost {
  /** Everything of an instance's setup but its id and the per-instance socket. */
  setup(app: ResolvedApp, instanceId: string): InstanceSetup;
  emit(event: RunnerEvent): void;
  sample(sample: InstanceSample): void;
  startTimeoutMs: number;
  onUnload?: (app: string) => Promise<void>;
  onReload?: (app: string) => Promise<void>;
}

interface Pending {
  id: string;
  event: unknown;
  receivedAtMs: number;
  /** `performance.now()` at receipt: latencies finer than a millisecond. */
  receivedAt: number;
  resolve: (result: InvocationResult) => void;
}

type AppState = 'loaded' | 'unloading' | 'unloaded' | 'reloading' | 'closed';

export class AppPool {
  private state: AppState = 'loaded';
  private readonly instances = new Map<string, InstanceProcess>();
  private readonly queue: Pending[] = [];
  /** Invocations sent to an instance, by id. */
  private readonly running = new Map<string, Pending>();
  private nextInstance = 1;
  private unloadTimer: NodeJS.Timeout | undefined;
  private unloading: Promise<void> | undefined;
  private lastRssBytes = 0;
  private readonly totals = {
    invocations: 0,
    errors: 0,
    coldStarts: 0,
    instanceStarts: 0,
    initErrors: 0,
    crashes: 0,
    maxInstances: 0,
    unloads: 0,
    reloads: 0,
    peakRssBytes: 0,
    /** Lifetimes of instances already gone, ms. */
    goneInstanceMs: 0,
  };
  private readonly latencies: number[] = [];
  private readonly startups: number[] = [];

  constructor(
    readonly app: ResolvedApp,
    private readonly host: PoolHost,
  ) {}

  /** Runs one invocation; never rejects (failures are results with `ok: false`). */
  invoke(event: unknown): Promise<InvocationResult> {
    return new Promise((resolve) => {
      if (this.state === 'closed') {
        const p = { id: randomUUID(), event, receivedAtMs: Date.now(), receivedAt: performance.now(), resolve };
        return this.finish(p, undefined, { ok: false, error: 'RunnerClosed: the runner is closed' });
      }
      this.queue.push({ id: randomUUID(), event, receivedAtMs: Date.now(), receivedAt: performance.now(), resolve });
      clearTimeout(this.unloadTimer);
      this.unloadTimer = undefined;
      if (this.state === 'unloaded') void this.reload();
      else if (this.state === 'loaded') this.pump();
      // 'unloading': reloaded once the unload is done; 'reloading': pumped once reloaded.
    });
  }

  /** Process ids of the app's live processes (instances and sidecars). */
  pids(): number[] {
    return [...this.instances.values()].flatMap((i) => i.pids());
  }

  /** Instances starting or running. */
  get liveInstances(): number {
    let n = 0;
    for (const i of this.instances.values()) if (i.state === 'starting' || i.state === 'ready' || i.state === 'retiring') n++;
    return n;
  }

  get inFlight(): number {
    return this.running.size;
  }

  /** Measures memory and records a sample. */
  sample(measure = true): void {
    if (measure) {
      let rss = 0;
      for (const i of this.instances.values()) rss += i.rssBytes();
      this.lastRssBytes = rss;
      this.totals.peakRssBytes = Math.max(this.totals.peakRssBytes, rss);
    }
    const instances = this.liveInstances;
    this.totals.maxInstances = Math.max(this.totals.maxInstances, instances);
    this.host.sample({ tMs: Date.now(), app: this.app.name, instances, inFlight: this.running.size, queued: this.queue.length, rssBytes: this.lastRssBytes });
  }

  report(): AppReport {
    const now = Date.now();
    let liveMs = 0;
    for (const i of this.instances.values()) liveMs += now - i.requestedAtMs;
    const { goneInstanceMs, ...totals } = this.totals;
    return {
      app: this.app.name,
      ...totals,
      instanceSeconds: (goneInstanceMs + liveMs) / 1000,
      latencyMs: latencyStats(this.latencies),
      startupMs: latencyStats(this.startups),
    };
  }

  /** Stops everything: waiting and running invocations fail. */
  async close(): Promise<void> {
    this.state = 'closed';
    clearTimeout(this.unloadTimer);
    for (const p of this.queue.splice(0)) this.finish(p, undefined, { ok: false, error: 'RunnerClosed: the runner was closed before this invocation ran' });
    await this.unloading;
    await Promise.all([...this.instances.values()].map((i) => this.stopInstance(i, 'close')));
  }

  private pump(): void {
    if (this.state !== 'loaded') return;
    while (this.queue.length > 0) {
      const instance = this.pick();
      if (!instance) break;
      const p = this.queue.shift()!;
      this.dispatch(instance, p);
    }
    this.scaleUp();
    this.scheduleUnload();
  }

  /** The least-loaded ready instance with a free slot; the oldest among equals. */
  private pick(): InstanceProcess | undefined {
    let best: InstanceProcess | undefined;
    for (const i of this.instances.values()) {
      if (i.state !== 'ready' || i.inFlight.size >= this.app.concurrency) continue;
      if (!best || i.inFlight.size < best.inFlight.size) best = i;
    }
    return best;
  }

  private dispatch(instance: InstanceProcess, p: Pending): void {
    clearTimeout(instance.idleTimer);
    instance.idleTimer = undefined;
    this.running.set(p.id, p);
    if (!instance.invoke(p.id, p.event)) {
      // Its channel just closed: it is exiting, and its exit will be reported as a crash. Try again elsewhere.
      instance.state = 'retiring';
      this.running.delete(p.id);
      this.queue.unshift(p);
    }
  }

  private scaleUp(): void {
    let starting = 0;
    for (const i of this.instances.values()) if (i.state === 'starting') starting++;
    let need = this.queue.length - starting * this.app.concurrency;
    let live = this.liveInstances;
    while (need > 0 && live < this.app.maxInstances) {
      this.startInstance();
      live++;
      need -= this.app.concurrency;
    }
  }

  private startInstance(): void {
    const id = `${this.app.name}-${this.nextInstance++}`;
    const instance = new InstanceProcess(this.host.setup(this.app, id), {
      onResult: (i, m) => this.onResult(i, m),
      onCrash: (i, error) => void this.onCrash(i, error),
      onSidecarLost: (i, error) => this.retire(i, error),
    });
    this.instances.set(id, instance);
    this.sample(false);
    instance.start(this.host.startTimeoutMs).then(
      () => {
        if (instance.state !== 'ready') return; // stopped while starting (unload, close)
        const startupMs = Date.now() - instance.requestedAtMs;
        this.totals.instanceStarts++;
        this.startups.push(startupMs);
        this.host.emit({
          type: 'instance-start',
          app: this.app.name,
          instanceId: id,
          tMs: Date.now(),
          startupMs,
          pid: instance.pid!,
          ...(instance.sidecarPid !== undefined ? { sidecarPid: instance.sidecarPid } : {}),
        });
        this.sample();
        this.pump();
        this.armIdle(instance);
      },
      (err: unknown) => {
        this.gone(instance);
        if (this.state === 'closed' || this.state === 'unloading') return;
        const error = errorText(err).replace(/^Error: /, '');
        this.totals.initErrors++;
        this.host.emit({ type: 'instance-stop', app: this.app.name, instanceId: id, tMs: Date.now(), reason: 'init-error', error });
        // The invocations this start was for fail, as on a platform whose init fails; others may start it again.
        for (const p of this.queue.splice(0, this.app.concurrency)) this.finish(p, undefined, { ok: false, error: `InitError: ${error}` });
        this.sample();
        this.pump();
      },
    );
  }

  private onResult(instance: InstanceProcess, m: Extract<ChildMessage, { type: 'result' }>): void {
    const p = this.running.get(m.id);
    if (!p || !instance.inFlight.delete(m.id)) return;
    this.finish(p, instance, m.ok ? { ok: true, result: m.result, coldStart: m.coldStart } : { ok: false, error: m.error ?? 'Error', coldStart: m.coldStart });
    if (instance.state === 'retiring' && instance.inFlight.size === 0 && instance.lostSidecar) void this.stopInstance(instance, 'crash', instance.lostSidecar);
    this.armIdle(instance);
    this.pump();
  }

  private finish(p: Pending, instance: InstanceProcess | undefined, outcome: { ok: boolean; result?: unknown; error?: string; coldStart?: boolean }): void {
    this.running.delete(p.id);
    const latencyMs = performance.now() - p.receivedAt;
    const coldStart = outcome.coldStart ?? false;
    this.totals.invocations++;
    if (!outcome.ok) this.totals.errors++;
    if (coldStart) this.totals.coldStarts++;
    this.latencies.push(latencyMs);
    p.resolve({
      app: this.app.name,
      invocationId: p.id,
      instanceId: instance?.id ?? '',
      coldStart,
      startedAtMs: p.receivedAtMs,
      latencyMs,
      ok: outcome.ok,
      ...(outcome.ok ? { result: outcome.result } : { error: outcome.error }),
    });
  }

  private async onCrash(instance: InstanceProcess, error: string): Promise<void> {
    instance.state = 'stopping';
    this.totals.crashes++;
    for (const id of instance.inFlight) {
      const p = this.running.get(id);
      if (p) this.finish(p, instance, { ok: false, error: `InstanceCrashed: ${error}` });
    }
    instance.inFlight.clear();
    await instance.stop(); // its sidecar
    this.gone(instance);
    this.host.emit({ type: 'instance-stop', app: this.app.name, instanceId: instance.id, tMs: Date.now(), reason: 'crash', error });
    this.sample();
    this.pump();
  }

  /** Its sidecar died: it takes no new invocations and stops once idle (the platform would restart the pod). */
  private retire(instance: InstanceProcess, error: string): void {
    if (instance.state !== 'ready') return;
    instance.state = 'retiring';
    instance.lostSidecar = error;
    this.totals.crashes++;
    if (instance.inFlight.size === 0) void this.stopInstance(instance, 'crash', error);
    this.pump(); // its share of the load goes elsewhere
  }

  private armIdle(instance: InstanceProcess): void {
    if (instance.state !== 'ready' || instance.inFlight.size > 0) return;
    clearTimeout(instance.idleTimer);
    instance.idleTimer = setTimeout(() => {
      instance.idleTimer = undefined;
      // The last instance stays until the whole app is unloaded.
      if (this.state === 'loaded' && instance.state === 'ready' && instance.inFlight.size === 0 && this.liveInstances > 1) {
        void this.stopInstance(instance, 'idle');
      }
    }, this.app.instanceIdleMs);
    instance.idleTimer.unref();
  }

  private async stopInstance(instance: InstanceProcess, reason: 'idle' | 'unload' | 'close' | 'crash', error?: string): Promise<void> {
    if (instance.state === 'gone' || !this.instances.has(instance.id)) return;
    const wasStarting = instance.state === 'starting';
    instance.state = 'stopping';
    this.sample(false);
    for (const id of instance.inFlight) {
      const p = this.running.get(id);
      if (p) this.finish(p, instance, { ok: false, error: `RunnerClosed: instance ${instance.id} was stopped (${reason}) while running this invocation` });
    }
    instance.inFlight.clear();
    await instance.stop();
    this.gone(instance);
    // One that never became ready has no instance-start event, so it gets no instance-stop either.
    if (!wasStarting) this.host.emit({ type: 'instance-stop', app: this.app.name, instanceId: instance.id, tMs: Date.now(), reason, ...(error ? { error } : {}) });
    this.sample();
    if (reason !== 'close') this.pump();
  }

  private gone(instance: InstanceProcess): void {
    if (!this.instances.delete(instance.id)) return;
    clearTimeout(instance.idleTimer);
    this.totals.goneInstanceMs += (instance.goneAtMs ?? Date.now()) - instance.requestedAtMs;
  }

  /** Arms the keep-alive when the app has nothing to do. */
  private scheduleUnload(): void {
    if (this.state !== 'loaded' || this.queue.length > 0 || this.running.size > 0 || this.unloadTimer) return;
    if (this.instances.size === 0) return; // nothing to unload
    this.unloadTimer = setTimeout(() => {
      this.unloadTimer = undefined;
      if (this.state === 'loaded' && this.queue.length === 0 && this.running.size === 0) void this.unload();
    }, this.app.keepAliveMs);
    this.unloadTimer.unref();
  }

  private unload(): Promise<void> {
    this.state = 'unloading';
    this.unloading = (async () => {
      if (this.host.onUnload) {
        await this.host.onUnload(this.app.name).catch((err: unknown) => this.hookError('onUnload', err));
      }
      await Promise.all([...this.instances.values()].map((i) => this.stopInstance(i, 'unload')));
      this.totals.unloads++;
      this.host.emit({ type: 'unload', app: this.app.name, tMs: Date.now() });
      if ((this.state as AppState) === 'closed') return;
      this.state = 'unloaded';
      this.sample();
      if (this.queue.length > 0) void this.reload();
    })().finally(() => (this.unloading = undefined));
    return this.unloading;
  }

  private async reload(): Promise<void> {
    this.state = 'reloading';
    this.totals.reloads++;
    this.host.emit({ type: 'reload', app: this.app.name, tMs: Date.now() });
    if (this.host.onReload) {
      await this.host.onReload(this.app.name).catch((err: unknown) => this.hookError('onReload', err));
    }
    if ((this.state as AppState) !== 'reloading') return; // closed meanwhile
    this.state = 'loaded';
    this.pump();
  }

  private hookError(hook: 'onUnload' | 'onReload', err: unknown): void {
    this.host.emit({ type: 'hook-error', app: this.app.name, tMs: Date.now(), hook, error: errorText(err) });
  }
}
