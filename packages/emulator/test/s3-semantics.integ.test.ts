/**
 * GET and HEAD of an object answer as S3 documents them (src/s3-get.ts), through both of the
 * emulator's endpoints, seen with the real AWS SDK: conditional requests (RFC 9110 §13 in S3's
 * order of evaluation) and ranges (RFC 9110 §14). The expectations come from the RFC and S3's
 * GetObject documentation, not from what s3rver used to answer.
 */
import { readdir } from 'node:fs/promises';
import http from 'node:http';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type GetObjectCommandInput, type S3Client } from '@aws-sdk/client-s3';
import { NO_LATENCY_PROFILE, startS3Emulator, type S3Emulator } from '@faast/emulator';

const BUCKET = 'faast-semantics';
const TEN = '0123456789';

let s3: S3Emulator;
beforeAll(async () => {
  s3 = await startS3Emulator({ profile: NO_LATENCY_PROFILE, buckets: [BUCKET] });
  const client = s3.client({ direct: true });
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'ten', Body: TEN }));
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'empty', Body: new Uint8Array(0), ContentLength: 0 }));
});
afterAll(() => s3.close());

/** What a failed command raised: the SDK's error name, HTTP status and message. */
async function failure(promise: Promise<unknown>): Promise<{ name: string; status: number | undefined; message: string }> {
  try {
    await promise;
  } catch (err) {
    const e = err as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
  throw new Error('the command succeeded');
}

/** A raw GET (s3rver accepts anonymous requests): status, headers and body as sent. */
function rawGet(endpoint: string, key: string, headers: http.OutgoingHttpHeaders): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = http.get({ host: url.hostname, port: Number(url.port), path: `/${BUCKET}/${key}`, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
  });
}

