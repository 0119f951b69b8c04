// Original file: ../../proto/faast/v1/cache.proto

/**
 * Where the bytes of a reply came from (for counters and tests; not shown to the application).
 */
export const Source = {
  SOURCE_UNSPECIFIED: 'SOURCE_UNSPECIFIED',
  /**
   * the cachelet's memory store
   */
  HIT: 'HIT',
  /**
   * read from the origin, now stored
   */
  MISS: 'MISS',
  /**
   * read from the origin, not stored (over the admission limit)
   */
  PASS_THROUGH: 'PASS_THROUGH',
} as const;

/**
 * Where the bytes of a reply came from (for counters and tests; not shown to the application).
 */
export type Source =
  | 'SOURCE_UNSPECIFIED'
  | 0
  /**
   * the cachelet's memory store
   */
  | 'HIT'
  | 1
  /**
   * read from the origin, now stored
   */
  | 'MISS'
  | 2
  /**
   * read from the origin, not stored (over the admission limit)
   */
  | 'PASS_THROUGH'
  | 3

/**
 * Where the bytes of a reply came from (for counters and tests; not shown to the application).
 */
export type Source__Output = typeof Source[keyof typeof Source]
