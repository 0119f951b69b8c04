/**
 * The bulk transfers: a chunk offered on a TCP port is taken whole and byte-identical, read
 * straight into one buffer; a transfer that breaks, an unknown token or a silent server are
 * errors, never a short chunk.
 */
import * as net from 'node:net';
import { BulkServer, takeBulk } from '../src/bulk';

const chunk = Buffer.alloc(3 * 2 ** 20 + 5);
for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 7 + 3) & 0xff;

let server: BulkServer;

beforeAll(async () => {
  server = await BulkServer.listenTcp('127.0.0.1');
});

afterAll(async () => {
  await server.close();
});

it('a chunk offered on the TCP port is taken whole, byte-identical, and the offer settles', async () => {
  const offer = server.offer(chunk);
  const got = await takeBulk('127.0.0.1', server.port, offer.token, chunk.length, 5000);
  expect(got.equals(chunk)).toBe(true);
  await expect(offer.done).resolves.toBeUndefined();
  // One use only.
  await expect(takeBulk('127.0.0.1', server.port, offer.token, chunk.length, 5000)).rejects.toThrow(/ended after 0 of/);
});

it('a chunk can be taken into a buffer of the caller; a buffer of another length is refused', async () => {
  const into = Buffer.alloc(chunk.length, 0xee);
  const offer = server.offer(chunk);
  const got = await takeBulk('127.0.0.1', server.port, offer.token, chunk.length, 5000, into);
  expect(got).toBe(into);
  expect(into.equals(chunk)).toBe(true);
  await offer.done;
  expect(() => takeBulk('127.0.0.1', server.port, offer.token, chunk.length, 5000, Buffer.alloc(10))).toThrow(/a buffer of 10 bytes/);
});

it('a body that fails mid-way is a short transfer: an error naming the bytes received, and the offer fails', async () => {
  async function* broken(): AsyncGenerator<Buffer> {
    yield chunk.subarray(0, 1000);
    throw new Error('origin went away');
  }
  const offer = server.offer(broken());
  offer.done.catch(() => undefined);
  await expect(takeBulk('127.0.0.1', server.port, offer.token, chunk.length, 5000)).rejects.toThrow(/ended after 1000 of 3145733 bytes/);
  await expect(offer.done).rejects.toThrow(/origin went away/);
});

it('more bytes than expected are refused', async () => {
  const offer = server.offer(chunk);
  offer.done.catch(() => undefined);
  await expect(takeBulk('127.0.0.1', server.port, offer.token, chunk.length - 1, 5000)).rejects.toThrow(/longer than the 3145732 bytes/);
});

it('an unknown token gets nothing; a server that never answers times out; a closed port is refused', async () => {
  await expect(takeBulk('127.0.0.1', server.port, Buffer.alloc(16, 9), 10, 5000)).rejects.toThrow(/ended after 0 of 10 bytes/);
  const conns = new Set<net.Socket>();
  const silent = net.createServer((c) => conns.add(c));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
  const port = (silent.address() as net.AddressInfo).port;
  await expect(takeBulk('127.0.0.1', port, Buffer.alloc(16), 10, 200)).rejects.toThrow(/took over 200 ms/);
  for (const c of conns) c.destroy();
  await new Promise<void>((r) => silent.close(() => r()));
  await expect(takeBulk('127.0.0.1', port, Buffer.alloc(16), 10, 2000)).rejects.toThrow(/ECONNREFUSED/);
});
