// Original file: ../../proto/faast/v1/peer.proto

import type { ObjectRef as _faast_v1_ObjectRef, ObjectRef__Output as _faast_v1_ObjectRef__Output } from '../../faast/v1/ObjectRef';
import type { Conditions as _faast_v1_Conditions, Conditions__Output as _faast_v1_Conditions__Output } from '../../faast/v1/Conditions';
import type { PeerContext as _faast_v1_PeerContext, PeerContext__Output as _faast_v1_PeerContext__Output } from '../../faast/v1/PeerContext';

export interface PeerGetRequest {
  'ref'?: (_faast_v1_ObjectRef | null);
  'range'?: (string);
  'conditions'?: (_faast_v1_Conditions | null);
  'context'?: (_faast_v1_PeerContext | null);
  '_range'?: "range";
}

export interface PeerGetRequest__Output {
  'ref': (_faast_v1_ObjectRef__Output | null);
  'range'?: (string);
  'conditions': (_faast_v1_Conditions__Output | null);
  'context': (_faast_v1_PeerContext__Output | null);
  '_range'?: "range";
}
