/**
 * The cachelet against writes and faults: write notices (also during a fill in flight),
 * invalidation, origin failures, short bodies, request limits, counters and clock.
 */
import { describe, expect, it } from '@jest/globals';
import { Cachelet, CacheError, type CacheletConfigInput, type ObjectRef, type ReadResult } from '@faast/core';
import { bytesOf, FakeOrigin, ManualClock, readAll } from './fake-origin';

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

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reads `key` whole and waits until the fill, if any, has reached the store. */
async function read(cache: Cachelet, key: string): Promise<{ source: string; bytes: Buffer; lastModifiedMs: number | undefined }> {
  const r = await cache.get({ ref: ref(key) });
  const bytes = await bodyOf(r);
  await settle();
  return { source: r.source, bytes, lastModifiedMs: 'meta' in r ? r.meta.lastModifiedMs : undefined };
}

async function rejection(p: Promise<unknown>): Promise<CacheError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CacheError);
  return err as CacheError;
}

describe('Cachelet write notices', () => {
  const v1 = bytesOf(3000, 11);
  const v2 = bytesOf(3000, 12);

  it('a write with another ETag drops the stored copy: the next read goes to the origin', async () => {
    const { origin, cache } = setup();
    origin.put('bkt', 'a', v1);
    await read(cache, 'a');
    const meta2 = origin.put('bkt', 'a', v2);
    cache.notifyWrite(ref('a'), meta2.etag);
    expect(cache.stats()).toMatchObject({ invalidations: 1, objects: 0 });
    const after = await read(cache, 'a');
    expect(after.source).toBe('miss');
    expect(after.bytes.equals(v2)).toBe(true);
    expect(origin.gets).toHaveLength(2);
  });

  it('a write of the same bytes (same ETag) drops the copy: its Last-Modified moved', async () => {
    const { clock, origin, cache } = setup();
    const meta = origin.put('bkt', 'a', v1);
    await read(cache, 'a');
    clock.advance(5_000);
    const rewritten = origin.put('bkt', 'a', v1);
    expect(rewritten.etag).toBe(meta.etag);
    cache.notifyWrite(ref('a'), rewritten.etag);
    const after = await read(cache, 'a');
    expect(after.source).toBe('miss');
    expect(after.bytes.equals(v1)).toBe(true);
    expect(after.lastModifiedMs).toBe(rewritten.lastModifiedMs);
    expect(cache.stats().invalidations).toBe(1);
  });

  it('a write during a fill in flight keeps the old bytes out of the store', async () => {
    const { origin, cache } = setup();
    origin.chunkBytes = 500;
    origin.put('bkt', 'a', v1);
    const release = origin.holdNextBody(1000);
    const early = await cache.get({ ref: ref('a') });
    const meta2 = origin.put('bkt', 'a', v2);
    cache.notifyWrite(ref('a'), meta2.etag);
    release();
    // A reader already waiting may finish with the version it started on.
    expect((await bodyOf(early)).equals(v1)).toBe(true);
    await settle();
    expect(cache.stats().objects).toBe(0);
    const next = await read(cache, 'a');
    expect(next.source).toBe('miss');
    expect(next.bytes.equals(v2)).toBe(true);
    expect(origin.gets).toHaveLength(2);
  });

  it('a reader that starts after the notice reads the origin afresh (read-after-write)', async () => {
    const { origin, cache } = setup();
    origin.chunkBytes = 500;
    origin.put('bkt', 'a', v1);
    const release = origin.holdNextBody(1000);
    const early = await cache.get({ ref: ref('a') });
    const meta2 = origin.put('bkt', 'a', v2);
    cache.notifyWrite(ref('a'), meta2.etag);

    const late = await cache.get({ ref: ref('a') });
    expect(origin.gets).toHaveLength(2);
    expect(late.status === 'ok' && late.meta.etag).toBe(meta2.etag);
    expect((await bodyOf(late)).equals(v2)).toBe(true);
    await settle();

    // The old fill completes last; it must not overwrite the new version.
    release();
    expect((await bodyOf(early)).equals(v1)).toBe(true);
    await settle();
    const after = await read(cache, 'a');
    expect(after.source).toBe('hit');
    expect(after.bytes.equals(v2)).toBe(true);
    expect(cache.stats().coalesced).toBe(0);
  });

  it('invalidate drops the objects it holds and returns how many', async () => {
    const { origin, cache } = setup();
    origin.put('bkt', 'a', v1);
    origin.put('bkt', 'b', v2);
    await read(cache, 'a');
    await read(cache, 'b');
    expect(await cache.invalidate([ref('a'), ref('b'), ref('never-read')])).toBe(2);
    expect(await cache.invalidate([ref('a')])).toBe(0);
    expect(cache.stats()).toMatchObject({ invalidations: 2, objects: 0, bytesUsed: 0 });
    expect((await read(cache, 'a')).source).toBe('miss');
    expect(origin.gets).toHaveLength(3);
  });

  it('invalidate during a fill in flight keeps the fill out of the store', async () => {
    const { origin, cache } = setup();
    origin.chunkBytes = 500;
    origin.put('bkt', 'a', v1);
    const release = origin.holdNextBody(500);
    const early = await cache.get({ ref: ref('a') });
    expect(await cache.invalidate([ref('a')])).toBe(0);
    release();
    await bodyOf(early);
    await settle();
    expect(cache.stats().objects).toBe(0);
  });
});

