// Original file: ../../proto/faast/v1/cache.proto

import type { ObjectRef as _faast_v1_ObjectRef, ObjectRef__Output as _faast_v1_ObjectRef__Output } from '../../faast/v1/ObjectRef';

/**
 * Sent by an interceptor after a write succeeded at the origin.
 */
export interface NotifyWriteRequest {
  'ref'?: (_faast_v1_ObjectRef | null);
  /**
   * The new version's ETag as the origin returned it.
   */
  'etag'?: (string);
}

/**
 * Sent by an interceptor after a write succeeded at the origin.
 */
export interface NotifyWriteRequest__Output {
  'ref': (_faast_v1_ObjectRef__Output | null);
  /**
   * The new version's ETag as the origin returned it.
   */
  'etag': (string);
}
