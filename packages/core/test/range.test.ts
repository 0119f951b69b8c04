import { describe, expect, it } from '@jest/globals';
import { CacheError, formatRange, isSupportedRange, parseRange, resolveRange, type ByteRange } from '@faast/core';

/** Parses and resolves a header against an object of `size` bytes. */
function bytesOf(header: string, size: number): ByteRange | 'unsatisfiable' {
  const spec = parseRange(header);
  if (!spec) throw new Error(`'${header}' parsed as no range`);
  return resolveRange(spec, size);
}

function invalid(header: string): CacheError {
  try {
    parseRange(header);
  } catch (err) {
    expect(err).toBeInstanceOf(CacheError);
    return err as CacheError;
  }
  throw new Error(`'${header}' was accepted`);
}

describe('parseRange', () => {
  it('treats an absent or empty header as the whole object', () => {
    expect(parseRange(undefined)).toBeUndefined();
    expect(parseRange('')).toBeUndefined();
  });

  it('reads the three forms of a single byte range', () => {
    expect(parseRange('bytes=0-9')).toEqual({ kind: 'from', first: 0, last: 9 });
    expect(parseRange('bytes=5-')).toEqual({ kind: 'from', first: 5 });
    expect(parseRange('bytes=-3')).toEqual({ kind: 'suffix', length: 3 });
  });

  it('accepts a one-byte range and surrounding whitespace', () => {
    expect(parseRange('bytes=4-4')).toEqual({ kind: 'from', first: 4, last: 4 });
    expect(parseRange('  bytes=1-2 ')).toEqual({ kind: 'from', first: 1, last: 2 });
  });

  it.each(['bytes=abc', 'bytes=5-2', 'items=0-1', 'bytes=0-1,5-6', 'bytes=', 'bytes=-', 'bytes=1-2-3', 'bytes 0-1', '0-1', 'bytes=+1-2', 'bytes=-1-'])(
    "refuses '%s' as INVALID_ARGUMENT naming the range",
    (header) => {
      const err = invalid(header);
      expect(err.code).toBe('INVALID_ARGUMENT');
      expect(err.message).toContain(`'${header}'`);
      expect(err.message).toMatch(/^range: /);
    },
  );

  it('explains a range that ends before it starts', () => {
    expect(invalid('bytes=5-2').message).toContain('ends before it starts');
  });

  it('refuses positions beyond 2^53 instead of losing precision', () => {
    expect(invalid('bytes=9007199254740993-').code).toBe('INVALID_ARGUMENT');
  });

  it('truncates a very long header in the message', () => {
    const header = `bytes=${'9'.repeat(500)}x`;
    const err = invalid(header);
    expect(err.message.length).toBeLessThan(300);
    expect(err.message).toContain(header.slice(0, 80));
  });

  // RFC 9110 §14.1: "Range unit names are case-insensitive". The parser only accepts the
  // lower-case `bytes`; whether to follow the RFC or S3's spelling is the engineer's call.
  it('accepts the range unit in any case (RFC 9110 §14.1)', () => {
    expect(parseRange('Bytes=0-9')).toEqual({ kind: 'from', first: 0, last: 9 });
  });
});

describe('isSupportedRange', () => {
  it('tells supported from unsupported headers without throwing', () => {
    expect(isSupportedRange('bytes=0-1')).toBe(true);
    expect(isSupportedRange('bytes=-1')).toBe(true);
    expect(isSupportedRange('bytes=0-1,2-3')).toBe(false);
    expect(isSupportedRange('items=0-1')).toBe(false);
  });
});

describe('resolveRange on a 10-byte object', () => {
  const size = 10;

  it('selects the first bytes', () => {
    expect(bytesOf('bytes=0-9', size)).toEqual({ start: 0, end: 9 });
    expect(bytesOf('bytes=0-0', size)).toEqual({ start: 0, end: 0 });
    expect(bytesOf('bytes=2-5', size)).toEqual({ start: 2, end: 5 });
  });

  it('reads an open range to the end', () => {
    expect(bytesOf('bytes=5-', size)).toEqual({ start: 5, end: 9 });
    expect(bytesOf('bytes=9-', size)).toEqual({ start: 9, end: 9 });
  });

  it('selects the last bytes for a suffix range', () => {
    expect(bytesOf('bytes=-3', size)).toEqual({ start: 7, end: 9 });
    expect(bytesOf('bytes=-1', size)).toEqual({ start: 9, end: 9 });
  });

  it('answers a suffix longer than the object with the whole object, as a range', () => {
    expect(bytesOf('bytes=-10', size)).toEqual({ start: 0, end: 9 });
    expect(bytesOf('bytes=-25', size)).toEqual({ start: 0, end: 9 });
  });

  it('clamps a last position past the end', () => {
    expect(bytesOf('bytes=5-100', size)).toEqual({ start: 5, end: 9 });
    expect(bytesOf('bytes=0-10', size)).toEqual({ start: 0, end: 9 });
  });

  it('is unsatisfiable when the first byte is at or past the end', () => {
    expect(bytesOf('bytes=10-', size)).toBe('unsatisfiable');
    expect(bytesOf('bytes=10-20', size)).toBe('unsatisfiable');
    expect(bytesOf('bytes=11-11', size)).toBe('unsatisfiable');
  });

  it('is unsatisfiable for a zero-length suffix', () => {
    expect(bytesOf('bytes=-0', size)).toBe('unsatisfiable');
  });
});

describe('resolveRange on an empty object', () => {
  it.each(['bytes=0-0', 'bytes=0-', 'bytes=-1', 'bytes=-0', 'bytes=3-7'])('finds %s unsatisfiable', (header) => {
    expect(bytesOf(header, 0)).toBe('unsatisfiable');
  });
});

describe('formatRange', () => {
  it('writes a resolved range as a header that parses back to it', () => {
    const range = { start: 3, end: 8 };
    expect(formatRange(range)).toBe('bytes=3-8');
    expect(bytesOf(formatRange(range), 100)).toEqual(range);
  });
});
