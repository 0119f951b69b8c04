/** The pool of relay buffers: reuse of its own buffers only, bounded, of one size. */
import { describe, expect, it } from '@jest/globals';
import { ChunkPool } from '@faast/core';

describe('ChunkPool', () => {
  it('hands a buffer given back out again, instead of allocating', () => {
    const pool = new ChunkPool(1024, 2);
    const a = pool.take(1024);
    pool.give(a);
    expect(pool.size).toBe(1);
    expect(pool.take(1024)).toBe(a);
    expect(pool.size).toBe(0);
    expect(pool.take(1024)).not.toBe(a); // none idle: a new one
  });

  it('keeps at most maxIdle buffers, and the same one once', () => {
    const pool = new ChunkPool(64, 2);
    const bufs = [pool.take(64), pool.take(64), pool.take(64)];
    pool.give(bufs[0]!);
    pool.give(bufs[0]!);
    expect(pool.size).toBe(1);
    for (const b of bufs) pool.give(b);
    expect(pool.size).toBe(2);
  });

  it('never takes in a buffer it did not hand out, nor one of another size', () => {
    const pool = new ChunkPool(64, 4);
    const foreign = Buffer.alloc(64);
    pool.give(foreign); // someone else's: it may still be in use
    const small = pool.take(10); // the last chunk of an object is shorter
    expect(small).toHaveLength(10);
    pool.give(small);
    expect(pool.size).toBe(0);
    expect(pool.take(64)).not.toBe(foreign);
  });
});
