/**
 * @faast/s3 — Faa$T for the AWS SDK v3: `withFaast(s3Client)` and the S3 origin adapter.
 */
export { withFaast, closeFaastConnections, embeddedCachelet, nearCacheOf } from './plugin';
export type { EmbeddedOptions } from './embedded';
export { CacheletConnection } from './connection';
export { Bypass, ReplyError, type CacheTransport, type GetStart, type HolderListener, type ReplyStream } from './transport';
export * from './config';
export { resolveS3Region, isS3Fault, checkS3Origin, DEFAULT_REGION, type RegionSource } from './origin-check';
export { S3Origin, s3OriginClientConfig, metaFromHeaders, parseContentRange, type S3OriginOptions } from './origin';
