/**
 * S3's atomicity for the emulator's objects.
 *
 * s3rver 3.7.1 writes an object in place: `putObject` truncates the object's file, streams the
 * new body into it and resolves when the body has gone through its hashing transform — before
 * the write stream has flushed. A GET that overlaps a PUT of its key (or comes right after
 * one) can therefore return a torn object: the new version's first bytes cut short, with a
 * Content-Length that matches the cut and the new ETag, or a body shorter than its
 * Content-Length that hangs until the connection is reset. A PUT whose client goes away
 * leaves the truncated file behind for good. Real S3 never does that: a GET returns one whole
 * version, a PUT is answered once the new version is whole, and a failed PUT leaves the old
 * version in place.
 *
 * {@link makeStoreAtomic} fixes that inside s3rver's filesystem store, below both of the
 * emulator's endpoints. The direct one, though meant for seeding, gets it too: it costs
 * nothing there, and a seed written while clients read through the profile must not tear
 * their reads either. Inside the store rather than in an HTTP front (such as the profile
 * proxy), because only there is it known when a write has really landed (an HTTP front can
 * only poll for the file's length, which an equal-length rewrite already has), and there the
 * lock need not be held while a body is in transit:
 *
 * - A new version (PUT, POST form upload, CompleteMultipartUpload, copy destination) is written
 *   to a temporary file beside the object, flushed and closed, then renamed over the object
 *   file; the write (and so the HTTP answer) completes only after that. A failed or aborted
 *   upload removes its temporary file; the old version stays.
 * - A per-object readers/writer lock ({@link ObjectLocks}) makes the few file operations of
 *   each side atomic with respect to each other: a read (GET, HEAD, the metadata of a listing,
 *   a copy's source) holds it shared while it reads the object's size, MD5 and metadata and
 *   opens the object file; a write holds it alone while it renames the new file in and writes
 *   the MD5 and metadata; a DELETE holds it alone while it unlinks.
 * - A GET's body is read from the file it opened under the lock. A later rename or unlink does
 *   not change that file (POSIX keeps the replaced inode for whoever has it open; Windows
 *   would refuse the rename), so the GET streams the version it started with, however long it
 *   takes — as S3 does — and a slow or stalled reader never holds up a writer.
 *
 * No lock is held while bytes travel over the network, so a client abort or an upstream error
 * cannot leak one; the locks are taken and released around file-system calls (try/finally),
 * and a wait is bounded ({@link DEFAULT_LOCK_TIMEOUT_MS}). Uncontended, a lock costs a map
 * lookup and a resolved promise.
 *
 * The store's layout on disk is unchanged, so a data directory written by plain s3rver is
 * read as before. Temporary files (`.faast-*.tmp`) are not object files: listings skip them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, open, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type S3rver from 's3rver';

/** How long a request waits for an object's lock before it fails (s3rver answers 500), in ms. */
export const DEFAULT_LOCK_TIMEOUT_MS = 30_000;

/** Gives the lock back. Idempotent. */
export type Release = () => void;

/** The error of a lock wait that timed out. */
export class LockTimeoutError extends Error {
  readonly code = 'ELOCKTIMEOUT';
}

interface Waiter {
  readonly exclusive: boolean;
  grant(): void;
}

/** The lock of one key: its holders and, in arrival order, its waiters. */
interface LockState {
  readers: number;
  writer: boolean;
  queue: Waiter[];
}

/**
 * Readers/writer locks by key, granted in arrival order: a waiting writer holds back the
 * readers that come after it (writers are not starved) and the readers that came before a
 * waiting writer go together (nor are readers). Locks exist only while held or waited for.
 */
export class ObjectLocks {
  private readonly states = new Map<string, LockState>();
  private waits = 0;

  /** @param timeoutMs - how long `acquire` waits before it rejects with a {@link LockTimeoutError}, in ms. */
  constructor(readonly timeoutMs: number = DEFAULT_LOCK_TIMEOUT_MS) {}

  /** Acquisitions so far that had to wait for another holder (a sign of contention). */
  get contended(): number {
    return this.waits;
  }

  /** Keys whose lock is held or waited for now (0 when idle). */
  get active(): number {
    return this.states.size;
  }

