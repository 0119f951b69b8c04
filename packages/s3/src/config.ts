import { parseBytes } from '@faast/core/rules';
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
/** Bytes of the in-process near cache (a size: `64MiB`); `0` turns it off. */
export const ENV_NEAR_CACHE = 'FAAST_NEAR_CACHE';
/** Largest object the near cache holds (a size). */
export const ENV_NEAR_MAX_OBJECT = 'FAAST_NEAR_MAX_OBJECT';
/** Milliseconds a near-cache entry may be served without news from the cachelet. */
export const ENV_NEAR_MAX_AGE_MS = 'FAAST_NEAR_MAX_AGE_MS';
/** Lambda's memory size in MB: the near cache's default budget is a share of it. */
const ENV_LAMBDA_MEMORY_MB = 'AWS_LAMBDA_FUNCTION_MEMORY_SIZE';

/** The near cache's default budget: this share of the function's memory when the platform says it, else {@link NEAR_CACHE_DEFAULT_BYTES}. */
export const NEAR_CACHE_MEMORY_SHARE = 0.1;
export const NEAR_CACHE_DEFAULT_BYTES = 64 * 2 ** 20;
export const NEAR_MAX_OBJECT_DEFAULT_BYTES = 2 ** 20;
export const NEAR_MAX_AGE_DEFAULT_MS = 30_000;

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
  /**
   * The near cache: objects this process read, kept in its memory while the cachelet keeps it
   * told of changes. `false` turns it off. Defaults: `maxBytes` `$FAAST_NEAR_CACHE`, else 10 %
   * of `$AWS_LAMBDA_FUNCTION_MEMORY_SIZE`, else 64 MiB; `maxObjectBytes` `$FAAST_NEAR_MAX_OBJECT`
   * or 1 MiB; `maxAgeMs` `$FAAST_NEAR_MAX_AGE_MS` or 30,000 (the staleness bound if this
   * process's cachelet loses the owner without noticing).
   */
  nearCache?: false | { maxBytes?: number; maxObjectBytes?: number; maxAgeMs?: number };
  /**
   * Turn on the SDK's handler cache (`cacheMiddleware`) on the wrapped client, default true: a
   * send() then reuses the resolved middleware stack instead of building it per call (most of
   * a near-cache hit's cost otherwise). Middleware added to the client after its first send()
   * is then ignored, as the SDK documents for that option: add yours before, or pass false.
   */
  cacheMiddleware?: boolean;
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
  /** Undefined: no near cache. */
  nearCache: { maxBytes: number; maxObjectBytes: number; maxAgeMs: number } | undefined;
  cacheMiddleware: boolean;
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
    nearCache: resolveNearCache(options.nearCache, env),
    cacheMiddleware: options.cacheMiddleware ?? true,
  };
}

function resolveNearCache(option: FaastS3Options['nearCache'], env: NodeJS.ProcessEnv): ResolvedFaastS3Config['nearCache'] {
  if (option === false) return undefined;
  const lambdaMb = Number(env[ENV_LAMBDA_MEMORY_MB]);
  const fallback = Number.isFinite(lambdaMb) && lambdaMb > 0 ? Math.floor(lambdaMb * 2 ** 20 * NEAR_CACHE_MEMORY_SHARE) : NEAR_CACHE_DEFAULT_BYTES;
  const maxBytes = option?.maxBytes ?? size(env, ENV_NEAR_CACHE, fallback);
  if (maxBytes === 0) return undefined;
  return {
    maxBytes,
    maxObjectBytes: option?.maxObjectBytes ?? size(env, ENV_NEAR_MAX_OBJECT, NEAR_MAX_OBJECT_DEFAULT_BYTES),
    maxAgeMs: option?.maxAgeMs ?? number(env, ENV_NEAR_MAX_AGE_MS, NEAR_MAX_AGE_DEFAULT_MS),
  };
}

function size(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  return raw === undefined || raw === '' ? fallback : parseBytes(raw, name);
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
