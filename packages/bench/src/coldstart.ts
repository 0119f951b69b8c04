/**
 * `npm run bench -- coldstart`: what a function's cold start pays for Faa$T, measured as
 * whole processes (each figure the median of several runs, runs of A and B alternating):
 * - import: `require('@aws-sdk/client-s3')` alone against the SDK and `@faast/s3` — the
 *   child reports its own require time, and the parent the process's wall time;
 * - first hit: a new process wraps its client and reads an object the cachelet already holds
 *   (sidecar) — the first send() of the process, against the first plain GET of the origin;
 * - daemon ready: `faast daemon` from spawn to serving.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { S3_STANDARD_PROFILE, startS3Emulator } from '@faast/emulator';
import { resultsPath, wholeNumber } from './args';
import { CLUSTER_BUCKET, daemonEnv, startCachelets } from './cluster';
import { machineLine, watchMachine } from './machine';
import { median } from './measure';

export const COLDSTART_USAGE = `usage: node packages/bench/dist/main.js coldstart [--runs N] [--json PATH]
  --runs N     processes per figure (default 7; 3 with --quick)
  --json PATH  where to write the results (default bench-results/coldstart.json at the repo root)`;

export interface ColdStartOptions {
  runs: number;
  jsonPath: string;
}

export function parseColdStartOptions(argv: string[]): ColdStartOptions | 'help' {
  const { values } = parseArgs({ args: argv, options: { quick: { type: 'boolean', default: false }, runs: { type: 'string' }, json: { type: 'string' }, help: { type: 'boolean', default: false } }, strict: true });
  if (values.help) return 'help';
  return { runs: wholeNumber('runs', values.runs, values.quick ? 3 : 7, 1, 100), jsonPath: resultsPath(values.json, 'coldstart') };
}

/** The repository root: children resolve the workspace packages from there. */
const ROOT = path.resolve(__dirname, '..', '..', '..');

/** What a child prints: its figures as one JSON line. */
type ChildFigures = Record<string, number>;

const IMPORT_SDK = `const t=process.hrtime.bigint();require('@aws-sdk/client-s3');console.log(JSON.stringify({requireMs:Number(process.hrtime.bigint()-t)/1e6}))`;
const IMPORT_FAAST = `const t=process.hrtime.bigint();require('@aws-sdk/client-s3');const u=process.hrtime.bigint();require('@faast/s3');const v=process.hrtime.bigint();console.log(JSON.stringify({requireMs:Number(v-t)/1e6,faastMs:Number(v-u)/1e6}))`;

/** A child that makes its process's first GetObject, wrapped or not, and reports how long it took. */
function firstGet(wrapped: boolean): string {
  return `const {S3Client,GetObjectCommand}=require('@aws-sdk/client-s3');${wrapped ? "const {withFaast}=require('@faast/s3');" : ''}
const c=${wrapped ? 'withFaast(' : ''}new S3Client(JSON.parse(process.env.BENCH_S3))${wrapped ? ',{socket:process.env.BENCH_SOCKET})' : ''};
const t=process.hrtime.bigint();
c.send(new GetObjectCommand({Bucket:process.env.BENCH_BUCKET,Key:process.env.BENCH_KEY})).then(o=>o.Body.transformToByteArray()).then(()=>{console.log(JSON.stringify({firstGetMs:Number(process.hrtime.bigint()-t)/1e6}));process.exit(0)});`;
}

async function child(script: string, env: NodeJS.ProcessEnv = {}): Promise<ChildFigures & { wallMs: number }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['-e', script], { cwd: ROOT, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.once('exit', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`child exited ${code}: ${err.trim().split('\n')[0]}`));
      else resolve({ ...(JSON.parse(out.trim().split('\n').pop()!) as ChildFigures), wallMs });
    });
  });
}

