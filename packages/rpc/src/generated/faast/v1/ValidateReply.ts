// Original file: ../../proto/faast/v1/peer.proto

import type { ObjectMeta as _faast_v1_ObjectMeta, ObjectMeta__Output as _faast_v1_ObjectMeta__Output } from '../../faast/v1/ObjectMeta';

// Original file: ../../proto/faast/v1/peer.proto

export const _faast_v1_ValidateReply_Outcome = {
  OUTCOME_UNSPECIFIED: 'OUTCOME_UNSPECIFIED',
  /**
   * the replica may be served
   */
  CURRENT: 'CURRENT',
  /**
   * another version is current (meta has it)
   */
  CHANGED: 'CHANGED',
  /**
   * the object no longer exists
   */
  NOT_FOUND: 'NOT_FOUND',
  /**
   * the receiver does not own the key under its view
   */
  NOT_OWNER: 'NOT_OWNER',
} as const;

export type _faast_v1_ValidateReply_Outcome =
  | 'OUTCOME_UNSPECIFIED'
  | 0
  /**
   * the replica may be served
   */
  | 'CURRENT'
  | 1
  /**
   * another version is current (meta has it)
   */
  | 'CHANGED'
  | 2
  /**
   * the object no longer exists
   */
  | 'NOT_FOUND'
  | 3
  /**
   * the receiver does not own the key under its view
   */
  | 'NOT_OWNER'
  | 4

export type _faast_v1_ValidateReply_Outcome__Output = typeof _faast_v1_ValidateReply_Outcome[keyof typeof _faast_v1_ValidateReply_Outcome]

export interface ValidateReply {
  'outcome'?: (_faast_v1_ValidateReply_Outcome);
  'meta'?: (_faast_v1_ObjectMeta | null);
}

export interface ValidateReply__Output {
  'outcome': (_faast_v1_ValidateReply_Outcome__Output);
  'meta': (_faast_v1_ObjectMeta__Output | null);
}
