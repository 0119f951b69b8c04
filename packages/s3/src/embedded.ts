/**
 * Embedded mode: a cachelet inside the application process (no sidecar — for platforms like
 * AWS Lambda where one cannot run), joining the application's ring like any faastd. The same
 * engine (@faast/core) and the same peer network (@faast/peer); the interceptor calls it in
 * process instead of over a Unix socket.
 */
import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { Cachelet, CacheError, parseBytes, parseConsistency, type ReadResult } from '@faast/core';
import { fromWireConditions, GrpcPeerConnector, membershipFrom, SOURCE, startPeerServer, STATUS, toWireMeta, type PeerServer } from '@faast/peer';
import type { Conditions__Output, GetHeader__Output, GetRequest, HeadReply__Output, HeadRequest, ObjectMeta__Output, ObjectRef } from '@faast/rpc';
import { S3Origin } from './origin';
import { Bypass, ReplyError, type CacheTransport, type GetStart, type HolderListener, type ReplyStream } from './transport';

/** Options of the embedded cachelet; each defaults from the same `FAAST_*` variables as `faast daemon`. */
export interface EmbeddedOptions {
  /** The application (one cache per app). Default `$FAAST_APP` or `default`. */
  app?: string;
  /** Memory for cached objects: bytes or a size like `128MiB`. Default `$FAAST_CAPACITY` or 256 MiB. */
  capacity?: number | string;
  /** Serve the peer protocol on `host:port` so other instances can read from this one. Default `$FAAST_PEER_LISTEN`; none: a solo cache. */
  peerListen?: string;
  /** The address peers use (and the member id). Default `$FAAST_ADVERTISE` or the bound peer address. */
  advertise?: string;
  /** The app's members: `static:HOST:PORT,...` or `redis://HOST:PORT`. Default `$FAAST_MEMBERS`. */
  members?: string;
  /** `owner` (default), `ttl:<ms>` or `strict`. Default `$FAAST_CONSISTENCY`. */
  consistency?: string;
}

export class EmbeddedTransport implements CacheTransport {
  private cachelet: Cachelet | undefined;
  private server: PeerServer | undefined;
  private readonly ready: Promise<boolean>;

  constructor(
    client: S3Client,
    options: EmbeddedOptions,
    private readonly onFailure: (reason: string) => void,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    // Created now, before the client's first send(): its header capture is a client middleware.
    const origin = new S3Origin({ endpoint: 'embedded' }, client);
    this.ready = this.start(origin, options, env).then(
      () => true,
      (err: Error) => {
        this.onFailure(`embedded cachelet did not start: ${err.message}`);
        return false;
      },
    );
  }

  private async start(origin: S3Origin, o: EmbeddedOptions, env: NodeJS.ProcessEnv): Promise<void> {
    const app = o.app ?? env['FAAST_APP'] ?? 'default';
    const capacityRaw = o.capacity ?? env['FAAST_CAPACITY'];
    const capacityBytes = capacityRaw === undefined ? undefined : parseBytes(capacityRaw, 'embedded.capacity');
    const consistency = o.consistency ?? env['FAAST_CONSISTENCY'];
    const members = o.members ?? env['FAAST_MEMBERS'];
    const peerListen = o.peerListen ?? env['FAAST_PEER_LISTEN'];
    let peerAddress: string | undefined;
    if (peerListen) {
      this.server = await startPeerServer(peerListen, () => this.cachelet, 'embedded.peerListen');
      peerAddress = o.advertise ?? env['FAAST_ADVERTISE'] ?? this.server.address;
    }
    const membership = members && peerAddress ? membershipFrom(members, { app, capacityBytes: capacityBytes ?? 256 * 2 ** 20, option: 'embedded.members' }) : undefined;
    // The origin reads through the application's own client (its credentials, region and endpoint), marked to bypass the cache.
    const cachelet = new Cachelet({
      app,
      origin,
      ...(capacityBytes !== undefined ? { capacityBytes } : {}),
      ...(consistency ? { consistency: parseConsistency(consistency, 'embedded.consistency') } : {}),
      ...(peerAddress ? { self: { id: peerAddress, address: peerAddress, capacityBytes: capacityBytes ?? 256 * 2 ** 20 } } : {}),
      ...(membership ? { membership, peers: new GrpcPeerConnector() } : {}),
    });
    await cachelet.start();
    this.cachelet = cachelet;
  }

