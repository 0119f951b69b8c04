/**
 * The hash ring: murmur3 against published vectors and a byte-level oracle, then the ring's
 * properties (same view in every process, balance, minimal movement, replica order).
 */
import { describe, expect, it } from '@jest/globals';
import { ConfigError, HashRing, murmur3, type Member } from '@faast/core';

const member = (id: string): Member => ({ id, address: `${id}:7070`, capacityBytes: 1 << 20 });
const membersOf = (n: number) => Array.from({ length: n }, (_, i) => member(`cachelet-${i}`));
const keys = (n: number) => Array.from({ length: n }, (_, i) => `obj/${i}`);
const ownersOf = (ring: HashRing, ks: string[]) => ks.map((k) => ring.owner(k));

/**
 * MurmurHash3_x86_32 over bytes, in BigInt arithmetic like the C reference, to check the
 * production code (Math.imul, reused buffer) on inputs no published vector covers.
 */
function oracle(bytes: Uint8Array, seed: number): number {
  const M = 0xffffffffn;
  const mul = (a: bigint, b: bigint) => (a * b) & M;
  const rotl = (x: bigint, r: bigint) => ((x << r) | (x >> (32n - r))) & M;
  const mixK = (k: bigint) => mul(rotl(mul(k, 0xcc9e2d51n), 15n), 0x1b873593n);
  let h = BigInt(seed);
  const blocks = bytes.length - (bytes.length % 4);
  for (let i = 0; i < blocks; i += 4) {
    const k = BigInt(bytes[i]! + bytes[i + 1]! * 2 ** 8 + bytes[i + 2]! * 2 ** 16 + bytes[i + 3]! * 2 ** 24);
    h = (mul(rotl(h ^ mixK(k), 13n), 5n) + 0xe6546b64n) & M;
  }
  let tail = 0n;
  for (let i = bytes.length - 1; i >= blocks; i--) tail = (tail << 8n) | BigInt(bytes[i]!);
  if (bytes.length > blocks) h ^= mixK(tail);
  h ^= BigInt(bytes.length);
  h = mul(h ^ (h >> 16n), 0x85ebca6bn);
  h = mul(h ^ (h >> 13n), 0xc2b2ae35n);
  return Number(h ^ (h >> 16n));
}

describe('murmur3', () => {
  it('matches published MurmurHash3_x86_32 vectors', () => {
    // Collected by library tests (Guava, commons ports, SMHasher-derived lists); all re-checked
    // with a pure-Python port of MurmurHash3.cpp. Tails of 0-3 bytes, seeds, 2- and 3-byte UTF-8.
    const vectors: [string, number, number][] = [
      ['', 0, 0], ['', 1, 0x514e28b7], ['', 0xffffffff, 0x81f16f39], ['', 42, 0x087fcd5c],
      ['a', 0, 0x3c2569b2], ['ab', 0, 0x9bbfd75f], ['abc', 0, 0xb3dd93fa], ['abcd', 0, 0x43ed676a],
      ['hello', 0, 0x248bfa47], ['Hello, world!', 1234, 0xfaf6cdb3], ['Turn me into a hash', 1234, 4138100590],
      ['The quick brown fox jumps over the lazy dog', 0, 0x2e4ff723],
      ['The quick brown fox jumps over the lazy dog', 0x9747b28c, 0x2fa826cd],
      ['毎月１日,毎週月曜日', 0, 0xfc5ba834], // Guava, hashString(…, UTF_8)
    ];
    for (const [key, seed, expected] of vectors) expect([key, seed, murmur3(key, seed)]).toEqual([key, seed, expected]);
  });

  it('the oracle passes SMHasher’s verification value for MurmurHash3_x86_32', () => {
    // Hash 0, 0 1, 0 1 2, … (255 bytes) with seed 256 − length; hash the concatenated results.
    const all = new Uint8Array(256 * 4);
    const view = new DataView(all.buffer);
    for (let len = 0; len < 256; len++) view.setUint32(len * 4, oracle(Uint8Array.from({ length: len }, (_, i) => i), 256 - len), true);
    expect(oracle(all, 0)).toBe(0xb0f57ee3);
  });

  it('hashes the UTF-8 bytes of any string, short or long', () => {
    const samples = ['é', '€', '😀', 'naïve café', '\ud800 lone surrogate', 'ππππππππ', 'obj/日本/🌵.bin'];
    // Around the reused buffer's limit (1024 UTF-16 units), ASCII and not.
    for (const n of [1023, 1024, 1025, 2000, 5000]) samples.push('x'.repeat(n), 'é'.repeat(n), '😀'.repeat(n >> 1));
    for (const s of samples) {
      for (const seed of [0, 1, 0x9747b28c, 0xffffffff]) expect(murmur3(s, seed)).toBe(oracle(Buffer.from(s, 'utf8'), seed));
    }
    // Node encodes a lone surrogate as U+FFFD; the hash follows the bytes, not the code units.
    expect(murmur3('\ud800')).toBe(murmur3('\ufffd'));
  });

  it('defaults to seed 0 and returns unsigned 32-bit integers', () => {
    expect(murmur3('hello')).toBe(murmur3('hello', 0));
    expect(keys(1000).filter((k) => !(Number.isInteger(murmur3(k)) && murmur3(k) >= 0 && murmur3(k) <= 0xffffffff))).toEqual([]);
  });
});

