import { AppFrame, Code, dataFramePrefix, encodeFrame, FrameError, FrameReader, Reason } from '../src/app';

describe('app frames', () => {
  it('round-trips frames cut at every byte boundary', () => {
    const frames = [
      encodeFrame({ id: 7, get: { ref: { bucket: 'b', key: 'k' }, range: 'bytes=0-1', hold: true } }),
      encodeFrame({ id: 0, invalidation: { seq: 3, refs: [{ bucket: 'b', key: 'k' }] } }),
      encodeFrame({ id: 9, error: { code: Code.ABORTED, reason: Reason.CHANGED_AT_ORIGIN, message: 'm' } }),
    ];
    const all = Buffer.concat(frames);
    for (let cut = 0; cut <= all.length; cut++) {
      const reader = new FrameReader(1024);
      const got = [...reader.push(all.subarray(0, cut)), ...reader.push(all.subarray(cut))];
      expect(got.map((f) => f.body)).toEqual(['get', 'invalidation', 'error']);
      expect(got[0]!.get!.range).toBe('bytes=0-1');
      expect(got[1]!.invalidation!.seq).toBe(3);
      expect(got[2]!.error!.reason).toBe(Reason.CHANGED_AT_ORIGIN);
    }
  });

  it.each([1, 127, 128, 300, 65_536, 2 ** 21 + 5])('a data frame prefix for %i bytes decodes as get_reply.data', (n) => {
    const data = Buffer.alloc(n, 0xab);
    for (const id of [1, 127, 128, 2 ** 31]) {
      const [frame] = new FrameReader(n + 64).push(Buffer.concat([dataFramePrefix(id, n), data]));
      expect(frame!.id).toBe(id);
      expect(Buffer.from(frame!.getReply!.data!).equals(data)).toBe(true);
    }
  });

  it('refuses a frame over the limit from its prefix, and bytes that do not decode', () => {
    const big = Buffer.alloc(4);
    big.writeUInt32BE(1025);
    expect(() => new FrameReader(1024).push(big)).toThrow(expect.objectContaining({ reason: Reason.FRAME_TOO_LARGE, code: Code.RESOURCE_EXHAUSTED }));
    const junk = Buffer.from([0, 0, 0, 3, 0x0a, 0xff, 0xff]);
    expect(() => new FrameReader(1024).push(junk)).toThrow(FrameError);
    expect(() => new FrameReader(1024).push(junk)).toThrow(expect.objectContaining({ reason: Reason.MALFORMED_FRAME }));
  });

  it('decodes an empty frame as one without a body', () => {
    const [frame] = new FrameReader(16).push(Buffer.from([0, 0, 0, 0]));
    expect(frame).toBeInstanceOf(AppFrame);
    expect(frame!.body).toBeUndefined();
  });
});
