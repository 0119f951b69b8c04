/**
 * Large objects in chunks: objects over the chunk threshold are read and cached as fixed-size
 * chunks, each with its own owner on the ring (its key names the object, the version and the
 * index), so the chunks of one object spread over the cachelets and so does the work of
 * reading them from the origin. A reader streams the chunks in order while fetching a window
 * of them in parallel; memory is bounded by that window, not by the object.
 */
import type { ObjectMeta } from './ports';

/** Separates the parts of a chunk key; cannot occur in an S3 bucket name or key's first part. */
const SEP = '\u0000';

/** The store and ring key of chunk `index` of version `etag` of the object `objectKey` (`bucket/key`). */
export function chunkKey(objectKey: string, etag: string, index: number): string {
  return `${objectKey}${SEP}${etag}${SEP}${index}`;
}

export function isChunkKey(key: string): boolean {
  return key.includes(SEP);
}

/** What every chunk key of the same version of the same object starts with (`key`: a chunk key). */
export function chunkVersionPrefix(key: string): string {
  return key.slice(0, key.lastIndexOf(SEP) + 1);
}

/** A whole chunk, and how to give its memory back once its last byte is out (when it can be reused). */
export interface Chunk {
  body: Buffer;
  release?: () => void;
}

/** Fetches one whole chunk of a version. */
export type FetchChunk = (index: number) => Promise<Chunk>;

/**
 * Reads bytes `[start, end]` of a chunked object: keeps up to `readAhead` chunk fetches in
 * flight ahead of the consumer and yields the bytes in order, in messages of at most `step`
 * bytes. Fetches start only as the consumer reads (back-pressure): a slow reader holds at most
 * `readAhead` chunks. The first chunk is fetched by `start()`, before any byte is promised.
 */
export class ChunkReader {
  private readonly first: number;
  private readonly last: number;
  private next: number;
  private readonly window: Promise<Chunk>[] = [];
  private cancelled = false;

  constructor(
    private readonly meta: ObjectMeta,
    private readonly start: number,
    private readonly end: number,
    private readonly chunkBytes: number,
    private readonly readAhead: number,
    private readonly step: number,
    private readonly fetch: FetchChunk,
  ) {
    this.first = Math.floor(start / chunkBytes);
    this.last = Math.floor(end / chunkBytes);
    this.next = this.first;
  }

  /** Starts the window and waits for the first chunk (so a version change is found before any byte is sent). */
  async begin(): Promise<void> {
    this.fill();
    if (this.window.length) await this.window[0];
  }

  /**
   * The bytes, in order. A chunk's memory is released (see {@link Chunk}) when the consumer
   * asks for the piece after its last one — never when the read stops early.
   */
  async *body(): AsyncGenerator<Buffer> {
    try {
      for (let index = this.first; index <= this.last && !this.cancelled; index++) {
        const { body: chunk, release } = await this.window.shift()!;
        this.fill();
        const chunkStart = index * this.chunkBytes;
        const from = Math.max(this.start, chunkStart) - chunkStart;
        const to = Math.min(this.end, chunkStart + chunk.length - 1) - chunkStart;
        if (chunk.length < Math.min(this.chunkBytes, this.meta.size - chunkStart)) throw new Error(`chunk ${index} is short: ${chunk.length} bytes`);
        for (let at = from; at <= to; at += this.step) yield chunk.subarray(at, Math.min(at + this.step, to + 1));
        release?.();
      }
    } finally {
      this.cancel();
    }
  }

  /** Stops fetching ahead (fetches in flight finish into the cache). */
  cancel(): void {
    this.cancelled = true;
    this.window.length = 0;
  }

  private fill(): void {
    while (!this.cancelled && this.next <= this.last && this.window.length < this.readAhead) {
      const p = this.fetch(this.next++);
      p.catch(() => undefined); // awaited in order by body(); an abandoned prefetch must not be an unhandled rejection
      this.window.push(p);
    }
  }
}
