/** `faast stats`: a cachelet's counters, as a table or JSON. */
import { formatBytes, grpcSocketPath, parseCacheletAddress } from '@faast/core';
import { createCacheClient, createPeerClient, type PeerStatsReply__Output, type StatsReply__Output } from '@faast/rpc';
import { renderTable } from './table';

/**
 * A cachelet's counters over gRPC: for an app socket path, on the gRPC socket beside it
 * (`<socket>.grpc`); for `host:port`, on that port (a cachelet's peer port).
 */
export async function fetchStats(socket: string, timeoutMs = 3000): Promise<StatsReply__Output> {
  const client = createCacheClient(statsAddress(socket));
  try {
    return await new Promise<StatsReply__Output>((resolve, reject) => {
      client.Stats({}, { deadline: Date.now() + timeoutMs }, (err, reply) => {
        if (err) reject(new Error(`no cachelet answers on ${socket}: ${err.details || err.message}`));
        else resolve(reply!);
      });
    });
  } finally {
    client.close();
  }
}

/** Where a cachelet answers gRPC for the address a user gives. */
export function statsAddress(socket: string): string {
  const address = parseCacheletAddress(socket);
  return address.kind === 'unix' ? grpcSocketPath(address.path) : socket;
}

/** What each member of the ring holds (PeerStats over the peer protocol); undefined for members that do not answer. */
export async function fetchRingStats(s: StatsReply__Output, timeoutMs = 2000): Promise<Map<string, PeerStatsReply__Output | undefined>> {
  const out = new Map<string, PeerStatsReply__Output | undefined>();
  await Promise.all(
    (s.ring?.members ?? []).filter((m) => m.address).map(async (m) => {
      const client = createPeerClient(m.address);
      try {
        out.set(
          m.id,
          await new Promise<PeerStatsReply__Output>((resolve, reject) =>
            client.PeerStats({}, { deadline: Date.now() + timeoutMs }, (err, reply) => (err ? reject(err) : resolve(reply!))),
          ),
        );
      } catch {
        out.set(m.id, undefined);
      } finally {
        client.close();
      }
    }),
  );
  return out;
}

/** The ring: members, what each owns, and which one answered this call; a solo cachelet in one line. */
export function formatRing(s: StatsReply__Output, members: Map<string, PeerStatsReply__Output | undefined>): string {
  const ring = s.ring!;
  if (ring.members.length <= 1 && !ring.members[0]?.address) return `ring: solo (this cachelet only), consistency ${ring.consistency}`;
  const rows = ring.members.map((m) => {
    const p = members.get(m.id);
    return [
      m.id === ring.self ? `${m.id} (this)` : m.id,
      p ? String(p.ownedObjects) : '-',
      p ? formatBytes(p.ownedBytes) : '-',
      p ? String(p.replicaObjects) : '-',
      formatBytes(m.capacityBytes),
      p ? (p.epoch === ring.epoch ? 'same' : p.epoch) : 'no answer',
    ];
  });
  return `ring: epoch ${ring.epoch}, ${ring.members.length} member(s), ${ring.views} view(s) seen, consistency ${ring.consistency}\n` +
    renderTable(['member', 'keys owned', 'bytes owned', 'replicas', 'capacity', 'view'], rows);
}

export function formatStats(s: StatsReply__Output): string {
  const reads = s.hits + s.misses;
  const ratio = reads ? `${((100 * s.hits) / reads).toFixed(1)} %` : '-';
  const rows: [string, string][] = [
    ['app', s.app],
    ['origin', s.origin],
    ['origin health', s.originHealthy ? 'usable' : 'UNUSABLE (reads go to the origin directly)'],
    ['last origin error', s.lastOriginError || '-'],
    ['hits', String(s.hits)],
    ['misses', `${s.misses} (${s.coalesced} coalesced, ${s.passThrough} passed through)`],
    ['hit ratio', ratio],
    ['not found', String(s.notFound)],
    ['origin errors', String(s.originErrors)],
    ['origin requests', String(s.originRequests)],
    ['bytes served', formatBytes(s.bytesServed)],
    ['bytes from origin', formatBytes(s.bytesFromOrigin)],
    ['objects', String(s.objects)],
    ['bytes used', `${formatBytes(s.bytesUsed)} of ${formatBytes(s.capacityBytes)} (${((100 * s.bytesUsed) / s.capacityBytes).toFixed(1)} %)`],
    ['capacity', formatBytes(s.capacityBytes)],
    ['max object', formatBytes(s.maxObjectBytes)],
    ['evictions', String(s.evictions)],
    ['invalidations', String(s.invalidations)],
    ['bad requests', String(s.badRequests)],
    ['origin reads avoided', String(s.hits + s.coalesced)],
    ['forwarded to owners', `${s.forwarded} (counted in hits and misses by what the owner did)`],
    ['served for peers', String(s.peerServed)],
    ['replica hits', `${s.replicaHits} (${s.validations} validations, ${s.replicaObjects} replicas, ${formatBytes(s.replicaBytes)})`],
    ['peer errors', `${s.peerErrors} (${s.peerFallbacks} reads fell back to the origin)`],
    ['not owner', String(s.notOwner)],
    ['revalidations', String(s.revalidations)],
    ['chunked reads', `${s.chunkedReads} (chunks: ${s.chunkHits} hits, ${s.chunkMisses} from origin, ${s.chunkPeerFetches} from peers, ${s.chunkReplicaHits} from replicas, ${s.chunkPassThrough} not stored; ${s.versionChanges} version changes)`],
    ['uptime', `${s.uptimeSeconds.toFixed(0)} s`],
  ];
  return renderTable(['stat', 'value'], rows);
}
