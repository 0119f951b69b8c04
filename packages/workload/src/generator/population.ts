/**
 * The generated population: what each app does over the window, calibrated to the published
 * per-app figures of the Azure Functions blob trace 2020 (CDFs over apps):
 *   - distinct blobs per app: 1 for 11.80 %, ≤ 100 for 66.12 %, ≤ 10,000 for 92.99 %;
 *   - invocations per distinct blob: < 1 for 10.98 %, ≤ 1 for 50.12 %, ≤ 1.1 for 68.11 %,
 *     ≤ 100 for 92.29 %.
 *
 * Five kinds of app produce the five ranges of invocations per blob:
 *   - `fan-out` (< 1): each invocation touches 2–5 new blobs (reads an input, writes outputs);
 *   - `single-touch` (= 1): each invocation touches one new blob (blob-triggered functions);
 *   - `mostly-unique` (1, 1.1]: single-touch plus 1–9.5 % extra invocations re-reading an
 *     input blob (retries, re-processing);
 *   - `re-reader` (1.1, 100]: a fixed set of blobs ("channels" of 1–3 blobs accessed together)
 *     read or rewritten by recurring invocations — the apps a cache serves;
 *   - `hot` (> 100): 1–10 blobs behind timers or busy triggers.
 * A kind and a band of distinct blobs form a cell; the cells' shares reproduce both CDFs.
 * Cells are dealt to apps by stratified sampling (a seeded permutation of equal strata), so a
 * population of a few hundred apps already has the published shares to within 1/apps rather
 * than within binomial noise.
 *
 * Counts are per window, whatever its length: the published figures describe whole apps over
 * the trace, and keeping them per window keeps the figures independent of `durationMs` (and the
 * size of a generated trace independent of it too). With the default 1 h window that means:
 *   - a single-touch or fan-out app with B blobs runs ~B invocations/h (the largest, 25,000
 *     blobs, ~7 invocations/s);
 *   - a re-reader app runs 1.12–100 invocations per blob, at most max(3000, 1.5·B) per hour;
 *   - a hot app runs 110–1500 invocations per blob, at most 3000 per hour (one per 1.2 s).
 * The largest published app (8.1 M blobs) is not generated: the > 10,000 band stops at 25,000
 * blobs so that 200 apps stay around half a million accesses (generated and checked in seconds).
 * The figures' top CDF point is 10,000, so this cap does not move them.
 */
import { seededRandom, type Random } from '@faast/core';
import { hash32 } from './hash';

export type AppKind = 'fan-out' | 'single-touch' | 'mostly-unique' | 're-reader' | 'hot';

/** A kind of app with a band of distinct blobs, and its share of apps (%). */
export interface PopulationCell {
  kind: AppKind;
  minBlobs: number;
  maxBlobs: number;
  sharePercent: number;
}

/** See the module comment; the shares add up to 100 and to each published CDF point. */
export const POPULATION_CELLS: readonly PopulationCell[] = [
  { kind: 'fan-out', minBlobs: 2, maxBlobs: 100, sharePercent: 4.94 },
  { kind: 'fan-out', minBlobs: 101, maxBlobs: 10_000, sharePercent: 4.39 },
  { kind: 'fan-out', minBlobs: 10_001, maxBlobs: 25_000, sharePercent: 1.65 },
  { kind: 'single-touch', minBlobs: 1, maxBlobs: 1, sharePercent: 4.75 },
  { kind: 'single-touch', minBlobs: 2, maxBlobs: 100, sharePercent: 23.87 },
  { kind: 'single-touch', minBlobs: 101, maxBlobs: 10_000, sharePercent: 7.85 },
  { kind: 'single-touch', minBlobs: 10_001, maxBlobs: 25_000, sharePercent: 2.67 },
  // Ratios in (1, 1.1] need ≥ 11 blobs: one extra invocation over 10 blobs would already be 1.1.
  { kind: 'mostly-unique', minBlobs: 11, maxBlobs: 100, sharePercent: 7.2 },
  { kind: 'mostly-unique', minBlobs: 101, maxBlobs: 10_000, sharePercent: 8.1 },
  { kind: 'mostly-unique', minBlobs: 10_001, maxBlobs: 25_000, sharePercent: 2.69 },
  { kind: 're-reader', minBlobs: 1, maxBlobs: 1, sharePercent: 2.42 },
  { kind: 're-reader', minBlobs: 2, maxBlobs: 100, sharePercent: 15.23 },
  { kind: 're-reader', minBlobs: 101, maxBlobs: 3000, sharePercent: 6.53 },
  { kind: 'hot', minBlobs: 1, maxBlobs: 1, sharePercent: 4.63 },
  { kind: 'hot', minBlobs: 2, maxBlobs: 10, sharePercent: 3.08 },
];

/** Most invocations of a re-reader or hot app per window (a re-reader may go to 1.5 × its blobs). */
export const MAX_CHANNEL_INVOCATIONS = 3000;
/** Share of channel blobs that are only read (configs, models); the others are rewritten (status, state). */
export const CHANNEL_READ_ONLY_SHARE = 0.25;

/** What one app does over the window. */
export interface AppPlan {
  index: number;
  kind: AppKind;
  /** Distinct blobs it touches (after caps). */
  blobs: number;
  /** Fresh blobs: each touched by one invocation (fan-out, single-touch, mostly-unique). */
  freshBlobs: number;
  /** Extra invocations re-reading an already touched fresh blob (mostly-unique). */
  reaccesses: number;
  /** Channels (re-reader, hot): blobs per channel and invocations per channel. */
  channelBlobs: Uint8Array;
  channelInvocations: Uint32Array;
}

