import { scrubSecrets } from '../src';

describe('scrubSecrets', () => {
  it.each([
    ['a presigned URL', 'GET https://b.s3.us-east-1.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240101&X-Amz-Signature=0123abcd failed',
      'GET https://b.s3.us-east-1.amazonaws.com/k?[redacted] failed'],
    ['an Authorization header', 'authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=deadbeef',
      'authorization: [redacted]'],
    ['a signature in a message', 'The request signature we calculated does not match. StringToSign: x Signature=deadbeef01',
      'The request signature we calculated does not match. StringToSign: x Signature=[redacted]'],
    ['an access key id', 'The AWS Access Key Id ASIAY34FZKBOKMUTVV7A does not exist', 'The AWS Access Key Id [redacted] does not exist'],
    ['a secret access key', 'bad key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY given', 'bad key [redacted] given'],
    ['key=value secrets', 'aws_secret_access_key=abc sessionToken: "IQoJb3JpZ2luX2VjE" password=hunter2', 'aws_secret_access_key=[redacted] sessionToken: "[redacted]" password=[redacted]'],
    ['a bearer token', 'Bearer eyJhbGciOi.x.y rejected', 'Bearer [redacted] rejected'],
  ])('%s', (_name, message, expected) => {
    expect(scrubSecrets(message)).toBe(expected);
  });

  it('keeps plain messages, on one line and at most 300 characters', () => {
    expect(scrubSecrets('connect ECONNREFUSED 127.0.0.1:9')).toBe('connect ECONNREFUSED 127.0.0.1:9');
    expect(scrubSecrets('Could not load credentials from any providers')).toBe('Could not load credentials from any providers');
    expect(scrubSecrets('a\n  b')).toBe('a b');
    expect(scrubSecrets('x'.repeat(1000))).toHaveLength(300);
  });
});
