/** `faast emulator` end to end: the built CLI, used with the real AWS SDK as its banner says. */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { FAAST_BIN } from '@faast/cli';

jest.setTimeout(60_000);

/** The value of `export NAME=...` in the banner. */
function exported(banner: string, name: string): string {
  const value = new RegExp(`^export ${name}=(\\S+)$`, 'm').exec(banner)?.[1];
  if (value === undefined) throw new Error(`no export ${name} in:\n${banner}`);
  return value;
}

describe('faast emulator', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faast-emulator-e2e-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints where it listens; serves PUT and GET to the SDK, 412 on If-Match; SIGTERM: exit 0, objects kept in --dir', async () => {
    const data = path.join(dir, 'data');
    const child = spawn(process.execPath, [FAAST_BIN, 'emulator', '--port', '0', '--bucket', 'e2e-photos,e2e-docs', '--dir', data], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const banner = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (/^Stop with Ctrl-C\.$/m.test(stdout)) resolve(stdout);
      });
      child.once('exit', (code) => reject(new Error(`exited (${code}) before it listened: ${stderr}`)));
    });

    const endpoint = exported(banner, 'AWS_ENDPOINT_URL');
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(banner).toMatch(new RegExp(`^  endpoint +${endpoint}$`, 'm'));
    expect(banner).toContain(`--endpoint ${endpoint} --region ${exported(banner, 'AWS_REGION')} --checksums when-required`);
    const client = new S3Client({
      endpoint,
      region: exported(banner, 'AWS_REGION'),
      credentials: { accessKeyId: exported(banner, 'AWS_ACCESS_KEY_ID'), secretAccessKey: exported(banner, 'AWS_SECRET_ACCESS_KEY') },
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    try {
      const { ETag } = await client.send(new PutObjectCommand({ Bucket: 'e2e-docs', Key: 'a/b.txt', Body: 'hello, emulator' }));
      const got = await client.send(new GetObjectCommand({ Bucket: 'e2e-docs', Key: 'a/b.txt', IfMatch: ETag }));
      expect(await got.Body!.transformToString()).toBe('hello, emulator');
      await expect(client.send(new GetObjectCommand({ Bucket: 'e2e-docs', Key: 'a/b.txt', IfMatch: '"0000"' }))).rejects.toMatchObject({
        name: 'PreconditionFailed',
        $metadata: { httpStatusCode: 412 },
      });
      await expect(client.send(new GetObjectCommand({ Bucket: 'e2e-photos', Key: 'a/b.txt' }))).rejects.toMatchObject({ name: 'NoSuchKey' });
    } finally {
      client.destroy();
    }

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    expect(fs.readdirSync(data).sort()).toEqual(['e2e-docs', 'e2e-photos']);
  });

  it.each([
    [['--host', '0.0.0.0'], /^faast: --host: .*loopback.*'0\.0\.0\.0'$/],
    [['--bucket', 'Photos_2024'], /^faast: --bucket: invalid bucket name 'Photos_2024'/],
    [['--port', '70000'], /^faast: --port: '70000' is not a port/],
    [['--profile', '20ms'], /^faast: --profile: '20ms' is not none, s3-standard or <ms>ms,<bytes\/s>/],
  ])('bad flags %j: one line, exit 2', (args, message) => {
    const r = spawnSync(process.execPath, [FAAST_BIN, 'emulator', ...args], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
  });
});
