/**
 * `npm run bench -- penalties`: what a miss and a write cost through Faa$T against the same
 * call made directly, against the emulated S3 Standard origin, pairs alternating in one run
 * (median of the per-pair ratios): a GET of an object no cache holds yet, through `withFaast`
 * (sidecar) and straight to the origin; a PUT through `withFaast` (the write, then its notice
 * to the cachelet) and straight. Targets: a miss ≤ 1.1×, a write ≤ 1.05× the direct call.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { S3_STANDARD_PROFILE, startS3Emulator } from '@faast/emulator';
import { resultsPath, wholeNumber } from './args';
import { CLUSTER_BUCKET, startCachelets } from './cluster';
import { machineLine, watchMachine } from './machine';
import { median } from './measure';

export const PENALTIES_USAGE = `usage: node packages/bench/dist/main.js penalties [--pairs N] [--json PATH]
  --pairs N    measured pairs of each kind (default 200; 40 with --quick)
  --json PATH  where to write the results (default bench-results/penalties.json at the repo root)`;

export interface PenaltiesOptions {
  pairs: number;
  jsonPath: string;
}

export function parsePenaltiesOptions(argv: string[]): PenaltiesOptions | 'help' {
  const { values } = parseArgs({ args: argv, options: { quick: { type: 'boolean', default: false }, pairs: { type: 'string' }, json: { type: 'string' }, help: { type: 'boolean', default: false } }, strict: true });
  if (values.help) return 'help';
  return { pairs: wholeNumber('pairs', values.pairs, values.quick ? 40 : 200, 1, 100_000), jsonPath: resultsPath(values.json, 'penalties') };
}

const ms = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e6;

export async function runPenaltiesBenchmark(options: PenaltiesOptions): Promise<void> {
  const machine = watchMachine();
  const bucket = CLUSTER_BUCKET;
  const emulator = await startS3Emulator({ profile: S3_STANDARD_PROFILE, buckets: [bucket] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faast-penalties-'));
  const group = await startCachelets({ emulator, dir, name: 'penalties', size: 1, ring: false, onEvent: () => undefined });
  const direct = new S3Client(emulator.clientConfig());
  const faast = group.nodes[0]!.client;
  try {
    const body = Buffer.alloc(1024, 7);
    const seeder = emulator.client({ direct: true });
    const keys = Array.from({ length: 2 * (options.pairs + 5) }, (_, i) => `miss/${i}`);
    for (const Key of keys) await seeder.send(new PutObjectCommand({ Bucket: bucket, Key, Body: body }));
    const get = async (client: S3Client, Key: string): Promise<number> => {
      const t = process.hrtime.bigint();
      await (await client.send(new GetObjectCommand({ Bucket: bucket, Key }))).Body!.transformToByteArray();
      return ms(t);
    };
    const put = async (client: S3Client, Key: string): Promise<number> => {
      const t = process.hrtime.bigint();
      await client.send(new PutObjectCommand({ Bucket: bucket, Key, Body: body }));
      return ms(t);
    };
    const miss: Array<[number, number]> = [];
    const write: Array<[number, number]> = [];
    let k = 0;
    for (let i = 0; i < options.pairs + 5; i++) {
      // Every key is read once: a miss for faast, a plain GET for the direct client.
      const pair: [number, number] = [await get(faast, keys[k++]!), await get(direct, keys[k++]!)];
      if (i >= 5) miss.push(pair);
      const w: [number, number] = [await put(faast, `write/${i}`), await put(direct, `write-direct/${i}`)];
      if (i >= 5) write.push(w);
    }
    const summary = (pairs: Array<[number, number]>) => ({
      faastP50Ms: median(pairs.map((p) => p[0])),
      directP50Ms: median(pairs.map((p) => p[1])),
      ratio: median(pairs.map((p) => p[0] / p[1])),
    });
    const m = machine.finish();
    const result = { pairs: options.pairs, miss: summary(miss), write: summary(write), machine: m };
    fs.mkdirSync(path.dirname(options.jsonPath), { recursive: true });
    fs.writeFileSync(options.jsonPath, `${JSON.stringify(result, null, 2)}\n`);
    const line = (name: string, s: ReturnType<typeof summary>, target: number) =>
      `  ${name}  faast ${s.faastP50Ms.toFixed(2)} ms, direct ${s.directP50Ms.toFixed(2)} ms, ratio ${s.ratio.toFixed(3)}× (target ≤ ${target}×: ${s.ratio <= target ? 'met' : 'NOT met'})`;
    process.stdout.write(
      [
        `miss and write penalties, 1 KiB against the S3 Standard profile (medians of ${options.pairs} alternating pairs)`,
        line('miss ', result.miss, 1.1),
        line('write', result.write, 1.05),
        machineLine(m, 'the client, the cachelet and the emulator'),
        `results: ${options.jsonPath}`,
      ].join('\n') + '\n',
    );
  } finally {
    direct.destroy();
    await group.close();
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
