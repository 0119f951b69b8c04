/**
 * A photo catalog API, written as any Node service on S3 would be. The one Faa$T line is the
 * `withFaast(...)` around the client: with `FAAST_SOCKET` set (or `faast.socket`), reads go
 * through the app's cachelet; without it, straight to S3.
 */
import { createHash } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { withFaast, type FaastS3Options } from '@faast/s3';

export interface PhotoCatalogConfig {
  bucket: string;
  /** S3 client configuration (region, endpoint, credentials). */
  s3?: S3ClientConfig;
  /** Faa$T options; by default from the environment (FAAST_SOCKET). */
  faast?: FaastS3Options;
}

export interface PhotoMeta {
  id: string;
  album: string;
  title: string;
  width: number;
  height: number;
  tags: string[];
}

export interface PhotoView extends PhotoMeta {
  thumbnailBytes: number;
  thumbnailSha256: string;
}

export interface PhotoCatalog {
  /** An album's index: the ids of its photos. */
  album(album: string): Promise<string[]>;
  /** A photo's metadata and thumbnail (what a gallery page shows). */
  photo(id: string): Promise<PhotoView>;
  /** The full-size image's checksum (a download or a re-encode would use the bytes). */
  original(id: string): Promise<{ bytes: number; sha256: string }>;
  /** Tags a photo: a write, seen by the next read. */
  tag(id: string, tag: string): Promise<PhotoMeta>;
  close(): void;
}

export function createPhotoCatalog(config: PhotoCatalogConfig): PhotoCatalog {
  const s3 = withFaast(new S3Client(config.s3 ?? {}), config.faast);
  const Bucket = config.bucket;

  async function bytes(Key: string): Promise<Uint8Array> {
    const out = await s3.send(new GetObjectCommand({ Bucket, Key }));
    return out.Body!.transformToByteArray();
  }

  async function json<T>(Key: string): Promise<T> {
    const out = await s3.send(new GetObjectCommand({ Bucket, Key }));
    return JSON.parse(await out.Body!.transformToString()) as T;
  }

  return {
    async album(album) {
      const index = await json<{ photos: string[] }>(`albums/${album}/index.json`);
      return index.photos;
    },
    async photo(id) {
      const [meta, thumb] = await Promise.all([json<PhotoMeta>(`photos/${id}/meta.json`), bytes(`photos/${id}/thumb.jpg`)]);
      return { ...meta, thumbnailBytes: thumb.length, thumbnailSha256: sha256(thumb) };
    },
    async original(id) {
      const full = await bytes(`photos/${id}/full.jpg`);
      return { bytes: full.length, sha256: sha256(full) };
    },
    async tag(id, tag) {
      const meta = await json<PhotoMeta>(`photos/${id}/meta.json`);
      if (!meta.tags.includes(tag)) meta.tags.push(tag);
      await s3.send(
        new PutObjectCommand({ Bucket, Key: `photos/${id}/meta.json`, Body: JSON.stringify(meta), ContentType: 'application/json' }),
      );
      return meta;
    },
    close() {
      s3.destroy();
    },
  };
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
