import { OriginHealth, watchOrigin, type Origin } from '../src';

/** A probe whose outcome the test sets; counts its calls. */
function probe() {
  const p = { calls: 0, fail: undefined as Error | undefined, hang: false };
  const fn = (signal: AbortSignal): Promise<void> => {
    p.calls++;
    if (p.hang) return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    return p.fail ? Promise.reject(p.fail) : Promise.resolve();
  };
  return Object.assign(p, { fn });
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('OriginHealth', () => {
  it('a failed check makes it unhealthy with the scrubbed message; re-checks back off (1 s, 2 s, 4 s … up to the cap) until one passes', async () => {
    const p = probe();
    const changes: [boolean, string][] = [];
    const h = new OriginHealth({ probe: p.fn, minRetryMs: 1000, maxRetryMs: 4000, onChange: (ok, e) => changes.push([ok, e]) });
    p.fail = new Error('connect ECONNREFUSED 127.0.0.1:9 https://b.s3.amazonaws.com/k?X-Amz-Signature=abc123');
    expect(await h.check()).toBe('connect ECONNREFUSED 127.0.0.1:9 https://b.s3.amazonaws.com/k?[redacted]');
    expect(h.healthy).toBe(false);
    expect(changes).toEqual([[false, h.lastError]]);
    expect(p.calls).toBe(1);
    await jest.advanceTimersByTimeAsync(999);
    expect(p.calls).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(p.calls).toBe(2);
    await jest.advanceTimersByTimeAsync(2000);
    expect(p.calls).toBe(3);
    await jest.advanceTimersByTimeAsync(4000);
    expect(p.calls).toBe(4);
    await jest.advanceTimersByTimeAsync(4000); // capped at 4 s
    expect(p.calls).toBe(5);
    p.fail = undefined;
    await jest.advanceTimersByTimeAsync(4000);
    expect(p.calls).toBe(6);
    expect(h.healthy).toBe(true);
    expect(h.lastError).toMatch(/ECONNREFUSED/); // the last failure is kept
    expect(changes.map(([ok]) => ok)).toEqual([false, true]);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(p.calls).toBe(6); // healthy: no more checks
  });

  it('a check that does not answer fails after the timeout (never hangs)', async () => {
    const p = probe();
    p.hang = true;
    const h = new OriginHealth({ probe: p.fn, timeoutMs: 500 });
    const result = h.check();
    await jest.advanceTimersByTimeAsync(500);
    expect(await result).toBe('the origin did not answer within 500 ms');
    expect(h.healthy).toBe(false);
    h.stop();
  });

  it('live results move it: a fault makes it unhealthy, an answer makes it healthy again and resets the backoff', async () => {
    const p = probe();
    p.fail = new Error('still down');
    const h = new OriginHealth({ probe: p.fn, minRetryMs: 1000 });
    h.failed(new Error('socket hang up'));
    expect(h).toMatchObject({ healthy: false, lastError: 'socket hang up' });
    await jest.advanceTimersByTimeAsync(1000);
    expect(p.calls).toBe(1);
    expect(h.lastError).toBe('still down');
    h.succeeded();
    expect(h.healthy).toBe(true);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(p.calls).toBe(1); // the pending re-check was cancelled
    h.failed(new Error('again'));
    await jest.advanceTimersByTimeAsync(1000); // back to the first delay
    expect(p.calls).toBe(2);
    h.stop();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(p.calls).toBe(2);
  });

  it('without a probe: healthy until a request fails, no re-checks', async () => {
    const h = new OriginHealth();
    expect(await h.check()).toBeUndefined();
    expect(h).toMatchObject({ healthy: true, lastError: '' });
    h.failed(new Error('x'));
    expect(h.healthy).toBe(false);
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('watchOrigin', () => {
  const ref = { bucket: 'b', key: 'k' };
  const origin = (error: Error): Origin => ({
    id: 'test',
    get: () => Promise.reject(error),
    head: () => Promise.resolve(null),
    isFault: (err) => (err as Error).message !== 'AccessDenied',
  });

  it('a fault makes the origin unhealthy; an error that is the origin answering, or any answer, makes it healthy', async () => {
    const h = new OriginHealth();
    const down = watchOrigin(origin(new Error('ECONNREFUSED')), h);
    await expect(down.get(ref)).rejects.toThrow('ECONNREFUSED');
    expect(h.healthy).toBe(false);
    await down.head(ref);
    expect(h.healthy).toBe(true);
    h.failed(new Error('x'));
    await expect(watchOrigin(origin(new Error('AccessDenied')), h).get(ref)).rejects.toThrow('AccessDenied');
    expect(h.healthy).toBe(true);
  });

  it('a request its caller aborted says nothing', async () => {
    const h = new OriginHealth();
    const controller = new AbortController();
    controller.abort();
    await expect(watchOrigin(origin(new Error('aborted')), h).get(ref, { signal: controller.signal })).rejects.toThrow();
    expect(h.healthy).toBe(true);
  });
});
