import { performance } from 'node:perf_hooks';
import { Transform, type TransformCallback } from 'node:stream';

/** Slices are about this long on the wire, in ms: smooth, yet few timers at high rates. */
const SLICE_MS = 1;
const MIN_SLICE_BYTES = 256;
const MAX_SLICE_BYTES = 64 * 1024;

/**
 * A Transform that lets bytes through no faster than `bytesPerSec`, like one network
 * connection of that bandwidth: each slice is released when a link of that rate would have
 * finished transmitting it, so a body of N bytes takes N / bytesPerSec seconds.
 *
 * The link is a virtual clock (`linkFreeAt`). Time the pacer spends waiting for its own timers
 * beyond their due time (1 ms granularity, a busy event loop) is caught up, so a loaded
 * machine does not lower the average rate. Time spent waiting for others — the upstream to
 * produce, the reader to drain — is not banked: the link was idle, as a real one would be,
 * and no burst above the rate follows.
 *
 * Back-pressure passes through unchanged: the pacer holds at most one input chunk, and a
 * Transform does not ask for the next chunk while its readable side is full, so a slow reader
 * slows the upstream read instead of piling data up here.
 */
export class BandwidthPacer extends Transform {
  private readonly sliceBytes: number;
  /** Virtual time (performance.now(), ms) at which the link finishes what was released. */
  private linkFreeAt: number | undefined;
  /** When the previous chunk was done and the pacer started waiting for the next one. */
  private idleSince = 0;
  private timer: NodeJS.Timeout | undefined;

  /** @param bytesPerSec - bandwidth in bytes per second (B/s), > 0. */
  constructor(private readonly bytesPerSec: number) {
    super();
    if (!Number.isFinite(bytesPerSec) || bytesPerSec <= 0) {
      throw new RangeError(`bytesPerSec must be a finite number > 0, got ${bytesPerSec}`);
    }
    this.sliceBytes = Math.round(
      Math.min(MAX_SLICE_BYTES, Math.max(MIN_SLICE_BYTES, (bytesPerSec * SLICE_MS) / 1000)),
    );
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const now = performance.now();
    if (this.linkFreeAt === undefined) {
      // The body's clock starts with its first byte: time to first byte is modelled elsewhere.
      this.linkFreeAt = now;
    } else {
      // How far behind schedule the pacer already was when it went idle (late timers) is
      // kept; the idle time itself is not credited.
      const lateBy = Math.max(0, this.idleSince - this.linkFreeAt);
      this.linkFreeAt = Math.max(this.linkFreeAt, now - lateBy);
    }
    this.release(chunk, 0, callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    callback(error);
  }

  /** Pushes the slices of `chunk` from `offset` as they come due, then calls `callback`. */
  private release(chunk: Buffer, offset: number, callback: TransformCallback): void {
    while (offset < chunk.length) {
      if (this.destroyed) return;
      const end = Math.min(chunk.length, offset + this.sliceBytes);
      const done = (this.linkFreeAt ?? performance.now()) + ((end - offset) * 1000) / this.bytesPerSec;
      const now = performance.now();
      if (done > now) {
        const resumeAt = offset;
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.release(chunk, resumeAt, callback);
        }, done - now);
        return;
      }
      this.push(chunk.subarray(offset, end));
      this.linkFreeAt = done;
      offset = end;
    }
    this.idleSince = performance.now();
    callback();
  }
}
