/**
 * The transformer function against the real S3 emulator, configured through its environment
 * as a platform would configure it: thumbnails match a reference computed here from the seeded
 * pixels, rendered documents are written gzipped with the checksum and statistics reported;
 * with an embedded cachelet, repeated reads stay off the origin and the results do not change.
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { functionFixture } from '../../../test/support/function-env';
import {
  handler,
  reset,
  sampleEvents,
  seed,
  type RenderResult,
  type ThumbnailResult,
  type TransformResult,
} from '@faast/example-transformer';

const BUCKET = 'transformer-it';
const DOCS = 5;
const IMAGES = 5;

const fx = functionFixture({ name: 'transformer', bucket: BUCKET, seed: (s3, bucket) => seed(s3, bucket, { docs: DOCS, images: IMAGES }), handler, reset });
const env = fx.env;

function invoke(event: unknown): Promise<TransformResult> {
  return fx.invoke(event);
}

async function object(key: string): Promise<{ body: Buffer; contentEncoding: string | undefined; metadata: Record<string, string> | undefined }> {
  const out = await fx.plain.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return { body: Buffer.from(await out.Body!.transformToByteArray()), contentEncoding: out.ContentEncoding, metadata: out.Metadata };
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** The reference thumbnail, computed here: the PPM as seeded (header lines: P6, a comment, "w h", 255). */
function referenceThumbnail(ppm: Buffer, width: number): { width: number; height: number; pgm: Buffer } {
  const lines: string[] = [];
  let pos = 0;
  while (lines.length < 4) {
    const end = ppm.indexOf(0x0a, pos);
    lines.push(ppm.subarray(pos, end).toString('latin1'));
    pos = end + 1;
  }
  expect(lines[0]).toBe('P6');
  expect(lines[1]).toMatch(/^# /);
  expect(lines[3]).toBe('255');
  const [w, h] = lines[2]!.split(' ').map(Number) as [number, number];
  const gray = (x: number, y: number): number => {
    const o = pos + (y * w + x) * 3;
    return (77 * ppm[o]! + 150 * ppm[o + 1]! + 29 * ppm[o + 2]! + 128) >>> 8;
  };
  const tw = Math.min(width, w);
  const th = Math.max(1, Math.round((h * tw) / w));
  const out = Buffer.alloc(tw * th);
  for (let ty = 0; ty < th; ty++) {
    for (let tx = 0; tx < tw; tx++) {
      const [x0, x1] = [Math.floor((tx * w) / tw), Math.floor(((tx + 1) * w) / tw)];
      const [y0, y1] = [Math.floor((ty * h) / th), Math.floor(((ty + 1) * h) / th)];
      let sum = 0;
      let n = 0;
      for (let y = y0; y < Math.max(y1, y0 + 1); y++) for (let x = x0; x < Math.max(x1, x0 + 1); x++, n++) sum += gray(x, y);
      out[ty * tw + tx] = Math.floor((sum + Math.floor(n / 2)) / n);
    }
  }
  return { width: tw, height: th, pgm: Buffer.concat([Buffer.from(`P5\n${tw} ${th}\n255\n`), out]) };
}

async function expectThumbnail(r: ThumbnailResult, width: number): Promise<void> {
  const source = await object(r.key);
  const ref = referenceThumbnail(source.body, width);
  expect(r.source.bytes).toBe(source.body.length);
  expect([r.width, r.height]).toEqual([ref.width, ref.height]);
  expect(r.output).toBe(r.key.replace(/^images\/(.*)\.ppm$/, `out/images/$1-w${ref.width}.pgm`));
  const written = await object(r.output);
  expect(written.body.equals(ref.pgm)).toBe(true);
  expect(r.sha256).toBe(sha256(ref.pgm));
  expect(r.bytes).toBe(ref.pgm.length);
  expect(written.metadata?.['sha256']).toBe(r.sha256);
}

async function expectRendered(r: RenderResult): Promise<void> {
  const source = (await object(r.key)).body.toString('utf8');
  const written = await object(r.output);
  expect(written.contentEncoding).toBe('gzip');
  const html = gunzipSync(written.body);
  expect(sha256(html)).toBe(r.htmlSha256);
  expect(html.length).toBe(r.htmlBytes);
  expect(written.body.length).toBe(r.gzipBytes);
  expect(r.sourceBytes).toBe(Buffer.byteLength(source));

  const lines = source.split('\n');
  const title = lines[0]!.replace(/^# /, '');
  expect(r.title).toBe(title);
  const text = html.toString('utf8');
  expect(text).toContain(`<title>${title}</title>`);
  // Outside code blocks: each '## ' line is an <h2>, each fence pair a <pre>.
  const prose = source.replace(/^```[\s\S]*?^```$/gm, '');
  const fences = lines.filter((l) => l.startsWith('```')).length;
  expect(text.match(/<h2 /g)?.length ?? 0).toBe(prose.match(/^## /gm)?.length ?? 0);
  expect(r.stats.codeBlocks).toBe(fences / 2);
  expect(text.match(/<pre>/g)?.length ?? 0).toBe(fences / 2);
  // Words: the prose without link targets.
  const words = prose.replace(/\]\([^)\s]+\)/g, ']').toLowerCase().match(/[a-z]+(?:'[a-z]+)?/g) ?? [];
  expect(r.stats.words).toBe(words.length);
  expect(r.stats.uniqueWords).toBe(new Set(words).size);
  expect(r.stats.lines).toBe(lines.length);
  const stats = JSON.parse((await object(r.statsKey)).body.toString('utf8')) as Record<string, unknown>;
  expect(stats).toEqual({ key: r.key, title, ...r.stats });
}

test('seeds documents and images of 100 KiB to 2 MiB', () => {
  expect(fx.seeded.objects.filter((o) => o.key.startsWith('docs/'))).toHaveLength(DOCS);
  expect(fx.seeded.objects.filter((o) => o.key.startsWith('images/'))).toHaveLength(IMAGES);
  for (const o of fx.seeded.objects) {
    expect(o.bytes).toBeGreaterThanOrEqual(100 << 10);
    expect(o.bytes).toBeLessThanOrEqual((2 << 20) + (64 << 10));
  }
});

test('sample events are deterministic, valid and skewed', () => {
  const events = sampleEvents(300, 9, { docs: DOCS, images: IMAGES });
  expect(sampleEvents(300, 9, { docs: DOCS, images: IMAGES })).toEqual(events);
  const keys = new Set(fx.seeded.objects.map((o) => o.key));
  const counts = new Map<string, number>();
  for (const e of events) {
    expect(keys.has(e.key)).toBe(true);
    counts.set(e.key, (counts.get(e.key) ?? 0) + 1);
  }
  expect(Math.max(...counts.values())).toBeGreaterThan((300 / (DOCS + IMAGES)) * 2);
  expect(events.some((e) => e.op === 'render') && events.some((e) => e.op === 'thumbnail')).toBe(true);
});

test('thumbnails and rendered documents are written with the reported checksums', async () => {
  env.set();
  const events = [
    ...sampleEvents(8, 2, { docs: DOCS, images: IMAGES }),
    { op: 'thumbnail', key: 'images/img-0001.ppm', width: 1024 },
    { op: 'thumbnail', key: 'images/img-0002.ppm' },
  ];
  for (const event of events) {
    const r = await invoke(event);
    expect(r.key).toBe(event.key);
    if (r.op === 'thumbnail') await expectThumbnail(r, ('width' in event && event.width) || 64);
    else await expectRendered(r);
  }
}, 20_000);

test('bad events and a missing BUCKET are named', async () => {
  env.set({ BUCKET: '' });
  await expect(invoke({ op: 'render', key: 'docs/doc-0000.md' })).rejects.toThrow(/BUCKET is not set/);
  await reset();
  env.set();
  await expect(invoke({ op: 'resize', key: 'images/img-0000.ppm' })).rejects.toMatchObject({ name: 'EventError', message: expect.stringMatching(/event\.op/) });
  await expect(invoke({ op: 'thumbnail', key: 'images/img-0000.ppm', width: 2.5 })).rejects.toMatchObject({ name: 'EventError', message: expect.stringMatching(/event\.width/) });
  await expect(invoke({ op: 'render', key: 'images/img-0000.ppm' })).rejects.toMatchObject({ name: 'EventError' });
  await expect(invoke({ op: 'render', key: 'docs/missing.md' })).rejects.toMatchObject({ name: 'NoSuchKey' });
});

test('with an embedded cachelet, repeated reads stay off the origin and results are unchanged', async () => {
  const events = sampleEvents(12, 4, { docs: DOCS, images: IMAGES });
  const gets = (): number => fx.emulator.requests().byMethod['GET'] ?? 0;

  env.set();
  fx.emulator.resetCounters();
  const direct: TransformResult[] = [];
  for (const e of events) direct.push(await invoke(e));
  expect(gets()).toBe(events.length);
  await reset();
  env.restore();

  env.set({ FAAST_EMBEDDED: '1', FAAST_APP: `transformer-it-${process.pid}-${Date.now()}` });
  fx.emulator.resetCounters();
  const cached: TransformResult[] = [];
  for (const e of events) cached.push(await invoke(e));
  const firstPass = gets();
  expect(cached).toEqual(direct);
  expect(firstPass).toBeLessThan(events.length);

  const again: TransformResult[] = [];
  for (const e of events) again.push(await invoke(e));
  expect(gets()).toBe(firstPass);
  expect(again).toEqual(direct);
}, 20_000);
