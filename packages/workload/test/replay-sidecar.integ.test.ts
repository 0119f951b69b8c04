/**
 * The faast baseline with sidecar cachelets (a faastd process per instance), and a replay
 * stopped half-way: it rejects with the abort's reason and leaves no process behind.
 */
import { describe, expect, it, jest } from '@jest/globals';
import * as fs from 'node:fs';
import { NO_LATENCY_PROFILE } from '@faast/emulator';
import { prepareReplay } from '../src/replay/prepare';
import { runReplay } from '../src/replay/run';
import type { TraceRecord } from '../src/trace/types';

jest.setTimeout(60_000);

const T0 = Date.UTC(2020, 10, 23, 12);

function rec(t: number, invocation: string, blob: string, bytes: number, op: 'r' | 'w' = 'r'): TraceRecord {
  return { timestampMs: T0 + t, region: 'r1', user: 'u1', app: 'solo', invocation, blob, blobType: 'BlockBlob', etag: 'e', bytes, read: op === 'r', write: op === 'w' };
}

/** Eight invocations reading two objects; the fifth rewrites one first (a larger version). */
function trace(): TraceRecord[] {
  const r: TraceRecord[] = [];
  for (let i = 0; i < 8; i++) {
    if (i === 4) r.push(rec(i * 500, `i${i}`, 'a', 9000, 'w'));
    r.push(rec(i * 500 + 1, `i${i}`, 'a', 3000));
    r.push(rec(i * 500 + 2, `i${i}`, 'b', 50_000));
  }
  return r;
}

/** Process ids of this process's children running the trace handler (instances) or a sidecar. */
function replayChildren(): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes('trace-handler') || cmd.includes('sidecar')) out.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

const onLinux = fs.existsSync('/proc/self/stat');

describe('faast replay, sidecar cachelets and abort', () => {
  it('the faast baseline with sidecar cachelets reads the origin less and sees the write', async () => {
    const prepared = await prepareReplay({ name: 'solo', open: trace });
    const sizes = new Map<string, number[]>();
    const report = await runReplay(prepared, {
      baselines: ['faast'],
      cachelet: 'sidecar',
      profile: NO_LATENCY_PROFILE,
      speed: 5,
      concurrency: 2,
      maxInstances: 2,
      onInvocation: (_b, inv, r) => sizes.set(inv.id, r.result?.readSizes ?? []),
    });
    const [faast] = report.baselines;
    expect(faast!.cachelet).toBe('sidecar');
    expect(faast!.overall).toMatchObject({ invocations: 8, failed: 0, reads: 16, writes: 1 });
    expect(faast!.overall.originGets).toBeLessThan(16);
    expect(report.setup).toMatchObject({ cachelet: 'sidecar', concurrency: 2, maxInstances: 2, seedObjects: 2 });
    expect(sizes.get('i3')).toEqual([3000, 50_000]);
    expect(sizes.get('i4')).toEqual([9000, 50_000]);
    expect(sizes.get('i7')).toEqual([9000, 50_000]);
    if (onLinux) expect(replayChildren()).toEqual([]);
  });

  it('an abort stops the replay, rejects with its reason and leaves no process behind', async () => {
    const prepared = await prepareReplay({ name: 'solo', open: trace });
    const controller = new AbortController();
    let seen = 0;
    const run = runReplay(prepared, {
      baselines: ['none', 'faast'],
      profile: NO_LATENCY_PROFILE,
      speed: 1, // 3.5 s of trace: aborted long before the end
      onInvocation: () => {
        if (++seen === 2) controller.abort(new Error('stop here'));
      },
      signal: controller.signal,
    });
    await expect(run).rejects.toThrow('stop here');
    expect(seen).toBeLessThan(8);
    if (onLinux) expect(replayChildren()).toEqual([]);
  });
});
