/**
 * The emulator's objects are atomic, as S3's are (src/atomic.ts): a GET returns one whole
 * version of an object with that version's ETag, even while PUTs, copies, multipart uploads or
 * DELETEs of the same key go on — through the profiled endpoint and the direct one; a write is
 * answered once the new version is whole; a GET in progress when a new version lands finishes
 * the version it started, without holding the write up; an aborted PUT leaves the previous
 * version in place.
 *
 * s3rver 3.7.1 alone does none of that (it writes objects in place and answers a PUT before
 * the file is flushed): without the atomic store these tests see torn objects — the new
 * version's first bytes cut short, bodies shorter than their Content-Length, ETags of another
 * version, a truncated object after an aborted upload.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { NO_LATENCY_PROFILE, startS3Emulator, type S3Emulator, type S3EmulatorOptions } from '@faast/emulator';

jest.setTimeout(30_000);

const BUCKET = 'faast-atomicity';
const SIZE = 400_000;

/** Version `v` of an object: 'v0007#' then `size` bytes of v % 251; all versions of one size have one length. */
const body = (v: number, size = SIZE): Buffer => Buffer.concat([Buffer.from(`v${String(v).padStart(4, '0')}#`), Buffer.alloc(size, v % 251)]);
const etagOf = (b: Buffer): string => JSON.stringify(createHash('md5').update(b).digest('hex'));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The version `got` is, whole (`size` as in {@link body}), or undefined. */
function versionOf(got: Buffer, size = SIZE): number | undefined {
  const v = Number(/^v(\d{4})#/.exec(got.subarray(0, 6).toString('latin1'))?.[1] ?? NaN);
  return Number.isInteger(v) && got.equals(body(v, size)) ? v : undefined;
}

const describeBody = (got: Buffer, etag: string | undefined): string =>
  `${got.length} B, starts ${JSON.stringify(got.subarray(0, 8).toString('latin1'))}, ETag ${etag}`;

// A fresh emulator per test: after a torn read (when this fails), s3rver's connections are not to be trusted.
const emulators: S3Emulator[] = [];
async function start(options: S3EmulatorOptions = {}): Promise<S3Emulator> {
  const emulator = await startS3Emulator({ profile: NO_LATENCY_PROFILE, buckets: [BUCKET], ...options });
  emulators.push(emulator);
  return emulator;
}

afterEach(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()));
});

async function put(client: S3Client, Key: string, Body: Buffer): Promise<string | undefined> {
  return (await client.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body }))).ETag;
}

async function get(client: S3Client, Key: string, Range?: string): Promise<{ body: Buffer; etag: string | undefined; range: string | undefined }> {
  const out = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key, Range }));
  return { body: Buffer.from(await out.Body!.transformToByteArray()), etag: out.ETag, range: out.ContentRange };
}

/**
 * Runs `readers` loops of `read` until `write` is done. `read` returns what was wrong with
 * what it saw (or nothing) and the version it saw; returns the wrongs, and the versions seen
 * (several: the reads did overlap the writes).
 */
async function readWhileWriting(
  readers: number,
  read: () => Promise<{ wrong?: string; version?: number }>,
  write: () => Promise<void>,
): Promise<{ wrong: string[]; versions: Set<number>; reads: number }> {
  const wrong: string[] = [];
  const versions = new Set<number>();
  let reads = 0;
  let stop = false;
  const loops = Array.from({ length: readers }, async () => {
    while (!stop) {
      let seen: { wrong?: string; version?: number };
      try {
        seen = await read();
      } catch (err) {
        seen = { wrong: `the request failed: ${(err as Error).name}: ${(err as Error).message}` };
      }
      reads++;
      if (seen.wrong !== undefined) wrong.push(seen.wrong);
      if (seen.version !== undefined) versions.add(seen.version);
    }
  });
  try {
    await write();
  } finally {
    stop = true;
    await Promise.all(loops);
  }
  return { wrong, versions, reads };
}

/** A whole-object GET: right if the body is one whole version and the ETag is that version's. */
async function readWhole(client: S3Client, Key: string): Promise<{ wrong?: string; version?: number }> {
  const { body: got, etag } = await get(client, Key);
  const version = versionOf(got);
  if (version === undefined || etag !== etagOf(got)) return { wrong: describeBody(got, etag) };
  return { version };
}

