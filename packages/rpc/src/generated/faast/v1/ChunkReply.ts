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
  /**
   * The chunk, unless it is offered on the bulk port.
   */
  'data'?: (Buffer | Uint8Array | string);
  /**
   * Set when the chunk waits on the owner's bulk TCP port instead (raw bytes, no protobuf or
   * HTTP/2 copies): the caller connects to the owner's host at `bulk_port`, writes these 16
   * bytes and reads the chunk's length. An offer not taken within seconds is dropped.
   */
  'bulkToken'?: (Buffer | Uint8Array | string);
  'bulkPort'?: (number);
}

export interface ChunkReply__Output {
  'outcome': (_faast_v1_ChunkReply_Outcome__Output);
  /**
   * The chunk, unless it is offered on the bulk port.
   */
  'data': (Buffer);
  /**
   * Set when the chunk waits on the owner's bulk TCP port instead (raw bytes, no protobuf or
   * HTTP/2 copies): the caller connects to the owner's host at `bulk_port`, writes these 16
   * bytes and reads the chunk's length. An offer not taken within seconds is dropped.
   */
  'bulkToken': (Buffer);
  'bulkPort': (number);
}
