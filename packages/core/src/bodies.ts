/** Body generators of the engine: slices of stored bytes and ranges of origin streams. */
import { CacheError } from './errors';
import type { OriginBody } from './ports';

/** `[start, end]` of a stored body, in messages of at most `step` bytes (no copies). */
export async function* slices(body: Buffer, start: number, end: number, step: number): AsyncGenerator<Buffer> {
  for (let at = start; at <= end; at += step) yield body.subarray(at, Math.min(at + step, end + 1));
}

/**
 * Bytes `[start, end]` of an origin stream; fails if the stream ends before `end`; destroys
 * the stream when done or abandoned. `onBytes` counts what was read from the origin.
 */
export async function* originRange(body: OriginBody, start: number, end: number, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  let offset = 0;
  try {
    if (end < start) return;
    for await (const chunk of body as AsyncIterable<Buffer>) {
      onBytes(chunk.length);
      const chunkEnd = offset + chunk.length;
      if (chunkEnd > start) yield chunk.subarray(Math.max(0, start - offset), Math.min(chunk.length, end - offset + 1));
      offset = chunkEnd;
      if (offset > end) return;
    }
    throw new CacheError('ORIGIN', `origin body ended after ${offset - start} of ${end - start + 1} bytes`);
  } finally {
    body.destroy();
  }
}

/** Passes a body through and, once all `size` bytes went by, hands them to `keep` as one Buffer. */
export async function* teeInto(body: AsyncGenerator<Buffer>, size: number, keep: (bytes: Buffer) => void): AsyncGenerator<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    total += chunk.length;
    yield chunk;
  }
  if (total === size) keep(chunks.length === 1 ? Buffer.from(chunks[0]!) : Buffer.concat(chunks, total));
}
