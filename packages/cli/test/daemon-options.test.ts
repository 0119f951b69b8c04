import { ConfigError } from '@faast/core';
import { defaultSocket, resolveDaemonOptions } from '../src/daemon-options';

describe('resolveDaemonOptions', () => {
  it('fills defaults: socket per app, capacity 256 MiB, info logs, any region', () => {
    const o = resolveDaemonOptions({ app: 'photos', origin: 's3://my-bucket' }, {});
    expect(o).toMatchObject({ app: 'photos', origin: { bucket: 'my-bucket' }, socket: defaultSocket('photos'), logLevel: 'info' });
    expect(o.capacityBytes).toBeUndefined(); // the cachelet's own default applies
    expect(o.origin).not.toHaveProperty('region');
    expect(o).not.toHaveProperty('originCheck'); // the daemon's default (warn) applies
  });

  it('reads every flag from FAAST_* variables, flags win', () => {
    const env = {
      FAAST_APP: 'env-app',
      FAAST_ORIGIN: 's3://',
      FAAST_ENDPOINT: 'http://127.0.0.1:9000',
      FAAST_REGION: 'eu-west-1',
      FAAST_SOCKET: '/tmp/env.sock',
      FAAST_CAPACITY: '1GiB',
      FAAST_MAX_OBJECT: '64MiB',
      FAAST_METRICS_PORT: '9464',
      FAAST_LISTEN: '127.0.0.1:7000',
      FAAST_CHECKSUMS: 'when-required',
      FAAST_LOG_LEVEL: 'warn',
      FAAST_ORIGIN_CHECK: 'strict',
    };
    const o = resolveDaemonOptions({ capacity: '512MiB' }, env);
    expect(o).toMatchObject({
      app: 'env-app',
      origin: { endpoint: 'http://127.0.0.1:9000', region: 'eu-west-1', checksums: 'when-required' },
      socket: '/tmp/env.sock',
      capacityBytes: 512 * 2 ** 20,
      maxObjectBytes: 64 * 2 ** 20,
      metricsPort: 9464,
      listen: '127.0.0.1:7000',
      logLevel: 'warn',
      originCheck: 'strict',
    });
    expect(o.origin.bucket).toBeUndefined(); // s3:// serves any bucket
  });

  it.each([
    [{ origin: 's3://b' }, '--app', /is required/],
    [{ app: 'a' }, '--origin', /is required/],
    [{ app: 'a', origin: 'https://b' }, '--origin', /not an origin URL/],
    [{ app: 'a', origin: 's3://Bad_Bucket' }, '--origin', /not a valid S3 bucket name/],
    [{ app: 'bad name!', origin: 's3://bucket' }, '--app', /not a valid app name/],
    [{ app: 'a', origin: 's3://bucket', capacity: 'lots' }, '--capacity', /'lots' is not a size/],
    [{ app: 'a', origin: 's3://bucket', maxKey: '0' }, '--max-key', /greater than 0/],
    [{ app: 'a', origin: 's3://bucket', listen: '7000' }, '--listen', /not HOST:PORT/],
    [{ app: 'a', origin: 's3://bucket', metricsPort: '-1' }, '--metrics-port', /not a port number/],
    [{ app: 'a', origin: 's3://bucket', checksums: 'always' }, '--checksums', /when-supported or when-required/],
    [{ app: 'a', origin: 's3://bucket', originCheck: 'maybe' }, '--origin-check', /'maybe' must be one of strict, warn, off/],
  ])('%j → ConfigError naming %s', (flags, option, message) => {
    let error: unknown;
    try {
      resolveDaemonOptions(flags, {});
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).option).toBe(option);
    expect((error as ConfigError).message).toMatch(message);
  });
});
