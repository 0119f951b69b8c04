import { metaFromHeaders, parseContentRange } from '../src/origin';

describe('metaFromHeaders', () => {
  const headers = {
    etag: '"abc"',
    'content-type': 'image/png',
    'last-modified': 'Sat, 28 Nov 2026 10:00:00 GMT',
    'x-amz-meta-owner': 'alice',
    'x-amz-meta-note': '=?UTF-8?B?w6k=?=',
    'cache-control': 'max-age=60',
    'x-amz-server-side-encryption': 'AES256',
    'x-amz-checksum-crc32': 'AAAAAA==',
    'x-amz-request-id': 'per-request',
    'content-length': '10',
    date: 'now',
  };

  it('keeps user metadata raw, repeats object headers, drops per-reply ones', () => {
    const meta = metaFromHeaders(headers, 10, true);
    expect(meta).toEqual({
      etag: '"abc"',
      size: 10,
      lastModifiedMs: Date.UTC(2026, 10, 28, 10),
      contentType: 'image/png',
      userMetadata: { owner: 'alice', note: '=?UTF-8?B?w6k=?=' },
      headers: { 'cache-control': 'max-age=60', 'x-amz-server-side-encryption': 'AES256', 'x-amz-checksum-crc32': 'AAAAAA==' },
    });
  });

  it('whole-object checksums are not taken from a partial response', () => {
    expect(metaFromHeaders(headers, 10, false).headers).not.toHaveProperty('x-amz-checksum-crc32');
  });
});

describe('parseContentRange', () => {
  it('reads start, end and the total size', () => {
    expect(parseContentRange('bytes 7-9/10')).toEqual({ start: 7, end: 9, size: 10 });
    expect(parseContentRange('bytes */10')).toBeUndefined();
    expect(parseContentRange(undefined)).toBeUndefined();
  });
});
