/**
 * Preparing a replay: invocations grouped from a streamed trace, apps selected, sizes capped,
 * the origin's seed objects, the invocation limit, and the trace sources.
 */
import { describe, expect, it } from '@jest/globals';
import { bucketOf } from '@faast/emulator';
import { replayAppName, replayBody, replayKey, safeBlobName } from '../src/replay/content';
import { ReplayLimitError, prepareReplay, type TraceSource } from '../src/replay/prepare';
import { formatGenerateSpec, parseGenerateSpec, traceSource, TraceSpecError } from '../src/replay/sources';
import type { TraceRecord } from '../src/trace/types';

const T0 = Date.UTC(2020, 10, 23);

function rec(t: number, app: string, invocation: string, blob: string, bytes: number | undefined, op: 'r' | 'w' = 'r'): TraceRecord {
  return { timestampMs: T0 + t, region: 'r1', user: 'u1', app, invocation, blob, blobType: 'BlockBlob/application/json', etag: 'e', bytes, read: op === 'r', write: op === 'w' };
}

/** A source that counts how often it is read. */
function source(records: TraceRecord[]): TraceSource & { opened: number } {
  const s = {
    name: 'test',
    opened: 0,
    open(): Iterable<TraceRecord> {
      s.opened++;
      return records;
    },
  };
  return s;
}

