/**
 * An inference function, written as any serverless function on S3 would be. The model (a
 * multi-MiB object) is loaded once per instance and kept in memory with its ETag; each
 * invocation revalidates it with a conditional GET (If-None-Match: a 304 keeps the loaded
 * model, a 200 is a new version, loaded in its place), reads a small input object, runs the
 * forward pass and returns the predictions — and, when asked, writes them to `results/<id>.json`.
 */
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { decodeModel, forward, type Model } from './model';
import { EventError, httpStatus, notFound, readJson, resetRuntime, runtime, type InvocationContext } from '@faast/example-function-kit';

export type { InvocationContext };

export interface InferenceEvent {
  /** `models/<name>.bin` */
  model: string;
  /** `inputs/<id>.json` */
  input: string;
  /** Also write the predictions to `results/<id>.json`. Default false. */
  save?: boolean;
}

/** An input object: one or more feature vectors. */
export interface InputObject {
  id: string;
  features: number[][];
}

export interface Prediction {
  /** The most probable label. */
  label: string;
  index: number;
  score: number;
  /** One probability per label, in the model's label order. */
  probabilities: number[];
}

export interface InferenceResult {
  model: string;
  /** The model version used. */
  modelEtag: string;
  /** True when this invocation loaded the model (first use in this instance, or a new version). */
  modelLoaded: boolean;
  input: string;
  id: string;
  predictions: Prediction[];
  /** The result object written, when `save` was set. */
  resultKey?: string;
}

const MODEL_KEY = /^models\/[A-Za-z0-9._-]+\.bin$/;
const INPUT_KEY = /^inputs\/([A-Za-z0-9._-]+)\.json$/;
/** Models kept in memory per instance (least recently used first out). */
const MAX_MODELS = 4;

interface LoadedModel {
  etag: string;
  model: Model;
}

/** Loaded models by key, least recently used first. */
const models = new Map<string, LoadedModel>();
/** Revalidations in progress by key: concurrent invocations share one. */
const checks = new Map<string, Promise<{ loaded: LoadedModel; fresh: boolean }>>();

export async function handler(event: unknown, context?: InvocationContext): Promise<InferenceResult> {
  const e = parseEvent(event);
  const [{ loaded, fresh }, input] = await settled(modelFor(e.model), readJson<InputObject>(e.input));
  const id = INPUT_KEY.exec(e.input)![1]!;
  const predictions = predict(loaded.model, input, e.input);
  const result: InferenceResult = { model: e.model, modelEtag: loaded.etag, modelLoaded: fresh, input: e.input, id, predictions };
  if (e.save) {
    const { s3, bucket } = runtime();
    const resultKey = `results/${id}.json`;
    const body = JSON.stringify({ ...result, requestId: context?.awsRequestId, at: new Date().toISOString() });
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: resultKey, Body: body, ContentType: 'application/json' }));
    result.resultKey = resultKey;
  }
  return result;
}

/** Forgets the loaded models and destroys the client (tests; a new instance starts this way). */
export async function reset(): Promise<void> {
  models.clear();
  checks.clear();
  await resetRuntime();
}

/** Both results; on a failure, the first error once both are done (no read outlives the invocation). */
async function settled<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [ra, rb] = await Promise.allSettled([a, b]);
  if (ra.status === 'rejected') throw ra.reason;
  if (rb.status === 'rejected') throw rb.reason;
  return [ra.value, rb.value];
}

function parseEvent(event: unknown): InferenceEvent {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) throw new EventError('the event must be an object { model, input }');
  const { model, input, save } = event as Record<string, unknown>;
  if (typeof model !== 'string' || !MODEL_KEY.test(model)) throw new EventError(`event.model must be a key like 'models/<name>.bin', got ${JSON.stringify(model)}`);
  if (typeof input !== 'string' || !INPUT_KEY.test(input)) throw new EventError(`event.input must be a key like 'inputs/<id>.json', got ${JSON.stringify(input)}`);
  if (save !== undefined && typeof save !== 'boolean') throw new EventError('event.save must be a boolean');
  return { model, input, save: save === true };
}

function modelFor(key: string): Promise<{ loaded: LoadedModel; fresh: boolean }> {
  let check = checks.get(key);
  if (!check) {
    check = revalidate(key).finally(() => checks.delete(key));
    checks.set(key, check);
  }
  return check;
}

/** A conditional GET of the model: 304 keeps the loaded one, 200 replaces it. */
async function revalidate(key: string): Promise<{ loaded: LoadedModel; fresh: boolean }> {
  const { s3, bucket } = runtime();
  const cached = models.get(key);
  let loaded: LoadedModel;
  let fresh: boolean;
  try {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, IfNoneMatch: cached?.etag }));
    const bytes = await out.Body!.transformToByteArray();
    loaded = { etag: out.ETag ?? '', model: decodeModel(bytes, key) };
    fresh = true;
  } catch (err) {
    if (!cached || httpStatus(err) !== 304) throw notFound(err, bucket, key);
    loaded = cached;
    fresh = false;
  }
  models.delete(key);
  models.set(key, loaded);
  for (const old of models.keys()) {
    if (models.size <= MAX_MODELS) break;
    models.delete(old);
  }
  return { loaded, fresh };
}

function predict(model: Model, input: InputObject, key: string): Prediction[] {
  const vectors = input?.features;
  if (!Array.isArray(vectors) || vectors.length === 0) throw new EventError(`${key}: 'features' must be a non-empty array of feature vectors`);
  const labels = model.header.labels;
  return vectors.map((x, n) => {
    if (!Array.isArray(x) || x.length !== model.header.inputSize || !x.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw new EventError(`${key}: features[${n}] must be ${model.header.inputSize} finite numbers (the model's input size)`);
    }
    const p = forward(model, x);
    let index = 0;
    for (let i = 1; i < p.length; i++) if (p[i]! > p[index]!) index = i;
    return { label: labels[index]!, index, score: p[index]!, probabilities: Array.from(p) };
  });
}
