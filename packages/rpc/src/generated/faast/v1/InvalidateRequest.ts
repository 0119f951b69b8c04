// Original file: ../../proto/faast/v1/cache.proto

import type { ObjectRef as _faast_v1_ObjectRef, ObjectRef__Output as _faast_v1_ObjectRef__Output } from '../../faast/v1/ObjectRef';

/**
 * Sent after a delete, or after a write whose outcome is unknown.
 */
export interface InvalidateRequest {
  'refs'?: (_faast_v1_ObjectRef)[];
}

/**
 * Sent after a delete, or after a write whose outcome is unknown.
 */
export interface InvalidateRequest__Output {
  'refs': (_faast_v1_ObjectRef__Output)[];
}
