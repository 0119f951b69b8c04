/**
 * One rule for socket values everywhere (the daemon's --socket, withFaast's socket,
 * FAAST_SOCKET, faast stats --socket): a relative path is a path in the working directory,
 * never a host name.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { FAAST_BIN, fetchStats, spawnCachelet, type SpawnedCachelet } from '@faast/cli';
import { NO_LATENCY_PROFILE, startS3Emulator, type S3Emulator } from '@faast/emulator';
import { closeFaastConnections, withFaast, type FaastEvent } from '@faast/s3';
import { daemonEnv } from './support/harness';

jest.setTimeout(60_000);

let emulator: S3Emulator;
let dir: string;
let cachelet: SpawnedCachelet;
const home = process.cwd();

beforeAll(async () => {
  emulator = await startS3Emulator({ profile: NO_LATENCY_PROFILE, buckets: ['rel-bucket'] });
  await emulator.client({ direct: true }).send(new PutObjectCommand({ Bucket: 'rel-bucket', Key: 'k', Body: 'relative' }));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faast-rel-'));
  // The daemon and this process both work in `dir`: 'rel.sock' means dir/rel.sock to each.
  process.chdir(dir);
  cachelet = await spawnCachelet({
    args: ['--app', 'rel', '--origin', 's3://rel-bucket', '--endpoint', emulator.endpoint, '--socket', 'rel.sock', '--checksums', 'when-required', '--log-level', 'warn'],
    env: daemonEnv(emulator),
  });
});

afterAll(async () => {
  await closeFaastConnections();
  await cachelet?.stop();
  process.chdir(home);
  await emulator?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('the daemon binds a relative --socket in its working directory', () => {
  expect(fs.statSync(path.join(dir, 'rel.sock')).isSocket()).toBe(true);
});

it('withFaast({ socket: "rel.sock" }) reaches it: the second read is a hit, and no bypass', async () => {
  const events: FaastEvent[] = [];
  const s3 = withFaast(emulator.client(), { socket: 'rel.sock', onEvent: (e) => events.push(e) });
  for (let i = 0; i < 2; i++) {
    const out = await s3.send(new GetObjectCommand({ Bucket: 'rel-bucket', Key: 'k' }));
    expect(await out.Body!.transformToString()).toBe('relative');
  }
  const stats = await fetchStats('rel.sock');
  expect(stats.hits).toBeGreaterThanOrEqual(1);
  expect(events).toEqual([]);
  s3.destroy();
});

it('faast stats --socket rel.sock and FAAST_SOCKET=rel.sock read the same cachelet', () => {
  const byFlag = spawnSync(process.execPath, [FAAST_BIN, 'stats', '--socket', 'rel.sock', '--json'], { cwd: dir, encoding: 'utf8' });
  expect(byFlag.stderr).toBe('');
  expect(byFlag.status).toBe(0);
  expect(JSON.parse(byFlag.stdout)).toMatchObject({ app: 'rel' });
  const byEnv = spawnSync(process.execPath, [FAAST_BIN, 'stats', '--json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, FAAST_SOCKET: 'rel.sock' } });
  expect(byEnv.status).toBe(0);
  expect(JSON.parse(byEnv.stdout)).toMatchObject({ app: 'rel' });
});

it('--socket with a host:port shape is refused with one line naming --listen', () => {
  const r = spawnSync(process.execPath, [FAAST_BIN, 'daemon', '--app', 'x', '--origin', 's3://bkt', '--socket', 'localhost:7000'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
  expect(r.status).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/--socket.*--listen/);
});
