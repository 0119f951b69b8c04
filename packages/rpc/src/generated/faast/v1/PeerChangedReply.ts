// Original file: ../../proto/faast/v1/peer.proto


export interface PeerChangedReply {
}

export interface PeerChangedReply__Output {
}
