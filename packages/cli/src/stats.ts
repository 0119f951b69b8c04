/** `faast stats`: a cachelet's counters, as a table or JSON. */
import { formatBytes } from '@faast/core';
import { createCacheClient, type StatsReply__Output } from '@faast/rpc';
import { renderTable } from './table';

export async function fetchStats(socket: string, timeoutMs = 3000): Promise<StatsReply__Output> {
  const client = createCacheClient(socket);
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

export function formatStats(s: StatsReply__Output): string {
  const reads = s.hits + s.misses;
  const ratio = reads ? `${((100 * s.hits) / reads).toFixed(1)} %` : '-';
  const rows: [string, string][] = [
    ['app', s.app],
    ['origin', s.origin],
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
    ['uptime', `${s.uptimeSeconds.toFixed(0)} s`],
  ];
  return renderTable(['stat', 'value'], rows);
}
