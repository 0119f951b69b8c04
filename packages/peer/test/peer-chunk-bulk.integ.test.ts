/**
 * Chunks from a peer: taken from the owner's bulk TCP port when it offers one; when that port
 * cannot be reached, the same chunk comes in the gRPC reply, and later chunks from that peer
 * are asked without bulk.
 */
import * as net from 'node:net';
import { Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { peerService, type ChunkReply, type ChunkRequest__Output } from '@faast/rpc';
import { BulkServer } from '../src/bulk';
import { GrpcPeerConnector } from '../src/peer-client';

const chunk = Buffer.alloc(2 * 2 ** 20 + 3);
for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 13 + 1) & 0xff;
const meta = { etag: '"v1"', size: chunk.length * 3, lastModifiedMs: 0, contentType: '', userMetadata: {}, headers: {} };
const ctx = { from: 'test', epoch: 'e' };

/** A Peer service answering PeerGetChunk only: over `bulkPort()` when asked for bulk, else in the reply. */
async function fakeOwner(bulkPort: () => number, bulk: BulkServer | undefined): Promise<{ address: string; asked: boolean[]; close(): void }> {
  const asked: boolean[] = [];
  const server = new Server();
  const unimplemented = (_call: unknown, cb: sendUnaryData<never>) => cb({ code: 12, details: 'not here' });
  server.addService(peerService().service, {
    PeerGet: (call: { end(): void }) => call.end(),
    Validate: unimplemented,
    PeerNotifyWrite: unimplemented,
    PeerInvalidate: unimplemented,
    PeerStats: unimplemented,
    PeerGetChunk: (call: ServerUnaryCall<ChunkRequest__Output, ChunkReply>, cb: sendUnaryData<ChunkReply>) => {
      asked.push(call.request.bulk);
      if (!call.request.bulk) return cb(null, { outcome: 'OK', data: chunk });
      const token = bulk ? bulk.offer(chunk).token : Buffer.alloc(16, 7);
      cb(null, { outcome: 'OK', bulkToken: token, bulkPort: bulkPort() });
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return { address: `127.0.0.1:${port}`, asked, close: () => server.forceShutdown() };
}

it('takes an offered chunk from the bulk port, byte-identical', async () => {
  const bulk = await BulkServer.listenTcp('127.0.0.1');
  const owner = await fakeOwner(() => bulk.port, bulk);
  const peer = new GrpcPeerConnector().connect({ id: owner.address, address: owner.address, capacityBytes: 1 });
  try {
    const got = await peer.getChunk({ bucket: 'b', key: 'k' }, meta, 0, chunk.length, ctx);
    expect(got.equals(chunk)).toBe(true);
    expect(owner.asked).toEqual([true]);
  } finally {
    peer.close();
    owner.close();
    await bulk.close();
  }
});

it('an unreachable bulk port: the chunk comes in the reply, and that peer is asked without bulk from then on', async () => {
  // A port that refuses connections.
  const closed = net.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
  const refusedPort = (closed.address() as net.AddressInfo).port;
  await new Promise<void>((r) => closed.close(() => r()));
  const owner = await fakeOwner(() => refusedPort, undefined);
  const peer = new GrpcPeerConnector().connect({ id: owner.address, address: owner.address, capacityBytes: 1 });
  try {
    expect((await peer.getChunk({ bucket: 'b', key: 'k' }, meta, 0, chunk.length, ctx)).equals(chunk)).toBe(true);
    expect((await peer.getChunk({ bucket: 'b', key: 'k' }, meta, 1, chunk.length, ctx)).equals(chunk)).toBe(true);
    expect(owner.asked).toEqual([true, false, false]);
  } finally {
    peer.close();
    owner.close();
  }
});
