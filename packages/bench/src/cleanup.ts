/** Orderly cleanup of what a benchmark started (daemons, servers, temp dirs), even on errors and signals. */

/**
 * Closers, each run once, last added first; a failing step is reported and the others still
 * run. A step added after a run waits for the next `run()`.
 */
export class Cleanup {
  private readonly steps: Array<() => Promise<unknown> | unknown> = [];
  private chain: Promise<void> = Promise.resolve();

  add(step: () => Promise<unknown> | unknown): void {
    this.steps.push(step);
  }

  /** Runs the steps added so far (after any run in progress). Never throws. */
  run(): Promise<void> {
    this.chain = this.chain.then(async () => {
      while (this.steps.length) {
        const step = this.steps.pop()!;
        try {
          await step();
        } catch (err) {
          process.stderr.write(`bench: cleanup step failed: ${(err as Error).message}\n`);
        }
      }
    });
    return this.chain;
  }
}

/** How long an aborted benchmark waits for its work to reach a checkpoint before cleaning up anyway (longer than a cachelet start or a cold read of 256 MiB). */
const ABORT_FALLBACK_MS = 30_000;

/**
 * Ctrl-C, SIGTERM or a closed output pipe (`… | head`, which would otherwise end the process
 * at its next write with nothing cleaned up): the work stops at its next `checkpoint()`, so
 * that whatever it was starting is registered and stopped with the rest, then the process
 * exits (130 on a signal, 1 on a closed pipe).
 */
export class Abortable {
  private code: number | undefined;

  constructor(
    private readonly cleanup: Cleanup,
    /** Printed on a signal, e.g. 'stopping the cachelets and the emulator…'. */
    private readonly stopping: string,
  ) {}

  /** Throws once an abort was asked: call it between steps of the work. */
  readonly checkpoint = (): void => {
    if (this.code !== undefined) throw new Error('aborted');
  };

  /** Runs `work`, then the cleanup; on an abort, exits the process after the cleanup. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const abort = (code: number): void => {
      if (this.code !== undefined) return;
      this.code = code;
      // Fallback for a step that never comes back.
      setTimeout(() => void this.cleanup.run().finally(() => process.exit(code)), ABORT_FALLBACK_MS).unref();
    };
    const onSignal = (signal: NodeJS.Signals): void => {
      process.stderr.write(`\n${signal}: ${this.stopping}\n`);
      abort(130);
    };
    const onOutputError = (): void => abort(1);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    process.stdout.on('error', onOutputError);
    process.stderr.on('error', onOutputError);
    let result: { value: T } | undefined;
    try {
      result = { value: await work() };
    } catch (err) {
      // Aborted: the failure the abort caused is not news.
      if (this.code === undefined) throw err;
    } finally {
      await this.cleanup.run();
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      process.stdout.removeListener('error', onOutputError);
      process.stderr.removeListener('error', onOutputError);
    }
    if (this.code !== undefined || !result) process.exit(this.code ?? 1);
    return result.value;
  }
}
