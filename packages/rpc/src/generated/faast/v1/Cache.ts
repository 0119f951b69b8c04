// Original file: ../../proto/faast/v1/cache.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { StatsReply as _faast_v1_StatsReply, StatsReply__Output as _faast_v1_StatsReply__Output } from '../../faast/v1/StatsReply';
import type { StatsRequest as _faast_v1_StatsRequest, StatsRequest__Output as _faast_v1_StatsRequest__Output } from '../../faast/v1/StatsRequest';

/**
 * The admin side of a cachelet over gRPC, on `<socket>.grpc` beside the app socket and on
 * the peer port. Reads, heads and write notices travel on the app plane (app.proto).
 */
export interface CacheClient extends grpc.Client {
  Stats(argument: _faast_v1_StatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_StatsReply__Output>): grpc.ClientUnaryCall;
  Stats(argument: _faast_v1_StatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_StatsReply__Output>): grpc.ClientUnaryCall;
  Stats(argument: _faast_v1_StatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_StatsReply__Output>): grpc.ClientUnaryCall;
  Stats(argument: _faast_v1_StatsRequest, callback: grpc.requestCallback<_faast_v1_StatsReply__Output>): grpc.ClientUnaryCall;
  stats(argument: _faast_v1_StatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_StatsReply__Output>): grpc.ClientUnaryCall;
  stats(argument: _faast_v1_StatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_StatsReply__Output>): grpc.ClientUnaryCall;
  stats(argument: _faast_v1_StatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_StatsReply__Output>): grpc.ClientUnaryCall;
  stats(argument: _faast_v1_StatsRequest, callback: grpc.requestCallback<_faast_v1_StatsReply__Output>): grpc.ClientUnaryCall;
  
}

/**
 * The admin side of a cachelet over gRPC, on `<socket>.grpc` beside the app socket and on
 * the peer port. Reads, heads and write notices travel on the app plane (app.proto).
 */
export interface CacheHandlers extends grpc.UntypedServiceImplementation {
  Stats: grpc.handleUnaryCall<_faast_v1_StatsRequest__Output, _faast_v1_StatsReply>;
  
}

export interface CacheDefinition extends grpc.ServiceDefinition {
  Stats: MethodDefinition<_faast_v1_StatsRequest, _faast_v1_StatsReply, _faast_v1_StatsRequest__Output, _faast_v1_StatsReply__Output>
}