  /** Resolves once the lock of `key` is held, shared or `exclusive`; rejects after `timeoutMs`. */
  acquire(key: string, exclusive: boolean): Promise<Release> {
    let state = this.states.get(key);
    if (state === undefined) {
      state = { readers: 0, writer: false, queue: [] };
      this.states.set(key, state);
    }
    if (state.queue.length === 0 && !state.writer && !(exclusive && state.readers > 0)) {
      take(state, exclusive);
      return Promise.resolve(this.releaser(key, state, exclusive));
    }
    this.waits++;
    const s = state;
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        exclusive,
        grant: () => {
          clearTimeout(timer);
          resolve(this.releaser(key, s, exclusive));
        },
      };
      const timer = setTimeout(() => {
        const at = s.queue.indexOf(waiter);
        if (at < 0) return; // granted meanwhile
        s.queue.splice(at, 1);
        this.drain(key, s); // readers behind a writer that gave up may go
        reject(new LockTimeoutError(`timed out after ${this.timeoutMs} ms waiting for the ${exclusive ? 'exclusive' : 'shared'} lock of '${key}'`));
      }, this.timeoutMs);
      timer.unref();
      s.queue.push(waiter);
    });
  }

  /** Runs `fn` holding the lock of `key`; releases it however `fn` ends. */
  async with<T>(key: string, exclusive: boolean, fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire(key, exclusive);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  private releaser(key: string, state: LockState, exclusive: boolean): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (exclusive) state.writer = false;
      else state.readers--;
      this.drain(key, state);
    };
  }

  /** Grants the lock to the waiters at the head of the queue that can have it; forgets an idle lock. */
  private drain(key: string, state: LockState): void {
    while (!state.writer && state.queue.length > 0) {
      const head = state.queue[0]!;
      if (head.exclusive && state.readers > 0) break;
      state.queue.shift();
      take(state, head.exclusive);
      head.grant();
    }
    if (!state.writer && state.readers === 0 && state.queue.length === 0) this.states.delete(key);
  }
}

function take(state: LockState, exclusive: boolean): void {
  if (exclusive) state.writer = true;
  else state.readers++;
}

function hasCode(err: unknown, ...codes: string[]): boolean {
  return typeof err === 'object' && err !== null && codes.includes(String((err as { code?: unknown }).code));
}

/** Reads a small file as text; undefined if it does not exist. */
async function readOptional(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path)).toString();
  } catch (err) {
    if (hasCode(err, 'ENOENT')) return undefined;
    throw err;
  }
}

async function md5OfFile(path: string): Promise<string> {
  const md5 = createHash('md5');
  const handle = await open(path, 'r');
  try {
    for await (const chunk of handle.createReadStream({ autoClose: false })) md5.update(chunk as Buffer);
  } finally {
    await handle.close();
  }
  return md5.digest('hex');
}

interface TempFile {
  readonly path: string;
  readonly handle: FileHandle;
}

/**
 * Creates a new, empty temporary file in the directory of `objectPath` (same file system, so
 * the rename is atomic; a short name, whatever the key's length). A DELETE of another key can
 * remove the directory between the mkdir and the open (s3rver removes emptied directories):
 * then both are tried again.
 */
async function createTemp(objectPath: string): Promise<TempFile> {
  const dir = dirname(objectPath);
  for (let attempt = 1; ; attempt++) {
    const path = join(dir, `.faast-${randomBytes(8).toString('hex')}.tmp`);
    await mkdir(dir, { recursive: true });
    try {
      return { path, handle: await open(path, 'wx') };
    } catch (err) {
      if (!hasCode(err, 'ENOENT') || attempt >= 5) throw err;
    }
  }
}

/** MD5 and length of what goes through. */
class Hasher extends Transform {
  readonly md5 = createHash('md5');
  size = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.md5.update(chunk);
    this.size += chunk.length;
    callback(null, chunk);
  }
}

/**
 * Makes the objects of an s3rver filesystem store atomic (see the top of this file) by
 * replacing its `getMetadata`, `getObject`, `putObject`, `copyObject` and `deleteObject` on
 * the instance. Its other methods are s3rver's: `putObjectMultipart` and the controllers call
 * these through the store, and so go through the locks. Returns the locks (for tests).
 */
