/**
 * The example apps as functions under the local serverless runner: each app's built handler
 * runs in instance processes, once with no cache and once with an embedded cachelet per
 * instance (the instances of one app form one ring). Same results, fewer origin reads.
 */
import * as path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { NO_LATENCY_PROFILE, startS3Emulator, type S3Emulator } from '@faast/emulator';
import * as configApi from '@faast/example-config-api';
import * as inference from '@faast/example-inference';
import * as transformer from '@faast/example-transformer';
import { LocalRunner, type CacheletMode, type InvocationResult } from '@faast/workload';

jest.setTimeout(120_000);

interface Example {
  name: string;
  seed(s3: S3Client, bucket: string): Promise<unknown>;
  sampleEvents(count: number, seed: number): unknown[];
  /** The part of a result that must not depend on caching or on which instance ran it. */
  essence(result: Record<string, unknown>): unknown;
}

const EXAMPLES: Example[] = [
  {
    name: 'inference',
    seed: (s3, b) => inference.seed(s3, b),
    sampleEvents: (n, s) => inference.sampleEvents(n, s),
    essence: (r) => ({ input: r['input'], predictions: r['predictions'] }),
  },
  {
    name: 'transformer',
    // Thumbnails only: renders write outputs that later reads of the same run would see.
    seed: (s3, b) => transformer.seed(s3, b),
    sampleEvents: (n, s) => transformer.sampleEvents(n * 3, s).filter((e) => (e as { op: string }).op === 'thumbnail').slice(0, n),
    essence: (r) => ({ key: r['key'], sha256: r['sha256'], width: r['width'], height: r['height'] }),
  },
  {
    name: 'config-api',
    seed: (s3, b) => configApi.seed(s3, b),
    sampleEvents: (n, s) => configApi.sampleEvents(n * 3, s).filter((e) => (e as { op: string }).op === 'get').slice(0, n),
    essence: (r) => r,
  },
];

let emulator: S3Emulator;

beforeAll(async () => {
  emulator = await startS3Emulator({ profile: NO_LATENCY_PROFILE, buckets: EXAMPLES.map((e) => `ex-${e.name}`) });
  const direct = emulator.client({ direct: true });
  for (const e of EXAMPLES) await e.seed(direct, `ex-${e.name}`);
});

afterAll(async () => {
  await emulator?.close();
});

async function run(example: Example, mode: CacheletMode, events: unknown[]): Promise<{ results: InvocationResult[]; gets: number }> {
  const runner = new LocalRunner({
    cachelet: mode,
    origin: { endpoint: emulator.endpoint, region: emulator.region, credentials: emulator.credentials, checksums: 'when-required' },
    output: 'ignore',
  });
  try {
    runner.register({
      name: `${example.name}-${mode}`,
      module: path.resolve(__dirname, '..', 'examples', example.name, 'dist', 'index.js'),
      env: { BUCKET: `ex-${example.name}` },
      concurrency: 2,
      maxInstances: 2,
    });
    emulator.resetCounters();
    // Waves of 4 concurrent invocations: two instances serve them, sharing one cache.
    const results: InvocationResult[] = [];
    for (let i = 0; i < events.length; i += 4) {
      results.push(...(await Promise.all(events.slice(i, i + 4).map((e) => runner.invoke(`${example.name}-${mode}`, e)))));
    }
    const gets = emulator.requests().byMethod['GET'] ?? 0;
    const report = runner.report().apps[`${example.name}-${mode}`]!;
    expect(report.invocations).toBe(events.length);
    expect(report.maxInstances).toBeGreaterThanOrEqual(1);
    expect(report.maxInstances).toBeLessThanOrEqual(2);
    return { results, gets };
  } finally {
    await runner.close();
  }
}

describe.each(EXAMPLES)('$name under the runner', (example) => {
  it('gives the same results with an embedded cachelet per instance as without a cache, with fewer origin reads', async () => {
    const events = example.sampleEvents(16, 7);
    expect(events.length).toBe(16);
    const none = await run(example, 'none', events);
    const faast = await run(example, 'embedded', events);
    for (const r of [...none.results, ...faast.results]) expect(r).toMatchObject({ ok: true });
    const essence = (rs: InvocationResult[]) => rs.map((r) => example.essence(r.result as Record<string, unknown>));
    expect(essence(faast.results)).toEqual(essence(none.results));
    expect(none.gets).toBeGreaterThan(0);
    expect(faast.gets).toBeLessThan(none.gets);
  });
});
