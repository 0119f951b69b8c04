// Original file: ../../proto/faast/v1/cache.proto


export interface NotifyWriteReply {
}

export interface NotifyWriteReply__Output {
}
