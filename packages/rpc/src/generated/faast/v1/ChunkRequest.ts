// Original file: ../../proto/faast/v1/peer.proto

import type { ObjectRef as _faast_v1_ObjectRef, ObjectRef__Output as _faast_v1_ObjectRef__Output } from '../../faast/v1/ObjectRef';
import type { PeerContext as _faast_v1_PeerContext, PeerContext__Output as _faast_v1_PeerContext__Output } from '../../faast/v1/PeerContext';
import type { Long } from '@grpc/proto-loader';

/**
 * One chunk of a large object: bytes [index × chunk_bytes, min(size, (index + 1) × chunk_bytes) − 1]
 * of version `etag`. Chunks are keyed by version, so a cached chunk never goes stale.
 */
export interface ChunkRequest {
  'ref'?: (_faast_v1_ObjectRef | null);
  'etag'?: (string);
  'index'?: (number | string | Long);
  'chunkBytes'?: (number | string | Long);
  /**
   * Size of the whole object (the version's).
   */
  'size'?: (number | string | Long);
  'context'?: (_faast_v1_PeerContext | null);
  /**
   * The caller can take the chunk over the owner's bulk TCP port (see ChunkReply.bulk_token).
   */
  'bulk'?: (boolean);
}

/**
 * One chunk of a large object: bytes [index × chunk_bytes, min(size, (index + 1) × chunk_bytes) − 1]
 * of version `etag`. Chunks are keyed by version, so a cached chunk never goes stale.
 */
export interface ChunkRequest__Output {
  'ref': (_faast_v1_ObjectRef__Output | null);
  'etag': (string);
  'index': (number);
  'chunkBytes': (number);
  /**
   * Size of the whole object (the version's).
   */
  'size': (number);
  'context': (_faast_v1_PeerContext__Output | null);
  /**
   * The caller can take the chunk over the owner's bulk TCP port (see ChunkReply.bulk_token).
   */
  'bulk': (boolean);
}
