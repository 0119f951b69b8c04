// Original file: ../../proto/faast/v1/cache.proto

/**
 * The outcome of a read, in the storage service's own terms.
 */
export const Status = {
  STATUS_UNSPECIFIED: 'STATUS_UNSPECIFIED',
  /**
   * 200, whole object
   */
  OK: 'OK',
  /**
   * 206, the requested range
   */
  PARTIAL_CONTENT: 'PARTIAL_CONTENT',
  /**
   * 304 (If-None-Match / If-Modified-Since)
   */
  NOT_MODIFIED: 'NOT_MODIFIED',
  /**
   * 412 (If-Match / If-Unmodified-Since)
   */
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  /**
   * 416
   */
  RANGE_NOT_SATISFIABLE: 'RANGE_NOT_SATISFIABLE',
  /**
   * 404, no such object
   */
  NOT_FOUND: 'NOT_FOUND',
  /**
   * Peer protocol only: the object is larger than the chunk threshold; `meta` describes it
   * and the reader fetches its chunks (PeerGetChunk) from their owners. Never sent to apps.
   */
  CHUNKED: 'CHUNKED',
} as const;

/**
 * The outcome of a read, in the storage service's own terms.
 */
export type Status =
  | 'STATUS_UNSPECIFIED'
  | 0
  /**
   * 200, whole object
   */
  | 'OK'
  | 1
  /**
   * 206, the requested range
   */
  | 'PARTIAL_CONTENT'
  | 2
  /**
   * 304 (If-None-Match / If-Modified-Since)
   */
  | 'NOT_MODIFIED'
  | 3
  /**
   * 412 (If-Match / If-Unmodified-Since)
   */
  | 'PRECONDITION_FAILED'
  | 4
  /**
   * 416
   */
  | 'RANGE_NOT_SATISFIABLE'
  | 5
  /**
   * 404, no such object
   */
  | 'NOT_FOUND'
  | 6
  /**
   * Peer protocol only: the object is larger than the chunk threshold; `meta` describes it
   * and the reader fetches its chunks (PeerGetChunk) from their owners. Never sent to apps.
   */
  | 'CHUNKED'
  | 7

/**
 * The outcome of a read, in the storage service's own terms.
 */
export type Status__Output = typeof Status[keyof typeof Status]
