/** The seeded random source and the Zipf sampler: repeatable, and drawing with the stated law. */
import { seededRandom, ZipfSampler } from '../src/random';

describe('seededRandom', () => {
  it('the same seed gives the same sequence, another seed another one, all in [0, 1)', () => {
    const a = Array.from({ length: 5 }, seededRandom(7));
    const b = Array.from({ length: 5 }, seededRandom(7));
    const c = Array.from({ length: 5 }, seededRandom(8));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    for (const x of [...a, ...c]) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('ZipfSampler', () => {
  it('draws ranks with P(k) ∝ 1/(k+1)^s: observed shares within 1 point of the law', () => {
    const z = new ZipfSampler(50, 1.0, seededRandom(3));
    const counts = new Array<number>(50).fill(0);
    const draws = 200_000;
    for (let i = 0; i < draws; i++) counts[z.next()]!++;
    for (const k of [0, 1, 2, 10, 49]) expect(Math.abs(counts[k]! / draws - z.probability(k))).toBeLessThan(0.01);
    expect(counts[0]).toBeGreaterThan(counts[1]!);
  });

  it('with shuffle, the hottest item is no longer item 0, and every item is still drawn', () => {
    const z = new ZipfSampler(20, 1.2, seededRandom(11), true);
    const counts = new Array<number>(20).fill(0);
    for (let i = 0; i < 50_000; i++) counts[z.next()]!++;
    const hottest = counts.indexOf(Math.max(...counts));
    expect(hottest).not.toBe(0);
    expect(counts.every((c) => c > 0)).toBe(true);
    expect(Math.max(...counts) / 50_000).toBeCloseTo(z.probability(0), 1);
  });

  it('refuses an empty population and a negative exponent', () => {
    expect(() => new ZipfSampler(0, 1, seededRandom(1))).toThrow(/n must be a whole number ≥ 1/);
    expect(() => new ZipfSampler(3, -1, seededRandom(1))).toThrow(/exponent must be ≥ 0/);
  });
});
