/** What the runner gives each instance and sidecar, per cachelet mode; and its latency statistics. */
import { describe, expect, it } from '@jest/globals';
import { instanceEnv, sidecarConfig, sidecarEnv, type EnvSetup } from '../src/runner/env';
import { latencyStats } from '../src/runner/stats';

const setup = (mode: EnvSetup['mode']): EnvSetup => ({
  app: 'photos',
  mode,
  baseEnv: { PATH: '/bin', FAAST_SOCKET: '/elsewhere.sock', FAAST_EMBEDDED: '1', FAAST_CONSISTENCY: 'strict' },
  appEnv: { BUCKET: 'b', FAAST_APP: 'not-this' },
  origin: { endpoint: 'http://127.0.0.1:9000', region: 'eu-west-1', credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' }, checksums: 'when-required' },
  socket: '/w/s/1.sock',
  membersDir: '/w/members/photos',
  capacityBytes: 1024,
});

describe('instance environment', () => {
  it("'none' turns the cache off and drops inherited cachelet variables", () => {
    const env = instanceEnv(setup('none'));
    expect(env).toMatchObject({ PATH: '/bin', BUCKET: 'b', FAAST_APP: 'photos', FAAST_DISABLE: '1', S3_ENDPOINT: 'http://127.0.0.1:9000', AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AK', AWS_SECRET_ACCESS_KEY: 'SK', FAAST_CONSISTENCY: 'strict' });
    expect(env['FAAST_SOCKET']).toBeUndefined();
    expect(env['FAAST_EMBEDDED']).toBeUndefined();
  });

  it("'sidecar' points the app at its own cachelet's socket", () => {
    const env = instanceEnv(setup('sidecar'));
    expect(env['FAAST_SOCKET']).toBe('/w/s/1.sock');
    expect(env['FAAST_EMBEDDED']).toBeUndefined();
    expect(env['FAAST_DISABLE']).toBeUndefined();
  });

  it("'embedded' runs the cachelet in the app process, in the app's ring", () => {
    expect(instanceEnv(setup('embedded'))).toMatchObject({
      FAAST_EMBEDDED: '1',
      FAAST_PEER_LISTEN: '127.0.0.1:0',
      FAAST_MEMBERS: 'dir:/w/members/photos',
      FAAST_CAPACITY: '1024',
      FAAST_APP: 'photos',
    });
    expect(instanceEnv(setup('embedded'))['FAAST_SOCKET']).toBeUndefined();
  });

  it('a sidecar gets the origin and its credentials through the environment, the rest as config', () => {
    const s = setup('sidecar');
    expect(sidecarEnv(s)).toMatchObject({ AWS_ACCESS_KEY_ID: 'AK', AWS_SECRET_ACCESS_KEY: 'SK', AWS_REGION: 'eu-west-1' });
    const config = sidecarConfig(s, 'warn', 1000);
    expect(config).toEqual({
      app: 'photos',
      socket: '/w/s/1.sock',
      members: 'dir:/w/members/photos',
      capacityBytes: 1024,
      origin: { endpoint: 'http://127.0.0.1:9000', region: 'eu-west-1', checksums: 'when-required' },
      logLevel: 'warn',
      shutdownTimeoutMs: 1000,
    });
    expect(JSON.stringify(config)).not.toContain('SK');
  });
});

describe('latencyStats', () => {
  it('gives nearest-rank percentiles, mean and max; zeros for none', () => {
    expect(latencyStats([])).toEqual({ p50: 0, p99: 0, mean: 0, max: 0 });
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 1..100, unsorted
    expect(latencyStats(values)).toEqual({ p50: 50, p99: 99, mean: 50.5, max: 100 });
    expect(latencyStats([7])).toEqual({ p50: 7, p99: 7, mean: 7, max: 7 });
  });
});
