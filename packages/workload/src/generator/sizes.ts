/**
 * Blob sizes, calibrated to the published percentiles of the Azure Functions blob trace 2020
 * (over all accesses: p1 8 B, p5 8 B, p10 46 B, p20 482 B, p25 542 B, p50 5.18 KiB,
 * p75 9.02 KiB, p80 12.08 KiB, p90 26.14 KiB, p95 108 KiB, p99 1.52 MiB, max 1.78 GiB).
 *
 * The published description is not self-consistent: if ~63 % of reads are ≤ 40 B and ~half of
 * writes are ≤ 1 KiB, then at least half of all accesses are ≤ 1 KiB, yet the median access is
 * 5.18 KiB. With p10 = 46 B it also follows that reads are a small share of accesses (63 % of
 * the reads fit under p10, so reads ≲ 16–30 % of accesses). We keep the exact percentiles
 * within 2× first and settle the by-eye figures inside their tolerance:
 *   - reads (of blobs written before the window): 70 % ≤ 40 B (an 8 B atom — counters,
 *     leases — and 28–40 B flags/JSON), the rest mostly 3 KiB and up (packages, models);
 *   - writes: ~43 % ≤ 1 KiB (a mode near 510 B), most of the rest 3–100 KiB (a mode near
 *     8.5 KiB), 10 % larger and a Pareto tail to the published max;
 * and the generator aims at ~15 % reads (see population.ts); together these give p50 ≈ 4 KiB.
 */
import { type Random } from '@faast/core';

// Module-level bindings: a global `Math` lookup per call is slow in sandboxed contexts (test runners).
const { abs, exp, floor, log, max, min, round, sqrt } = Math;

/** The published largest blob, 1.78 GiB. */
export const MAX_TRACE_BLOB_BYTES = round(1.78 * 2 ** 30);

/** Acklam's rational approximation of the standard normal quantile (|error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const x = min(1 - 1e-15, max(1e-15, p));
  const tail = (q: number): number =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (x < 0.02425) return tail(sqrt(-2 * log(x)));
  if (x > 1 - 0.02425) return -tail(sqrt(-2 * log(1 - x)));
  const q = x - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** The standard normal CDF (Abramowitz & Stegun 7.1.26 via erf, |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const z = abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - (((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t) * exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** A log-normal (median, sigma) restricted to [lo, hi], by inversion: one uniform per draw. */
function truncatedLogNormal(random: Random, median: number, sigma: number, lo: number, hi: number): number {
  const a = normalCdf(log(lo / median) / sigma);
  const b = normalCdf(log(hi / median) / sigma);
  const v = round(median * exp(sigma * normalQuantile(a + (b - a) * random())));
  return min(hi, max(lo, v));
}

/** A Pareto(alpha) restricted to [lo, hi], by inversion. */
function truncatedPareto(random: Random, lo: number, hi: number, alpha: number): number {
  const l = lo ** -alpha;
  const h = hi ** -alpha;
  return min(hi, round((l - random() * (l - h)) ** (-1 / alpha)));
}

const logUniform = (random: Random, lo: number, hi: number): number => round(lo * (hi / lo) ** random());
const KiB = 1024;
const MiB = 1024 * KiB;

/** Size of a blob that is read but was written before the trace window (inputs, configs). */
export function readBlobSize(random: Random): number {
  const u = random();
  if (u < 0.015) return 0;
  if (u < 0.435) return 8;
  if (u < 0.7) return 28 + floor(random() * 13);
  if (u < 0.74) return truncatedLogNormal(random, 160, 0.8, 41, KiB);
  if (u < 0.996) return truncatedLogNormal(random, 12_000, 1.5, 3000, 64 * MiB);
  return truncatedPareto(random, MiB, MAX_TRACE_BLOB_BYTES, 0.6);
}

/** Size of a blob version written in the trace window (outputs, state). */
export function writeBlobSize(random: Random): number {
  const u = random();
  if (u < 0.004) return 0;
  if (u < 0.02) return 8;
  if (u < 0.035) return 28 + floor(random() * 13);
  if (u < 0.085) return logUniform(random, 41, 480);
  if (u < 0.43) return truncatedLogNormal(random, 510, 0.2, 300, KiB);
  if (u < 0.44) return 1025 + floor(random() * 1600);
  if (u < 0.897) return truncatedLogNormal(random, 8500, 0.55, 2800, MiB);
  if (u < 0.987) return truncatedLogNormal(random, 120_000, 0.8, 30_000, 64 * MiB);
  return truncatedPareto(random, MiB, MAX_TRACE_BLOB_BYTES, 0.8);
}

/** A later version of a blob keeps roughly its size (±15 %): state and status blobs are rewritten in place. */
export function nextVersionSize(base: number, random: Random): number {
  return min(MAX_TRACE_BLOB_BYTES, round(base * (0.85 + 0.3 * random())));
}

/** Content types seen in the trace, chosen by size (tiny flags, JSON documents, packages). */
export function blobTypeFor(bytes: number, u: number): string {
  if (bytes <= 64) return u < 0.4 ? 'BlockBlob/' : u < 0.75 ? 'BlockBlob/application/octet-stream' : 'BlockBlob/text/plain';
  if (bytes <= MiB) {
    if (u < 0.45) return 'BlockBlob/application/json';
    if (u < 0.7) return 'BlockBlob/application/octet-stream';
    if (u < 0.8) return 'BlockBlob/text/csv';
    if (u < 0.88) return 'BlockBlob/image/jpeg';
    if (u < 0.94) return 'BlockBlob/text/plain';
    return 'BlockBlob/';
  }
  if (u < 0.5) return 'BlockBlob/application/zip';
  if (u < 0.8) return 'BlockBlob/application/octet-stream';
  if (u < 0.9) return 'BlockBlob/video/mp4';
  return 'BlockBlob/image/png';
}
