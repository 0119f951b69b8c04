// Original file: ../../proto/faast/v1/cache.proto

import type { Long } from '@grpc/proto-loader';

export interface Member {
  'id'?: (string);
  'address'?: (string);
  'capacityBytes'?: (number | string | Long);
}

export interface Member__Output {
  'id': (string);
  'address': (string);
  'capacityBytes': (number);
}
