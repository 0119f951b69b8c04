import { describe, expect, it } from '@jest/globals';
import { ConfigError, formatBytes, parseBytes, resolveCacheletConfig, type CacheletConfigInput, parseConsistency, formatConsistency } from '@faast/core';

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

/** Runs `fn`, expects a ConfigError, returns it. */
function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError, nothing was thrown');
}

describe('parseBytes', () => {
  it.each([
    ['0', 0],
    ['1', 1],
    ['1048576', 1048576],
    ['12B', 12],
  ])('reads plain byte counts: %s', (text, bytes) => {
    expect(parseBytes(text)).toBe(bytes);
  });

  it('accepts numbers that are whole byte counts', () => {
    expect(parseBytes(0)).toBe(0);
    expect(parseBytes(4096)).toBe(4096);
  });

  it.each([
    ['1KiB', KiB],
    ['512KiB', 512 * KiB],
    ['256MiB', 256 * MiB],
    ['2GiB', 2 * GiB],
    ['64mi', 64 * MiB],
    ['3ki', 3 * KiB],
  ])('reads binary units (with i): %s', (text, bytes) => {
    expect(parseBytes(text)).toBe(bytes);
  });

  it.each([
    ['1KB', 1000],
    ['5MB', 5_000_000],
    ['2GB', 2_000_000_000],
    ['7k', 7000],
    ['3m', 3_000_000],
  ])('reads decimal units (without i): %s', (text, bytes) => {
    expect(parseBytes(text)).toBe(bytes);
  });

  it.each([
    ['1.5KiB', 1536],
    ['0.5MiB', 512 * KiB],
    ['1.5GB', 1_500_000_000],
    ['0.25GiB', 256 * MiB],
  ])('reads fractions of a unit: %s', (text, bytes) => {
    expect(parseBytes(text)).toBe(bytes);
  });

  it('ignores the case of the unit', () => {
    for (const unit of ['mib', 'MIB', 'MiB', 'mIb']) expect(parseBytes(`3${unit}`)).toBe(3 * MiB);
    for (const unit of ['kb', 'KB', 'Kb']) expect(parseBytes(`3${unit}`)).toBe(3000);
  });

  it('ignores whitespace around the value and between number and unit', () => {
    expect(parseBytes('  256MiB  ')).toBe(256 * MiB);
    expect(parseBytes('256 MiB')).toBe(256 * MiB);
    expect(parseBytes('\t10\n')).toBe(10);
  });

  it.each(['abc', '-1', '12XB', '', '   ', 'MiB', '1.2.3', '1e6', '5 M iB'])(
    "refuses '%s' with a ConfigError naming the option",
    (text) => {
      const err = configError(() => parseBytes(text, 'capacityBytes'));
      expect(err.option).toBe('capacityBytes');
      expect(err.message).toMatch(/^capacityBytes: /);
      expect(err.message).toContain(`'${text}'`);
    },
  );

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses the number %p', (n) => {
    const err = configError(() => parseBytes(n, 'maxObjectBytes'));
    expect(err.option).toBe('maxObjectBytes');
    expect(err.message).toMatch(/^maxObjectBytes: /);
  });

  it("names the default option 'size' when none is given", () => {
    expect(configError(() => parseBytes('nope')).option).toBe('size');
  });

  it('refuses sizes beyond 2^53 bytes', () => {
    const err = configError(() => parseBytes('9999999TiB', 'capacityBytes'));
    expect(err.message).toContain('too large');
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1, '1 B'],
    [1023, '1023 B'],
    [KiB, '1.00 KiB'],
    [1536, '1.50 KiB'],
    [10 * KiB, '10.0 KiB'],
    [256 * MiB, '256.0 MiB'],
    [1.5 * GiB, '1.50 GiB'],
    [3 * 1024 * GiB, '3.00 TiB'],
    [5000 * 1024 * GiB, '5000.0 TiB'],
  ])('formats %p as %p', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('round-trips through parseBytes for whole binary units', () => {
    for (const bytes of [KiB, 3 * MiB, 2 * GiB]) {
      expect(parseBytes(formatBytes(bytes).replace(/\.0+ /, ''))).toBe(bytes);
    }
  });
});

