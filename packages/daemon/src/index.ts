/**
 * @faast/daemon — faastd, the cachelet daemon.
 */
export { startDaemon, ORIGIN_CHECK_MODES, type Daemon, type DaemonOptions, type OriginCheckMode } from './daemon';
export { cacheHandlers } from './service';
export { AppServer, APP_PLANE_DEFAULTS } from './app-server';
export { type AppPlaneOptions } from './app-connection';
export { cacheletRegistry, serveMetrics } from './metrics';
export { HealthState } from './health';
export { createLogger, LOG_LEVELS } from './log';
export { prepareSocketPath } from './socket';
export { statsReply } from './service';