  /** The engine, once started (for stats and tests). */
  get engine(): Cachelet | undefined {
    return this.cachelet;
  }

  usable(): Promise<boolean> {
    return this.ready;
  }

  async startGet(req: GetRequest): Promise<GetStart> {
    const result = await this.call(() => this.cachelet!.get({ ref: refOf(req.ref), range: req.range, conditions: fromWireConditions(req.conditions as Conditions__Output | undefined) }));
    // In process, the engine tells the near cache of a change synchronously, and the near cache
    // voids reads in flight itself: a reply may be held unless it was streamed from the origin
    // without being stored (no owner recorded a holder for it), nor under ttl/strict consistency
    // (they revalidate with the origin, which a copy in the app would skip).
    const holdable = result.source !== 'pass-through' && this.cachelet!.config.consistency.mode === 'owner';
    const header = { ...headerOf(result), held: !!req.hold && holdable };
    if (!('body' in result)) return { header, first: Buffer.alloc(0), call: replyStream(emptyBody()) };
    const first = await result.body.next();
    return { header, first: first.done ? Buffer.alloc(0) : first.value, call: replyStream(result.body) };
  }

  async head(req: HeadRequest): Promise<HeadReply__Output> {
    const r = await this.call(() => this.cachelet!.head(refOf(req.ref), fromWireConditions(req.conditions as Conditions__Output | undefined)));
    return { status: STATUS[r.status], source: SOURCE[r.source], meta: r.status === 'not-found' ? null : (toWireMeta(r.meta) as ObjectMeta__Output) };
  }

  async notifyWrite(ref: ObjectRef, etag: string): Promise<void> {
    if (await this.ready) await this.cachelet!.notifyWrite({ bucket: ref.bucket!, key: ref.key! }, etag).catch(() => undefined);
  }

  async invalidate(refs: ObjectRef[]): Promise<void> {
    if (await this.ready) await this.cachelet!.invalidate(refs.map((r) => ({ bucket: r.bucket!, key: r.key! }))).catch(() => undefined);
  }

  /** The engine's change events, straight to the near cache (ring changes empty it). */
  watch(listener: HolderListener): void {
    listener.lost('the embedded cachelet is starting');
    void this.ready.then((started) => {
      if (!started) return;
      this.cachelet!.onChange(async (change) => {
        if ('all' in change) {
          listener.lost('the ring changed');
          listener.restored();
        } else listener.invalidated(change.refs);
      });
      listener.restored();
    });
  }

  failed(): void {
    // In process there is no transport to fail; a broken body already fell back to storage.
  }

  async close(): Promise<void> {
    await this.ready;
    await this.cachelet?.stop();
    await this.server?.close();
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    if (!(await this.ready)) throw new Bypass('fault', 'embedded cachelet not running');
    try {
      return await fn();
    } catch (err) {
      const refused = err instanceof CacheError && err.code !== 'UNAVAILABLE';
      throw new Bypass(refused ? 'refused' : 'fault', (err as Error).message);
    }
  }
}

function refOf(ref: ObjectRef | null | undefined): { bucket: string; key: string } {
  return { bucket: ref?.bucket ?? '', key: ref?.key ?? '' };
}

function headerOf(r: ReadResult): GetHeader__Output {
  return {
    status: STATUS[r.status],
    source: SOURCE[r.source],
    meta: r.status === 'not-found' ? null : (toWireMeta(r.meta) as ObjectMeta__Output),
    contentLength: 'body' in r ? r.contentLength : 0,
    ...('range' in r && r.range ? { rangeStart: r.range.start, rangeEnd: r.range.end } : {}),
    bulkToken: Buffer.alloc(0),
    held: false,
  };
}

async function* emptyBody(): AsyncGenerator<Buffer> {}

/** The rest of a body as reply messages (`{ data }`), paused until the interceptor reads; the engine's errors by their code. */
function replyStream(body: AsyncGenerator<Buffer>): ReplyStream {
  const stream = Readable.from(
    (async function* () {
      try {
        for await (const data of body) yield { data };
      } catch (err) {
        if (err instanceof CacheError && err.code === 'CHANGED') throw new ReplyError('ABORTED', 'CHANGED_AT_ORIGIN', err.message);
        throw err;
      }
    })(),
    { objectMode: true },
  );
  stream.pause();
  return Object.assign(stream, {
    cancel: () => {
      stream.destroy();
      void body.return(undefined);
    },
  });
}
