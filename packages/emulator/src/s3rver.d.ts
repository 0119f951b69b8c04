/**
 * The part of s3rver 3.7.1 this package uses (it ships no types). Read from its source,
 * `node_modules/s3rver/lib/s3rver.js` and `lib/stores/filesystem.js`; kept internal: no type
 * exported from the package's index refers to it, so consumers of the emitted `.d.ts` files do
 * not need this declaration.
 */
declare module 's3rver' {
  import type { AddressInfo } from 'node:net';
  import type { IncomingMessage, Server } from 'node:http';
  import type { Readable } from 'node:stream';

  namespace S3rver {
    /** `lib/models/object.js`: an object as the store takes and returns it. */
    interface StoredObject {
      bucket: string;
      key: string;
      /** The body: the request stream (PUT), parts joined (multipart), a Buffer; null when there is none to read. */
      content: Readable | Buffer | null;
      /** Lower-case headers: content-type, x-amz-meta-*, ...; `content-length`, `etag` and `last-modified` when read. */
      metadata: Record<string, string>;
      /** The bytes served (inclusive) when a range was asked for; s3rver's GET then answers 206. */
      range?: { start: number; end: number };
    }

    /** The part of a Koa context (Koa 2, s3rver's base class) the emulator's middleware uses. */
    interface KoaContext {
      readonly method: string;
      readonly req: IncomingMessage;
      status: number;
      type: string;
      body: unknown;
      set(fields: Record<string, string>): void;
    }

    /** A Koa middleware. */
    type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;

    /** Metadata as `getMetadata` reads it: the stored headers, `etag` (quoted MD5), `last-modified`, `content-length`. */
    type StoredMetadata = Record<string, string | number>;

    /**
     * `lib/stores/filesystem.js`: objects stored as files under the data directory,
     * `BUCKET/KEY._S3rver_object` with `.md5` and `_S3rver_metadata.json` beside it. Only the
     * methods this package replaces or calls are listed.
     */
    interface FilesystemStore {
      /** The file of `resource` ('object', 'object.md5', 'metadata.json', ...) of an object. */
      getResourcePath(bucket: string, key: string | undefined, resource: string): string;
      /** Rejects (ENOENT) if the object does not exist. */
      getMetadata(bucket: string, key: string): Promise<StoredMetadata>;
      /** Writes the metadata file from the allowed headers, and the `.md5` file if `md5` is given. */
      putMetadata(bucket: string, key: string, metadata: Record<string, unknown>, md5?: string): Promise<void>;
      /** Null if the object does not exist; `content` is a read stream already open (or null for an unsatisfiable range). */
      getObject(bucket: string, key: string, options?: { start?: number; end?: number }): Promise<StoredObject | null>;
      putObject(object: StoredObject): Promise<{ size: number; md5: string }>;
      copyObject(
        srcBucket: string,
        srcKey: string,
        destBucket: string,
        destKey: string,
        replacementMetadata: Record<string, unknown> | null,
      ): Promise<StoredMetadata>;
      deleteObject(bucket: string, key: string): Promise<void>;
    }
  }

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
    /** Koa's middleware, composed by `run()`: one put in front runs before s3rver's routes. */
    middleware: S3rver.Middleware[];
    /** Where objects are kept; the controllers call it through `ctx.store`, this same object. */
    store: S3rver.FilesystemStore;
  }

  export = S3rver;
}
