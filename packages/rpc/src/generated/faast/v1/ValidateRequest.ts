// Original file: ../../proto/faast/v1/peer.proto

import type { ObjectRef as _faast_v1_ObjectRef, ObjectRef__Output as _faast_v1_ObjectRef__Output } from '../../faast/v1/ObjectRef';
import type { PeerContext as _faast_v1_PeerContext, PeerContext__Output as _faast_v1_PeerContext__Output } from '../../faast/v1/PeerContext';

/**
 * Asks the owner whether `etag` is still the current version of an object (metadata only).
 */
export interface ValidateRequest {
  'ref'?: (_faast_v1_ObjectRef | null);
  'etag'?: (string);
  'context'?: (_faast_v1_PeerContext | null);
}

/**
 * Asks the owner whether `etag` is still the current version of an object (metadata only).
 */
export interface ValidateRequest__Output {
  'ref': (_faast_v1_ObjectRef__Output | null);
  'etag': (string);
  'context': (_faast_v1_PeerContext__Output | null);
}
