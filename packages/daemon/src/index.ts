/**
 * @faast/daemon — faastd, the cachelet daemon.
 */
export { startDaemon, type Daemon, type DaemonOptions } from './daemon';
export { cacheHandlers, type CacheServiceOptions } from './service';
export { cacheletRegistry, serveMetrics } from './metrics';
export { HealthState } from './health';
export { createLogger, LOG_LEVELS } from './log';
export { prepareSocketPath } from './socket';
export { RedisMembership, type RedisMembershipOptions } from './membership-redis';
export { GrpcPeerConnector, type GrpcPeerOptions } from './peer-client';
export { peerHandlers, statsReply } from './service';
