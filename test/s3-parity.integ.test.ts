/**
 * The wrapped client is indistinguishable from the plain one: the same calls against the
 * real S3-protocol server give byte-identical bodies, equal metadata and the same errors.
 * Where the emulator deviates from S3 (see STACK.md), the cached answer is held to S3's
 * documented semantics instead.
 */
import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3ServiceException,
  type GetObjectCommandInput,
  type GetObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { bytes, outcome, startStack, type Stack } from './support/harness';

jest.setTimeout(60_000);

let stack: Stack;

const OBJECTS: Record<string, { body: Buffer; type?: string; meta?: Record<string, string> }> = {
  'small.txt': { body: Buffer.from('hello, faast'), type: 'text/plain' },
  'empty.bin': { body: Buffer.alloc(0) },
  'binary.bin': { body: bytes(65_537, 3), type: 'application/octet-stream' },
  'big.bin': { body: bytes(20 * 2 ** 20, 4) },
  'with-meta.json': { body: Buffer.from('{"a":1}'), type: 'application/json', meta: { owner: 'alice', 'build-id': '42' } },
  'dir/sub dir/file with spaces.txt': { body: Buffer.from('spaces and slashes') },
  'unicodé/日本語/ключ.txt': { body: Buffer.from('non-ascii key') },
  'ten.bin': { body: Buffer.from('0123456789') },
};

beforeAll(async () => {
  stack = await startStack();
  for (const [Key, o] of Object.entries(OBJECTS)) {
    await stack.plain.send(new PutObjectCommand({ Bucket: stack.bucket, Key, Body: o.body, ContentType: o.type, Metadata: o.meta }));
  }
});

afterAll(async () => {
  await stack?.close();
});

/** The observable parts of a GetObject result, the body as bytes. */
async function read(client: S3Client, input: Omit<GetObjectCommandInput, 'Bucket'>) {
  const out: GetObjectCommandOutput = await client.send(new GetObjectCommand({ Bucket: stack.bucket, ...input }));
  const body = Buffer.from(await out.Body!.transformToByteArray());
  return {
    body,
    status: out.$metadata.httpStatusCode,
    etag: out.ETag,
    length: out.ContentLength,
    type: out.ContentType,
    range: out.ContentRange,
    modified: out.LastModified?.getTime(),
    metadata: out.Metadata,
    acceptRanges: out.AcceptRanges,
  };
}