describe('Cachelet origin faults', () => {
  it('rejects with ORIGIN when the origin fails, counts it, and retries on the next read', async () => {
    const { origin, cache } = setup();
    const data = bytesOf(2000, 21);
    origin.put('bkt', 'a', data);
    const failure = new Error('connection reset');
    origin.failure = failure;
    const errors = await Promise.all(Array.from({ length: 5 }, () => rejection(cache.get({ ref: ref('a') }))));
    for (const err of errors) {
      expect(err.code).toBe('ORIGIN');
      expect(err.cause).toBe(failure);
      expect(err.message).toContain('bkt/a');
    }
    expect(cache.stats()).toMatchObject({ originErrors: 1, originRequests: 1, coalesced: 4 });

    origin.failure = undefined;
    const r = await read(cache, 'a');
    expect(r.bytes.equals(data)).toBe(true);
    expect(origin.gets).toHaveLength(2);
  });

  it('rejects a HEAD with ORIGIN when the origin fails', async () => {
    const { origin, cache } = setup();
    origin.failure = new Error('503 slow down');
    const err = await rejection(cache.head(ref('a')));
    expect(err.code).toBe('ORIGIN');
    expect(err.cause).toBe(origin.failure);
    expect(cache.stats().originErrors).toBe(1);
  });

  // originErrors documents "origin requests that failed"; concurrent HEADs share one request.
  it('counts one origin error for concurrent HEADs that shared one failed request', async () => {
    const { origin, cache } = setup();
    origin.failure = new Error('503 slow down');
    await Promise.all(Array.from({ length: 5 }, () => rejection(cache.head(ref('a')))));
    expect(origin.heads).toBe(1);
    expect(cache.stats()).toMatchObject({ originRequests: 1, originErrors: 1 });
  });

  it('a body that ends early errors every reader and is not stored', async () => {
    const { origin, cache } = setup();
    const data = bytesOf(5000, 22);
    origin.put('bkt', 'a', data);
    origin.chunkBytes = 1000;
    origin.truncateBodiesTo = 3000;
    const results = await Promise.all(Array.from({ length: 3 }, () => cache.get({ ref: ref('a') })));
    for (const r of results) await expect(bodyOf(r)).rejects.toThrow(/3000 of 5000/);
    await settle();
    expect(cache.stats()).toMatchObject({ objects: 0, originErrors: 1 });

    origin.truncateBodiesTo = undefined;
    const again = await read(cache, 'a');
    expect(again.source).toBe('miss');
    expect(again.bytes.equals(data)).toBe(true);
  });

  it('a ranged reader whose bytes all arrived before the body broke still gets them', async () => {
    const { origin, cache } = setup();
    const data = bytesOf(5000, 23);
    origin.put('bkt', 'a', data);
    origin.chunkBytes = 1000;
    origin.truncateBodiesTo = 3000;
    const r = await cache.get({ ref: ref('a'), range: 'bytes=0-1999' });
    expect((await bodyOf(r)).equals(data.subarray(0, 2000))).toBe(true);
  });

  it('a pass-through body that ends early errors the reader', async () => {
    const { origin, cache } = setup({ capacityBytes: 64 * 1024, maxObjectBytes: 1000 });
    origin.put('bkt', 'big', bytesOf(4000, 24));
    origin.truncateBodiesTo = 3000;
    const r = await cache.get({ ref: ref('big') });
    expect(r).toMatchObject({ status: 'ok', source: 'pass-through', contentLength: 4000 });
    await expect(bodyOf(r)).rejects.toThrow();
  });

  it('a pass-through body abandoned before its first byte releases the origin stream', async () => {
    const { origin, cache } = setup({ capacityBytes: 64 * 1024, maxObjectBytes: 1000 });
    origin.put('bkt', 'big', bytesOf(4000, 25));
    const r = await cache.get({ ref: ref('big') });
    if (!('body' in r)) throw new Error(r.status);
    await r.body.return(undefined);
    await settle();
    expect(origin.streams.length).toBeGreaterThan(0);
    expect(origin.streams.every((s) => s.destroyed)).toBe(true);
  });
});

