/**
 * The part of s3rver 3.7.1 this package uses (it ships no types). Read from its source,
 * `node_modules/s3rver/lib/s3rver.js`; kept internal: no exported type of this package refers
 * to it, so the emitted `.d.ts` files do not need this declaration.
 */
declare module 's3rver' {
  import type { AddressInfo } from 'node:net';
  import type { Server } from 'node:http';

  interface S3rverBucketConfig {
    name: string;
    /** CORS or website configuration XML documents. */
    configs?: Array<string | Buffer>;
  }

  interface S3rverOptions {
    /** Interface to listen on. s3rver's default is 'localhost'. */
    address?: string;
    /** 0 picks a free port. s3rver's default is 4568. */
    port?: number;
    /** Silences its winston console logger and Koa's error logging. */
    silent?: boolean;
    /** Where buckets and objects are stored. s3rver's default is a shared `$TMPDIR/s3rver`. */
    directory?: string;
    /** Deletes every bucket in `directory` when the server closes. */
    resetOnClose?: boolean;
    /** Accepts wrong V2 signatures (V4 signatures are never verified by 3.7.1). */
    allowMismatchedSignatures?: boolean;
    /** Treats a non-IP, non-localhost Host header as a bucket name. */
    vhostBuckets?: boolean;
    serviceEndpoint?: string;
    /** Buckets created by `run()` before the server listens, without going through the API. */
    configureBuckets?: S3rverBucketConfig[];
  }

  class S3rver {
    constructor(options?: S3rverOptions);
    /** Creates the configured buckets, listens, and resolves with the bound address. */
    run(): Promise<AddressInfo>;
    /** `httpServer.close()`: stops listening and waits for open connections to end. */
    close(): Promise<void>;
    /** Set by `run()`. */
    httpServer?: Server;
  }

  export = S3rver;
}
