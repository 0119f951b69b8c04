/**
 * The model format: a small multi-layer perceptron in one object.
 *
 *   bytes 0-3   'FMLP'
 *   bytes 4-7   format version, uint32 LE (1)
 *   bytes 8-11  header length H, uint32 LE
 *   12..12+H    header, UTF-8 JSON ({@link ModelHeader})
 *   ...         zero padding to a multiple of 4 bytes
 *   then, per layer in order: weights float32 LE [outputs][inputs] (row-major), bias float32 LE [outputs]
 *
 * Hidden layers use ReLU, the last layer softmax: the output is one probability per label.
 */
import { seededRandom } from '@faast/core';

export const MAGIC = 'FMLP';
export const FORMAT_VERSION = 1;

export type Activation = 'relu' | 'softmax';

export interface LayerHeader {
  inputs: number;
  outputs: number;
  activation: Activation;
}

export interface ModelHeader {
  name: string;
  /** Features per input vector. */
  inputSize: number;
  labels: string[];
  layers: LayerHeader[];
  /** The seed the weights were generated with (informational). */
  seed?: number;
}

export interface Layer extends LayerHeader {
  weights: Float32Array;
  bias: Float32Array;
}

export interface Model {
  header: ModelHeader;
  layers: Layer[];
  /** Parameters (weights and biases). */
  parameters: number;
}

/** The object is not a model in this format. */
export class ModelFormatError extends Error {
  override readonly name = 'ModelFormatError';
}

/** Byte offset of the first weight: after the header, 4-byte aligned. */
function weightsOffset(headerLength: number): number {
  return Math.ceil((12 + headerLength) / 4) * 4;
}

function parameterCount(layers: LayerHeader[]): number {
  return layers.reduce((n, l) => n + l.outputs * (l.inputs + 1), 0);
}

/** Serializes a model. */
export function encodeModel(model: { header: ModelHeader; layers: Array<{ weights: Float32Array; bias: Float32Array }> }): Buffer {
  const header = Buffer.from(JSON.stringify(model.header), 'utf8');
  const start = weightsOffset(header.length);
  const buf = Buffer.alloc(start + parameterCount(model.header.layers) * 4);
  buf.write(MAGIC, 0, 'latin1');
  buf.writeUInt32LE(FORMAT_VERSION, 4);
  buf.writeUInt32LE(header.length, 8);
  header.copy(buf, 12);
  let offset = start;
  for (const layer of model.layers) {
    for (const array of [layer.weights, layer.bias]) {
      for (let i = 0; i < array.length; i++, offset += 4) buf.writeFloatLE(array[i]!, offset);
    }
  }
  return buf;
}

