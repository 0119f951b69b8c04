/**
 * A function's environment for in-process tests of the example apps: the emulated origin, its
 * credentials and the bucket, no cache unless asked (`FAAST_*` of the test process are cleared),
 * restored afterwards.
 */
import type { S3Emulator } from '@faast/emulator';

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
