/** Sample data for the catalog: albums, photo metadata (JSON), thumbnails and originals. */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { seededRandom } from '@faast/core';
import type { PhotoMeta } from './app';

export { seededRandom };

export interface SeedOptions {
  albums: number;
  photos: number;
  /** Thumbnail size range, bytes. Default 16–64 KiB. */
  thumbBytes?: [number, number];
  /** Original size range, bytes. Default 0.5–2 MiB. */
  originalBytes?: [number, number];
  seed?: number;
}

export function photoId(i: number): string {
  return `p${String(i).padStart(4, '0')}`;
}

/** Writes the catalog; returns the photo ids by album. */
export async function seedCatalog(client: S3Client, bucket: string, options: SeedOptions): Promise<Map<string, string[]>> {
  const random = seededRandom(options.seed ?? 1);
  const [tMin, tMax] = options.thumbBytes ?? [16 << 10, 64 << 10];
  const [oMin, oMax] = options.originalBytes ?? [512 << 10, 2 << 20];
  const albums = new Map<string, string[]>();
  const size = (min: number, max: number): number => Math.floor(min + random() * (max - min));
  const blob = (n: number): Buffer => {
    const b = Buffer.allocUnsafe(n);
    for (let i = 0; i < n; i += 4) b.writeUInt32LE((random() * 0xffffffff) >>> 0, Math.min(i, n - 4));
    return n < 4 ? Buffer.alloc(n, 7) : b;
  };
  const puts: Promise<unknown>[] = [];
  const put = (Key: string, Body: Buffer | string, ContentType: string): void => {
    puts.push(client.send(new PutObjectCommand({ Bucket: bucket, Key, Body, ContentType })));
  };
  for (let i = 0; i < options.photos; i++) {
    const id = photoId(i);
    const album = `a${i % options.albums}`;
    albums.set(album, [...(albums.get(album) ?? []), id]);
    const meta: PhotoMeta = { id, album, title: `Photo ${i}`, width: 4000, height: 3000, tags: [] };
    put(`photos/${id}/meta.json`, JSON.stringify(meta), 'application/json');
    put(`photos/${id}/thumb.jpg`, blob(size(tMin, tMax)), 'image/jpeg');
    put(`photos/${id}/full.jpg`, blob(size(oMin, oMax)), 'image/jpeg');
    if (puts.length >= 16) await Promise.all(puts.splice(0));
  }
  for (const [album, photos] of albums) put(`albums/${album}/index.json`, JSON.stringify({ photos }), 'application/json');
  await Promise.all(puts);
  return albums;
}
