/**
 * Large objects in chunks, with small settings (threshold 4 KiB, 1 KiB chunks, read-ahead 3):
 * the ChunkReader alone (order, window, back-pressure, cancel, failures), then through a
 * Cachelet over the fake origin (which origin requests a read makes, hits, ranges, HEAD,
 * partial caching, pass-through, version changes) and three in-process cachelets.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { Cachelet, CacheError, ChunkReader, chunkKey, type Chunk, entrySize, type CacheletConfigInput, type ObjectMeta, type ObjectRef, type OriginGetOptions, type OriginGetResult, type ReadResult } from '@faast/core';
import { bytesOf, FakeOrigin, ManualClock, readAll } from './fake-origin';
import { Cluster, memberOf } from './cluster-fixture';

const CB = 1024;
const SMALL: CacheletConfigInput = { chunkThresholdBytes: 4096, chunkBytes: CB, readAhead: 3, streamChunkBytes: 256 };
const SIZE = 10 * CB;
const ref = (key: string): ObjectRef => ({ bucket: 'bkt', key });
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The fake origin, plus a hook called on every GET and (optionally) S3's If-Match (412). */
class HookedOrigin extends FakeOrigin {
  onGet: ((options: OriginGetOptions) => void) | undefined;
  honourIfMatch = false;
  private readonly current = new Map<string, ObjectMeta>();
  override put(bucket: string, key: string, content: Buffer | string): ObjectMeta {
    const meta = super.put(bucket, key, content);
    this.current.set(`${bucket}/${key}`, meta);
    return meta;
  }
  override async get(r: ObjectRef, options: OriginGetOptions = {}): Promise<OriginGetResult> {
    this.onGet?.(options);
    const meta = this.current.get(`${r.bucket}/${r.key}`);
    if (this.honourIfMatch && options.ifMatch && meta && meta.etag !== options.ifMatch) {
      this.gets.push({ ref: r, options });
      return { kind: 'precondition-failed' };
    }
    return super.get(r, options);
  }
  /** Start offsets of the ranged GETs, in order; and how many GETs were whole. */
  get ranged(): number[] { return this.gets.flatMap((g) => (g.options.range ? [g.options.range.start] : [])); } // prettier-ignore
  get whole(): number { return this.gets.filter((g) => !g.options.range).length; } // prettier-ignore
}

/** A solo cachelet, started: admission sums the ring's members, which are known only after start(). */
async function started(config: CacheletConfigInput = {}) {
  const clock = new ManualClock();
  const origin = new HookedOrigin(clock);
  const cache = new Cachelet({ origin, clock, capacityBytes: 1 << 20, ...SMALL, ...config });
  await cache.start();
  return { origin, cache };
}

/** What a body delivered before it ended or failed. */
async function drain(body: AsyncIterable<Buffer>): Promise<{ bytes: Buffer; error: unknown }> {
  const parts: Buffer[] = [];
  try {
    for await (const p of body) parts.push(p);
    return { bytes: Buffer.concat(parts), error: undefined };
  } catch (error) {
    return { bytes: Buffer.concat(parts), error };
  }
}

const bodyOf = (r: ReadResult): Promise<Buffer> => ('body' in r ? readAll(r.body) : Promise.reject(new Error(`no body: ${r.status}`)));
const drained = (r: ReadResult) => ('body' in r ? drain(r.body) : Promise.reject(new Error(`no body: ${r.status}`)));

const META = (size: number): ObjectMeta => ({ etag: '"v"', size, lastModifiedMs: 0, contentType: '', userMetadata: {}, headers: {} });

/** A fetch function over `data` that records which chunks were asked for, how many were in flight at most, and which were released. */
function recorder(data: Buffer, opts: { delayMs?: (i: number) => number; fail?: (i: number) => Error | undefined } = {}) {
  const rec = { started: [] as number[], inFlight: 0, maxInFlight: 0, released: [] as number[] };
  const fetch = async (i: number): Promise<Chunk> => {
    rec.started.push(i);
    rec.maxInFlight = Math.max(rec.maxInFlight, ++rec.inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, opts.delayMs?.(i) ?? 0));
      const err = opts.fail?.(i);
      if (err) throw err;
      return { body: Buffer.from(data.subarray(i * CB, (i + 1) * CB)), release: () => rec.released.push(i) };
    } finally {
      rec.inFlight--;
    }
  };
  return { rec, fetch };
}

