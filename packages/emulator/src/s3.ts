import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { makeStoreAtomic } from './atomic';
import { RequestCounters, type RequestCounts } from './counters';
import { assertLoopbackHost, httpUrl } from './loopback';
import { S3_STANDARD_PROFILE, validateProfile, type RemoteProfile } from './profile';
import { startProfileProxy, type ProfileProxy } from './profile-proxy';
import { answerGetsAsS3 } from './s3-get';

/** The region clients sign for; s3rver accepts any, S3 SDKs require one. */
const REGION = 'us-east-1';

/** The one key pair s3rver 3.7.1 knows (hard-coded in its `models/account.js`). */
const CREDENTIALS = Object.freeze({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const);

/** S3 bucket naming rules (3–63 characters, lower case, digits, dots, hyphens). */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Throws unless `name` is a valid S3 bucket name: 3 to 63 characters of a-z, 0-9, '.' and
 * '-', starting and ending with a letter or digit, no '..', not an IPv4 address.
 */
export function assertBucketName(name: string): void {
  if (!BUCKET_NAME.test(name) || name.includes('..') || isIP(name) === 4) {
    throw new Error(`invalid bucket name '${name}' (S3 rules: 3-63 chars of a-z 0-9 . -, starting and ending with a letter or digit)`);
  }
}

/** Options of {@link startS3Emulator}. */
export interface S3EmulatorOptions {
  /**
   * Latency and bandwidth applied to requests through {@link S3Emulator.endpoint}.
   * Default {@link S3_STANDARD_PROFILE} (15 ms, 90e6 B/s); use `NO_LATENCY_PROFILE` in tests.
   */
  profile?: RemoteProfile;
  /**
   * Buckets created before the server starts listening. Names follow S3's rules (3 to 63
   * characters of a-z, 0-9, '.', '-'). Default none.
   */
  buckets?: string[];
  /**
   * s3rver's data directory (created if missing, kept on close, so data can outlive the
   * emulator). Default: a fresh temporary directory, removed by `close()`.
   */
  directory?: string;
  /** Loopback interface both servers listen on (127.x.x.x, ::1 or localhost). Default '127.0.0.1'. */
  host?: string;
  /** Port of {@link S3Emulator.endpoint}; 0 (the default) picks a free one. The direct endpoint always gets a free one. */
  port?: number;
  /** Silences s3rver's request log and error log. Default true. */
  silent?: boolean;
}

/** Options of {@link S3Emulator.client} and {@link S3Emulator.clientConfig}. */
export interface S3EmulatorClientOptions {
  /** Talk to s3rver directly, skipping the remote profile (e.g. to seed data fast). Default false. */
  direct?: boolean;
}

/**
 * A running S3 emulator: s3rver on loopback, behind a proxy emulating a remote origin.
 *
 * Objects are atomic as in S3, through both endpoints: a GET (or a Range GET, HEAD, listing)
 * sees one whole version of an object with that version's ETag, even while it is being
 * rewritten, copied over or deleted; a GET in progress when a new version lands finishes the
 * version it started; a write is answered once the new version is whole and readable; a
 * failed or aborted upload leaves the previous version in place (s3rver alone does not do
 * this: see atomic.ts).
 */
export interface S3Emulator {
  /** The endpoint clients use, e.g. `http://127.0.0.1:PORT`: goes through the remote profile (latency + bandwidth) and is counted. */
  readonly endpoint: string;
  /** The s3rver itself, without the profile and not counted (for seeding data fast); objects are atomic here too. */
  readonly directEndpoint: string;
  /** The region clients sign for: 'us-east-1'. */
  readonly region: string;
  /** The credentials s3rver accepts. */
  readonly credentials: { accessKeyId: 'S3RVER'; secretAccessKey: 'S3RVER' };
  /** The profile applied on {@link S3Emulator.endpoint} (a copy). */
  readonly profile: RemoteProfile;
  /**
   * Requests that reached the origin through `endpoint` — total, by method (GET, HEAD, PUT,
   * ...), and bytes of response bodies sent — what a real cloud bill would count. Retries and
   * failed requests count. A snapshot.
   */
  requests(): RequestCounts;
  /** Sets the request and byte counters to zero. */
  resetCounters(): void;
  /**
   * An S3Client configured for this emulator (path-style addressing, checksums only when
   * required, the S3RVER credentials); `direct: true` skips the profile. `close()` destroys
   * the clients made here.
   */
  client(options?: S3EmulatorClientOptions): S3Client;
  /** The S3Client config object, a fresh copy each call (to build a client or a daemon's origin config). */
  clientConfig(options?: S3EmulatorClientOptions): S3ClientConfig;
  /**
   * Stops both servers, drops their connections, destroys the clients made by `client()`, and
   * removes the temporary data directory if the emulator created it. Idempotent.
   */
  close(): Promise<void>;
}

/**
 * Starts s3rver (on a free port) and the profile proxy in front of it (on `port`), both on loopback.
 *
 * @example
 * const s3 = await startS3Emulator({ buckets: ['photos'], profile: NO_LATENCY_PROFILE });
 * await s3.client().send(new PutObjectCommand({ Bucket: 'photos', Key: 'a', Body: 'hi' }));
 * await s3.close();
 */
export async function startS3Emulator(options: S3EmulatorOptions = {}): Promise<S3Emulator> {
  const profile: RemoteProfile = { ...(options.profile ?? S3_STANDARD_PROFILE) };
  validateProfile(profile);
  const host = options.host ?? '127.0.0.1';
  assertLoopbackHost(host);
  const buckets = options.buckets ?? [];
  for (const name of buckets) assertBucketName(name);

  const ownsDirectory = options.directory === undefined;
  const directory = options.directory ?? (await mkdtemp(join(tmpdir(), 'faast-s3rver-')));
  const removeDirectory = async (): Promise<void> => {
    if (ownsDirectory) await rm(directory, { recursive: true, force: true, maxRetries: 3 });
  };

  let s3rver: S3rver | undefined;
  let proxy: ProfileProxy | undefined;
  const counters = new RequestCounters();
  try {
    // s3rver lists buckets with readdir(directory), which fails on a missing directory.
    await mkdir(directory, { recursive: true });
    s3rver = new S3rver({
      address: host,
      port: 0,
      silent: options.silent ?? true,
      directory,
      configureBuckets: buckets.map((name) => ({ name })),
      // Clients use path-style URLs; never read a bucket name out of the Host header.
      vhostBuckets: false,
    });
    // GET and HEAD answered as S3 does: conditionals and ranges (see s3-get.ts). First, so that
    // the atomic store below runs its reads under the object's lock.
    answerGetsAsS3(s3rver);
    // s3rver writes objects in place and answers before they are flushed; give them S3's
    // atomicity, for both endpoints (see atomic.ts).
    makeStoreAtomic(s3rver.store);
    const { port: s3rverPort } = await s3rver.run();
    proxy = await startProfileProxy({ target: { host, port: s3rverPort }, profile, host, port: options.port ?? 0, counters });
    return makeEmulator({ s3rver, proxy, host, s3rverPort, profile, counters, removeDirectory });
  } catch (err) {
    await proxy?.close();
    if (s3rver?.httpServer) await closeS3rver(s3rver);
    await removeDirectory();
    throw err;
  }
}

function makeEmulator(parts: {
  s3rver: S3rver;
  proxy: ProfileProxy;
  host: string;
  s3rverPort: number;
  profile: RemoteProfile;
  counters: RequestCounters;
  removeDirectory: () => Promise<void>;
}): S3Emulator {
  const { s3rver, proxy, host, s3rverPort, profile, counters, removeDirectory } = parts;
  const endpoint = httpUrl(host, proxy.port);
  const directEndpoint = httpUrl(host, s3rverPort);
  const clients = new Set<S3Client>();
  let closing: Promise<void> | undefined;

  const clientConfig = (options: S3EmulatorClientOptions = {}): S3ClientConfig => ({
    endpoint: options.direct ? directEndpoint : endpoint,
    region: REGION,
    credentials: { ...CREDENTIALS },
    // s3rver serves buckets by path; virtual-host style would need DNS for bucket.127.0.0.1.
    forcePathStyle: true,
    // With the SDK's default flexible checksums a streamed body is sent aws-chunked, and
    // s3rver 3.7.1 stores that framing as the object. Checksums only when an API requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

  return {
    endpoint,
    directEndpoint,
    region: REGION,
    credentials: { ...CREDENTIALS },
    profile: { ...profile },
    requests: () => counters.snapshot(),
    resetCounters: () => counters.reset(),
    clientConfig,
    client(options) {
      const client = new S3Client(clientConfig(options));
      clients.add(client);
      return client;
    },
    close() {
      closing ??= (async () => {
        // The clients' keep-alive sockets would otherwise hold the event loop open.
        for (const client of clients) client.destroy();
        clients.clear();
        await proxy.close();
        await closeS3rver(s3rver);
        await removeDirectory();
      })();
      return closing;
    },
  };
}

/** s3rver's close() only stops accepting and waits for clients; end their connections too. */
async function closeS3rver(s3rver: S3rver): Promise<void> {
  const closed = s3rver.close();
  s3rver.httpServer?.closeAllConnections();
  await closed;
}
