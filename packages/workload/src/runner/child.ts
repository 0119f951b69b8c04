/**
 * One forked child process of the runner (an instance or a sidecar cachelet): started with an
 * IPC channel, ready when it says so, stopped with SIGTERM then SIGKILL. Every live child is
 * killed if this process exits, and children exit by themselves when the IPC channel closes
 * (this process died without a word): no orphans, even when a test fails.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { ChildMessage } from './protocol';

/** Where a child's output goes: `undefined` drops it. */
export type OutputSink = ((stream: 'stdout' | 'stderr', text: string) => void) | undefined;

export interface ForkOptions {
  /** The built entry (a .js file). */
  entry: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  output: OutputSink;
  /** Names the child in errors, e.g. `instance photos-3`. */
  label: string;
}

/** What a child said when ready. */
export type ReadyMessage = Extract<ChildMessage, { type: 'ready' }>;

const STDERR_TAIL = 2000;
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** On exit only synchronous work runs: SIGKILL whatever is still alive. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

export class Child {
  readonly process: ChildProcess;
  readonly pid: number;
  /** When fork was called, ms since 1970. */
  readonly forkedAtMs = Date.now();
  /** When the process was gone, ms since 1970. */
  exitedAtMs: number | undefined;
  /** Resolves with a description of how it exited (`code 1`, `signal SIGKILL`). */
  readonly exited: Promise<string>;
  /** The last resident memory size it reported, bytes. */
  reportedRss = 0;
  private stderr = '';
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: ForkOptions) {
    installExitHook();
    this.process = fork(options.entry, options.args, {
      env: options.env,
      stdio: ['ignore', options.output ? 'pipe' : 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    live.add(this.process);
    if (this.process.pid === undefined) {
      // fork failed (e.g. no such executable): an 'error' event follows; make `exited` resolve.
      this.pid = -1;
    } else this.pid = this.process.pid;
    this.process.stdout?.on('data', (d: Buffer) => options.output?.('stdout', d.toString()));
    this.process.stderr!.on('data', (d: Buffer) => {
      const text = d.toString();
      this.stderr = (this.stderr + text).slice(-STDERR_TAIL);
      options.output?.('stderr', text);
    });
    this.exited = new Promise((resolve) => {
      const done = (how: string) => {
        if (this.exitedAtMs !== undefined) return;
        this.exitedAtMs = Date.now();
        live.delete(this.process);
        resolve(how);
      };
      this.process.once('exit', (code, signal) => done(signal ? `signal ${signal}` : `code ${code}`));
      this.process.once('error', (err) => {
        if (this.process.pid === undefined) done(`error ${err.message}`);
      });
    });
    this.process.on('message', (m: ChildMessage) => {
      if (m.type === 'ready' || m.type === 'result') this.reportedRss = m.rss;
    });
  }

  get alive(): boolean {
    return this.exitedAtMs === undefined;
  }

  /** The end of what it wrote on stderr (for error messages). */
  stderrTail(): string {
    return this.stderr.trim();
  }

  /**
   * Waits for its `ready` message.
   * @throws Error with its `init-error`, its exit status and stderr, or a timeout.
   */
  ready(timeoutMs: number): Promise<ReadyMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`${this.options.label} was not ready within ${timeoutMs} ms${this.tail()}`)), timeoutMs);
      const onMessage = (m: ChildMessage) => {
        if (m.type === 'ready') finish(undefined, m);
        else if (m.type === 'init-error') finish(new Error(m.error));
      };
      const finish = (err: Error | undefined, m?: ReadyMessage) => {
        clearTimeout(timer);
        this.process.off('message', onMessage);
        if (err) reject(err);
        else resolve(m!);
      };
      this.process.on('message', onMessage);
      void this.exited.then((how) => finish(new Error(`${this.options.label} exited (${how}) before it was ready${this.tail()}`)));
    });
  }

  send(message: unknown): boolean {
    if (!this.alive || !this.process.connected) return false;
    try {
      return this.process.send(message as object);
    } catch {
      return false; // the channel closed meanwhile: its exit is reported separately
    }
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. Idempotent. */
  stop(graceMs: number): Promise<void> {
    this.stopping ??= (async () => {
      if (!this.alive) return;
      this.process.kill('SIGTERM');
      const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    })();
    return this.stopping;
  }

  /** SIGKILL at once; resolves once the process is gone. */
  async kill(): Promise<void> {
    if (this.alive) this.process.kill('SIGKILL');
    await this.exited;
  }

  private tail(): string {
    const t = this.stderrTail();
    return t ? `: ${t.slice(-500)}` : '';
  }
}
