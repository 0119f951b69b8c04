/**
 * Writes through the wrapped client are seen by the next read, and the cache never makes a
 * read fail: a dead, hung or restarted cachelet sends reads to storage.
 */
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  UploadPartCommand,
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { S3Client as PlainClient } from '@aws-sdk/client-s3';
import { withFaast } from '@faast/s3';
import { bytes, startStack, type Stack } from './support/harness';

jest.setTimeout(60_000);

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ faast: { retryAfterMs: 200, ackTimeoutMs: 200 } });
});

afterAll(async () => {
  await stack?.close();
});

async function text(client: S3Client, Key: string): Promise<string> {
  const out = await client.send(new GetObjectCommand({ Bucket: stack.bucket, Key }));
  return out.Body!.transformToString();
}

const put = (client: S3Client, Key: string, Body: string | Buffer) => client.send(new PutObjectCommand({ Bucket: stack.bucket, Key, Body }));

describe('writes through the wrapped client', () => {
  it('PutObject: the next read returns the new bytes', async () => {
    await put(stack.wrapped, 'w/put.txt', 'v1');
    expect(await text(stack.wrapped, 'w/put.txt')).toBe('v1');
    expect(await text(stack.wrapped, 'w/put.txt')).toBe('v1'); // cached now
    await put(stack.wrapped, 'w/put.txt', 'version two');
    expect(await text(stack.wrapped, 'w/put.txt')).toBe('version two');
    const stats = await stack.stats();
    expect(stats.invalidations).toBeGreaterThanOrEqual(1);
  });

  it('DeleteObject: the next read is NoSuchKey', async () => {
    await put(stack.wrapped, 'w/del.txt', 'doomed');
    expect(await text(stack.wrapped, 'w/del.txt')).toBe('doomed');
    await stack.wrapped.send(new DeleteObjectCommand({ Bucket: stack.bucket, Key: 'w/del.txt' }));
    await expect(text(stack.wrapped, 'w/del.txt')).rejects.toBeInstanceOf(NoSuchKey);
  });

  it('DeleteObjects: every deleted key is dropped', async () => {
    for (const k of ['a', 'b', 'c']) {
      await put(stack.wrapped, `w/many/${k}`, k);
      expect(await text(stack.wrapped, `w/many/${k}`)).toBe(k);
    }
    await stack.wrapped.send(
      new DeleteObjectsCommand({ Bucket: stack.bucket, Delete: { Objects: [{ Key: 'w/many/a' }, { Key: 'w/many/b' }] } }),
    );
    await expect(text(stack.wrapped, 'w/many/a')).rejects.toBeInstanceOf(NoSuchKey);
    await expect(text(stack.wrapped, 'w/many/b')).rejects.toBeInstanceOf(NoSuchKey);
    expect(await text(stack.wrapped, 'w/many/c')).toBe('c');
  });

  it('CopyObject onto a cached key: the next read returns the copied bytes', async () => {
    await put(stack.wrapped, 'w/src.txt', 'source bytes');
    await put(stack.wrapped, 'w/dst.txt', 'old destination');
    expect(await text(stack.wrapped, 'w/dst.txt')).toBe('old destination');
    await stack.wrapped.send(new CopyObjectCommand({ Bucket: stack.bucket, Key: 'w/dst.txt', CopySource: `${stack.bucket}/w/src.txt` }));
    expect(await text(stack.wrapped, 'w/dst.txt')).toBe('source bytes');
  });

  it('CompleteMultipartUpload: the next read returns the assembled object', async () => {
    const Key = 'w/multipart.bin';
    await put(stack.wrapped, Key, 'small before');
    expect(await text(stack.wrapped, Key)).toBe('small before');
    const part1 = bytes(5 * 2 ** 20, 31);
    const part2 = Buffer.from('tail');
    const { UploadId } = await stack.wrapped.send(new CreateMultipartUploadCommand({ Bucket: stack.bucket, Key }));
    const parts = [];
    for (const [i, Body] of [part1, part2].entries()) {
      const { ETag } = await stack.wrapped.send(new UploadPartCommand({ Bucket: stack.bucket, Key, UploadId, PartNumber: i + 1, Body }));
      parts.push({ ETag, PartNumber: i + 1 });
    }
    await stack.wrapped.send(new CompleteMultipartUploadCommand({ Bucket: stack.bucket, Key, UploadId, MultipartUpload: { Parts: parts } }));
    const out = await stack.wrapped.send(new GetObjectCommand({ Bucket: stack.bucket, Key }));
    expect(Buffer.from(await out.Body!.transformToByteArray()).equals(Buffer.concat([part1, part2]))).toBe(true);
  });

  it('a write by another instance of the wrapped client is seen by this one', async () => {
    const other = withFaast(stack.emulator.client(), { socket: stack.socket });
    await put(stack.wrapped, 'w/shared.txt', 'one');
    expect(await text(stack.wrapped, 'w/shared.txt')).toBe('one');
    await put(other, 'w/shared.txt', 'two');
    expect(await text(stack.wrapped, 'w/shared.txt')).toBe('two');
    other.destroy();
  });
});

