// Original file: ../../proto/faast/v1/peer.proto

import type { ObjectRef as _faast_v1_ObjectRef, ObjectRef__Output as _faast_v1_ObjectRef__Output } from '../../faast/v1/ObjectRef';
import type { PeerContext as _faast_v1_PeerContext, PeerContext__Output as _faast_v1_PeerContext__Output } from '../../faast/v1/PeerContext';

/**
 * From an owner to the members that read these objects from it (their holders: a served
 * PeerGet, found or not, or a Validate), when they changed there. The receiver drops its
 * copies and tells its applications (their near caches) before answering. Unlike the notices
 * above it is passed on to no one — not to an owner, not to other holders — so no notice loops
 * between members, whatever their views. Carries no new version: a holder keeps no copy of
 * bytes it has not read, and the next read fetches (and records) the new version.
 */
export interface PeerChangedRequest {
  'refs'?: (_faast_v1_ObjectRef)[];
  'context'?: (_faast_v1_PeerContext | null);
}

/**
 * From an owner to the members that read these objects from it (their holders: a served
 * PeerGet, found or not, or a Validate), when they changed there. The receiver drops its
 * copies and tells its applications (their near caches) before answering. Unlike the notices
 * above it is passed on to no one — not to an owner, not to other holders — so no notice loops
 * between members, whatever their views. Carries no new version: a holder keeps no copy of
 * bytes it has not read, and the next read fetches (and records) the new version.
 */
export interface PeerChangedRequest__Output {
  'refs': (_faast_v1_ObjectRef__Output)[];
  'context': (_faast_v1_PeerContext__Output | null);
}
