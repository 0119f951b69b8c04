/**
 * The near cache: hits answered in the application's process are the SDK's own outputs and
 * errors, field by field (an output copied from one the SDK's deserializer built, or a
 * rendered response for ranges and preconditions), and a write is seen by the next read.
 */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type GetObjectCommandInput, type S3Client } from '@aws-sdk/client-s3';
import { compare, observe } from '@faast/bench';
import { NO_LATENCY_PROFILE, startS3Emulator, type S3Emulator } from '@faast/emulator';
import { closeFaastConnections, nearCacheOf, withFaast } from '@faast/s3';
import { bytes } from './support/harness';

jest.setTimeout(60_000);

const BUCKET = 'faast-near';
let emulator: S3Emulator;
let plain: S3Client;
let wrapped: S3Client;

const OBJECTS: Record<string, { body: Buffer | string; type?: string; meta?: Record<string, string>; cache?: string }> = {
  'text.txt': { body: 'hello, near cache', type: 'text/plain; charset=utf-8', cache: 'max-age=60' },
  'meta.json': { body: '{"a":1}', type: 'application/json', meta: { owner: 'alice', 'build-id': '42' } },
  'empty.bin': { body: Buffer.alloc(0) },
  'binary.bin': { body: bytes(65_537, 9), type: 'application/octet-stream' },
  'ключ/日本.txt': { body: 'unicode key' },
};

beforeAll(async () => {
  emulator = await startS3Emulator({ profile: NO_LATENCY_PROFILE, buckets: [BUCKET] });
  plain = emulator.client();
  for (const [Key, o] of Object.entries(OBJECTS)) {
    await plain.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: o.body, ContentType: o.type, Metadata: o.meta, CacheControl: o.cache }));
  }
  wrapped = withFaast(emulator.client(), { embedded: { app: 'near', capacity: '16MiB' } });
});

afterAll(async () => {
  wrapped?.destroy();
  await closeFaastConnections();
  await emulator?.close();
});

const nearHits = (): number => nearCacheOf('embedded')!.counters.hits;

/** Reads through the wrapper until the near cache holds the object, then once more from it. */
async function fromNear(send: (c: S3Client) => Promise<object>, Key: string) {
  await wrapped.send(new GetObjectCommand({ Bucket: BUCKET, Key })).then((o) => o.Body!.transformToByteArray());
  const before = nearHits();
  const got = await observe(send(wrapped));
  expect(nearHits()).toBe(before + 1);
  return got;
}

describe.each(Object.keys(OBJECTS))('%s from the near cache', (Key) => {
  const get = (extra: Partial<GetObjectCommandInput> = {}) => (c: S3Client) => c.send(new GetObjectCommand({ Bucket: BUCKET, Key, ...extra }));
  const head = (extra: Partial<GetObjectCommandInput> = {}) => (c: S3Client) => c.send(new HeadObjectCommand({ Bucket: BUCKET, Key, ...extra }));

  it('GetObject and HeadObject: every output field as the SDK builds it', async () => {
    for (const send of [get(), head()]) {
      const expected = await observe(send(plain));
      expect(compare(expected, await fromNear(send, Key))).toBeUndefined();
    }
  });

  it('ranges, preconditions and their errors (206, 304, 412, 416) as the SDK reports them', async () => {
    const { ETag, LastModified } = await plain.send(new HeadObjectCommand({ Bucket: BUCKET, Key }));
    const later = new Date(LastModified!.getTime() + 60_000);
    const earlier = new Date(LastModified!.getTime() - 60_000);
    const cases: Array<Partial<GetObjectCommandInput>> = [
      { Range: 'bytes=0-4' },
      { Range: 'bytes=-3' },
      { Range: 'bytes=2-' },
      { Range: 'bytes=100000-' },
      { IfNoneMatch: ETag },
      { IfNoneMatch: '"other"' },
      { IfMatch: '"other"' },
      { IfMatch: ETag, Range: 'bytes=1-2' },
      { IfModifiedSince: later },
      { IfUnmodifiedSince: earlier },
      { IfUnmodifiedSince: new Date(0) },
    ];
    for (const extra of cases) {
      const expected = await observe(get(extra)(plain));
      const diff = compare(expected, await fromNear(get(extra), Key));
      expect({ extra, diff }).toEqual({ extra, diff: undefined });
    }
    for (const extra of [{ IfNoneMatch: ETag }, { IfMatch: '"other"' }]) {
      const expected = await observe(head(extra)(plain));
      expect(compare(expected, await fromNear(head(extra), Key))).toBeUndefined();
    }
  });
});

it('each hit has its own body stream, request id and copies of dates and maps', async () => {
  const a = await wrapped.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'meta.json' }));
  const b = await wrapped.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'meta.json' }));
  expect(a.Body).not.toBe(b.Body);
  expect(a.$metadata.requestId).not.toBe(b.$metadata.requestId);
  a.LastModified!.setTime(0);
  a.Metadata!['owner'] = 'mallory';
  expect(b.LastModified!.getTime()).not.toBe(0);
  expect(b.Metadata!['owner']).toBe('alice');
  expect(await a.Body!.transformToString()).toBe('{"a":1}');
  expect(await b.Body!.transformToString()).toBe('{"a":1}');
});

it('a write through this process is seen by its next read, never the held copy', async () => {
  for (let i = 0; i < 20; i++) {
    await wrapped.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'rw.txt', Body: `v${i}` }));
    const out = await wrapped.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'rw.txt' }));
    expect(await out.Body!.transformToString()).toBe(`v${i}`);
    const again = await wrapped.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'rw.txt' }));
    expect(await again.Body!.transformToString()).toBe(`v${i}`);
  }
});
