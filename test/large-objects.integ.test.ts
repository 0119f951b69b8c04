/**
 * Large objects in chunks with real daemons and s3rver (default settings: objects over 8 MiB
 * are read as 8 MiB chunks, 4 ahead): one origin read per chunk across the ring, S3 range
 * semantics on a partially cached object, never a body mixing two versions, and 1 GiB through
 * one cachelet of 256 MiB in bounded memory. Origin requests are seen through a recording
 * front (test/support/recording-origin.ts), which logs their Range and If-Match headers.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { NO_LATENCY_PROFILE, startS3Emulator, type S3Emulator } from '@faast/emulator';
import { createCluster, staticMembers, type Cluster } from './support/cluster';
import { bytes, startStack, type Stack } from './support/harness';
import { recordingOrigin, type RecordingOrigin } from './support/recording-origin';

jest.setTimeout(120_000);

const MiB = 2 ** 20;
const CHUNK = 8 * MiB;
const BUCKET = 'faast-large';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long a body may send nothing before the read fails as stalled (instead of hanging until the test's timeout). */
const STALL_MS = 15_000;

/** Reads a body to its end, calling `onPart` (awaited: it may pause the reader); fails if no byte comes for STALL_MS. */
async function consume(body: Readable, onPart: (part: Buffer, got: number) => unknown = () => undefined): Promise<number> {
  let got = 0;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => body.destroy(new Error(`stalled: no byte for ${STALL_MS} ms after ${got} bytes`)), STALL_MS);
  };
  try {
    arm();
    for await (const part of body) {
      got += (part as Buffer).length;
      await onPart(part as Buffer, got);
      arm();
    }
    return got;
  } finally {
    clearTimeout(timer);
  }
}

async function get(client: S3Client, Key: string, Range?: string) {
  const out = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key, Range }));
  const parts: Buffer[] = [];
  await consume(out.Body as Readable, (part) => parts.push(part));
  return { out, body: Buffer.concat(parts) };
}

/** Starts `size` daemons with static members over `emulator` (which holds BUCKET). */
async function cluster(emulator: S3Emulator, size: number): Promise<Cluster> {
  const c = await createCluster({ size, bucket: BUCKET, emulator, app: `large${process.pid}` });
  await Promise.all(c.nodes.map((_, i) => c.start(i, staticMembers(c))));
  return c;
}

