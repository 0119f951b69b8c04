/**
 * A function's environment for in-process tests of the example apps: the emulated origin, its
 * credentials and the bucket, no cache unless asked (`FAAST_*` of the test process are cleared),
 * restored afterwards.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { NO_LATENCY_PROFILE, startS3Emulator, type S3Emulator } from '@faast/emulator';

const FAAST_VARS = ['FAAST_SOCKET', 'FAAST_EMBEDDED', 'FAAST_APP', 'FAAST_DISABLE'];

export class FunctionEnv {
  private saved: Record<string, string | undefined> | undefined;

  constructor(
    private readonly emulator: () => S3Emulator,
    private readonly bucket: string,
  ) {}

  /** Sets the function's variables (plus `extra`, e.g. `{ FAAST_EMBEDDED: '1' }`). */
  set(extra: Record<string, string> = {}): void {
    this.restore();
    const e = this.emulator();
    const vars: Record<string, string | undefined> = {
      BUCKET: this.bucket,
      S3_ENDPOINT: e.endpoint,
      AWS_REGION: e.region,
      AWS_ACCESS_KEY_ID: e.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: e.credentials.secretAccessKey,
      ...Object.fromEntries(FAAST_VARS.map((name) => [name, undefined])),
      ...extra,
    };
    this.saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
    apply(vars);
  }

  /** Puts the test process's own values back. */
  restore(): void {
    if (this.saved) apply(this.saved);
    this.saved = undefined;
  }
}

function apply(values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

/** What an example function's in-process test works with; filled before its tests run. */
export interface FunctionFixture<S> {
  readonly emulator: S3Emulator;
  /** A plain client of the emulator (no profile, no cache). */
  readonly plain: S3Client;
  /** What `seed` wrote. */
  readonly seeded: S;
  readonly env: FunctionEnv;
  /** Runs the handler once with a Lambda-like context (a cold start the first time). */
  invoke<R>(event: unknown): Promise<R>;
}

/**
 * Registers the hooks of an example function's test file: an emulated origin with `bucket`
 * seeded before all tests; after each, the function's client reset and the environment
 * restored; the origin closed after all.
 */
export function functionFixture<S>(f: {
  name: string;
  bucket: string;
  seed(s3: S3Client, bucket: string): Promise<S>;
  handler(event: unknown, context: { awsRequestId: string; functionName: string; instanceId: string; coldStart: boolean }): Promise<unknown>;
  reset(): Promise<void>;
}): FunctionFixture<S> {
  let emulator: S3Emulator | undefined;
  let plain: S3Client | undefined;
  let seeded: S | undefined;
  let invocations = 0;
  const env = new FunctionEnv(() => emulator!, f.bucket);
  beforeAll(async () => {
    emulator = await startS3Emulator({ profile: NO_LATENCY_PROFILE, buckets: [f.bucket] });
    plain = emulator.client({ direct: true });
    seeded = await f.seed(plain, f.bucket);
  }, 30_000);
  afterEach(async () => {
    await f.reset();
    env.restore();
  });
  afterAll(async () => {
    await emulator?.close();
  });
  return {
    get emulator() {
      return emulator!;
    },
    get plain() {
      return plain!;
    },
    get seeded() {
      return seeded!;
    },
    env,
    invoke<R>(event: unknown): Promise<R> {
      invocations++;
      const context = { awsRequestId: `req-${invocations}`, functionName: f.name, instanceId: 'test', coldStart: invocations === 1 };
      return f.handler(event, context) as Promise<R>;
    },
  };
}