describe('prepareReplay', () => {
  it('groups accesses into invocations in timestamp order, started at their first access', async () => {
    const s = source([
      rec(500, 'A', 'i2', 'b', 10),
      rec(100, 'A', 'i1', 'x', 20),
      rec(300, 'A', 'i1', 'y', 30, 'w'),
      rec(50, 'A', 'i1', 'z', 40), // out of order: first access of i1
      rec(700, 'B', 'i1', 'x', 50), // same invocation id, other app: another invocation
      rec(600, 'A', '', 'q', 60), // no invocation id: an invocation of its own
      rec(650, 'A', '', 'q', 60),
    ]);
    const p = await prepareReplay(s);
    expect(s.opened).toBe(1); // no selection: one pass
    expect(p.startMs).toBe(T0 + 50);
    expect(p.spanMs).toBe(650);
    expect(p.invocations.map((i) => [p.apps[i.app]!.app, i.id, i.atMs])).toEqual([
      ['A', 'i1', 0],
      ['A', 'i2', 450],
      ['A', '#6', 550],
      ['A', '#7', 600],
      ['B', 'i1', 650],
    ]);
    const i1 = p.invocations[0]!;
    expect(i1.accesses.map((a) => [a.key, a.read, a.write, a.bytes])).toEqual([
      [replayKey(p.apps[0]!.name, 'z'), true, false, 40],
      [replayKey(p.apps[0]!.name, 'x'), true, false, 20],
      [replayKey(p.apps[0]!.name, 'y'), false, true, 30],
    ]);
    expect(p.apps.map((a) => [a.app, a.name, a.invocations, a.accesses, a.reads, a.writes])).toEqual([
      ['A', 'a01-a', 4, 6, 5, 1],
      ['B', 'a02-b', 1, 1, 1, 0],
    ]);
    expect([p.accesses, p.reads, p.writes, p.traceApps]).toEqual([7, 6, 1, 2]);
  });

  it('seeds every blob that is read, at its first size, and no blob that is only written', async () => {
    const p = await prepareReplay(
      source([
        rec(0, 'A', 'i1', 'read-only', 100),
        rec(10, 'A', 'i2', 'read-only', 100),
        rec(20, 'A', 'i3', 'write-only', 200, 'w'),
        rec(30, 'A', 'i4', 'written-then-read', 300, 'w'),
        rec(40, 'A', 'i5', 'written-then-read', 300),
        rec(50, 'A', 'i6', 'grows', 10),
        rec(60, 'A', 'i7', 'grows', 20, 'w'),
      ]),
    );
    const name = p.apps[0]!.name;
    expect(p.apps[0]!.seeds.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: replayKey(name, 'grows'), bytes: 10 },
      { key: replayKey(name, 'read-only'), bytes: 100 },
      // Written first by the trace, seeded anyway: a replayed read overtaking the write finds a version.
      { key: replayKey(name, 'written-then-read'), bytes: 300 },
    ]);
    expect([p.seedObjects, p.seedBytes]).toEqual([3, 410]);
  });

  it('selects the busiest apps, or the first ones, in two passes; others are left out', async () => {
    const records = [rec(0, 'quiet', 'q1', 'a', 1), ...Array.from({ length: 5 }, (_, i) => rec(10 + i, 'busy', `b${i}`, 'a', 1)), rec(20, 'mid', 'm1', 'a', 1), rec(21, 'mid', 'm2', 'a', 1)];
    const busiest = source(records);
    const p = await prepareReplay(busiest, { apps: 2 });
    expect(busiest.opened).toBe(2);
    expect(p.apps.map((a) => [a.app, a.name])).toEqual([
      ['busy', 'a01-busy'],
      ['mid', 'a02-mid'],
    ]);
    expect(p.invocations).toHaveLength(7);
    expect(p.traceApps).toBe(3);
    // The replay starts at the selected apps' first access.
    expect(p.startMs).toBe(T0 + 10);

    const first = await prepareReplay(source(records), { apps: 2, select: 'first' });
    expect(first.apps.map((a) => a.app)).toEqual(['quiet', 'busy']);
    expect(first.invocations).toHaveLength(6);
  });

  it('selects the apps with the most re-reads: reads of a blob the app read before, not accesses', async () => {
    const records = [
      // writer: the busiest, but never re-reads (10 writes, 2 reads of distinct blobs).
      ...Array.from({ length: 10 }, (_, i) => rec(i, 'writer', `w${i}`, `b${i}`, 1, 'w')),
      rec(20, 'writer', 'w20', 'x', 1),
      rec(21, 'writer', 'w21', 'y', 1),
      // rereader: 6 reads of 2 blobs = 4 re-reads.
      ...Array.from({ length: 6 }, (_, i) => rec(30 + i, 'rereader', `r${i}`, i % 2 ? 'p' : 'q', 1)),
      // once: 3 reads of one blob = 2 re-reads.
      ...Array.from({ length: 3 }, (_, i) => rec(40 + i, 'once', `o${i}`, 'z', 1)),
    ];
    const p = await prepareReplay(source(records), { apps: 2, select: 'rereaders' });
    expect(p.apps.map((a) => a.app)).toEqual(['rereader', 'once']);
    expect(p.invocations).toHaveLength(9);
    const busiest = await prepareReplay(source(records), { apps: 1 });
    expect(busiest.apps.map((a) => a.app)).toEqual(['writer']);
  });

  it('caps sizes to maxObjectBytes and counts capped accesses and blobs', async () => {
    const p = await prepareReplay(
      source([rec(0, 'A', 'i1', 'big', 5000), rec(1, 'A', 'i2', 'big', 6000, 'w'), rec(2, 'A', 'i3', 'huge', 9000), rec(3, 'A', 'i4', 'small', 10)]),
      { maxObjectBytes: 1000 },
    );
    expect(p.capped).toEqual({ accesses: 3, blobs: 2 });
    expect(p.invocations.map((i) => i.accesses[0]!.bytes)).toEqual([1000, 1000, 1000, 10]);
    expect(p.apps[0]!.seeds.map((s) => s.bytes).sort((a, b) => a - b)).toEqual([10, 1000, 1000]);
    expect(p.maxObjectBytes).toBe(1000);
  });

  it("replays an access without a size at the blob's last known size, else 1 KiB, and counts them", async () => {
    const p = await prepareReplay(source([rec(0, 'A', 'i1', 'k', 77), rec(1, 'A', 'i2', 'k', undefined, 'w'), rec(2, 'A', 'i3', 'u', undefined)]));
    expect(p.invocations.map((i) => i.accesses[0]!.bytes)).toEqual([77, 77, 1024]);
    expect(p.unknownSizes).toBe(2);
  });

  it('refuses more invocations than the limit with a hint to use --apps, and the same for accesses', async () => {
    const records = Array.from({ length: 20 }, (_, i) => rec(i, 'A', `i${i}`, 'a', 1));
    await expect(prepareReplay(source(records), { maxInvocations: 10 })).rejects.toThrow(ReplayLimitError);
    await expect(prepareReplay(source(records), { maxInvocations: 10 })).rejects.toThrow(/more than 10 invocations; replay fewer apps \(--apps N\)/);
    await expect(prepareReplay(source(records), { maxAccesses: 5 })).rejects.toThrow(/more than 5 accesses; replay fewer apps \(--apps N\)/);
    // Within the limit after selecting apps: fine.
    const mixed = [...records, ...Array.from({ length: 30 }, (_, i) => rec(100 + i, 'B', `x${i}`, 'a', 1))];
    await expect(prepareReplay(source(mixed), { maxInvocations: 20 })).rejects.toThrow(/the trace has more than 20 invocations/);
    const p = await prepareReplay(source(mixed), { maxInvocations: 20, apps: 1, select: 'first' });
    expect(p.invocations).toHaveLength(20);
    await expect(prepareReplay(source(mixed), { maxInvocations: 20, apps: 1, select: 'busiest' })).rejects.toThrow(/selected apps have more than 20 invocations/);
  });

  it('reads an async source, and a generated population the same way twice', async () => {
    const records = [rec(0, 'A', 'i1', 'a', 1), rec(1, 'A', 'i1', 'b', 2)];
    const p = await prepareReplay({
      name: 'async',
      open: async function* () {
        yield* records;
      },
    });
    expect(p.invocations[0]!.accesses).toHaveLength(2);

    const spec = 'generate:seed=3,apps=12,duration=2m,maxAccessesPerApp=200';
    const a = await prepareReplay(traceSource(spec), { apps: 3 });
    const b = await prepareReplay(traceSource(spec), { apps: 3 });
    expect(a.seed).toBe(3);
    expect(a.source).toBe('generate:seed=3,apps=12,duration=2m,maxAccessesPerApp=200');
    expect(a.invocations.length).toBeGreaterThan(0);
    expect(a.apps).toHaveLength(3);
    expect(b).toEqual(a);
  });
});

