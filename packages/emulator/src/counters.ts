/**
 * What a cloud bill would count for the requests that reached the origin: requests by HTTP
 * method (S3 prices GET/HEAD and PUT/POST/LIST classes per request) and bytes of response
 * bodies sent (egress).
 */
export interface RequestCounts {
  /** All requests, whatever their outcome (S3 bills failed requests too). */
  total: number;
  /** Requests by upper-case HTTP method: GET, HEAD, PUT, POST, DELETE, ... */
  byMethod: Record<string, number>;
  /** Bytes of response bodies written to clients, in bytes. */
  bytesOut: number;
}

/** Mutable counters behind {@link RequestCounts}; snapshots are copies. */
export class RequestCounters {
  private total = 0;
  private byMethod = new Map<string, number>();
  private bytesOut = 0;

  countRequest(method: string): void {
    this.total += 1;
    const key = method.toUpperCase();
    this.byMethod.set(key, (this.byMethod.get(key) ?? 0) + 1);
  }

  countBytesOut(bytes: number): void {
    this.bytesOut += bytes;
  }

  snapshot(): RequestCounts {
    return { total: this.total, byMethod: Object.fromEntries(this.byMethod), bytesOut: this.bytesOut };
  }

  reset(): void {
    this.total = 0;
    this.byMethod.clear();
    this.bytesOut = 0;
  }
}