/** Runs A and B alternately `runs` times; the medians of each reported figure. */
async function paired(runs: number, a: () => Promise<ChildFigures>, b: () => Promise<ChildFigures>): Promise<{ a: ChildFigures; b: ChildFigures }> {
  const as: ChildFigures[] = [];
  const bs: ChildFigures[] = [];
  await a();
  await b(); // warm the file cache
  for (let i = 0; i < runs; i++) {
    as.push(await a());
    bs.push(await b());
  }
  const med = (xs: ChildFigures[]): ChildFigures => Object.fromEntries(Object.keys(xs[0]!).map((k) => [k, median(xs.map((x) => x[k]!))]));
  return { a: med(as), b: med(bs) };
}

export async function runColdStartBenchmark(options: ColdStartOptions): Promise<void> {
  const machine = watchMachine();
  const imports = await paired(options.runs, () => child(IMPORT_SDK), () => child(IMPORT_FAAST));

  const bucket = CLUSTER_BUCKET;
  const emulator = await startS3Emulator({ profile: S3_STANDARD_PROFILE, buckets: [bucket] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faast-coldstart-'));
  const solo = (name: string) => startCachelets({ emulator, dir, name, size: 1, ring: false, onEvent: () => undefined });
  try {
    await emulator.client({ direct: true }).send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: Buffer.alloc(1024, 1) }));
    const ready: number[] = [];
    for (let i = 0; i <= options.runs; i++) {
      const started = process.hrtime.bigint();
      const group = await solo(`ready${i}`);
      if (i > 0) ready.push(Number(process.hrtime.bigint() - started) / 1e6);
      await group.close();
    }
    const group = await solo('hits');
    try {
      const socket = group.nodes[0]!.socket;
      const childEnv = { ...daemonEnv(emulator), BENCH_S3: JSON.stringify({ ...emulator.clientConfig(), credentials: emulator.credentials }), BENCH_SOCKET: socket, BENCH_BUCKET: bucket, BENCH_KEY: 'k' };
      await child(firstGet(true), childEnv); // the cachelet now holds it: every later first get is a hit
      const gets = await paired(options.runs, () => child(firstGet(false), childEnv), () => child(firstGet(true), childEnv));
      const m = machine.finish();
      const result = {
        runs: options.runs,
        import: { sdkRequireMs: imports.a['requireMs'], sdkWallMs: imports.a['wallMs'], withFaastRequireMs: imports.b['requireMs'], faastRequireMs: imports.b['faastMs'], withFaastWallMs: imports.b['wallMs'] },
        firstGet: { originMs: gets.a['firstGetMs'], faastHitMs: gets.b['firstGetMs'], originWallMs: gets.a['wallMs'], faastWallMs: gets.b['wallMs'] },
        daemonReadyMs: median(ready),
        machine: m,
      };
      fs.mkdirSync(path.dirname(options.jsonPath), { recursive: true });
      fs.writeFileSync(options.jsonPath, `${JSON.stringify(result, null, 2)}\n`);
      const f = (n: number | undefined) => `${(n ?? NaN).toFixed(1)} ms`;
      process.stdout.write(
        [
          `cold start (medians of ${options.runs} processes each)`,
          `  require('@aws-sdk/client-s3')                 ${f(result.import.sdkRequireMs)}   (process ${f(result.import.sdkWallMs)})`,
          `  + require('@faast/s3')                         ${f(result.import.faastRequireMs)}   (process ${f(result.import.withFaastWallMs)}; target ≤ 15 ms)`,
          `  first GetObject of a process, origin           ${f(result.firstGet.originMs)}`,
          `  first GetObject of a process, faast hit        ${f(result.firstGet.faastHitMs)}   (target ≤ 5 ms)`,
          `  faast daemon, spawn to serving                 ${f(result.daemonReadyMs)}   (target ≤ 300 ms)`,
          machineLine(m, 'the children, the daemon and the emulator'),
          `results: ${options.jsonPath}`,
        ].join('\n') + '\n',
      );
    } finally {
      await group.close();
    }
  } finally {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