describe('ChunkReader', () => {
  const data = bytesOf(SIZE - 300, 1); // the last chunk is partial
  const last = data.length - 1;

  it.each([
    ['inside one chunk', 100, 900],
    ['one whole chunk', 2048, 3071],
    ['across a boundary', 1000, 1100],
    ['the two bytes around a boundary', 1023, 1024],
    ['partial first and last chunks', 1500, 9000],
    ['the last byte', last, last],
    ['the whole object', 0, last],
  ])('%s: the bytes in order, in messages ≤ step, fetching only the covered chunks', async (_name, start, end) => {
    const { rec, fetch } = recorder(data, { delayMs: (i) => (i * 7) % 4 }); // later chunks may arrive first
    const reader = new ChunkReader(META(data.length), start, end, CB, 3, 200, fetch);
    await reader.begin();
    const parts: Buffer[] = [];
    for await (const p of reader.body()) parts.push(p);
    expect(Buffer.concat(parts).equals(data.subarray(start, end + 1))).toBe(true);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(200);
    expect(rec.started).toEqual(upTo(Math.floor(end / CB) - Math.floor(start / CB) + 1).map((i) => i + Math.floor(start / CB)));
  });

  it('keeps at most readAhead fetches in flight, and uses the whole window', async () => {
    const { rec, fetch } = recorder(data, { delayMs: (i) => 1 + (i % 3) });
    const reader = new ChunkReader(META(data.length), 0, last, CB, 3, 256, fetch);
    await reader.begin();
    expect(rec.started).toEqual([0, 1, 2]); // the window starts before any byte; only the first chunk is awaited
    expect((await readAll(reader.body())).equals(data)).toBe(true);
    expect(rec.maxInFlight).toBe(3);
  });

  it('back-pressure: a consumer that stops reading stops the fetching; return() and cancel() stop it for good', async () => {
    const { rec, fetch } = recorder(data);
    const reader = new ChunkReader(META(data.length), 0, last, CB, 3, 256, fetch);
    await reader.begin();
    const body = reader.body();
    await body.next(); // chunk 0 taken from the window: chunk 3 is asked for
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(rec.started).toEqual([0, 1, 2, 3]);
    for (let i = 0; i < 3; i++) await body.next(); // the rest of chunk 0: no new fetch
    expect(rec.started).toEqual([0, 1, 2, 3]);
    await body.next(); // chunk 1
    expect(rec.started).toEqual([0, 1, 2, 3, 4]);
    await body.return(undefined);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(rec.started).toEqual([0, 1, 2, 3, 4]);
    expect(await body.next()).toEqual({ done: true, value: undefined });

    const other = recorder(data, { delayMs: () => 2 }); // cancel() (the cachelet's release of an abandoned body) as well
    const cancelled = new ChunkReader(META(data.length), 0, last, CB, 3, 256, other.fetch);
    await cancelled.begin();
    await cancelled.body().next();
    cancelled.cancel();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(other.rec.started).toEqual([0, 1, 2, 3]);
  });

  it('a failing fetch fails the body after the bytes before it; a failing first chunk fails begin()', async () => {
    const boom = new Error('boom');
    const { fetch } = recorder(data, { fail: (i) => (i === 4 ? boom : undefined) });
    const reader = new ChunkReader(META(data.length), 0, last, CB, 3, 256, fetch);
    await reader.begin();
    const { bytes, error } = await drain(reader.body());
    expect({ error, same: bytes.equals(data.subarray(0, 4 * CB)) }).toEqual({ error: boom, same: true });

    const first = recorder(data, { fail: (i) => (i === 0 ? boom : undefined) });
    await expect(new ChunkReader(META(data.length), 0, last, CB, 3, 256, first.fetch).begin()).rejects.toBe(boom);
  });

  it('releases a chunk when the consumer asks for the piece after its last one; never a chunk of a read stopped early', async () => {
    const { rec, fetch } = recorder(data);
    const reader = new ChunkReader(META(data.length), 0, last, CB, 3, 256, fetch);
    await reader.begin();
    const body = reader.body();
    for (let i = 0; i < 4; i++) await body.next(); // the 4 pieces of chunk 0, the last one still with the consumer
    expect(rec.released).toEqual([]);
    await body.next(); // the consumer is done with chunk 0
    expect(rec.released).toEqual([0]);
    await body.return(undefined); // stopped inside chunk 1: chunk 1 and the window are not released (their bytes may still be in use)
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rec.released).toEqual([0]);

    const whole = recorder(data);
    const all = new ChunkReader(META(data.length), 0, last, CB, 3, 256, whole.fetch);
    await all.begin();
    await readAll(all.body());
    expect(whole.rec.released).toEqual(upTo(Math.ceil(data.length / CB)));
  });

  it('a short chunk fails the body', async () => {
    const reader = new ChunkReader(META(SIZE), 0, SIZE - 1, CB, 3, 256, async (i) => ({ body: Buffer.alloc(i === 2 ? 10 : CB) }));
    await reader.begin();
    await expect(readAll(reader.body())).rejects.toThrow('chunk 2 is short');
  });
});

