// Original file: ../../proto/faast/v1/cache.proto

import type { Status as _faast_v1_Status, Status__Output as _faast_v1_Status__Output } from '../../faast/v1/Status';
import type { ObjectMeta as _faast_v1_ObjectMeta, ObjectMeta__Output as _faast_v1_ObjectMeta__Output } from '../../faast/v1/ObjectMeta';
import type { Source as _faast_v1_Source, Source__Output as _faast_v1_Source__Output } from '../../faast/v1/Source';

export interface HeadReply {
  'status'?: (_faast_v1_Status);
  'meta'?: (_faast_v1_ObjectMeta | null);
  'source'?: (_faast_v1_Source);
}

export interface HeadReply__Output {
  'status': (_faast_v1_Status__Output);
  'meta': (_faast_v1_ObjectMeta__Output | null);
  'source': (_faast_v1_Source__Output);
}