/** Parses a model object; throws a {@link ModelFormatError} naming what is wrong. */
export function decodeModel(bytes: Uint8Array, name = 'model'): Model {
  const fail = (problem: string): never => {
    throw new ModelFormatError(`${name}: ${problem}`);
  };
  if (bytes.length < 12 || Buffer.from(bytes.buffer, bytes.byteOffset, 4).toString('latin1') !== MAGIC) fail(`not a model (no '${MAGIC}' magic)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== FORMAT_VERSION) fail(`format version ${version}, expected ${FORMAT_VERSION}`);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.length) fail('header runs past the end of the object');
  let header: ModelHeader;
  try {
    header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 12, headerLength).toString('utf8')) as ModelHeader;
  } catch (err) {
    return fail(`header is not JSON (${(err as Error).message})`);
  }
  checkHeader(header, fail);
  const start = weightsOffset(headerLength);
  const parameters = parameterCount(header.layers);
  if (bytes.length !== start + parameters * 4) fail(`${bytes.length} bytes, expected ${start + parameters * 4} for ${parameters} parameters`);
  let offset = start;
  const floats = (n: number): Float32Array => {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++, offset += 4) out[i] = view.getFloat32(offset, true);
    return out;
  };
  const layers = header.layers.map((l) => ({ ...l, weights: floats(l.outputs * l.inputs), bias: floats(l.outputs) }));
  return { header, layers, parameters };
}

function checkHeader(h: ModelHeader, fail: (problem: string) => never): void {
  const positive = (n: unknown): boolean => Number.isInteger(n) && (n as number) > 0;
  if (typeof h !== 'object' || h === null) fail('header is not an object');
  if (!positive(h.inputSize)) fail('header.inputSize is not a positive integer');
  if (!Array.isArray(h.labels) || !Array.isArray(h.layers) || h.layers.length === 0) fail('header needs labels and at least one layer');
  let width = h.inputSize;
  h.layers.forEach((l, i) => {
    if (!positive(l.inputs) || !positive(l.outputs)) fail(`layer ${i}: inputs and outputs must be positive integers`);
    if (l.inputs !== width) fail(`layer ${i} takes ${l.inputs} inputs, the previous layer gives ${width}`);
    const last = i === h.layers.length - 1;
    if (l.activation !== (last ? 'softmax' : 'relu')) fail(`layer ${i}: activation '${String(l.activation)}', expected ${last ? 'softmax' : 'relu'}`);
    width = l.outputs;
  });
  if (width !== h.labels.length) fail(`the last layer gives ${width} outputs for ${h.labels.length} labels`);
}

/** The forward pass for one input vector: dense layers (float64 accumulation), ReLU, softmax. */
export function forward(model: Model, input: ArrayLike<number>): Float64Array {
  if (input.length !== model.header.inputSize) throw new RangeError(`input has ${input.length} features, the model takes ${model.header.inputSize}`);
  let a = Float64Array.from(input);
  for (const layer of model.layers) {
    const { inputs: n, outputs: m, weights: w, bias: b } = layer;
    const out = new Float64Array(m);
    for (let o = 0; o < m; o++) {
      let sum = b[o]!;
      const row = o * n;
      for (let i = 0; i < n; i++) sum += w[row + i]! * a[i]!;
      out[o] = sum;
    }
    if (layer.activation === 'relu') {
      for (let o = 0; o < m; o++) if (out[o]! < 0) out[o] = 0;
    } else {
      softmax(out);
    }
    a = out;
  }
  return a;
}

function softmax(v: Float64Array): void {
  let max = -Infinity;
  for (const x of v) if (x > max) max = x;
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    v[i] = Math.exp(v[i]! - max);
    sum += v[i]!;
  }
  for (let i = 0; i < v.length; i++) v[i] = v[i]! / sum;
}

export interface ModelSpec {
  /** The object is `models/<name>.bin`. */
  name: string;
  /** Hidden layer widths. */
  hidden: number[];
  inputSize?: number;
  labels?: string[];
}

export const INPUT_SIZE = 256;
export const LABELS = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];

/** A model with deterministic Glorot-uniform weights and small biases. */
export function generateModel(spec: ModelSpec, seed: number): Buffer {
  const random = seededRandom(seed);
  const inputSize = spec.inputSize ?? INPUT_SIZE;
  const labels = spec.labels ?? LABELS;
  const widths = [inputSize, ...spec.hidden, labels.length];
  const layers = widths.slice(1).map((outputs, i) => {
    const inputs = widths[i]!;
    const limit = Math.sqrt(6 / (inputs + outputs));
    const weights = new Float32Array(outputs * inputs);
    for (let k = 0; k < weights.length; k++) weights[k] = (random() * 2 - 1) * limit;
    const bias = new Float32Array(outputs);
    for (let k = 0; k < outputs; k++) bias[k] = (random() * 2 - 1) * 0.05;
    return { inputs, outputs, activation: (i === widths.length - 2 ? 'softmax' : 'relu') as Activation, weights, bias };
  });
  return encodeModel({
    header: { name: spec.name, inputSize, labels, layers: layers.map(({ inputs, outputs, activation }) => ({ inputs, outputs, activation })), seed },
    layers,
  });
}
