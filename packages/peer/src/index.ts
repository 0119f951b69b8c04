/**
 * @faast/peer — the network of the distributed cache: the peer protocol over gRPC (the
 * service a cachelet serves, the connector it uses to reach the others) and the Redis
 * membership registry. Used by faastd and by the embedded mode of the interceptors.
 */
export * from './wire';
export * from './serve';
export * from './peer-service';
export * from './peer-client';
export * from './membership-redis';
export * from './membership-dir';
export * from './members';
export * from './peer-server';
export * from './bulk';
