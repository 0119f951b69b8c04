// Original file: ../../proto/faast/v1/cache.proto


export interface InvalidateReply {
  /**
   * How many of the refs were held by this cachelet.
   */
  'dropped'?: (number);
}

export interface InvalidateReply__Output {
  /**
   * How many of the refs were held by this cachelet.
   */
  'dropped': (number);
}
