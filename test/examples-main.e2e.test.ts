/**
 * The example apps standalone: `node dist/main.js --seed` fills a bucket, `node dist/main.js
 * '<event>'` runs the function once and prints its result; bad input is one line, exit 2.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { NO_LATENCY_PROFILE, startS3Emulator, type S3Emulator } from '@faast/emulator';
import { sampleEvents as configEvents } from '@faast/example-config-api';
import { sampleEvents as inferenceEvents } from '@faast/example-inference';
import { sampleEvents as transformerEvents } from '@faast/example-transformer';

jest.setTimeout(60_000);

const EXAMPLES: Array<{ name: string; event: unknown; expectResult: (r: Record<string, unknown>) => void }> = [
  { name: 'inference', event: inferenceEvents(1, 1)[0], expectResult: (r) => expect(Array.isArray(r['predictions'])).toBe(true) },
  { name: 'transformer', event: transformerEvents(1, 1)[0], expectResult: (r) => expect(typeof r['output']).toBe('string') },
  { name: 'config-api', event: configEvents(1, 1)[0], expectResult: (r) => expect(r['op']).toBeDefined() },
];

let emulator: S3Emulator;

beforeAll(async () => {
  emulator = await startS3Emulator({ profile: NO_LATENCY_PROFILE, buckets: EXAMPLES.map((e) => `main-${e.name}`) });
});

afterAll(async () => {
  await emulator?.close();
});

/** Runs an example's main (asynchronously: the emulator answers from this process meanwhile). */
function main(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const entry = path.resolve(__dirname, '..', 'examples', name, 'dist', 'main.js');
  // The SDK's notice about Node 20 (see the README) is not the app's output.
  const fullEnv = { PATH: process.env['PATH'], AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env };
  return new Promise((resolve) => {
    execFile(process.execPath, [entry, ...args], { encoding: 'utf8', timeout: 50_000, env: fullEnv }, (err, stdout, stderr) => {
      resolve({ status: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

describe.each(EXAMPLES)('$name standalone', ({ name, event, expectResult }) => {
  const env = (): NodeJS.ProcessEnv => ({
    BUCKET: `main-${name}`,
    S3_ENDPOINT: emulator.directEndpoint,
    AWS_REGION: emulator.region,
    AWS_ACCESS_KEY_ID: emulator.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: emulator.credentials.secretAccessKey,
  });

  it('seeds its bucket, then runs one event and prints the result as JSON', async () => {
    const seeded = await main(name, ['--seed'], env());
    expect(seeded.stderr).toBe('');
    expect(seeded.status).toBe(0);
    expect(JSON.parse(seeded.stdout)).toMatchObject({ bucket: `main-${name}` });
    const r = await main(name, [JSON.stringify(event)], env());
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expectResult(JSON.parse(r.stdout) as Record<string, unknown>);
  });

  it('bad input: one line, exit 2', async () => {
    const notJson = await main(name, ['{oops'], env());
    expect(notJson.status).toBe(2);
    expect(notJson.stderr.trim().split('\n')).toHaveLength(1);
    expect(notJson.stderr).toMatch(/not JSON/);
    const { BUCKET: _bucket, ...noBucket } = env();
    const missing = await main(name, [JSON.stringify(event)], noBucket);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/BUCKET/);
    expect((await main(name, [], env())).status).toBe(2);
  });
});
