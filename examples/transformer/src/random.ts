/** Deterministic choices for generated data and event streams. */
import type { Random } from '@faast/core';

/**
 * Draws 0..n-1 with Zipf(s) popularity: rank r has weight 1/(r+1)^s. With `shuffle`, ranks
 * map to items through a seeded permutation, so the hot items are scattered over the range.
 */
export function zipf(n: number, s: number, random: Random, shuffle = false): () => number {
  if (!(n >= 1)) throw new RangeError('zipf: needs at least one item');
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / Math.pow(i + 1, s);
  const order = Array.from({ length: n }, (_, i) => i);
  if (shuffle) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
  }
  return () => {
    const u = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return order[lo]!;
  };
}

/** FNV-1a, 32 bits: a seed from a string. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