describe('GetObject parity', () => {
  it.each(Object.keys(OBJECTS))('%s: same bytes and metadata, cold and warm', async (Key) => {
    const expected = await read(stack.plain, { Key });
    expect(expected.body.equals(OBJECTS[Key]!.body)).toBe(true);
    const cold = await read(stack.wrapped, { Key });
    const warm = await read(stack.wrapped, { Key });
    for (const got of [cold, warm]) {
      expect(got.body.equals(expected.body)).toBe(true);
      expect({ ...got, body: undefined }).toEqual({ ...expected, body: undefined });
    }
  });

  it('a second read is a hit', async () => {
    const Key = 'binary.bin';
    await read(stack.wrapped, { Key });
    const before = await stack.stats();
    const hitsBefore = await stack.hits();
    const originBefore = stack.emulator.requests().total;
    await read(stack.wrapped, { Key });
    const after = await stack.stats();
    expect(await stack.hits()).toBe(hitsBefore + 1);
    expect(after.misses).toBe(before.misses);
    expect(stack.emulator.requests().total).toBe(originBefore);
  });

  it('a body abandoned before its end is no cache fault: the next read is still a hit', async () => {
    const Key = 'big.bin';
    await read(stack.wrapped, { Key });
    const out = await stack.wrapped.send(new GetObjectCommand({ Bucket: stack.bucket, Key }));
    const body = out.Body as Readable;
    for await (const chunk of body) {
      expect((chunk as Buffer).length).toBeGreaterThan(0);
      break; // the application stops reading: the stream is destroyed
    }
    await new Promise((r) => setTimeout(r, 50));
    const before = (await stack.hits()) + (await stack.stats()).misses;
    const originBefore = stack.emulator.requests().total;
    await read(stack.wrapped, { Key: 'small.txt' });
    await read(stack.wrapped, { Key: 'small.txt' });
    const after = (await stack.hits()) + (await stack.stats()).misses;
    expect(after).toBe(before + 2);
    expect(stack.emulator.requests().total - originBefore).toBeLessThanOrEqual(1);
  });

  it.each([
    ['first bytes', 'bytes=0-4'],
    ['middle', 'bytes=3-6'],
    ['open end', 'bytes=7-'],
    ['past the end, clamped', 'bytes=5-100'],
  ])('range %s (%s): same as S3', async (_name, Range) => {
    const expected = await read(stack.plain, { Key: 'ten.bin', Range });
    const got = await read(stack.wrapped, { Key: 'ten.bin', Range });
    expect(got).toEqual(expected);
    expect(got.status).toBe(206);
  });

  // S3 (RFC 9110) answers the last bytes and the first byte (s3rver alone would not; the
  // emulator does).
  it.each([
    ['bytes=-3', '789', 'bytes 7-9/10'],
    ['bytes=-100', '0123456789', 'bytes 0-9/10'],
    ['bytes=0-0', '0', 'bytes 0-0/10'],
  ])('range %s follows RFC 9110', async (Range, body, contentRange) => {
    const got = await read(stack.wrapped, { Key: 'ten.bin', Range });
    expect(got).toEqual(await read(stack.plain, { Key: 'ten.bin', Range }));
    expect(got.status).toBe(206);
    expect(got.body.toString()).toBe(body);
    expect(got.range).toBe(contentRange);
    expect(got.length).toBe(body.length);
  });

  it('a range of a large object, warm', async () => {
    const Range = 'bytes=1048570-2097160';
    const got = await read(stack.wrapped, { Key: 'big.bin', Range });
    expect(got.body.equals(OBJECTS['big.bin']!.body.subarray(1048570, 2097161))).toBe(true);
    expect(got.range).toBe(`bytes 1048570-2097160/${20 * 2 ** 20}`);
  });

  it('a range starting past the end is InvalidRange (416), as from S3', async () => {
    const expected = await outcome(read(stack.plain, { Key: 'ten.bin', Range: 'bytes=10-20' }));
    const got = await outcome(read(stack.wrapped, { Key: 'ten.bin', Range: 'bytes=10-20' }));
    expect(got).toEqual(expected);
    expect(got).toMatchObject({ error: { name: 'InvalidRange', status: 416 } });
  });

  it('a range of an empty object is InvalidRange (416), per S3', async () => {
    const got = await outcome(read(stack.wrapped, { Key: 'empty.bin', Range: 'bytes=0-' }));
    expect(got).toMatchObject({ error: { name: 'InvalidRange', status: 416 } });
  });

  it('a malformed range goes to S3 unchanged', async () => {
    const expected = await outcome(read(stack.plain, { Key: 'ten.bin', Range: 'bytes=abc' }));
    const got = await outcome(read(stack.wrapped, { Key: 'ten.bin', Range: 'bytes=abc' }));
    expect(got).toEqual(expected);
  });

  it('a missing key throws the SDK NoSuchKey, same class, name, status and message', async () => {
    const errors: unknown[] = [];
    for (const client of [stack.plain, stack.wrapped]) {
      try {
        await client.send(new GetObjectCommand({ Bucket: stack.bucket, Key: 'no/such/key' }));
      } catch (err) {
        errors.push(err);
      }
    }
    const [expected, got] = errors as [NoSuchKey, NoSuchKey];
    expect(got).toBeInstanceOf(NoSuchKey);
    expect(got).toBeInstanceOf(S3ServiceException);
    expect(got.name).toBe(expected.name);
    expect(got.message).toBe(expected.message);
    expect(got.$fault).toBe(expected.$fault);
    expect(got.$metadata.httpStatusCode).toBe(404);
    expect(got.$metadata.attempts).toBe(expected.$metadata.attempts);
  });

  it('If-None-Match with the current ETag behaves as without the cache (304)', async () => {
    const { etag } = await read(stack.plain, { Key: 'small.txt' });
    await read(stack.wrapped, { Key: 'small.txt' });
    const expected = await outcome(read(stack.plain, { Key: 'small.txt', IfNoneMatch: etag }));
    const got = await outcome(read(stack.wrapped, { Key: 'small.txt', IfNoneMatch: etag }));
    expect(got).toEqual(expected);
    expect(got).toMatchObject({ error: { status: 304 } });
    const other = await read(stack.wrapped, { Key: 'small.txt', IfNoneMatch: '"not-the-etag"' });
    expect(other.status).toBe(200);
  });

  it('If-Modified-Since after the last change is 304; before it, 200', async () => {
    const { modified } = await read(stack.wrapped, { Key: 'small.txt' });
    const later = await outcome(read(stack.wrapped, { Key: 'small.txt', IfModifiedSince: new Date(modified! + 60_000) }));
    expect(later).toMatchObject({ error: { status: 304 } });
    const earlier = await read(stack.wrapped, { Key: 'small.txt', IfModifiedSince: new Date(modified! - 60_000) });
    expect(earlier.status).toBe(200);
  });

  it('If-Match with another ETag is PreconditionFailed (412), per S3', async () => {
    const got = await outcome(read(stack.wrapped, { Key: 'small.txt', IfMatch: '"0000"' }));
    expect(got).toMatchObject({ error: { name: 'PreconditionFailed', status: 412 } });
    expect(got).toEqual(await outcome(read(stack.plain, { Key: 'small.txt', IfMatch: '"0000"' })));
    const { etag } = await read(stack.plain, { Key: 'small.txt' });
    const ok = await read(stack.wrapped, { Key: 'small.txt', IfMatch: etag });
    expect(ok.body.toString()).toBe('hello, faast');
  });

  it.each([
    ['VersionId', { VersionId: 'null' }],
    ['SSE-C', { SSECustomerAlgorithm: 'AES256', SSECustomerKey: 'k'.repeat(32) }],
    ['ResponseContentType', { ResponseContentType: 'text/x-override' }],
  ])('%s requests go to S3 unchanged', async (_name, extra) => {
    await read(stack.wrapped, { Key: 'small.txt' });
    const before = (await stack.stats()).hits + (await stack.stats()).misses;
    const originBefore = stack.emulator.requests().total;
    const expected = await outcome(read(stack.plain, { Key: 'small.txt', ...extra }));
    const got = await outcome(read(stack.wrapped, { Key: 'small.txt', ...extra }));
    expect(got).toEqual(expected);
    const after = await stack.stats();
    expect(after.hits + after.misses).toBe(before);
    expect(stack.emulator.requests().total - originBefore).toBe(2);
  });

  it('the body offers every SDK stream form', async () => {
    const get = () => stack.wrapped.send(new GetObjectCommand({ Bucket: stack.bucket, Key: 'binary.bin' }));
    const expected = OBJECTS['binary.bin']!.body;
    expect(Buffer.from(await (await get()).Body!.transformToByteArray()).equals(expected)).toBe(true);
    expect(await (await get()).Body!.transformToString('latin1')).toBe(expected.toString('latin1'));
    const web = (await get()).Body!.transformToWebStream();
    const chunks: Uint8Array[] = [];
    for await (const c of web as unknown as AsyncIterable<Uint8Array>) chunks.push(c);
    expect(Buffer.concat(chunks).equals(expected)).toBe(true);
    const node = (await get()).Body as Readable;
    expect(node).toBeInstanceOf(Readable);
    const piped: Buffer[] = [];
    for await (const c of node) piped.push(c as Buffer);
    expect(Buffer.concat(piped).equals(expected)).toBe(true);
  });
});

