// Original file: ../../proto/faast/v1/cache.proto

import type { Status as _faast_v1_Status, Status__Output as _faast_v1_Status__Output } from '../../faast/v1/Status';
import type { ObjectMeta as _faast_v1_ObjectMeta, ObjectMeta__Output as _faast_v1_ObjectMeta__Output } from '../../faast/v1/ObjectMeta';
import type { Source as _faast_v1_Source, Source__Output as _faast_v1_Source__Output } from '../../faast/v1/Source';
import type { Long } from '@grpc/proto-loader';

export interface GetHeader {
  'status'?: (_faast_v1_Status);
  /**
   * Absent for NOT_FOUND.
   */
  'meta'?: (_faast_v1_ObjectMeta | null);
  /**
   * For PARTIAL_CONTENT (and only then): the first and last byte of the range (inclusive).
   */
  'rangeStart'?: (number | string | Long);
  'rangeEnd'?: (number | string | Long);
  /**
   * Number of body bytes that follow in this stream.
   */
  'contentLength'?: (number | string | Long);
  'source'?: (_faast_v1_Source);
  /**
   * Set when the body does not follow in this reply but on the bulk socket: the caller
   * connects, writes these 16 bytes, and reads exactly content_length bytes. The reply then
   * carries no data and ends with get_done once the transfer is over (an error if the body
   * failed: the bulk connection then closes early).
   */
  'bulkToken'?: (Buffer | Uint8Array | string);
  /**
   * The caller asked to hold and is now a registered holder of this version: it may keep the
   * body until the cachelet invalidates it. False when the object changed while it was read.
   */
  'held'?: (boolean);
  '_rangeStart'?: "rangeStart";
  '_rangeEnd'?: "rangeEnd";
}

export interface GetHeader__Output {
  'status': (_faast_v1_Status__Output);
  /**
   * Absent for NOT_FOUND.
   */
  'meta': (_faast_v1_ObjectMeta__Output | null);
  /**
   * For PARTIAL_CONTENT (and only then): the first and last byte of the range (inclusive).
   */
  'rangeStart'?: (number);
  'rangeEnd'?: (number);
  /**
   * Number of body bytes that follow in this stream.
   */
  'contentLength': (number);
  'source': (_faast_v1_Source__Output);
  /**
   * Set when the body does not follow in this reply but on the bulk socket: the caller
   * connects, writes these 16 bytes, and reads exactly content_length bytes. The reply then
   * carries no data and ends with get_done once the transfer is over (an error if the body
   * failed: the bulk connection then closes early).
   */
  'bulkToken': (Buffer);
  /**
   * The caller asked to hold and is now a registered holder of this version: it may keep the
   * body until the cachelet invalidates it. False when the object changed while it was read.
   */
  'held': (boolean);
  '_rangeStart'?: "rangeStart";
  '_rangeEnd'?: "rangeEnd";
}
