/**
 * Images in the netpbm formats: PPM (P6, 8-bit RGB) in, PGM (P5, 8-bit gray) out. A thumbnail
 * is the image in gray (ITU-R BT.601 luma, integer weights 77/150/29 of 256) scaled down to a
 * width by averaging each output pixel's box of source pixels — integer arithmetic throughout,
 * so a thumbnail's bytes (and checksum) are the same on every machine.
 */
import { seededRandom } from '@faast/core';

export interface RgbImage {
  width: number;
  height: number;
  /** width × height × 3 bytes, row by row. */
  pixels: Uint8Array;
}

export interface GrayImage {
  width: number;
  height: number;
  /** width × height bytes. */
  pixels: Uint8Array;
}

/** The object is not an image this function reads. */
export class ImageFormatError extends Error {
  override readonly name = 'ImageFormatError';
}

/** Parses a binary PPM (P6, maxval 255; comments allowed in the header). */
export function parsePpm(bytes: Uint8Array, name = 'image'): RgbImage {
  let pos = 0;
  const fail = (problem: string): never => {
    throw new ImageFormatError(`${name}: ${problem}`);
  };
  const token = (): string => {
    for (;;) {
      while (pos < bytes.length && isSpace(bytes[pos]!)) pos++;
      if (bytes[pos] !== 0x23) break; // '#': a comment to the end of the line
      while (pos < bytes.length && bytes[pos] !== 0x0a) pos++;
    }
    const start = pos;
    while (pos < bytes.length && !isSpace(bytes[pos]!) && bytes[pos] !== 0x23) pos++;
    return Buffer.from(bytes.buffer, bytes.byteOffset + start, pos - start).toString('latin1');
  };
  if (token() !== 'P6') fail('not a binary PPM (no P6 magic)');
  const [width, height, maxval] = [token(), token(), token()].map((t) => (/^\d{1,6}$/.test(t) ? Number(t) : NaN)) as [number, number, number];
  if (!(width > 0 && height > 0)) fail('the header has no valid width and height');
  if (maxval !== 255) fail(`maxval ${maxval}: only 8-bit images (maxval 255) are supported`);
  if (!isSpace(bytes[pos] ?? 0)) fail('no whitespace after the header');
  pos++;
  const size = width * height * 3;
  if (bytes.length - pos < size) fail(`${bytes.length - pos} bytes of pixels, expected ${size} for ${width}×${height}`);
  return { width, height, pixels: bytes.subarray(pos, pos + size) };
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0b || b === 0x0c;
}

export function encodePpm(image: RgbImage, comment?: string): Buffer {
  const header = `P6\n${comment ? `# ${comment.replace(/\s+/g, ' ')}\n` : ''}${image.width} ${image.height}\n255\n`;
  return Buffer.concat([Buffer.from(header, 'latin1'), image.pixels]);
}

export function encodePgm(image: GrayImage): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'latin1'), image.pixels]);
}

export function grayscale(image: RgbImage): GrayImage {
  const n = image.width * image.height;
  const out = new Uint8Array(n);
  const p = image.pixels;
  for (let i = 0, j = 0; i < n; i++, j += 3) out[i] = (77 * p[j]! + 150 * p[j + 1]! + 29 * p[j + 2]! + 128) >> 8;
  return { width: image.width, height: image.height, pixels: out };
}

/** Scales down to `width` (never up), keeping the aspect ratio: each output pixel is its source box's rounded mean. */
export function downscale(image: GrayImage, width: number): GrayImage {
  const w = Math.min(width, image.width);
  const h = Math.max(1, Math.round((image.height * w) / image.width));
  const out = new Uint8Array(w * h);
  const src = image.pixels;
  for (let oy = 0; oy < h; oy++) {
    const y0 = Math.floor((oy * image.height) / h);
    const y1 = Math.max(y0 + 1, Math.floor(((oy + 1) * image.height) / h));
    for (let ox = 0; ox < w; ox++) {
      const x0 = Math.floor((ox * image.width) / w);
      const x1 = Math.max(x0 + 1, Math.floor(((ox + 1) * image.width) / w));
      let sum = 0;
      for (let y = y0; y < y1; y++) {
        const row = y * image.width;
        for (let x = x0; x < x1; x++) sum += src[row + x]!;
      }
      const count = (y1 - y0) * (x1 - x0);
      out[oy * w + ox] = Math.floor((sum + (count >> 1)) / count);
    }
  }
  return { width: w, height: h, pixels: out };
}

const ASPECTS = [4 / 3, 3 / 2, 1, 16 / 9, 3 / 4, 2 / 3];

/**
 * A deterministic picture of about `targetBytes` bytes as PPM: a colour gradient, a few discs
 * and some noise (so that neither scaling nor compression is trivial).
 */
export function generateImage(targetBytes: number, seed: number): RgbImage {
  const random = seededRandom(seed);
  const aspect = ASPECTS[Math.floor(random() * ASPECTS.length)]!;
  const width = Math.max(8, Math.round(Math.sqrt((targetBytes / 3) * aspect)));
  const height = Math.max(8, Math.round(targetBytes / 3 / width));
  const c = (): number => Math.floor(random() * 256);
  const [r0, g0, b0, r1, g1, b1] = [c(), c(), c(), c(), c(), c()];
  const discs = Array.from({ length: 3 + Math.floor(random() * 6) }, () => ({
    x: random() * width,
    y: random() * height,
    r2: (0.05 + random() * 0.25) ** 2 * Math.min(width, height) ** 2,
    rgb: [c(), c(), c()] as [number, number, number],
  }));
  const pixels = new Uint8Array(width * height * 3);
  // Per-pixel work stays on locals (no Math calls, no allocation): this runs for millions of pixels.
  let noiseState = (seed ^ 0x9e3779b9) >>> 0 || 1;
  const put = (o: number, v: number): void => {
    pixels[o] = v <= 0 ? 0 : v >= 255 ? 255 : (v + 0.5) | 0;
  };
  for (let y = 0, o = 0; y < height; y++) {
    for (let x = 0; x < width; x++, o += 3) {
      const t = (x / width + y / height) / 2;
      let r = r0 + (r1 - r0) * t;
      let g = g0 + (g1 - g0) * t;
      let b = b0 + (b1 - b0) * t;
      for (const d of discs) {
        if ((x - d.x) * (x - d.x) + (y - d.y) * (y - d.y) < d.r2) [r, g, b] = d.rgb;
      }
      noiseState ^= noiseState << 13;
      noiseState ^= noiseState >>> 17;
      noiseState ^= noiseState << 5;
      const noise = ((noiseState >>> 0) % 17) - 8;
      put(o, r + noise);
      put(o + 1, g + noise);
      put(o + 2, b + noise);
    }
  }
  return { width, height, pixels };
}
