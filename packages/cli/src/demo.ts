/**
 * `faast demo` (and `npm start`): the photo catalog example against an embedded S3 origin
 * with a remote latency profile, run twice on the same request sequence — straight to
 * storage, then through a real cachelet process — and compared in a table.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { formatBytes } from '@faast/core';
import { startS3Emulator, type S3Emulator } from '@faast/emulator';
import { createPhotoCatalog, photoId, seedCatalog, seededRandom, type PhotoCatalog } from '@faast/example-photo-catalog';
import { closeFaastConnections, nearCacheOf } from '@faast/s3';
import { formatMs, summarize, type LatencySummary } from './latency';
import { spawnCachelet } from './spawn';
import { fetchStats } from './stats';
import { renderTable } from './table';

export interface DemoOptions {
  reads: number;
  objects: number;
  latencyMs: number;
  bandwidthMBps: number;
  json?: string | undefined;
  /** Where the table goes. Default stdout. */
  out?: NodeJS.WritableStream;
}

export interface DemoPass {
  name: string;
  latency: LatencySummary;
  hitRatio: number | undefined;
  originRequests: number;
  originBytes: number;
  wallMs: number;
}

const BUCKET = 'faast-demo';
const CONCURRENCY = 4;

/** A request of the catalog's users: mostly gallery views, some album pages, a few downloads. */
type Request = { op: 'photo' | 'album' | 'original'; arg: string };

/** The same seeded sequence for both passes; photo popularity follows Zipf(0.9). */
export function requestSequence(reads: number, photos: number, albums: number, seed = 7): Request[] {
  const random = seededRandom(seed);
  const weights = Array.from({ length: photos }, (_, i) => 1 / Math.pow(i + 1, 0.9));
  const total = weights.reduce((a, b) => a + b, 0);
  const pick = (): number => {
    let r = random() * total;
    for (let i = 0; i < photos; i++) if ((r -= weights[i]!) <= 0) return i;
    return photos - 1;
  };
  return Array.from({ length: reads }, () => {
    const r = random();
    if (r < 0.75) return { op: 'photo', arg: photoId(pick()) };
    if (r < 0.95) return { op: 'album', arg: `a${pick() % albums}` };
    return { op: 'original', arg: photoId(pick()) };
  });
}

export async function runDemo(options: DemoOptions): Promise<DemoPass[]> {
  const out = options.out ?? process.stdout;
  const albums = Math.max(1, Math.round(options.objects / 10));
  const profile = { firstByteLatencyMs: options.latencyMs, bandwidthBytesPerSec: options.bandwidthMBps * 1e6 };
  const emulator = await startS3Emulator({ profile, buckets: [BUCKET] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faast-demo-'));
  const socket = path.join(dir, 'cachelet.sock');
  let cachelet: Awaited<ReturnType<typeof spawnCachelet>> | undefined;
  try {
    out.write(`Faa$T demo: ${options.objects} photos in ${albums} albums on an embedded S3 origin ` +
      `(${options.latencyMs} ms first byte, ${options.bandwidthMBps} MB/s per connection), ${options.reads} requests per pass.\n`);
    await seedCatalog(emulator.client({ direct: true }), BUCKET, { albums, photos: options.objects });
    cachelet = await spawnCachelet({
      args: ['--app', 'demo', '--origin', `s3://${BUCKET}`, '--endpoint', emulator.endpoint, '--socket', socket,
        '--checksums', 'when-required', '--capacity', '256MiB', '--log-level', 'warn'],
      env: { AWS_ACCESS_KEY_ID: emulator.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: emulator.credentials.secretAccessKey, AWS_REGION: emulator.region },
    });
    const requests = requestSequence(options.reads, options.objects, albums);
    const bar = new SingleBar({ format: '  {pass} [{bar}] {value}/{total} requests', hideCursor: true }, Presets.shades_classic);
    bar.start(requests.length * 2, 0, { pass: 'without cache' });
    const s3 = emulator.clientConfig();
    const passes: DemoPass[] = [];
    const plain = createPhotoCatalog({ bucket: BUCKET, s3, faast: { disabled: true } });
    passes.push(await runPass('S3 only', plain, requests, emulator, () => bar.increment()));
    plain.close();
    bar.update({ pass: 'with Faa$T  ' });
    const cached = createPhotoCatalog({ bucket: BUCKET, s3, faast: { socket } });
    const pass = await runPass('S3 + Faa$T', cached, requests, emulator, () => bar.increment());
    const stats = await fetchStats(socket);
    // Hits of the app's near cache never reach the cachelet: they count too.
    const nearHits = nearCacheOf(socket)?.counters.hits ?? 0;
    pass.hitRatio = (stats.hits + nearHits) / Math.max(1, stats.hits + nearHits + stats.misses);
    passes.push(pass);
    cached.close();
    bar.stop();

    const [a, b] = passes as [DemoPass, DemoPass];
    out.write(`\n${renderTable(
      ['', 'p50', 'p99', 'mean', 'hit ratio', 'origin requests', 'bytes from origin', 'wall time'],
      passes.map((p) => [
        p.name,
        formatMs(p.latency.p50Ms),
        formatMs(p.latency.p99Ms),
        formatMs(p.latency.meanMs),
        p.hitRatio === undefined ? '-' : `${(100 * p.hitRatio).toFixed(1)} %`,
        p.originRequests,
        formatBytes(p.originBytes),
        formatMs(p.wallMs),
      ]),
    )}\n\n`);
    out.write(`Faa$T: p50 ${(a.latency.p50Ms / b.latency.p50Ms).toFixed(1)}× faster, mean request time -${(100 * (1 - b.latency.meanMs / a.latency.meanMs)).toFixed(0)} %, ` +
      `${(100 * (1 - b.originRequests / Math.max(1, a.originRequests))).toFixed(0)} % fewer origin requests.\n`);
    if (options.json) fs.writeFileSync(options.json, `${JSON.stringify({ options: { ...options, out: undefined }, passes }, null, 2)}\n`);
    return passes;
  } finally {
    await closeFaastConnections();
    await cachelet?.stop();
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function runPass(name: string, catalog: PhotoCatalog, requests: Request[], emulator: S3Emulator, tick: () => void): Promise<DemoPass> {
  emulator.resetCounters();
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const req = requests[next++]!;
      const t0 = performance.now();
      if (req.op === 'photo') await catalog.photo(req.arg);
      else if (req.op === 'album') await catalog.album(req.arg);
      else await catalog.original(req.arg);
      latencies.push(performance.now() - t0);
      tick();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const counts = emulator.requests();
  return { name, latency: summarize(latencies), hitRatio: undefined, originRequests: counts.total, originBytes: counts.bytesOut, wallMs: performance.now() - started };
}
