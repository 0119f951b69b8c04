/**
 * LocalRunner with real instance processes (the built dist/runner/instance.js) and a tiny
 * handler module: scaling by concurrency, queueing at maxInstances, unload after keep-alive
 * and reload, handler errors, crashes and failed starts. No cachelet here ('none').
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError } from '@faast/core';
import { LocalRunner } from '../src/runner/runner';
import type { RunnerEvent, RunnerOptions } from '../src/runner/types';
import { alive, sleep, waitFor } from '../../../test/support/wait';

jest.setTimeout(30_000);

const ECHO = path.join(__dirname, 'fixtures', 'runner-echo.js');
const BROKEN = path.join(__dirname, 'fixtures', 'runner-broken.js');

interface Echo {
  pid: number;
  instanceId: string;
  coldStart: boolean;
  requestId: string;
  echo?: unknown;
}


const runners: LocalRunner[] = [];
const stderr: string[] = [];
function makeRunner(options: RunnerOptions = {}): LocalRunner {
  const runner = new LocalRunner({ output: (l) => l.stream === 'stderr' && stderr.push(l.text), sampleIntervalMs: 100, stopGraceMs: 1000, ...options });
  runners.push(runner);
  return runner;
}
const ofType = <T extends RunnerEvent['type']>(runner: LocalRunner, type: T) =>
  runner.events.filter((e): e is Extract<RunnerEvent, { type: T }> => e.type === type);

afterEach(async () => {
  const pids = runners.flatMap((r) => r.pids());
  await Promise.all(runners.splice(0).map((r) => r.close()));
  for (const pid of pids) expect(alive(pid)).toBe(false);
  stderr.length = 0;
});

describe('LocalRunner scaling', () => {
  it('starts one instance per concurrent invocation up to maxInstances (concurrency 1), each a cold start', async () => {
    const runner = makeRunner();
    runner.register({ name: 'echo', module: ECHO, concurrency: 1, maxInstances: 3 });
    // Slow enough that no instance finishes before the last one is ready, even on a busy machine.
    const results = await Promise.all([1, 2, 3].map((i) => runner.invoke<Echo>('echo', { sleepMs: 1000, echo: i })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.map((r) => r.result!.echo)).toEqual([1, 2, 3]);
    expect(new Set(results.map((r) => r.instanceId)).size).toBe(3);
    expect(new Set(results.map((r) => r.result!.pid)).size).toBe(3);
    expect(results.every((r) => r.coldStart && r.result!.coldStart)).toBe(true);
    for (const r of results) expect(r.result!.requestId).toBe(r.invocationId);

    // Warm now: the next one reuses an instance.
    const warm = await runner.invoke<Echo>('echo', {});
    expect(warm.coldStart).toBe(false);
    const report = runner.report().apps['echo']!;
    expect(report).toMatchObject({ invocations: 4, errors: 0, coldStarts: 3, instanceStarts: 3, maxInstances: 3 });
    expect(report.latencyMs.max).toBeGreaterThanOrEqual(1000);
    expect(report.instanceSeconds).toBeGreaterThan(3);
    expect(report.peakRssBytes).toBeGreaterThan(10 * 2 ** 20); // three node processes, measured from /proc
    const starts = ofType(runner, 'instance-start');
    expect(starts).toHaveLength(3);
    console.log(`cold start, cachelet 'none': ${starts.map((e) => e.startupMs).join(', ')} ms`);
    expect(Math.max(...runner.samples().map((s) => s.instances))).toBe(3);
  });

  it('queues FIFO beyond maxInstances and never starts more than it needs', async () => {
    const runner = makeRunner();
    runner.register({ name: 'q', module: ECHO, concurrency: 1, maxInstances: 2 });
    const results = await Promise.all([0, 1, 2, 3, 4].map((i) => runner.invoke<Echo>('q', { sleepMs: 300, echo: i })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => r.instanceId)).size).toBe(2);
    expect(Math.max(...runner.samples().map((s) => s.instances))).toBe(2);
    expect(Math.max(...runner.samples().map((s) => s.queued))).toBeGreaterThanOrEqual(3);
    const report = runner.report().apps['q']!;
    expect(report).toMatchObject({ invocations: 5, coldStarts: 2, instanceStarts: 2, maxInstances: 2 });
    // FIFO: the last one waited for two rounds of the others.
    expect(results[4]!.latencyMs).toBeGreaterThanOrEqual(3 * 300 - 20);
    expect(results[4]!.latencyMs).toBeGreaterThan(results[0]!.latencyMs);
  });

  it('runs up to `concurrency` invocations in one instance', async () => {
    const runner = makeRunner();
    runner.register({ name: 'c3', module: ECHO, concurrency: 3, maxInstances: 3 });
    const results = await Promise.all([0, 1, 2].map(() => runner.invoke<Echo>('c3', { sleepMs: 200 })));
    expect(new Set(results.map((r) => r.instanceId)).size).toBe(1);
    expect(results.filter((r) => r.coldStart)).toHaveLength(1);
    expect(runner.report().apps['c3']!.instanceStarts).toBe(1);
  });

  it('scales in an idle instance after instanceIdleMs and keeps the last one until unload', async () => {
    const runner = makeRunner();
    runner.register({ name: 'si', module: ECHO, maxInstances: 2, instanceIdleMs: 200, keepAliveMs: 60_000 });
    await Promise.all([0, 1].map(() => runner.invoke('si', { sleepMs: 200 })));
    expect(runner.pids('si')).toHaveLength(2);
    await waitFor('an idle stop', () => ofType(runner, 'instance-stop').length === 1);
    expect(ofType(runner, 'instance-stop')[0]!.reason).toBe('idle');
    await sleep(400);
    expect(runner.pids('si')).toHaveLength(1);
    expect(ofType(runner, 'unload')).toHaveLength(0);
  });
});

describe('LocalRunner unload and reload', () => {
  it('unloads an app idle for keepAliveMs (its processes exit) and reloads it on the next invocation', async () => {
    const hooks: string[] = [];
    const runner = makeRunner({
      onUnload: async (app) => void hooks.push(`unload ${app} with ${runner.pids(app).length} process(es)`),
      onReload: async (app) => void hooks.push(`reload ${app} with ${runner.pids(app).length} process(es)`),
    });
    runner.register({ name: 'ka', module: ECHO, keepAliveMs: 300 });
    const first = await runner.invoke<Echo>('ka', {});
    expect(first.coldStart).toBe(true);
    const pid = first.result!.pid;
    expect(alive(pid)).toBe(true);

    await waitFor('unload', () => ofType(runner, 'unload').length === 1);
    expect(alive(pid)).toBe(false);
    expect(runner.pids('ka')).toEqual([]);
    expect(ofType(runner, 'instance-stop').map((e) => e.reason)).toEqual(['unload']);
    expect(runner.samples().at(-1)).toMatchObject({ app: 'ka', instances: 0 });

    const again = await runner.invoke<Echo>('ka', {});
    expect(again.ok).toBe(true);
    expect(again.coldStart).toBe(true);
    expect(again.result!.pid).not.toBe(pid);
    expect(runner.events.map((e) => e.type)).toEqual(['instance-start', 'instance-stop', 'unload', 'reload', 'instance-start']);
    expect(hooks).toEqual(['unload ka with 1 process(es)', 'reload ka with 0 process(es)']);
    expect(runner.report().apps['ka']).toMatchObject({ unloads: 1, reloads: 1, coldStarts: 2, instanceStarts: 2 });
  });

  it('an invocation arriving while the app unloads waits and reloads it; a failing hook is reported, not fatal', async () => {
    let unloading = false;
    const runner = makeRunner({
      onUnload: async () => {
        unloading = true;
        await sleep(200);
        throw new Error('history store down');
      },
    });
    runner.register({ name: 'ku', module: ECHO, keepAliveMs: 100 });
    await runner.invoke('ku', {});
    await waitFor('the unload to begin', () => unloading);
    const r = await runner.invoke<Echo>('ku', {});
    expect(r).toMatchObject({ ok: true, coldStart: true, instanceId: 'ku-2' });
    expect(r.latencyMs).toBeGreaterThanOrEqual(150); // it waited for the unload to finish
    expect(runner.events.map((e) => e.type)).toEqual(['instance-start', 'hook-error', 'instance-stop', 'unload', 'reload', 'instance-start']);
    expect(ofType(runner, 'hook-error')[0]).toMatchObject({ hook: 'onUnload', error: 'Error: history store down' });
  });
});

describe('LocalRunner failures', () => {
  it('reports a handler error as ok:false with name: message, and the instance stays', async () => {
    const runner = makeRunner();
    runner.register({ name: 'err', module: ECHO });
    const r = await runner.invoke('err', { fail: 'boom' });
    expect(r).toMatchObject({ ok: false, error: 'TypeError: boom', coldStart: true });
    const ok = await runner.invoke<Echo>('err', {});
    expect(ok.ok).toBe(true);
    expect(ok.instanceId).toBe(r.instanceId);
    expect(runner.report().apps['err']).toMatchObject({ invocations: 2, errors: 1, instanceStarts: 1 });
  });

  it('a crashed instance fails its invocations in flight and is replaced on demand', async () => {
    const runner = makeRunner();
    runner.register({ name: 'crash', module: ECHO, concurrency: 2, maxInstances: 1 });
    const first = await runner.invoke<Echo>('crash', {});
    const [slow, crashing] = await Promise.all([runner.invoke('crash', { sleepMs: 500 }), runner.invoke('crash', { sleepMs: 50, crash: true })]);
    for (const r of [slow, crashing]) {
      expect(r.ok).toBe(false);
      expect(r.error).toMatch(/^InstanceCrashed: instance crash-1 exited \(code 7\)/);
    }
    expect(alive(first.result!.pid)).toBe(false);
    await waitFor('the crash event', () => ofType(runner, 'instance-stop').length === 1);
    expect(ofType(runner, 'instance-stop')).toMatchObject([{ reason: 'crash', instanceId: 'crash-1' }]);
    const next = await runner.invoke<Echo>('crash', {});
    expect(next).toMatchObject({ ok: true, coldStart: true, instanceId: 'crash-2' });
    expect(runner.report().apps['crash']).toMatchObject({ crashes: 1, instanceStarts: 2, errors: 2 });
  });

  it('a module that fails to load fails the invocation with InitError and the module’s error', async () => {
    const runner = makeRunner();
    runner.register({ name: 'broken', module: BROKEN });
    const r = await runner.invoke('broken', {});
    expect(r.ok).toBe(false);
    expect(r.error).toBe('InitError: Error: cannot initialise: missing configuration');
    expect(ofType(runner, 'instance-stop')).toMatchObject([{ reason: 'init-error' }]);
    expect(runner.pids()).toEqual([]);
    expect(runner.report().apps['broken']).toMatchObject({ initErrors: 1, instanceStarts: 0, invocations: 1, errors: 1 });
  });

  it('close() fails waiting and running invocations, stops every process and removes its work directory', async () => {
    const runner = makeRunner();
    runner.register({ name: 'cl', module: ECHO, maxInstances: 1 });
    await runner.invoke('cl', {});
    const pids = runner.pids();
    const running = runner.invoke('cl', { sleepMs: 5000 });
    const waiting = runner.invoke('cl', {});
    await sleep(50);
    await runner.close();
    expect((await running).error).toMatch(/^RunnerClosed: /);
    expect((await waiting).error).toMatch(/^RunnerClosed: /);
    expect((await runner.invoke('cl', {})).error).toMatch(/^RunnerClosed: /);
    for (const pid of pids) expect(alive(pid)).toBe(false);
    expect(fs.existsSync(runner.workDir)).toBe(false);
    expect(ofType(runner, 'instance-stop').map((e) => e.reason)).toEqual(['close']);
  });

  it('checks its options and apps, naming the option', async () => {
    const runner = makeRunner();
    expect(() => runner.register({ name: 'a b', module: ECHO })).toThrow(ConfigError);
    expect(() => runner.register({ name: 'rel', module: 'fixtures/runner-echo.js' })).toThrow(/absolute path/);
    expect(() => runner.register({ name: 'z', module: ECHO, concurrency: 0 })).toThrow(/concurrency/);
    runner.register({ name: 'dup', module: ECHO });
    expect(() => runner.register({ name: 'dup', module: ECHO })).toThrow(/already registered/);
    await expect(runner.invoke('nope', {})).rejects.toThrow(/no app 'nope'/);
    expect(() => new LocalRunner({ cachelet: 'sometimes' as never })).toThrow(/cachelet/);
  });
});
