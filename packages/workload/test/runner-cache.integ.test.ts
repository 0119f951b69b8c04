/**
 * LocalRunner with real cachelets against an S3 emulator: two instances of one app share one
 * cache — an object read through instance A is then read through instance B without a second
 * origin GET — because their cachelets (embedded in the instance, or sidecar faastd
 * processes) form one ring through the runner's `dir:` membership.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { NO_LATENCY_PROFILE, startS3Emulator, type S3Emulator } from '@faast/emulator';
import { LocalRunner } from '../src/runner/runner';
import type { CacheletMode, RunnerEvent } from '../src/runner/types';
import { alive, sleep, waitFor } from '../../../test/support/wait';

jest.setTimeout(60_000);

const S3_APP = path.join(__dirname, 'fixtures', 'runner-s3.js');
const BUCKET = 'runner-cache';

interface Read {
  pid: number;
  instanceId: string;
  ring: number | undefined;
  body?: string;
}


let emulator: S3Emulator;
let runner: LocalRunner | undefined;
const output: string[] = [];

beforeAll(async () => {
  emulator = await startS3Emulator({ profile: NO_LATENCY_PROFILE, buckets: [BUCKET] });
  await emulator.client({ direct: true }).send(new PutObjectCommand({ Bucket: BUCKET, Key: 'shared.txt', Body: 'one cache per app' }));
});

afterAll(async () => {
  await emulator?.close();
});

afterEach(async () => {
  const pids = runner?.pids() ?? [];
  await runner?.close();
  runner = undefined;
  for (const pid of pids) expect(alive(pid)).toBe(false);
  output.length = 0;
});

// 'none' is the control: without cachelets each instance reads the origin.
describe.each<CacheletMode>(['embedded', 'sidecar', 'none'])("cachelet '%s'", (mode) => {
  it(mode === 'none' ? 'two instances read the origin twice' : 'two instances of one app share one cache through the dir membership', async () => {
    runner = new LocalRunner({
      cachelet: mode,
      origin: { endpoint: emulator.endpoint, region: emulator.region, credentials: emulator.credentials, checksums: 'when-required' },
      output: (l) => output.push(`${l.instanceId} ${l.stream}: ${l.text}`),
      stopGraceMs: 2000,
    });
    runner.register({ name: 'shared', module: S3_APP, concurrency: 1, maxInstances: 2, cacheCapacityBytes: 8 * 2 ** 20, keepAliveMs: 2000, instanceIdleMs: 60_000 });

    // Two concurrent invocations: two instances, each with its own cachelet (the first one ready
    // may serve both if the other is slow to start, but both start).
    const warm = await Promise.all([0, 1].map(() => runner!.invoke<Read>('shared', { sleepMs: 200 })));
    expect(warm.every((r) => r.ok)).toBe(true);
    await waitFor('two instances', () => runner!.events.filter((e) => e.type === 'instance-start').length === 2);
    const starts = runner.events.filter((e): e is Extract<RunnerEvent, { type: 'instance-start' }> => e.type === 'instance-start');
    console.log(`cold start, cachelet '${mode}': ${starts.map((e) => e.startupMs).join(', ')} ms`);
    if (mode === 'sidecar') expect(starts.every((e) => e.sidecarPid !== undefined)).toBe(true);

    // Both cachelets registered in the app's membership directory, and see each other.
    const membersDir = path.join(runner.workDir, 'members', 'shared');
    const memberFiles = () => (fs.existsSync(membersDir) ? fs.readdirSync(membersDir).filter((f) => f.endsWith('.json')) : []);
    if (mode !== 'none') await waitFor('two member files', () => memberFiles().length === 2);
    if (mode === 'embedded') {
      // Each embedded cachelet reports its ring; two concurrent invocations reach both instances.
      const end = Date.now() + 10_000;
      for (;;) {
        const rings = await Promise.all([0, 1].map(() => runner!.invoke<Read>('shared', { sleepMs: 50 })));
        if (rings.every((r) => r.result!.ring === 2)) break;
        if (Date.now() > end) throw new Error(`the embedded rings did not reach two members: ${JSON.stringify(rings.map((r) => r.result))}`);
        await sleep(50);
      }
    } else if (mode === 'sidecar') {
      await sleep(200); // the watchers fire within milliseconds
    }

    emulator.resetCounters();
    // A reads first; B (busy instance A makes it go to the other one) reads after A is done.
    const [a, b] = await Promise.all([
      runner.invoke<Read>('shared', { bucket: BUCKET, key: 'shared.txt' }),
      runner.invoke<Read>('shared', { bucket: BUCKET, key: 'shared.txt', sleepMs: 400 }),
    ]);
    expect(a.error).toBeUndefined();
    expect(b.error).toBeUndefined();
    expect(a.result!.body).toBe('one cache per app');
    expect(b.result!.body).toBe('one cache per app');
    expect(a.instanceId).not.toBe(b.instanceId);
    expect(a.result!.pid).not.toBe(b.result!.pid);
    expect(emulator.requests().byMethod['GET'] ?? 0).toBe(mode === 'none' ? 2 : 1);

    const report = runner.report().apps['shared']!;
    expect(report.instanceStarts).toBe(2);
    expect(report.peakRssBytes).toBeGreaterThan(0);
    console.log(`peak RSS, cachelet '${mode}', 2 instances: ${(report.peakRssBytes / 2 ** 20).toFixed(0)} MiB`);
    expect(output.filter((l) => /cache-bypassed|"level":50/.test(l))).toEqual([]);

    // Unloading stops the cachelets too; stopped gracefully, they leave the membership directory.
    const pids = runner.pids('shared');
    expect(pids).toHaveLength(mode === 'sidecar' ? 4 : 2);
    await waitFor('the unload', () => runner!.events.some((e) => e.type === 'unload'), 15_000);
    for (const pid of pids) expect(alive(pid)).toBe(false);
    expect(memberFiles()).toEqual([]);
  });
});
