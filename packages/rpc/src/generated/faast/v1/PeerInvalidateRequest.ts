// Original file: ../../proto/faast/v1/peer.proto

import type { ObjectRef as _faast_v1_ObjectRef, ObjectRef__Output as _faast_v1_ObjectRef__Output } from '../../faast/v1/ObjectRef';
import type { PeerContext as _faast_v1_PeerContext, PeerContext__Output as _faast_v1_PeerContext__Output } from '../../faast/v1/PeerContext';

export interface PeerInvalidateRequest {
  'refs'?: (_faast_v1_ObjectRef)[];
  'context'?: (_faast_v1_PeerContext | null);
}

export interface PeerInvalidateRequest__Output {
  'refs': (_faast_v1_ObjectRef__Output)[];
  'context': (_faast_v1_PeerContext__Output | null);
}
