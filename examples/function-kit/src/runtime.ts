/**
 * The function's S3 client, configured from the environment as a serverless platform would
 * configure it, and wrapped once with `withFaast` — the one Faa$T line. It is created on the
 * first invocation (importing the module is cheap) and lives as long as the instance.
 *
 * Environment: BUCKET (required), S3_ENDPOINT (optional; path-style addressing when set),
 * AWS_REGION (default us-east-1), credentials from the SDK's default chain
 * (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a profile, an instance role...). FAAST_SOCKET
 * or FAAST_EMBEDDED=1 turn the cache on; without them reads go straight to S3.
 */
import { GetObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { closeFaastConnections, withFaast } from '@faast/s3';

/** What a handler receives besides its event (a subset of Lambda's context, same names). */
export interface InvocationContext {
  awsRequestId: string;
  functionName: string;
  instanceId: string;
  coldStart: boolean;
}

/** The function is not configured to run (a missing or malformed variable). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The event is not one this function handles. */
export class EventError extends Error {
  override readonly name = 'EventError';
}

/** An object the event names is not in the bucket. */
export class ObjectNotFoundError extends Error {
  override readonly name = 'NoSuchKey';
  constructor(
    readonly bucket: string,
    readonly key: string,
  ) {
    super(`${key}: no such object in bucket ${bucket}`);
  }
}

export interface FunctionConfig {
  bucket: string;
  s3: S3ClientConfig;
}

/** The function's configuration from its environment; throws a {@link ConfigError} naming the problem. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): FunctionConfig {
  const bucket = env['BUCKET'];
  if (!bucket) throw new ConfigError('BUCKET is not set (the S3 bucket this function reads)');
  const endpoint = env['S3_ENDPOINT'] || undefined;
  if (endpoint !== undefined && !URL.canParse(endpoint)) throw new ConfigError(`S3_ENDPOINT is not a URL: '${endpoint}'`);
  const region = env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || 'us-east-1';
  return { bucket, s3: { region, ...(endpoint ? { endpoint, forcePathStyle: true } : {}) } };
}

export interface Runtime {
  bucket: string;
  /** The wrapped client. */
  s3: S3Client;
}

let current: Runtime | undefined;

/** The instance's client, created (and wrapped) on first use. */
export function runtime(): Runtime {
  if (!current) {
    const config = configFromEnv();
    current = { bucket: config.bucket, s3: withFaast(new S3Client(config.s3)) };
  }
  return current;
}

/** Destroys the client and closes this process's Faa$T connections (an embedded cachelet stops); the next call starts afresh. */
export async function resetRuntime(): Promise<void> {
  const r = current;
  current = undefined;
  r?.s3.destroy();
  await closeFaastConnections();
}

/** An object's bytes and ETag; a missing object is an {@link ObjectNotFoundError}. */
export async function readObject(key: string): Promise<{ bytes: Uint8Array; etag: string }> {
  const { s3, bucket } = runtime();
  try {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return { bytes: await out.Body!.transformToByteArray(), etag: out.ETag ?? '' };
  } catch (err) {
    throw notFound(err, bucket, key);
  }
}

export async function readJson<T>(key: string): Promise<T> {
  const { bytes } = await readObject(key);
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as T;
  } catch (err) {
    throw new Error(`${key}: not JSON (${(err as Error).message})`, { cause: err });
  }
}

/** The HTTP status of an SDK error, if it has one. */
export function httpStatus(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
}

/** Maps S3's NoSuchKey to an {@link ObjectNotFoundError} naming the key; other errors pass. */
export function notFound(err: unknown, bucket: string, key: string): unknown {
  return (err as Error | undefined)?.name === 'NoSuchKey' || httpStatus(err) === 404 ? new ObjectNotFoundError(bucket, key) : err;
}
