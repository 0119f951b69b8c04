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
