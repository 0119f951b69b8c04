#!/usr/bin/env node
/**
 * Runs the function once, as a platform would, and prints its result as JSON:
 *
 *   BUCKET=b [S3_ENDPOINT=http://127.0.0.1:4568] node dist/main.js '{"model":"models/mlp.bin","input":"inputs/in-00000.json"}'
 *   BUCKET=b [S3_ENDPOINT=...] node dist/main.js --seed ['{"inputs":100,"seed":1}']
 *
 * A bad event or configuration: one line naming the problem, exit code 2; a failed invocation: exit code 1.
 */
import { randomUUID } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { handler, reset } from './app';
import { ConfigError, configFromEnv, EventError } from './runtime';
import { seed, type SeedDescription, type SeedOptions } from './seed';

const NAME = 'inference';
const USAGE = `usage: BUCKET=NAME [S3_ENDPOINT=URL] node dist/main.js '<event JSON>' | --seed ['<options JSON>']`;

class UsageError extends Error {
  override readonly name = 'UsageError';
}

async function run(args: string[]): Promise<void> {
  const [first, second, ...extra] = args;
  if (first === '--help' || first === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (first === undefined || extra.length > 0 || (second !== undefined && first !== '--seed')) throw new UsageError(USAGE);
  if (first === '--seed') {
    const options = second === undefined ? {} : (parseJson(second, 'seed options') as SeedOptions);
    const config = configFromEnv();
    const client = new S3Client(config.s3);
    try {
      process.stdout.write(`${JSON.stringify(summary(await seed(client, config.bucket, options)), null, 2)}\n`);
    } finally {
      client.destroy();
    }
    return;
  }
  const event = parseJson(first, 'event');
  configFromEnv();
  const context = { awsRequestId: randomUUID(), functionName: NAME, instanceId: `local-${process.pid}`, coldStart: true };
  try {
    process.stdout.write(`${JSON.stringify(await handler(event, context))}\n`);
  } finally {
    await reset();
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new EventError(`the ${what} is not JSON: ${(err as Error).message}`, { cause: err });
  }
}

/** Objects and bytes by top-level prefix. */
function summary(d: SeedDescription): object {
  const prefixes: Record<string, { objects: number; bytes: number }> = {};
  for (const o of d.objects) {
    const p = (prefixes[o.key.split('/')[0]!] ??= { objects: 0, bytes: 0 });
    p.objects++;
    p.bytes += o.bytes;
  }
  return { bucket: d.bucket, objects: d.objects.length, totalBytes: d.totalBytes, prefixes };
}

run(process.argv.slice(2)).catch((err: Error) => {
  const bad = err instanceof UsageError || err instanceof ConfigError || err instanceof EventError;
  process.stderr.write(`${err instanceof UsageError ? err.message : `${err.name}: ${err.message}`}\n`);
  process.exitCode = bad ? 2 : 1;
});