describe('resolveCacheletConfig', () => {
  it('fills in documented defaults', () => {
    const c = resolveCacheletConfig();
    expect(c.capacityBytes).toBe(256 * MiB);
    expect(c.maxObjectBytes).toBe(c.capacityBytes / 8);
    expect(c.maxKeyBytes).toBe(1024);
    expect(c.streamChunkBytes).toBe(256 * KiB);
    expect(c.app).toBe('default');
    expect(c.holderKeys).toBe(100_000);
  });

  it('derives maxObjectBytes from the given capacity (an eighth, rounded down)', () => {
    expect(resolveCacheletConfig({ capacityBytes: 8000 }).maxObjectBytes).toBe(1000);
    expect(resolveCacheletConfig({ capacityBytes: 1001 }).maxObjectBytes).toBe(125);
  });

  it('keeps explicit values', () => {
    const input = {
      app: 'photos.v2',
      capacityBytes: 10 * MiB,
      maxObjectBytes: 10 * MiB,
      maxKeyBytes: 64,
      streamChunkBytes: 16 * MiB,
      consistency: { mode: 'ttl' as const, ttlMs: 5000 },
      replicaShare: 0.5,
      replicaMinReads: 3,
      suspectMs: 100,
      chunkThresholdBytes: 4 * MiB,
      chunkBytes: 2 * MiB,
      readAhead: 8,
      holderKeys: 10,
    };
    expect(resolveCacheletConfig(input)).toEqual(input);
    expect(resolveCacheletConfig({ maxObjectBytes: 0 }).maxObjectBytes).toBe(0);
  });

  it.each<[string, CacheletConfigInput]>([
    ['chunkBytes', { chunkBytes: 0 }],
    ['chunkBytes', { chunkBytes: 65 * MiB }],
    ['chunkThresholdBytes', { chunkThresholdBytes: -1 }],
    ['readAhead', { readAhead: 0 }],
    ['holderKeys', { holderKeys: 0 }],
    ['replicaShare', { replicaShare: 0.95 }],
    ['replicaShare', { replicaShare: -0.1 }],
    ['replicaMinReads', { replicaMinReads: 0 }],
    ['suspectMs', { suspectMs: -1 }],
    ['capacityBytes', { capacityBytes: 0 }],
    ['capacityBytes', { capacityBytes: -5 }],
    ['capacityBytes', { capacityBytes: 1.5 }],
    ['capacityBytes', { capacityBytes: Number.NaN }],
    ['maxObjectBytes', { maxObjectBytes: -1 }],
    ['maxObjectBytes', { maxObjectBytes: 0.5 }],
    ['maxObjectBytes', { capacityBytes: 1000, maxObjectBytes: 1001 }],
    ['maxKeyBytes', { maxKeyBytes: 0 }],
    ['maxKeyBytes', { maxKeyBytes: 2.5 }],
    ['streamChunkBytes', { streamChunkBytes: 0 }],
    ['streamChunkBytes', { streamChunkBytes: 16 * MiB + 1 }],
    ['app', { app: '' }],
    ['app', { app: '-leading-dash' }],
    ['app', { app: 'has space' }],
    ['app', { app: 'a'.repeat(64) }],
  ])('names %s when it is invalid (%j)', (option, input) => {
    const err = configError(() => resolveCacheletConfig(input));
    expect(err.option).toBe(option);
    expect(err.message.startsWith(`${option}: `)).toBe(true);
  });

  it('accepts an app name of 63 characters', () => {
    expect(resolveCacheletConfig({ app: 'a'.repeat(63) }).app).toHaveLength(63);
  });
});

describe('parseConsistency', () => {
  it.each([
    ['owner', { mode: 'owner' }],
    ['strict', { mode: 'strict' }],
    ['ttl:250', { mode: 'ttl', ttlMs: 250 }],
  ])('%s', (value, expected) => {
    expect(parseConsistency(value)).toEqual(expected);
    expect(formatConsistency(parseConsistency(value))).toBe(value);
  });

  it.each(['ttl:0', 'ttl:', 'ttl:-5', 'eventual', ''])('%j is refused, naming the option', (value) => {
    expect(() => parseConsistency(value, '--consistency')).toThrow(/^--consistency: .* is not a consistency mode/);
  });
});
