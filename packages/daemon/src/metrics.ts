/**
 * Prometheus metrics of a cachelet, read from the same counters as the Stats RPC, served
 * over HTTP at `/metrics` (with `/healthz` for plain HTTP probes).
 */
import * as http from 'node:http';
import { Counter, Gauge, Registry } from 'prom-client';
import type { Cachelet, CacheletStatsSnapshot } from '@faast/core';

type NumericField = { [K in keyof CacheletStatsSnapshot]: CacheletStatsSnapshot[K] extends number ? K : never }[keyof CacheletStatsSnapshot];

const COUNTERS: [NumericField, string, string][] = [
  ['hits', 'faast_cache_hits_total', 'GETs answered from the memory store'],
  ['misses', 'faast_cache_misses_total', 'GETs that read the origin'],
  ['coalesced', 'faast_cache_coalesced_total', 'Misses that joined an origin read in flight'],
  ['passThrough', 'faast_cache_pass_through_total', 'GETs of objects over the admission limit'],
  ['notFound', 'faast_cache_not_found_total', 'Reads of objects the origin does not have'],
  ['originErrors', 'faast_origin_errors_total', 'Origin requests that failed'],
  ['heads', 'faast_cache_heads_total', 'HEADs answered'],
  ['bytesServed', 'faast_cache_served_bytes_total', 'Body bytes sent to callers'],
  ['bytesFromOrigin', 'faast_origin_read_bytes_total', 'Body bytes read from the origin'],
  ['originRequests', 'faast_origin_requests_total', 'Requests sent to the origin'],
  ['evictions', 'faast_cache_evictions_total', 'Entries evicted to make room'],
  ['invalidations', 'faast_cache_invalidations_total', 'Entries dropped after a write or delete'],
  ['badRequests', 'faast_cache_bad_requests_total', 'Requests refused as malformed or over a limit'],
  ['forwarded', 'faast_peer_forwarded_total', 'Reads sent to their owner'],
  ['peerServed', 'faast_peer_served_total', 'Reads served for peers, as owner'],
  ['replicaHits', 'faast_replica_hits_total', 'Reads served from a replica the owner validated'],
  ['validations', 'faast_peer_validations_total', 'Validate calls sent to owners'],
  ['peerErrors', 'faast_peer_errors_total', 'Failed peer calls'],
  ['peerFallbacks', 'faast_peer_fallbacks_total', 'Reads that went to the origin because the owner was unreachable'],
  ['notOwner', 'faast_peer_not_owner_total', 'Forwarded reads received for keys not owned here'],
  ['revalidations', 'faast_origin_revalidations_total', 'Copies revalidated with the origin before being served'],
  ['chunkedReads', 'faast_chunked_reads_total', 'Reads of large objects served in chunks'],
  ['chunkHits', 'faast_chunk_hits_total', 'Chunks served from the store'],
  ['chunkMisses', 'faast_chunk_misses_total', 'Chunks read from the origin'],
  ['chunkPeerFetches', 'faast_chunk_peer_fetches_total', 'Chunks fetched from their owner'],
  ['chunkReplicaHits', 'faast_chunk_replica_hits_total', 'Chunks served from a replica of a peer\'s chunk'],
  ['chunkPassThrough', 'faast_chunk_pass_through_total', 'Chunks not stored: the object is larger than the ring'],
  ['versionChanges', 'faast_version_changes_total', 'Chunked reads that found the object changed at the origin'],
  ['holderInvalidationsSent', 'faast_holder_invalidations_sent_total', 'Change notices sent to holders of a key, as owner'],
  ['holderInvalidationsReceived', 'faast_holder_invalidations_received_total', 'Change notices received from owners, as holder'],
  ['holderEvictions', 'faast_holder_evictions_total', 'Holder records evicted (their holders told)'],
  ['changeEvents', 'faast_change_events_total', 'Change listener calls (the apps\' near caches told)'],
];

const GAUGES: [NumericField, string, string][] = [
  ['objects', 'faast_cache_objects', 'Objects in the memory store'],
  ['bytesUsed', 'faast_cache_used_bytes', 'Accounted bytes in the memory store'],
  ['capacityBytes', 'faast_cache_capacity_bytes', 'Capacity of the memory store'],
  ['maxObjectBytes', 'faast_cache_max_object_bytes', 'Admission limit: larger objects are not stored'],
  ['replicaObjects', 'faast_replica_objects', 'Replicas of hot objects owned by peers'],
  ['replicaBytes', 'faast_replica_used_bytes', 'Accounted bytes of replicas'],
];

/** A registry whose metrics read `cachelet.stats()` when scraped. */
export function cacheletRegistry(cachelet: Cachelet): Registry {
  const registry = new Registry();
  const labels = { app: cachelet.config.app };
  registry.setDefaultLabels(labels);
  for (const [field, name, help] of COUNTERS) {
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(cachelet.stats()[field]);
      },
    });
  }
  new Gauge({
    name: 'faast_origin_healthy',
    help: 'Whether the origin is usable (1) or not (0): region, credentials, reachable',
    registers: [registry],
    collect() {
      this.set(cachelet.stats().originHealthy ? 1 : 0);
    },
  });
  for (const [field, name, help] of GAUGES) {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(cachelet.stats()[field]);
      },
    });
  }
  return registry;
}

/** Serves `/metrics` and `/healthz` on `host:port`. Resolves once listening. */
export async function serveMetrics(registry: Registry, port: number, host: string, healthy: () => boolean): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.url === '/metrics') {
      registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': registry.contentType });
          res.end(text);
        },
        (err: Error) => {
          res.writeHead(500);
          res.end(err.message);
        },
      );
    } else if (req.url === '/healthz') {
      const ok = healthy();
      res.writeHead(ok ? 200 : 503, { 'content-type': 'text/plain' });
      res.end(ok ? 'SERVING\n' : 'NOT_SERVING\n');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