describe('HashRing', () => {
  it('gives the same ring and epoch whatever the order of the members', () => {
    const members = membersOf(8);
    const a = new HashRing(members);
    const b = new HashRing([...members].reverse());
    const c = new HashRing([members[3]!, members[6]!, members[0]!, members[7]!, members[1]!, members[5]!, members[2]!, members[4]!, members[2]!]);
    const ks = keys(10_000);
    expect(ownersOf(b, ks)).toEqual(ownersOf(a, ks));
    expect(ownersOf(c, ks)).toEqual(ownersOf(a, ks));
    expect(a.epoch).toMatch(/^[0-9a-f]{8}$/);
    expect([b.epoch, c.epoch]).toEqual([a.epoch, a.epoch]);
    expect(c.memberIds).toEqual(members.map((m) => m.id).sort());
    expect(a.epoch).toBe(murmur3(a.memberIds.join('\n'), 0x9747b28c).toString(16).padStart(8, '0'));
    expect(new HashRing(members.slice(1)).epoch).not.toBe(a.epoch);
    expect(new HashRing([...members, member('cachelet-8')]).epoch).not.toBe(a.epoch);
    expect(new HashRing(members, { seed: 1 }).epoch).not.toBe(a.epoch);
  });

  it('places virtual node i of m at murmur3(`m#i`, seed) and gives a key the first point ≥ its hash', () => {
    const ring = new HashRing(membersOf(5), { seed: 99 });
    const points = ring.memberIds.flatMap((id) => Array.from({ length: 160 }, (_, i) => ({ name: `${id}#${i}`, id, at: murmur3(`${id}#${i}`, 99) })));
    // A key named like a virtual node hashes exactly onto that point.
    for (const p of points) expect(ring.owner(p.name)).toBe(p.id);
    // Past the last point, the ring wraps around to the first.
    points.sort((a, b) => a.at - b.at);
    const wrapping = keys(100_000).filter((k) => murmur3(k, 99) > points.at(-1)!.at);
    expect(wrapping.length).toBeGreaterThan(0);
    for (const k of wrapping) expect(ring.owner(k)).toBe(points[0]!.id);
  });

  it('breaks ties between equal points by member id, whatever the order', () => {
    // Birthday search for two ids whose virtual node 0 hash alike (~80,000 hashes).
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const id = `m${i}`;
      const h = murmur3(`${id}#0`, 0x9747b28c);
      const other = seen.get(h);
      if (other !== undefined) pair = [other, id];
      seen.set(h, id);
    }
    const [x, y] = pair;
    for (const order of [[x, y], [y, x]]) {
      expect(new Set(ownersOf(new HashRing(order.map(member), { vnodes: 1 }), keys(1000)))).toEqual(new Set([x < y ? x : y]));
    }
  });

  it('balances 100,000 keys over 5 members within ±40 %', () => {
    const ring = new HashRing(membersOf(5));
    const counts = new Map<string, number>();
    for (const owner of ownersOf(ring, keys(100_000))) counts.set(owner!, (counts.get(owner!) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(ring.memberIds);
    for (const n of counts.values()) {
      expect(n / 20_000).toBeGreaterThan(0.6);
      expect(n / 20_000).toBeLessThan(1.4);
    }
  });

  it.each([3, 4, 8])('adding a member to %i moves about 1/(N+1) of the keys, all to it', (n) => {
    const ks = keys(100_000);
    const before = ownersOf(new HashRing(membersOf(n)), ks);
    const after = ownersOf(new HashRing([...membersOf(n), member('newcomer')]), ks);
    const moved = ks.map((_, i) => i).filter((i) => after[i] !== before[i]);
    expect(new Set(moved.map((i) => after[i]))).toEqual(new Set(['newcomer']));
    const share = moved.length / ks.length / (1 / (n + 1));
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(1.5);
  });

  it.each([3, 4, 8])('removing one of %i members moves only its keys, spread over the others', (n) => {
    const ks = keys(100_000);
    const members = membersOf(n);
    const gone = members[1]!.id;
    const before = ownersOf(new HashRing(members), ks);
    const after = ownersOf(new HashRing(members.filter((m) => m.id !== gone)), ks);
    expect(ks.filter((_, i) => before[i] !== gone && after[i] !== before[i])).toEqual([]);
    const heirs = new Map<string, number>();
    for (const i of ks.keys()) if (before[i] === gone) heirs.set(after[i]!, (heirs.get(after[i]!) ?? 0) + 1);
    const orphaned = before.filter((o) => o === gone).length;
    expect([...heirs.keys()].sort()).toEqual(members.map((m) => m.id).filter((id) => id !== gone).sort());
    // Each heir takes a fair part, not one neighbour everything (160 arcs of the gone member).
    for (const got of heirs.values()) expect(got / (orphaned / (n - 1))).toBeGreaterThan(0.3);
  });

  it('owners(key, n): distinct, starting at the owner, min(n, size) long, next owner on removal', () => {
    const members = membersOf(5);
    const ring = new HashRing(members);
    const without = new Map(members.map((m) => [m.id, new HashRing(members.filter((o) => o !== m))]));
    for (const k of keys(1000)) {
      for (const n of [0, 1, 2, 3, 5, 7]) {
        const list = ring.owners(k, n);
        expect(list).toHaveLength(Math.min(n, ring.size));
        expect(new Set(list).size).toBe(list.length);
        if (n > 0) expect(list[0]).toBe(ring.owner(k));
      }
      // The second in line is who takes the key over when its owner leaves (hand-off).
      const [first, second] = ring.owners(k, 2);
      expect(without.get(first!)!.owner(k)).toBe(second);
    }
    expect([ring.owners('k', -1), ring.owners('k', 2.5)]).toEqual([[], ring.owners('k', 2)]);
  });

  it('an empty ring has no owner; a one-member ring owns everything', () => {
    const empty = new HashRing([]);
    expect([empty.owner('k'), empty.owners('k', 3), empty.size, empty.memberIds]).toEqual([undefined, [], 0, []]);
    expect(empty.epoch).toMatch(/^[0-9a-f]{8}$/);
    const one = new HashRing([member('solo')]);
    expect(new Set(ownersOf(one, keys(10_000)))).toEqual(new Set(['solo']));
    expect([one.owners('k', 3), one.size]).toEqual([['solo'], 1]);
  });

  it('honours vnodes and seed, and rejects unusable values naming the option', () => {
    const ks = keys(10_000);
    const base = ownersOf(new HashRing(membersOf(4)), ks);
    expect(ownersOf(new HashRing(membersOf(4), { vnodes: 160, seed: 0x9747b28c }), ks)).toEqual(base);
    expect(ownersOf(new HashRing(membersOf(4), { seed: 7 }), ks)).not.toEqual(base);
    expect(ownersOf(new HashRing(membersOf(4), { vnodes: 10 }), ks)).not.toEqual(base);
    for (const [options, option] of [[{ vnodes: 0 }, 'vnodes'], [{ vnodes: 1.5 }, 'vnodes'], [{ seed: -1 }, 'seed'], [{ seed: 2 ** 32 }, 'seed']] as const) {
      expect(() => new HashRing(membersOf(2), options)).toThrow(ConfigError);
      expect(() => new HashRing(membersOf(2), options)).toThrow(new RegExp(`^${option}: `));
    }
  });
});
