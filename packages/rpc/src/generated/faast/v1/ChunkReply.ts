// Original file: ../../proto/faast/v1/peer.proto


// Original file: ../../proto/faast/v1/peer.proto

export const _faast_v1_ChunkReply_Outcome = {
  OUTCOME_UNSPECIFIED: 'OUTCOME_UNSPECIFIED',
  OK: 'OK',
  /**
   * the origin no longer has version `etag`
   */
  CHANGED: 'CHANGED',
} as const;

export type _faast_v1_ChunkReply_Outcome =
  | 'OUTCOME_UNSPECIFIED'
  | 0
  | 'OK'
  | 1
  /**
   * the origin no longer has version `etag`
   */
  | 'CHANGED'
  | 2

export type _faast_v1_ChunkReply_Outcome__Output = typeof _faast_v1_ChunkReply_Outcome[keyof typeof _faast_v1_ChunkReply_Outcome]

export interface ChunkReply {
  'outcome'?: (_faast_v1_ChunkReply_Outcome);
  'data'?: (Buffer | Uint8Array | string);
}

export interface ChunkReply__Output {
  'outcome': (_faast_v1_ChunkReply_Outcome__Output);
  'data': (Buffer);
}
