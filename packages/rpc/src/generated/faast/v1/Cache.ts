// Original file: ../../proto/faast/v1/cache.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetReply as _faast_v1_GetReply, GetReply__Output as _faast_v1_GetReply__Output } from '../../faast/v1/GetReply';
import type { GetRequest as _faast_v1_GetRequest, GetRequest__Output as _faast_v1_GetRequest__Output } from '../../faast/v1/GetRequest';
import type { HeadReply as _faast_v1_HeadReply, HeadReply__Output as _faast_v1_HeadReply__Output } from '../../faast/v1/HeadReply';
import type { HeadRequest as _faast_v1_HeadRequest, HeadRequest__Output as _faast_v1_HeadRequest__Output } from '../../faast/v1/HeadRequest';
import type { InvalidateReply as _faast_v1_InvalidateReply, InvalidateReply__Output as _faast_v1_InvalidateReply__Output } from '../../faast/v1/InvalidateReply';
import type { InvalidateRequest as _faast_v1_InvalidateRequest, InvalidateRequest__Output as _faast_v1_InvalidateRequest__Output } from '../../faast/v1/InvalidateRequest';
import type { NotifyWriteReply as _faast_v1_NotifyWriteReply, NotifyWriteReply__Output as _faast_v1_NotifyWriteReply__Output } from '../../faast/v1/NotifyWriteReply';
import type { NotifyWriteRequest as _faast_v1_NotifyWriteRequest, NotifyWriteRequest__Output as _faast_v1_NotifyWriteRequest__Output } from '../../faast/v1/NotifyWriteRequest';
import type { StatsReply as _faast_v1_StatsReply, StatsReply__Output as _faast_v1_StatsReply__Output } from '../../faast/v1/StatsReply';
import type { StatsRequest as _faast_v1_StatsRequest, StatsRequest__Output as _faast_v1_StatsRequest__Output } from '../../faast/v1/StatsRequest';