describe('HeadObject parity', () => {
  it.each(['small.txt', 'with-meta.json', 'empty.bin', 'big.bin'])('%s', async (Key) => {
    const pick = (o: Awaited<ReturnType<S3Client['send']>> & Record<string, unknown>) => ({
      status: (o.$metadata as { httpStatusCode?: number }).httpStatusCode,
      etag: o['ETag'],
      length: o['ContentLength'],
      type: o['ContentType'],
      modified: (o['LastModified'] as Date | undefined)?.getTime(),
      metadata: o['Metadata'],
    });
    const expected = pick(await stack.plain.send(new HeadObjectCommand({ Bucket: stack.bucket, Key })));
    expect(pick(await stack.wrapped.send(new HeadObjectCommand({ Bucket: stack.bucket, Key })))).toEqual(expected);
    await read(stack.wrapped, { Key }); // now stored: answered from the store
    expect(pick(await stack.wrapped.send(new HeadObjectCommand({ Bucket: stack.bucket, Key })))).toEqual(expected);
  });

  it('a missing key is NotFound, as from S3', async () => {
    const expected = await outcome(stack.plain.send(new HeadObjectCommand({ Bucket: stack.bucket, Key: 'nope' })));
    const got = await outcome(stack.wrapped.send(new HeadObjectCommand({ Bucket: stack.bucket, Key: 'nope' })));
    expect(got).toEqual(expected);
    expect(got).toMatchObject({ error: { name: NotFound.name, status: 404 } });
  });
});

