/**
 * The app plane's wire (proto/faast/v1/app.proto): AppFrame messages on a stream socket,
 * each as a 4-byte big-endian length and the encoded frame.
 *
 * This entry point (`@faast/rpc/app`) is what the interceptor loads: static code generated
 * from the .proto (`npm run generate -w @faast/rpc`) on `protobufjs/minimal` — no gRPC, no
 * .proto parsing at run time.
 */
import { faast } from './generated/app';

/** The generated messages (`faast.v1.GetRequest`, ...), for their types. */
export { faast };

export const AppFrame = faast.v1.AppFrame;
export type AppFrame = faast.v1.AppFrame;
/** A frame to encode (plain object; enums as numbers). */
export type AppFrameInit = faast.v1.AppFrame.$Properties;
export const Code = faast.v1.Code;
export type Code = faast.v1.Code;
export const Reason = faast.v1.Reason;
export type Reason = faast.v1.Reason;
export const GetHeader = faast.v1.GetHeader;
export const HeadReply = faast.v1.HeadReply;
export const ObjectMeta = faast.v1.ObjectMeta;
export const Status = faast.v1.Status;
export const Source = faast.v1.Source;

/** Bytes of the length prefix. */
export const LENGTH_BYTES = 4;
/** Longest frame a cachelet accepts from an application (requests are small), bytes. */
export const MAX_REQUEST_FRAME_BYTES = 1 << 20;
/** Longest frame an application accepts from its cachelet, bytes (body frames carry at most {@link DATA_FRAME_BYTES}). */
export const MAX_REPLY_FRAME_BYTES = 4 << 20;
/** Body bytes per get_reply frame after the header. */
export const DATA_FRAME_BYTES = 1 << 20;

/** Encodes one frame with its length prefix. */
export function encodeFrame(frame: AppFrameInit): Buffer {
  const body = AppFrame.encode(frame).finish();
  const out = Buffer.allocUnsafe(LENGTH_BYTES + body.length);
  out.writeUInt32BE(body.length, 0);
  out.set(body, LENGTH_BYTES);
  return out;
}

/**
 * The bytes before `data` in a frame `{ id, get_reply: { data } }`, length prefix included:
 * a body piece goes out as this prefix and the caller's buffer, never copied into a message.
 */
export function dataFramePrefix(id: number, dataLength: number): Buffer {
  // AppFrame { id (field 1, varint), get_reply (field 3) = GetReply { data (field 2) } }.
  const inner = 1 + varintLength(dataLength) + dataLength;
  const frameLength = 1 + varintLength(id) + 1 + varintLength(inner) + inner;
  const prefix = Buffer.allocUnsafe(LENGTH_BYTES + frameLength - dataLength);
  let at = prefix.writeUInt32BE(frameLength, 0);
  prefix[at++] = 0x08;
  at = writeVarint(prefix, at, id);
  prefix[at++] = 0x1a;
  at = writeVarint(prefix, at, inner);
  prefix[at++] = 0x12;
  writeVarint(prefix, at, dataLength);
  return prefix;
}

function varintLength(n: number): number {
  let bytes = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 128);
    bytes++;
  }
  return bytes;
}

function writeVarint(buf: Buffer, at: number, n: number): number {
  while (n >= 0x80) {
    buf[at++] = (n & 0x7f) | 0x80;
    n = Math.floor(n / 128);
  }
  buf[at++] = n;
  return at;
}

/** A frame that cannot be accepted; the connection it came on is closed. */
export class FrameError extends Error {
  override readonly name = 'FrameError';
  constructor(
    readonly code: Code,
    readonly reason: Reason,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Cuts a byte stream into frames: feed it what the socket reads, get back the decoded
 * frames. Throws {@link FrameError} on a frame over `maxFrameBytes` (before reading it) or
 * bytes that do not decode; after that the stream cannot be trusted: close it.
 */
export class FrameReader {
  private parts: Buffer[] = [];
  private buffered = 0;
  /** Length of the frame being read, once its prefix is in. */
  private expected = -1;

  constructor(private readonly maxFrameBytes: number) {}

  /** Appends `chunk`; returns the frames completed by it, in order. */
  push(chunk: Buffer): AppFrame[] {
    this.parts.push(chunk);
    this.buffered += chunk.length;
    const frames: AppFrame[] = [];
    for (;;) {
      if (this.expected < 0) {
        if (this.buffered < LENGTH_BYTES) break;
        this.expected = this.take(LENGTH_BYTES).readUInt32BE(0);
        if (this.expected > this.maxFrameBytes) {
          throw new FrameError(Code.RESOURCE_EXHAUSTED, Reason.FRAME_TOO_LARGE, `a frame of ${this.expected} bytes, over the limit of ${this.maxFrameBytes}`);
        }
      }
      if (this.buffered < this.expected) break;
      const bytes = this.take(this.expected);
      this.expected = -1;
      try {
        frames.push(AppFrame.decode(bytes));
      } catch (err) {
        throw new FrameError(Code.INVALID_ARGUMENT, Reason.MALFORMED_FRAME, `a frame that does not decode: ${(err as Error).message}`);
      }
    }
    return frames;
  }

  /** The next `n` buffered bytes: a view when they lie in one chunk, else a copy. */
  private take(n: number): Buffer {
    if (n === 0) return Buffer.alloc(0);
    let out: Buffer;
    const head = this.parts[0]!;
    if (head.length >= n) {
      out = head.subarray(0, n);
      if (head.length === n) this.parts.shift();
      else this.parts[0] = head.subarray(n);
    } else {
      out = Buffer.allocUnsafe(n);
      let at = 0;
      while (at < n) {
        const part = this.parts[0]!;
        const used = Math.min(part.length, n - at);
        part.copy(out, at, 0, used);
        at += used;
        if (used === part.length) this.parts.shift();
        else this.parts[0] = part.subarray(used);
      }
    }
    this.buffered -= n;
    return out;
  }
}