describe('fail-open', () => {
  it('without FAAST_SOCKET the wrapper changes nothing', () => {
    const saved = process.env['FAAST_SOCKET'];
    delete process.env['FAAST_SOCKET'];
    const client = new PlainClient({ region: 'us-east-1' });
    const before = client.middlewareStack.identify();
    expect(withFaast(client)).toBe(client);
    expect(client.middlewareStack.identify()).toEqual(before);
    if (saved !== undefined) process.env['FAAST_SOCKET'] = saved;
    client.destroy();
  });

  it('the daemon killed between reads and in the middle of a body: every read succeeds, bytes identical', async () => {
    const big = bytes(8 * 2 ** 20, 9);
    await put(stack.plain, 'f/big.bin', big);
    await put(stack.plain, 'f/small.txt', 'still here');
    expect(await text(stack.wrapped, 'f/small.txt')).toBe('still here');
    // Warm the big object, start reading it, kill the daemon before the body is consumed.
    const warm = await stack.wrapped.send(new GetObjectCommand({ Bucket: stack.bucket, Key: 'f/big.bin' }));
    expect(Buffer.from(await warm.Body!.transformToByteArray()).equals(big)).toBe(true);
    const getsBefore = stack.emulator.requests().byMethod['GET'] ?? 0;
    const reading = await stack.wrapped.send(new GetObjectCommand({ Bucket: stack.bucket, Key: 'f/big.bin' }));
    const body = reading.Body as unknown as AsyncIterable<Buffer>;
    const chunks: Buffer[] = [];
    let killed = false;
    for await (const chunk of body) {
      chunks.push(chunk);
      if (!killed) {
        killed = true;
        await stack.cachelet.kill();
      }
    }
    expect(Buffer.concat(chunks).equals(big)).toBe(true);
    // The rest of the body came from storage (a ranged GET of the same version).
    expect((stack.emulator.requests().byMethod['GET'] ?? 0) - getsBefore).toBe(1);
    // Daemon gone: reads go to storage.
    const originBefore = stack.emulator.requests().byMethod['GET'] ?? 0;
    for (let i = 0; i < 5; i++) expect(await text(stack.wrapped, 'f/small.txt')).toBe('still here');
    expect((stack.emulator.requests().byMethod['GET'] ?? 0) - originBefore).toBe(5);
    // A write while the daemon is down, then the daemon comes back: no stale read.
    await put(stack.wrapped, 'f/small.txt', 'written while down');
    await stack.restart();
    await new Promise((r) => setTimeout(r, 300)); // past retryAfterMs
    expect(await text(stack.wrapped, 'f/small.txt')).toBe('written while down');
    expect(await text(stack.wrapped, 'f/small.txt')).toBe('written while down');
    expect((await stack.hits()) + (await stack.stats()).misses).toBeGreaterThanOrEqual(2); // the cache is used again
  });

  it('a hung daemon (SIGSTOP): reads go to storage after the acknowledgement timeout', async () => {
    await put(stack.plain, 'f/hung.txt', 'patience');
    expect(await text(stack.wrapped, 'f/hung.txt')).toBe('patience');
    stack.cachelet.process.kill('SIGSTOP');
    try {
      const t0 = Date.now();
      expect(await text(stack.wrapped, 'f/hung.txt')).toBe('patience');
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(await text(stack.wrapped, 'f/hung.txt')).toBe('patience');
    } finally {
      stack.cachelet.process.kill('SIGCONT');
    }
  });
});
