import type { EmbeddedOptions } from './embedded';
/**
 * Options of `withFaast`: an `Input` type and a `Resolved` type joined by one
 * `resolveFaastS3Config`. Each option defaults from the environment, so a deployment can
 * switch the cache on (or tune it) without code changes.
 */

/** The cachelet's Unix socket path. Without it (and without `socket`), `withFaast` is a no-op. */
export const ENV_SOCKET = 'FAAST_SOCKET';
/** `1`/`true`: never use the cache, even when a socket is configured. */
export const ENV_DISABLE = 'FAAST_DISABLE';
/** Milliseconds the cachelet has to acknowledge a call before the read goes to storage. */
export const ENV_ACK_TIMEOUT_MS = 'FAAST_ACK_TIMEOUT_MS';
/** Milliseconds the cachelet has to send the first byte of a reply (it may be reading the origin). */
export const ENV_FIRST_BYTE_TIMEOUT_MS = 'FAAST_FIRST_BYTE_TIMEOUT_MS';
/** `1`/`true`: run an embedded cachelet in this process (see `embedded`). */
export const ENV_EMBEDDED = 'FAAST_EMBEDDED';
/** Milliseconds the cache is bypassed after a fault before it is tried again (circuit breaker). */
export const ENV_RETRY_AFTER_MS = 'FAAST_RETRY_AFTER_MS';

/** Options of {@link withFaast}. */
export interface FaastS3Options {
  /** Path of the cachelet's Unix domain socket (or `host:port`). Default: `$FAAST_SOCKET`; none: pass-through. */
  socket?: string;
  /** Acknowledgement timeout, ms. Default `$FAAST_ACK_TIMEOUT_MS` or 250. */
  ackTimeoutMs?: number;
  /** First-byte timeout, ms: covers an origin read by the cachelet. Default `$FAAST_FIRST_BYTE_TIMEOUT_MS` or 15000. */
  firstByteTimeoutMs?: number;
  /** How long the cache is bypassed after a fault, ms. Default `$FAAST_RETRY_AFTER_MS` or 1000. */
  retryAfterMs?: number;
  /** Turn the cache off (pass-through). Default `$FAAST_DISABLE`. */
  disabled?: boolean;
  /**
   * Run a cachelet inside this process instead of using a sidecar (platforms like Lambda):
   * it joins the app's ring like a faastd. `true` takes every setting from `FAAST_*`
   * variables. Default: `$FAAST_EMBEDDED` (`1`/`true`), else off.
   */
  embedded?: EmbeddedOptions | boolean;
  /** Receives one event per change of the cache's state (fault, recovery); default: a JSON line on stderr. */
  onEvent?: (event: FaastEvent) => void;
}

/** A change of the interceptor's view of its cachelet, logged once per change. */
export interface FaastEvent {
  level: 'info' | 'warn';
  msg: 'cache-bypassed' | 'cache-restored';
  socket: string;
  reason?: string;
}

export interface ResolvedFaastS3Config {
  /** Undefined (and not embedded): the wrapper does nothing. */
  socket: string | undefined;
  /** Embedded mode's options, when on. */
  embedded: EmbeddedOptions | undefined;
  ackTimeoutMs: number;
  firstByteTimeoutMs: number;
  retryAfterMs: number;
  onEvent: (event: FaastEvent) => void;
}

export function resolveFaastS3Config(options: FaastS3Options = {}, env: NodeJS.ProcessEnv = process.env): ResolvedFaastS3Config {
  const disabled = options.disabled ?? /^(1|true|yes)$/i.test(env[ENV_DISABLE] ?? '');
  const socket = disabled ? undefined : options.socket ?? (env[ENV_SOCKET] || undefined);
  const embeddedOn = options.embedded ?? /^(1|true|yes)$/i.test(env[ENV_EMBEDDED] ?? '');
  const embedded = disabled || !embeddedOn ? undefined : embeddedOn === true ? {} : embeddedOn;
  return {
    socket,
    embedded,
    ackTimeoutMs: options.ackTimeoutMs ?? number(env, ENV_ACK_TIMEOUT_MS, 250),
    firstByteTimeoutMs: options.firstByteTimeoutMs ?? number(env, ENV_FIRST_BYTE_TIMEOUT_MS, 15_000),
    retryAfterMs: options.retryAfterMs ?? number(env, ENV_RETRY_AFTER_MS, 1000),
    onEvent: options.onEvent ?? logEvent,
  };
}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name}: expected a number of milliseconds ≥ 0, got '${raw}'`);
  return n;
}

function logEvent(event: FaastEvent): void {
  if (event.level === 'info' && !process.env['FAAST_VERBOSE']) return;
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), component: 'faast-s3', ...event })}\n`);
}
