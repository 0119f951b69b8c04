// Original file: ../../proto/faast/v1/cache.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Conditions of RFC 9110 section 13, evaluated by the cachelet against the current version.
 */
export interface Conditions {
  'ifMatch'?: (string);
  'ifNoneMatch'?: (string);
  /**
   * 0: absent
   */
  'ifModifiedSinceMs'?: (number | string | Long);
  /**
   * 0: absent
   */
  'ifUnmodifiedSinceMs'?: (number | string | Long);
}

/**
 * Conditions of RFC 9110 section 13, evaluated by the cachelet against the current version.
 */
export interface Conditions__Output {
  'ifMatch': (string);
  'ifNoneMatch': (string);
  /**
   * 0: absent
   */
  'ifModifiedSinceMs': (number);
  /**
   * 0: absent
   */
  'ifUnmodifiedSinceMs': (number);
}
