// Original file: ../../proto/faast/v1/cache.proto

import type { Long } from '@grpc/proto-loader';

/**
 * What the origin said about one version of an object.
 */
export interface ObjectMeta {
  /**
   * The origin's entity tag, quoted as the origin sends it (e.g. "\"9b2cf535f27731c974343645a3985328\"").
   */
  'etag'?: (string);
  /**
   * Size of the whole object in bytes.
   */
  'size'?: (number | string | Long);
  /**
   * Last-Modified, milliseconds since the epoch; absent when the origin did not say (0 is
   * a real date: 1970-01-01T00:00:00Z).
   */
  'lastModifiedMs'?: (number | string | Long);
  'contentType'?: (string);
  /**
   * User metadata as the origin sends it (S3: the x-amz-meta-* headers, names without the
   * prefix, lower case, values unchanged).
   */
  'userMetadata'?: ({[key: string]: string});
  /**
   * Other response headers of the origin that a faithful reply must repeat (Cache-Control,
   * Content-Encoding, x-amz-server-side-encryption, x-amz-version-id, ...). Lower-case names.
   */
  'headers'?: ({[key: string]: string});
  '_lastModifiedMs'?: "lastModifiedMs";
}

/**
 * What the origin said about one version of an object.
 */
export interface ObjectMeta__Output {
  /**
   * The origin's entity tag, quoted as the origin sends it (e.g. "\"9b2cf535f27731c974343645a3985328\"").
   */
  'etag': (string);
  /**
   * Size of the whole object in bytes.
   */
  'size': (number);
  /**
   * Last-Modified, milliseconds since the epoch; absent when the origin did not say (0 is
   * a real date: 1970-01-01T00:00:00Z).
   */
  'lastModifiedMs'?: (number);
  'contentType': (string);
  /**
   * User metadata as the origin sends it (S3: the x-amz-meta-* headers, names without the
   * prefix, lower case, values unchanged).
   */
  'userMetadata': ({[key: string]: string});
  /**
   * Other response headers of the origin that a faithful reply must repeat (Cache-Control,
   * Content-Encoding, x-amz-server-side-encryption, x-amz-version-id, ...). Lower-case names.
   */
  'headers': ({[key: string]: string});
  '_lastModifiedMs'?: "lastModifiedMs";
}
