import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
  type S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { NO_LATENCY_PROFILE, S3_STANDARD_PROFILE, startS3Emulator, type S3Emulator } from '@faast/emulator';
import { waitFor } from '../../../test/support/wait';

const BUCKET = 'faast-test';

async function put(client: S3Client, key: string, body: Uint8Array | Readable, contentLength?: number): Promise<void> {
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body, ContentLength: contentLength }));
}

async function get(client: S3Client, key: string): Promise<Buffer> {
  const reply = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  if (!reply.Body) throw new Error(`GetObject ${key}: no body`);
  return Buffer.from(await reply.Body.transformToByteArray());
}

/** Wall time of `fn`, in ms. */
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** Handles that would keep jest from exiting. */
const networkHandles = (): number =>
  process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap' || r === 'TCPSocketWrap').length;

/** Resolves with the connection error, or undefined if `url` answered. */
function connectError(url: string): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      resolve(undefined);
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err));
  });
}

describe('S3 emulator with no latency', () => {
  let s3: S3Emulator;
  let client: S3Client;

  beforeAll(async () => {
    s3 = await startS3Emulator({ profile: NO_LATENCY_PROFILE, buckets: [BUCKET] });
    client = s3.client();
  });
  afterAll(async () => {
    await s3.close();
  });

  it('describes itself: loopback endpoints, region, credentials, client config', () => {
    expect(s3.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(s3.directEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(s3.directEndpoint).not.toBe(s3.endpoint);
    expect(s3.region).toBe('us-east-1');
    expect(s3.credentials).toEqual({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
    expect(s3.profile).toEqual(NO_LATENCY_PROFILE);
    const config: S3ClientConfig = s3.clientConfig();
    expect(config).toMatchObject({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    expect(s3.clientConfig({ direct: true }).endpoint).toBe(s3.directEndpoint);
  });

  it('creates the configured buckets', async () => {
    const { Buckets } = await client.send(new ListBucketsCommand({}));
    expect(Buckets?.map((b) => b.Name)).toContain(BUCKET);
  });

  it.each([
    ['a small text object', Buffer.from('hello, faast')],
    ['an empty object', Buffer.alloc(0)],
    ['a 5 MiB binary object', randomBytes(5 * 1024 * 1024)],
  ])('round-trips %s byte for byte', async (name, body) => {
    const key = `round-trip/${name}`;
    await put(client, key, body);
    expect((await get(client, key)).equals(body)).toBe(true);
    // And what was stored is the object itself, as the direct endpoint shows.
    expect((await get(s3.client({ direct: true }), key)).equals(body)).toBe(true);
  });

  it('stores a streamed body as-is (no aws-chunked framing, thanks to WHEN_REQUIRED checksums)', async () => {
    const body = randomBytes(200_000);
    await put(client, 'streamed', Readable.from([body.subarray(0, 1000), body.subarray(1000)]), body.length);
    expect((await get(client, 'streamed')).equals(body)).toBe(true);
  });

  it('answers HEAD with the object metadata', async () => {
    const body = randomBytes(12_345);
    await put(client, 'head-me', body);
    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'head-me' }));
    expect(head.ContentLength).toBe(12_345);
    expect(head.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(head.LastModified).toBeInstanceOf(Date);
  });

  it('answers NoSuchKey for a missing key (and a bare 404 to HEAD, which has no body)', async () => {
    await expect(client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'nope' }))).rejects.toMatchObject({
      name: 'NoSuchKey',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'nope' }))).rejects.toMatchObject({
      name: 'NotFound',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('counts requests by method and response bytes, through the profiled endpoint only', async () => {
    const body = randomBytes(1000);
    await put(s3.client({ direct: true }), 'counted', body);
    s3.resetCounters();
    expect(s3.requests()).toEqual({ total: 0, byMethod: {}, bytesOut: 0, byBucket: {} });

    for (let i = 0; i < 3; i++) await get(client, 'counted');
    await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'counted' }));
    await get(s3.client({ direct: true }), 'counted'); // not through the profile: not counted
    await expect(get(client, 'missing')).rejects.toThrow();
    await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'counted', Range: 'bytes=0-9' })); // ranged: no whole-object GET

    const counts = s3.requests();
    expect(counts.byMethod).toEqual({ GET: 5, HEAD: 1 });
    expect(counts.total).toBe(6);
    // The same per bucket (the only one used), with the whole-object GETs apart.
    expect(counts.byBucket).toEqual({ [BUCKET]: { requests: 6, byMethod: { GET: 5, HEAD: 1 }, objectGets: 4, bytesOut: counts.bytesOut } });
    // Three bodies and ten bytes of a fourth, plus the NoSuchKey error document.
    expect(counts.bytesOut).toBeGreaterThan(3 * body.length + 10);
    expect(counts.bytesOut).toBeLessThan(3 * body.length + 1000);
  });
});

