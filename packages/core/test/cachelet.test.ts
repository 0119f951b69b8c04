/**
 * The cachelet's read path against a fake of the Origin port: hits and misses, single flight,
 * admission, eviction, ranges, conditions, HEAD. Writes and faults: cachelet-writes.test.ts.
 */
import { describe, expect, it } from '@jest/globals';
import { Cachelet, CacheError, entrySize, type CacheletConfigInput, type ObjectRef, type ReadResult } from '@faast/core';
import { bytesOf, FakeOrigin, ManualClock, readAll, seeded } from './fake-origin';

const ref = (key: string): ObjectRef => ({ bucket: 'bkt', key });

function setup(config: CacheletConfigInput = {}) {
  const clock = new ManualClock();
  const origin = new FakeOrigin(clock);
  const cache = new Cachelet({ origin, clock, capacityBytes: 1 << 20, ...config });
  return { clock, origin, cache };
}

async function bodyOf(result: ReadResult): Promise<Buffer> {
  if (!('body' in result)) throw new Error(`no body: ${result.status}`);
  return readAll(result.body);
}

/** Lets a fill that has delivered its last byte reach the store. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Fails the test instead of hanging when `p` does not settle in time. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms} ms`)), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

describe('Cachelet reads', () => {
  it('reads a miss from the origin, then serves it from memory', async () => {
    const { origin, cache } = setup();
    const data = bytesOf(5000, 1);
    const meta = origin.put('bkt', 'a', data);

    const first = await cache.get({ ref: ref('a') });
    expect(first).toMatchObject({ status: 'ok', source: 'miss', contentLength: 5000, meta });
    expect((await bodyOf(first)).equals(data)).toBe(true);
    await settle();
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 1, originRequests: 1, bytesFromOrigin: 5000, bytesServed: 5000, objects: 1 });

    const second = await cache.get({ ref: ref('a') });
    expect(second).toMatchObject({ status: 'ok', source: 'hit', meta });
    expect((await bodyOf(second)).equals(data)).toBe(true);
    expect(origin.gets).toHaveLength(1);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, originRequests: 1, bytesFromOrigin: 5000, bytesServed: 10000 });
  });

  it('serves a hit in messages of at most streamChunkBytes', async () => {
    const { origin, cache } = setup({ streamChunkBytes: 300 });
    const data = bytesOf(1000, 2);
    origin.put('bkt', 'a', data);
    await bodyOf(await cache.get({ ref: ref('a') }));
    await settle();
    const hit = await cache.get({ ref: ref('a') });
    if (!('body' in hit)) throw new Error(hit.status);
    const chunks: Buffer[] = [];
    for await (const c of hit.body) chunks.push(c);
    expect(chunks.map((c) => c.length)).toEqual([300, 300, 300, 100]);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
  });

  it.each([
    ['in one piece', Number.POSITIVE_INFINITY, 0],
    ['in many small delayed chunks', 97, 1],
  ])('20 concurrent misses share one origin read (body %s)', async (_how, chunkBytes, delayMs) => {
    const { origin, cache } = setup();
    origin.chunkBytes = chunkBytes;
    origin.chunkDelayMs = delayMs;
    const data = bytesOf(6000, 3);
    origin.put('bkt', 'a', data);

    const results = await Promise.all(Array.from({ length: 20 }, () => cache.get({ ref: ref('a') })));
    const bodies = await Promise.all(results.map(bodyOf));
    expect(origin.gets).toHaveLength(1);
    for (const body of bodies) expect(body.equals(data)).toBe(true);
    expect(cache.stats()).toMatchObject({ misses: 20, coalesced: 19, originRequests: 1, bytesFromOrigin: 6000, bytesServed: 20 * 6000 });
    await settle();
    expect((await cache.get({ ref: ref('a') })).source).toBe('hit');
  });

  it('readers of a shared fill get bytes while the rest is still arriving', async () => {
    const { origin, cache } = setup();
    origin.chunkBytes = 256;
    const data = bytesOf(4096, 4);
    origin.put('bkt', 'a', data);
    const release = origin.holdNextBody(1024);

    const results = await Promise.all(Array.from({ length: 20 }, () => cache.get({ ref: ref('a') })));
    const firsts = await within(
      Promise.all(results.map((r) => ('body' in r ? r.body.next() : Promise.reject(new Error(r.status))))),
      2000,
      'first bytes while the origin holds the rest',
    );
    expect(cache.stats().bytesFromOrigin).toBe(1024);
    for (const first of firsts) {
      expect(first.done).toBe(false);
      const bytes = first.value as Buffer;
      expect(bytes.length).toBeGreaterThan(0);
      expect(bytes.equals(data.subarray(0, bytes.length))).toBe(true);
    }

    release();
    const rests = await Promise.all(results.map(bodyOf));
    rests.forEach((rest, i) => expect(Buffer.concat([firsts[i]!.value as Buffer, rest]).equals(data)).toBe(true));
    expect(origin.gets).toHaveLength(1);
  });

  it('answers not-found without storing anything', async () => {
    const { origin, cache } = setup();
    expect(await cache.get({ ref: ref('missing') })).toEqual({ status: 'not-found', source: 'miss' });
    expect(await cache.get({ ref: ref('missing') })).toEqual({ status: 'not-found', source: 'miss' });
    expect(origin.gets).toHaveLength(2);
    expect(cache.stats()).toMatchObject({ notFound: 2, objects: 0 });
  });
});

describe('Cachelet admission limit', () => {
  const big = bytesOf(4000, 5);

  function bigSetup() {
    const s = setup({ capacityBytes: 64 * 1024, maxObjectBytes: 1000 });
    s.origin.put('bkt', 'big', big);
    return s;
  }

  it('streams an object over maxObjectBytes through without storing it', async () => {
    const { origin, cache } = bigSetup();
    for (let i = 1; i <= 2; i++) {
      const r = await cache.get({ ref: ref('big') });
      expect(r).toMatchObject({ status: 'ok', source: 'pass-through', contentLength: 4000 });
      expect((await bodyOf(r)).equals(big)).toBe(true);
      await settle();
      expect(origin.gets).toHaveLength(i);
      expect(cache.stats()).toMatchObject({ passThrough: i, hits: 0, objects: 0, bytesServed: i * 4000 });
    }
    expect(origin.streams.every((s) => s.destroyed)).toBe(true);
  });

  it.each([true, false])('asks the origin for an explicit first-last range (origin honours ranges: %p)', async (honour) => {
    const { origin, cache } = bigSetup();
    origin.honourRanges = honour;
    const cases: [string, number, number][] = [
      ['bytes=-100', 3900, 3999],
      ['bytes=10-19', 10, 19],
      ['bytes=3990-', 3990, 3999],
      ['bytes=3000-9999', 3000, 3999],
    ];
    for (const [range, start, end] of cases) {
      const r = await cache.get({ ref: ref('big'), range });
      expect(r).toMatchObject({ status: 'partial-content', range: { start, end }, contentLength: end - start + 1 });
      expect((await bodyOf(r)).equals(big.subarray(start, end + 1))).toBe(true);
      expect(origin.gets.at(-1)!.options.range).toEqual({ start, end });
    }
    expect(origin.streams.every((s) => s.destroyed)).toBe(true);
  });
});

describe('Cachelet capacity', () => {
  it('evicts by bytes, least recently used first, when many objects are read', async () => {
    const capacityBytes = 20_000;
    const { origin, cache } = setup({ capacityBytes, maxObjectBytes: 2000 });
    const n = 50;
    const metas = Array.from({ length: n }, (_, i) => origin.put('bkt', `obj-${String(i).padStart(2, '0')}`, bytesOf(1000, 100 + i)));
    for (let i = 0; i < n; i++) {
      await bodyOf(await cache.get({ ref: ref(`obj-${String(i).padStart(2, '0')}`) }));
      await settle();
      expect(cache.stats().bytesUsed).toBeLessThanOrEqual(capacityBytes);
    }
    const perEntry = entrySize('bkt/obj-00', { meta: metas[0]!, body: Buffer.alloc(1000), storedAtMs: 0 });
    const fit = Math.floor(capacityBytes / perEntry);
    expect(cache.stats()).toMatchObject({ objects: fit, bytesUsed: fit * perEntry, evictions: n - fit });
    expect((await cache.get({ ref: ref(`obj-${n - 1}`) })).source).toBe('hit');
    expect((await cache.get({ ref: ref(`obj-${String(n - fit).padStart(2, '0')}`) })).source).toBe('hit');
    expect((await cache.get({ ref: ref('obj-00') })).source).toBe('miss');
  });

  it('never holds more than capacityBytes after many inserts of varied sizes', async () => {
    const capacityBytes = 30_000;
    const { origin, cache } = setup({ capacityBytes, maxObjectBytes: 3000 });
    const rand = seeded(42);
    for (let i = 0; i < 300; i++) {
      const data = bytesOf(Math.floor(rand() * 3000), i);
      origin.put('bkt', `k${i}`, data);
      expect((await bodyOf(await cache.get({ ref: ref(`k${i}`) }))).equals(data)).toBe(true);
      await settle();
      expect(cache.stats().bytesUsed).toBeLessThanOrEqual(capacityBytes);
    }
    expect(cache.stats().objects).toBeGreaterThan(1);
    expect(cache.stats().evictions).toBeGreaterThan(0);
  });
});

describe('Cachelet ranges and conditions', () => {
  const data = bytesOf(5000, 6);

  it.each(['miss', 'hit'])('answers 206 with the range bounds on a %s', async (source) => {
    const { origin, cache } = setup({ streamChunkBytes: 64 });
    origin.chunkBytes = 700;
    origin.put('bkt', 'a', data);
    if (source === 'hit') {
      await bodyOf(await cache.get({ ref: ref('a') }));
      await settle();
    }
    for (const [range, start, end] of [
      ['bytes=100-1499', 100, 1499],
      ['bytes=-10', 4990, 4999],
      ['bytes=4999-', 4999, 4999],
    ] as const) {
      const r = await cache.get({ ref: ref('a'), range });
      expect(r).toMatchObject({ status: 'partial-content', source, range: { start, end }, contentLength: end - start + 1 });
      expect((await bodyOf(r)).equals(data.subarray(start, end + 1))).toBe(true);
    }
  });

  it('answers 416 for a range past the end', async () => {
    const { origin, cache } = setup();
    const meta = origin.put('bkt', 'a', data);
    expect(await cache.get({ ref: ref('a'), range: 'bytes=5000-' })).toEqual({ status: 'range-not-satisfiable', meta, source: 'miss' });
    await settle();
    expect(await cache.get({ ref: ref('a'), range: 'bytes=-0' })).toEqual({ status: 'range-not-satisfiable', meta, source: 'hit' });
  });

  it('answers 304 and 412 from the current version', async () => {
    const { origin, cache, clock } = setup();
    const meta = origin.put('bkt', 'a', data);
    expect(await cache.get({ ref: ref('a'), conditions: { ifNoneMatch: meta.etag } })).toMatchObject({ status: 'not-modified', meta });
    await settle();
    expect(await cache.get({ ref: ref('a'), conditions: { ifMatch: '"stale"' } })).toMatchObject({ status: 'precondition-failed', source: 'hit' });
    expect((await cache.get({ ref: ref('a'), conditions: { ifModifiedSinceMs: clock.now() } })).status).toBe('not-modified');
    expect((await cache.get({ ref: ref('a'), conditions: { ifModifiedSinceMs: clock.now() - 1000 } })).status).toBe('ok');
    expect((await cache.get({ ref: ref('a'), conditions: { ifUnmodifiedSinceMs: clock.now() - 1000 } })).status).toBe('precondition-failed');
    // Preconditions come before the range (RFC 9110 §13.2.2).
    expect((await cache.get({ ref: ref('a'), range: 'bytes=9000-', conditions: { ifMatch: '"stale"' } })).status).toBe('precondition-failed');
    expect(cache.stats().bytesServed).toBe(0);
  });

  it('refuses a malformed range as INVALID_ARGUMENT without asking the origin', async () => {
    const { origin, cache } = setup();
    origin.put('bkt', 'a', data);
    const err = await cache.get({ ref: ref('a'), range: 'bytes=0-1,5-6' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CacheError);
    expect(err).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('bytes=0-1,5-6') });
    expect(origin.gets).toHaveLength(0);
    expect(cache.stats().badRequests).toBe(1);
  });
});

describe('Cachelet head', () => {
  it('answers from the store without asking the origin', async () => {
    const { origin, cache } = setup();
    const meta = origin.put('bkt', 'a', 'hello');
    await bodyOf(await cache.get({ ref: ref('a') }));
    await settle();
    expect(await cache.head(ref('a'))).toEqual({ status: 'ok', meta, source: 'hit' });
    expect(await cache.head(ref('a'), { ifNoneMatch: meta.etag })).toEqual({ status: 'not-modified', meta, source: 'hit' });
    expect(origin.heads).toBe(0);
    expect(cache.stats()).toMatchObject({ heads: 2, originRequests: 1 });
  });

  it('asks the origin once for concurrent HEADs of an object it does not hold', async () => {
    const { origin, cache } = setup();
    const meta = origin.put('bkt', 'a', 'hello');
    const answers = await Promise.all(Array.from({ length: 5 }, () => cache.head(ref('a'))));
    for (const a of answers) expect(a).toEqual({ status: 'ok', meta, source: 'miss' });
    expect(origin.heads).toBe(1);
    expect(await cache.head(ref('a'), { ifMatch: '"other"' })).toEqual({ status: 'precondition-failed', meta, source: 'miss' });
    expect(await cache.head(ref('nope'))).toEqual({ status: 'not-found', source: 'miss' });
    expect(cache.stats()).toMatchObject({ heads: 7, originRequests: 3, notFound: 1, objects: 0 });
  });
});
