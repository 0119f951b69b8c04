// Original file: ../../proto/faast/v1/cache.proto

import type { ObjectRef as _faast_v1_ObjectRef, ObjectRef__Output as _faast_v1_ObjectRef__Output } from '../../faast/v1/ObjectRef';
import type { Conditions as _faast_v1_Conditions, Conditions__Output as _faast_v1_Conditions__Output } from '../../faast/v1/Conditions';

export interface HeadRequest {
  'ref'?: (_faast_v1_ObjectRef | null);
  'conditions'?: (_faast_v1_Conditions | null);
}

export interface HeadRequest__Output {
  'ref': (_faast_v1_ObjectRef__Output | null);
  'conditions': (_faast_v1_Conditions__Output | null);
}