describe('a 64 MiB object over three cachelets', () => {
  let base: S3Emulator;
  let rec: RecordingOrigin;
  let c: Cluster;
  beforeAll(async () => {
    base = await startS3Emulator({ profile: NO_LATENCY_PROFILE, buckets: [BUCKET] });
    rec = await recordingOrigin(base);
    c = await cluster(rec.emulator, 3);
  });
  afterAll(async () => {
    await c?.close();
    await rec?.close();
    await base?.close();
  });
  const put = (Key: string, Body: Buffer) => base.client({ direct: true }).send(new PutObjectCommand({ Bucket: BUCKET, Key, Body }));
  /** The Range headers of the recorded GETs of `key` ('' for a whole GET). */
  const gets = (key: string) => rec.of(key, 'GET').map((r) => r.range ?? '');
  const chunkRange = (i: number, size: number) => `bytes=${i * CHUNK}-${Math.min(size, (i + 1) * CHUNK) - 1}`;

  it('is byte-identical through every node; one whole GET and one ranged GET per chunk in all; chunks spread over the members', async () => {
    const data = bytes(64 * MiB, 64);
    const { ETag } = await put('big64.bin', data);
    const t0 = Date.now();
    const first = await get(c.nodes[0]!.client, 'big64.bin');
    const firstMs = Date.now() - t0;
    expect(sha(first.body)).toBe(sha(data));
    expect(first.out.ContentLength).toBe(64 * MiB);
    const recorded = rec.of('big64.bin');
    expect(recorded.map((r) => `${r.method} ${r.range ?? ''}`).sort()).toEqual(['GET ', ...Array.from({ length: 8 }, (_, i) => `GET ${chunkRange(i, 64 * MiB)}`)].sort());
    expect(recorded.filter((r) => r.range).every((r) => r.ifMatch === ETag && r.status === 206)).toBe(true);
    expect(base.requests().byMethod['GET']).toBe(9);

    const t1 = Date.now();
    for (const n of [c.nodes[1]!, c.nodes[2]!, c.nodes[0]!]) expect(sha((await get(n.client, 'big64.bin')).body)).toBe(sha(data));
    const againMs = (Date.now() - t1) / 3;
    expect(rec.of('big64.bin')).toHaveLength(9); // no origin request at all
    const stats = await Promise.all(c.nodes.map((n) => n.stats()));
    expect(stats.filter((s) => s.objects > 0 && s.bytesUsed > 0).length).toBeGreaterThanOrEqual(2);
    expect(stats.reduce((n, s) => n + s.objects, 0)).toBe(8);
    expect(stats.reduce((n, s) => n + s.chunkMisses, 0)).toBe(8);
    expect(stats.reduce((n, s) => n + s.chunkedReads, 0)).toBe(4);
    expect(stats.reduce((n, s) => n + s.chunkPeerFetches, 0)).toBeGreaterThan(0);
    console.log(`64 MiB: first read ${firstMs} ms, cached reads ${againMs.toFixed(0)} ms each; objects per node ${stats.map((s) => s.objects).join('/')}`);
  });

  it('a node that has read a large object twice keeps its peers\' chunks: the third read takes them from its replicas', async () => {
    const n0 = c.nodes[0]!;
    const peerFetches = async (): Promise<number> => Number((await n0.stats()).chunkPeerFetches);
    // Members are named by their random ports, so who owns what changes from run to run: take
    // the first object of which n0 owns fewer than all 5 chunks (all 5 happens 1 time in 243).
    let key = '';
    let data = Buffer.alloc(0);
    let peerChunks = 0;
    for (let attempt = 1; attempt <= 3 && peerChunks === 0; attempt++) {
      key = `replicated-${attempt}.bin`;
      data = bytes(40 * MiB, 64 + attempt);
      await put(key, data);
      const before = await peerFetches();
      expect(sha((await get(n0.client, key)).body)).toBe(sha(data));
      peerChunks = (await peerFetches()) - before;
    }
    expect(peerChunks).toBeGreaterThan(0);
    const before = await n0.stats();
    expect(sha((await get(n0.client, key)).body)).toBe(sha(data)); // second read: kept
    expect(sha((await get(n0.client, key)).body)).toBe(sha(data)); // third: from the replicas
    const after = await n0.stats();
    expect(Number(after.chunkReplicaHits) - Number(before.chunkReplicaHits)).toBe(peerChunks);
    expect(Number(after.chunkPeerFetches) - Number(before.chunkPeerFetches)).toBe(peerChunks);
    expect(rec.of(key).filter((r) => r.range)).toHaveLength(5); // the origin still read each chunk once
  });

  it('ranges across chunk boundaries, suffix and open ranges, on a partially cached object, with S3 semantics', async () => {
    const size = 2 * CHUNK + 12_345; // three chunks, the last one short
    const data = bytes(size, 20);
    await put('ranges.bin', data);
    const [a, b, d] = c.nodes.map((n) => n.client) as [S3Client, S3Client, S3Client];
    const check = async (client: S3Client, range: string | undefined, start: number, end: number) => {
      const { out, body } = await get(client, 'ranges.bin', range);
      expect(body.equals(data.subarray(start, end + 1))).toBe(true);
      expect(out.ContentLength).toBe(end - start + 1);
      expect(out.ContentRange).toBe(range === undefined ? undefined : `bytes ${start}-${end}/${size}`);
    };
    await check(a, 'bytes=9000000-9100000', 9_000_000, 9_100_000); // inside chunk 1
    expect(gets('ranges.bin').sort()).toEqual(['', chunkRange(1, size)]);
    await check(b, `bytes=${CHUNK - 100}-${CHUNK + 99}`, CHUNK - 100, CHUNK + 99); // chunks 0 and 1
    await check(d, 'bytes=-1000000', size - 1_000_000, size - 1); // suffix: the last 10^6 bytes
    await check(a, `bytes=${2 * CHUNK + 5}-`, 2 * CHUNK + 5, size - 1);
    await check(b, 'bytes=0-0', 0, 0);
    await check(d, `bytes=${size - 1}-${size + 1000}`, size - 1, size - 1);
    await check(a, undefined, 0, size - 1);
    expect(gets('ranges.bin').sort()).toEqual(['', chunkRange(0, size), chunkRange(1, size), chunkRange(2, size)].sort());
  });
});

