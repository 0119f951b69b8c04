/**
 * Arrival processes with an exact number of events in a window, produced lazily in time order
 * (no per-process arrays): the per-app counts are calibrated, so they must come out exactly,
 * and a population of many processes must not hold its events in memory.
 *
 * Each regime targets one part of the published inter-arrival figure (coefficient of variation
 * of a blob's inter-arrival times):
 *   - `periodic`: timers, a fixed period with ~0.3–1.2 % jitter → CoV ≈ 0.01;
 *   - `regular`: a grid of slots of which a random fraction q is used → geometric gaps,
 *     CoV ≈ √(1−q) ∈ [0.17, 0.8] (more regular than Poisson);
 *   - `poisson`: order statistics of uniforms → CoV ≈ 1;
 *   - `bursty`: a few bursts of several events seconds apart, bursts far apart → CoV > 1.
 */
import { type Random } from '@faast/core';
import { normalQuantile } from './sizes';

// Module-level bindings: a global `Math` lookup per call is slow in sandboxed contexts (test runners).
const { ceil, floor, log, max, min, round } = Math;

export type ArrivalRegime = 'periodic' | 'regular' | 'poisson' | 'bursty';

/** Event times, ms from the window start, non-decreasing, in [0, durationMs). */
export interface Arrivals {
  /** The next event's time, or undefined after the last one. */
  next(): number | undefined;
}

/** n sorted uniforms in [0, 1), one at a time (the conditional law of the next order statistic). */
export class SortedUniforms {
  private u = 0;
  constructor(
    private remaining: number,
    private readonly random: Random,
  ) {}

  next(): number | undefined {
    if (this.remaining <= 0) return undefined;
    this.u += (1 - this.u) * (1 - (1 - this.random()) ** (1 / this.remaining));
    this.remaining--;
    return min(this.u, 1 - 1e-12);
  }
}

class Periodic implements Arrivals {
  private k = 0;
  private last = 0;
  private readonly period: number;
  private readonly phase: number;
  private readonly jitter: number;
  constructor(
    private readonly n: number,
    private readonly durationMs: number,
    private readonly random: Random,
  ) {
    this.period = durationMs / n;
    this.phase = random() * this.period;
    this.jitter = this.period * (0.003 + 0.009 * random());
  }

  next(): number | undefined {
    if (this.k >= this.n) return undefined;
    const t = this.phase + this.k++ * this.period + this.jitter * normalQuantile(this.random());
    this.last = min(this.durationMs - 1, max(this.last, t));
    return this.last;
  }
}

class Regular implements Arrivals {
  private slot = 0;
  private chosen = 0;
  private readonly slots: number;
  constructor(
    private readonly n: number,
    private readonly durationMs: number,
    private readonly random: Random,
  ) {
    const q = 0.35 + 0.62 * random();
    this.slots = max(n, ceil(n / q));
  }

  next(): number | undefined {
    // Selection sampling (Knuth's algorithm S): exactly n of the slots, in order.
    while (this.chosen < this.n) {
      const slot = this.slot++;
      if (this.random() * (this.slots - slot) < this.n - this.chosen) {
        this.chosen++;
        return min(this.durationMs - 1, ((slot + 0.5 + 0.2 * (this.random() - 0.5)) * this.durationMs) / this.slots);
      }
    }
    return undefined;
  }
}

class Poisson implements Arrivals {
  private readonly uniforms: SortedUniforms;
  constructor(
    n: number,
    private readonly durationMs: number,
    random: Random,
  ) {
    this.uniforms = new SortedUniforms(n, random);
  }

  next(): number | undefined {
    const u = this.uniforms.next();
    return u === undefined ? undefined : u * this.durationMs;
  }
}

class Bursty implements Arrivals {
  private readonly starts: SortedUniforms;
  private bursts: number;
  private events: number;
  private inBurst = 0;
  private last = 0;
  private readonly gapMs: number;
  constructor(
    n: number,
    private readonly durationMs: number,
    private readonly random: Random,
  ) {
    // At least two bursts when there are ≥ 3 events, so the blob shows both short and long gaps.
    const meanBurst = 3 + 9 * random();
    this.bursts = min(n, max(n >= 3 ? 2 : 1, round(n / meanBurst)));
    this.events = n;
    this.starts = new SortedUniforms(this.bursts, random);
    this.gapMs = max(1, min(2000, durationMs / (20 * n)));
  }

  next(): number | undefined {
    if (this.events <= 0) return undefined;
    if (this.inBurst === 0) {
      const start = this.starts.next()! * this.durationMs;
      // Split the remaining events over the remaining bursts, at least one each.
      const spare = this.events - this.bursts;
      this.inBurst = this.bursts === 1 ? this.events : 1 + min(spare, floor(this.random() * 2 * (spare / this.bursts + 0.5)));
      this.bursts--;
      this.last = max(this.last, start);
    } else {
      this.last += -log(1 - this.random()) * this.gapMs;
    }
    this.inBurst--;
    this.events--;
    this.last = min(this.durationMs - 1, this.last);
    return this.last;
  }
}

/** An arrival process with exactly n events in [0, durationMs). */
export function arrivals(regime: ArrivalRegime, n: number, durationMs: number, random: Random): Arrivals {
  switch (regime) {
    case 'periodic':
      return new Periodic(n, durationMs, random);
    case 'regular':
      return new Regular(n, durationMs, random);
    case 'poisson':
      return new Poisson(n, durationMs, random);
    case 'bursty':
      return new Bursty(n, durationMs, random);
  }
}
