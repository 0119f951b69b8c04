import { S3_STANDARD_PROFILE } from '@faast/emulator';
import { copiesPerByte, modelMs, sampleProc, type ReadFigures } from '../src/large';
import { digester } from '../src/large-reader';
import { parseLargeOptions, summarizeLarge, type LargeRunFigures } from '../src/large-main';

const MiB = 2 ** 20;

describe('parseLargeOptions', () => {
  it('defaults to 3 runs of 256 MiB, --quick to 1 run of 64 MiB', () => {
    const full = parseLargeOptions([]);
    const quick = parseLargeOptions(['--quick']);
    if (full === 'help' || quick === 'help') throw new Error('help');
    expect([full.runs, full.sizeBytes, full.cachelets, full.hash, full.readAhead]).toEqual([3, 256 * MiB, [1, 2, 4], 'sha256', undefined]);
    expect([quick.runs, quick.sizeBytes]).toEqual([1, 64 * MiB]);
    expect([full.warmReads, quick.warmReads]).toEqual([3, 1]);
  });

  it('names the bad option', () => {
    expect(() => parseLargeOptions(['--size', '4MiB'])).toThrow(/--size/);
    expect(() => parseLargeOptions(['--cachelets', '1,x'])).toThrow(/--cachelets/);
    expect(() => parseLargeOptions(['--hash', 'md5'])).toThrow(/--hash/);
    expect(() => parseLargeOptions(['--warm-reads', '0'])).toThrow(/warm-reads/);
    expect(() => parseLargeOptions(['--bogus'])).toThrow();
  });
});

describe('modelMs', () => {
  it('one stream: first byte + size / bandwidth', () => {
    expect(modelMs('direct', 90e6, 8 * MiB, 4, S3_STANDARD_PROFILE)).toBeCloseTo(15 + 1000, 6);
  });

  it('chunks: the head, then rounds of `window` chunk requests', () => {
    const chunk = 8 * MiB;
    const perChunk = 15 + (chunk * 1000) / 90e6;
    // 32 chunks, 4 in flight: 8 rounds after the head's first byte.
    expect(modelMs('cold', 32 * chunk, chunk, 4, S3_STANDARD_PROFILE)).toBeCloseTo(15 + 8 * perChunk, 6);
    expect(modelMs('cold', 32 * chunk, chunk, 8, S3_STANDARD_PROFILE)).toBeCloseTo(15 + 4 * perChunk, 6);
  });
});

describe('copiesPerByte', () => {
  it('weights the local and peer paths by the chunks n0 took', () => {
    expect(copiesPerByte('direct', { local: 0, fromPeers: 0 })).toEqual({ kernel: 1, user: 1 });
    expect(copiesPerByte('cold', { local: 8, fromPeers: 0 })).toEqual({ kernel: 3, user: 2 });
    expect(copiesPerByte('warm', { local: 1, fromPeers: 1 })).toEqual({ kernel: 3, user: 0 });
  });
});

describe('digester', () => {
  it('hashes incrementally', () => {
    const a = digester('sha256');
    a.update(Buffer.from('ab'));
    a.update(Buffer.from('c'));
    expect(a.digest()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const c = digester('crc32');
    c.update(Buffer.from('123456789'));
    expect(c.digest()).toBe('cbf43926');
  });
});

describe('sampleProc', () => {
  it('reads a process from /proc on Linux', () => {
    if (process.platform !== 'linux') return;
    const s = sampleProc(process.pid);
    expect(s.cpuUs).toBeGreaterThan(0);
    expect(s.peakRssBytes).toBeGreaterThan(0);
  });
});

describe('summarizeLarge', () => {
  const proc = { cpuMs: 10, rcharBytes: 100, wcharBytes: 0, peakRssBytes: 1, rssBeforeBytes: 1, peakReset: true };
  const read = (kind: ReadFigures['kind'], cachelets: number, mbPerSec: number): ReadFigures => ({
    kind,
    cachelets,
    bytes: 100,
    ms: 100 / mbPerSec / 1000,
    firstByteMs: 1,
    mbPerSec,
    origin: { requests: 1, byMethod: { GET: 1 }, bytesOut: 100 },
    reader: proc,
    readerGc: { ms: 0, count: 0 },
    daemons: cachelets ? [proc] : [],
    originProcess: proc,
    counters: [],
    chunks: { total: 1, local: 1, fromPeers: 0 },
    heldBytes: [],
    machine: undefined,
    problems: [],
  });

  it('takes ratios to the single stream within each run, then the median', () => {
    const runs: LargeRunFigures[] = [
      { run: 1, startedAt: '', reads: [read('direct', 0, 100), read('ranged', 0, 250), read('cold', 1, 300)] },
      { run: 2, startedAt: '', reads: [read('direct', 0, 50), read('ranged', 0, 100), read('cold', 1, 200)] },
      { run: 3, startedAt: '', reads: [read('direct', 0, 80), read('ranged', 0, 240), read('cold', 1, 160)] },
    ];
    const s = summarizeLarge(runs, { cachelets: [1], sizeBytes: 64 * MiB }, 4, 8 * MiB, 2);
    expect(s.rows.map((r) => r.id)).toEqual(['direct', 'ranged', 'cold|1']);
    const ranged = s.rows.find((r) => r.id === 'ranged')!;
    expect([ranged.mbPerSec, ranged.overSingle, ranged.cachelets]).toEqual([240, 2.5, 0]); // ratios 2.5, 2, 3
    expect(ranged.copies).toEqual({ kernel: 1, user: 1 }); // a plain read, like the single stream
    const cold = s.rows.find((r) => r.id === 'cold|1')!;
    expect(cold.mbPerSec).toBe(200);
    expect(cold.overSingle).toBe(3); // ratios 3, 4, 2
    expect(cold.samples).toBe(3);
    expect(s.rows.find((r) => r.id === 'warm|1')).toBeUndefined();
    expect(s.model.coldOverSingle).toBeGreaterThan(3);
    expect(s.model.coldOverSingle).toBeLessThan(3.5);
  });

  it('takes every warm read of every run as a sample, each against its own run\'s single stream', () => {
    const runs: LargeRunFigures[] = [
      { run: 1, startedAt: '', reads: [read('direct', 0, 100), read('cold', 1, 300), read('warm', 1, 500), read('warm', 1, 900), read('warm', 1, 1000)] },
      { run: 2, startedAt: '', reads: [read('direct', 0, 50), read('cold', 1, 200), read('warm', 1, 400), read('warm', 1, 800), read('warm', 1, 700)] },
    ];
    const warm = summarizeLarge(runs, { cachelets: [1], sizeBytes: 64 * MiB }, 4, 8 * MiB, 2).rows.find((r) => r.id === 'warm|1')!;
    expect(warm.samples).toBe(6);
    expect(warm.mbPerSec).toBe(750); // median of 400, 500, 700, 800, 900, 1000
    expect(warm.firstReadMBps).toBe(450); // 500 and 400
    expect(warm.overSingle).toBe(9.5); // median of 5, 9, 10 (run 1) and 8, 16, 14 (run 2)
  });
});