export interface CacheClient extends grpc.Client {
  Get(argument: _faast_v1_GetRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_faast_v1_GetReply__Output>;
  Get(argument: _faast_v1_GetRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_faast_v1_GetReply__Output>;
  get(argument: _faast_v1_GetRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_faast_v1_GetReply__Output>;
  get(argument: _faast_v1_GetRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_faast_v1_GetReply__Output>;
  
  Head(argument: _faast_v1_HeadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_HeadReply__Output>): grpc.ClientUnaryCall;
  Head(argument: _faast_v1_HeadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_HeadReply__Output>): grpc.ClientUnaryCall;
  Head(argument: _faast_v1_HeadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_HeadReply__Output>): grpc.ClientUnaryCall;
  Head(argument: _faast_v1_HeadRequest, callback: grpc.requestCallback<_faast_v1_HeadReply__Output>): grpc.ClientUnaryCall;
  head(argument: _faast_v1_HeadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_HeadReply__Output>): grpc.ClientUnaryCall;
  head(argument: _faast_v1_HeadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_HeadReply__Output>): grpc.ClientUnaryCall;
  head(argument: _faast_v1_HeadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_HeadReply__Output>): grpc.ClientUnaryCall;
  head(argument: _faast_v1_HeadRequest, callback: grpc.requestCallback<_faast_v1_HeadReply__Output>): grpc.ClientUnaryCall;
  
  Invalidate(argument: _faast_v1_InvalidateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_InvalidateReply__Output>): grpc.ClientUnaryCall;
  Invalidate(argument: _faast_v1_InvalidateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_InvalidateReply__Output>): grpc.ClientUnaryCall;
  Invalidate(argument: _faast_v1_InvalidateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_InvalidateReply__Output>): grpc.ClientUnaryCall;
  Invalidate(argument: _faast_v1_InvalidateRequest, callback: grpc.requestCallback<_faast_v1_InvalidateReply__Output>): grpc.ClientUnaryCall;
  invalidate(argument: _faast_v1_InvalidateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_InvalidateReply__Output>): grpc.ClientUnaryCall;
  invalidate(argument: _faast_v1_InvalidateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_InvalidateReply__Output>): grpc.ClientUnaryCall;
  invalidate(argument: _faast_v1_InvalidateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_InvalidateReply__Output>): grpc.ClientUnaryCall;
  invalidate(argument: _faast_v1_InvalidateRequest, callback: grpc.requestCallback<_faast_v1_InvalidateReply__Output>): grpc.ClientUnaryCall;
  
  NotifyWrite(argument: _faast_v1_NotifyWriteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_NotifyWriteReply__Output>): grpc.ClientUnaryCall;
  NotifyWrite(argument: _faast_v1_NotifyWriteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_NotifyWriteReply__Output>): grpc.ClientUnaryCall;
  NotifyWrite(argument: _faast_v1_NotifyWriteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_NotifyWriteReply__Output>): grpc.ClientUnaryCall;
  NotifyWrite(argument: _faast_v1_NotifyWriteRequest, callback: grpc.requestCallback<_faast_v1_NotifyWriteReply__Output>): grpc.ClientUnaryCall;
  notifyWrite(argument: _faast_v1_NotifyWriteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_NotifyWriteReply__Output>): grpc.ClientUnaryCall;
  notifyWrite(argument: _faast_v1_NotifyWriteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_NotifyWriteReply__Output>): grpc.ClientUnaryCall;
  notifyWrite(argument: _faast_v1_NotifyWriteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_NotifyWriteReply__Output>): grpc.ClientUnaryCall;
  notifyWrite(argument: _faast_v1_NotifyWriteRequest, callback: grpc.requestCallback<_faast_v1_NotifyWriteReply__Output>): grpc.ClientUnaryCall;
  
  Stats(argument: _faast_v1_StatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_StatsReply__Output>): grpc.ClientUnaryCall;
  Stats(argument: _faast_v1_StatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_StatsReply__Output>): grpc.ClientUnaryCall;
  Stats(argument: _faast_v1_StatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_StatsReply__Output>): grpc.ClientUnaryCall;
  Stats(argument: _faast_v1_StatsRequest, callback: grpc.requestCallback<_faast_v1_StatsReply__Output>): grpc.ClientUnaryCall;
  stats(argument: _faast_v1_StatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_StatsReply__Output>): grpc.ClientUnaryCall;
  stats(argument: _faast_v1_StatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_StatsReply__Output>): grpc.ClientUnaryCall;
  stats(argument: _faast_v1_StatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_StatsReply__Output>): grpc.ClientUnaryCall;
  stats(argument: _faast_v1_StatsRequest, callback: grpc.requestCallback<_faast_v1_StatsReply__Output>): grpc.ClientUnaryCall;
  
}

export interface CacheHandlers extends grpc.UntypedServiceImplementation {
  Get: grpc.handleServerStreamingCall<_faast_v1_GetRequest__Output, _faast_v1_GetReply>;
  
  Head: grpc.handleUnaryCall<_faast_v1_HeadRequest__Output, _faast_v1_HeadReply>;
  
  Invalidate: grpc.handleUnaryCall<_faast_v1_InvalidateRequest__Output, _faast_v1_InvalidateReply>;
  
  NotifyWrite: grpc.handleUnaryCall<_faast_v1_NotifyWriteRequest__Output, _faast_v1_NotifyWriteReply>;
  
  Stats: grpc.handleUnaryCall<_faast_v1_StatsRequest__Output, _faast_v1_StatsReply>;
  
}

export interface CacheDefinition extends grpc.ServiceDefinition {
  Get: MethodDefinition<_faast_v1_GetRequest, _faast_v1_GetReply, _faast_v1_GetRequest__Output, _faast_v1_GetReply__Output>
  Head: MethodDefinition<_faast_v1_HeadRequest, _faast_v1_HeadReply, _faast_v1_HeadRequest__Output, _faast_v1_HeadReply__Output>
  Invalidate: MethodDefinition<_faast_v1_InvalidateRequest, _faast_v1_InvalidateReply, _faast_v1_InvalidateRequest__Output, _faast_v1_InvalidateReply__Output>
  NotifyWrite: MethodDefinition<_faast_v1_NotifyWriteRequest, _faast_v1_NotifyWriteReply, _faast_v1_NotifyWriteRequest__Output, _faast_v1_NotifyWriteReply__Output>
  Stats: MethodDefinition<_faast_v1_StatsRequest, _faast_v1_StatsReply, _faast_v1_StatsRequest__Output, _faast_v1_StatsReply__Output>
}