describe('trace sources and names', () => {
  it('parses generate specs and refuses bad ones', () => {
    expect(parseGenerateSpec('generate:seed=7,apps=20,duration=10m')).toEqual({ seed: 7, apps: 20, durationMs: 600_000 });
    expect(parseGenerateSpec('generate:')).toEqual({ seed: 1, apps: 50, durationMs: 600_000 });
    expect(parseGenerateSpec('generate:duration=90s,maxblobbytes=4MiB,maxBlobsPerApp=100')).toEqual({
      seed: 1,
      apps: 50,
      durationMs: 90_000,
      maxBlobBytes: 4 * 2 ** 20,
      maxBlobsPerApp: 100,
    });
    expect(formatGenerateSpec({ seed: 7, apps: 20, durationMs: 3_600_000, maxBlobBytes: 1024 })).toBe('generate:seed=7,apps=20,duration=1h,maxBlobBytes=1024');
    expect(() => parseGenerateSpec('generate:colour=red')).toThrow(TraceSpecError);
    expect(() => parseGenerateSpec('generate:apps=many')).toThrow(/'apps=many' is not a valid value/);
    expect(() => parseGenerateSpec('generate:seed')).toThrow(/'seed' has no value/);
  });

  it('maps trace names to safe bucket, app and key names', () => {
    expect(replayAppName(0, 'Hello_World!')).toBe('a01-helloworld');
    expect(replayAppName(11, '***')).toBe('a12');
    expect(replayAppName(2, 'f'.repeat(64))).toBe(`a03-${'f'.repeat(12)}`);
    expect(safeBlobName('plain-name_1.json')).toBe('plain-name_1.json');
    expect(safeBlobName('dir/with spaces')).toMatch(/^h-[0-9a-f]{40}$/);
    expect(safeBlobName('..')).toMatch(/^h-/);
    expect(replayKey('a01-x', 'b')).toBe('a01-x/b');
    expect(replayBody(10)).toEqual(replayBody(10));
    expect(replayBody(5000)).toHaveLength(5000);
    expect(replayBody(0)).toHaveLength(0);
  });

  it('finds the bucket of a path-style request', () => {
    expect(bucketOf('/a01-x/a01-x/blob?x-id=GetObject')).toEqual({ bucket: 'a01-x', object: true });
    expect(bucketOf('/a01-x?list-type=2')).toEqual({ bucket: 'a01-x', object: false });
    expect(bucketOf('/a01-x/')).toEqual({ bucket: 'a01-x', object: false });
    expect(bucketOf('/')).toEqual({ bucket: '', object: false });
  });
});
