/** The `faast` command end to end: the demo (what `npm start` runs) and `faast stats`. */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { FAAST_BIN } from '@faast/cli';
import { startStack } from './support/harness';

jest.setTimeout(120_000);

describe('faast demo', () => {
  it('runs both passes, prints the table, writes JSON and exits 0; the cache pass reads the origin less', () => {
    const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'faast-demo-test-')), 'demo.json');
    const r = spawnSync(process.execPath, [FAAST_BIN, 'demo', '--reads', '120', '--objects', '12', '--latency', '2', '--json', json], {
      encoding: 'utf8',
      timeout: 100_000,
    });
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/S3 only/);
    expect(r.stdout).toMatch(/S3 \+ Faa\$T/);
    expect(r.stdout).toMatch(/p50\s+p99\s+mean\s+hit ratio\s+origin requests\s+bytes from origin/);
    const result = JSON.parse(fs.readFileSync(json, 'utf8')) as { passes: { name: string; originRequests: number; hitRatio?: number; latency: { count: number } }[] };
    const [plain, cached] = result.passes;
    expect(plain!.latency.count).toBe(120);
    expect(cached!.latency.count).toBe(120);
    expect(cached!.originRequests).toBeLessThan(plain!.originRequests);
    expect(cached!.hitRatio).toBeGreaterThan(0.5);
  });

  it('a bad flag: one line, exit 2', () => {
    const r = spawnSync(process.execPath, [FAAST_BIN, 'demo', '--reads', 'many'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe("faast: --reads: 'many' is not a whole number ≥ 1");
  });
});

describe('faast stats', () => {
  it('shows the counters as a table and as JSON', async () => {
    const stack = await startStack({ faast: { nearCache: false } });
    try {
      await stack.plain.send(new PutObjectCommand({ Bucket: stack.bucket, Key: 'k', Body: 'x'.repeat(1000) }));
      for (let i = 0; i < 3; i++) await (await stack.wrapped.send(new GetObjectCommand({ Bucket: stack.bucket, Key: 'k' }))).Body!.transformToByteArray();
      const table = spawnSync(process.execPath, [FAAST_BIN, 'stats', '--socket', stack.socket], { encoding: 'utf8' });
      expect(table.status).toBe(0);
      expect(table.stdout).toMatch(/^hits\s+2$/m);
      expect(table.stdout).toMatch(/^misses\s+1 /m);
      expect(table.stdout).toMatch(/^hit ratio\s+66\.7 %$/m);
      const json = spawnSync(process.execPath, [FAAST_BIN, 'stats', '--json'], { encoding: 'utf8', env: { ...process.env, FAAST_SOCKET: stack.socket } });
      const stats = JSON.parse(json.stdout) as Record<string, number | string>;
      expect(stats).toMatchObject({ app: 'it', hits: 2, misses: 1, objects: 1, bytesServed: 3000, bytesFromOrigin: 1000, capacityBytes: 256 * 2 ** 20 });
    } finally {
      await stack.close();
    }
  });

  it('no cachelet on the socket: a clear error', () => {
    const r = spawnSync(process.execPath, [FAAST_BIN, 'stats', '--socket', '/tmp/faast-no-such.sock'], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^faast: no cachelet answers on \/tmp\/faast-no-such.sock/);
  });

  it('no socket given: one line, exit 2', () => {
    const env = { ...process.env };
    delete env['FAAST_SOCKET'];
    const r = spawnSync(process.execPath, [FAAST_BIN, 'stats'], { encoding: 'utf8', env });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('faast: --socket: is required (or set FAAST_SOCKET)');
  });
});

describe('faast trace and faast replay', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faast-replay-cli-'));
  const trace = path.join(dir, 'tiny.jsonl');
  const run = (...args: string[]) => spawnSync(process.execPath, [FAAST_BIN, ...args], { encoding: 'utf8', timeout: 110_000 });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('generates a small seeded trace, checks it, and replays it through two baselines: tables, JSON and HTML', () => {
    const gen = run('trace', 'generate', '--seed', '3', '--apps', '3', '--duration', '20s', '--max-accesses-per-app', '12', '--max-blob-bytes', '64KiB', '--out', trace, '--no-progress');
    expect(gen.stderr).not.toMatch(/Error/);
    expect(gen.status).toBe(0);
    const lines = fs.readFileSync(trace, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'faast-trace', version: 1, seed: 3, apps: 3 });
    expect(lines.length).toBeGreaterThan(3);

    const stats = run('trace', 'stats', trace, '--json');
    expect(stats.status).toBe(0);

    const out = path.join(dir, 'out');
    const r = run('replay', trace, '--speed', '20', '--profile', 'none', '--baseline', 'none,faast', '--out', out, '--no-progress');
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^overall: /m);
    expect(r.stdout).toMatch(/^none\s/m);
    expect(r.stdout).toMatch(/^faast\s/m);
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as { baselines: { baseline: string; overall: { invocations: number; reads: number; writes: number; failed: number } }[] };
    const [none, faast] = report.baselines;
    expect(none!.baseline).toBe('none');
    expect(faast!.baseline).toBe('faast');
    expect(none!.overall.invocations).toBeGreaterThan(0);
    // The same work in every baseline.
    expect(faast!.overall).toMatchObject({ invocations: none!.overall.invocations, reads: none!.overall.reads, writes: none!.overall.writes, failed: 0 });
    expect(none!.overall.failed).toBe(0);
    const html = fs.readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });

  it('interrupted (SIGINT): stops and exits 130', async () => {
    const child = spawn(process.execPath, [FAAST_BIN, 'replay', trace, '--speed', '0.5', '--profile', 'none', '--baseline', 'none', '--out', path.join(dir, 'int'), '--no-progress'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const started = new Promise<void>((resolve) =>
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (/Replaying/.test(stderr)) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await started;
    await new Promise((r) => setTimeout(r, 1500)); // instances are up
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/faast: interrupted; everything it started was stopped/);
  });

  it('bad input: one line naming the problem, exit 2', () => {
    const missing = run('replay', path.join(dir, 'no-such.csv'), '--baseline', 'none');
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/no-such\.csv/);

    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'Timestamp,AnonRegion,AnonUserId,AnonAppName,AnonFunctionInvocationId,AnonBlobName,BlobType,AnonBlobETag,BlobBytes,Read,Write\n1606092900138,6ex,1,a,1,b,BlockBlob/,e,30.0,True,False\n1606092900139,6ex,1,a,1,b,BlockBlob/,e,30.0,Maybe,False\n');
    const malformed = run('replay', bad, '--baseline', 'none');
    expect(malformed.status).toBe(2);
    expect(malformed.stderr.trim().split('\n')).toHaveLength(1);
    expect(malformed.stderr).toMatch(/bad\.csv:3: /);

    const baseline = run('replay', trace, '--baseline', 'none,memcached');
    expect(baseline.status).toBe(2);
    expect(baseline.stderr).toMatch(/memcached/);

    const check = run('trace', 'check', bad);
    expect(check.status).toBe(2);
    expect(check.stderr).toMatch(/bad\.csv:3: /);
  });
});
