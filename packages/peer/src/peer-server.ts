/**
 * A peer listener on its own: the Peer service on TCP, for a cachelet embedded in an
 * application process (faastd binds the service on its own server instead).
 */
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { ConfigError, type Cachelet } from '@faast/core';
import { peerService, SERVER_OPTIONS } from '@faast/rpc';
import { BulkServer } from './bulk';
import { peerHandlers } from './peer-service';

export interface PeerServer {
  /** The bound `host:port` (the real port when 0 was asked). */
  readonly address: string;
  close(): Promise<void>;
}

/** Binds the Peer service on `listen` (`host:port`); `cachelet()` is read per request, so it may be set after binding. */
export async function startPeerServer(listen: string, cachelet: () => Cachelet | undefined, option = 'peerListen'): Promise<PeerServer> {
  const server = new Server(SERVER_OPTIONS);
  let draining = false;
  // eslint-disable-next-line prefer-const
  let peerBulk: BulkServer | undefined;
  server.addService(
    peerService().service,
    peerHandlers({
      get cachelet() {
        return cachelet()!;
      },
      get peerBulk() {
        return peerBulk;
      },
      draining: () => draining || !cachelet(),
    }),
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(listen, ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(new ConfigError(option, `cannot listen on '${listen}': ${err.message}`)) : resolve(p),
    ),
  );
  peerBulk = await BulkServer.listenTcp(listen.replace(/:\d+$/, '')).catch((err: Error) => {
    server.forceShutdown();
    throw new ConfigError(option, `cannot listen for chunk transfers on '${listen.replace(/:\d+$/, '')}': ${err.message}`);
  });
  const bulk = peerBulk;
  return {
    address: listen.replace(/:\d+$/, `:${port}`),
    close: () =>
      new Promise<void>((resolve) => {
        void bulk.close();
        draining = true;
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 2000);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
