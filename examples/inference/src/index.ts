/**
 * The inference example: a serverless function that loads a multi-MiB model once per instance
 * (revalidating it by ETag on every invocation) and runs a forward pass on small input objects,
 * reading S3 through `withFaast`.
 */
export { handler, reset, type InferenceEvent, type InferenceResult, type InputObject, type InvocationContext, type Prediction } from './app';
export { seed, sampleEvents, generateInput, inputId, inputKey, modelKey, DEFAULT_MODELS, DEFAULT_INPUTS, type SampleOptions, type SeedOptions } from './seed';
export type { SeedDescription } from '@faast/example-function-kit';
export { decodeModel, encodeModel, forward, generateModel, ModelFormatError, INPUT_SIZE, LABELS, type Model, type ModelHeader, type ModelSpec } from './model';
export { configFromEnv, ConfigError, EventError, ObjectNotFoundError, type FunctionConfig } from '@faast/example-function-kit';
