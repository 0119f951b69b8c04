/**
 * Whether an S3 origin can work: the region it uses, a cheap check that needs a region,
 * credentials and a reachable, willing endpoint, and which errors mean the origin is unusable
 * rather than refusing one request.
 */
import { HeadBucketCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';

/** The region used when neither the options nor the AWS chain name one. */
export const DEFAULT_REGION = 'us-east-1';

/** Where the region came from: given, the AWS chain (AWS_REGION, the profile), or the default. */
export type RegionSource = 'option' | 'aws-chain' | 'default';

/** The region: `region` if given, else the AWS chain's, else `us-east-1`. */
export async function resolveS3Region(region: string | undefined): Promise<{ region: string; from: RegionSource }> {
  if (region) return { region, from: 'option' };
  const probe = new S3Client({});
  try {
    return { region: await probe.config.region(), from: 'aws-chain' };
  } catch {
    return { region: DEFAULT_REGION, from: 'default' };
  } finally {
    probe.destroy();
  }
}

/** Error names that say the credentials or the region are wrong, whatever the status. */
const CONFIG_ERRORS = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'InvalidToken',
  'TokenRefreshRequired',
  'RequestTimeTooSkewed',
  'AuthorizationHeaderMalformed',
  'PermanentRedirect',
  'IllegalLocationConstraintException',
]);

/**
 * Whether an S3 error means the origin is unusable: no HTTP answer (network, no credentials,
 * no region, timeout), a 5xx, a redirect to another region, or credentials the origin rejects.
 * Not: a missing object or bucket, a failed condition, access denied to what was asked.
 */
export function isS3Fault(err: unknown): boolean {
  const status = httpStatus(err);
  if (status === undefined) return errorName(err) !== 'AbortError';
  return status >= 500 || status === 301 || status === 307 || CONFIG_ERRORS.has(errorName(err) ?? '');
}

/**
 * The cheap check: HeadBucket for one bucket; for any bucket, ListBuckets (one bucket asked),
 * where "access denied" still proves a region, valid credentials and a reachable endpoint.
 * Rejects with a message naming the problem.
 */
export async function checkS3Origin(client: S3Client, bucket: string | undefined, signal: AbortSignal): Promise<void> {
  const what = bucket ? `HeadBucket ${bucket}` : 'ListBuckets';
  try {
    if (bucket) await client.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal: signal });
    else await client.send(new ListBucketsCommand({ MaxBuckets: 1 }), { abortSignal: signal });
  } catch (err) {
    const status = httpStatus(err);
    const name = errorName(err);
    if (!bucket && status === 403 && !CONFIG_ERRORS.has(name ?? '')) return; // no permission to list buckets: fine
    throw new Error(`${what}: ${problem(err, status, name, bucket)}`, { cause: err });
  }
}

function problem(err: unknown, status: number | undefined, name: string | undefined, bucket: string | undefined): string {
  const message = (err as Error).message || (err as { code?: string }).code || name || 'failed';
  if (status === undefined) return message;
  if (status === 404) return `bucket '${bucket}' does not exist (404)`;
  if (status === 301 || name === 'PermanentRedirect' || name === 'AuthorizationHeaderMalformed') return `the bucket is in another region than the one used (${status}${name ? ` ${name}` : ''})`;
  if (status === 403) return `access denied (403${name && name !== '403' ? ` ${name}` : ''}): check the credentials and their permissions`;
  return `the origin answered ${status}${name && name !== String(status) ? ` ${name}` : ''}`;
}

/** The HTTP status of an SDK error, if it has one. */
export function httpStatus(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
}

/** The name of an SDK error (its S3 error code), if it has one. */
export function errorName(err: unknown): string | undefined {
  return (err as { name?: string } | undefined)?.name;
}
