/**
 * The origin is checked: a daemon without credentials, with an endpoint and no region, or
 * with a dead endpoint — under `--origin-check strict` (one line, exit 2), `warn` (starts,
 * an error log line, health NOT_SERVING, stats and metrics say so, no secret anywhere) and
 * recovery (the origin becomes reachable: SERVING again, by itself).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { FAAST_BIN, spawnCachelet, fetchStats, type SpawnedCachelet } from '@faast/cli';
import { NO_LATENCY_PROFILE, startS3Emulator, type S3Emulator } from '@faast/emulator';
import { createHealthClient, type HealthCheckResponse__Output } from '@faast/rpc';
import { grpcSocketPath } from '@faast/core';
import { closeFaastConnections, withFaast } from '@faast/s3';
import { freePort } from './support/cluster';
import { daemonEnv } from './support/harness';

jest.setTimeout(60_000);

const BUCKET = 'faast-oc';
/** Credentials the origin never sees in the clear: they must not appear in any output. */
const SECRET = { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

let emulator: S3Emulator;
let dir: string;
const daemons: SpawnedCachelet[] = [];

beforeAll(async () => {
  emulator = await startS3Emulator({ profile: NO_LATENCY_PROFILE, buckets: [BUCKET] });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faast-oc-'));
});

afterAll(async () => {
  await closeFaastConnections();
  await Promise.all(daemons.map((d) => d.stop()));
  await emulator?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An environment where the AWS chain finds nothing: no keys, no region, no profile files, no instance metadata. */
function bareEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (/^(AWS_|FAAST_)/.test(name)) delete env[name];
  return {
    ...env,
    HOME: dir,
    AWS_CONFIG_FILE: path.join(dir, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...extra,
  };
}

let n = 0;
function args(endpoint: string, ...more: string[]): string[] {
  return ['--app', 'oc', '--origin', `s3://${BUCKET}`, '--endpoint', endpoint, '--socket', path.join(dir, `d${n++}.sock`), '--checksums', 'when-required', ...more];
}

function runDaemon(argv: string[], env: NodeJS.ProcessEnv): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [FAAST_BIN, 'daemon', ...argv], { encoding: 'utf8', timeout: 30_000, env });
  return { code: r.status, stderr: r.stderr.trim() };
}

/** A loopback port nothing listens on. */
const deadEndpoint = async (): Promise<string> => `http://127.0.0.1:${await freePort()}`;

function healthOf(socket: string): Promise<string | undefined> {
  const health = createHealthClient(grpcSocketPath(socket));
  return new Promise((resolve, reject) =>
    health.Check({ service: '' }, (err, r) => {
      health.close();
      if (err) reject(err);
      else resolve(r?.status);
    }),
  );
}

async function start(argv: string[], env: NodeJS.ProcessEnv, until: 'serving' | 'started'): Promise<SpawnedCachelet> {
  const d = await spawnCachelet({ args: argv, env, until });
  daemons.push(d);
  return d;
}

describe('--origin-check strict: the daemon does not start when the origin cannot work', () => {
  it('no credentials: one line naming the problem, exit 2', () => {
    const { code, stderr } = runDaemon(args(emulator.endpoint, '--origin-check', 'strict'), bareEnv({ AWS_REGION: 'us-east-1' }));
    expect(code).toBe(2);
    expect(stderr).toBe(`faast: --origin-check strict: the origin cannot be used: HeadBucket ${BUCKET}: Could not load credentials from any providers`);
  });

  it('a dead endpoint (from FAAST_ORIGIN_CHECK): one line, exit 2, no secret', async () => {
    const { code, stderr } = runDaemon(args(await deadEndpoint()), bareEnv({ ...SECRET, FAAST_ORIGIN_CHECK: 'strict' }));
    expect(code).toBe(2);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`^faast: --origin-check strict: the origin cannot be used: HeadBucket ${BUCKET}: connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+$`));
    expect(stderr).not.toContain(SECRET.AWS_ACCESS_KEY_ID);
    expect(stderr).not.toContain(SECRET.AWS_SECRET_ACCESS_KEY);
  });

  it('an endpoint and no region: the documented fallback (us-east-1) applies, the start log says so, and reads are cached', async () => {
    const { AWS_REGION: _region, ...noRegion } = daemonEnv(emulator);
    const argv = args(emulator.endpoint, '--origin-check', 'strict', '--log-level', 'info');
    const d = await start(argv, bareEnv(noRegion), 'serving');
    const startLog = d.stderr().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l['msg'] === 'cachelet started');
    expect(startLog).toMatchObject({ region: 'us-east-1', regionFrom: 'default', originCheck: 'strict', originHealthy: true });
    await emulator.client().send(new PutObjectCommand({ Bucket: BUCKET, Key: 'r.txt', Body: 'region' }));
    const app = withFaast(emulator.client(), { socket: d.socket });
    for (let i = 0; i < 2; i++) expect(await (await app.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'r.txt' }))).Body!.transformToString()).toBe('region');
    app.destroy();
    expect(await fetchStats(d.socket)).toMatchObject({ hits: 1, misses: 1, originErrors: 0, originHealthy: true, lastOriginError: '' });
  });
});

