import { assertLoopbackHost, httpUrl } from '../src/loopback';
import { NO_LATENCY_PROFILE, S3_STANDARD_PROFILE, validateProfile } from '../src/profile';

describe('profiles', () => {
  it('S3 Standard in region is 15 ms and 90 MB/s; the test profile adds nothing', () => {
    expect(S3_STANDARD_PROFILE).toEqual({ firstByteLatencyMs: 15, bandwidthBytesPerSec: 90e6 });
    expect(NO_LATENCY_PROFILE).toEqual({ firstByteLatencyMs: 0, bandwidthBytesPerSec: 0 });
    expect(Object.isFrozen(S3_STANDARD_PROFILE)).toBe(true);
  });

  it('rejects negative, infinite or missing values', () => {
    expect(() => validateProfile({ firstByteLatencyMs: -1, bandwidthBytesPerSec: 0 })).toThrow(RangeError);
    expect(() => validateProfile({ firstByteLatencyMs: 0, bandwidthBytesPerSec: Infinity })).toThrow(RangeError);
    expect(() => validateProfile({ firstByteLatencyMs: 0 } as never)).toThrow(/bandwidthBytesPerSec/);
    expect(() => validateProfile(S3_STANDARD_PROFILE)).not.toThrow();
  });
});

describe('loopback hosts', () => {
  it('accepts loopback addresses only', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost']) expect(() => assertLoopbackHost(host)).not.toThrow();
    for (const host of ['0.0.0.0', '::', '10.0.0.1', 'example.com', '127.example.com']) {
      expect(() => assertLoopbackHost(host)).toThrow(/loopback/);
    }
  });

  it('brackets IPv6 literals in URLs', () => {
    expect(httpUrl('127.0.0.1', 80)).toBe('http://127.0.0.1:80');
    expect(httpUrl('::1', 80)).toBe('http://[::1]:80');
  });
});
