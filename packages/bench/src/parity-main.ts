/**
 * `npm run bench -- parity`: ten thousand drawn requests (see parity.ts) through a real
 * cachelet against the emulated origin, each compared with the plain client; counts the
 * differences (the target is 0) and writes the first ones with their cases.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { S3Client } from '@aws-sdk/client-s3';
import { Presets, SingleBar } from 'cli-progress';
import fc from 'fast-check';
import { fetchStats } from '@faast/cli';
import { NO_LATENCY_PROFILE, startS3Emulator } from '@faast/emulator';
import { nearCacheOf, withFaast } from '@faast/s3';
import { resultsPath, wholeNumber } from './args';
import { CLUSTER_BUCKET, startCachelets } from './cluster';
import { caseArbitrary, describeCase, runParityCase } from './parity';

export const PARITY_USAGE = `usage: node packages/bench/dist/main.js parity [--cases N] [--seed N] [--json PATH]
  --cases N    drawn requests (default 10000; 500 with --quick)
  --seed N     the generator's seed (default 42)
  --json PATH  where to write the results (default bench-results/parity.json at the repo root)`;

export interface ParityBenchOptions {
  cases: number;
  seed: number;
  jsonPath: string;
}

export function parseParityOptions(argv: string[]): ParityBenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: { quick: { type: 'boolean', default: false }, cases: { type: 'string' }, seed: { type: 'string' }, json: { type: 'string' }, help: { type: 'boolean', default: false } },
    strict: true,
  });
  if (values.help) return 'help';
  return {
    cases: wholeNumber('cases', values.cases, values.quick ? 500 : 10_000, 1, 1_000_000),
    seed: wholeNumber('seed', values.seed, 42, 0, 0xffffffff),
    jsonPath: resultsPath(values.json, 'parity'),
  };
}

export async function runParityBenchmark(options: ParityBenchOptions): Promise<void> {
  const emulator = await startS3Emulator({ profile: NO_LATENCY_PROFILE, buckets: [CLUSTER_BUCKET] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faast-parity-'));
  const group = await startCachelets({ emulator, dir, name: 'parity', size: 1, ring: false, onEvent: () => undefined });
  const socket = group.nodes[0]!.socket;
  // No retries on either side: a 500 is compared once, not after three attempts.
  const config = { ...emulator.clientConfig(), maxAttempts: 1 };
  const clients = { plain: new S3Client(config), wrapped: withFaast(new S3Client(config), { socket }), bucket: CLUSTER_BUCKET };
  const bar = process.stderr.isTTY ? new SingleBar({ format: 'parity {bar} {value}/{total} cases, {differences} differing', hideCursor: true }, Presets.shades_classic) : undefined;
  const failures: Array<{ case: string; differences: string[] }> = [];
  const started = Date.now();
  try {
    const cases = fc.sample(caseArbitrary, { numRuns: options.cases, seed: options.seed });
    bar?.start(cases.length, 0, { differences: 0 });
    for (const c of cases) {
      const differences = await runParityCase(clients, c);
      if (differences.length > 0) failures.push({ case: describeCase(c), differences });
      bar?.increment({ differences: failures.length });
    }
    bar?.stop();
    const stats = await fetchStats(socket);
    const nearHits = nearCacheOf(socket)?.counters.hits ?? 0;
    const seconds = (Date.now() - started) / 1000;
    const result = {
      cases: cases.length,
      seed: options.seed,
      differences: failures.length,
      seconds,
      cachelet: { hits: stats.hits, misses: stats.misses, badRequests: stats.badRequests, heads: stats.heads, notFound: stats.notFound },
      nearCacheHits: nearHits,
      firstDifferences: failures.slice(0, 20),
    };
    fs.mkdirSync(path.dirname(options.jsonPath), { recursive: true });
    fs.writeFileSync(options.jsonPath, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(
      `parity: ${result.cases} drawn requests (seed ${result.seed}) in ${seconds.toFixed(1)} s — ${result.differences} differences\n` +
        `  through the cache: ${nearHits} near-cache hits, ${stats.hits} cachelet hits, ${stats.misses} misses, ${stats.heads} heads, ${stats.notFound} not found, ${stats.badRequests} refused (sent to S3)\n` +
        failures.slice(0, 5).map((f) => `  ${f.case}\n    ${f.differences.join('\n    ')}\n`).join('') +
        `results: ${options.jsonPath}\n`,
    );
    if (failures.length > 0) process.exitCode = 1;
  } finally {
    bar?.stop();
    clients.plain.destroy();
    clients.wrapped.destroy();
    await group.close();
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
