/** @faast/cli — the `faast` command. */
export { main, buildProgram } from './main';
export { resolveDaemonOptions, defaultSocket, DAEMON_ENV, type DaemonFlags } from './daemon-options';
export { renderTable } from './table';
export { fetchStats, fetchRingStats, formatStats, formatRing } from './stats';
export { spawnCachelet, FAAST_BIN, type SpawnedCachelet, type SpawnCacheletOptions } from './spawn';
export { formatReplayTables } from './replay-table';
export { registerReplayCommand, parseReplayFlags, defaultOutDir, type ReplayFlags } from './replay';
