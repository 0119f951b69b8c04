/**
 * Buffers for chunks in transit: a chunk fetched from a peer and relayed to the application
 * (not kept here as a replica) needs its 8 MiB only until its last byte is written out. New
 * memory is costly to touch the first time — page faults, and on virtual machines that back
 * guest memory lazily, host faults: 4 ms per MiB measured on a 2-vCPU VM, 30 ms per chunk —
 * so such buffers are reused instead of allocated for every chunk.
 *
 * A buffer goes back to the pool only through {@link ChunkPool.give} by the one reader that
 * took it, once that reader's consumer has written every byte of it out (see
 * `ReadRequest.transient`); a buffer the pool did not hand out is never taken in.
 */
export class ChunkPool {
  private readonly idle: Buffer[] = [];
  private readonly mine = new WeakSet<Buffer>();

  constructor(
    /** The size of the pooled buffers (the chunk size); other sizes are allocated and never kept. */
    readonly bufferBytes: number,
    /** Idle buffers kept at most; more given back are left to the garbage collector. */
    readonly maxIdle: number,
  ) {}

  /** A buffer of `bytes` bytes, with arbitrary contents (the caller fills it whole). */
  take(bytes: number): Buffer {
    if (bytes === this.bufferBytes) {
      const buf = this.idle.pop();
      if (buf) return buf;
    }
    const buf = Buffer.allocUnsafe(bytes);
    if (bytes === this.bufferBytes) this.mine.add(buf);
    return buf;
  }

  /** Takes back a buffer from {@link take} whose bytes nobody will read again. */
  give(buf: Buffer): void {
    if (this.mine.has(buf) && this.idle.length < this.maxIdle && !this.idle.includes(buf)) this.idle.push(buf);
  }

  /** Idle buffers now. */
  get size(): number {
    return this.idle.length;
  }
}