/** Rewrites `Key` 25 times (same length each time) while 4 readers read it. */
async function rewriteUnderReads(client: S3Client, Key: string): Promise<{ wrong: string[]; versions: Set<number> }> {
  await put(client, Key, body(0));
  return readWhileWriting(
    4,
    () => readWhole(client, Key),
    async () => {
      for (let v = 1; v <= 25; v++) {
        expect(await put(client, Key, body(v))).toBe(etagOf(body(v)));
        await sleep(10);
      }
    },
  );
}

it('through the endpoint, a GET that overlaps PUTs of its key returns one whole version with its ETag', async () => {
  const emulator = await start();
  const { wrong, versions } = await rewriteUnderReads(emulator.client(), 'endpoint/whole.bin');
  expect(wrong).toEqual([]);
  expect(versions.size).toBeGreaterThanOrEqual(3); // the reads did overlap the writes
});

it('through the direct endpoint too', async () => {
  const emulator = await start();
  const { wrong, versions } = await rewriteUnderReads(emulator.client({ direct: true }), 'direct/whole.bin');
  expect(wrong).toEqual([]);
  expect(versions.size).toBeGreaterThanOrEqual(3);
});

it('a PUT is answered once the new version is whole: a GET or HEAD right after it sees that version', async () => {
  const emulator = await start();
  const client = emulator.client();
  const Key = 'read-after-write.bin';
  const wrong: string[] = [];
  for (let v = 0; v < 40; v++) {
    await put(client, Key, body(v));
    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key }));
    if (head.ContentLength !== body(v).length || head.ETag !== etagOf(body(v))) wrong.push(`HEAD after PUT v${v}: ${head.ContentLength} B, ETag ${head.ETag}`);
    const { body: got, etag } = await get(client, Key);
    if (versionOf(got) !== v || etag !== etagOf(got)) wrong.push(`GET after PUT v${v}: ${describeBody(got, etag)}`);
  }
  expect(wrong).toEqual([]);
});

it('Range GETs during PUTs return bytes of one version, with that version\'s ETag and length', async () => {
  const emulator = await start();
  const client = emulator.client();
  const Key = 'ranges.bin';
  const byEtag = new Map(Array.from({ length: 26 }, (_, v) => [etagOf(body(v)), v] as const));
  await put(client, Key, body(0));
  let n = 0;
  const { wrong, versions } = await readWhileWriting(
    4,
    async () => {
      const from = (n++ * 37_001) % (SIZE - 100_000);
      const { body: got, etag, range } = await get(client, Key, `bytes=${from}-${from + 99_999}`);
      const v = byEtag.get(etag ?? '');
      const whole = v === undefined ? undefined : body(v);
      if (whole === undefined || range !== `bytes ${from}-${from + 99_999}/${whole.length}` || !got.equals(whole.subarray(from, from + 100_000))) {
        return { wrong: `range ${from}: ${got.length} B, Content-Range ${range}, ETag ${etag} (version ${v})` };
      }
      return { version: v };
    },
    async () => {
      for (let v = 1; v <= 25; v++) {
        await put(client, Key, body(v));
        await sleep(10);
      }
    },
  );
  expect(wrong).toEqual([]);
  expect(versions.size).toBeGreaterThanOrEqual(3);
});

it('copies, multipart uploads and DELETEs of a key being read: every GET is one whole version or NoSuchKey', async () => {
  const emulator = await start();
  const client = emulator.client();
  const Key = 'rewritten.bin';
  await put(client, Key, body(0));
  const copyEtags: string[] = [];
  const { wrong, versions } = await readWhileWriting(
    4,
    async () => {
      try {
        return await readWhole(client, Key);
      } catch (err) {
        if ((err as Error).name === 'NoSuchKey') return {};
        throw err;
      }
    },
    async () => {
      for (let v = 1; v <= 24; v++) {
        if (v % 3 === 0) {
          // Copied from another key.
          await put(client, 'source.bin', body(v));
          const out = await client.send(new CopyObjectCommand({ Bucket: BUCKET, Key, CopySource: `${BUCKET}/source.bin` }));
          if (out.CopyObjectResult?.ETag !== etagOf(body(v))) copyEtags.push(`copy of v${v}: ETag ${out.CopyObjectResult?.ETag}`);
        } else if (v % 3 === 1) {
          // Uploaded in two parts (s3rver's ETag of a multipart object is the MD5 of its bytes).
          const whole = body(v);
          const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key }));
          const parts = await Promise.all(
            [whole.subarray(0, 200_000), whole.subarray(200_000)].map(async (Body, i) => {
              const { ETag } = await client.send(new UploadPartCommand({ Bucket: BUCKET, Key, UploadId, PartNumber: i + 1, Body }));
              return { ETag, PartNumber: i + 1 };
            }),
          );
          await client.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key, UploadId, MultipartUpload: { Parts: parts } }));
        } else {
          await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key }));
          await sleep(5);
          await put(client, Key, body(v));
        }
        await sleep(10);
      }
    },
  );
  expect(wrong).toEqual([]);
  expect(copyEtags).toEqual([]);
  expect(versions.size).toBeGreaterThanOrEqual(3);
  expect(versionOf((await get(client, Key)).body)).toBe(24);
});

