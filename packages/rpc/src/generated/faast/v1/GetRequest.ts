// Original file: ../../proto/faast/v1/cache.proto

import type { ObjectRef as _faast_v1_ObjectRef, ObjectRef__Output as _faast_v1_ObjectRef__Output } from '../../faast/v1/ObjectRef';
import type { Conditions as _faast_v1_Conditions, Conditions__Output as _faast_v1_Conditions__Output } from '../../faast/v1/Conditions';

export interface GetRequest {
  'ref'?: (_faast_v1_ObjectRef | null);
  /**
   * An HTTP Range header value with a single byte range ("bytes=0-99", "bytes=100-",
   * "bytes=-100"); absent for the whole object. Anything else is INVALID_ARGUMENT.
   */
  'range'?: (string);
  'conditions'?: (_faast_v1_Conditions | null);
  /**
   * The caller can take a large body over the cachelet's bulk socket (the Unix socket's path
   * + ".bulk"): raw bytes, no HTTP/2 framing and no protobuf copies. The cachelet decides per
   * reply (see GetHeader.bulk_token).
   */
  'bulk'?: (boolean);
  /**
   * The caller wants to keep the body in its near cache (an in-process copy): the cachelet
   * registers the caller's connection as a holder of the version it replies with, and tells
   * it when that version changes (see GetHeader.held).
   */
  'hold'?: (boolean);
  '_range'?: "range";
}

export interface GetRequest__Output {
  'ref': (_faast_v1_ObjectRef__Output | null);
  /**
   * An HTTP Range header value with a single byte range ("bytes=0-99", "bytes=100-",
   * "bytes=-100"); absent for the whole object. Anything else is INVALID_ARGUMENT.
   */
  'range'?: (string);
  'conditions': (_faast_v1_Conditions__Output | null);
  /**
   * The caller can take a large body over the cachelet's bulk socket (the Unix socket's path
   * + ".bulk"): raw bytes, no HTTP/2 framing and no protobuf copies. The cachelet decides per
   * reply (see GetHeader.bulk_token).
   */
  'bulk': (boolean);
  /**
   * The caller wants to keep the body in its near cache (an in-process copy): the cachelet
   * registers the caller's connection as a holder of the version it replies with, and tells
   * it when that version changes (see GetHeader.held).
   */
  'hold': (boolean);
  '_range'?: "range";
}
