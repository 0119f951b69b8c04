/**
 * What the replay stores: deterministic bytes of a recorded size (the trace has sizes, not
 * contents), and the mapping of trace names to names S3 and the runner accept.
 */
import { createHash } from 'node:crypto';

/** 4 KiB of fixed pseudo-random bytes (xorshift32 from a constant), repeated to any length. */
const PATTERN = (() => {
  const b = Buffer.alloc(4096);
  let x = 0x9e3779b9;
  for (let i = 0; i < b.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
})();

/** The longest body made so far: shorter ones are its prefixes (the pattern repeats from byte 0). */
let longest = Buffer.alloc(0);

/**
 * `bytes` deterministic bytes (the same for the same length, on every machine). A view of one
 * shared buffer, grown as needed: seeding and writing large objects allocate nothing new. Do
 * not modify it.
 */
export function replayBody(bytes: number): Buffer {
  if (bytes > longest.length) longest = Buffer.alloc(bytes, PATTERN);
  return longest.subarray(0, bytes);
}

/**
 * The runner app name and S3 bucket of the trace app at `index` (0-based):
 * `a<index+1>-<up to 12 lower-case letters and digits of the trace id>` — unique by its
 * index, a valid bucket name (3–63 of a-z 0-9 -) and app name.
 */
export function replayAppName(index: number, app: string): string {
  const slug = app.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 12);
  const n = String(index + 1).padStart(2, '0');
  return slug ? `a${n}-${slug}` : `a${n}`;
}

/** A blob name that is safe as one path segment of an S3 key: kept when plain, else `h-` + SHA-1 hex. */
export function safeBlobName(blob: string): string {
  if (/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/.test(blob)) return blob;
  return `h-${createHash('sha1').update(blob).digest('hex')}`;
}

/** The object key of a blob of an app: `<app name>/<safe blob name>` (in the app's own bucket). */
export function replayKey(appName: string, blob: string): string {
  return `${appName}/${safeBlobName(blob)}`;
}
