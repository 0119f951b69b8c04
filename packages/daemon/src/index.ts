/**
 * @faast/daemon — faastd, the cachelet daemon.
 */
export { startDaemon, type Daemon, type DaemonOptions } from './daemon';
export { cacheHandlers, type CacheServiceOptions } from './service';
export { cacheletRegistry, serveMetrics } from './metrics';
export { HealthState } from './health';
export { createLogger, LOG_LEVELS } from './log';
export { prepareSocketPath } from './socket';
export { statsReply } from './service';
