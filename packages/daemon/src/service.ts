/**
 * The `faast.v1.Cache` service (app ↔ cachelet) over a cachelet: requests to the engine, its
 * answers to messages, its errors to gRPC status codes (see @faast/peer's serve.ts).
 */
import { CacheError, type Cachelet } from '@faast/core';
import type { CacheHandlers, StatsReply } from '@faast/rpc';
import { acknowledge, fromWireConditions, serviceHelpers, SOURCE, STATUS, streamRead, toWireMeta, type BulkOffers, type ServiceOptions } from '@faast/peer';

export interface CacheServiceOptions extends ServiceOptions {
  /** The bulk socket, for large bodies to callers that ask for it (local callers on the Unix socket). */
  bulk?: BulkOffers;
}

export function cacheHandlers(options: CacheServiceOptions): CacheHandlers {
  // Read lazily: the daemon creates the cachelet after binding its sockets.
  const cachelet = (): Cachelet => options.cachelet;
  const { fail, check, unary, inFlight } = serviceHelpers(options);
  return {
    Get: (call) => streamRead(call, 'Get', fail, () => {
      const ref = check(call.request.ref);
      // Each piece is written out before the next is pulled (streamRead): relayed chunks' memory may be reused.
      return cachelet().get({ ref, range: call.request.range, conditions: fromWireConditions(call.request.conditions), transient: true });
    }, inFlight, call.request.bulk ? options.bulk : undefined),

    Head: async (call, callback) => {
      const ack = acknowledge(call);
      try {
        const ref = check(call.request.ref);
        const result = await cachelet().head(ref, fromWireConditions(call.request.conditions));
        clearImmediate(ack);
        callback(null, {
          status: STATUS[result.status],
          source: SOURCE[result.source],
          ...(result.status !== 'not-found' ? { meta: toWireMeta(result.meta) } : {}),
        });
      } catch (err) {
        clearImmediate(ack);
        callback(fail('Head', err));
      }
    },

    NotifyWrite: (call, callback) =>
      unary(call, callback, 'NotifyWrite', async () => {
        // Write notices are taken while draining too: they are passed on to the owner.
        const ref = check(call.request.ref, true);
        if (!call.request.etag) throw new CacheError('INVALID_ARGUMENT', 'etag is required');
        await cachelet().notifyWrite(ref, call.request.etag);
        return {};
      }),

    Invalidate: (call, callback) =>
      unary(call, callback, 'Invalidate', async () => {
        if (options.ready && !options.ready()) throw new CacheError('UNAVAILABLE', 'the cachelet is starting');
        // Refs of other buckets are not held here: nothing to drop.
        const refs = call.request.refs.filter((r) => !options.bucket || r.bucket === options.bucket);
        return { dropped: await cachelet().invalidate(refs.map((r) => ({ bucket: r.bucket, key: r.key }))) };
      }),

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

