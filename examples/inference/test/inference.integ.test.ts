/**
 * The inference function against the real S3 emulator, configured through its environment as
 * a platform would configure it: predictions equal a reference forward pass over the seeded
 * weights; a new model version is picked up; with an embedded cachelet, repeated reads stay
 * off the origin and the results do not change.
 */
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { functionFixture } from '../../../test/support/function-env';
import { generateModel, handler, reset, sampleEvents, seed, type InferenceResult, type InputObject } from '@faast/example-inference';

const BUCKET = 'inference-it';
const INPUTS = 40;

const fx = functionFixture({ name: 'inference', bucket: BUCKET, seed: (s3, bucket) => seed(s3, bucket, { inputs: INPUTS }), handler, reset });
const env = fx.env;

function invoke(event: unknown): Promise<InferenceResult> {
  return fx.invoke(event);
}

async function object(key: string): Promise<Buffer> {
  const out = await fx.plain.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from(await out.Body!.transformToByteArray());
}

interface RefLayer {
  inputs: number;
  outputs: number;
  activation: string;
  w: number[];
  b: number[];
}

/** The model's layers, parsed here independently of the app's decoder. */
function parseModel(bytes: Buffer): { labels: string[]; layers: RefLayer[] } {
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('FMLP');
  const headerLength = bytes.readUInt32LE(8);
  const header = JSON.parse(bytes.subarray(12, 12 + headerLength).toString('utf8')) as { labels: string[]; layers: Omit<RefLayer, 'w' | 'b'>[] };
  let offset = Math.ceil((12 + headerLength) / 4) * 4;
  const floats = (n: number): number[] => Array.from({ length: n }, () => ((offset += 4), bytes.readFloatLE(offset - 4)));
  const layers = header.layers.map((l) => ({ ...l, w: floats(l.inputs * l.outputs), b: floats(l.outputs) }));
  expect(offset).toBe(bytes.length);
  return { labels: header.labels, layers };
}

/** A plain forward pass: dense layers, ReLU, softmax. */
function referenceForward(model: { layers: RefLayer[] }, x: number[]): number[] {
  let a = x;
  for (const l of model.layers) {
    const out: number[] = [];
    for (let o = 0; o < l.outputs; o++) {
      let s = l.b[o]!;
      for (let i = 0; i < l.inputs; i++) s += l.w[o * l.inputs + i]! * a[i]!;
      out.push(l.activation === 'relu' ? Math.max(0, s) : s);
    }
    if (l.activation === 'softmax') {
      const max = Math.max(...out);
      const e = out.map((v) => Math.exp(v - max));
      const sum = e.reduce((p, v) => p + v, 0);
      a = e.map((v) => v / sum);
    } else {
      a = out;
    }
  }
  return a;
}

async function expectReference(result: InferenceResult, model: { labels: string[]; layers: RefLayer[] }): Promise<void> {
  const input = JSON.parse((await object(result.input)).toString('utf8')) as InputObject;
  expect(result.predictions).toHaveLength(input.features.length);
  input.features.forEach((x, n) => {
    const expected = referenceForward(model, x);
    const p = result.predictions[n]!;
    expect(p.probabilities).toHaveLength(model.labels.length);
    p.probabilities.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
    const best = expected.indexOf(Math.max(...expected));
    expect(p.index).toBe(best);
    expect(p.label).toBe(model.labels[best]);
    expect(p.score).toBe(p.probabilities[best]);
  });
}

test('seeds multi-MiB models and KiB-sized inputs', () => {
  const sizes = new Map(fx.seeded.objects.map((o) => [o.key, o.bytes]));
  expect(sizes.get('models/mlp.bin')).toBeGreaterThan(8 << 20);
  expect(sizes.get('models/mlp.bin')).toBeLessThan(16 << 20);
  expect(sizes.get('models/mlp-small.bin')).toBeGreaterThan(512 << 10);
  const inputs = fx.seeded.objects.filter((o) => o.key.startsWith('inputs/'));
  expect(inputs).toHaveLength(INPUTS);
  for (const o of inputs) expect(o.bytes).toBeGreaterThan(1 << 10);
  for (const o of inputs) expect(o.bytes).toBeLessThan(10 << 10);
  expect(fx.seeded.totalBytes).toBe(fx.seeded.objects.reduce((n, o) => n + o.bytes, 0));
});

