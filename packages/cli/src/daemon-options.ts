/**
 * `faast daemon` options: every flag also from a `FAAST_*` environment variable (the flag
 * wins). Invalid values throw a ConfigError naming the flag.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, parseBytes, parseCacheletAddress, parseConsistency, resolveCacheletConfig, type Membership } from '@faast/core';
import type { DaemonOptions, OriginCheckMode } from '@faast/daemon';
import { LOG_LEVELS, ORIGIN_CHECK_MODES } from '@faast/daemon';
import { membershipFrom } from '@faast/peer';
import type { LevelWithSilent } from 'pino';

/** Flag → environment variable. */
export const DAEMON_ENV = {
  app: 'FAAST_APP',
  origin: 'FAAST_ORIGIN',
  endpoint: 'FAAST_ENDPOINT',
  region: 'FAAST_REGION',
  socket: 'FAAST_SOCKET',
  listen: 'FAAST_LISTEN',
  capacity: 'FAAST_CAPACITY',
  maxObject: 'FAAST_MAX_OBJECT',
  maxKey: 'FAAST_MAX_KEY',
  metricsPort: 'FAAST_METRICS_PORT',
  checksums: 'FAAST_CHECKSUMS',
  logLevel: 'FAAST_LOG_LEVEL',
  peerListen: 'FAAST_PEER_LISTEN',
  advertise: 'FAAST_ADVERTISE',
  members: 'FAAST_MEMBERS',
  consistency: 'FAAST_CONSISTENCY',
  replicaShare: 'FAAST_REPLICA_SHARE',
  chunkSize: 'FAAST_CHUNK_SIZE',
  chunkThreshold: 'FAAST_CHUNK_THRESHOLD',
  readAhead: 'FAAST_READ_AHEAD',
  originCheck: 'FAAST_ORIGIN_CHECK',
  holderKeys: 'FAAST_HOLDER_KEYS',
  holderTimeout: 'FAAST_HOLDER_TIMEOUT',
} as const;

export type DaemonFlags = Partial<Record<keyof typeof DAEMON_ENV, string>>;

/** The default socket path of an app: `$TMPDIR/faast-APP.sock`. */
export function defaultSocket(app: string): string {
  return path.join(os.tmpdir(), `faast-${app}.sock`);
}

/**
 * Resolves and checks every flag. `onMembershipError` receives Redis registry errors after
 * start (the daemon logs them; the last view is kept meanwhile).
 */
