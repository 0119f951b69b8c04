/**
 * A transformer function, written as any serverless function on S3 would be: it reads a
 * document or an image (100 KiB - 2 MiB), transforms it and writes the result under `out/`.
 *
 * - `render`: a Markdown document `docs/<id>.md` → HTML, gzipped, to `out/docs/<id>.html.gz`,
 *   and its word statistics to `out/docs/<id>.stats.json`.
 * - `thumbnail`: a PPM image `images/<id>.ppm` → gray, scaled down to `width`, as PGM to
 *   `out/images/<id>-w<width>.pgm`.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { downscale, encodePgm, grayscale, parsePpm } from './image';
import { renderMarkdown, type DocStats } from './markdown';
import { EventError, readObject, resetRuntime, runtime, type InvocationContext } from '@faast/example-function-kit';

export type { InvocationContext };

export type TransformEvent = RenderEvent | ThumbnailEvent;

export interface RenderEvent {
  op: 'render';
  /** `docs/<id>.md` */
  key: string;
}

export interface ThumbnailEvent {
  op: 'thumbnail';
  /** `images/<id>.ppm` */
  key: string;
  /** Thumbnail width in pixels, 1-1024 (never more than the image's). Default 64. */
  width?: number;
}

export interface RenderResult {
  op: 'render';
  key: string;
  sourceEtag: string;
  sourceBytes: number;
  title: string;
  /** The gzipped HTML. */
  output: string;
  statsKey: string;
  htmlBytes: number;
  gzipBytes: number;
  /** SHA-256 of the HTML (before gzip). */
  htmlSha256: string;
  stats: DocStats;
}

export interface ThumbnailResult {
  op: 'thumbnail';
  key: string;
  sourceEtag: string;
  source: { width: number; height: number; bytes: number };
  /** The PGM written. */
  output: string;
  width: number;
  height: number;
  /** Size of the PGM object. */
  bytes: number;
  /** SHA-256 of the PGM object. */
  sha256: string;
  /** Mean gray level of the thumbnail, 0-255, two decimals. */
  meanLuma: number;
}

export type TransformResult = RenderResult | ThumbnailResult;

const DOC_KEY = /^docs\/([A-Za-z0-9._-]+)\.md$/;
const IMAGE_KEY = /^images\/([A-Za-z0-9._-]+)\.ppm$/;
export const MAX_THUMBNAIL_WIDTH = 1024;

export async function handler(event: unknown, context?: InvocationContext): Promise<TransformResult> {
  const e = parseEvent(event);
  return e.op === 'render' ? render(e, context) : thumbnail(e, context);
}

/** Destroys the client (tests; a new instance starts this way). */
export async function reset(): Promise<void> {
  await resetRuntime();
}

function parseEvent(event: unknown): Required<RenderEvent> | Required<ThumbnailEvent> {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) throw new EventError("the event must be an object { key, op: 'render' | 'thumbnail' }");
  const { op, key, width } = event as Record<string, unknown>;
  if (op === 'render') {
    if (typeof key !== 'string' || !DOC_KEY.test(key)) throw new EventError(`event.key must be a document key like 'docs/<id>.md', got ${JSON.stringify(key)}`);
    return { op, key };
  }
  if (op === 'thumbnail') {
    if (typeof key !== 'string' || !IMAGE_KEY.test(key)) throw new EventError(`event.key must be an image key like 'images/<id>.ppm', got ${JSON.stringify(key)}`);
    if (width !== undefined && !(Number.isInteger(width) && (width as number) >= 1 && (width as number) <= MAX_THUMBNAIL_WIDTH)) {
      throw new EventError(`event.width must be a whole number of pixels from 1 to ${MAX_THUMBNAIL_WIDTH}, got ${JSON.stringify(width)}`);
    }
    return { op, key, width: (width as number | undefined) ?? 64 };
  }
  throw new EventError(`event.op must be 'render' or 'thumbnail', got ${JSON.stringify(op)}`);
}

async function render(e: Required<RenderEvent>, context: InvocationContext | undefined): Promise<RenderResult> {
  const id = DOC_KEY.exec(e.key)![1]!;
  const { bytes, etag } = await readObject(e.key);
  const { title, html, stats } = renderMarkdown(Buffer.from(bytes).toString('utf8'));
  const htmlBytes = Buffer.from(html, 'utf8');
  const gz = gzipSync(htmlBytes, { level: 6 });
  const htmlSha256 = sha256(htmlBytes);
  const output = `out/docs/${id}.html.gz`;
  const statsKey = `out/docs/${id}.stats.json`;
  const { s3, bucket } = runtime();
  const metadata = { 'source-etag': etag.replace(/"/g, ''), sha256: htmlSha256, ...(context ? { 'request-id': context.awsRequestId } : {}) };
  await Promise.all([
    s3.send(new PutObjectCommand({ Bucket: bucket, Key: output, Body: gz, ContentType: 'text/html; charset=utf-8', ContentEncoding: 'gzip', Metadata: metadata })),
    s3.send(new PutObjectCommand({ Bucket: bucket, Key: statsKey, Body: JSON.stringify({ key: e.key, title, ...stats }), ContentType: 'application/json', Metadata: metadata })),
  ]);
  return { op: 'render', key: e.key, sourceEtag: etag, sourceBytes: bytes.length, title, output, statsKey, htmlBytes: htmlBytes.length, gzipBytes: gz.length, htmlSha256, stats };
}

async function thumbnail(e: Required<ThumbnailEvent>, context: InvocationContext | undefined): Promise<ThumbnailResult> {
  const id = IMAGE_KEY.exec(e.key)![1]!;
  const { bytes, etag } = await readObject(e.key);
  const image = parsePpm(bytes, e.key);
  const thumb = downscale(grayscale(image), e.width);
  const pgm = encodePgm(thumb);
  const digest = sha256(pgm);
  const output = `out/images/${id}-w${thumb.width}.pgm`;
  const { s3, bucket } = runtime();
  const metadata = { 'source-etag': etag.replace(/"/g, ''), sha256: digest, ...(context ? { 'request-id': context.awsRequestId } : {}) };
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: output, Body: pgm, ContentType: 'image/x-portable-graymap', Metadata: metadata }));
  let sum = 0;
  for (const v of thumb.pixels) sum += v;
  return {
    op: 'thumbnail',
    key: e.key,
    sourceEtag: etag,
    source: { width: image.width, height: image.height, bytes: bytes.length },
    output,
    width: thumb.width,
    height: thumb.height,
    bytes: pgm.length,
    sha256: digest,
    meanLuma: Math.round((sum / thumb.pixels.length) * 100) / 100,
  };
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
