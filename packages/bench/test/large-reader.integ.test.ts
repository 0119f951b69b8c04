/**
 * The large benchmark's reader against a real S3 emulator: the no-cache row's ranged read
 * (a ranged GET per chunk, a window at a time, hashed in order) gives the whole object's
 * digest with one origin request per chunk, and a wrong digest is an error, not a figure.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { NO_LATENCY_PROFILE, startS3Emulator, type S3Emulator } from '@faast/emulator';
import { digester, readHashed, readRanged, type ExpectedObject } from '../src/large-reader';

const BUCKET = 'bench-reader';
const CHUNK = 2 ** 20;

let s3: S3Emulator;
let object: ExpectedObject;

beforeAll(async () => {
  s3 = await startS3Emulator({ profile: NO_LATENCY_PROFILE, buckets: [BUCKET] });
  const body = Buffer.alloc(Math.floor(4.5 * CHUNK));
  for (let i = 0; i < body.length; i++) body[i] = (i * 131 + (i >> 11)) & 0xff;
  await s3.client({ direct: true }).send(new PutObjectCommand({ Bucket: BUCKET, Key: 'big.bin', Body: body }));
  const hash = digester('crc32');
  hash.update(body);
  object = { bucket: BUCKET, key: 'big.bin', bytes: body.length, digest: hash.digest() };
});

afterAll(async () => {
  await s3?.close();
});

it('the ranged read hashes the chunks in order: the whole-object digest, one GET per chunk (the last one short)', async () => {
  s3.resetCounters();
  const read = await readRanged(s3.client(), object, 'crc32', CHUNK, 2);
  expect(read.bytes).toBe(object.bytes);
  expect(read.digest).toBe(object.digest);
  expect(s3.requests().byMethod).toEqual({ GET: 5 });
  // The same bytes as one GetObject.
  expect((await readHashed(s3.client(), object, 'crc32')).digest).toBe(read.digest);
});

it('a window wider than the object, and a wrong expected digest', async () => {
  await expect(readRanged(s3.client(), object, 'crc32', CHUNK, 16)).resolves.toMatchObject({ digest: object.digest });
  await expect(readRanged(s3.client(), { ...object, digest: '00000000' }, 'crc32', CHUNK, 3)).rejects.toThrow(/wrong bytes/);
});
