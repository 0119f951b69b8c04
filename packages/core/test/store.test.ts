import { describe, expect, it } from '@jest/globals';
import { entrySize, MemoryStore, type ObjectMeta, type RemovalReason, type StoredObject } from '@faast/core';

function obj(bodyBytes: number, meta: Partial<ObjectMeta> = {}, fill = 0x61): StoredObject {
  return {
    meta: { etag: '"e"', size: bodyBytes, lastModifiedMs: 0, contentType: '', userMetadata: {}, headers: {}, ...meta },
    body: Buffer.alloc(bodyBytes, fill),
    storedAtMs: 0,
  };
}

/** A store that records every removal. */
function recordingStore(capacityBytes: number) {
  const removed: { key: string; reason: RemovalReason }[] = [];
  const store = new MemoryStore({ capacityBytes, onRemove: (key, _obj, reason) => removed.push({ key, reason }) });
  return { store, removed };
}

describe('entrySize', () => {
  const base = entrySize('k', obj(100));

  it('counts the body, the key, and a fixed overhead', () => {
    const overhead = base - 100 - 1 - '"e"'.length;
    expect(overhead).toBeGreaterThan(0);
    expect(entrySize('k', obj(1100))).toBe(base + 1000);
    expect(entrySize('k'.repeat(11), obj(100))).toBe(base + 10);
    expect(entrySize('k', obj(0))).toBe(base - 100);
  });

  it('counts the key in UTF-8 bytes', () => {
    expect(entrySize('é', obj(100))).toBe(base + 1);
    expect(entrySize('😀', obj(100))).toBe(base + 3);
  });

  it('counts every piece of metadata', () => {
    expect(entrySize('k', obj(100, { etag: '"e12345"' }))).toBe(base + 5);
    expect(entrySize('k', obj(100, { contentType: 'image/png' }))).toBe(base + 9);
    expect(entrySize('k', obj(100, { userMetadata: { owner: 'ann', tag: 'x' } }))).toBe(base + 5 + 3 + 3 + 1);
    expect(entrySize('k', obj(100, { headers: { 'cache-control': 'no-cache' } }))).toBe(base + 13 + 8);
  });
});

describe('MemoryStore accounting', () => {
  it('bytesUsed is the sum of the entries’ sizes', () => {
    const store = new MemoryStore({ capacityBytes: 1_000_000 });
    const entries: [string, StoredObject][] = [
      ['a', obj(10)],
      ['bb', obj(200, { contentType: 'text/plain', userMetadata: { k: 'v' } })],
      ['ccc', obj(3000, { headers: { expires: '0' } })],
    ];
    let sum = 0;
    for (const [key, o] of entries) {
      expect(store.set(key, o)).toBe(true);
      sum += entrySize(key, o);
      expect(store.bytesUsed).toBe(sum);
    }
    expect(store.objects).toBe(3);
    store.delete('bb');
    expect(store.bytesUsed).toBe(sum - entrySize('bb', entries[1]![1]));
    store.clear();
    expect(store.bytesUsed).toBe(0);
    expect(store.objects).toBe(0);
  });

  it('replacing an entry accounts only the new version', () => {
    const { store, removed } = recordingStore(1_000_000);
    store.set('k', obj(500));
    store.set('k', obj(50));
    expect(store.bytesUsed).toBe(entrySize('k', obj(50)));
    expect(removed).toEqual([{ key: 'k', reason: 'set' }]);
  });
});

describe('MemoryStore eviction', () => {
  const size = entrySize('a', obj(1000));

  it('evicts by bytes, least recently used first', () => {
    const { store, removed } = recordingStore(3 * size);
    for (const k of ['a', 'b', 'c']) store.set(k, obj(1000));
    expect(store.objects).toBe(3);
    store.set('d', obj(1000));
    expect([...store.keys()].sort()).toEqual(['b', 'c', 'd']);
    expect(removed).toEqual([{ key: 'a', reason: 'evict' }]);
  });

  it('evicts as many entries as the bytes of a big newcomer require', () => {
    const { store, removed } = recordingStore(3 * size);
    for (const k of ['a', 'b', 'c']) store.set(k, obj(1000));
    store.set('big', obj(2 * size - 200));
    expect(removed.map((r) => r.key)).toEqual(['a', 'b']);
    expect(store.bytesUsed).toBeLessThanOrEqual(store.capacityBytes);
  });

  it('get refreshes recency', () => {
    const { store, removed } = recordingStore(3 * size);
    for (const k of ['a', 'b', 'c']) store.set(k, obj(1000));
    expect(store.get('a')).toBeDefined();
    store.set('d', obj(1000));
    expect(removed).toEqual([{ key: 'b', reason: 'evict' }]);
    expect(store.peek('a')).toBeDefined();
  });

  it('peek does not refresh recency', () => {
    const { store, removed } = recordingStore(3 * size);
    for (const k of ['a', 'b', 'c']) store.set(k, obj(1000));
    expect(store.peek('a')).toBeDefined();
    store.set('d', obj(1000));
    expect(removed).toEqual([{ key: 'a', reason: 'evict' }]);
    expect(store.peek('a')).toBeUndefined();
  });

  it('refuses an entry larger than the whole store and keeps what it holds', () => {
    const { store, removed } = recordingStore(3 * size);
    store.set('a', obj(1000));
    const tooBig = obj(3 * size);
    expect(store.fits('huge', tooBig)).toBe(false);
    expect(store.set('huge', tooBig)).toBe(false);
    expect(store.peek('huge')).toBeUndefined();
    expect(store.peek('a')).toBeDefined();
    expect(removed).toEqual([]);
  });

  it('accepts an entry whose accounted size is exactly the capacity', () => {
    const exact = obj(1000);
    const store = new MemoryStore({ capacityBytes: entrySize('a', exact) });
    expect(store.set('a', exact)).toBe(true);
    expect(store.bytesUsed).toBe(store.capacityBytes);
  });

  it("reports 'delete' when an entry is deleted or cleared", () => {
    const { store, removed } = recordingStore(10 * size);
    store.set('a', obj(1000));
    store.set('b', obj(1000));
    expect(store.delete('a')).toBe(true);
    expect(store.delete('a')).toBe(false);
    store.clear();
    expect(removed).toEqual([
      { key: 'a', reason: 'delete' },
      { key: 'b', reason: 'delete' },
    ]);
  });

  it('never holds more than its capacity, whatever the sizes', () => {
    const store = new MemoryStore({ capacityBytes: 50_000 });
    let seed = 7;
    for (let i = 0; i < 500; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      store.set(`key-${i}`, obj(seed % 20_000));
      expect(store.bytesUsed).toBeLessThanOrEqual(50_000);
    }
    let sum = 0;
    for (const k of [...store.keys()]) sum += entrySize(k, store.peek(k)!);
    expect(store.bytesUsed).toBe(sum);
  });

  it('a body held by a reader stays intact after its entry is evicted', () => {
    const store = new MemoryStore({ capacityBytes: 2 * size });
    store.set('a', obj(1000, {}, 0x41));
    const held = store.get('a')!.body.subarray(100, 900);
    const expected = Buffer.alloc(800, 0x41);
    for (let i = 0; i < 10; i++) store.set(`filler-${i}`, obj(1000, {}, 0x30 + i));
    expect(store.peek('a')).toBeUndefined();
    // Reuse of freed memory would show up here: allocate and scribble on many buffers.
    for (let i = 0; i < 100; i++) Buffer.allocUnsafe(1000).fill(0xff);
    expect(held.equals(expected)).toBe(true);
  });
});
