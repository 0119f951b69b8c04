/** Measurements of the runner: latency percentiles and the resident memory of a process. */
import * as fs from 'node:fs';
import type { LatencyStats } from './types';

/** p50 / p99 (nearest rank), mean and max of `values`; zeros for none. */
export function latencyStats(values: readonly number[]): LatencyStats {
  if (values.length === 0) return { p50: 0, p99: 0, mean: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  const sum = sorted.reduce((a, b) => a + b, 0);
  return { p50: rank(0.5), p99: rank(0.99), mean: sum / sorted.length, max: sorted[sorted.length - 1]! };
}

/**
 * The resident memory of process `pid`, bytes, from `/proc/PID/status` (VmRSS): measured by
 * the kernel, without asking the process (which may be busy). Undefined where there is no
 * /proc (then the runner uses what the process last reported) or when it is gone.
 */
export function procRss(pid: number): number | undefined {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
