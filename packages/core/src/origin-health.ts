/**
 * Whether the origin can be used: driven by a cheap check (at start, and again while it is
 * unusable, with a bounded backoff) and by the results of real origin requests. An origin
 * that answers — even "no such object" or "access denied to this key" — is usable; one that
 * cannot be reached, signed for or found (network, credentials, region, 5xx) is not.
 */
import type { Origin } from './ports';
import { scrubSecrets } from './scrub';

export interface OriginHealthOptions {
  /** The cheap check (e.g. `Origin.check`); rejects naming the problem. Without it only real requests move the state. */
  probe?: (signal: AbortSignal) => Promise<void>;
  /** Bound on one check, ms. Default 5000. */
  timeoutMs?: number;
  /** First re-check after the origin became unusable, ms (then doubling). Default 1000. */
  minRetryMs?: number;
  /** Longest wait between two re-checks, ms. Default 30000. */
  maxRetryMs?: number;
  /** Called once per change of state, with the (scrubbed) problem when unusable. */
  onChange?: (healthy: boolean, error: string) => void;
}

/** The origin-health tracker of one cachelet. Starts healthy (nothing known against it). */
export class OriginHealth {
  private ok = true;
  private last = '';
  private timer: NodeJS.Timeout | undefined;
  private retryMs: number;
  private running: Promise<string | undefined> | undefined;
  private stopped = false;
  private readonly timeoutMs: number;
  private readonly minRetryMs: number;
  private readonly maxRetryMs: number;

  constructor(private readonly options: OriginHealthOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.minRetryMs = options.minRetryMs ?? 1000;
    this.maxRetryMs = Math.max(this.minRetryMs, options.maxRetryMs ?? 30_000);
    this.retryMs = this.minRetryMs;
  }

  /** Whether the origin is usable, as far as the last check or request showed. */
  get healthy(): boolean {
    return this.ok;
  }

  /** The last origin failure's message, scrubbed of secrets; '' when there was none. Kept after recovery. */
  get lastError(): string {
    return this.last;
  }

  /** Runs the check now, within the timeout. Resolves with the problem, or undefined when the origin is usable (or there is no check). */
  check(): Promise<string | undefined> {
    const probe = this.options.probe;
    if (!probe) return Promise.resolve(undefined);
    this.running ??= (async () => {
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`the origin did not answer within ${this.timeoutMs} ms`));
          controller.abort();
        }, this.timeoutMs);
      });
      try {
        await Promise.race([probe(controller.signal), timeout]);
        this.succeeded();
        return undefined;
      } catch (err) {
        this.failed(err);
        return this.last;
      } finally {
        clearTimeout(timer);
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** The origin answered a request. */
  succeeded(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.retryMs = this.minRetryMs;
    if (this.ok) return;
    this.ok = true;
    this.options.onChange?.(true, this.last);
  }

  /** A request failed because of the origin (see `Origin.isFault`). */
  failed(err: unknown): void {
    this.last = scrubSecrets(describe(err));
    if (this.ok) {
      this.ok = false;
      this.options.onChange?.(false, this.last);
    }
    this.recheckLater();
  }

  /** Stops re-checking (shutdown). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private recheckLater(): void {
    if (this.timer || this.stopped || !this.options.probe) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, this.maxRetryMs);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.check();
    }, delay);
    this.timer.unref();
  }
}

/**
 * `origin` with every request's outcome reported to `health`: an answer (or an error the
 * origin's `isFault` does not call a fault) is a success; a fault is a failure; a request
 * its caller aborted says nothing.
 */
export function watchOrigin(origin: Origin, health: OriginHealth): Origin {
  const track = async <T>(request: Promise<T>, signal: AbortSignal | undefined): Promise<T> => {
    try {
      const result = await request;
      health.succeeded();
      return result;
    } catch (err) {
      if (!signal?.aborted) {
        if (origin.isFault ? origin.isFault(err) : true) health.failed(err);
        else health.succeeded();
      }
      throw err;
    }
  };
  return {
    id: origin.id,
    get: (ref, options) => track(origin.get(ref, options), options?.signal),
    head: (ref, options) => track(origin.head(ref, options), options?.signal),
  };
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
