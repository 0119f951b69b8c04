// Original file: ../../proto/faast/v1/cache.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Conditions of RFC 9110 section 13, evaluated by the cachelet against the current version.
 * Each is absent when the request did not carry it: an empty string or 0 (the epoch) is a
 * value, never "not set".
 */
export interface Conditions {
  'ifMatch'?: (string);
  'ifNoneMatch'?: (string);
  'ifModifiedSinceMs'?: (number | string | Long);
  'ifUnmodifiedSinceMs'?: (number | string | Long);
  '_ifMatch'?: "ifMatch";
  '_ifNoneMatch'?: "ifNoneMatch";
  '_ifModifiedSinceMs'?: "ifModifiedSinceMs";
  '_ifUnmodifiedSinceMs'?: "ifUnmodifiedSinceMs";
}

/**
 * Conditions of RFC 9110 section 13, evaluated by the cachelet against the current version.
 * Each is absent when the request did not carry it: an empty string or 0 (the epoch) is a
 * value, never "not set".
 */
export interface Conditions__Output {
  'ifMatch'?: (string);
  'ifNoneMatch'?: (string);
  'ifModifiedSinceMs'?: (number);
  'ifUnmodifiedSinceMs'?: (number);
  '_ifMatch'?: "ifMatch";
  '_ifNoneMatch'?: "ifNoneMatch";
  '_ifModifiedSinceMs'?: "ifModifiedSinceMs";
  '_ifUnmodifiedSinceMs'?: "ifUnmodifiedSinceMs";
}
