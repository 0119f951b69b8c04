/**
 * Integer hashing for the generator: every id, size and random stream is derived from
 * (seed, app, entity) by hashing, so an entity's properties never depend on the order in which
 * the stream reaches it, and nothing has to be remembered to re-derive them.
 */

// Module-level bindings: in sandboxed contexts (test runners) every global lookup of `Math`
// goes through the sandbox, which made the hot paths here ~20× slower.
const { imul, floor, min } = Math;

/** murmur3's 32-bit mixing of one word into the state. */
function mix(h: number, k: number): number {
  k = imul(k | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (imul(h, 5) + 0xe6546b64) | 0;
}

/** A well-spread unsigned 32-bit hash of up to four 32-bit words. */
export function hash32(a: number, b = 0, c = 0, d = 0): number {
  let h = 0x9747b28c;
  h = mix(h, a);
  h = mix(h, b);
  h = mix(h, c);
  h = mix(h, d);
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const B36 = [1, 36, 36 ** 2, 36 ** 3, 36 ** 4, 36 ** 5, 36 ** 6];

/**
 * A lowercase base-36 id of `length` characters, like the trace's anonymised names
 * (`9gti3olh`, `jfvf7k9kwiiq7gdx`): 6 characters per 32-bit hash of the key.
 */
export function hashedId(length: number, a: number, b = 0, c = 0, d = 0): string {
  const key = hash32(a, b, c, d);
  let out = '';
  for (let chunk = 0; out.length < length; chunk++) {
    const n = min(6, length - out.length);
    out += (hash32(key, chunk) % B36[n]!).toString(36).padStart(n, '0');
  }
  return out;
}

const HALF = 2 ** 20;

/**
 * A keyed bijection of [0, 2^40) (a 4-round Feistel network on 20-bit halves): distinct inputs
 * give distinct outputs, so counters become unique ids that look hashed.
 */
export function permute40(x: number, key: number): number {
  let l = floor(x / HALF) % HALF;
  let r = x % HALF;
  for (let round = 0; round < 4; round++) {
    const f = hash32(r, key, round) % HALF;
    const next = l ^ f;
    l = r;
    r = next;
  }
  return l * HALF + r;
}
