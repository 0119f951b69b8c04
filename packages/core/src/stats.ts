import type { Member } from './ports';

/**
 * Counters of one cachelet, since it started. The daemon exports them as Prometheus metrics
 * and through the Stats RPC; the autoscaler and the cost report read the same fields.
 *
 * Reads are counted from the point of view of the application that asked this cachelet:
 * every whole-object read of its callers is a hit or a miss, wherever it was answered (its own
 * store, a replica, or — forwarded — the owner's store or the owner's origin read); `hits /
 * (hits + misses)` is the hit ratio on any cachelet. The owner of a forwarded read counts it
 * too, in `peerServed` and as a hit or miss of its store: summed over a ring, `hits + misses
 * - peerServed` is the number of reads the applications made. Reads of large objects in
 * chunks are counted in `chunkedReads` and the `chunk*` counters instead.
 */
export class CacheletStats {
  /**
   * GETs answered without reading the origin: from this cachelet's store, from a replica the
   * owner validated (also in `replicaHits`), or forwarded and answered from the owner's store
   * (also in `forwarded`). As owner, also reads of peers answered from the store (also in `peerServed`).
   */
  hits = 0;
  /**
   * GETs that read the origin: here (each started or joined an origin read, or streamed an
   * object over the admission limit), or forwarded and read from the origin by the owner (also
   * in `forwarded`). As owner, also reads of peers that read the origin (also in `peerServed`).
   * Reads that fell back to the origin because the owner was unreachable are misses too (also in `peerFallbacks`).
   */
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
  /** Body bytes sent to callers, whoever read them (store, replica, owner, origin); as owner, also those sent to peers. */
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
  /** Reads sent to their owner (another cachelet); each is also a hit or a miss here, by what the owner did. */
  forwarded = 0;
  /** Reads served for other cachelets, as the owner. */
  peerServed = 0;
  /** Reads served from a local replica after the owner validated it (also counted in `hits`). */
  replicaHits = 0;
  /** Validate calls sent to owners (metadata only). */
  validations = 0;
  /** Peer calls that failed; the peer is then suspect for a while. */
  peerErrors = 0;
  /** Reads that went to the origin because the owner was unreachable or suspect. */
  peerFallbacks = 0;
  /** Forwarded reads received for a key this cachelet does not own under its view (read from the origin, not forwarded again). */
  notOwner = 0;
  /** Copies revalidated with the origin (If-None-Match) before being served. */
  revalidations = 0;
  /** Reads of large objects served in chunks. */
  chunkedReads = 0;
  /** Chunks read from the origin (ranged GETs). */
  chunkMisses = 0;
  /** Chunks served from this cachelet's store. */
  chunkHits = 0;
  /** Chunks fetched from their owner (another cachelet). */
  chunkPeerFetches = 0;
  /** Chunks served from this cachelet's replica of a peer's chunk (no call: a chunk never changes). */
  chunkReplicaHits = 0;
  /** Chunks not stored because the object is larger than the whole ring's capacity (streamed through). */
  chunkPassThrough = 0;
  /** Chunked reads that found the object changed at the origin (restarted, or failed after bytes were sent). */
  versionChanges = 0;
  /**
   * Holder notices sent (PeerChanged, one per holder and change, naming the keys it holds),
   * as the owner of keys that changed or whose holder records were evicted.
   */
  holderInvalidationsSent = 0;
  /** Holder notices received from owners (PeerChanged): copies dropped and listeners told. */
  holderInvalidationsReceived = 0;
  /** Holder records evicted to make room (see `holderKeys`); their holders were sent a notice instead. */
  holderEvictions = 0;
  /** Change listener calls (see `Cachelet.onChange`): one per listener per change event. */
  changeEvents = 0;
}

/** Counters plus the store's gauges, as one snapshot. */
export interface CacheletStatsSnapshot extends CacheletStats {
  app: string;
  origin: string;
  /** Whether the origin is usable now (region, credentials, reachable), by the last check or request. */
  originHealthy: boolean;
  /** The last origin failure's message, without secrets; '' when there was none (kept after recovery). */
  lastOriginError: string;
  /** Objects and accounted bytes this cachelet holds as owner. */
  objects: number;
  bytesUsed: number;
  /** Replicas of hot objects owned by others. */
  replicaObjects: number;
  replicaBytes: number;
  ring: { self: string; epoch: string; members: Member[]; views: number; consistency: string };
  capacityBytes: number;
  maxObjectBytes: number;
  uptimeSeconds: number;
}