test('sample events are deterministic, valid and skewed', () => {
  const events = sampleEvents(400, 5, { inputs: INPUTS });
  expect(sampleEvents(400, 5, { inputs: INPUTS })).toEqual(events);
  expect(sampleEvents(400, 6, { inputs: INPUTS })).not.toEqual(events);
  const keys = new Set(fx.seeded.objects.map((o) => o.key));
  const counts = new Map<string, number>();
  for (const e of events) {
    expect(keys.has(e.model) && keys.has(e.input)).toBe(true);
    counts.set(e.input, (counts.get(e.input) ?? 0) + 1);
  }
  const top = Math.max(...counts.values());
  expect(top).toBeGreaterThan((400 / INPUTS) * 4);
  expect(events.filter((e) => e.model === 'models/mlp.bin').length).toBeGreaterThan(300);
});

test('predictions equal a reference forward pass over the fx.seeded weights', async () => {
  env.set();
  const models = new Map<string, { labels: string[]; layers: RefLayer[] }>();
  const seen = new Set<string>();
  const events = [...sampleEvents(10, 11, { inputs: INPUTS }), { model: 'models/mlp.bin', input: 'inputs/in-00007.json', save: true }];
  for (const event of events) {
    const result = await invoke(event);
    expect(result.modelLoaded).toBe(!seen.has(event.model));
    seen.add(event.model);
    if (!models.has(event.model)) models.set(event.model, parseModel(await object(event.model)));
    await expectReference(result, models.get(event.model)!);
  }
  const saved = JSON.parse((await object('results/in-00007.json')).toString('utf8')) as InferenceResult & { requestId: string };
  expect(saved.predictions).toEqual((await invoke(events[events.length - 1])).predictions);
  expect(saved.requestId).toMatch(/^req-\d+$/);
}, 20_000);

test('a new model version is loaded in place of the old one', async () => {
  env.set();
  const put = (bytes: Buffer) => fx.plain.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'models/tiny.bin', Body: bytes }));
  const v1 = generateModel({ name: 'tiny', hidden: [16] }, 1);
  const v2 = generateModel({ name: 'tiny', hidden: [24, 8] }, 2);
  await put(v1);
  const event = { model: 'models/tiny.bin', input: 'inputs/in-00001.json' };
  const first = await invoke(event);
  expect(first.modelLoaded).toBe(true);
  await expectReference(first, parseModel(v1));
  expect((await invoke(event)).modelLoaded).toBe(false);

  await put(v2);
  const second = await invoke(event);
  expect(second.modelLoaded).toBe(true);
  expect(second.modelEtag).not.toBe(first.modelEtag);
  await expectReference(second, parseModel(v2));
  expect(second.predictions).not.toEqual(first.predictions);
  const third = await invoke(event);
  expect(third.modelLoaded).toBe(false);
  expect(third.predictions).toEqual(second.predictions);
});

test('bad events and a missing BUCKET are named', async () => {
  env.set({ BUCKET: '' });
  await expect(invoke({ model: 'models/mlp.bin', input: 'inputs/in-00001.json' })).rejects.toThrow(/BUCKET is not set/);
  await reset();
  env.set();
  await expect(invoke({ model: 'mlp', input: 'inputs/in-00001.json' })).rejects.toMatchObject({ name: 'EventError', message: expect.stringMatching(/event\.model/) });
  await expect(invoke(null)).rejects.toMatchObject({ name: 'EventError' });
  await expect(invoke({ model: 'models/mlp.bin', input: 'inputs/missing.json' })).rejects.toMatchObject({ name: 'NoSuchKey', message: expect.stringMatching(/inputs\/missing\.json/) });
});

test('with an embedded cachelet, repeated reads stay off the origin and results are unchanged', async () => {
  const events = sampleEvents(16, 3, { inputs: INPUTS, saveShare: 0 });
  const gets = (): number => fx.emulator.requests().byMethod['GET'] ?? 0;

  env.set();
  fx.emulator.resetCounters();
  const direct: InferenceResult[] = [];
  for (const e of events) direct.push(await invoke(e));
  // Pass-through: every read (model revalidation and input) reaches the origin.
  expect(gets()).toBe(events.length * 2);
  await reset();
  env.restore();

  env.set({ FAAST_EMBEDDED: '1', FAAST_APP: `inference-it-${process.pid}-${Date.now()}` });
  fx.emulator.resetCounters();
  const cached: InferenceResult[] = [];
  for (const e of events) cached.push(await invoke(e));
  const firstPass = gets();
  expect(cached).toEqual(direct);
  expect(firstPass).toBeLessThan(events.length * 2);

  // The same objects again: models revalidated and inputs read from the cache, none from the origin.
  const again: InferenceResult[] = [];
  for (const e of events) again.push(await invoke(e));
  expect(gets()).toBe(firstPass);
  expect(again.map((r) => r.predictions)).toEqual(direct.map((r) => r.predictions));
  expect(again.every((r) => !r.modelLoaded)).toBe(true);
}, 20_000);
