import { describe, expect, it } from '@jest/globals';
import { bulkSocketPath, parseCacheletAddress } from '@faast/core';

describe('parseCacheletAddress', () => {
  it.each([
    ['127.0.0.1:7000', '127.0.0.1', 7000],
    ['localhost:7000', 'localhost', 7000],
    ['[::1]:7000', '[::1]', 7000],
    ['cachelet.internal:65535', 'cachelet.internal', 65535],
  ])('%s is TCP', (value, host, port) => {
    expect(parseCacheletAddress(value, '/work')).toEqual({ kind: 'tcp', host, port });
  });

  it.each([
    ['rel.sock', '/srv/app/rel.sock'],
    ['./rel.sock', '/srv/app/rel.sock'],
    ['run/faast.sock', '/srv/app/run/faast.sock'],
    ['/run/faast/app.sock', '/run/faast/app.sock'],
    ['unix:rel.sock', '/srv/app/rel.sock'],
    ['unix:/run/a.sock', '/run/a.sock'],
    ['./host:7000', '/srv/app/host:7000'],
    ['dir/host:7000', '/srv/app/dir/host:7000'],
    ['host:port', '/srv/app/host:port'],
    ['host:99999', '/srv/app/host:99999'],
    ['faast', '/srv/app/faast'],
  ])('%s is a path (%s)', (value, abs) => {
    expect(parseCacheletAddress(value, '/srv/app')).toEqual({ kind: 'unix', path: abs });
  });

  it('relative paths resolve against the working directory by default', () => {
    expect(parseCacheletAddress('x.sock')).toEqual({ kind: 'unix', path: `${process.cwd()}/x.sock` });
  });

  it('the bulk socket sits beside the socket', () => {
    expect(bulkSocketPath('/run/a.sock')).toBe('/run/a.sock.bulk');
  });
});
