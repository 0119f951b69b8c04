/**
 * The local serverless runner's contract. An application is a Node module exporting
 * `handler(event, context)` (as on AWS Lambda or Azure Functions); the runner runs it in
 * instances (child processes), each with its own cachelet, scales instances by concurrency,
 * unloads an idle app after its keep-alive and reloads it on the next invocation.
 */

/** What a handler receives besides its event (a subset of Lambda's context, same names). */
export interface InvocationContext {
  /** Unique per invocation. */
  awsRequestId: string;
  /** The application's name. */
  functionName: string;
  /** The instance (process) running it. */
  instanceId: string;
  /** True on the first invocation of this instance. */
  coldStart: boolean;
}

/** A function handler module's shape. */
export type Handler<E = unknown, R = unknown> = (event: E, context: InvocationContext) => Promise<R>;

/** How each instance gets its cachelet. */
export type CacheletMode = 'none' | 'sidecar' | 'embedded';

export interface AppSpec {
  /** The app's name (also its Faa$T app name: one cache per app). */
  name: string;
  /** Absolute path of the built handler module (exports `handler`). */
  module: string;
  /** Extra environment for the instances (BUCKET, S3_ENDPOINT, ...). */
  env?: Record<string, string>;
  /** Target concurrent invocations per instance before another instance starts. Default 1. */
  concurrency?: number;
  /** Most instances at once. Default 4. */
  maxInstances?: number;
  /** An idle app (no invocation for this long) is unloaded: instances and cachelets stop. Default 10 min. */
  keepAliveMs?: number;
  /** Cache memory per instance, bytes. Default 64 MiB. */
  cacheCapacityBytes?: number;
}

export interface InvocationResult<R = unknown> {
  app: string;
  invocationId: string;
  instanceId: string;
  coldStart: boolean;
  /** When the runner received the invocation (ms since 1970). */
  startedAtMs: number;
  /** Receive to result, including any wait for an instance to start. */
  latencyMs: number;
  ok: boolean;
  result?: R;
  /** The handler's error (name: message) when `ok` is false. */
  error?: string;
}

/** One sample of an app's state, taken whenever an instance starts or stops and once per second. */
export interface InstanceSample {
  tMs: number;
  app: string;
  instances: number;
  inFlight: number;
}

export type RunnerEvent =
  | { type: 'instance-start'; app: string; instanceId: string; tMs: number; startupMs: number }
  | { type: 'instance-stop'; app: string; instanceId: string; tMs: number; reason: 'idle' | 'unload' | 'close' | 'crash' }
  | { type: 'unload'; app: string; tMs: number }
  | { type: 'reload'; app: string; tMs: number };
