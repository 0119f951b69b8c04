/**
 * The standalone command line of an example function: run it once, as a platform would, and
 * print its result as JSON; or seed its bucket.
 *
 *   BUCKET=b [S3_ENDPOINT=http://127.0.0.1:4568] node dist/main.js '<event JSON>'
 *   BUCKET=b [S3_ENDPOINT=...] node dist/main.js --seed ['<options JSON>']
 *
 * A bad event or configuration: one line naming the problem, exit code 2; a failed invocation: exit code 1.
 */
import { randomUUID } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { ConfigError, configFromEnv, EventError, type InvocationContext } from './runtime';

/** What `seed` made. */
export interface SeedDescription {
  bucket: string;
  objects: Array<{ key: string; bytes: number }>;
  totalBytes: number;
}

export interface FunctionMain<O> {
  /** The function's name (its context's functionName). */
  name: string;
  handler(event: unknown, context: InvocationContext): Promise<unknown>;
  /** Destroys the function's client (the process may then exit). */
  reset(): Promise<void>;
  seed(s3: S3Client, bucket: string, options: O): Promise<SeedDescription>;
}

const USAGE = `usage: BUCKET=NAME [S3_ENDPOINT=URL] node dist/main.js '<event JSON>' | --seed ['<options JSON>']`;

class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Runs the command line with `process.argv` and sets the exit code. */
export function runFunctionMain<O>(fn: FunctionMain<O>, args = process.argv.slice(2)): void {
  run(fn, args).catch((err: Error) => {
    const bad = err instanceof UsageError || err instanceof ConfigError || err instanceof EventError;
    process.stderr.write(`${err instanceof UsageError ? err.message : `${err.name}: ${err.message}`}\n`);
    process.exitCode = bad ? 2 : 1;
  });
}

async function run<O>(fn: FunctionMain<O>, args: string[]): Promise<void> {
  const [first, second, ...extra] = args;
  if (first === '--help' || first === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (first === undefined || extra.length > 0 || (second !== undefined && first !== '--seed')) throw new UsageError(USAGE);
  if (first === '--seed') {
    const options = (second === undefined ? {} : parseJson(second, 'seed options')) as O;
    const config = configFromEnv();
    const client = new S3Client(config.s3);
    try {
      process.stdout.write(`${JSON.stringify(summary(await fn.seed(client, config.bucket, options)), null, 2)}\n`);
    } finally {
      client.destroy();
    }
    return;
  }
  const event = parseJson(first, 'event');
  configFromEnv();
  const context = { awsRequestId: randomUUID(), functionName: fn.name, instanceId: `local-${process.pid}`, coldStart: true };
  try {
    process.stdout.write(`${JSON.stringify(await fn.handler(event, context))}\n`);
  } finally {
    await fn.reset();
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
