/**
 * One instance of an app: its process and, in 'sidecar' mode, its own cachelet process.
 * Starts them (the sidecar first, so that the app's init already reads through its cache),
 * carries invocations to the process and results back, and stops both.
 */
import { Child, type OutputSink } from './child';
import { INSTANCE_ENTRY, SIDECAR_ENTRY, instanceEnv, sidecarConfig, sidecarEnv, type EnvSetup } from './env';
import type { ChildMessage, InvokeMessage } from './protocol';
import { procRss } from './stats';

/**
 * `starting` → `ready` (takes invocations) → `stopping` → `gone`. `retiring`: ready but takes
 * no new invocations (its sidecar died); stopped once its invocations are done.
 */
export type InstanceState = 'starting' | 'ready' | 'retiring' | 'stopping' | 'gone';

export interface InstanceSetup extends EnvSetup {
  id: string;
  module: string;
  output: (instanceId: string) => OutputSink;
  sidecarLogLevel: string;
  stopGraceMs: number;
}

export interface InstanceEvents {
  onResult(instance: InstanceProcess, message: Extract<ChildMessage, { type: 'result' }>): void;
  /** The instance process exited on its own (crash) once ready. */
  onCrash(instance: InstanceProcess, error: string): void;
  /** The sidecar exited on its own once ready; the instance should retire. */
  onSidecarLost(instance: InstanceProcess, error: string): void;
}

export class InstanceProcess {
  state: InstanceState = 'starting';
  /** Invocation ids in flight here. */
  readonly inFlight = new Set<string>();
  /** When the start was decided, ms since 1970. */
  readonly requestedAtMs = Date.now();
  /** When both processes were gone, ms since 1970. */
  goneAtMs: number | undefined;
  /** Invocations sent here so far. */
  invocations = 0;
  /** Why it retires, when its sidecar died. */
  lostSidecar: string | undefined;
  /** Scale-in timer while idle. */
  idleTimer: NodeJS.Timeout | undefined;
  private process: Child | undefined;
  private sidecar: Child | undefined;

  constructor(
    readonly setup: InstanceSetup,
    private readonly events: InstanceEvents,
  ) {}

  get id(): string {
    return this.setup.id;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  get sidecarPid(): number | undefined {
    return this.sidecar?.pid;
  }

  /** Both processes' ids (for tests and tools). */
  pids(): number[] {
    return [this.process?.pid, this.sidecar?.pid].filter((p): p is number => p !== undefined && p > 0);
  }

  /**
   * Starts the sidecar (if any), then the instance; resolves when both are ready.
   * @throws Error saying why it could not start; both processes are then gone.
   */
  async start(timeoutMs: number): Promise<void> {
    const s = this.setup;
    const deadline = Date.now() + timeoutMs;
    try {
      if (s.mode === 'sidecar') {
        this.sidecar = new Child({
          entry: SIDECAR_ENTRY,
          args: [JSON.stringify(sidecarConfig(s, s.sidecarLogLevel, Math.max(100, s.stopGraceMs - 500)))],
          env: sidecarEnv(s),
          output: s.output(`${s.id}/cachelet`),
          label: `the cachelet sidecar of instance ${s.id}`,
        });
        await this.sidecar.ready(Math.max(1, deadline - Date.now()));
      }
      if (this.state !== 'starting') throw new Error(`instance ${s.id} was stopped while starting`);
      this.process = new Child({
        entry: INSTANCE_ENTRY,
        args: [s.module, s.app, s.id],
        env: instanceEnv(s),
        output: s.output(s.id),
        label: `instance ${s.id}`,
      });
      this.process.process.on('message', (m: ChildMessage) => {
        if (m.type === 'result') this.events.onResult(this, m);
      });
      await this.process.ready(Math.max(1, deadline - Date.now()));
      if (this.state !== 'starting') throw new Error(`instance ${s.id} was stopped while starting`);
    } catch (err) {
      await this.stop();
      throw err;
    }
    this.state = 'ready';
    const proc = this.process;
    void proc.exited.then((how) => {
      if (this.state === 'ready' || this.state === 'retiring') {
        const tail = proc.stderrTail();
        this.events.onCrash(this, `instance ${s.id} exited (${how})${tail ? `: ${tail.slice(-500)}` : ''}`);
      }
    });
    const sidecar = this.sidecar;
    void sidecar?.exited.then((how) => {
      if (this.state === 'ready' || this.state === 'retiring') this.events.onSidecarLost(this, `the cachelet sidecar of instance ${s.id} exited (${how})`);
    });
  }

  /** Sends an invocation; false when the process can no longer take it. */
  invoke(id: string, event: unknown): boolean {
    const message: InvokeMessage = { type: 'invoke', id, event };
    if (!this.process?.send(message)) return false;
    this.inFlight.add(id);
    this.invocations++;
    return true;
  }

  /** Resident memory of its processes, bytes (kernel's view where there is /proc, else what they last reported). */
  rssBytes(): number {
    let total = 0;
    for (const child of [this.process, this.sidecar]) {
      if (child?.alive) total += procRss(child.pid) ?? child.reportedRss;
    }
    return total;
  }

  /** Stops the instance, then its sidecar (SIGTERM, SIGKILL after the grace). Idempotent. */
  async stop(): Promise<void> {
    if (this.state === 'gone') return;
    if (this.state !== 'stopping') this.state = 'stopping';
    clearTimeout(this.idleTimer);
    await this.process?.stop(this.setup.stopGraceMs);
    await this.sidecar?.stop(this.setup.stopGraceMs);
    if (this.state === 'stopping') {
      this.state = 'gone';
      this.goneAtMs = Date.now();
    }
  }

  /** SIGKILL both at once (the runner is closing in a hurry). */
  async kill(): Promise<void> {
    await Promise.all([this.process?.kill(), this.sidecar?.kill()]);
  }
}
