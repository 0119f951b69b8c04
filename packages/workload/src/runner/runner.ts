/**
 * LocalRunner: a serverless platform on one machine, for examples, benchmarks and tests. Apps
 * are Node modules exporting `handler(event, context)`; each instance is a child process with
 * its own cachelet (none, a sidecar faastd, or embedded in the process); the instances of an
 * app form one ring (one cache per app) through a `dir:` membership in the work directory.
 * Instances scale with concurrency; an idle app is unloaded and reloaded on demand.
 *
 * @example
 * const runner = new LocalRunner({ cachelet: 'sidecar', origin: { endpoint, region, credentials } });
 * runner.register({ name: 'photos', module: require.resolve('./dist/handler.js'), concurrency: 4 });
 * const r = await runner.invoke('photos', { id: 42 });
 * console.log(r.ok ? r.result : r.error, r.coldStart, r.latencyMs, runner.report().apps['photos']);
 * await runner.close();
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError } from '@faast/core';
import { AppPool, type PoolHost, type ResolvedApp } from './app-pool';
import type { OutputSink } from './child';
import type { InstanceSetup } from './instance-process';
import type { AppSpec, CacheletMode, InstanceSample, InvocationResult, RunnerEvent, RunnerOptions, RunnerReport } from './types';

const DEFAULTS = {
  concurrency: 1,
  maxInstances: 4,
  keepAliveMs: 10 * 60_000,
  cacheCapacityBytes: 64 * 2 ** 20,
  sampleIntervalMs: 1000,
  stopGraceMs: 3000,
  startTimeoutMs: 30_000,
  sidecarLogLevel: 'warn',
};

const MODES: readonly CacheletMode[] = ['none', 'sidecar', 'embedded'];
/** App names become directory names, FAAST_APP and member-file namespaces. */
const APP_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** Work directories of open runners, removed if this process exits without close(). */
const ownedWorkDirs = new Set<string>();
let exitHookInstalled = false;

export class LocalRunner {
  /** The directory of sockets (`s/`) and membership files (`members/APP/`). */
  readonly workDir: string;
  readonly cachelet: CacheletMode;
  readonly startedAtMs = Date.now();
  private readonly ownsWorkDir: boolean;
  private readonly pools = new Map<string, AppPool>();
  private readonly eventLog: RunnerEvent[] = [];
  private readonly sampleLog: InstanceSample[] = [];
  private readonly sampler: NodeJS.Timeout;
  private readonly host: PoolHost;
  private nextSocket = 1;
  private closing: Promise<void> | undefined;

