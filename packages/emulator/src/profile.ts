/**
 * How far away the emulated origin is: the two numbers that dominate the cost of reading an
 * object from a cloud store — time to first byte and the throughput of one connection.
 */
export interface RemoteProfile {
  /**
   * Added before the response head of every request that goes through the profile, in
   * milliseconds (ms). 0 adds nothing. Default 15 (S3 Standard, same region).
   */
  firstByteLatencyMs: number;
  /**
   * Bandwidth of one connection, i.e. of one response body, in bytes per second (B/s);
   * 0 means unlimited. Default 90e6 (about what one S3 GET stream sustains in region).
   */
  bandwidthBytesPerSec: number;
}

/**
 * S3 Standard read from the same region: 15 ms to first byte, 90 MB/s (90e6 B/s) per
 * connection. The default profile of the emulator.
 */
export const S3_STANDARD_PROFILE: Readonly<RemoteProfile> = Object.freeze({
  firstByteLatencyMs: 15,
  bandwidthBytesPerSec: 90e6,
});

/** No added latency and unlimited bandwidth: the proxy only forwards (for tests). */
export const NO_LATENCY_PROFILE: Readonly<RemoteProfile> = Object.freeze({
  firstByteLatencyMs: 0,
  bandwidthBytesPerSec: 0,
});

/**
 * Throws a RangeError unless both values are finite and non-negative; a typo such as a
 * negative latency would otherwise silently become "no latency".
 */
export function validateProfile(profile: RemoteProfile): void {
  const fields: Array<[string, unknown]> = [
    ['firstByteLatencyMs', profile.firstByteLatencyMs],
    ['bandwidthBytesPerSec', profile.bandwidthBytesPerSec],
  ];
  for (const [name, value] of fields) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`RemoteProfile.${name} must be a finite number >= 0, got ${String(value)}`);
    }
  }
}
