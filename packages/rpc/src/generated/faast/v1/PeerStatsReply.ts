// Original file: ../../proto/faast/v1/peer.proto

import type { Long } from '@grpc/proto-loader';

/**
 * What one member holds (for `faast stats` across the ring).
 */
export interface PeerStatsReply {
  'id'?: (string);
  'epoch'?: (string);
  'ownedObjects'?: (number | string | Long);
  'ownedBytes'?: (number | string | Long);
  'replicaObjects'?: (number | string | Long);
  'replicaBytes'?: (number | string | Long);
  'capacityBytes'?: (number | string | Long);
}

/**
 * What one member holds (for `faast stats` across the ring).
 */
export interface PeerStatsReply__Output {
  'id': (string);
  'epoch': (string);
  'ownedObjects': (number);
  'ownedBytes': (number);
  'replicaObjects': (number);
  'replicaBytes': (number);
  'capacityBytes': (number);
}
