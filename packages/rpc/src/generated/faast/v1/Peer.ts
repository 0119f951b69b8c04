// Original file: ../../proto/faast/v1/peer.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ChunkReply as _faast_v1_ChunkReply, ChunkReply__Output as _faast_v1_ChunkReply__Output } from '../../faast/v1/ChunkReply';
import type { ChunkRequest as _faast_v1_ChunkRequest, ChunkRequest__Output as _faast_v1_ChunkRequest__Output } from '../../faast/v1/ChunkRequest';
import type { GetReply as _faast_v1_GetReply, GetReply__Output as _faast_v1_GetReply__Output } from '../../faast/v1/GetReply';
import type { InvalidateReply as _faast_v1_InvalidateReply, InvalidateReply__Output as _faast_v1_InvalidateReply__Output } from '../../faast/v1/InvalidateReply';
import type { NotifyWriteReply as _faast_v1_NotifyWriteReply, NotifyWriteReply__Output as _faast_v1_NotifyWriteReply__Output } from '../../faast/v1/NotifyWriteReply';
import type { PeerChangedReply as _faast_v1_PeerChangedReply, PeerChangedReply__Output as _faast_v1_PeerChangedReply__Output } from '../../faast/v1/PeerChangedReply';
import type { PeerChangedRequest as _faast_v1_PeerChangedRequest, PeerChangedRequest__Output as _faast_v1_PeerChangedRequest__Output } from '../../faast/v1/PeerChangedRequest';
import type { PeerGetRequest as _faast_v1_PeerGetRequest, PeerGetRequest__Output as _faast_v1_PeerGetRequest__Output } from '../../faast/v1/PeerGetRequest';
import type { PeerInvalidateRequest as _faast_v1_PeerInvalidateRequest, PeerInvalidateRequest__Output as _faast_v1_PeerInvalidateRequest__Output } from '../../faast/v1/PeerInvalidateRequest';
import type { PeerNotifyWriteRequest as _faast_v1_PeerNotifyWriteRequest, PeerNotifyWriteRequest__Output as _faast_v1_PeerNotifyWriteRequest__Output } from '../../faast/v1/PeerNotifyWriteRequest';
import type { PeerStatsReply as _faast_v1_PeerStatsReply, PeerStatsReply__Output as _faast_v1_PeerStatsReply__Output } from '../../faast/v1/PeerStatsReply';
import type { PeerStatsRequest as _faast_v1_PeerStatsRequest, PeerStatsRequest__Output as _faast_v1_PeerStatsRequest__Output } from '../../faast/v1/PeerStatsRequest';
import type { ValidateReply as _faast_v1_ValidateReply, ValidateReply__Output as _faast_v1_ValidateReply__Output } from '../../faast/v1/ValidateReply';
import type { ValidateRequest as _faast_v1_ValidateRequest, ValidateRequest__Output as _faast_v1_ValidateRequest__Output } from '../../faast/v1/ValidateRequest';

export interface PeerClient extends grpc.Client {
  PeerChanged(argument: _faast_v1_PeerChangedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_PeerChangedReply__Output>): grpc.ClientUnaryCall;
  PeerChanged(argument: _faast_v1_PeerChangedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_PeerChangedReply__Output>): grpc.ClientUnaryCall;
  PeerChanged(argument: _faast_v1_PeerChangedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_PeerChangedReply__Output>): grpc.ClientUnaryCall;
  PeerChanged(argument: _faast_v1_PeerChangedRequest, callback: grpc.requestCallback<_faast_v1_PeerChangedReply__Output>): grpc.ClientUnaryCall;
  peerChanged(argument: _faast_v1_PeerChangedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_PeerChangedReply__Output>): grpc.ClientUnaryCall;
  peerChanged(argument: _faast_v1_PeerChangedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_PeerChangedReply__Output>): grpc.ClientUnaryCall;
  peerChanged(argument: _faast_v1_PeerChangedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_PeerChangedReply__Output>): grpc.ClientUnaryCall;
  peerChanged(argument: _faast_v1_PeerChangedRequest, callback: grpc.requestCallback<_faast_v1_PeerChangedReply__Output>): grpc.ClientUnaryCall;
  
