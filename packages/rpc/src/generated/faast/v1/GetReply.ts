// Original file: ../../proto/faast/v1/cache.proto

import type { GetHeader as _faast_v1_GetHeader, GetHeader__Output as _faast_v1_GetHeader__Output } from '../../faast/v1/GetHeader';

/**
 * A Get's reply: the first message carries the header (and, for small objects, the whole
 * body in `data`); further messages carry only body bytes, in order.
 */
export interface GetReply {
  'header'?: (_faast_v1_GetHeader | null);
  'data'?: (Buffer | Uint8Array | string);
}

/**
 * A Get's reply: the first message carries the header (and, for small objects, the whole
 * body in `data`); further messages carry only body bytes, in order.
 */
export interface GetReply__Output {
  'header': (_faast_v1_GetHeader__Output | null);
  'data': (Buffer);
}
