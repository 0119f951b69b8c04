/**
 * Counters of one cachelet, since it started. The daemon exports them as Prometheus metrics
 * and through the Stats RPC; the autoscaler and the cost report read the same fields.
 */
export class CacheletStats {
  /** GETs answered from the memory store. */
  hits = 0;
  /** GETs that had to read the origin (each started or joined an origin read). */
  misses = 0;
  /** Misses that joined an origin read already in flight for the same key (single flight). */
  coalesced = 0;
  /** GETs of objects over the admission limit, streamed from the origin without being stored. */
  passThrough = 0;
  /** GETs and HEADs of objects the origin does not have. */
  notFound = 0;
  /** Origin requests that failed (network, 5xx, denied); the caller then read the origin itself. */
  originErrors = 0;
  /** HEADs answered (from the store or the origin). */
  heads = 0;
  /** Body bytes sent to callers. */
  bytesServed = 0;
  /** Body bytes read from the origin. */
  bytesFromOrigin = 0;
  /** Requests sent to the origin (GET and HEAD). */
  originRequests = 0;
  /** Entries evicted to make room (LRU). */
  evictions = 0;
  /** Entries dropped because of a write or delete notice. */
  invalidations = 0;
  /** Requests refused as malformed or over a limit. */
  badRequests = 0;
}

/** Counters plus the store's gauges, as one snapshot. */
export interface CacheletStatsSnapshot extends CacheletStats {
  app: string;
  origin: string;
  objects: number;
  bytesUsed: number;
  capacityBytes: number;
  maxObjectBytes: number;
  uptimeSeconds: number;
}
