// Original file: ../../proto/faast/v1/cache.proto

import type { Ring as _faast_v1_Ring, Ring__Output as _faast_v1_Ring__Output } from '../../faast/v1/Ring';
import type { Long } from '@grpc/proto-loader';

/**
 * Counters since the cachelet started (see CacheletStats in @faast/core for each field).
 */
export interface StatsReply {
  'app'?: (string);
  'origin'?: (string);
  'hits'?: (number | string | Long);
  'misses'?: (number | string | Long);
  'coalesced'?: (number | string | Long);
  'passThrough'?: (number | string | Long);
  'notFound'?: (number | string | Long);
  'originErrors'?: (number | string | Long);
  'bytesServed'?: (number | string | Long);
  'bytesFromOrigin'?: (number | string | Long);
  'originRequests'?: (number | string | Long);
  'objects'?: (number | string | Long);
  'bytesUsed'?: (number | string | Long);
  'capacityBytes'?: (number | string | Long);
  'evictions'?: (number | string | Long);
  'invalidations'?: (number | string | Long);
  'badRequests'?: (number | string | Long);
  'heads'?: (number | string | Long);
  'maxObjectBytes'?: (number | string | Long);
  'uptimeSeconds'?: (number | string);
  /**
   * The distributed cache (see peer.proto).
   */
  'forwarded'?: (number | string | Long);
  /**
   * reads served for peers, as owner
   */
  'peerServed'?: (number | string | Long);
  /**
   * reads served from a replica the owner validated
   */
  'replicaHits'?: (number | string | Long);
  /**
   * Validate calls sent to owners
   */
  'validations'?: (number | string | Long);
  /**
   * failed peer calls (the peer is then suspect)
   */
  'peerErrors'?: (number | string | Long);
  /**
   * reads that went to the origin because the owner was unreachable
   */
  'peerFallbacks'?: (number | string | Long);
  /**
   * forwarded reads received for keys this cachelet does not own
   */
  'notOwner'?: (number | string | Long);
  /**
   * origin revalidations (If-None-Match) by the owner
   */
  'revalidations'?: (number | string | Long);
  'replicaObjects'?: (number | string | Long);
  'replicaBytes'?: (number | string | Long);
  'ring'?: (_faast_v1_Ring | null);
  /**
   * Large objects (see peer.proto's PeerGetChunk).
   */
  'chunkedReads'?: (number | string | Long);
  'chunkHits'?: (number | string | Long);
  'chunkMisses'?: (number | string | Long);
  'chunkPeerFetches'?: (number | string | Long);
  'chunkPassThrough'?: (number | string | Long);
  'versionChanges'?: (number | string | Long);
  /**
   * chunks served from a replica of a peer's chunk
   */
  'chunkReplicaHits'?: (number | string | Long);
  /**
   * The origin: whether it is usable now (region, credentials, reachable), and the last
   * failure's message without secrets ("" when there was none; kept after recovery).
   */
  'originHealthy'?: (boolean);
  'lastOriginError'?: (string);
  /**
   * Holders (see peer.proto's PeerChanged).
   */
  'holderInvalidationsSent'?: (number | string | Long);
  /**
   * notices received from owners, as holder
   */
  'holderInvalidationsReceived'?: (number | string | Long);
  /**
   * holder records evicted (their holders told)
   */
  'holderEvictions'?: (number | string | Long);
  /**
   * change listener calls (onChange)
   */
  'changeEvents'?: (number | string | Long);
}

/**
 * Counters since the cachelet started (see CacheletStats in @faast/core for each field).
 */
export interface StatsReply__Output {
  'app': (string);
  'origin': (string);
  'hits': (number);
  'misses': (number);
  'coalesced': (number);
  'passThrough': (number);
  'notFound': (number);
  'originErrors': (number);
  'bytesServed': (number);
  'bytesFromOrigin': (number);
  'originRequests': (number);
  'objects': (number);
  'bytesUsed': (number);
  'capacityBytes': (number);
  'evictions': (number);
  'invalidations': (number);
  'badRequests': (number);
  'heads': (number);
  'maxObjectBytes': (number);
  'uptimeSeconds': (number);
  /**
   * The distributed cache (see peer.proto).
   */
  'forwarded': (number);
  /**
   * reads served for peers, as owner
   */
  'peerServed': (number);
  /**
   * reads served from a replica the owner validated
   */
  'replicaHits': (number);
  /**
   * Validate calls sent to owners
   */
  'validations': (number);
  /**
   * failed peer calls (the peer is then suspect)
   */
  'peerErrors': (number);
  /**
   * reads that went to the origin because the owner was unreachable
   */
  'peerFallbacks': (number);
  /**
   * forwarded reads received for keys this cachelet does not own
   */
  'notOwner': (number);
  /**
   * origin revalidations (If-None-Match) by the owner
   */
  'revalidations': (number);
  'replicaObjects': (number);
  'replicaBytes': (number);
  'ring': (_faast_v1_Ring__Output | null);
  /**
   * Large objects (see peer.proto's PeerGetChunk).
   */
  'chunkedReads': (number);
  'chunkHits': (number);
  'chunkMisses': (number);
  'chunkPeerFetches': (number);
  'chunkPassThrough': (number);
  'versionChanges': (number);
  /**
   * chunks served from a replica of a peer's chunk
   */
  'chunkReplicaHits': (number);
  /**
   * The origin: whether it is usable now (region, credentials, reachable), and the last
   * failure's message without secrets ("" when there was none; kept after recovery).
   */
  'originHealthy': (boolean);
  'lastOriginError': (string);
  /**
   * Holders (see peer.proto's PeerChanged).
   */
  'holderInvalidationsSent': (number);
  /**
   * notices received from owners, as holder
   */
  'holderInvalidationsReceived': (number);
  /**
   * holder records evicted (their holders told)
   */
  'holderEvictions': (number);
  /**
   * change listener calls (onChange)
   */
  'changeEvents': (number);
}