export function resolveDaemonOptions(
  flags: DaemonFlags,
  env: NodeJS.ProcessEnv = process.env,
  onMembershipError?: (err: Error) => void,
): DaemonOptions & { logLevel: LevelWithSilent } {
  const get = (name: keyof typeof DAEMON_ENV): string | undefined => flags[name] ?? (env[DAEMON_ENV[name]] || undefined);
  const app = get('app');
  if (!app) throw new ConfigError('--app', 'is required (or set FAAST_APP)');
  const originUrl = get('origin');
  if (!originUrl) throw new ConfigError('--origin', 'is required, e.g. s3://my-bucket (or set FAAST_ORIGIN)');
  const m = /^s3:\/\/([^/]*)\/?$/.exec(originUrl);
  if (!m) throw new ConfigError('--origin', `'${originUrl}' is not an origin URL (s3://BUCKET, or s3:// for any bucket)`);
  const bucket = m[1] || undefined;
  if (bucket && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new ConfigError('--origin', `'${bucket}' is not a valid S3 bucket name`);
  const endpoint = get('endpoint');
  if (endpoint) {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      throw new ConfigError('--endpoint', `'${endpoint}' is not a URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('--endpoint', `'${endpoint}' must be http:// or https://`);
  }
  const checksums = get('checksums');
  if (checksums && checksums !== 'when-supported' && checksums !== 'when-required') {
    throw new ConfigError('--checksums', `'${checksums}' must be when-supported or when-required`);
  }
  const capacity = get('capacity');
  const maxObject = get('maxObject');
  const maxKey = get('maxKey');
  const consistency = get('consistency');
  const replicaShare = get('replicaShare');
  const chunkSize = get('chunkSize');
  const chunkThreshold = get('chunkThreshold');
  const readAhead = get('readAhead');
  const cachelet = {
    app,
    capacityBytes: capacity !== undefined ? positiveBytes(capacity, '--capacity') : undefined,
    maxObjectBytes: maxObject !== undefined ? parseBytes(maxObject, '--max-object') : undefined,
    maxKeyBytes: maxKey !== undefined ? positiveBytes(maxKey, '--max-key') : undefined,
    ...(consistency !== undefined ? { consistency: parseConsistency(consistency, '--consistency') } : {}),
    ...(replicaShare !== undefined ? { replicaShare: share(replicaShare, '--replica-share') } : {}),
    ...(chunkSize !== undefined ? { chunkBytes: positiveBytes(chunkSize, '--chunk-size') } : {}),
    ...(chunkThreshold !== undefined ? { chunkThresholdBytes: positiveBytes(chunkThreshold, '--chunk-threshold') } : {}),
    ...(readAhead !== undefined ? { readAhead: count(readAhead, '--read-ahead') } : {}),
  };
  try {
    resolveCacheletConfig(cachelet);
  } catch (err) {
    if (err instanceof ConfigError) throw new ConfigError(FLAG_OF[err.option] ?? err.option, err.message.slice(err.option.length + 2));
    throw err;
  }
  const listen = hostPort(get('listen'), '--listen');
  const peerListen = hostPort(get('peerListen'), '--peer-listen');
  const advertise = hostPort(get('advertise'), '--advertise');
  const membersSpec = get('members');
  let membership: Membership | undefined;
  if (membersSpec) {
    if (!peerListen) throw new ConfigError('--peer-listen', 'is required with --members (peers must be able to reach this cachelet)');
    membership = membershipFrom(membersSpec, {
      app,
      capacityBytes: cachelet.capacityBytes ?? 256 * 2 ** 20,
      ...(onMembershipError ? { onError: onMembershipError } : {}),
    });
  }
  const originCheck = get('originCheck');
  if (originCheck !== undefined && !ORIGIN_CHECK_MODES.includes(originCheck as OriginCheckMode)) {
    throw new ConfigError('--origin-check', `'${originCheck}' must be one of ${ORIGIN_CHECK_MODES.join(', ')}`);
  }
  const metricsPort = get('metricsPort');
  const holderKeys = get('holderKeys');
  const holderTimeout = get('holderTimeout');
  const logLevel = (get('logLevel') ?? 'info') as LevelWithSilent;
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('--log-level', `'${logLevel}' must be one of ${LOG_LEVELS.join(', ')}`);
  return {
    ...cachelet,
    origin: {
      ...(bucket ? { bucket } : {}),
      ...(endpoint ? { endpoint } : {}),
      ...(get('region') ? { region: get('region') } : {}),
      ...(checksums ? { checksums: checksums as 'when-supported' | 'when-required' } : {}),
    },
    socket: socketPath(get('socket') ?? defaultSocket(app)),
    ...(listen ? { listen } : {}),
    ...(peerListen ? { peerListen } : {}),
    ...(advertise ? { advertise } : {}),
    ...(membership ? { membership } : {}),
    ...(metricsPort !== undefined ? { metricsPort: port(metricsPort, '--metrics-port') } : {}),
    ...(originCheck !== undefined ? { originCheck: originCheck as OriginCheckMode } : {}),
    ...(holderKeys !== undefined ? { holderKeys: wholeNumber(holderKeys, '--holder-keys', 1) } : {}),
    ...(holderTimeout !== undefined ? { holderTimeoutMs: wholeNumber(holderTimeout, '--holder-timeout', 1) } : {}),
    logLevel,
  };
}

/** `--socket` is a Unix socket path, read by the same rule as `FAAST_SOCKET` in the app: `host:port` is TCP, for `--listen`. */
function socketPath(value: string): string {
  const address = parseCacheletAddress(value);
  if (address.kind === 'tcp') throw new ConfigError('--socket', `'${value}' is a TCP address; --socket takes a Unix socket path (./${value} for a file here), --listen serves TCP`);
  return address.path;
}

function hostPort(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && !/^[^\s]+:\d{1,5}$/.test(value)) throw new ConfigError(flag, `'${value}' is not HOST:PORT`);
  return value;
}

function count(value: string, flag: string): number {
  if (!/^[1-9]\d{0,2}$/.test(value)) throw new ConfigError(flag, `'${value}' is not a whole number from 1 to 999`);
  return Number(value);
}

function wholeNumber(value: string, flag: string, min: number): number {
  const n = Number(value);
  if (!/^\d{1,9}$/.test(value) || n < min) throw new ConfigError(flag, `'${value}' is not a whole number ≥ ${min}`);
  return n;
}

function share(value: string, flag: string): number {
  const n = Number(value);
  if (!/^\d*\.?\d+$/.test(value) || n > 0.9) throw new ConfigError(flag, `'${value}' is not a share from 0 to 0.9`);
  return n;
}

const FLAG_OF: Record<string, string> = {
  app: '--app',
  capacityBytes: '--capacity',
  maxObjectBytes: '--max-object',
  maxKeyBytes: '--max-key',
  replicaShare: '--replica-share',
  consistency: '--consistency',
  chunkBytes: '--chunk-size',
  chunkThresholdBytes: '--chunk-threshold',
  readAhead: '--read-ahead',
};

function positiveBytes(value: string, flag: string): number {
  const n = parseBytes(value, flag);
  if (n <= 0) throw new ConfigError(flag, `must be greater than 0, got '${value}'`);
  return n;
}

function port(value: string, flag: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new ConfigError(flag, `'${value}' is not a port number (0-65535)`);
  return n;
}
