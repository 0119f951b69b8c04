// Original file: ../../proto/faast/v1/cache.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Counters since the cachelet started (see CacheletStats in @faast/core for each field).
 */
export interface StatsReply {
  'app'?: (string);
  'origin'?: (string);
  'hits'?: (number | string | Long);
  'misses'?: (number | string | Long);
  'coalesced'?: (number | string | Long);
  'passThrough'?: (number | string | Long);
  'notFound'?: (number | string | Long);
  'originErrors'?: (number | string | Long);
  'bytesServed'?: (number | string | Long);
  'bytesFromOrigin'?: (number | string | Long);
  'originRequests'?: (number | string | Long);
  'objects'?: (number | string | Long);
  'bytesUsed'?: (number | string | Long);
  'capacityBytes'?: (number | string | Long);
  'evictions'?: (number | string | Long);
  'invalidations'?: (number | string | Long);
  'badRequests'?: (number | string | Long);
  'heads'?: (number | string | Long);
  'maxObjectBytes'?: (number | string | Long);
  'uptimeSeconds'?: (number | string);
}

/**
 * Counters since the cachelet started (see CacheletStats in @faast/core for each field).
 */
export interface StatsReply__Output {
  'app': (string);
  'origin': (string);
  'hits': (number);
  'misses': (number);
  'coalesced': (number);
  'passThrough': (number);
  'notFound': (number);
  'originErrors': (number);
  'bytesServed': (number);
  'bytesFromOrigin': (number);
  'originRequests': (number);
  'objects': (number);
  'bytesUsed': (number);
  'capacityBytes': (number);
  'evictions': (number);
  'invalidations': (number);
  'badRequests': (number);
  'heads': (number);
  'maxObjectBytes': (number);
  'uptimeSeconds': (number);
}