export function makeStoreAtomic(
  store: S3rver.FilesystemStore,
  locks: ObjectLocks = new ObjectLocks(),
): ObjectLocks {
  const original = {
    getMetadata: store.getMetadata,
    putMetadata: store.putMetadata,
    getObject: store.getObject,
    deleteObject: store.deleteObject,
  };
  // s3rver's methods call one another through `this`. Called on this view, the ones that run
  // under a lock already get the unlocked getMetadata: a second shared acquisition by the
  // same request would wait behind a queued writer, which waits for the first — a deadlock.
  const unlocked: S3rver.FilesystemStore = Object.create(store, { getMetadata: { value: original.getMetadata } });
  const lockKey = (bucket: string, key: string): string => `${bucket}/${key}`;
  const path = (bucket: string, key: string, resource: string): string => store.getResourcePath(bucket, key, resource);

  store.getMetadata = (bucket, key) => locks.with(lockKey(bucket, key), false, () => original.getMetadata.call(unlocked, bucket, key));

  // Resolves once the object's file is open (s3rver waits for 'open'): the body comes from that file.
  store.getObject = (bucket, key, options) =>
    locks.with(lockKey(bucket, key), false, () => original.getObject.call(unlocked, bucket, key, options));

  store.deleteObject = (bucket, key) =>
    locks.with(lockKey(bucket, key), true, async () => {
      try {
        await original.deleteObject.call(unlocked, bucket, key);
      } catch (err) {
        // The object's files are gone already; s3rver was removing directories left empty, and
        // another request emptied or filled one meanwhile.
        if (!hasCode(err, 'ENOENT', 'ENOTEMPTY')) throw err;
      }
    });

  store.putObject = async (object) => {
    const { bucket, key, content } = object;
    const objectPath = path(bucket, key, 'object');
    const temp = await createTemp(objectPath);
    const hasher = new Hasher();
    try {
      if (content === null || Buffer.isBuffer(content)) {
        const body = content ?? Buffer.alloc(0);
        hasher.md5.update(body);
        hasher.size = body.length;
        await temp.handle.writeFile(body);
        await temp.handle.close();
      } else {
        // Resolves when the file stream has finished: every byte is written to the file.
        await pipeline(content, hasher, temp.handle.createWriteStream());
      }
    } catch (err) {
      await temp.handle.close().catch(() => undefined);
      await rm(temp.path, { force: true });
      throw err;
    }
    const md5 = hasher.md5.digest('hex');
    try {
      await locks.with(lockKey(bucket, key), true, async () => {
        await rename(temp.path, objectPath);
        await original.putMetadata.call(unlocked, bucket, key, object.metadata, md5);
      });
    } catch (err) {
      await rm(temp.path, { force: true });
      throw err;
    }
    return { size: hasher.size, md5 };
  };

  store.copyObject = async (srcBucket, srcKey, destBucket, destKey, replacementMetadata) => {
    const destLock = lockKey(destBucket, destKey);
    if (srcBucket === destBucket && srcKey === destKey) {
      // Onto itself (s3rver allows it only to replace the metadata): the bytes stay.
      return locks.with(destLock, true, async () => {
        if (replacementMetadata) await original.putMetadata.call(unlocked, destBucket, destKey, replacementMetadata);
        return original.getMetadata.call(unlocked, destBucket, destKey);
      });
    }
    const destPath = path(destBucket, destKey, 'object');
    const temp = await createTemp(destPath);
    await temp.handle.close();
    try {
      // One version of the source: its bytes, MD5 and metadata, read under its shared lock.
      const source = await locks.with(lockKey(srcBucket, srcKey), false, async () => {
        await copyFile(path(srcBucket, srcKey, 'object'), temp.path);
        const [md5, metadata] = await Promise.all([
          readOptional(path(srcBucket, srcKey, 'object.md5')),
          readOptional(path(srcBucket, srcKey, 'metadata.json')),
        ]);
        return { md5, metadata };
      });
      const md5 = source.md5 ?? (await md5OfFile(temp.path));
      return await locks.with(destLock, true, async () => {
        await rename(temp.path, destPath);
        if (replacementMetadata) {
          await original.putMetadata.call(unlocked, destBucket, destKey, replacementMetadata, md5);
        } else {
          await writeFile(path(destBucket, destKey, 'object.md5'), md5);
          const metadataPath = path(destBucket, destKey, 'metadata.json');
          if (source.metadata === undefined) await rm(metadataPath, { force: true });
          else await writeFile(metadataPath, source.metadata);
        }
        return original.getMetadata.call(unlocked, destBucket, destKey);
      });
    } finally {
      // Gone already once renamed in.
      await rm(temp.path, { force: true });
    }
  };

  return locks;
}
