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

/** Which part of a request an INVALID_ARGUMENT is about (a transport turns it into a typed reason). */
export type InvalidSubject = 'key' | 'range' | 'request';

/** An error of the cachelet, prefixed with the component and keeping its cause. */
export class CacheError extends Error {
  override readonly name = 'CacheError';
  constructor(
    readonly code: CacheErrorCode,
    message: string,
    options?: { cause?: unknown; subject?: InvalidSubject },
  ) {
    super(message, options);
    this.subject = options?.subject;
  }

  /** For INVALID_ARGUMENT: what was wrong; undefined when not said. */
  readonly subject: InvalidSubject | undefined;
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

/** An INVALID_ARGUMENT error about `subject` (default: the request as a whole). */
export function invalidArgument(message: string, subject: InvalidSubject = 'request'): CacheError {
  return new CacheError('INVALID_ARGUMENT', message, { subject });
}
