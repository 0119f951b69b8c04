/**
 * A seeded, reproducible key stream for the capacity part of the cluster benchmark: a
 * population of objects with random sizes, and reads whose keys follow a Zipf law (the
 * k-th most popular key is read with probability ∝ 1 / k^s). Same seed, same stream.
 */
import { seededRandom, ZipfSampler } from '@faast/core';

/** What the capacity experiment reads: the objects, and the order of the reads. */
export interface ZipfWorkload {
  seed: number;
  exponent: number;
  /** Object keys by popularity rank (0 the hottest). */
  keys: string[];
  /** Body size of each key, bytes (same index as `keys`). */
  sizes: number[];
  /** Smallest and largest size drawn from, bytes (uniform, inclusive). */
  minBytes: number;
  maxBytes: number;
  /** Sum of `sizes`. */
  populationBytes: number;
  /** The reads: indexes into `keys`. */
  reads: Uint32Array;
  /** Keys read at least once. */
  distinctKeysRead: number;
  /** Body bytes of the keys read at least once. */
  distinctBytesRead: number;
}

/** Options of {@link zipfWorkload}. */
export interface ZipfWorkloadOptions {
  seed: number;
  /** Distinct keys in the population. */
  keys: number;
  /** Reads in the stream. */
  reads: number;
  /** Default 0.9. */
  exponent?: number;
  /** Default 4 KiB. */
  minBytes?: number;
  /** Default 64 KiB. */
  maxBytes?: number;
  /** Key prefix. Default `zipf/`. */
  prefix?: string;
}

/** Builds the population (sizes uniform in [minBytes, maxBytes]) and the read stream, both from `seed`. */
export function zipfWorkload(options: ZipfWorkloadOptions): ZipfWorkload {
  const { seed, keys: n, reads: count } = options;
  const exponent = options.exponent ?? 0.9;
  const minBytes = options.minBytes ?? 4 * 1024;
  const maxBytes = options.maxBytes ?? 64 * 1024;
  const prefix = options.prefix ?? 'zipf/';
  const random = seededRandom(seed);
  const width = String(n - 1).length;
  const keys = Array.from({ length: n }, (_, k) => `${prefix}${String(k).padStart(width, '0')}`);
  const sizes = keys.map(() => minBytes + Math.floor(random() * (maxBytes - minBytes + 1)));
  const sampler = new ZipfSampler(n, exponent, random);
  const reads = new Uint32Array(count);
  const seen = new Uint8Array(n);
  let distinctKeysRead = 0;
  let distinctBytesRead = 0;
  for (let i = 0; i < count; i++) {
    const k = sampler.next();
    reads[i] = k;
    if (!seen[k]) {
      seen[k] = 1;
      distinctKeysRead++;
      distinctBytesRead += sizes[k]!;
    }
  }
  return {
    seed,
    exponent,
    keys,
    sizes,
    minBytes,
    maxBytes,
    populationBytes: sizes.reduce((a, b) => a + b, 0),
    reads,
    distinctKeysRead,
    distinctBytesRead,
  };
}
