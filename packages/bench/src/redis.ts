/**
 * The look-aside cache a user would otherwise write: the same bytes in the local Redis,
 * read with ioredis GET. Keys carry a prefix unique to this run and are deleted on close.
 */
import { Redis } from 'ioredis';

/** Where the benchmark looks for Redis by default. */
export const REDIS_URL = 'redis://127.0.0.1:6379';

/** The Redis side of the benchmark: connected with keys set, or skipped with a reason. */
export interface RedisFixture {
  /** The connection; undefined when Redis was not reachable. */
  readonly client: Redis | undefined;
  /** Why the redis rows are skipped (undefined when they run). */
  readonly skipped: string | undefined;
  /** GET of a key (without the prefix) as bytes; rejects unless it has `expected` bytes. */
  get(key: string, expected: number): Promise<void>;
  /** Deletes this run's keys and closes the connection. */
  close(): Promise<void>;
}

/**
 * Connects to `url` (default {@link REDIS_URL}) and stores `entries` under a prefix unique to this process
 * and moment. Never throws for an unreachable server: the fixture says why it is skipped.
 */
export async function openRedis(entries: ReadonlyArray<readonly [string, Buffer]>, url = REDIS_URL): Promise<RedisFixture> {
  const prefix = `faast-bench:${process.pid}:${Date.now().toString(36)}:`;
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 1,
    // No reconnection loop: if Redis goes away, calls fail and the benchmark stops with the error.
    retryStrategy: () => null,
  });
  let lastError: Error | undefined;
  client.on('error', (err: Error) => (lastError = err));
  const written: string[] = [];
  try {
    await client.connect();
    await client.ping();
    for (const [key, body] of entries) {
      written.push(prefix + key);
      await client.set(prefix + key, body);
    }
  } catch (err) {
    // Keys written before a failure are removed if the connection still works.
    await client.del(...written).catch(() => undefined);
    client.disconnect();
    // The 'error' event has the cause (e.g. ECONNREFUSED); the rejection often only says the connection closed.
    const reason = lastError?.message || (err as Error).message || 'unknown error';
    return { client: undefined, skipped: `Redis at ${url} not reachable (${reason})`, get: () => Promise.resolve(), close: () => Promise.resolve() };
  }
  let closed = false;
  return {
    client,
    skipped: undefined,
    async get(key, expected) {
      const value = await client.getBuffer(prefix + key);
      if (!value || value.length !== expected) throw new Error(`redis GET ${key}: ${value?.length ?? 'no'} bytes, expected ${expected}`);
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        if (written.length) await client.del(...written);
        await client.quit();
      } finally {
        client.disconnect();
      }
    },
  };
}
