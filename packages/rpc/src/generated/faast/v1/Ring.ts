// Original file: ../../proto/faast/v1/cache.proto

import type { Member as _faast_v1_Member, Member__Output as _faast_v1_Member__Output } from '../../faast/v1/Member';
import type { Long } from '@grpc/proto-loader';

export interface Ring {
  'self'?: (string);
  'epoch'?: (string);
  'members'?: (_faast_v1_Member)[];
  /**
   * Views seen since start (1 + number of membership changes).
   */
  'views'?: (number | string | Long);
  'consistency'?: (string);
}

export interface Ring__Output {
  'self': (string);
  'epoch': (string);
  'members': (_faast_v1_Member__Output)[];
  /**
   * Views seen since start (1 + number of membership changes).
   */
  'views': (number);
  'consistency': (string);
}
