/**
 * What the replay and its trace handler (trace-handler.ts, run in the instances) agree on: the
 * environment the replay gives each app and the result of an invocation. Kept apart from the
 * handler, whose module starts its clients when loaded.
 */

/** The variables the replay sets per app. */
export const TRACE_HANDLER_ENV = {
  /** `none`, `redis` or `faast`. */
  baseline: 'FAAST_REPLAY_BASELINE',
  /** The app's bucket. */
  bucket: 'FAAST_REPLAY_BUCKET',
  /** `redis`: the server, this run's key prefix, the TTL (s) and the largest object stored (bytes). */
  redisUrl: 'FAAST_REPLAY_REDIS_URL',
  redisPrefix: 'FAAST_REPLAY_REDIS_PREFIX',
  redisTtlSeconds: 'FAAST_REPLAY_REDIS_TTL',
  redisMaxBytes: 'FAAST_REPLAY_REDIS_MAX_BYTES',
} as const;

/** What one invocation of the trace handler did. */
export interface TraceHandlerResult {
  reads: number;
  writes: number;
  bytesRead: number;
  bytesWritten: number;
  /** The size of each object read, in order (a write then a read of a blob shows the new size). */
  readSizes: number[];
  /** `redis` only: reads answered by Redis. */
  redisHits?: number;
}
