/**
 * @faast/emulator — the embedded default origin for the demo and the tests: a real
 * S3-protocol server on loopback (s3rver) behind a proxy that emulates a remote origin
 * (first-byte latency and per-connection bandwidth). Its objects are atomic, as S3's are
 * (s3rver's own are not; see atomic.ts).
 */
export { S3_STANDARD_PROFILE, NO_LATENCY_PROFILE, type RemoteProfile } from './profile';
export { bucketOf, type BucketCounts, type RequestCounts } from './counters';
export { assertLoopbackHost } from './loopback';
export {
  assertBucketName,
  startS3Emulator,
  type S3Emulator,
  type S3EmulatorOptions,
  type S3EmulatorClientOptions,
} from './s3';
