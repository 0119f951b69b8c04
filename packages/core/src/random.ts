/**
 * A small seeded random source (mulberry32): the same seed gives the same sequence on every
 * machine, so generated data, workloads and tests are repeatable.
 */
export type Random = () => number;

// Bound once: a global lookup per call is slow where globals are proxied (test sandboxes).
const imul = Math.imul;

/** Uniform numbers in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws ranks 0..n−1 (0 the most popular) with P(k) ∝ 1 / (k + 1)^exponent, by binary search
 * over the cumulative weights. With `shuffle`, ranks map to items through a seeded
 * permutation (drawn from `random` first), so the hot items are scattered over 0..n−1.
 */
export class ZipfSampler {
  private readonly cdf: Float64Array;
  private readonly order: Uint32Array | undefined;

  constructor(
    readonly n: number,
    readonly exponent: number,
    private readonly random: Random,
    shuffle = false,
  ) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`ZipfSampler: n must be a whole number ≥ 1, got ${n}`);
    if (!(exponent >= 0)) throw new RangeError(`ZipfSampler: exponent must be ≥ 0, got ${exponent}`);
    this.cdf = new Float64Array(n);
    let sum = 0;
    for (let k = 0; k < n; k++) this.cdf[k] = sum += 1 / Math.pow(k + 1, exponent);
    if (shuffle) {
      const order = Uint32Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      this.order = order;
    }
  }

  /** The probability of rank `k`. */
  probability(k: number): number {
    const total = this.cdf[this.n - 1]!;
    return (this.cdf[k]! - (k > 0 ? this.cdf[k - 1]! : 0)) / total;
  }

  /** The next item: its rank, or the item the permutation maps it to. */
  next(): number {
    const u = this.random() * this.cdf[this.n - 1]!;
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid]! <= u) lo = mid + 1;
      else hi = mid;
    }
    return this.order ? this.order[lo]! : lo;
  }
}