describe('Cachelet request limits', () => {
  it.each<[string, ObjectRef]>([
    ['an empty bucket', { bucket: '', key: 'a' }],
    ['an empty key', { bucket: 'bkt', key: '' }],
    ['a key over maxKeyBytes', { bucket: 'bkt', key: 'x'.repeat(17) }],
    ['a key over maxKeyBytes in UTF-8 bytes', { bucket: 'bkt', key: 'é'.repeat(9) }],
    ['a bucket with a slash', { bucket: 'a/b', key: 'k' }],
  ])('refuses %s as INVALID_ARGUMENT and counts it', async (_what, bad) => {
    const { origin, cache } = setup({ maxKeyBytes: 16 });
    expect((await rejection(cache.get({ ref: bad }))).code).toBe('INVALID_ARGUMENT');
    expect((await rejection(cache.head(bad))).code).toBe('INVALID_ARGUMENT');
    await expect(cache.notifyWrite(bad, '"e"')).rejects.toThrow(CacheError);
    expect(cache.stats().badRequests).toBe(3);
    expect(origin.gets).toHaveLength(0);
    expect(origin.heads).toBe(0);
  });

  it('accepts a key of exactly maxKeyBytes and names the limit when over it', async () => {
    const { origin, cache } = setup({ maxKeyBytes: 16 });
    origin.put('bkt', 'x'.repeat(16), 'ok');
    expect((await read(cache, 'x'.repeat(16))).bytes.toString()).toBe('ok');
    const err = await rejection(cache.get({ ref: ref('x'.repeat(17)) }));
    expect(err.message).toContain('maxKeyBytes');
    expect(err.message).toContain('17');
  });
});

describe('Cachelet stats', () => {
  it('reports gauges, configuration and uptime from the injected clock', async () => {
    const { origin, cache, clock } = setup({ app: 'photos', capacityBytes: 100_000, maxObjectBytes: 5000 });
    origin.put('bkt', 'a', bytesOf(1000, 31));
    await read(cache, 'a');
    clock.advance(90_000);
    const s = cache.stats();
    expect(s).toMatchObject({ app: 'photos', origin: origin.id, objects: 1, capacityBytes: 100_000, maxObjectBytes: 5000, uptimeSeconds: 90 });
    expect(s.bytesUsed).toBeGreaterThan(1000);
    cache.clear();
    expect(cache.stats()).toMatchObject({ objects: 0, bytesUsed: 0 });
  });
});
