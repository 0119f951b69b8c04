/**
 * HolderRecords on its own (holders.ts): who is told of a change, once, grouped per holder,
 * and when the change completes; the bound, and a record evicted with a notice that a later
 * change waits for. The change listeners (changes.ts) too.
 */
import { describe, expect, it } from '@jest/globals';
import { CacheletStats, ChangeListeners, HolderRecords, type CacheletChange, type ObjectRef } from '@faast/core';
import { deferred } from './deferred';

const ref = (key: string): ObjectRef => ({ bucket: 'b', key });
const at = (key: string) => ({ key: `b/${key}`, ref: ref(key) });

/** Records whose notices the test answers by hand: `sent` lists them in order. */
function records(maxKeys = 100) {
  const counters = new CacheletStats();
  const sent: { id: string; keys: string[]; answer: () => void }[] = [];
  const holders = new HolderRecords(
    maxKeys,
    (id, refs) => {
      const d = deferred<void>();
      sent.push({ id, keys: refs.map((r) => r.key), answer: () => d.resolve() });
      return d.promise;
    },
    counters,
  );
  const record = (key: string, id: string) => holders.record(`b/${key}`, ref(key), id);
  return { holders, record, sent, counters };
}

/** Whether `p` has settled, after the microtasks queued so far ran. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await new Promise<void>((resolve) => setImmediate(resolve));
  return done;
}

describe('HolderRecords', () => {
  it('tells each holder but the sender once, naming every changed key it holds, and resolves when all answered', async () => {
    const { holders, record, sent, counters } = records();
    record('x', 'B');
    record('x', 'C');
    record('x', 'B'); // a second read by B: still one holder
    record('y', 'B');
    record('y', 'D');
    record('z', 'C');
    const done = holders.changed([at('x'), at('y')], 'D');
    expect(sent.map(({ id, keys }) => ({ id, keys }))).toEqual([
      { id: 'B', keys: ['x', 'y'] },
      { id: 'C', keys: ['x'] },
    ]);
    expect(counters.holderInvalidationsSent).toBe(2);
    sent[0]!.answer();
    expect(await settled(done)).toBe(false);
    sent[1]!.answer();
    expect(await settled(done)).toBe(true);
  });

  it('a record is taken by the change: the next change of the key tells only members that read it since', async () => {
    const { holders, record, sent } = records();
    record('x', 'B');
    void holders.changed([at('x')]);
    record('x', 'C');
    void holders.changed([at('x')]);
    await holders.changed([at('x')]);
    expect(sent.map((s) => s.id)).toEqual(['B', 'C']);
  });

  it('a key nobody holds changes at once, without notices', async () => {
    const { holders, record, sent } = records();
    record('x', 'B');
    expect(await settled(holders.changed([at('other')]))).toBe(true);
    expect(await settled(holders.changed([at('x')], 'B'))).toBe(true); // its only holder sent it
    expect(sent).toEqual([]);
  });

  it('keeps at most maxKeys keys: the least recently read one is evicted with a notice to its holders', async () => {
    const { record, sent, counters } = records(2);
    record('x', 'B');
    record('x', 'C');
    record('y', 'B');
    record('x', 'D'); // x is now the most recently read
    expect(sent).toEqual([]);
    record('z', 'B');
    expect(sent.map(({ id, keys }) => ({ id, keys }))).toEqual([{ id: 'B', keys: ['y'] }]);
    expect(counters).toMatchObject({ holderEvictions: 1, holderInvalidationsSent: 1 });
  });

  it('a change of an evicted key waits for the eviction notice still in flight', async () => {
    const { holders, record, sent } = records(1);
    record('x', 'B');
    record('y', 'C'); // evicts x: B is told
    expect(sent.map((s) => s.id)).toEqual(['B']);
    const change = holders.changed([at('x')]);
    expect(sent).toHaveLength(1); // no record of x: nobody else to tell
    expect(await settled(change)).toBe(false);
    sent[0]!.answer();
    expect(await settled(change)).toBe(true);
  });
});

describe('ChangeListeners', () => {
  it('calls every listener, counts each call, and resolves when all settled, whatever failed', async () => {
    const counters = new CacheletStats();
    const listeners = new ChangeListeners(counters);
    const seen: string[] = [];
    const slow = deferred<void>();
    listeners.add(() => {
      seen.push('throws');
      throw new Error('listener bug');
    });
    listeners.add(async () => {
      seen.push('rejects');
      throw new Error('app gone');
    });
    listeners.add((change) => {
      seen.push(`slow ${JSON.stringify(change)}`);
      return slow.promise;
    });
    const done = listeners.emit({ refs: [ref('x')] });
    expect(seen).toEqual(['throws', 'rejects', 'slow {"refs":[{"bucket":"b","key":"x"}]}']);
    expect(await settled(done)).toBe(false);
    slow.resolve();
    await expect(done).resolves.toBeUndefined();
    expect(counters.changeEvents).toBe(3);
  });

  it('an unsubscribed listener is not called; the same function added twice is called twice until each is removed', async () => {
    const listeners = new ChangeListeners(new CacheletStats());
    const seen: CacheletChange[] = [];
    const listener = async (change: CacheletChange) => {
      seen.push(change);
    };
    const off1 = listeners.add(listener);
    const off2 = listeners.add(listener);
    await listeners.emit({ all: true });
    off1();
    await listeners.emit({ all: true });
    off2();
    await listeners.emit({ all: true });
    expect(seen).toHaveLength(3);
  });

  it('an empty change calls nobody', async () => {
    const counters = new CacheletStats();
    const listeners = new ChangeListeners(counters);
    listeners.add(() => Promise.reject(new Error('must not be called')));
    await listeners.emit({ refs: [] });
    expect(counters.changeEvents).toBe(0);
  });
});
