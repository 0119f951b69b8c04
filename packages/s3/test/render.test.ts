import { Readable } from 'node:stream';
import type { GetHeader__Output } from '@faast/rpc';
import { renderGet } from '../src/render';

const header = {
  status: 'OK',
  contentLength: '3',
  meta: { etag: '"e"', size: '3', lastModifiedMs: '0', contentType: 'text/plain', userMetadata: {}, headers: {} },
} as unknown as GetHeader__Output;

describe('renderGet', () => {
  it('gives every reply its own request id, shaped like S3\'s, and a date', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const res = renderGet(header, Readable.from([Buffer.from('abc')]), { key: 'k', checksums: false });
      const id = res.headers['x-amz-request-id']!;
      expect(id).toMatch(/^FAAST[0-9A-F]{16}$/);
      ids.add(id);
      expect(res.headers['x-amz-id-2']).toMatch(/^faast\//);
      expect(Number.isNaN(Date.parse(res.headers['date']!))).toBe(false);
    }
    expect(ids.size).toBe(1000);
  });
});