describe.each([
  ['the profiled endpoint', false],
  ['the direct endpoint', true],
])('through %s', (_name, direct) => {
  let client: S3Client;
  let etag: string;
  let lastModified: Date;
  beforeAll(async () => {
    client = s3.client({ direct });
    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'ten' }));
    etag = head.ETag!;
    lastModified = head.LastModified!;
  });
  const endpoint = (): string => (direct ? s3.directEndpoint : s3.endpoint);

  async function get(input: Omit<GetObjectCommandInput, 'Bucket' | 'Key'>, Key = 'ten') {
    const out = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key, ...input }));
    return { status: out.$metadata.httpStatusCode, body: await out.Body!.transformToString(), range: out.ContentRange, length: out.ContentLength };
  }

  describe('ranges', () => {
    it.each([
      ['bytes=-3', '789', 'bytes 7-9/10'],
      ['bytes=-10', TEN, 'bytes 0-9/10'],
      ['bytes=-25', TEN, 'bytes 0-9/10'],
      ['bytes=0-0', '0', 'bytes 0-0/10'],
      ['bytes=9-9', '9', 'bytes 9-9/10'],
      ['bytes=3-', '3456789', 'bytes 3-9/10'],
      ['bytes=8-20', '89', 'bytes 8-9/10'],
    ])('%s: 206 with %j, Content-Range %s', async (Range, body, range) => {
      expect(await get({ Range })).toEqual({ status: 206, body, range, length: body.length });
    });

    it.each(['bytes=5-2', 'bytes=0-1,4-5', 'items=0-1'])('%s is not a range S3 serves: ignored, 200 with the whole object', async (Range) => {
      expect(await get({ Range })).toEqual({ status: 200, body: TEN, range: undefined, length: 10 });
    });

    it.each(['bytes=10-', 'bytes=10-12', 'bytes=-0'])('%s selects no byte: 416 InvalidRange', async (Range) => {
      expect(await failure(get({ Range }))).toEqual({ name: 'InvalidRange', status: 416, message: 'The requested range is not satisfiable' });
    });

    it('a 416 says the object size (Content-Range bytes */10) in an S3 error document', async () => {
      const res = await rawGet(endpoint(), 'ten', { range: 'bytes=12-' });
      expect(res.status).toBe(416);
      expect(res.headers['content-range']).toBe('bytes */10');
      expect(res.body).toMatch(/<Error><Code>InvalidRange<\/Code><Message>The requested range is not satisfiable<\/Message>.*<ActualObjectSize>10<\/ActualObjectSize><\/Error>$/);
    });

    it.each(['bytes=0-', 'bytes=0-0', 'bytes=-1'])('%s of an empty object: 416 InvalidRange at once, Content-Range bytes */0', async (Range) => {
      expect(await failure(get({ Range }, 'empty'))).toMatchObject({ name: 'InvalidRange', status: 416 });
      expect((await rawGet(endpoint(), 'empty', { range: Range })).headers['content-range']).toBe('bytes */0');
    });

    it('an empty object without a range: 200, no bytes', async () => {
      expect(await get({}, 'empty')).toEqual({ status: 200, body: '', range: undefined, length: 0 });
    });

    it('HEAD with a range answers the range\'s length and Content-Range', async () => {
      const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'ten', Range: 'bytes=-3' }));
      expect({ status: head.$metadata.httpStatusCode, length: head.ContentLength, range: head.ContentRange }).toEqual({ status: 206, length: 3, range: 'bytes 7-9/10' });
    });
  });

  describe('conditional requests', () => {
    const second = 1000;
    const PRECONDITION_FAILED = { name: 'PreconditionFailed', status: 412, message: 'At least one of the pre-conditions you specified did not hold' };

    it('If-Match with another ETag: 412 PreconditionFailed; with the ETag, unquoted or *: 200', async () => {
      expect(await failure(get({ IfMatch: '"0123"' }))).toEqual(PRECONDITION_FAILED);
      expect(await failure(get({ IfMatch: `W/${etag}` }))).toEqual(PRECONDITION_FAILED); // strong comparison
      expect((await get({ IfMatch: etag })).body).toBe(TEN);
      expect((await get({ IfMatch: etag.replace(/"/g, '') })).body).toBe(TEN);
      expect((await get({ IfMatch: `"0123", ${etag}` })).body).toBe(TEN);
      expect((await get({ IfMatch: '*' })).body).toBe(TEN);
    });

    it('If-Unmodified-Since before Last-Modified: 412; at or after it: 200 (second resolution)', async () => {
      expect(await failure(get({ IfUnmodifiedSince: new Date(lastModified.getTime() - second) }))).toEqual(PRECONDITION_FAILED);
      expect((await get({ IfUnmodifiedSince: lastModified })).status).toBe(200);
      expect((await get({ IfUnmodifiedSince: new Date(lastModified.getTime() + second) })).status).toBe(200);
    });

    it('If-Match true wins over If-Unmodified-Since false: 200', async () => {
      expect((await get({ IfMatch: etag, IfUnmodifiedSince: new Date(lastModified.getTime() - second) })).status).toBe(200);
    });

    it('If-None-Match with the ETag (or weak, or *): 304; with another: 200', async () => {
      for (const IfNoneMatch of [etag, `W/${etag}`, '*', `"0123", ${etag}`]) expect(await failure(get({ IfNoneMatch }))).toMatchObject({ status: 304 });
      expect((await get({ IfNoneMatch: '"0123"' })).status).toBe(200);
    });

    it('If-Modified-Since at or after Last-Modified: 304; before: 200 (second resolution)', async () => {
      expect(await failure(get({ IfModifiedSince: lastModified }))).toMatchObject({ status: 304 });
      expect((await get({ IfModifiedSince: new Date(lastModified.getTime() - second) })).status).toBe(200);
    });

    it('If-None-Match false makes If-Modified-Since be ignored: 200', async () => {
      expect((await get({ IfNoneMatch: '"0123"', IfModifiedSince: new Date(lastModified.getTime() + 60 * second) })).status).toBe(200);
    });

    it('If-None-Match true with If-Modified-Since true: 304', async () => {
      expect(await failure(get({ IfNoneMatch: etag, IfModifiedSince: new Date(lastModified.getTime() - 60 * second) }))).toMatchObject({ status: 304 });
    });

    it('a 304 has no body, and carries the ETag and Last-Modified', async () => {
      const res = await rawGet(endpoint(), 'ten', { 'if-none-match': etag });
      expect(res).toMatchObject({ status: 304, body: '' });
      expect(res.headers.etag).toBe(etag);
      expect(res.headers['last-modified']).toBe(lastModified.toUTCString());
    });

    it('a 412 comes with S3\'s error document naming the condition', async () => {
      const res = await rawGet(endpoint(), 'ten', { 'if-unmodified-since': new Date(0).toUTCString() });
      expect(res.status).toBe(412);
      expect(res.body).toMatch(/<Error><Code>PreconditionFailed<\/Code><Message>At least one of the pre-conditions you specified did not hold<\/Message><Condition>If-Unmodified-Since<\/Condition><\/Error>$/);
    });

    it('conditions are evaluated before the range: 412 and 304 rather than 416', async () => {
      expect(await failure(get({ IfMatch: '"0123"', Range: 'bytes=20-' }))).toEqual(PRECONDITION_FAILED);
      expect(await failure(get({ IfNoneMatch: etag, Range: 'bytes=20-' }))).toMatchObject({ status: 304 });
      expect(await get({ IfMatch: etag, Range: 'bytes=-2' })).toMatchObject({ status: 206, body: '89' });
    });

    it('a missing key is NoSuchKey whatever the conditions', async () => {
      expect(await failure(get({ IfMatch: '"0123"' }, 'missing'))).toMatchObject({ name: 'NoSuchKey', status: 404 });
    });

    it('HEAD follows the same rules: 412, 304, 200', async () => {
      const head = (input: { IfMatch?: string; IfNoneMatch?: string }) => client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'ten', ...input }));
      expect(await failure(head({ IfMatch: '"0123"' }))).toMatchObject({ status: 412 });
      expect(await failure(head({ IfNoneMatch: etag }))).toMatchObject({ status: 304 });
      expect((await head({ IfMatch: etag })).ContentLength).toBe(10);
    });
  });
});

it('a 304, 412 or 416 leaves no object file open (s3rver alone kept one descriptor per 304 for good)', async () => {
  const { ETag } = await s3.client({ direct: true }).send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'ten' }));
  const open = async (): Promise<number> => (await readdir('/proc/self/fd')).length;
  const before = await open();
  for (let i = 0; i < 20; i++) {
    expect((await rawGet(s3.directEndpoint, 'ten', { 'if-none-match': ETag })).status).toBe(304);
    expect((await rawGet(s3.directEndpoint, 'ten', { 'if-match': '"0123"' })).status).toBe(412);
    expect((await rawGet(s3.directEndpoint, 'ten', { range: 'bytes=20-' })).status).toBe(416);
  }
  expect(await open()).toBeLessThan(before + 10);
});
