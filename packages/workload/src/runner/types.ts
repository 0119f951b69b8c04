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
  /**
   * An instance with nothing in flight for this long is stopped while others of the app keep
   * running, ms. Default: the runner's `instanceIdleMs`, else `keepAliveMs`.
   */
  instanceIdleMs?: number;
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

/** One sample of an app's state, taken whenever an instance starts or stops and every sampling interval (default 1 s). */
export interface InstanceSample {
  tMs: number;
  app: string;
  /** Instances starting or running (not those being stopped). */
  instances: number;
  inFlight: number;
  /** Invocations waiting for an instance. */
  queued: number;
  /** Resident memory of the app's processes (instances and sidecars), bytes, as last measured; 0 before the first measurement. */
  rssBytes: number;
}

export type RunnerEvent =
  | {
      type: 'instance-start';
      app: string;
      instanceId: string;
      tMs: number;
      /** From the decision to start to the instance being ready (module loaded, cachelet serving). */
      startupMs: number;
      /** The instance's process id. */
      pid: number;
      /** The sidecar cachelet's process id ('sidecar' mode). */
      sidecarPid?: number;
    }
  | {
      type: 'instance-stop';
      app: string;
      instanceId: string;
      tMs: number;
      /** `init-error`: it never became ready (the module failed to load, or the process or its sidecar died starting). */
      reason: 'idle' | 'unload' | 'close' | 'crash' | 'init-error';
      /** What went wrong, for `crash` and `init-error`. */
      error?: string;
    }
  | { type: 'unload'; app: string; tMs: number }
  | { type: 'reload'; app: string; tMs: number }
  /** An `onUnload` / `onReload` hook threw; the runner carried on. */
  | { type: 'hook-error'; app: string; tMs: number; hook: 'onUnload' | 'onReload'; error: string };

/** The origin (S3-compatible storage) the apps read: given to sidecar cachelets, and to instances as `S3_ENDPOINT` / `AWS_*`. */
export interface RunnerOrigin {
  /** e.g. `http://127.0.0.1:4569`. Default: AWS (no S3_ENDPOINT given to instances). */
  endpoint?: string;
  /** Default: the AWS SDK's own chain in each process (`$AWS_REGION`, profile). */
  region?: string;
  /** Default: the AWS SDK's own chain in each process (`$AWS_ACCESS_KEY_ID`, profile, ...). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Sidecars' checksum mode; `when-required` for servers that do not understand aws-chunked uploads (s3rver). Default `when-supported`. */
  checksums?: 'when-supported' | 'when-required';
}

/** What the runner does with its instances' stdout and stderr. */
export type RunnerOutput = 'inherit' | 'ignore' | ((line: { app: string; instanceId: string; stream: 'stdout' | 'stderr'; text: string }) => void);

export interface RunnerOptions {
  /** How each instance gets its cachelet. Default 'none'. */
  cachelet?: CacheletMode;
  /** The origin the apps read (see {@link RunnerOrigin}). Default: AWS, credentials from the base environment. */
  origin?: RunnerOrigin;
  /** Base environment of every instance (and sidecar), before the app's own `env`. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Directory for sockets and membership files. Default: a new temporary directory, removed by `close()`. */
  workDir?: string;
  /** Sampling interval (instance counts, memory), ms. Default 1000. */
  sampleIntervalMs?: number;
  /**
   * An instance with nothing in flight for this long is stopped while others of its app keep
   * running (the last one stays until the app is unloaded), ms. Default: the app's `keepAliveMs`.
   */
  instanceIdleMs?: number;
  /** How long a stopping process (instance or sidecar) has after SIGTERM before SIGKILL, ms. Default 3000. */
  stopGraceMs?: number;
  /** How long an instance (with its sidecar) may take to become ready, ms. Default 30000. */
  startTimeoutMs?: number;
  /** Sidecars' log level (faastd's pino levels). Default `warn`. */
  sidecarLogLevel?: string;
  /** Instances' (and sidecars') stdout and stderr. Default 'inherit' (copied to this process's). */
  output?: RunnerOutput;
  /** Receives every event as it happens (they are also kept in `events`). */
  onEvent?: (event: RunnerEvent) => void;
  /** Awaited when an idle app is about to be unloaded, before its instances stop (a prewarmer saves history here). */
  onUnload?: (app: string) => Promise<void>;
  /** Awaited when an unloaded app is invoked again, before its first instance starts (a prewarmer loads history here). */
  onReload?: (app: string) => Promise<void>;
}

/** Latency statistics, ms. */
export interface LatencyStats {
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

/** One app's totals since it was registered. */
export interface AppReport {
  app: string;
  invocations: number;
  /** Invocations that ended with `ok: false`. */
  errors: number;
  /** Invocations that were their instance's first. */
  coldStarts: number;
  instanceStarts: number;
  /** Instances that failed to start. */
  initErrors: number;
  crashes: number;
  /** Most instances (starting or running) at once. */
  maxInstances: number;
  /** Sum of instance lifetimes (start requested → process gone), seconds. */
  instanceSeconds: number;
  /** Receive → result, including any wait for an instance; zeros when there was no invocation. */
  latencyMs: LatencyStats;
  /** Instance startup times (the `startupMs` of instance-start events); zeros when none started. */
  startupMs: LatencyStats;
  /** Highest total resident memory of the app's processes seen at once, bytes. */
  peakRssBytes: number;
  unloads: number;
  reloads: number;
}

export interface RunnerReport {
  /** When the runner started (ms since 1970). */
  startedAtMs: number;
  /** Up to the report, ms. */
  durationMs: number;
  cachelet: CacheletMode;
  apps: Record<string, AppReport>;
}