/** What a read gave, against the two versions it could have been. */
function verdict(body: Buffer, error: unknown, [v1, v2]: [Buffer, Buffer]): string {
  const prefixOf = (v: Buffer) => body.length <= v.length && body.equals(v.subarray(0, body.length));
  if (error) return prefixOf(v1) ? 'error after old bytes' : prefixOf(v2) ? 'error after new bytes' : `error after ${mixed(body, v1, v2)}`;
  return body.equals(v1) ? 'old version' : body.equals(v2) ? 'new version' : mixed(body, v1, v2);
}

function mixed(body: Buffer, v1: Buffer, v2: Buffer): string {
  let p = 0;
  while (p < body.length && body.subarray(p, p + 65_536).equals(v1.subarray(p, p + 65_536))) p += 65_536;
  while (p < body.length && body[p] === v1[p]) p++;
  const rest = body.subarray(p).equals(v2.subarray(p, body.length)) ? "the new version's after" : 'other bytes after';
  return `MIXED bytes (${body.length} in all): the old version's up to byte ${p} (${(p / MiB).toFixed(2)} MiB), ${rest}`;
}

/** Reads a whole body, slowly (a pause every 2 MiB); `onBytes` may pause the reader (it is awaited). */
async function slowRead(client: S3Client, Key: string, onBytes: (got: number) => Promise<void> = async () => undefined) {
  const parts: Buffer[] = [];
  try {
    const out = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
    await consume(out.Body as Readable, async (part, got) => {
      parts.push(part);
      await onBytes(got);
      if (got % (2 * MiB) < part.length) await sleep(15);
    });
    return { body: Buffer.concat(parts), error: undefined as unknown };
  } catch (error) {
    return { body: Buffer.concat(parts), error };
  }
}

describe('a new version written while a large object is read', () => {
  let base: S3Emulator; // its objects are atomic: a GET overlapping a PUT sees one whole version
  let c: Cluster;
  const versions = new Map<string, [Buffer, Buffer]>();
  beforeAll(async () => {
    base = await startS3Emulator({ profile: NO_LATENCY_PROFILE, buckets: [BUCKET] });
    c = await cluster(base, 3);
  });
  afterAll(async () => {
    await c?.close();
    await base?.close();
  });

  // After 1 MiB of a 10-chunk object the daemon cannot have fetched the last chunks yet (its window is 4 chunks
  // and the reply is back-pressured): the change is found mid-read. After 40 MiB of 6 chunks, every chunk was fetched.
  it.each([
    [1, 10],
    [40, 6],
  ])('the body is one whole version or an error, never mixed (new version written after %i MiB of %i chunks were read)', async (afterMiB, chunks) => {
    const Key = `versioned-${afterMiB}.bin`;
    const v: [Buffer, Buffer] = [bytes(chunks * CHUNK, 100 + afterMiB), bytes(chunks * CHUNK, 200 + afterMiB)];
    versions.set(Key, v);
    const plain = base.client();
    await plain.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: v[0] }));
    let wrote = false;
    const { body, error } = await slowRead(c.nodes[1]!.client, Key, async (got) => {
      if (wrote || got < afterMiB * MiB) return;
      wrote = true;
      await plain.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: v[1] })); // through the plain client: the cache is not told
    });
    const what = verdict(body, error, v);
    console.log(`version change after ${afterMiB} MiB: ${what}${error ? ` (${(error as Error).message})` : ''}`);
    expect(['old version', 'new version', 'error after old bytes', 'error after new bytes']).toContain(what);
  });

  it('after a change was found mid-read (the 1 MiB case), later reads through the other nodes return the new version whole', async () => {
    const Key = 'versioned-1.bin';
    for (const n of [c.nodes[2]!, c.nodes[0]!]) {
      const { body, error } = await slowRead(n.client, Key);
      expect(`${n.name}: ${verdict(body, error, versions.get(Key)!)}`).toBe(`${n.name}: new version`);
    }
  });
});

