// Original file: ../../proto/faast/v1/cache.proto


export interface StatsRequest {
}

export interface StatsRequest__Output {
}
