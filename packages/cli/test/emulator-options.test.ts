import { ConfigError } from '@faast/core';
import { parseProfile, resolveEmulatorFlags } from '../src/emulator';

describe('faast emulator flags', () => {
  it('--profile: none, s3-standard, or <ms>ms,<bytes/s>', () => {
    expect(parseProfile('none')).toEqual({ firstByteLatencyMs: 0, bandwidthBytesPerSec: 0 });
    expect(parseProfile('s3-standard')).toEqual({ firstByteLatencyMs: 15, bandwidthBytesPerSec: 90e6 });
    expect(parseProfile('20ms,50MB')).toEqual({ firstByteLatencyMs: 20, bandwidthBytesPerSec: 50e6 });
    expect(parseProfile('2.5ms,1MiB/s')).toEqual({ firstByteLatencyMs: 2.5, bandwidthBytesPerSec: 2 ** 20 });
    expect(parseProfile('5ms,0')).toEqual({ firstByteLatencyMs: 5, bandwidthBytesPerSec: 0 });
    for (const bad of ['fast', '20', '20ms', '-1ms,5MB', '20ms,fast']) expect(() => parseProfile(bad)).toThrow(ConfigError);
  });

  it('buckets repeated or comma-separated, once each; defaults', () => {
    expect(resolveEmulatorFlags({ port: '0', host: '::1', bucket: ['photos,docs', 'photos'], profile: 'none' })).toEqual({
      port: 0,
      host: '::1',
      directory: undefined,
      buckets: ['photos', 'docs'],
      profile: { firstByteLatencyMs: 0, bandwidthBytesPerSec: 0 },
    });
    expect(resolveEmulatorFlags({ port: '4568', host: 'localhost', profile: 'none' }).buckets).toEqual([]);
  });

  it.each([
    [{ port: '65536' }, '--port'],
    [{ port: '-1' }, '--port'],
    [{ host: '10.0.0.1' }, '--host'],
    [{ bucket: ['ok-name,a..b'] }, '--bucket'],
    [{ bucket: ['192.168.1.1'] }, '--bucket'],
  ])('%j is refused naming %s', (bad, option) => {
    expect(() => resolveEmulatorFlags({ port: '0', host: '127.0.0.1', profile: 'none', ...bad })).toThrow(expect.objectContaining({ option }));
  });
});