describe('a chunked object through a cachelet', () => {
  const chunkGet = (i: number, etag: string, size = SIZE) => ({ range: { start: i * CB, end: Math.min(size, (i + 1) * CB) - 1 }, ifMatch: etag });

  it('whole read: one discovery GET (body dropped), then one ranged If-Match GET per chunk; the second read is all hits', async () => {
    const { origin, cache } = await started();
    const data = bytesOf(SIZE, 2);
    const meta = origin.put('bkt', 'big', data);
    const first = await cache.get({ ref: ref('big') });
    expect(first).toMatchObject({ status: 'ok', source: 'miss', contentLength: SIZE, meta: { etag: meta.etag, size: SIZE } });
    expect((await bodyOf(first)).equals(data)).toBe(true);
    expect(origin.gets.map((g) => g.options)).toEqual([{}, ...upTo(10).map((i) => chunkGet(i, meta.etag))]);
    expect(origin.streams.every((s) => s.destroyed)).toBe(true);
    expect(cache.stats()).toMatchObject({ chunkedReads: 1, chunkMisses: 10, chunkHits: 0, misses: 1, originRequests: 11, bytesFromOrigin: SIZE, bytesServed: SIZE, objects: 10 });

    const second = await cache.get({ ref: ref('big') });
    expect(second).toMatchObject({ status: 'ok', source: 'hit', contentLength: SIZE });
    expect((await bodyOf(second)).equals(data)).toBe(true);
    expect(origin.gets).toHaveLength(11);
    expect(cache.stats()).toMatchObject({ chunkedReads: 2, chunkHits: 10, originRequests: 11 });
  });

  it('the threshold: an object of chunkThresholdBytes is one object; one byte more is 5 chunks, the last of 1 byte', async () => {
    const { origin, cache } = await started();
    const at = bytesOf(4096, 3);
    origin.put('bkt', 'at', at);
    expect((await bodyOf(await cache.get({ ref: ref('at') }))).equals(at)).toBe(true);
    expect(origin.gets).toHaveLength(1);
    const over = bytesOf(4097, 4);
    const meta = origin.put('bkt', 'over', over);
    expect((await bodyOf(await cache.get({ ref: ref('over') }))).equals(over)).toBe(true);
    expect(origin.gets.slice(2).map((g) => g.options)).toEqual(upTo(5).map((i) => chunkGet(i, meta.etag, 4097)));
    expect(cache.stats().chunkedReads).toBe(1);
  });

  it.each([
    ['bytes=1000-3100', 1000, 3100, [0, 1, 2, 3]],
    ['bytes=2048-3071', 2048, 3071, [2]],
    ['bytes=0-0', 0, 0, [0]],
    ['bytes=-1500', SIZE - 1500, SIZE - 1, [8, 9]],
    ['bytes=5000-', 5000, SIZE - 1, [4, 5, 6, 7, 8, 9]],
    ['bytes=10000-20000', 10000, SIZE - 1, [9]],
  ])('%s reads only the covered chunks', async (range, start, end, chunks) => {
    const { origin, cache } = await started();
    const data = bytesOf(SIZE, 5);
    origin.put('bkt', 'big', data);
    const r = await cache.get({ ref: ref('big'), range });
    expect(r).toMatchObject({ status: 'partial-content', range: { start, end }, contentLength: end - start + 1 });
    expect((await bodyOf(r)).equals(data.subarray(start, end + 1))).toBe(true);
    expect(origin.ranged).toEqual(chunks.map((i) => i * CB));
    expect(origin.whole).toBe(1);
  });

  it('HEAD, 304 and 416 need no chunk', async () => {
    const { origin, cache } = await started();
    const meta = origin.put('bkt', 'big', bytesOf(SIZE, 6));
    expect(await cache.head(ref('big'))).toMatchObject({ status: 'ok', meta: { etag: meta.etag, size: SIZE } });
    expect([origin.heads, origin.gets.length]).toEqual([1, 0]);
    expect(await cache.get({ ref: ref('big'), conditions: { ifNoneMatch: meta.etag } })).toMatchObject({ status: 'not-modified' });
    expect(await cache.get({ ref: ref('big'), range: `bytes=${SIZE}-` })).toMatchObject({ status: 'range-not-satisfiable' });
    expect(await cache.head(ref('big'))).toMatchObject({ status: 'ok', source: 'hit' }); // the owner's header
    expect([origin.heads, origin.whole, origin.ranged.length]).toEqual([1, 1, 0]);
  });

  it('partial caching: evicted chunks are read again, the others are hits', async () => {
    const { origin, cache } = await started({ capacityBytes: SIZE }); // admitted (size ≤ capacity), but 7 chunks fit
    const data = bytesOf(SIZE, 7);
    const meta = origin.put('bkt', 'big', data);
    const entry = entrySize(chunkKey('bkt/big', meta.etag, 0), { meta, body: data.subarray(0, CB), storedAtMs: 0, verifiedAtMs: 0, epoch: '' });
    expect(Math.floor(SIZE / entry)).toBe(7);
    expect((await bodyOf(await cache.get({ ref: ref('big') }))).equals(data)).toBe(true);
    expect(cache.stats()).toMatchObject({ objects: 7, evictions: 3 }); // chunks 0-2 are gone
    const readRange = async (range: string, from: number) => {
      origin.gets.length = 0;
      expect((await bodyOf(await cache.get({ ref: ref('big'), range }))).equals(data.subarray(from))).toBe(true);
      return origin.ranged;
    };
    expect(await readRange('bytes=7168-', 7168)).toEqual([]);
    expect(await readRange('bytes=0-', 0).then((r) => r.slice(0, 3))).toEqual([0, 1024, 2048]);
  });

  it('a middle range first, then the whole object: only the missing chunks are read', async () => {
    const { origin, cache } = await started();
    const data = bytesOf(SIZE, 8);
    origin.put('bkt', 'big', data);
    await bodyOf(await cache.get({ ref: ref('big'), range: 'bytes=4000-6500' }));
    expect(origin.ranged).toEqual([3072, 4096, 5120, 6144]);
    origin.gets.length = 0;
    expect((await bodyOf(await cache.get({ ref: ref('big') }))).equals(data)).toBe(true);
    expect(origin.gets.map((g) => g.options.range?.start)).toEqual([0, 1, 2, 7, 8, 9].map((i) => i * CB));
  });

  it('an object larger than the ring streams through: nothing stored, chunkPassThrough counts', async () => {
    const { origin, cache } = await started({ capacityBytes: 8192 });
    const data = bytesOf(SIZE, 9);
    origin.put('bkt', 'big', data);
    for (const expected of [11, 21]) {
      expect((await bodyOf(await cache.get({ ref: ref('big') }))).equals(data)).toBe(true);
      expect(origin.gets).toHaveLength(expected); // the header is kept, the chunks are not
    }
    expect(cache.stats()).toMatchObject({ chunkPassThrough: 20, chunkHits: 0, objects: 0, bytesUsed: 0 });
  });
});

