/**
 * One blob access, as in the Azure Functions Blob Access Trace 2020 (one CSV row), and as in
 * our own JSONL traces. Field names follow the CSV columns without the `Anon` prefix.
 */
export interface TraceRecord {
  /** Access time, ms since 1970. */
  timestampMs: number;
  region: string;
  user: string;
  /** The application: one Faa$T cache per app. */
  app: string;
  /** Accesses of one invocation share it. */
  invocation: string;
  blob: string;
  /** e.g. `BlockBlob/application/json`. */
  blobType: string;
  /** The version accessed; a new ETag is a new version. */
  etag: string;
  /** Blob size in bytes; undefined when the trace left it empty. */
  bytes: number | undefined;
  read: boolean;
  write: boolean;
}

/** A malformed line: names the file (or source), the 1-based line number and the problem. */
export class TraceFormatError extends Error {
  override readonly name = 'TraceFormatError';
  constructor(
    readonly source: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${source}:${line}: ${problem}`);
  }
}
