/**
 * Bounded-memory statistics for traces of any length (the published trace has 44 M rows and
 * apps with millions of blobs): string hashing, distinct counting that turns approximate
 * beyond a limit, a size histogram with ~1 % buckets, and a hash sample of keys.
 */

// Module-level bindings: a global `Math` lookup per call is slow in sandboxed contexts (test runners).
const { imul, ceil, clz32, floor, log, log2, max, min, round } = Math;

const TWO20 = 2 ** 20;

/** FNV-1a over UTF-16 code units, then murmur3's finaliser; `seed` chains hashes of several fields. */
export function hashString(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix(h);
}

/** A 52-bit key of a string (exact as a JS number): collisions are negligible below ~10^7 keys per set. */
export function key52(s: string, seed = 0): number {
  // Two independent multiplicative hashes in one pass (FNV-1a's prime and murmur2's constant),
  // each finalised like hashString.
  let a = (0x811c9dc5 ^ seed) >>> 0;
  let b = (0x9747b28c ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = imul(a ^ c, 0x01000193);
    b = imul(b ^ c, 0x5bd1e995);
  }
  return fmix(a) * TWO20 + (fmix(b) >>> 12);
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The 32 high bits of a 52-bit key: uniform, used to decide sample membership. */
export const keyHigh = (key: number): number => floor(key / TWO20);

const HLL_BITS = 14;
const HLL_M = 1 << HLL_BITS;

/**
 * Counts distinct 52-bit keys exactly up to `exactLimit`, then as a HyperLogLog with 2^14
 * registers (standard error ~0.8 %, 16 KiB): an app with millions of blobs costs no more.
 */
export class DistinctCounter {
  private exact: Set<number> | undefined = new Set();
  private registers: Uint8Array | undefined;

  constructor(private readonly exactLimit = 131_072) {}

  add(key: number): void {
    if (this.exact) {
      this.exact.add(key);
      if (this.exact.size > this.exactLimit) {
        this.registers = new Uint8Array(HLL_M);
        for (const k of this.exact) this.addToRegisters(k);
        this.exact = undefined;
      }
    } else {
      this.addToRegisters(key);
    }
  }

  /** True once the count is an estimate. */
  get approximate(): boolean {
    return this.exact === undefined;
  }

  get count(): number {
    if (this.exact) return this.exact.size;
    const registers = this.registers!;
    let sum = 0;
    let zeros = 0;
    for (let i = 0; i < HLL_M; i++) {
      sum += 2 ** -registers[i]!;
      if (registers[i] === 0) zeros++;
    }
    const estimate = ((0.7213 / (1 + 1.079 / HLL_M)) * HLL_M * HLL_M) / sum;
    return round(estimate <= 2.5 * HLL_M && zeros > 0 ? HLL_M * log(HLL_M / zeros) : estimate);
  }

  private addToRegisters(key: number): void {
    const index = key % HLL_M;
    const w = floor(key / HLL_M); // 38 bits
    const hi = floor(w / 2 ** 32);
    const bits = hi > 0 ? 64 - clz32(hi) : 32 - clz32(w >>> 0);
    const rank = 38 - bits + 1;
    if (rank > this.registers![index]!) this.registers![index] = rank;
  }
}

const EXACT_BELOW = 1024;
const PER_OCTAVE = 64;

/**
 * Sizes in buckets: exact below 1 KiB, then 64 per doubling (each ~1.1 % wide), so percentiles
 * are exact for small blobs and within ~0.5 % above, for any number of accesses.
 */
export class SizeHistogram {
  private counts = new Float64Array(EXACT_BELOW + PER_OCTAVE * 44);
  count = 0;
  min = Infinity;
  max = -Infinity;

  add(bytes: number): void {
    const b = bytes < EXACT_BELOW ? floor(bytes) : EXACT_BELOW + floor(PER_OCTAVE * log2(bytes / EXACT_BELOW));
    this.counts[min(b, this.counts.length - 1)]! += 1;
    this.count++;
    if (bytes < this.min) this.min = bytes;
    if (bytes > this.max) this.max = bytes;
  }

  /** Nearest-rank percentile, p in [0, 1]: the smallest size with at least p of the accesses at or below it. */
  quantile(p: number): number | undefined {
    if (this.count === 0) return undefined;
    if (p <= 0) return this.min;
    if (p >= 1) return this.max;
    const rank = max(1, ceil(p * this.count));
    let seen = 0;
    for (let b = 0; b < this.counts.length; b++) {
      seen += this.counts[b]!;
      if (seen >= rank) {
        const v = b < EXACT_BELOW ? b : EXACT_BELOW * 2 ** ((b - EXACT_BELOW + 0.5) / PER_OCTAVE);
        return min(this.max, max(this.min, round(v)));
      }
    }
    return this.max;
  }
}

/**
 * A uniform sample of keys by hash: a key is in while its high 32 bits are below a threshold;
 * when the map outgrows `capacity` the threshold halves and the keys above it leave. Every key
 * is either followed from its first occurrence or never, so per-key statistics are exact for
 * the keys kept, and the kept keys are a uniform random sample of all keys.
 */
export class HashSample<V> {
  private threshold = 2 ** 32;
  readonly entries = new Map<number, V>();

  constructor(private readonly capacity: number) {}

  /** Share of keys kept, 1 until the first halving. */
  get rate(): number {
    return this.threshold / 2 ** 32;
  }

  /** The entry of `key` (created by `create` on its first occurrence), or undefined if the key is not sampled. */
  get(key: number, create: () => V): V | undefined {
    if (keyHigh(key) >= this.threshold) return undefined;
    let v = this.entries.get(key);
    if (v === undefined) {
      v = create();
      this.entries.set(key, v);
      while (this.entries.size > this.capacity) {
        this.threshold /= 2;
        for (const k of this.entries.keys()) if (keyHigh(k) >= this.threshold) this.entries.delete(k);
      }
      if (keyHigh(key) >= this.threshold) return undefined;
    }
    return v;
  }
}