describe('version changes', () => {
  it.each([false, true])('a change found before the first byte restarts the read on the new version (origin honours If-Match: %s)', async (honour) => {
    const { origin, cache } = await started();
    origin.honourIfMatch = honour;
    const v1 = origin.put('bkt', 'big', bytesOf(SIZE, 10));
    const data2 = bytesOf(SIZE, 11);
    let v2: ObjectMeta | undefined;
    origin.onGet = (o) => void (o.range && !v2 && (v2 = origin.put('bkt', 'big', data2)));
    const r = await cache.get({ ref: ref('big') });
    expect(r).toMatchObject({ status: 'ok', meta: { etag: v2!.etag } });
    expect((await bodyOf(r)).equals(data2)).toBe(true);
    const etags = origin.gets.map((g) => (g.options.range ? g.options.ifMatch : 'whole'));
    expect(etags).toEqual(['whole', v1.etag, v1.etag, v1.etag, 'whole', ...upTo(10).map(() => v2!.etag)]);
  });

  it('counts one version change per read that found one (stats.ts: "Chunked reads that found the object changed")', async () => {
    const { origin, cache } = await started();
    origin.put('bkt', 'big', bytesOf(SIZE, 12));
    let changed = false;
    origin.onGet = (o) => void (o.range && !changed && (changed = !!origin.put('bkt', 'big', bytesOf(SIZE, 13))));
    await bodyOf(await cache.get({ ref: ref('big') }));
    expect(cache.stats().versionChanges).toBe(1);
  });

  it.each(upTo(10))('a change when the GET of chunk %i is sent: the new version whole (first window), else CHANGED after the old bytes before it', async (k) => {
    const { origin, cache } = await started();
    const data1 = bytesOf(SIZE, 14);
    const data2 = bytesOf(SIZE, 15);
    origin.put('bkt', 'big', data1);
    let changed = false;
    origin.onGet = (o) => void (o.range?.start === k * CB && !changed && (changed = !!origin.put('bkt', 'big', data2)));
    const { bytes, error } = await drained(await cache.get({ ref: ref('big') }));
    if (k < SMALL.readAhead!) expect({ same: bytes.equals(data2), error }).toEqual({ same: true, error: undefined });
    else {
      expect(error).toBeInstanceOf(CacheError);
      expect((error as CacheError).code).toBe('CHANGED');
      expect(bytes.length).toBe(k * CB); // never a byte of the new version
      expect(bytes.equals(data1.subarray(0, k * CB))).toBe(true);
    }
  });

  it('after a change found mid-read, the next read returns the new version whole', async () => {
    const { origin, cache } = await started();
    origin.put('bkt', 'big', bytesOf(SIZE, 16));
    const data2 = bytesOf(SIZE, 17);
    let changed = false;
    origin.onGet = (o) => void (o.range?.start === 5 * CB && !changed && (changed = !!origin.put('bkt', 'big', data2)));
    expect((await drained(await cache.get({ ref: ref('big') }))).error).toBeInstanceOf(CacheError);
    const { bytes, error } = await drained(await cache.get({ ref: ref('big') }));
    expect({ error, same: bytes.equals(data2) }).toEqual({ error: undefined, same: true });
  });
});