  /** @throws ConfigError naming the option for an invalid mode or time. */
  constructor(private readonly options: RunnerOptions = {}) {
    this.cachelet = options.cachelet ?? 'none';
    if (!MODES.includes(this.cachelet)) throw new ConfigError('cachelet', `'${String(this.cachelet)}' is not one of ${MODES.join(', ')}`);
    for (const name of ['sampleIntervalMs', 'instanceIdleMs', 'stopGraceMs', 'startTimeoutMs'] as const) {
      const v = options[name];
      if (v !== undefined && !(Number.isFinite(v) && v > 0)) throw new ConfigError(name, `must be a positive number of ms, got ${v}`);
    }
    this.ownsWorkDir = options.workDir === undefined;
    this.workDir = options.workDir ? path.resolve(options.workDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'faast-runner-'));
    fs.mkdirSync(path.join(this.workDir, 's'), { recursive: true });
    if (this.ownsWorkDir) {
      ownedWorkDirs.add(this.workDir);
      installExitHook();
    }
    const stopGraceMs = options.stopGraceMs ?? DEFAULTS.stopGraceMs;
    this.host = {
      setup: (app, id) => this.setup(app, id, stopGraceMs),
      emit: (event) => {
        this.eventLog.push(event);
        options.onEvent?.(event);
      },
      sample: (sample) => this.sampleLog.push(sample),
      startTimeoutMs: options.startTimeoutMs ?? DEFAULTS.startTimeoutMs,
      ...(options.onUnload ? { onUnload: options.onUnload } : {}),
      ...(options.onReload ? { onReload: options.onReload } : {}),
    };
    this.sampler = setInterval(() => {
      for (const pool of this.pools.values()) pool.sample();
    }, options.sampleIntervalMs ?? DEFAULTS.sampleIntervalMs);
    this.sampler.unref();
  }

  /**
   * Adds an app (it starts no instance until invoked).
   * @throws ConfigError for a bad name, a module that is not an existing absolute path, a name
   *   already registered, or a non-positive number.
   */
  register(spec: AppSpec): void {
    if (this.closing) throw new Error('LocalRunner: closed');
    if (!APP_NAME.test(spec.name)) throw new ConfigError('name', `'${spec.name}' is not an app name (letters, digits, . _ -; at most 63, starting with a letter or digit)`);
    if (this.pools.has(spec.name)) throw new ConfigError('name', `app '${spec.name}' is already registered`);
    if (!path.isAbsolute(spec.module) || !fs.existsSync(spec.module)) throw new ConfigError('module', `'${spec.module}' is not an absolute path of an existing module`);
    const keepAliveMs = spec.keepAliveMs ?? DEFAULTS.keepAliveMs;
    const app: ResolvedApp = {
      name: spec.name,
      module: spec.module,
      env: { ...spec.env },
      concurrency: spec.concurrency ?? DEFAULTS.concurrency,
      maxInstances: spec.maxInstances ?? DEFAULTS.maxInstances,
      keepAliveMs,
      instanceIdleMs: spec.instanceIdleMs ?? this.options.instanceIdleMs ?? keepAliveMs,
      cacheCapacityBytes: spec.cacheCapacityBytes ?? DEFAULTS.cacheCapacityBytes,
    };
    for (const name of ['concurrency', 'maxInstances'] as const) {
      if (!Number.isInteger(app[name]) || app[name] < 1) throw new ConfigError(name, `must be a whole number ≥ 1, got ${app[name]}`);
    }
    for (const name of ['keepAliveMs', 'instanceIdleMs', 'cacheCapacityBytes'] as const) {
      if (!Number.isFinite(app[name]) || app[name] <= 0) throw new ConfigError(name, `must be a positive number, got ${app[name]}`);
    }
    this.pools.set(spec.name, new AppPool(app, this.host));
  }

  /**
   * Runs one invocation of `app`: on a ready instance, a new one (cold start) or after waiting
   * in the app's queue. Resolves with `ok: false` for a handler error, a crash or a failed
   * start; rejects only for an unknown app.
   */
  invoke<R = unknown>(app: string, event: unknown): Promise<InvocationResult<R>> {
    const pool = this.pools.get(app);
    if (!pool) return Promise.reject(new Error(`LocalRunner: no app '${app}' is registered`));
    return pool.invoke(event) as Promise<InvocationResult<R>>;
  }

  /** Every sample so far (a copy), in time order. */
  samples(): InstanceSample[] {
    return [...this.sampleLog];
  }

  /** Every event so far, in order. */
  get events(): readonly RunnerEvent[] {
    return this.eventLog;
  }

  /** Process ids of the live instances and sidecars, of one app or all. */
  pids(app?: string): number[] {
    const pools = app === undefined ? [...this.pools.values()] : [this.pools.get(app)].filter((p): p is AppPool => !!p);
    return pools.flatMap((p) => p.pids());
  }

  /** Per-app totals so far. */
  report(): RunnerReport {
    const apps: RunnerReport['apps'] = {};
    for (const [name, pool] of this.pools) apps[name] = pool.report();
    return { startedAtMs: this.startedAtMs, durationMs: Date.now() - this.startedAtMs, cachelet: this.cachelet, apps };
  }

  /** Stops every instance and cachelet (invocations still waiting or running fail) and removes the work directory if the runner made it. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      clearInterval(this.sampler);
      await Promise.all([...this.pools.values()].map((p) => p.close()));
      if (this.ownsWorkDir) {
        fs.rmSync(this.workDir, { recursive: true, force: true });
        ownedWorkDirs.delete(this.workDir);
      }
    })();
    return this.closing;
  }

  private setup(app: ResolvedApp, id: string, stopGraceMs: number): InstanceSetup {
    return {
      id,
      app: app.name,
      module: app.module,
      mode: this.cachelet,
      baseEnv: this.options.env ?? process.env,
      appEnv: app.env,
      origin: this.options.origin ?? {},
      // Short: a Unix socket path must fit in ~100 bytes.
      socket: path.join(this.workDir, 's', `${this.nextSocket++}.sock`),
      membersDir: path.join(this.workDir, 'members', app.name),
      capacityBytes: app.cacheCapacityBytes,
      output: (instanceId) => this.sink(app.name, instanceId),
      sidecarLogLevel: this.options.sidecarLogLevel ?? DEFAULTS.sidecarLogLevel,
      stopGraceMs,
    };
  }

  private sink(app: string, instanceId: string): OutputSink {
    const output = this.options.output ?? 'inherit';
    if (output === 'ignore') return undefined;
    if (output === 'inherit') return (stream, text) => process[stream].write(text);
    const partial = { stdout: '', stderr: '' };
    return (stream, text) => {
      const lines = (partial[stream] + text).split('\n');
      partial[stream] = lines.pop()!;
      for (const line of lines) output({ app, instanceId, stream, text: line });
    };
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Children are killed by their own exit hook (child.ts); here only the files go.
  process.once('exit', () => {
    for (const dir of ownedWorkDirs) fs.rmSync(dir, { recursive: true, force: true });
  });
}
