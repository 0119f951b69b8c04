/**
 * What each instance and sidecar is started with: the environment that switches an app's
 * `withFaast` client to its cachelet (none, sidecar or embedded), and the sidecar's config.
 */
import * as path from 'node:path';
import type { SidecarConfig } from './sidecar';
import type { CacheletMode, RunnerOrigin } from './types';

/** The built entries (the same paths from src/ under jest and from dist/). */
const DIST_RUNNER = path.resolve(__dirname, '..', '..', 'dist', 'runner');
/** The instance process entry. */
export const INSTANCE_ENTRY = path.join(DIST_RUNNER, 'instance.js');
/** The sidecar cachelet entry. */
export const SIDECAR_ENTRY = path.join(DIST_RUNNER, 'sidecar.js');

/** `FAAST_*` variables the runner decides per mode; inherited values would mix modes. */
const CACHELET_VARIABLES = ['FAAST_SOCKET', 'FAAST_EMBEDDED', 'FAAST_DISABLE', 'FAAST_PEER_LISTEN', 'FAAST_ADVERTISE', 'FAAST_MEMBERS', 'FAAST_CAPACITY', 'FAAST_APP'];

export interface EnvSetup {
  app: string;
  mode: CacheletMode;
  baseEnv: NodeJS.ProcessEnv;
  appEnv: Record<string, string>;
  origin: RunnerOrigin;
  /** The sidecar's socket ('sidecar' mode). */
  socket: string;
  /** The app's membership directory. */
  membersDir: string;
  capacityBytes: number;
}

/** The origin as the AWS SDK reads it from the environment, plus S3_ENDPOINT (the examples' convention, path-style). */
export function originEnv(origin: RunnerOrigin): Record<string, string> {
  return {
    ...(origin.endpoint ? { S3_ENDPOINT: origin.endpoint } : {}),
    ...(origin.region ? { AWS_REGION: origin.region } : {}),
    ...(origin.credentials
      ? {
          AWS_ACCESS_KEY_ID: origin.credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: origin.credentials.secretAccessKey,
          ...(origin.credentials.sessionToken ? { AWS_SESSION_TOKEN: origin.credentials.sessionToken } : {}),
        }
      : {}),
  };
}

/** An instance's environment: base, origin, the app's own, then the cachelet mode's variables. */
export function instanceEnv(s: EnvSetup): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...s.baseEnv, ...originEnv(s.origin), ...s.appEnv };
  for (const name of CACHELET_VARIABLES) delete env[name];
  env['FAAST_APP'] = s.app;
  if (s.mode === 'none') env['FAAST_DISABLE'] = '1';
  else if (s.mode === 'sidecar') env['FAAST_SOCKET'] = s.socket;
  else {
    env['FAAST_EMBEDDED'] = '1';
    env['FAAST_PEER_LISTEN'] = '127.0.0.1:0';
    env['FAAST_MEMBERS'] = `dir:${s.membersDir}`;
    env['FAAST_CAPACITY'] = String(s.capacityBytes);
  }
  return env;
}

/** A sidecar's environment (credentials travel here, not on its command line). */
export function sidecarEnv(s: EnvSetup): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...s.baseEnv, ...originEnv(s.origin) };
  for (const name of CACHELET_VARIABLES) delete env[name];
  return env;
}

export function sidecarConfig(s: EnvSetup, logLevel: string, shutdownTimeoutMs: number): SidecarConfig {
  return {
    app: s.app,
    socket: s.socket,
    members: `dir:${s.membersDir}`,
    capacityBytes: s.capacityBytes,
    origin: {
      ...(s.origin.endpoint ? { endpoint: s.origin.endpoint } : {}),
      ...(s.origin.region ? { region: s.origin.region } : {}),
      ...(s.origin.checksums ? { checksums: s.origin.checksums } : {}),
    },
    logLevel,
    shutdownTimeoutMs,
  };
}
