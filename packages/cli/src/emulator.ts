/**
 * `faast emulator`: the embedded S3-protocol server (the one the demo and the tests use) on
 * loopback, for trying a sidecar locally. Prints the endpoint, region and credentials to use,
 * as text, as shell `export` lines and as `faast daemon` flags; runs until SIGINT or SIGTERM.
 */
import { type Command } from 'commander';
import { ConfigError, parseBytes } from '@faast/core';
import {
  assertBucketName,
  assertLoopbackHost,
  NO_LATENCY_PROFILE,
  S3_STANDARD_PROFILE,
  startS3Emulator,
  type RemoteProfile,
  type S3Emulator,
} from '@faast/emulator';

/** The port `faast emulator` listens on unless told otherwise (s3rver's customary one). */
export const DEFAULT_EMULATOR_PORT = 4568;

/** The flags of `faast emulator`, as commander hands them over. */
export interface EmulatorFlags {
  port: string;
  host: string;
  dir?: string;
  bucket?: string[];
  profile: string;
}

/** What `faast emulator` starts, from its flags. */
export interface EmulatorSettings {
  port: number;
  host: string;
  directory?: string;
  buckets: string[];
  profile: RemoteProfile;
}

/**
 * Reads `none`, `s3-standard` (15 ms to first byte, 90 MB/s) or `<ms>ms,<bytes/s>` such as
 * `20ms,50MB` (bandwidth per connection; 0 for unlimited). Throws a ConfigError naming `--profile`.
 */
export function parseProfile(value: string): RemoteProfile {
  if (value === 'none') return { ...NO_LATENCY_PROFILE };
  if (value === 's3-standard') return { ...S3_STANDARD_PROFILE };
  const m = /^(\d+(?:\.\d+)?)ms,([^,]+?)(?:\/s)?$/.exec(value.trim());
  if (!m) throw new ConfigError('--profile', `'${value}' is not none, s3-standard or <ms>ms,<bytes/s> (e.g. 20ms,50MB)`);
  return { firstByteLatencyMs: Number(m[1]), bandwidthBytesPerSec: parseBytes(m[2]!, '--profile') };
}

/** Validates the flags; throws a ConfigError naming the flag at the first bad one. */
export function resolveEmulatorFlags(flags: EmulatorFlags): EmulatorSettings {
  const port = Number(flags.port);
  if (!/^\d+$/.test(flags.port) || port > 65535) throw new ConfigError('--port', `'${flags.port}' is not a port (0-65535; 0 for any free one)`);
  try {
    assertLoopbackHost(flags.host);
  } catch (err) {
    throw new ConfigError('--host', (err as Error).message);
  }
  const buckets = [...new Set((flags.bucket ?? []).flatMap((list) => list.split(',')).map((name) => name.trim()))].filter((name) => name !== '');
  for (const name of buckets) {
    try {
      assertBucketName(name);
    } catch (err) {
      throw new ConfigError('--bucket', (err as Error).message);
    }
  }
  return { port, host: flags.host, directory: flags.dir, buckets, profile: parseProfile(flags.profile) };
}

const describeProfile = (p: RemoteProfile): string =>
  p.firstByteLatencyMs === 0 && p.bandwidthBytesPerSec === 0
    ? 'none (no added latency)'
    : `${p.firstByteLatencyMs} ms to first byte, ${p.bandwidthBytesPerSec === 0 ? 'unlimited' : `${p.bandwidthBytesPerSec / 1e6} MB/s per connection`}`;

/** What `faast emulator` prints once it listens: the settings as text, `export` lines and daemon flags. */
export function formatEmulatorBanner(emulator: S3Emulator, settings: EmulatorSettings): string {
  const { accessKeyId, secretAccessKey } = emulator.credentials;
  const origin = settings.buckets.length === 1 ? `s3://${settings.buckets[0]}` : 's3://';
  return [
    'faast emulator: an S3-protocol server on loopback (not S3: any signature is accepted)',
    `  endpoint    ${emulator.endpoint}`,
    `  region      ${emulator.region}`,
    `  access key  ${accessKeyId}`,
    `  secret key  ${secretAccessKey}`,
    `  buckets     ${settings.buckets.length > 0 ? settings.buckets.join(', ') : '(none; create them with CreateBucket)'}`,
    `  profile     ${describeProfile(emulator.profile)}`,
    `  objects in  ${settings.directory ?? 'a temporary folder, removed on exit'}`,
    '',
    '# For AWS SDKs and tools (checksums only when required: this server cannot read aws-chunked uploads):',
    `export AWS_ENDPOINT_URL=${emulator.endpoint}`,
    `export AWS_REGION=${emulator.region}`,
    `export AWS_ACCESS_KEY_ID=${accessKeyId}`,
    `export AWS_SECRET_ACCESS_KEY=${secretAccessKey}`,
    'export AWS_REQUEST_CHECKSUM_CALCULATION=WHEN_REQUIRED',
    'export AWS_RESPONSE_CHECKSUM_VALIDATION=WHEN_REQUIRED',
    '',
    '# A cachelet in front of it (in a shell with the exports above):',
    `faast daemon --app demo --origin ${origin} --endpoint ${emulator.endpoint} --region ${emulator.region} --checksums when-required`,
    '',
    'Stop with Ctrl-C.',
    '',
  ].join('\n');
}

/** Resolves with the first of SIGINT or SIGTERM; no longer listens for them after. */
function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

/** Starts the emulator, prints where it is, and closes it on SIGINT or SIGTERM. */
export async function runEmulator(settings: EmulatorSettings): Promise<void> {
  const stopped = nextSignal();
  let emulator: S3Emulator;
  try {
    emulator = await startS3Emulator({
      port: settings.port,
      host: settings.host,
      directory: settings.directory,
      buckets: settings.buckets,
      profile: settings.profile,
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    throw new Error(`${settings.host}:${settings.port} is in use (another emulator?); choose another --port, or --port 0 for any free one`, { cause: err });
  }
  process.stdout.write(formatEmulatorBanner(emulator, settings));
  await stopped;
  await emulator.close();
}

/** Adds `faast emulator` to the program. */
export function registerEmulatorCommand(program: Command): void {
  program
    .command('emulator')
    .description('run an S3-protocol server on loopback (the one the demo uses), to try a cachelet locally')
    .option('--port <n>', 'port of the endpoint; 0 for any free one', String(DEFAULT_EMULATOR_PORT))
    .option('--host <address>', 'loopback address to listen on: 127.x.x.x, ::1 or localhost', '127.0.0.1')
    .option('--dir <path>', 'keep objects in this folder (kept on exit); default a temporary folder removed on exit')
    .option('--bucket <names>', 'bucket(s) created at start; repeat or comma-separate', (value: string, previous: string[] = []) => [...previous, value])
    .option('--profile <profile>', 'added latency and bandwidth: none, s3-standard (15 ms, 90 MB/s) or <ms>ms,<bytes/s> e.g. 20ms,50MB', 'none')
    .action(async (flags: EmulatorFlags) => {
      await runEmulator(resolveEmulatorFlags(flags));
    });
}
