/** The cachelet tells its change listeners of writes and invalidations before the call returns. */
import { describe, expect, it } from '@jest/globals';
import { Cachelet, CacheError, type CacheletChange, type ObjectRef } from '@faast/core';
import { FakeOrigin, ManualClock } from './fake-origin';

const ref = (key: string): ObjectRef => ({ bucket: 'bkt', key });

function setup() {
  const clock = new ManualClock();
  return new Cachelet({ origin: new FakeOrigin(clock), clock, capacityBytes: 1 << 20 });
}

describe('Cachelet.onChange', () => {
  it('a write notice and an invalidation wait for every listener', async () => {
    const cache = setup();
    const seen: CacheletChange[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    cache.onChange(async (change) => {
      seen.push(change);
      await gate;
    });
    let returned = false;
    const write = cache.notifyWrite(ref('a'), '"e1"').then(() => (returned = true));
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(seen).toEqual([{ refs: [ref('a')] }]);
    expect(returned).toBe(false);
    release();
    await write;
    await cache.invalidate([ref('b'), ref('c')]);
    expect(seen).toEqual([{ refs: [ref('a')] }, { refs: [ref('b'), ref('c')] }]);
  });

  it('a listener that fails does not fail the write; a removed listener hears nothing more', async () => {
    const cache = setup();
    const seen: CacheletChange[] = [];
    cache.onChange(async () => {
      throw new Error('broken listener');
    });
    const off = cache.onChange(async (change) => void seen.push(change));
    await cache.notifyWrite(ref('a'), '"e1"');
    off();
    await cache.invalidate([ref('a')]);
    expect(seen).toEqual([{ refs: [ref('a')] }]);
  });

  it('a refused write tells nobody', async () => {
    const cache = setup();
    const seen: CacheletChange[] = [];
    cache.onChange(async (change) => void seen.push(change));
    await expect(cache.notifyWrite(ref(''), '"e"')).rejects.toBeInstanceOf(CacheError);
    await expect(cache.notifyWrite(ref(''), '"e"')).rejects.toMatchObject({ subject: 'key' });
    expect(seen).toEqual([]);
  });
});
