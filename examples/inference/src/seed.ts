/** The bucket's contents for the inference function (models and inputs) and a sample event stream. */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { hash, zipf, type SeedDescription } from '@faast/example-function-kit';
import { seededRandom } from '@faast/core';
import type { InferenceEvent, InputObject } from './app';
import { generateModel, INPUT_SIZE, type ModelSpec } from './model';

/**
 * The default models: `models/mlp.bin` 256→4096→512→10 (3.16 M parameters, ~12 MiB) and
 * `models/mlp-small.bin` 256→1024→10 (~1 MiB).
 */
export const DEFAULT_MODELS: readonly ModelSpec[] = [
  { name: 'mlp', hidden: [4096, 512] },
  { name: 'mlp-small', hidden: [1024] },
];
export const DEFAULT_INPUTS = 500;

export interface SeedOptions {
  /** The models; default {@link DEFAULT_MODELS}. All take the same input size as the inputs. */
  models?: readonly ModelSpec[];
  /** Input objects `inputs/<id>.json` (1-4 vectors of 256 features, 2-8 KiB each). Default 500. */
  inputs?: number;
  /** Feature vector length. Default 256. */
  inputSize?: number;
  /** Default 1. */
  seed?: number;
}

export function modelKey(name: string): string {
  return `models/${name}.bin`;
}

export function inputId(i: number): string {
  return `in-${String(i).padStart(5, '0')}`;
}

export function inputKey(i: number): string {
  return `inputs/${inputId(i)}.json`;
}

/** Input object `i` for a seed: deterministic feature vectors, 4 decimals each. */
export function generateInput(i: number, seed = 1, inputSize = INPUT_SIZE): InputObject {
  const random = seededRandom(hash(`input:${seed}:${i}`));
  const vectors = 1 + Math.floor(random() * 4);
  const features: number[][] = [];
  for (let v = 0; v < vectors; v++) {
    // A smooth pattern plus noise, so that inputs differ in structure, not only in noise.
    const freq = 1 + random() * 8;
    const phase = random() * Math.PI * 2;
    const x: number[] = [];
    for (let k = 0; k < inputSize; k++) x.push(Math.round((Math.sin((k / inputSize) * freq * Math.PI * 2 + phase) * 0.8 + (random() * 2 - 1) * 0.2) * 1e4) / 1e4);
    features.push(x);
  }
  return { id: inputId(i), features };
}

/** Writes the models and the inputs (deterministically for a seed); returns what it wrote. */
export async function seed(s3: S3Client, bucket: string, options: SeedOptions = {}): Promise<SeedDescription> {
  const seedValue = options.seed ?? 1;
  const inputSize = options.inputSize ?? INPUT_SIZE;
  const objects: SeedDescription['objects'] = [];
  const pending: Promise<unknown>[] = [];
  const put = async (key: string, body: Buffer | string, contentType: string): Promise<void> => {
    objects.push({ key, bytes: Buffer.byteLength(body) });
    pending.push(s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType })));
    if (pending.length >= 16) await Promise.all(pending.splice(0));
  };
  for (const spec of options.models ?? DEFAULT_MODELS) {
    await put(modelKey(spec.name), generateModel({ inputSize, ...spec }, hash(`model:${seedValue}:${spec.name}`)), 'application/octet-stream');
  }
  for (let i = 0; i < (options.inputs ?? DEFAULT_INPUTS); i++) {
    await put(inputKey(i), JSON.stringify(generateInput(i, seedValue, inputSize)), 'application/json');
  }
  await Promise.all(pending);
  return { bucket, objects, totalBytes: objects.reduce((n, o) => n + o.bytes, 0) };
}

export interface SampleOptions {
  /** Inputs seeded (default 500). */
  inputs?: number;
  /** Model names with their share of invocations; default mlp 0.85, mlp-small 0.15. */
  models?: ReadonlyArray<{ name: string; share: number }>;
  /** Share of events that save their result (default 0.05). */
  saveShare?: number;
}

/**
 * A deterministic stream of events: inputs by Zipf popularity (a few inputs are hot), most
 * invocations on the big model.
 */
export function sampleEvents(count: number, seed: number, options: SampleOptions = {}): InferenceEvent[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  const random = seededRandom(hash(`events:${seed}`));
  const inputs = options.inputs ?? DEFAULT_INPUTS;
  const models = options.models ?? [
    { name: 'mlp', share: 0.85 },
    { name: 'mlp-small', share: 0.15 },
  ];
  const total = models.reduce((n, m) => n + m.share, 0);
  const pickInput = zipf(inputs, 1.1, random, true);
  const saveShare = options.saveShare ?? 0.05;
  const events: InferenceEvent[] = [];
  for (let n = 0; n < count; n++) {
    let u = random() * total;
    const model = models.find((m) => (u -= m.share) < 0) ?? models[models.length - 1]!;
    const event: InferenceEvent = { model: modelKey(model.name), input: inputKey(pickInput()) };
    if (random() < saveShare) event.save = true;
    events.push(event);
  }
  return events;
}
