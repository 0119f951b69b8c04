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
