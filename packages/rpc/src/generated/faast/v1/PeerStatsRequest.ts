// Original file: ../../proto/faast/v1/peer.proto


export interface PeerStatsRequest {
}

export interface PeerStatsRequest__Output {
}
