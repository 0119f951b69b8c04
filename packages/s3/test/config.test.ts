import { ENV_ACK_TIMEOUT_MS, ENV_DISABLE, ENV_SOCKET, resolveFaastS3Config } from '../src/config';

describe('resolveFaastS3Config', () => {
  it('without a socket the wrapper is a pass-through', () => {
    expect(resolveFaastS3Config({}, {}).socket).toBeUndefined();
  });

  it('takes the socket and timeouts from the environment; options win', () => {
    const env = { [ENV_SOCKET]: '/run/faast.sock', [ENV_ACK_TIMEOUT_MS]: '75' };
    expect(resolveFaastS3Config({}, env)).toMatchObject({ socket: '/run/faast.sock', ackTimeoutMs: 75, firstByteTimeoutMs: 15000, retryAfterMs: 1000 });
    expect(resolveFaastS3Config({ socket: '/other.sock', ackTimeoutMs: 5 }, env)).toMatchObject({ socket: '/other.sock', ackTimeoutMs: 5 });
  });

  it('FAAST_DISABLE or disabled turns it off even with a socket', () => {
    expect(resolveFaastS3Config({}, { [ENV_SOCKET]: '/s', [ENV_DISABLE]: 'true' }).socket).toBeUndefined();
    expect(resolveFaastS3Config({ socket: '/s', disabled: true }, {}).socket).toBeUndefined();
  });

  it('a timeout that is not a number names the variable', () => {
    expect(() => resolveFaastS3Config({}, { [ENV_ACK_TIMEOUT_MS]: 'soon' })).toThrow(/^FAAST_ACK_TIMEOUT_MS: expected a number of milliseconds/);
  });
});