export interface PlanCaps {
  maxBlobsPerApp?: number | undefined;
  maxAccessesPerApp?: number | undefined;
}

/** Accesses per fresh blob on average (see FRESH_KINDS in generate.ts). */
export const MEAN_ACCESSES_PER_FRESH_BLOB = 1.125;

/**
 * Deals one cell per app: stratum k of `apps` equal strata of [0, 1) goes to a seeded random
 * app, and a uniform inside the stratum picks the cell by cumulative share.
 */
export function dealCells(seed: number, apps: number): PopulationCell[] {
  const random = seededRandom(hash32(seed, 0x63656c6c));
  const strata = Array.from({ length: apps }, (_, i) => i);
  for (let i = apps - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [strata[i], strata[j]] = [strata[j]!, strata[i]!];
  }
  return strata.map((stratum) => {
    let u = ((stratum + random()) / apps) * 100;
    for (const cell of POPULATION_CELLS) {
      if ((u -= cell.sharePercent) < 0) return cell;
    }
    return POPULATION_CELLS[POPULATION_CELLS.length - 1]!;
  });
}

const logUniformInt = (random: Random, lo: number, hi: number): number =>
  Math.min(hi, Math.max(lo, Math.floor(lo * ((hi + 1) / lo) ** random())));

/** The plan of app `index` in cell `cell`; every draw comes from the app's own random stream. */
export function planApp(seed: number, index: number, cell: PopulationCell, caps: PlanCaps): AppPlan {
  const random = seededRandom(hash32(seed, index, 0x706c616e));
  const drawn = cell.minBlobs === cell.maxBlobs ? cell.minBlobs : logUniformInt(random, cell.minBlobs, cell.maxBlobs);
  const extraShare = 0.01 + 0.085 * random();
  const ratioU = random();
  const blobs = Math.min(drawn, caps.maxBlobsPerApp ?? Infinity);
  const plan: AppPlan = { index, kind: cell.kind, blobs, freshBlobs: 0, reaccesses: 0, channelBlobs: new Uint8Array(0), channelInvocations: new Uint32Array(0) };

  if (cell.kind === 'fan-out' || cell.kind === 'single-touch' || cell.kind === 'mostly-unique') {
    plan.freshBlobs = blobs;
    plan.reaccesses = cell.kind === 'mostly-unique' ? Math.max(1, Math.floor(extraShare * blobs)) : 0;
    const accesses = blobs * MEAN_ACCESSES_PER_FRESH_BLOB + plan.reaccesses;
    if (caps.maxAccessesPerApp !== undefined && accesses > caps.maxAccessesPerApp) {
      const f = caps.maxAccessesPerApp / accesses;
      plan.freshBlobs = plan.blobs = Math.max(cell.kind === 'fan-out' ? 2 : 1, Math.floor(blobs * f));
      if (plan.reaccesses > 0) plan.reaccesses = Math.max(1, Math.floor(plan.reaccesses * f));
    }
    return plan;
  }

  // Channels: invocations per blob drawn log-uniformly in the kind's range, then dealt to
  // channels in proportion to their blobs and a log-normal weight (some channels are busier).
  const [lo, hi] = cell.kind === 'hot'
    ? [110, Math.max(110, Math.min(1500, MAX_CHANNEL_INVOCATIONS / drawn))]
    : [1.15, Math.max(1.3, Math.min(100, Math.max(MAX_CHANNEL_INVOCATIONS, 1.5 * drawn) / drawn))];
  const ratio = lo * (hi / lo) ** ratioU;
  let invocations = cell.kind === 'hot' ? Math.ceil(ratio * blobs) : Math.min(100 * blobs, Math.max(Math.ceil(1.12 * blobs), Math.round(ratio * blobs)));
  const sizes: number[] = [];
  const weights: number[] = [];
  for (let left = blobs, c = 0; left > 0; c++) {
    const r = seededRandom(hash32(seed, index, c, 0x6368616e));
    const u = r();
    const g = Math.min(left, u < 0.6 ? 1 : u < 0.9 ? 2 : 3);
    sizes.push(g);
    weights.push(g * Math.exp(0.8 * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r())));
    left -= g;
  }
  const channels = sizes.length;
  const counts = new Uint32Array(channels).fill(1);
  invocations = Math.max(invocations, channels);
  const total = weights.reduce((a, b) => a + b, 0);
  // Largest remainder: exactly `invocations` in all, at least one per channel.
  const spare = invocations - channels;
  const remainders = weights.map((w, c) => {
    const share = (spare * w) / total;
    counts[c]! += Math.floor(share);
    return { c, rest: share - Math.floor(share) };
  });
  let left = invocations - counts.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => b.rest - a.rest || a.c - b.c);
  for (let i = 0; left > 0; i = (i + 1) % channels, left--) counts[remainders[i]!.c]! += 1;

  if (caps.maxAccessesPerApp !== undefined) {
    const accesses = sizes.reduce((sum, g, c) => sum + g * counts[c]!, 0);
    if (accesses > caps.maxAccessesPerApp) {
      const f = caps.maxAccessesPerApp / accesses;
      for (let c = 0; c < channels; c++) counts[c] = Math.max(1, Math.floor(counts[c]! * f));
    }
  }
  plan.channelBlobs = Uint8Array.from(sizes);
  plan.channelInvocations = counts;
  return plan;
}
