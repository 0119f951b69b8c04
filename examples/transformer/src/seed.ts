/** The bucket's contents for the transformer (documents and images) and a sample event stream. */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SeedDescription } from '@faast/example-function-kit';
import { seededRandom } from '@faast/core';
import type { TransformEvent } from './app';
import { encodePpm, generateImage } from './image';
import { generateDocument } from './markdown';
import { hash, zipf } from '@faast/example-function-kit';

export const DEFAULT_DOCS = 24;
export const DEFAULT_IMAGES = 24;
/** Object sizes: log-uniform from 100 KiB to 2 MiB (more small objects than big ones). */
export const DEFAULT_SIZE_RANGE: readonly [number, number] = [100 << 10, 2 << 20];

export interface SeedOptions {
  /** Markdown documents `docs/<id>.md`. Default 24. */
  docs?: number;
  /** PPM images `images/<id>.ppm`. Default 24. */
  images?: number;
  /** Object size range, bytes. Default 100 KiB - 2 MiB. */
  sizes?: readonly [number, number];
  /** Default 1. */
  seed?: number;
}

export function docKey(i: number): string {
  return `docs/doc-${String(i).padStart(4, '0')}.md`;
}

export function imageKey(i: number): string {
  return `images/img-${String(i).padStart(4, '0')}.ppm`;
}

/** Document `i` of a seed. */
export function generateDoc(i: number, seed = 1, sizes: readonly [number, number] = DEFAULT_SIZE_RANGE): string {
  const random = seededRandom(hash(`doc:${seed}:${i}`));
  return generateDocument(`doc-${String(i).padStart(4, '0')}`, logUniform(random(), sizes), hash(`doc-text:${seed}:${i}`));
}

/** Image `i` of a seed, as PPM. */
export function generatePpm(i: number, seed = 1, sizes: readonly [number, number] = DEFAULT_SIZE_RANGE): Buffer {
  const random = seededRandom(hash(`image:${seed}:${i}`));
  return encodePpm(generateImage(logUniform(random(), sizes), hash(`image-pixels:${seed}:${i}`)), `img-${String(i).padStart(4, '0')}`);
}

function logUniform(u: number, [min, max]: readonly [number, number]): number {
  return Math.round(min * Math.pow(max / min, u));
}

/** Writes the documents and images (deterministically for a seed); returns what it wrote. */
export async function seed(s3: S3Client, bucket: string, options: SeedOptions = {}): Promise<SeedDescription> {
  const seedValue = options.seed ?? 1;
  const sizes = options.sizes ?? DEFAULT_SIZE_RANGE;
  if (!(sizes[0] > 0 && sizes[1] >= sizes[0])) throw new RangeError(`sizes must be [min, max] with 0 < min ≤ max, got ${JSON.stringify(sizes)}`);
  const objects: SeedDescription['objects'] = [];
  const pending: Promise<unknown>[] = [];
  const put = async (key: string, body: Buffer | string, contentType: string): Promise<void> => {
    objects.push({ key, bytes: Buffer.byteLength(body) });
    pending.push(s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType })));
    if (pending.length >= 8) await Promise.all(pending.splice(0));
  };
  for (let i = 0; i < (options.docs ?? DEFAULT_DOCS); i++) await put(docKey(i), generateDoc(i, seedValue, sizes), 'text/markdown; charset=utf-8');
  for (let i = 0; i < (options.images ?? DEFAULT_IMAGES); i++) await put(imageKey(i), generatePpm(i, seedValue, sizes), 'image/x-portable-pixmap');
  await Promise.all(pending);
  return { bucket, objects, totalBytes: objects.reduce((n, o) => n + o.bytes, 0) };
}

export interface SampleOptions {
  /** Documents seeded (default 24); 0: no render events. */
  docs?: number;
  /** Images seeded (default 24); 0: no thumbnail events. */
  images?: number;
  /** Share of render events among both (default 0.55). */
  renderShare?: number;
}

/** Thumbnail widths and their shares. */
const WIDTHS: ReadonlyArray<[number, number]> = [
  [64, 0.6],
  [128, 0.25],
  [256, 0.15],
];

/**
 * A deterministic stream of events: documents and images by Zipf popularity (a few are hot),
 * thumbnails mostly 64 pixels wide.
 */
export function sampleEvents(count: number, seed: number, options: SampleOptions = {}): TransformEvent[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  const docs = options.docs ?? DEFAULT_DOCS;
  const images = options.images ?? DEFAULT_IMAGES;
  if (count > 0 && docs + images === 0) throw new RangeError('sampleEvents: no documents and no images to name');
  const random = seededRandom(hash(`events:${seed}`));
  const pickDoc = docs > 0 ? zipf(docs, 1.1, random, true) : undefined;
  const pickImage = images > 0 ? zipf(images, 1.1, random, true) : undefined;
  const renderShare = !pickImage ? 1 : !pickDoc ? 0 : (options.renderShare ?? 0.55);
  const events: TransformEvent[] = [];
  for (let n = 0; n < count; n++) {
    if (random() < renderShare) {
      events.push({ op: 'render', key: docKey(pickDoc!()) });
    } else {
      let u = random();
      const width = WIDTHS.find(([, share]) => (u -= share) < 0)?.[0] ?? 64;
      events.push({ op: 'thumbnail', key: imageKey(pickImage!()), width });
    }
  }
  return events;
}