describe('S3 emulator with a remote profile', () => {
  it('adds at least firstByteLatencyMs to a GET', async () => {
    const s3 = await startS3Emulator({ profile: { firstByteLatencyMs: 100, bandwidthBytesPerSec: 0 }, buckets: [BUCKET] });
    try {
      await put(s3.client({ direct: true }), 'k', Buffer.from('x'));
      const client = s3.client();
      await get(client, 'k'); // warm up: connection, SDK setup
      const elapsed = await timed(() => get(client, 'k'));
      expect(elapsed).toBeGreaterThanOrEqual(100);
    } finally {
      await s3.close();
    }
  });

  it('paces a response body: 9 MB at 90 MB/s with 15 ms latency takes about 115 ms', async () => {
    const s3 = await startS3Emulator({ buckets: [BUCKET] });
    expect(s3.profile).toEqual(S3_STANDARD_PROFILE);
    try {
      const body = randomBytes(9_000_000);
      const direct = s3.client({ direct: true });
      await put(direct, 'nine-mb', body);
      const client = s3.client();
      await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'nine-mb' })); // warm up
      // What s3rver and the SDK cost by themselves on this machine right now (tens of ms
      // unloaded, several times that under load): allowed on top of the upper bound.
      const unprofiled = await timed(() => get(direct, 'nine-mb'));
      let received: Buffer = Buffer.alloc(0);
      const elapsed = await timed(async () => {
        received = await get(client, 'nine-mb');
      });
      expect(received.equals(body)).toBe(true);
      const expected = S3_STANDARD_PROFILE.firstByteLatencyMs + (1000 * body.length) / S3_STANDARD_PROFILE.bandwidthBytesPerSec;
      // A behaviour test of the pacer on a noisy machine: generous bounds.
      expect(elapsed).toBeGreaterThanOrEqual(0.7 * expected);
      expect(elapsed).toBeLessThanOrEqual(3 * expected + unprofiled);
    } finally {
      await s3.close();
    }
  });
});

describe('S3 emulator lifecycle', () => {
  it('close() stops both servers, removes its temp dir and leaves no handles', async () => {
    const before = networkHandles();
    const s3 = await startS3Emulator({ profile: NO_LATENCY_PROFILE, buckets: [BUCKET] });
    // Leave keep-alive connections open on both endpoints, to the profile and direct.
    await put(s3.client({ direct: true }), 'k', Buffer.from('v'));
    expect((await get(s3.client(), 'k')).toString()).toBe('v');
    expect(networkHandles()).toBeGreaterThan(before);

    await s3.close();
    await s3.close(); // idempotent

    expect((await connectError(s3.endpoint))?.code).toBe('ECONNREFUSED');
    expect((await connectError(s3.directEndpoint))?.code).toBe('ECONNREFUSED');
    // Destroyed sockets are released over the next turns of the event loop (later on a
    // loaded machine); a leaked one never is.
    await waitFor('the emulator to release its sockets', () => networkHandles() === before, 5_000);
    expect(networkHandles()).toBe(before);
  });

  it('removes the temporary directory it created, and keeps one it was given', async () => {
    const given = await mkdtemp(join(tmpdir(), 'faast-emulator-test-'));
    try {
      const s3 = await startS3Emulator({ directory: join(given, 'data'), buckets: [BUCKET], profile: NO_LATENCY_PROFILE });
      await put(s3.client(), 'kept', Buffer.from('v'));
      await s3.close();
      expect(existsSync(join(given, 'data', BUCKET))).toBe(true);

      const again = await startS3Emulator({ directory: join(given, 'data'), profile: NO_LATENCY_PROFILE });
      expect((await get(again.client(), 'kept')).toString()).toBe('v');
      await again.close();
    } finally {
      await rm(given, { recursive: true, force: true });
    }

    const tempDirsBefore = await listFaastTempDirs();
    const s3 = await startS3Emulator({ buckets: [BUCKET], profile: NO_LATENCY_PROFILE });
    const created = (await listFaastTempDirs()).filter((d) => !tempDirsBefore.includes(d));
    expect(created).toHaveLength(1);
    await s3.close();
    expect(existsSync(join(tmpdir(), created[0]!))).toBe(false);
  });

  it('rejects invalid options before starting anything', async () => {
    await expect(startS3Emulator({ buckets: ['ab'] })).rejects.toThrow(/bucket name/);
    await expect(startS3Emulator({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
    await expect(startS3Emulator({ profile: { firstByteLatencyMs: -5, bandwidthBytesPerSec: 0 } })).rejects.toThrow(RangeError);
  });
});

async function listFaastTempDirs(): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  return (await readdir(tmpdir())).filter((name) => name.startsWith('faast-s3rver-'));
}
