/** The `faast.v1.Peer` service over a cachelet (see proto/faast/v1/peer.proto). */
import { CacheError, type Cachelet } from '@faast/core';
import type { PeerHandlers } from '@faast/rpc';
import { BULK_MIN_BYTES, type BulkServer } from './bulk';
import { serviceHelpers, streamRead, type ServiceOptions } from './serve';
import { fromWireConditions, fromWireContext, toWireMeta } from './wire';

export interface PeerServiceOptions extends ServiceOptions {
  /** The bulk TCP port beside the peer port: chunks are offered there to callers that ask. */
  peerBulk?: BulkServer;
}

/** The Peer service: reads forwarded by other cachelets of the app are answered here, never forwarded again. */
export function peerHandlers(options: PeerServiceOptions): PeerHandlers {
  // Read lazily: the daemon creates the cachelet after binding its sockets.
  const cachelet = (): Cachelet => options.cachelet;
  const { fail, check, unary, inFlight } = serviceHelpers(options);
  return {
    PeerGet: (call) => streamRead(call, 'PeerGet', fail, () => {
      const ref = check(call.request.ref);
      const req = { ref, range: call.request.range, conditions: fromWireConditions(call.request.conditions) };
      return cachelet().get(req, fromWireContext(call.request.context));
    }, inFlight),
    Validate: (call, callback) =>
      unary(call, callback, 'Validate', async () => {
        const v = await cachelet().validate(check(call.request.ref), call.request.etag, fromWireContext(call.request.context));
        const outcome = ({ current: 'CURRENT', changed: 'CHANGED', 'not-found': 'NOT_FOUND', 'not-owner': 'NOT_OWNER' } as const)[v.outcome];
        return 'meta' in v ? { outcome, meta: toWireMeta(v.meta) } : { outcome };
      }),
    PeerNotifyWrite: (call, callback) =>
      unary(call, callback, 'PeerNotifyWrite', async () => {
        await cachelet().notifyWrite(check(call.request.ref, true), call.request.etag, fromWireContext(call.request.context));
        return {};
      }),
    PeerInvalidate: (call, callback) =>
      unary(call, callback, 'PeerInvalidate', async () => {
        for (const r of call.request.refs) check(r, true);
        const refs = call.request.refs.map((r) => ({ bucket: r.bucket, key: r.key }));
        return { dropped: await cachelet().invalidate(refs, fromWireContext(call.request.context)) };
      }),
    PeerChanged: (call, callback) =>
      unary(call, callback, 'PeerChanged', async () => {
        await cachelet().changedAtOwner(call.request.refs.map((r) => check(r, true)));
        return {};
      }),
    PeerGetChunk: (call, callback) =>
      unary(call, callback, 'PeerGetChunk', async () => {
        const r = call.request;
        const meta = { etag: r.etag, size: r.size, contentType: '', userMetadata: {}, headers: {} };
        try {
          const data = await cachelet().chunk(check(r.ref), meta, r.index, r.chunkBytes);
          const bulk = options.peerBulk;
          if (!r.bulk || !bulk || data.length < BULK_MIN_BYTES) return { outcome: 'OK' as const, data };
          // The caller fetches it from the bulk port; a transfer that fails shows there as a short read.
          const offer = bulk.offer(data);
          offer.done.catch(() => undefined);
          return { outcome: 'OK' as const, bulkToken: offer.token, bulkPort: bulk.port };
        } catch (err) {
          if (err instanceof CacheError && err.code === 'CHANGED') return { outcome: 'CHANGED' as const };
          throw err;
        }
      }),
    PeerStats: (call, callback) =>
      unary(call, callback, 'PeerStats', async () => {
        const s = cachelet().stats();
        return {
          id: s.ring.self,
          epoch: s.ring.epoch,
          ownedObjects: s.objects,
          ownedBytes: s.bytesUsed,
          replicaObjects: s.replicaObjects,
          replicaBytes: s.replicaBytes,
          capacityBytes: s.capacityBytes,
        };
      }),
  };
}