describe('--origin-check warn (the default): the daemon starts and reports the problem', () => {
  it('no credentials: an error log line, NOT_SERVING (gRPC and /healthz), originHealthy false in stats, JSON stats and metrics', async () => {
    const port = await freePort();
    const d = await start(args(emulator.endpoint, '--metrics-port', String(port), '--log-level', 'warn'), bareEnv({ AWS_REGION: 'us-east-1' }), 'started');
    const lines = d.stderr().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([expect.objectContaining({ level: 50, err: `HeadBucket ${BUCKET}: Could not load credentials from any providers` })]);
    expect(await healthOf(d.socket)).toBe('NOT_SERVING');
    const healthz = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(healthz.status).toBe(503);
    expect(await healthz.text()).toBe('NOT_SERVING\n');
    expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toMatch(/^faast_origin_healthy\{app="oc"\} 0$/m);
    const json = spawnSync(process.execPath, [FAAST_BIN, 'stats', '--json', '--socket', d.socket], { encoding: 'utf8' });
    expect(JSON.parse(json.stdout)).toMatchObject({ originHealthy: false, lastOriginError: `HeadBucket ${BUCKET}: Could not load credentials from any providers` });
    const table = spawnSync(process.execPath, [FAAST_BIN, 'stats', '--socket', d.socket], { encoding: 'utf8' });
    expect(table.stdout).toMatch(/^origin health\s+UNUSABLE/m);
    expect(table.stdout).toMatch(/^last origin error\s+HeadBucket faast-oc: Could not load credentials from any providers$/m);
    expect(table.stdout).toMatch(/^ring: solo \(this cachelet only\)/m);
  });

  it('a dead endpoint: NOT_SERVING, the error in stats; no secret in logs, stats or metrics', async () => {
    const metricsPort = await freePort();
    const d = await start(args(await deadEndpoint(), '--metrics-port', String(metricsPort)), bareEnv({ ...SECRET, AWS_REGION: 'us-east-1' }), 'started');
    expect(await healthOf(d.socket)).toBe('NOT_SERVING');
    const stats = await fetchStats(d.socket);
    expect(stats.originHealthy).toBe(false);
    expect(stats.lastOriginError).toMatch(/^HeadBucket faast-oc: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toMatch(/^faast_origin_healthy\{app="oc"\} 0$/m);
    expect(d.stderr()).toMatch(/"level":50.*ECONNREFUSED/);
    for (const text of [d.stderr(), JSON.stringify(stats), metrics]) {
      expect(text).not.toContain(SECRET.AWS_ACCESS_KEY_ID);
      expect(text).not.toContain(SECRET.AWS_SECRET_ACCESS_KEY);
    }
  });

  it('recovery: the origin becomes reachable on the dead endpoint, the daemon finds it by itself and is SERVING again', async () => {
    const port = await freePort();
    const metricsPort = await freePort();
    const d = await start(args(`http://127.0.0.1:${port}`, '--metrics-port', String(metricsPort)), bareEnv(daemonEnv(emulator)), 'started');
    expect(await healthOf(d.socket)).toBe('NOT_SERVING');
    const before = await fetchStats(d.socket);
    expect(before.originHealthy).toBe(false);

    // The origin comes up on that port (a loopback relay to the emulator): the daemon's re-checks find it.
    const watched = watchUntilServing(d.socket);
    const relay = await relayTo(port, Number(new URL(emulator.endpoint).port));
    try {
      await watched;
      expect(await healthOf(d.socket)).toBe('SERVING');
      expect((await fetch(`http://127.0.0.1:${metricsPort}/healthz`)).status).toBe(200);
      // The last error is kept after recovery.
      expect(await fetchStats(d.socket)).toMatchObject({ originHealthy: true, lastOriginError: before.lastOriginError });
    } finally {
      await d.stop();
      relay.close();
    }
  });
});

/** Resolves when the health Watch stream says SERVING (no polling). */
function watchUntilServing(socket: string): Promise<void> {
  const health = createHealthClient(grpcSocketPath(socket));
  return new Promise<void>((resolve, reject) => {
    const call = health.Watch({ service: '' });
    call.on('data', (r: HealthCheckResponse__Output) => {
      if (r.status !== 'SERVING') return;
      call.cancel();
      health.close();
      resolve();
    });
    call.on('error', (err: Error & { code?: number }) => {
      if (err.code !== 1) reject(err); // 1: CANCELLED, by us
    });
  });
}

/** A TCP relay on loopback `port` to `targetPort`. */
async function relayTo(port: number, targetPort: number): Promise<net.Server> {
  const server = net.createServer((c) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    c.pipe(upstream).pipe(c);
    c.on('error', () => upstream.destroy());
    upstream.on('error', () => c.destroy());
    c.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}
