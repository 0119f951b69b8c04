/** What went wrong, in terms a transport can map to its own status codes. */
export type CacheErrorCode =
  /** The request itself is malformed or over a limit; retrying it will not help. */
  | 'INVALID_ARGUMENT'
  /** The origin failed (network, 5xx, access denied): the caller should read the origin itself. */
  | 'ORIGIN'
  /** The cachelet cannot serve now (shutting down, overloaded). */
  | 'UNAVAILABLE'
  /** The object changed at the origin while it was being read in chunks. */
  | 'CHANGED';

/** An error of the cachelet, prefixed with the component and keeping its cause. */
export class CacheError extends Error {
  override readonly name = 'CacheError';
  constructor(
    readonly code: CacheErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A configuration value that cannot be used; the message names the option to change. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(`${option}: ${message}`);
  }
}

export function invalidArgument(message: string): CacheError {
  return new CacheError('INVALID_ARGUMENT', message);
}
