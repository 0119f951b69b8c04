import { describe, expect, it } from '@jest/globals';
import { NearCache, nearKey } from '../src/near-cache';

function cache(options: Partial<ConstructorParameters<typeof NearCache>[0]> = {}) {
  let now = 1_000;
  const near = new NearCache<string>({ maxBytes: 1000, maxObjectBytes: 100, maxAgeMs: 5_000, now: () => now, ...options });
  near.restored();
  return { near, advance: (ms: number) => (now += ms) };
}

const body = (n: number) => Buffer.alloc(n, 7);

describe('NearCache', () => {
  it('keeps what a read ended with, and serves it', () => {
    const { near } = cache();
    const read = near.begin('b/k');
    near.end('b/k', read, { body: body(10), meta: 'v1' });
    expect(near.get('b/k')).toMatchObject({ meta: 'v1' });
    expect(near.counters.hits).toBe(1);
  });

  it('an invalidation during a read keeps that read out', () => {
    const { near } = cache();
    const read = near.begin('b/k');
    near.invalidated([{ bucket: 'b', key: 'k' }]);
    near.end('b/k', read, { body: body(10), meta: 'old' });
    expect(near.get('b/k')).toBeUndefined();
    // The next read, begun after the invalidation, is kept.
    const next = near.begin('b/k');
    near.end('b/k', next, { body: body(10), meta: 'new' });
    expect(near.get('b/k')?.meta).toBe('new');
  });

  it('an invalidation of another key does not', () => {
    const { near } = cache();
    const read = near.begin('b/k');
    near.invalidated([{ bucket: 'b', key: 'other' }]);
    near.end('b/k', read, { body: body(10), meta: 'v1' });
    expect(near.get('b/k')?.meta).toBe('v1');
  });

  it('drops an entry on invalidation', () => {
    const { near } = cache();
    near.end('b/k', near.begin('b/k'), { body: body(10), meta: 'v1' });
    near.invalidated([{ bucket: 'b', key: 'k' }]);
    expect(near.get('b/k')).toBeUndefined();
    expect(near.counters.invalidations).toBe(1);
  });

  it('a lost channel empties it, voids reads in flight, and holds nothing until restored', () => {
    const { near } = cache();
    near.end('b/a', near.begin('b/a'), { body: body(10), meta: 'v1' });
    const inflight = near.begin('b/b');
    near.lost();
    expect(near.get('b/a')).toBeUndefined();
    expect(near.active).toBe(false);
    near.end('b/b', inflight, { body: body(10), meta: 'v1' });
    expect(near.get('b/b')).toBeUndefined();
    near.end('b/c', near.begin('b/c'), { body: body(10), meta: 'v1' });
    expect(near.get('b/c')).toBeUndefined();
    near.restored();
    near.end('b/c', near.begin('b/c'), { body: body(10), meta: 'v1' });
    expect(near.get('b/c')?.meta).toBe('v1');
  });

  it('a read that began before the channel was restored is not kept', () => {
    const { near } = cache();
    near.lost();
    const read = near.begin('b/k');
    near.restored();
    near.end('b/k', read, { body: body(10), meta: 'v1' });
    expect(near.get('b/k')).toBeUndefined();
  });

  it('entries expire after the maximum age', () => {
    const { near, advance } = cache({ stallMs: Infinity });
    near.end('b/k', near.begin('b/k'), { body: body(10), meta: 'v1' });
    advance(5_000);
    expect(near.get('b/k')).toBeDefined();
    advance(1);
    expect(near.get('b/k')).toBeUndefined();
    expect(near.counters.expired).toBe(1);
  });

  it('is bounded in bytes (least recently used first) and refuses objects over the limit', () => {
    const { near } = cache({ maxBytes: 250 });
    for (const k of ['a', 'b']) near.end(`b/${k}`, near.begin(`b/${k}`), { body: body(100), meta: k });
    near.get('b/a'); // a is now the most recently used
    near.end('b/c', near.begin('b/c'), { body: body(100), meta: 'c' });
    expect(near.get('b/b')).toBeUndefined();
    expect(near.get('b/a')?.meta).toBe('a');
    expect(near.bytes).toBeLessThanOrEqual(250);
    near.end('b/big', near.begin('b/big'), { body: body(101), meta: 'big' });
    expect(near.get('b/big')).toBeUndefined();
  });

  it('an empty object is held too', () => {
    const { near } = cache();
    near.end('b/e', near.begin('b/e'), { body: body(0), meta: 'empty' });
    expect(near.get('b/e')?.body.length).toBe(0);
  });

  it('names objects bucket/key', () => {
    expect(nearKey('b', 'dir/k')).toBe('b/dir/k');
  });
});

describe('NearCache stalls', () => {
  it('a lookup after a pause longer than stallMs finds nothing (invalidations may be unread)', () => {
    const { near, advance } = cache({ stallMs: 150 });
    near.end('b/k', near.begin('b/k'), { body: body(10), meta: 'v1' });
    advance(100);
    expect(near.get('b/k')).toBeDefined();
    advance(151);
    expect(near.get('b/k')).toBeUndefined();
    expect(near.counters.stalls).toBe(1);
    near.close();
  });
});
