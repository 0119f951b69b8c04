/**
 * The `faast.v1.Cache` gRPC service of a cachelet: its counters (`faast stats`), on the gRPC
 * socket beside the app socket (`<socket>.grpc`) and on the peer port. Reads and write
 * notices of the application go over the app plane (app-server.ts), not gRPC.
 */
import { CacheError, type Cachelet } from '@faast/core';
import type { CacheHandlers, StatsReply } from '@faast/rpc';
import { serviceHelpers, type ServiceOptions } from '@faast/peer';

export function cacheHandlers(options: ServiceOptions): CacheHandlers {
  // Read lazily: the daemon creates the cachelet after binding its sockets.
  const cachelet = (): Cachelet => options.cachelet;
  const { unary } = serviceHelpers(options);
  return {
    Stats: (call, callback) =>
      unary(call, callback, 'Stats', async () => {
        if (options.ready && !options.ready()) throw new CacheError('UNAVAILABLE', 'the cachelet is starting');
        return statsReply(cachelet());
      }),
  };
}

export function statsReply(cachelet: Cachelet): StatsReply {
  const { ring, ...s } = cachelet.stats();
  return { ...s, ring: { ...ring, members: ring.members.map((m) => ({ id: m.id, address: m.address, capacityBytes: m.capacityBytes })) } };
}