  PeerGet(argument: _faast_v1_PeerGetRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_faast_v1_GetReply__Output>;
  PeerGet(argument: _faast_v1_PeerGetRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_faast_v1_GetReply__Output>;
  peerGet(argument: _faast_v1_PeerGetRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_faast_v1_GetReply__Output>;
  peerGet(argument: _faast_v1_PeerGetRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_faast_v1_GetReply__Output>;
  
  PeerGetChunk(argument: _faast_v1_ChunkRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_ChunkReply__Output>): grpc.ClientUnaryCall;
  PeerGetChunk(argument: _faast_v1_ChunkRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_ChunkReply__Output>): grpc.ClientUnaryCall;
  PeerGetChunk(argument: _faast_v1_ChunkRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_ChunkReply__Output>): grpc.ClientUnaryCall;
  PeerGetChunk(argument: _faast_v1_ChunkRequest, callback: grpc.requestCallback<_faast_v1_ChunkReply__Output>): grpc.ClientUnaryCall;
  peerGetChunk(argument: _faast_v1_ChunkRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_ChunkReply__Output>): grpc.ClientUnaryCall;
  peerGetChunk(argument: _faast_v1_ChunkRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_ChunkReply__Output>): grpc.ClientUnaryCall;
  peerGetChunk(argument: _faast_v1_ChunkRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_ChunkReply__Output>): grpc.ClientUnaryCall;
  peerGetChunk(argument: _faast_v1_ChunkRequest, callback: grpc.requestCallback<_faast_v1_ChunkReply__Output>): grpc.ClientUnaryCall;
  
  PeerInvalidate(argument: _faast_v1_PeerInvalidateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_InvalidateReply__Output>): grpc.ClientUnaryCall;
  PeerInvalidate(argument: _faast_v1_PeerInvalidateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_InvalidateReply__Output>): grpc.ClientUnaryCall;
  PeerInvalidate(argument: _faast_v1_PeerInvalidateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_InvalidateReply__Output>): grpc.ClientUnaryCall;
  PeerInvalidate(argument: _faast_v1_PeerInvalidateRequest, callback: grpc.requestCallback<_faast_v1_InvalidateReply__Output>): grpc.ClientUnaryCall;
  peerInvalidate(argument: _faast_v1_PeerInvalidateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_InvalidateReply__Output>): grpc.ClientUnaryCall;
  peerInvalidate(argument: _faast_v1_PeerInvalidateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_InvalidateReply__Output>): grpc.ClientUnaryCall;
  peerInvalidate(argument: _faast_v1_PeerInvalidateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_InvalidateReply__Output>): grpc.ClientUnaryCall;
  peerInvalidate(argument: _faast_v1_PeerInvalidateRequest, callback: grpc.requestCallback<_faast_v1_InvalidateReply__Output>): grpc.ClientUnaryCall;
  
  PeerNotifyWrite(argument: _faast_v1_PeerNotifyWriteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_NotifyWriteReply__Output>): grpc.ClientUnaryCall;
  PeerNotifyWrite(argument: _faast_v1_PeerNotifyWriteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_NotifyWriteReply__Output>): grpc.ClientUnaryCall;
  PeerNotifyWrite(argument: _faast_v1_PeerNotifyWriteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_NotifyWriteReply__Output>): grpc.ClientUnaryCall;
  PeerNotifyWrite(argument: _faast_v1_PeerNotifyWriteRequest, callback: grpc.requestCallback<_faast_v1_NotifyWriteReply__Output>): grpc.ClientUnaryCall;
  peerNotifyWrite(argument: _faast_v1_PeerNotifyWriteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_NotifyWriteReply__Output>): grpc.ClientUnaryCall;
  peerNotifyWrite(argument: _faast_v1_PeerNotifyWriteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_NotifyWriteReply__Output>): grpc.ClientUnaryCall;
  peerNotifyWrite(argument: _faast_v1_PeerNotifyWriteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_NotifyWriteReply__Output>): grpc.ClientUnaryCall;
  peerNotifyWrite(argument: _faast_v1_PeerNotifyWriteRequest, callback: grpc.requestCallback<_faast_v1_NotifyWriteReply__Output>): grpc.ClientUnaryCall;
  
  PeerStats(argument: _faast_v1_PeerStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_PeerStatsReply__Output>): grpc.ClientUnaryCall;
  PeerStats(argument: _faast_v1_PeerStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_PeerStatsReply__Output>): grpc.ClientUnaryCall;
  PeerStats(argument: _faast_v1_PeerStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_PeerStatsReply__Output>): grpc.ClientUnaryCall;
  PeerStats(argument: _faast_v1_PeerStatsRequest, callback: grpc.requestCallback<_faast_v1_PeerStatsReply__Output>): grpc.ClientUnaryCall;
  peerStats(argument: _faast_v1_PeerStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_PeerStatsReply__Output>): grpc.ClientUnaryCall;
  peerStats(argument: _faast_v1_PeerStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_PeerStatsReply__Output>): grpc.ClientUnaryCall;
  peerStats(argument: _faast_v1_PeerStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_PeerStatsReply__Output>): grpc.ClientUnaryCall;
  peerStats(argument: _faast_v1_PeerStatsRequest, callback: grpc.requestCallback<_faast_v1_PeerStatsReply__Output>): grpc.ClientUnaryCall;
  
  Validate(argument: _faast_v1_ValidateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_ValidateReply__Output>): grpc.ClientUnaryCall;
  Validate(argument: _faast_v1_ValidateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_ValidateReply__Output>): grpc.ClientUnaryCall;
  Validate(argument: _faast_v1_ValidateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_ValidateReply__Output>): grpc.ClientUnaryCall;
  Validate(argument: _faast_v1_ValidateRequest, callback: grpc.requestCallback<_faast_v1_ValidateReply__Output>): grpc.ClientUnaryCall;
  validate(argument: _faast_v1_ValidateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_ValidateReply__Output>): grpc.ClientUnaryCall;
  validate(argument: _faast_v1_ValidateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_faast_v1_ValidateReply__Output>): grpc.ClientUnaryCall;
  validate(argument: _faast_v1_ValidateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_faast_v1_ValidateReply__Output>): grpc.ClientUnaryCall;
  validate(argument: _faast_v1_ValidateRequest, callback: grpc.requestCallback<_faast_v1_ValidateReply__Output>): grpc.ClientUnaryCall;
  
}

export interface PeerHandlers extends grpc.UntypedServiceImplementation {
  PeerChanged: grpc.handleUnaryCall<_faast_v1_PeerChangedRequest__Output, _faast_v1_PeerChangedReply>;
  
  PeerGet: grpc.handleServerStreamingCall<_faast_v1_PeerGetRequest__Output, _faast_v1_GetReply>;
  
  PeerGetChunk: grpc.handleUnaryCall<_faast_v1_ChunkRequest__Output, _faast_v1_ChunkReply>;
  
  PeerInvalidate: grpc.handleUnaryCall<_faast_v1_PeerInvalidateRequest__Output, _faast_v1_InvalidateReply>;
  
  PeerNotifyWrite: grpc.handleUnaryCall<_faast_v1_PeerNotifyWriteRequest__Output, _faast_v1_NotifyWriteReply>;
  
  PeerStats: grpc.handleUnaryCall<_faast_v1_PeerStatsRequest__Output, _faast_v1_PeerStatsReply>;
  
  Validate: grpc.handleUnaryCall<_faast_v1_ValidateRequest__Output, _faast_v1_ValidateReply>;
  
}

export interface PeerDefinition extends grpc.ServiceDefinition {
  PeerChanged: MethodDefinition<_faast_v1_PeerChangedRequest, _faast_v1_PeerChangedReply, _faast_v1_PeerChangedRequest__Output, _faast_v1_PeerChangedReply__Output>
  PeerGet: MethodDefinition<_faast_v1_PeerGetRequest, _faast_v1_GetReply, _faast_v1_PeerGetRequest__Output, _faast_v1_GetReply__Output>
  PeerGetChunk: MethodDefinition<_faast_v1_ChunkRequest, _faast_v1_ChunkReply, _faast_v1_ChunkRequest__Output, _faast_v1_ChunkReply__Output>
  PeerInvalidate: MethodDefinition<_faast_v1_PeerInvalidateRequest, _faast_v1_InvalidateReply, _faast_v1_PeerInvalidateRequest__Output, _faast_v1_InvalidateReply__Output>
  PeerNotifyWrite: MethodDefinition<_faast_v1_PeerNotifyWriteRequest, _faast_v1_NotifyWriteReply, _faast_v1_PeerNotifyWriteRequest__Output, _faast_v1_NotifyWriteReply__Output>
  PeerStats: MethodDefinition<_faast_v1_PeerStatsRequest, _faast_v1_PeerStatsReply, _faast_v1_PeerStatsRequest__Output, _faast_v1_PeerStatsReply__Output>
  Validate: MethodDefinition<_faast_v1_ValidateRequest, _faast_v1_ValidateReply, _faast_v1_ValidateRequest__Output, _faast_v1_ValidateReply__Output>
}
