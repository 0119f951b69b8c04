/**
 * Cachelet options: an `Input` type with optional fields, a `Resolved` type with every value
 * set, joined by one `resolveCacheletConfig`. Every limit is explicit and configurable.
 */
import { ConfigError } from './errors';

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  t: 1e12,
  tb: 1e12,
  ki: 2 ** 10,
  kib: 2 ** 10,
  mi: 2 ** 20,
  mib: 2 ** 20,
  gi: 2 ** 30,
  gib: 2 ** 30,
  ti: 2 ** 40,
  tib: 2 ** 40,
};

/**
 * Parses a byte size: `1048576`, `512KiB`, `256MiB`, `1.5GB`, `64mi` (binary units with `i`,
 * decimal without). Throws a {@link ConfigError} naming `option` when the value is not a size.
 */
export function parseBytes(value: string | number, option = 'size'): number {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) throw new ConfigError(option, `expected a whole number of bytes ≥ 0, got ${value}`);
    return value;
  }
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(value);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) {
    throw new ConfigError(option, `'${value}' is not a size (examples: 1048576, 512KiB, 256MiB, 2GB)`);
  }
  const bytes = Math.round(Number(m[1]) * unit);
  if (!Number.isSafeInteger(bytes)) throw new ConfigError(option, `'${value}' is too large`);
  return bytes;
}

/** Formats bytes for people: `1.5 MiB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} B` : `${v.toFixed(v < 10 ? 2 : 1)} ${units[i]}`;
}

/** Options of a cachelet. */
export interface CacheletConfigInput {
  /** The application this cachelet belongs to (one cache per app). Default `default`. */
  app?: string;
  /** Bytes the memory store may hold (object bytes + keys + metadata). Default 256 MiB. */
  capacityBytes?: number;
  /**
   * Objects larger than this are streamed through from the origin, not stored.
   * Default: `capacityBytes / 8`.
   */
  maxObjectBytes?: number;
  /** Longest object key accepted, UTF-8 bytes. Default 1024 (S3's own limit). */
  maxKeyBytes?: number;
  /** Size of the body messages a reply is split into, bytes. Default 256 KiB. */
  streamChunkBytes?: number;
  /** How a cached copy is kept consistent with the origin. Default `owner`. */
  consistency?: Consistency;
  /** Share of the capacity for replicas of hot objects owned by other cachelets, 0–0.9. Default 0.2 (only with peers). */
  replicaShare?: number;
  /** Reads of a key by this cachelet (among the last ones tracked) that make it hot enough for a replica. Default 2. */
  replicaMinReads?: number;
  /** How long a peer that failed is bypassed before it is tried again, ms. Default 2000. */
  suspectMs?: number;
  /** Objects larger than this are read and cached in chunks spread over the ring, bytes. Default 8 MiB. */
  chunkThresholdBytes?: number;
  /** Size of a chunk, bytes. Default 8 MiB. */
  chunkBytes?: number;
  /** Chunks fetched in parallel ahead of the reader. Default 4. */
  readAhead?: number;
  /**
   * Keys whose holders (members that read them from this owner) are recorded, so that a
   * change is pushed to them. When a record must make room, its holders are told to drop
   * the key first. Default 100,000 (a few MiB).
   */
  holderKeys?: number;
}

/**
 * - `owner`: the owner's version is the truth; no origin round trip on a hit.
 * - `ttl`: as `owner`, and a copy verified longer than `ttlMs` ago is revalidated with the
 *   origin (If-None-Match), to catch writers that bypass the cache.
 * - `strict`: revalidate with the origin on every read.
 */
export type Consistency = { mode: 'owner' } | { mode: 'ttl'; ttlMs: number } | { mode: 'strict' };

/** Parses `owner`, `ttl:<ms>` or `strict`. */
export function parseConsistency(value: string, option = 'consistency'): Consistency {
  if (value === 'owner' || value === 'strict') return { mode: value };
  const m = /^ttl:(\d+)$/.exec(value);
  if (m) {
    const ttlMs = Number(m[1]);
    if (ttlMs > 0 && Number.isSafeInteger(ttlMs)) return { mode: 'ttl', ttlMs };
  }
  throw new ConfigError(option, `'${value}' is not a consistency mode (owner, ttl:<ms> with ms > 0, strict)`);
}

