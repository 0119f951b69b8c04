/**
 * faastd as a process: bad input gets a specific error code and reason on the app plane and
 * the daemon stays up — garbage closes only the connection it came on; the CLI refuses bad
 * flags with one line and exit code 2; health (gRPC on `<socket>.grpc`), metrics, socket
 * permissions and graceful shutdown.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { FAAST_BIN, fetchStats, spawnCachelet } from '@faast/cli';
import { createHealthClient } from '@faast/rpc';
import { Code, Reason, type AppFrameInit } from '@faast/rpc/app';
import { RawAppClient, headerOf } from './support/app-client';
import { daemonEnv, outcome, startStack, type Stack } from './support/harness';

jest.setTimeout(60_000);

let stack: Stack;
let client: RawAppClient;

beforeAll(async () => {
  stack = await startStack();
  await stack.plain.send(new PutObjectCommand({ Bucket: stack.bucket, Key: 'ok.txt', Body: 'fine' }));
  client = await RawAppClient.connect(stack.socket);
});

afterAll(async () => {
  client?.close();
  await stack?.close();
});

async function stillServing(): Promise<void> {
  const health = createHealthClient(`${stack.socket}.grpc`);
  const reply = await new Promise((resolve, reject) =>
    health.Check({ service: 'faast.v1.Cache' }, (err, r) => (err ? reject(err) : resolve(r?.status))),
  );
  health.close();
  expect(reply).toBe('SERVING');
  const fresh = await RawAppClient.connect(stack.socket);
  const ok = await fresh.get({ ref: { bucket: stack.bucket, key: 'ok.txt' } });
  fresh.close();
  expect(ok.error).toBeUndefined();
  expect(ok.body.toString()).toBe('fine');
}

describe('bad requests get a specific code and reason; the daemon stays up', () => {
  it.each([
    ['a key over 1024 bytes', { get: { ref: { bucket: 'faast-test', key: 'k'.repeat(1025) } } }, Code.INVALID_ARGUMENT, Reason.BAD_KEY, /key is 1025 bytes, over the limit of 1024/],
    ['an empty key', { get: { ref: { bucket: 'faast-test', key: '' } } }, Code.INVALID_ARGUMENT, Reason.BAD_KEY, /key is empty/],
    ['no ref', { get: {} }, Code.INVALID_ARGUMENT, Reason.BAD_REQUEST, /ref is required/],
    ['a malformed range', { get: { ref: { bucket: 'faast-test', key: 'ok.txt' }, range: 'bytes=abc' } }, Code.INVALID_ARGUMENT, Reason.BAD_RANGE, /range: 'bytes=abc' is not a single byte range/],
    ['a backwards range', { get: { ref: { bucket: 'faast-test', key: 'ok.txt' }, range: 'bytes=9-2' } }, Code.INVALID_ARGUMENT, Reason.BAD_RANGE, /ends before it starts/],
    ['a bucket it does not serve', { get: { ref: { bucket: 'other-bucket', key: 'x' } } }, Code.FAILED_PRECONDITION, Reason.NOT_SERVED_BUCKET, /bucket 'other-bucket' is not served/],
    ['a head of a bucket it does not serve', { head: { ref: { bucket: 'other-bucket', key: 'x' } } }, Code.FAILED_PRECONDITION, Reason.NOT_SERVED_BUCKET, /not served/],
    ['a write notice without an etag', { notifyWrite: { ref: { bucket: 'faast-test', key: 'x' } } }, Code.INVALID_ARGUMENT, Reason.BAD_REQUEST, /etag is required/],
    ['a request frame with no body', {}, Code.UNIMPLEMENTED, Reason.UNKNOWN_REQUEST, /no request/],
    ['a reply frame sent as a request', { headReply: {} }, Code.UNIMPLEMENTED, Reason.UNKNOWN_REQUEST, /no request 'headReply'/],
  ])('%s', async (_name, frame, code, reason, message) => {
    const id = client.send(frame as Omit<AppFrameInit, 'id'>);
    const reply = await client.reply(id);
    expect(reply.body).toBe('error');
    expect(reply.error).toMatchObject({ code, reason });
    expect(reply.error!.message).toMatch(message);
    await stillServing();
  });

  it('a request with id 0 is refused with id 0', async () => {
    client.sendFrame({ id: 0, get: { ref: { bucket: 'faast-test', key: 'ok.txt' } } });
    const zero = await client.next((f) => f.id === 0 && f.body === 'error');
    expect(zero.error).toMatchObject({ code: Code.INVALID_ARGUMENT, reason: Reason.BAD_REQUEST });
    await stillServing();
  });

  it.each([
    ['bytes that do not decode', Buffer.from([0, 0, 0, 6, 0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]), Code.INVALID_ARGUMENT, Reason.MALFORMED_FRAME],
    ['a frame over the size limit', Buffer.from([0x7f, 0xff, 0xff, 0xff]), Code.RESOURCE_EXHAUSTED, Reason.FRAME_TOO_LARGE],
  ])('%s: an error with id 0, that connection closed, the others served', async (_name, bytes, code, reason) => {
    const bad = await RawAppClient.connect(stack.socket);
    bad.socket.write(bytes);
    const error = await bad.next((f) => f.body === 'error');
    expect(error.id).toBe(0);
    expect(error.error).toMatchObject({ code, reason });
    await bad.closed;
    // The long-lived connection of this suite was not touched.
    const ok = await client.get({ ref: { bucket: stack.bucket, key: 'ok.txt' } });
    expect(ok.body.toString()).toBe('fine');
    await stillServing();
  });

  it('gRPC garbage on the gRPC socket does not bring it down either', async () => {
    const sock = net.connect(`${stack.socket}.grpc`);
    await new Promise<void>((resolve) => sock.once('connect', () => resolve()));
    sock.write(Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\x00\x00\x04\xff\xff\xff\xff\xff'));
    sock.on('error', () => undefined);
    sock.destroy();
    await stillServing();
  });

  it('through the SDK, a key over 1024 bytes gets the same answer as from S3', async () => {
    const Key = 'é'.repeat(600); // 1200 bytes of UTF-8
    const expected = await outcome(stack.plain.send(new GetObjectCommand({ Bucket: stack.bucket, Key })));
    const got = await outcome(stack.wrapped.send(new GetObjectCommand({ Bucket: stack.bucket, Key })));
    expect(got).toEqual(expected);
    expect((await stack.stats()).badRequests).toBeGreaterThan(0);
  });
});

describe('faast daemon flags', () => {
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [FAAST_BIN, 'daemon', '--app', 'x', '--origin', 's3://some-bucket', ...args], {
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, ...daemonEnv(stack.emulator) },
    });
    return { code: r.status, stderr: r.stderr.trim() };
  };

  it.each([
    [['--socket', '/nonexistent-dir/x.sock'], /^faast: --socket: cannot create '\/nonexistent-dir\/x.sock': directory '\/nonexistent-dir' does not exist$/],
    [['--capacity', 'abc'], /^faast: --capacity: 'abc' is not a size/],
    [['--capacity', '0'], /^faast: --capacity: must be greater than 0/],
    [['--max-object', '2GiB', '--capacity', '1GiB'], /^faast: --max-object: .* exceeds capacityBytes/],
    [['--metrics-port', '99999'], /^faast: --metrics-port: '99999' is not a port number/],
    [['--endpoint', 'not a url'], /^faast: --endpoint: 'not a url' is not a URL/],
    [['--log-level', 'loud'], /^faast: --log-level: 'loud' must be one of/],
    [['--no-such-flag'], /^faast: unknown option '--no-such-flag'$/],
  ])('%j → one line, exit 2', (args, message) => {
    const { code, stderr } = run(...args);
    expect(code).toBe(2);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('an origin that is not s3://', () => {
    const r = spawnSync(process.execPath, [FAAST_BIN, 'daemon', '--app', 'x', '--origin', 'gs://b'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^faast: --origin: 'gs:\/\/b' is not an origin URL/);
  });

  it('another daemon on the same socket is refused', () => {
    const { code, stderr } = run('--socket', stack.socket);
    expect(code).toBe(2);
    expect(stderr).toMatch(/another process is listening on/);
  });
});

describe('the bulk socket (large bodies as raw bytes beside the app connection)', () => {
  const big = Buffer.alloc(2 * 2 ** 20 + 17);
  for (let i = 0; i < big.length; i++) big[i] = (i * 31 + 7) & 0xff;

  beforeAll(async () => {
    await stack.plain.send(new PutObjectCommand({ Bucket: stack.bucket, Key: 'bulk/big.bin', Body: big }));
    await stack.plain.send(new PutObjectCommand({ Bucket: stack.bucket, Key: 'bulk/small.bin', Body: big.subarray(0, 1000) }));
  });

  function readBulk(token: Buffer, sendAfterToken?: Buffer): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const parts: Buffer[] = [];
      const sock = net.connect(`${stack.socket}.bulk`);
      sock.write(sendAfterToken ? Buffer.concat([token, sendAfterToken]) : token);
      sock.on('data', (d: Buffer) => parts.push(d));
      sock.on('close', () => resolve(Buffer.concat(parts)));
      sock.on('error', reject);
    });
  }

  it('is a socket of mode 0600 beside the app socket', () => {
    const st = fs.statSync(`${stack.socket}.bulk`);
    expect(st.isSocket()).toBe(true);
    expect(st.mode & 0o777).toBe(0o600);
  });

  it('a body of 1 MiB or more asked with bulk: a header with a 16-byte token, the bytes on the bulk socket, then get_done', async () => {
    // A first offer that is never taken fails after the connect timeout with UNAVAILABLE / BULK_NOT_TAKEN.
    const untaken = client.send({ get: { ref: { bucket: stack.bucket, key: 'bulk/big.bin' }, bulk: true } });
    const id = client.send({ get: { ref: { bucket: stack.bucket, key: 'bulk/big.bin' }, bulk: true } });
    const first = await client.reply(id);
    const header = headerOf(first);
    expect(header.bulkToken.length).toBe(16);
    expect(first.getReply!.data?.length ?? 0).toBe(0);
    expect(header.contentLength).toBe(big.length);
    expect((await readBulk(header.bulkToken)).equals(big)).toBe(true);
    expect((await client.reply(id)).body).toBe('getDone');
    expect((await client.reply(untaken)).body).toBe('getReply');
    const failed = await client.reply(untaken);
    expect(failed.error).toMatchObject({ code: Code.UNAVAILABLE, reason: Reason.BULK_NOT_TAKEN });
    expect(failed.error!.message).toMatch(/did not connect to the bulk socket/);
  }, 20_000);

  it('without the flag, or for a small body, the bytes stay on the app connection', async () => {
    const plain = await client.get({ ref: { bucket: stack.bucket, key: 'bulk/big.bin' } });
    expect(plain.error).toBeUndefined();
    expect(plain.header!.bulkToken.length).toBe(0);
    expect(plain.body.equals(big)).toBe(true);
    const small = await client.get({ ref: { bucket: stack.bucket, key: 'bulk/small.bin' }, bulk: true });
    expect(small.header!.bulkToken.length).toBe(0);
    expect(small.body.equals(big.subarray(0, 1000))).toBe(true);
  });

  it('an unknown token, or bytes after the token, get the connection closed with nothing sent', async () => {
    expect((await readBulk(Buffer.alloc(16, 1))).length).toBe(0);
    const id = client.send({ get: { ref: { bucket: stack.bucket, key: 'bulk/big.bin' }, bulk: true } });
    const token = headerOf(await client.reply(id)).bulkToken;
    expect((await readBulk(token, Buffer.from('x'))).length).toBe(0);
    client.sendFrame({ id, cancel: {} });
  });
});

describe('the daemon process', () => {
  it('socket mode 0600, TCP listener, metrics, health over HTTP, graceful SIGTERM removes the socket', async () => {
    const port = await freePort();
    const tcpPort = await freePort();
    const socket = path.join(stack.dir, 'second.sock');
    const second = await spawnCachelet({
      args: ['--app', 'metrics', '--origin', `s3://${stack.bucket}`, '--endpoint', stack.emulator.endpoint, '--socket', socket,
        '--checksums', 'when-required', '--metrics-port', String(port), '--listen', `127.0.0.1:${tcpPort}`, '--log-level', 'warn'],
      env: daemonEnv(stack.emulator),
    });
    try {
      expect(fs.statSync(socket).mode & 0o777).toBe(0o600);
      expect(fs.statSync(`${socket}.bulk`).mode & 0o777).toBe(0o600);
      expect(fs.statSync(`${socket}.grpc`).mode & 0o777).toBe(0o600);
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toMatch(/^faast_cache_hits_total\{app="metrics"\} 0$/m);
      expect(metrics).toMatch(/^faast_cache_capacity_bytes\{app="metrics"\} 268435456$/m);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      // The app protocol over TCP (--listen); bodies stay on the connection even when bulk is asked.
      const tcp = await RawAppClient.connect(`127.0.0.1:${tcpPort}`);
      const got = await tcp.get({ ref: { bucket: stack.bucket, key: 'bulk/big.bin' }, bulk: true });
      tcp.close();
      expect(got.header!.bulkToken.length).toBe(0);
      expect(got.body.length).toBe(2 * 2 ** 20 + 17);
      // faast stats takes the app socket and asks the gRPC socket beside it.
      expect(await fetchStats(socket)).toMatchObject({ app: 'metrics', misses: 1 });
    } finally {
      expect(await second.stop()).toBe(0);
    }
    expect(fs.existsSync(socket)).toBe(false);
    expect(fs.existsSync(`${socket}.bulk`)).toBe(false);
    expect(fs.existsSync(`${socket}.grpc`)).toBe(false);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}
