/**
 * Errors of the app plane as codes: a status code and a typed reason (app.proto's AppError),
 * so that the interceptor decides by code, never by matching text.
 */
import { CacheError } from '@faast/core';
import { Code, Reason } from '@faast/rpc/app';

/** A request the app plane refuses with a given code and reason. */
export class AppRefusal extends Error {
  override readonly name = 'AppRefusal';
  constructor(
    readonly code: Code,
    readonly reason: Reason,
    message: string,
  ) {
    super(message);
  }
}

/** The wire form of an error: a refusal as it is, the engine's errors by their code. */
export function toAppError(err: unknown): { code: Code; reason: Reason; message: string } {
  if (err instanceof AppRefusal) return { code: err.code, reason: err.reason, message: err.message };
  if (err instanceof CacheError) {
    switch (err.code) {
      case 'INVALID_ARGUMENT':
        return { code: Code.INVALID_ARGUMENT, reason: err.subject === 'key' ? Reason.BAD_KEY : err.subject === 'range' ? Reason.BAD_RANGE : Reason.BAD_REQUEST, message: err.message };
      case 'ORIGIN':
        return { code: Code.ABORTED, reason: Reason.ORIGIN_ERROR, message: `origin: ${err.message}` };
      case 'CHANGED':
        return { code: Code.ABORTED, reason: Reason.CHANGED_AT_ORIGIN, message: `origin: ${err.message}` };
      case 'UNAVAILABLE':
        return { code: Code.UNAVAILABLE, reason: Reason.REASON_UNSPECIFIED, message: err.message };
    }
  }
  return { code: Code.INTERNAL, reason: Reason.INTERNAL_ERROR, message: `internal: ${(err as Error)?.message ?? String(err)}` };
}
