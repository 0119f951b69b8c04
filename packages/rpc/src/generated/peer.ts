import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { CacheClient as _faast_v1_CacheClient, CacheDefinition as _faast_v1_CacheDefinition } from './faast/v1/Cache';
import type { ChunkReply as _faast_v1_ChunkReply, ChunkReply__Output as _faast_v1_ChunkReply__Output } from './faast/v1/ChunkReply';
import type { ChunkRequest as _faast_v1_ChunkRequest, ChunkRequest__Output as _faast_v1_ChunkRequest__Output } from './faast/v1/ChunkRequest';
import type { Conditions as _faast_v1_Conditions, Conditions__Output as _faast_v1_Conditions__Output } from './faast/v1/Conditions';
import type { GetHeader as _faast_v1_GetHeader, GetHeader__Output as _faast_v1_GetHeader__Output } from './faast/v1/GetHeader';
import type { GetReply as _faast_v1_GetReply, GetReply__Output as _faast_v1_GetReply__Output } from './faast/v1/GetReply';
import type { GetRequest as _faast_v1_GetRequest, GetRequest__Output as _faast_v1_GetRequest__Output } from './faast/v1/GetRequest';
import type { HeadReply as _faast_v1_HeadReply, HeadReply__Output as _faast_v1_HeadReply__Output } from './faast/v1/HeadReply';
import type { HeadRequest as _faast_v1_HeadRequest, HeadRequest__Output as _faast_v1_HeadRequest__Output } from './faast/v1/HeadRequest';
import type { InvalidateReply as _faast_v1_InvalidateReply, InvalidateReply__Output as _faast_v1_InvalidateReply__Output } from './faast/v1/InvalidateReply';
import type { InvalidateRequest as _faast_v1_InvalidateRequest, InvalidateRequest__Output as _faast_v1_InvalidateRequest__Output } from './faast/v1/InvalidateRequest';
import type { Member as _faast_v1_Member, Member__Output as _faast_v1_Member__Output } from './faast/v1/Member';
import type { NotifyWriteReply as _faast_v1_NotifyWriteReply, NotifyWriteReply__Output as _faast_v1_NotifyWriteReply__Output } from './faast/v1/NotifyWriteReply';
import type { NotifyWriteRequest as _faast_v1_NotifyWriteRequest, NotifyWriteRequest__Output as _faast_v1_NotifyWriteRequest__Output } from './faast/v1/NotifyWriteRequest';
import type { ObjectMeta as _faast_v1_ObjectMeta, ObjectMeta__Output as _faast_v1_ObjectMeta__Output } from './faast/v1/ObjectMeta';
import type { ObjectRef as _faast_v1_ObjectRef, ObjectRef__Output as _faast_v1_ObjectRef__Output } from './faast/v1/ObjectRef';
import type { PeerClient as _faast_v1_PeerClient, PeerDefinition as _faast_v1_PeerDefinition } from './faast/v1/Peer';
import type { PeerChangedReply as _faast_v1_PeerChangedReply, PeerChangedReply__Output as _faast_v1_PeerChangedReply__Output } from './faast/v1/PeerChangedReply';
import type { PeerChangedRequest as _faast_v1_PeerChangedRequest, PeerChangedRequest__Output as _faast_v1_PeerChangedRequest__Output } from './faast/v1/PeerChangedRequest';
import type { PeerContext as _faast_v1_PeerContext, PeerContext__Output as _faast_v1_PeerContext__Output } from './faast/v1/PeerContext';
import type { PeerGetRequest as _faast_v1_PeerGetRequest, PeerGetRequest__Output as _faast_v1_PeerGetRequest__Output } from './faast/v1/PeerGetRequest';
import type { PeerInvalidateRequest as _faast_v1_PeerInvalidateRequest, PeerInvalidateRequest__Output as _faast_v1_PeerInvalidateRequest__Output } from './faast/v1/PeerInvalidateRequest';
import type { PeerNotifyWriteRequest as _faast_v1_PeerNotifyWriteRequest, PeerNotifyWriteRequest__Output as _faast_v1_PeerNotifyWriteRequest__Output } from './faast/v1/PeerNotifyWriteRequest';
import type { PeerStatsReply as _faast_v1_PeerStatsReply, PeerStatsReply__Output as _faast_v1_PeerStatsReply__Output } from './faast/v1/PeerStatsReply';
import type { PeerStatsRequest as _faast_v1_PeerStatsRequest, PeerStatsRequest__Output as _faast_v1_PeerStatsRequest__Output } from './faast/v1/PeerStatsRequest';
import type { Ring as _faast_v1_Ring, Ring__Output as _faast_v1_Ring__Output } from './faast/v1/Ring';
import type { StatsReply as _faast_v1_StatsReply, StatsReply__Output as _faast_v1_StatsReply__Output } from './faast/v1/StatsReply';
import type { StatsRequest as _faast_v1_StatsRequest, StatsRequest__Output as _faast_v1_StatsRequest__Output } from './faast/v1/StatsRequest';
import type { ValidateReply as _faast_v1_ValidateReply, ValidateReply__Output as _faast_v1_ValidateReply__Output } from './faast/v1/ValidateReply';
import type { ValidateRequest as _faast_v1_ValidateRequest, ValidateRequest__Output as _faast_v1_ValidateRequest__Output } from './faast/v1/ValidateRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  faast: {
    v1: {
      /**
       * The admin side of a cachelet over gRPC, on `<socket>.grpc` beside the app socket and on
       * the peer port. Reads, heads and write notices travel on the app plane (app.proto).
       */
      Cache: SubtypeConstructor<typeof grpc.Client, _faast_v1_CacheClient> & { service: _faast_v1_CacheDefinition }
      ChunkReply: MessageTypeDefinition<_faast_v1_ChunkReply, _faast_v1_ChunkReply__Output>
      ChunkRequest: MessageTypeDefinition<_faast_v1_ChunkRequest, _faast_v1_ChunkRequest__Output>
      Conditions: MessageTypeDefinition<_faast_v1_Conditions, _faast_v1_Conditions__Output>
      GetHeader: MessageTypeDefinition<_faast_v1_GetHeader, _faast_v1_GetHeader__Output>
      GetReply: MessageTypeDefinition<_faast_v1_GetReply, _faast_v1_GetReply__Output>
      GetRequest: MessageTypeDefinition<_faast_v1_GetRequest, _faast_v1_GetRequest__Output>
      HeadReply: MessageTypeDefinition<_faast_v1_HeadReply, _faast_v1_HeadReply__Output>
      HeadRequest: MessageTypeDefinition<_faast_v1_HeadRequest, _faast_v1_HeadRequest__Output>
      InvalidateReply: MessageTypeDefinition<_faast_v1_InvalidateReply, _faast_v1_InvalidateReply__Output>
      InvalidateRequest: MessageTypeDefinition<_faast_v1_InvalidateRequest, _faast_v1_InvalidateRequest__Output>
      Member: MessageTypeDefinition<_faast_v1_Member, _faast_v1_Member__Output>
      NotifyWriteReply: MessageTypeDefinition<_faast_v1_NotifyWriteReply, _faast_v1_NotifyWriteReply__Output>
      NotifyWriteRequest: MessageTypeDefinition<_faast_v1_NotifyWriteRequest, _faast_v1_NotifyWriteRequest__Output>
      ObjectMeta: MessageTypeDefinition<_faast_v1_ObjectMeta, _faast_v1_ObjectMeta__Output>
      ObjectRef: MessageTypeDefinition<_faast_v1_ObjectRef, _faast_v1_ObjectRef__Output>
      Peer: SubtypeConstructor<typeof grpc.Client, _faast_v1_PeerClient> & { service: _faast_v1_PeerDefinition }
      PeerChangedReply: MessageTypeDefinition<_faast_v1_PeerChangedReply, _faast_v1_PeerChangedReply__Output>
      PeerChangedRequest: MessageTypeDefinition<_faast_v1_PeerChangedRequest, _faast_v1_PeerChangedRequest__Output>
      PeerContext: MessageTypeDefinition<_faast_v1_PeerContext, _faast_v1_PeerContext__Output>
      PeerGetRequest: MessageTypeDefinition<_faast_v1_PeerGetRequest, _faast_v1_PeerGetRequest__Output>
      PeerInvalidateRequest: MessageTypeDefinition<_faast_v1_PeerInvalidateRequest, _faast_v1_PeerInvalidateRequest__Output>
      PeerNotifyWriteRequest: MessageTypeDefinition<_faast_v1_PeerNotifyWriteRequest, _faast_v1_PeerNotifyWriteRequest__Output>
      PeerStatsReply: MessageTypeDefinition<_faast_v1_PeerStatsReply, _faast_v1_PeerStatsReply__Output>
      PeerStatsRequest: MessageTypeDefinition<_faast_v1_PeerStatsRequest, _faast_v1_PeerStatsRequest__Output>
      Ring: MessageTypeDefinition<_faast_v1_Ring, _faast_v1_Ring__Output>
      Source: EnumTypeDefinition
      StatsReply: MessageTypeDefinition<_faast_v1_StatsReply, _faast_v1_StatsReply__Output>
      StatsRequest: MessageTypeDefinition<_faast_v1_StatsRequest, _faast_v1_StatsRequest__Output>
      Status: EnumTypeDefinition
      ValidateReply: MessageTypeDefinition<_faast_v1_ValidateReply, _faast_v1_ValidateReply__Output>
      ValidateRequest: MessageTypeDefinition<_faast_v1_ValidateRequest, _faast_v1_ValidateRequest__Output>
    }
  }
}

