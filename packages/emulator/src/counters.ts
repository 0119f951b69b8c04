/**
 * What a cloud bill would count for the requests that reached the origin: requests by HTTP
 * method (S3 prices GET/HEAD and PUT/POST/LIST classes per request) and bytes of response
 * bodies sent (egress) — in all, and per bucket (path-style URLs: `/bucket/key`).
 */
export interface RequestCounts {
  /** All requests, whatever their outcome (S3 bills failed requests too). */
  total: number;
  /** Requests by upper-case HTTP method: GET, HEAD, PUT, POST, DELETE, ... */
  byMethod: Record<string, number>;
  /** Bytes of response bodies written to clients, in bytes. */
  bytesOut: number;
  /** The same per bucket, plus whole-object GETs. */
  byBucket: Record<string, BucketCounts>;
}

export interface BucketCounts {
  requests: number;
  byMethod: Record<string, number>;
  /**
   * GETs of a whole object (no `Range`): what a read costs when no cache serves it. A cachelet
   * reading a large object in chunks makes one such GET (for the version) and ranged GETs for
   * the chunks, counted in `requests` only.
   */
  objectGets: number;
  /** Response body bytes sent to clients. */
  bytesOut: number;
}

/** The bucket and whether the path names an object, from a path-style URL (`/bucket/key?query`). */
export function bucketOf(url: string): { bucket: string; object: boolean } {
  const pathname = url.split('?', 1)[0]!;
  const slash = pathname.indexOf('/', 1);
  const raw = slash < 0 ? pathname.slice(1) : pathname.slice(1, slash);
  let bucket = raw;
  try {
    bucket = decodeURIComponent(raw);
  } catch {
    // Keep it as sent.
  }
  return { bucket, object: slash >= 0 && slash < pathname.length - 1 };
}

/** Mutable counters behind {@link RequestCounts}; snapshots are copies. */
export class RequestCounters {
  private total = 0;
  private byMethod = new Map<string, number>();
  private bytesOut = 0;
  private readonly buckets = new Map<string, BucketCounts>();

  /** Counts a request; returns a function counting its response's body bytes (to both totals). */
  countRequest(method: string, url = '/', range?: string): (bytes: number) => void {
    this.total += 1;
    const key = method.toUpperCase();
    this.byMethod.set(key, (this.byMethod.get(key) ?? 0) + 1);
    const { bucket, object } = bucketOf(url);
    let c = this.buckets.get(bucket);
    if (!c) this.buckets.set(bucket, (c = { requests: 0, byMethod: {}, objectGets: 0, bytesOut: 0 }));
    c.requests++;
    c.byMethod[key] = (c.byMethod[key] ?? 0) + 1;
    if (key === 'GET' && object && range === undefined) c.objectGets++;
    const counts = c;
    return (bytes) => {
      this.bytesOut += bytes;
      counts.bytesOut += bytes;
    };
  }

  snapshot(): RequestCounts {
    return {
      total: this.total,
      byMethod: Object.fromEntries(this.byMethod),
      bytesOut: this.bytesOut,
      byBucket: Object.fromEntries(
        [...this.buckets].filter(([, c]) => c.requests > 0 || c.bytesOut > 0).map(([b, c]) => [b, { ...c, byMethod: { ...c.byMethod } }]),
      ),
    };
  }

  /** Sets everything to zero; responses in progress keep counting into their bucket's entry. */
  reset(): void {
    this.total = 0;
    this.byMethod.clear();
    this.bytesOut = 0;
    for (const c of this.buckets.values()) Object.assign(c, { requests: 0, byMethod: {}, objectGets: 0, bytesOut: 0 });
  }
}
