/** The machine a benchmark ran on, and its load before and after: printed and saved by every scenario. */
import * as os from 'node:os';

export interface MachineRecord {
  cpus: number;
  cpuModel: string | undefined;
  node: string;
  platform: string;
  totalMemBytes: number;
  loadAverageBefore: number[];
  loadAverageAfter: number[];
}

/** Takes the load average now; `finish()` takes it again and describes the machine. */
export function watchMachine(): { finish(): MachineRecord } {
  const before = os.loadavg();
  return {
    finish: () => ({
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim(),
      node: process.version,
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      totalMemBytes: os.totalmem(),
      loadAverageBefore: before,
      loadAverageAfter: os.loadavg(),
    }),
  };
}

/** The report's machine line; `sharing` names what ran on these CPUs. */
export function machineLine(m: MachineRecord, sharing: string): string {
  return (
    `machine: ${m.cpus} vCPUs (${m.cpuModel ?? 'unknown'}), node ${m.node}; ` +
    `load average 1 min: ${m.loadAverageBefore[0]!.toFixed(2)} before, ${m.loadAverageAfter[0]!.toFixed(2)} after (${sharing} share these CPUs).`
  );
}