describe('input the SDK itself rejects or transforms goes to the SDK untouched', () => {
  /** Whether the call reached the cachelet at all (a hit, a miss or a refusal). */
  async function cacheCalls(): Promise<number> {
    const s = await stack.stats();
    return s.hits + s.misses + s.badRequests + s.heads + s.notFound;
  }

  it('a key that is not well-formed UTF-16 is never read as another object', async () => {
    // The lossy UTF-8 form of 'y\uD800x': if the key crossed the wire, this is what it would read.
    await stack.plain.send(new PutObjectCommand({ Bucket: stack.bucket, Key: 'y\uFFFDx', Body: 'wrong object' }));
    await stack.plain.send(new PutObjectCommand({ Bucket: stack.bucket, Key: 'y\uFFFD\uFFFD\uFFFDx', Body: 'wrong object' }));
    const before = await cacheCalls();
    for (const Key of ['y\uD800x', 'y\uDC00x', '\uD83D']) {
      const expected = await outcome(read(stack.plain, { Key }));
      const got = await outcome(read(stack.wrapped, { Key }));
      expect(got).toEqual(expected);
      expect(got).toMatchObject({ error: { name: 'URIError' } });
      expect(await outcome(stack.wrapped.send(new HeadObjectCommand({ Bucket: stack.bucket, Key })))).toEqual(
        await outcome(stack.plain.send(new HeadObjectCommand({ Bucket: stack.bucket, Key }))),
      );
    }
    expect(await cacheCalls()).toBe(before);
  });

  it.each([
    ['If-None-Match with a newline', { IfNoneMatch: '"x\ny"' }],
    ['If-Match with a NUL', { IfMatch: '"a\u0000"' }],
    ['If-Match beyond Latin-1', { IfMatch: '"ключ"' }],
    ['Range with a carriage return', { Range: 'bytes=0-1\r' }],
  ])('%s: the SDK throws its own error', async (_name, extra) => {
    await read(stack.wrapped, { Key: 'small.txt' }); // cached: a cache that answered would return 200
    const expected = await outcome(read(stack.plain, { Key: 'small.txt', ...extra }));
    const got = await outcome(read(stack.wrapped, { Key: 'small.txt', ...extra }));
    expect(expected).toHaveProperty('error');
    expect(got).toEqual(expected);
  });

  it.each([
    ['an empty key (the SDK lists the bucket)', { Key: '' }],
    ['an empty If-Match', { Key: 'small.txt', IfMatch: '' }],
    ['a blank If-None-Match', { Key: 'small.txt', IfNoneMatch: '  ' }],
    ['an invalid date', { Key: 'small.txt', IfModifiedSince: new Date(NaN) }],
    ['a date as a string', { Key: 'small.txt', IfModifiedSince: '2020-01-01' as unknown as Date }],
    ['an ETag as a number', { Key: 'small.txt', IfMatch: 5 as unknown as string }],
  ])('%s: answered by S3, as without the cache', async (_name, input) => {
    await read(stack.wrapped, { Key: 'small.txt' });
    const before = await cacheCalls();
    const expected = await outcome(read(stack.plain, input));
    const got = await outcome(read(stack.wrapped, input));
    expect(got).toEqual(expected);
    expect(await cacheCalls()).toBe(before);
  });
});

describe('absent is not zero', () => {
  it('If-Unmodified-Since 1970 is PreconditionFailed (412), per S3', async () => {
    await read(stack.wrapped, { Key: 'small.txt' });
    const got = await outcome(read(stack.wrapped, { Key: 'small.txt', IfUnmodifiedSince: new Date(0) }));
    expect(got).toMatchObject({ error: { name: 'PreconditionFailed', status: 412 } });
    const head = await outcome(stack.wrapped.send(new HeadObjectCommand({ Bucket: stack.bucket, Key: 'small.txt', IfUnmodifiedSince: new Date(0) })));
    expect(head).toMatchObject({ error: { status: 412 } });
  });

  it('If-Modified-Since 1970 is a 200 with the whole object', async () => {
    const got = await read(stack.wrapped, { Key: 'small.txt', IfModifiedSince: new Date(0) });
    expect(got.status).toBe(200);
    expect(got.body.toString()).toBe('hello, faast');
  });

  it('a range from byte 0 reports its start', async () => {
    const got = await read(stack.wrapped, { Key: 'ten.bin', Range: 'bytes=0-2' });
    expect(got.range).toBe('bytes 0-2/10');
    expect(got.body.toString()).toBe('012');
  });
});
