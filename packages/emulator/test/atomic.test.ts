import { LockTimeoutError, ObjectLocks, type Release } from '../src/atomic';

/** Lets queued grants and their continuations run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Acquires and records when the grant came, in order. */
function track(locks: ObjectLocks, key: string, exclusive: boolean, name: string, log: string[]): Promise<Release> {
  return locks.acquire(key, exclusive).then((release) => {
    log.push(name);
    return release;
  });
}

describe('ObjectLocks', () => {
  it('grants an uncontended lock at once and forgets it when released', async () => {
    const locks = new ObjectLocks();
    const release = await locks.acquire('b/k', true);
    expect(locks.active).toBe(1);
    release();
    release(); // idempotent
    expect(locks.active).toBe(0);
    expect(locks.contended).toBe(0);
  });

  it('shares among readers; a writer waits for them, and readers for a writer', async () => {
    const locks = new ObjectLocks();
    const log: string[] = [];
    const r1 = await track(locks, 'k', false, 'r1', log);
    const r2 = await track(locks, 'k', false, 'r2', log);
    const w = track(locks, 'k', true, 'w', log);
    await settle();
    expect(log).toEqual(['r1', 'r2']);
    r1();
    await settle();
    expect(log).toEqual(['r1', 'r2']);
    r2();
    const releaseW = await w;
    expect(log).toEqual(['r1', 'r2', 'w']);
    const r3 = track(locks, 'k', false, 'r3', log);
    await settle();
    expect(log).toEqual(['r1', 'r2', 'w']);
    releaseW();
    (await r3)();
    expect(locks.active).toBe(0);
    expect(locks.contended).toBe(2);
  });

  it('keys are independent', async () => {
    const locks = new ObjectLocks();
    const a = await locks.acquire('b/a', true);
    const b = await locks.acquire('b/b', true);
    expect(locks.active).toBe(2);
    a();
    b();
    expect(locks.active).toBe(0);
  });

  it('serves in arrival order: readers that come after a waiting writer wait behind it (writers are not starved)', async () => {
    const locks = new ObjectLocks();
    const log: string[] = [];
    const r1 = await track(locks, 'k', false, 'r1', log);
    const w1 = track(locks, 'k', true, 'w1', log);
    const r2 = track(locks, 'k', false, 'r2', log);
    const r3 = track(locks, 'k', false, 'r3', log);
    const w2 = track(locks, 'k', true, 'w2', log);
    await settle();
    expect(log).toEqual(['r1']); // r2 and r3 could share with r1, but w1 came first
    r1();
    (await w1)();
    // r2 and r3 go together, w2 after both.
    const [rel2, rel3] = await Promise.all([r2, r3]);
    await settle();
    expect(log).toEqual(['r1', 'w1', 'r2', 'r3']);
    rel2();
    await settle();
    expect(log).toEqual(['r1', 'w1', 'r2', 'r3']);
    rel3();
    (await w2)();
    expect(log).toEqual(['r1', 'w1', 'r2', 'r3', 'w2']);
    expect(locks.active).toBe(0);
  });

  it('a wait is bounded: it rejects after timeoutMs, and the readers queued behind a writer that gave up go', async () => {
    const locks = new ObjectLocks(50);
    const r1 = await locks.acquire('k', false);
    const w = locks.acquire('k', true);
    const r2 = locks.acquire('k', false);
    await expect(w).rejects.toBeInstanceOf(LockTimeoutError);
    await expect(w).rejects.toThrow(/exclusive lock of 'k'/);
    const release2 = await r2; // shares with r1 now that no writer is ahead of it
    r1();
    release2();
    expect(locks.active).toBe(0);
  });

  it('with() releases when the function throws', async () => {
    const locks = new ObjectLocks();
    await expect(
      locks.with('k', true, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(locks.active).toBe(0);
    await expect(locks.with('k', false, async () => 42)).resolves.toBe(42);
  });
});