it('a listing during PUTs pairs each size with the ETag of the same version, and lists no temporary file', async () => {
  const emulator = await start();
  const client = emulator.client();
  // Here versions differ in length, so a size and an ETag of different versions do not match.
  const sized = (v: number): Buffer => body(v, 100_000 + v * 1000);
  const keys = ['list/a.bin', 'list/b.bin', 'list/c.bin'];
  for (const Key of keys) await put(client, Key, sized(0));
  const byEtag = new Map(Array.from({ length: 21 }, (_, v) => [etagOf(sized(v)), v] as const));
  const { wrong } = await readWhileWriting(
    2,
    async () => {
      const out = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'list/' }));
      const listed = (out.Contents ?? []).map((o) => ({ key: o.Key, size: o.Size, v: byEtag.get(o.ETag ?? '') }));
      if (listed.map((o) => o.key).join() !== keys.join()) return { wrong: `keys: ${listed.map((o) => o.key).join()}` };
      const bad = listed.filter((o) => o.v === undefined || o.size !== sized(o.v).length);
      return bad.length > 0 ? { wrong: JSON.stringify(bad) } : {};
    },
    async () => {
      for (let v = 1; v <= 20; v++) {
        await Promise.all(keys.map((Key) => put(client, Key, sized(v))));
        await sleep(5);
      }
    },
  );
  expect(wrong).toEqual([]);
});

it('a GET in progress when a new version lands returns the version it started, and does not hold the PUT up', async () => {
  // 8 MiB at 16 MB/s: the GET takes about half a second, and reads the file as it goes.
  const emulator = await start({ profile: { firstByteLatencyMs: 0, bandwidthBytesPerSec: 16e6 } });
  const client = emulator.client();
  const Key = 'slow.bin';
  const size = 8 * 2 ** 20;
  await put(client, Key, body(1, size));
  const started = performance.now();
  const out = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
  const reading = out.Body!.transformToByteArray().then((bytes) => ({ bytes: Buffer.from(bytes), ms: performance.now() - started }));
  await sleep(50);
  await put(client, Key, body(2, size));
  const putMs = performance.now() - started;
  const { bytes, ms } = await reading;
  expect(putMs).toBeLessThan(ms); // answered while the old version was still being read
  expect(versionOf(bytes, size)).toBe(1);
  expect(out.ETag).toBe(etagOf(body(1, size)));
  expect(versionOf((await get(client, Key)).body, size)).toBe(2);
});

it('an aborted PUT leaves the previous version whole, and no temporary file behind', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'faast-atomic-test-'));
  try {
    const emulator = await start({ directory });
    const client = emulator.client();
    const Key = 'aborted/object.bin';
    await put(client, Key, body(1));
    // Half of version 2, then the connection drops (anonymous: s3rver accepts unsigned requests).
    const url = new URL(emulator.endpoint);
    await new Promise<void>((resolve) => {
      const req = http.request({ host: url.hostname, port: Number(url.port), method: 'PUT', path: `/${BUCKET}/${Key}`, agent: false, headers: { 'content-length': body(2).length } });
      req.on('error', () => resolve());
      req.write(body(2).subarray(0, SIZE / 2), () => setTimeout(() => req.destroy(), 100));
    });
    await sleep(200);
    const { body: got, etag } = await get(client, Key);
    expect(describeBody(got, etag)).toBe(describeBody(body(1), etagOf(body(1))));
    expect(versionOf(got)).toBe(1);
    const files = (await readdir(join(directory, BUCKET), { recursive: true })).map(String);
    expect(files.filter((f) => f.startsWith('aborted/')).sort()).toEqual([
      'aborted/object.bin._S3rver_metadata.json',
      'aborted/object.bin._S3rver_object',
      'aborted/object.bin._S3rver_object.md5',
    ]);
    // And the key takes new versions as before.
    await put(client, Key, body(3));
    expect(versionOf((await get(client, Key)).body)).toBe(3);
  } finally {
    await Promise.all(emulators.splice(0).map((e) => e.close()));
    await rm(directory, { recursive: true, force: true });
  }
});