describe('three in-process cachelets', () => {
  let cluster: Cluster | undefined;
  afterEach(async () => {
    await cluster?.stop();
    cluster = undefined;
  });

  it('chunks are owned by several members, and each is read from the origin once across all of them', async () => {
    cluster = await Cluster.start({ ids: ['A', 'B', 'C'], config: SMALL });
    const c = cluster;
    // The fixture's connector predates chunks: route getChunk to the owner's `chunk()`, across a turn of the event loop.
    const connect = c.connector.connect.bind(c.connector);
    c.connector.connect = (member) => ({
      ...connect(member),
      getChunk: async (r, meta, index, chunkBytes) => (await tick(), c.c(member.id).chunk(r, meta, index, chunkBytes)),
    });
    const data = bytesOf(SIZE, 18);
    const meta = c.put('big', data);
    for (const id of ['A', 'B', 'C', 'B']) expect((await c.read(id, 'big')).bytes.equals(data)).toBe(true);
    const ranged = c.origin.gets.flatMap((g) => (g.options.range ? [g.options.range.start] : []));
    expect([...ranged].sort((a, b) => a - b)).toEqual(upTo(10).map((i) => i * CB));
    expect(c.origin.gets.filter((g) => !g.options.range)).toHaveLength(1);
    const owners = upTo(10).map((i) => c.c('A').peering.owner(chunkKey('bkt/big', meta.etag, i)));
    const stats = c.ids.map((id) => c.c(id).stats());
    expect(new Set(owners).size).toBeGreaterThanOrEqual(2);
    expect(stats.map((s) => s.objects)).toEqual(c.ids.map((id) => owners.filter((o) => o === id).length));
    expect(stats.reduce((n, s) => n + s.chunkPeerFetches, 0)).toBeGreaterThan(0);
    expect(stats.reduce((n, s) => n + s.peerErrors, 0)).toBe(0);
  });

  /** Three cachelets whose getChunk reaches the owner's `chunk()` across a turn of the event loop, counting the calls. */
  async function chunkCluster(config: CacheletConfigInput) {
    // Every member's view carries every member's capacity (admission sums them).
    const members = ['A', 'B', 'C'].map((id) => memberOf(id, config.capacityBytes ?? 1 << 20));
    const c = await Cluster.start({ ids: ['A', 'B', 'C'], views: { A: members, B: members, C: members }, config: { ...SMALL, ...config } });
    const connect = c.connector.connect.bind(c.connector);
    const peerChunkCalls: number[] = [];
    c.connector.connect = (member) => ({
      ...connect(member),
      // Like the bulk transfer: into the reader's buffer when it provides one.
      getChunk: async (r, meta, index, chunkBytes, _ctx, alloc) => {
        peerChunkCalls.push(index);
        await tick();
        const chunk = await c.c(member.id).chunk(r, meta, index, chunkBytes);
        if (!alloc) return chunk;
        const into = alloc(chunk.length);
        chunk.copy(into);
        return into;
      },
    });
    /** The chunks of `key` (version `meta`) that A does not own. */
    const peersOf = (meta: ObjectMeta, key: string): number[] => upTo(10).filter((i) => c.c('A').peering.owner(chunkKey(`bkt/${key}`, meta.etag, i)) !== 'A');
    /** Reads `key` through A `times` times, checking the bytes each time. */
    const readThroughA = async (key: string, data: Buffer, times: number): Promise<void> => {
      for (let read = 1; read <= times; read++) expect((await c.read('A', key)).bytes.equals(data)).toBe(true);
    };
    /** Writes `key` (10 chunks of seeded bytes), returns the bytes and the chunks A does not own. */
    const putBig = (key: string, seed: number): { data: Buffer; peerChunks: number[] } => {
      const data = bytesOf(SIZE, seed);
      return { data, peerChunks: peersOf(c.put(key, data), key) };
    };
    cluster = c;
    return { c, peerChunkCalls, readThroughA, putBig };
  }

  it('a chunk of a peer read twice through one cachelet is kept there: later reads take it without a call, byte-identical', async () => {
    const { c, peerChunkCalls, readThroughA, putBig } = await chunkCluster({ replicaShare: 0.5 });
    const { data, peerChunks } = putBig('big', 19);
    expect(peerChunks.length).toBeGreaterThan(0);
    await readThroughA('big', data, 3);
    const a = c.c('A').stats();
    // Reads 1 and 2 fetch every peer chunk from its owner (the second keeps them); read 3 takes none.
    expect(peerChunkCalls).toHaveLength(2 * peerChunks.length);
    expect(a.chunkPeerFetches).toBe(2 * peerChunks.length);
    expect(a.chunkReplicaHits).toBe(peerChunks.length);
    expect(a.replicaObjects).toBe(peerChunks.length);
    // Still one origin read per chunk across the ring.
    expect(c.origin.gets.filter((g) => g.options.range)).toHaveLength(10);
  });

  it('a chunk never evicts another of its own object: a scan larger than the replica room keeps its first chunks, and they hit', async () => {
    // Room for 2 chunk replicas (with their keys and metadata), not 3.
    const { c, readThroughA, putBig } = await chunkCluster({ capacityBytes: 16 * CB, replicaShare: 0.2 });
    const { data, peerChunks } = putBig('big', 20);
    expect(peerChunks.length).toBeGreaterThanOrEqual(3);
    await readThroughA('big', data, 3);
    const a = c.c('A').stats();
    expect(a.replicaObjects).toBe(2);
    expect(a.replicaBytes).toBeLessThanOrEqual(Math.floor(16 * CB * 0.2));
    // Read 3: the two kept chunks are hits; an LRU that let every chunk in would have none left.
    expect(a.chunkReplicaHits).toBe(2);
    expect(a.chunkPeerFetches).toBe(3 * peerChunks.length - 2);
  });

  it('an object no longer read gives its replica room to the next one', async () => {
    const { c, readThroughA, putBig } = await chunkCluster({ capacityBytes: 16 * CB, replicaShare: 0.2 }); // room for 2 chunk replicas
    const { data: x, peerChunks: peersOfX } = putBig('x', 22);
    const { data: y, peerChunks: peersOfY } = putBig('y', 23);
    expect(peersOfX.length).toBeGreaterThanOrEqual(2);
    expect(peersOfY.length).toBeGreaterThanOrEqual(2);
    await readThroughA('x', x, 2);
    expect(c.c('A').stats().replicaObjects).toBe(2); // x's first two peer chunks
    const before = c.c('A').stats();
    await readThroughA('y', y, 3);
    const after = c.c('A').stats();
    expect(after.replicaObjects).toBe(2);
    expect(after.chunkReplicaHits - before.chunkReplicaHits).toBe(2); // y's third read
    expect(after.evictions - before.evictions).toBe(2); // x's replicas made room
    // x's chunks are fetched from their owners again.
    const fetched = after.chunkPeerFetches;
    await readThroughA('x', x, 1);
    expect(c.c('A').stats().chunkPeerFetches - fetched).toBe(peersOfX.length);
  });

  /** Reads `key` through A, keeping every piece as handed out and a copy made before asking for the next. */
  async function piecesThroughA(c: Cluster, key: string, transient: boolean): Promise<{ pieces: Buffer[]; copied: Buffer }> {
    const r = await c.c('A').get({ ref: ref(key), transient });
    if (!('body' in r)) throw new Error(`no body: ${r.status}`);
    expect(r.reusesMemory === true).toBe(transient);
    const pieces: Buffer[] = [];
    const copies: Buffer[] = [];
    for await (const piece of r.body) {
      pieces.push(piece);
      copies.push(Buffer.from(piece));
    }
    return { pieces, copied: Buffer.concat(copies) };
  }

  it('a transient read relays peer chunks through reused buffers; other reads keep theirs, and kept replicas are never reused', async () => {
    // A window of 1: a peer chunk's buffer is free again (written out) by the time the chunk two places on is fetched.
    const { c, putBig } = await chunkCluster({ replicaShare: 0.5, readAhead: 1 });
    const { data, peerChunks } = putBig('big', 24);
    expect(peerChunks.length).toBeGreaterThanOrEqual(3);
    // Read 1, transient: right bytes as they come; fewer buffers than peer chunks behind the pieces (reused once written out).
    const first = await piecesThroughA(c, 'big', true);
    expect(first.copied.equals(data)).toBe(true);
    const behindPeerChunks = new Set(first.pieces.filter((_, i) => peerChunks.includes(Math.floor((i * 256) / CB))).map((p) => p.buffer));
    expect(behindPeerChunks.size).toBeLessThan(peerChunks.length);
    // Read 2, transient too: its peer chunks are kept as replicas here, and so never given back.
    expect((await piecesThroughA(c, 'big', true)).copied.equals(data)).toBe(true);
    expect(c.c('A').stats().replicaObjects).toBe(peerChunks.length);
    // A read that is not transient (an in-process reader keeping what it got) of another object.
    const { data: other } = putBig('other', 25);
    const kept = await piecesThroughA(c, 'other', false);
    // A third object relayed through the reused buffers meanwhile touches neither that read's pieces nor the replicas.
    const { data: third } = putBig('third', 26);
    expect((await piecesThroughA(c, 'third', true)).copied.equals(third)).toBe(true);
    expect(Buffer.concat(kept.pieces).equals(other)).toBe(true);
    const again = await piecesThroughA(c, 'big', true);
    expect(Buffer.concat(again.pieces).equals(data)).toBe(true); // A's own chunks and its replicas: nothing relayed
  });

  it('an object larger than the ring keeps no replica either', async () => {
    // 3 members of 3 KiB: 9 KiB in all, less than the 10 KiB object; yet room for a chunk replica in each.
    const { c, readThroughA, putBig } = await chunkCluster({ capacityBytes: 3 * CB, replicaShare: 0.5 });
    const { data } = putBig('big', 21);
    await readThroughA('big', data, 3);
    expect(c.c('A').stats()).toMatchObject({ chunkReplicaHits: 0, replicaObjects: 0 });
  });
});
