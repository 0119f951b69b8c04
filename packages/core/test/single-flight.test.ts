import { describe, expect, it } from '@jest/globals';
import { SingleFlight } from '@faast/core';
import { deferred } from './deferred';

/** A function that counts its runs and returns a promise the test settles. */
function controlled<T>() {
  const runs: ReturnType<typeof deferred<T>>[] = [];
  const fn = () => {
    const d = deferred<T>();
    runs.push(d);
    return d.promise;
  };
  return { fn, runs };
}

describe('SingleFlight', () => {
  it('concurrent calls for one key share one execution and its result', async () => {
    const sf = new SingleFlight<object>();
    const { fn, runs } = controlled<object>();
    const calls = Array.from({ length: 10 }, () => sf.do('k', fn));
    expect(runs).toHaveLength(1);
    expect(calls.map((c) => c.shared)).toEqual([false, ...Array<boolean>(9).fill(true)]);
    expect(sf.size).toBe(1);
    const value = { answer: 42 };
    runs[0]!.resolve(value);
    const results = await Promise.all(calls.map((c) => c.promise));
    for (const r of results) expect(r).toBe(value);
  });

  it('different keys run separately', async () => {
    const sf = new SingleFlight<string>();
    const { fn, runs } = controlled<string>();
    const a = sf.do('a', fn);
    const b = sf.do('b', fn);
    expect(runs).toHaveLength(2);
    expect(b.shared).toBe(false);
    runs[0]!.resolve('A');
    runs[1]!.resolve('B');
    await expect(a.promise).resolves.toBe('A');
    await expect(b.promise).resolves.toBe('B');
  });

  it('shares an error with every caller', async () => {
    const sf = new SingleFlight<string>();
    const { fn, runs } = controlled<string>();
    const calls = [sf.do('k', fn), sf.do('k', fn), sf.do('k', fn)];
    const boom = new Error('boom');
    runs[0]!.reject(boom);
    for (const c of calls) await expect(c.promise).rejects.toBe(boom);
    expect(runs).toHaveLength(1);
    expect(sf.size).toBe(0);
  });

  it('runs again once the call has settled', async () => {
    const sf = new SingleFlight<number>();
    const { fn, runs } = controlled<number>();
    const first = sf.do('k', fn);
    runs[0]!.resolve(1);
    await expect(first.promise).resolves.toBe(1);
    expect(sf.size).toBe(0);
    const second = sf.do('k', fn);
    expect(second.shared).toBe(false);
    expect(runs).toHaveLength(2);
    runs[1]!.resolve(2);
    await expect(second.promise).resolves.toBe(2);
  });

  it('runs again after a failed call', async () => {
    const sf = new SingleFlight<number>();
    const { fn, runs } = controlled<number>();
    const first = sf.do('k', fn);
    runs[0]!.reject(new Error('x'));
    await expect(first.promise).rejects.toThrow('x');
    const second = sf.do('k', fn);
    expect(second.shared).toBe(false);
    runs[1]!.resolve(3);
    await expect(second.promise).resolves.toBe(3);
  });

  it('forget: later callers start a new call, earlier waiters keep theirs', async () => {
    const sf = new SingleFlight<string>();
    const { fn, runs } = controlled<string>();
    const before = [sf.do('k', fn), sf.do('k', fn)];
    sf.forget('k');
    const after = [sf.do('k', fn), sf.do('k', fn)];
    expect(runs).toHaveLength(2);
    expect(after.map((c) => c.shared)).toEqual([false, true]);

    // The old call settling must not remove the new one: a caller arriving now still joins it.
    runs[0]!.resolve('old');
    for (const c of before) await expect(c.promise).resolves.toBe('old');
    expect(sf.size).toBe(1);
    const late = sf.do('k', fn);
    expect(late.shared).toBe(true);
    expect(runs).toHaveLength(2);

    runs[1]!.resolve('new');
    for (const c of [...after, late]) await expect(c.promise).resolves.toBe('new');
    expect(sf.size).toBe(0);
  });

  it('forget of a key with no call is harmless', () => {
    const sf = new SingleFlight<string>();
    sf.forget('nothing');
    expect(sf.size).toBe(0);
  });
});
