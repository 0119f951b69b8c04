import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BandwidthPacer } from '../src/pacer';

/** Collects everything written to it. */
function sink(): { stream: Writable; data: () => Buffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return { stream, data: () => Buffer.concat(chunks) };
}

describe('BandwidthPacer', () => {
  it('passes every byte through unchanged, in order', async () => {
    const input = randomBytes(300_000);
    // Odd chunk sizes, so slices straddle chunk boundaries.
    const chunks = [input.subarray(0, 1), input.subarray(1, 70_001), input.subarray(70_001, 299_999), input.subarray(299_999)];
    const out = sink();
    await pipeline(Readable.from(chunks), new BandwidthPacer(1e9), out.stream);
    expect(out.data().equals(input)).toBe(true);
  });

  it('takes about size / rate: 1 MB at 10 MB/s is ~100 ms', async () => {
    const out = sink();
    const started = performance.now();
    await pipeline(Readable.from([Buffer.alloc(1_000_000, 1)]), new BandwidthPacer(10e6), out.stream);
    const elapsed = performance.now() - started;
    expect(out.data().length).toBe(1_000_000);
    // Generous bounds: this tests the pacing behaviour, not the machine's timer precision.
    expect(elapsed).toBeGreaterThanOrEqual(70);
    expect(elapsed).toBeLessThanOrEqual(300);
  });

  it('does not bank idle time: a pause does not buy a burst above the rate', async () => {
    const pacer = new BandwidthPacer(10e6);
    const out = sink();
    const done = pipeline(pacer, out.stream);
    pacer.write(Buffer.alloc(1000));
    await new Promise((resolve) => setTimeout(resolve, 200));
    // After 200 ms idle, 500 kB at 10 MB/s must still take ~50 ms, not ~0 ms. (A few ms
    // less is fine: lateness of the first chunk's timer is caught up, by design.)
    const started = performance.now();
    pacer.end(Buffer.alloc(500_000));
    await done;
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('catches up with late timers: a busy event loop does not lower the average rate', async () => {
    // Block the loop 40 ms out of every ~45: timers fire up to 40 ms late.
    const hog = setInterval(() => {
      const until = performance.now() + 40;
      while (performance.now() < until);
    }, 5);
    try {
      const started = performance.now();
      await pipeline(
        Readable.from(Array.from({ length: 32 }, () => Buffer.alloc(64 * 1024))),
        new BandwidthPacer(20e6),
        sink().stream,
      );
      // 2 MiB at 20 MB/s: ~105 ms (~130 ms measured with the hog). A pacer that drops the
      // late time instead of catching it up took ~530 ms here.
      expect(performance.now() - started).toBeLessThanOrEqual(300);
    } finally {
      clearInterval(hog);
    }
  });

  it('applies back-pressure: a stalled reader stops the upstream read', async () => {
    let pulled = 0;
    const source = new Readable({
      read() {
        pulled += 64 * 1024;
        this.push(Buffer.alloc(64 * 1024));
      },
    });
    // A writer that accepts one chunk and then never completes it.
    const stalled = new Writable({ highWaterMark: 1, write() {} });
    const pacer = new BandwidthPacer(1e9);
    source.pipe(pacer).pipe(stalled);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Unthrottled by the reader, 200 ms at 1 GB/s would be ~200 MB.
    expect(pulled).toBeLessThan(1024 * 1024);
    source.destroy();
    pacer.destroy();
    stalled.destroy();
  });

  it('clears its timer when destroyed while waiting', async () => {
    // Watch the timers this pacer sets, not the process's count of timers: other work in the
    // same process sets and clears timers of its own at any moment.
    const realSet = global.setTimeout;
    const realClear = global.clearTimeout;
    const created: NodeJS.Timeout[] = [];
    const cleared: unknown[] = [];
    const setSpy = jest.spyOn(global, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      const handle = realSet(fn, ms);
      created.push(handle);
      return handle;
    }) as typeof setTimeout);
    const clearSpy = jest.spyOn(global, 'clearTimeout').mockImplementation((handle) => {
      cleared.push(handle);
      realClear(handle);
    });
    try {
      const pacer = new BandwidthPacer(1000);
      pacer.resume();
      // 10 kB at 1 kB/s: after the first slice the pacer waits on a timer for the next.
      pacer.write(Buffer.alloc(10_000));
      await new Promise((resolve) => setImmediate(resolve));
      expect(created).toHaveLength(1);
      pacer.destroy();
      expect(cleared).toContain(created[0]);
    } finally {
      setSpy.mockRestore();
      clearSpy.mockRestore();
      for (const handle of created) realClear(handle);
    }
  });

  it('rejects a rate that is not a positive finite number', () => {
    expect(() => new BandwidthPacer(0)).toThrow(RangeError);
    expect(() => new BandwidthPacer(-1)).toThrow(RangeError);
    expect(() => new BandwidthPacer(Number.NaN)).toThrow(RangeError);
  });
});
