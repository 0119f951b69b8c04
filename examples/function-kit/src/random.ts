/** Deterministic choices for generated data and event streams. */
import { ZipfSampler, type Random } from '@faast/core';

/** FNV-1a, 32 bits: a seed from a string. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Draws 0..n-1 with Zipf(s) popularity; with `shuffle`, the hot items are scattered over the range. */
export function zipf(n: number, s: number, random: Random, shuffle = false): () => number {
  const sampler = new ZipfSampler(n, s, random, shuffle);
  return () => sampler.next();
}