/** `owner`, `ttl:5000`, `strict`. */
export function formatConsistency(c: Consistency): string {
  return c.mode === 'ttl' ? `ttl:${c.ttlMs}` : c.mode;
}

/** Cachelet options with every value resolved. */
export type CacheletConfig = Required<CacheletConfigInput>;

export const DEFAULT_CAPACITY_BYTES = 256 * 2 ** 20;
export const DEFAULT_MAX_KEY_BYTES = 1024;
export const DEFAULT_STREAM_CHUNK_BYTES = 256 * 2 ** 10;

/** Fills in defaults and checks every value; throws a {@link ConfigError} naming the option. */
export function resolveCacheletConfig(input: CacheletConfigInput = {}): CacheletConfig {
  const capacityBytes = input.capacityBytes ?? DEFAULT_CAPACITY_BYTES;
  positive('capacityBytes', capacityBytes);
  const maxObjectBytes = input.maxObjectBytes ?? Math.floor(capacityBytes / 8);
  whole('maxObjectBytes', maxObjectBytes);
  if (maxObjectBytes > capacityBytes) {
    throw new ConfigError('maxObjectBytes', `${maxObjectBytes} exceeds capacityBytes (${capacityBytes})`);
  }
  const maxKeyBytes = input.maxKeyBytes ?? DEFAULT_MAX_KEY_BYTES;
  positive('maxKeyBytes', maxKeyBytes);
  const streamChunkBytes = input.streamChunkBytes ?? DEFAULT_STREAM_CHUNK_BYTES;
  positive('streamChunkBytes', streamChunkBytes);
  if (streamChunkBytes > 16 * 2 ** 20) throw new ConfigError('streamChunkBytes', 'must be at most 16 MiB');
  const app = input.app ?? 'default';
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(app)) {
    throw new ConfigError('app', `'${app}' is not a valid app name (letters, digits, '.', '_', '-'; at most 63)`);
  }
  const consistency = input.consistency ?? { mode: 'owner' };
  const replicaShare = input.replicaShare ?? 0.2;
  if (!(replicaShare >= 0 && replicaShare <= 0.9)) throw new ConfigError('replicaShare', `expected a share from 0 to 0.9, got ${replicaShare}`);
  const replicaMinReads = input.replicaMinReads ?? 2;
  positive('replicaMinReads', replicaMinReads);
  const suspectMs = input.suspectMs ?? 2000;
  whole('suspectMs', suspectMs);
  const chunkBytes = input.chunkBytes ?? 8 * 2 ** 20;
  positive('chunkBytes', chunkBytes);
  if (chunkBytes > 64 * 2 ** 20) throw new ConfigError('chunkBytes', 'must be at most 64 MiB (one peer message)');
  const chunkThresholdBytes = input.chunkThresholdBytes ?? 8 * 2 ** 20;
  positive('chunkThresholdBytes', chunkThresholdBytes);
  const readAhead = input.readAhead ?? 4;
  positive('readAhead', readAhead);
  const holderKeys = input.holderKeys ?? 100_000;
  positive('holderKeys', holderKeys);
  return {
    app,
    capacityBytes,
    maxObjectBytes,
    maxKeyBytes,
    streamChunkBytes,
    consistency,
    replicaShare,
    replicaMinReads,
    suspectMs,
    chunkThresholdBytes,
    chunkBytes,
    readAhead,
    holderKeys,
  };
}

function whole(option: string, v: number): void {
  if (!Number.isSafeInteger(v) || v < 0) throw new ConfigError(option, `expected a whole number ≥ 0, got ${v}`);
}

function positive(option: string, v: number): void {
  if (!Number.isSafeInteger(v) || v <= 0) throw new ConfigError(option, `expected a whole number > 0, got ${v}`);
}