describe('a cold read from a slow origin (300 ms to first byte)', () => {
  let stack: Stack | undefined;
  afterAll(async () => {
    await stack?.close();
  });

  it('does not stall while the next chunk is still being fetched', async () => {
    stack = await startStack({ bucket: BUCKET, profile: { firstByteLatencyMs: 300, bandwidthBytesPerSec: 0 } });
    const data = bytes(5 * CHUNK, 5);
    await stack.emulator.client({ direct: true }).send(new PutObjectCommand({ Bucket: BUCKET, Key: 'slow.bin', Body: data }));
    const t0 = Date.now();
    const { body } = await get(stack.wrapped, 'slow.bin');
    console.log(`40 MiB cold from a 300 ms origin: ${Date.now() - t0} ms`);
    expect(sha(body)).toBe(sha(data));
  });
});

describe('1 GiB through one cachelet of 256 MiB', () => {
  const GiB = 2 ** 30;
  const freeBytes = (() => {
    const s = fs.statfsSync(os.tmpdir());
    return s.bavail * s.bsize;
  })();
  const enoughDisk = freeBytes >= 3 * GiB;
  if (!enoughDisk) console.warn(`skipping the 1 GiB test: ${(freeBytes / GiB).toFixed(1)} GiB free in ${os.tmpdir()}, 3 GiB needed`);
  let stack: Stack | undefined;
  afterAll(async () => {
    await stack?.close();
  });

  /** 1 GiB in 1 MiB blocks, each numbered (so misplaced chunks show), hashed as it is generated. */
  function* blocks(hash: ReturnType<typeof createHash>): Generator<Buffer> {
    const base = bytes(MiB, 7);
    for (let i = 0; i < GiB / MiB; i++) {
      const block = Buffer.from(base);
      block.writeUInt32BE(i, 0);
      block.writeUInt32BE(i, MiB / 2);
      hash.update(block);
      yield block;
    }
  }

  (enoughDisk ? it : it.skip)('streams through with the right bytes, stores nothing, and the daemon stays far below the object size', async () => {
    stack = await startStack({ bucket: BUCKET, daemonArgs: ['--capacity', '256MiB'] });
    const expected = createHash('sha256');
    const t0 = Date.now();
    const direct = stack.emulator.client({ direct: true });
    await direct.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'huge.bin', Body: Readable.from(blocks(expected)), ContentLength: GiB }));
    const putMs = Date.now() - t0;

    const t1 = Date.now();
    const out = await stack.wrapped.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'huge.bin' }));
    expect(out.ContentLength).toBe(GiB);
    const actual = createHash('sha256');
    const n = await consume(out.Body as Readable, (part) => actual.update(part));
    const getMs = Date.now() - t1;
    expect(n).toBe(GiB);
    expect(actual.digest('hex')).toBe(expected.digest('hex'));

    const status = fs.readFileSync(`/proc/${stack.cachelet.process.pid}/status`, 'utf8');
    const hwmMiB = Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
    const s = await stack.stats();
    console.log(`1 GiB: put ${putMs} ms, read through the cache ${getMs} ms; daemon VmHWM ${hwmMiB.toFixed(0)} MiB`);
    expect(hwmMiB).toBeLessThan(700);
    expect(s).toMatchObject({ chunkedReads: 1, chunkMisses: 128, chunkPassThrough: 128, objects: 0 });
  });
});
