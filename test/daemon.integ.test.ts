/**
 * faastd as a process: bad input gets a clear gRPC status and the daemon stays up; the CLI
 * refuses bad flags with one line and exit code 2; health, metrics, socket permissions and
 * graceful shutdown.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { credentials, makeGenericClientConstructor, status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { FAAST_BIN, spawnCachelet } from '@faast/cli';
import { createCacheClient, createHealthClient, grpcTarget, type CacheClient, type GetReply__Output, type GetRequest } from '@faast/rpc';
import { daemonEnv, outcome, startStack, type Stack } from './support/harness';

jest.setTimeout(60_000);

let stack: Stack;
let client: CacheClient;

beforeAll(async () => {
  stack = await startStack();
  await stack.plain.send(new PutObjectCommand({ Bucket: stack.bucket, Key: 'ok.txt', Body: 'fine' }));
  client = createCacheClient(stack.socket);
});

afterAll(async () => {
  client?.close();
  await stack?.close();
});

function get(req: GetRequest): Promise<{ messages: GetReply__Output[]; error?: ServiceError }> {
  return new Promise((resolve) => {
    const messages: GetReply__Output[] = [];
    const call = client.Get(req);
    call.on('data', (m: GetReply__Output) => messages.push(m));
    call.on('error', (error: ServiceError) => resolve({ messages, error }));
    call.on('end', () => resolve({ messages }));
  });
}

async function stillServing(): Promise<void> {
  const health = createHealthClient(stack.socket);
  const reply = await new Promise((resolve, reject) =>
    health.Check({ service: 'faast.v1.Cache' }, (err, r) => (err ? reject(err) : resolve(r?.status))),
  );
  health.close();
  expect(reply).toBe('SERVING');
  const ok = await get({ ref: { bucket: stack.bucket, key: 'ok.txt' } });
  expect(ok.error).toBeUndefined();
  expect(Buffer.concat(ok.messages.map((m) => m.data)).toString()).toBe('fine');
}

describe('bad requests get a clear status; the daemon stays up', () => {
  it.each([
    ['a key over 1024 bytes', { ref: { bucket: 'faast-test', key: 'k'.repeat(1025) } }, GrpcStatus.INVALID_ARGUMENT, /key is 1025 bytes, over the limit of 1024/],
    ['an empty key', { ref: { bucket: 'faast-test', key: '' } }, GrpcStatus.INVALID_ARGUMENT, /key is empty/],
    ['no ref', {}, GrpcStatus.INVALID_ARGUMENT, /ref is required/],
    ['a malformed range', { ref: { bucket: 'faast-test', key: 'ok.txt' }, range: 'bytes=abc' }, GrpcStatus.INVALID_ARGUMENT, /range: 'bytes=abc' is not a single byte range/],
    ['a backwards range', { ref: { bucket: 'faast-test', key: 'ok.txt' }, range: 'bytes=9-2' }, GrpcStatus.INVALID_ARGUMENT, /ends before it starts/],
    ['a bucket it does not serve', { ref: { bucket: 'other-bucket', key: 'x' } }, GrpcStatus.FAILED_PRECONDITION, /bucket 'other-bucket' is not served/],
  ])('%s', async (_name, req, code, message) => {
    const { error } = await get(req as GetRequest);
    expect(error?.code).toBe(code);
    expect(error?.details).toMatch(message);
    await stillServing();
  });

  it('malformed protobuf bytes', async () => {
    const Raw = makeGenericClientConstructor(
      {
        Get: {
          path: '/faast.v1.Cache/Get',
          requestStream: false,
          responseStream: true,
          requestSerialize: (b: Buffer) => b,
          requestDeserialize: (b: Buffer) => b,
          responseSerialize: (b: Buffer) => b,
          responseDeserialize: (b: Buffer) => b,
        },
      },
      'Raw',
    );
    const raw = new Raw(grpcTarget(stack.socket), credentials.createInsecure());
    const error = await new Promise<ServiceError | undefined>((resolve) => {
      const call = (raw as unknown as { Get(b: Buffer): NodeJS.EventEmitter }).Get(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]));
      call.on('data', () => undefined);
      call.on('error', resolve);
      call.on('end', () => resolve(undefined));
    });
    raw.close();
    expect(error?.code).toBe(GrpcStatus.INTERNAL);
    expect(error?.details).toMatch(/deserializ/i);
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

describe('the bulk socket (large bodies as raw bytes beside the Get stream)', () => {
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

  it('is a socket of mode 0600 beside the gRPC one', () => {
    const st = fs.statSync(`${stack.socket}.bulk`);
    expect(st.isSocket()).toBe(true);
    expect(st.mode & 0o777).toBe(0o600);
  });

  it('a body of 1 MiB or more asked with bulk: a header with a 16-byte token, the bytes on the bulk socket, then OK', async () => {
    const pending = get({ ref: { bucket: stack.bucket, key: 'bulk/big.bin' }, bulk: true });
    // The reply's header arrives first; the stream ends only after the transfer.
    const header = await new Promise<GetReply__Output>((resolve) => {
      const call = client.Get({ ref: { bucket: stack.bucket, key: 'bulk/big.bin' }, bulk: true });
      call.on('data', (m: GetReply__Output) => {
        if (m.header) resolve(m);
      });
      call.on('error', () => undefined);
    });
    expect(header.header!.bulkToken.length).toBe(16);
    expect(header.data.length).toBe(0);
    expect(header.header!.contentLength).toBe(big.length);
    expect((await readBulk(header.header!.bulkToken)).equals(big)).toBe(true);
    // The first call's offer was never taken: its stream fails after the connect timeout with UNAVAILABLE.
    const first = await pending;
    expect(first.error?.code).toBe(GrpcStatus.UNAVAILABLE);
    expect(first.error?.details).toMatch(/did not connect to the bulk socket/);
  }, 20_000);

  it('without the flag, or for a small body, the bytes stay in the stream', async () => {
    const plain = await get({ ref: { bucket: stack.bucket, key: 'bulk/big.bin' } });
    expect(plain.error).toBeUndefined();
    expect(plain.messages[0]!.header!.bulkToken.length).toBe(0);
    expect(Buffer.concat(plain.messages.map((m) => m.data)).equals(big)).toBe(true);
    const small = await get({ ref: { bucket: stack.bucket, key: 'bulk/small.bin' }, bulk: true });
    expect(small.messages[0]!.header!.bulkToken.length).toBe(0);
    expect(Buffer.concat(small.messages.map((m) => m.data)).equals(big.subarray(0, 1000))).toBe(true);
  });

  it('an unknown token, or bytes after the token, get the connection closed with nothing sent', async () => {
    expect((await readBulk(Buffer.alloc(16, 1))).length).toBe(0);
    const call = client.Get({ ref: { bucket: stack.bucket, key: 'bulk/big.bin' }, bulk: true });
    call.on('error', () => undefined);
    const token = await new Promise<Buffer>((resolve) => call.on('data', (m: GetReply__Output) => m.header && resolve(m.header.bulkToken)));
    expect((await readBulk(token, Buffer.from('x'))).length).toBe(0);
    call.cancel();
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
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toMatch(/^faast_cache_hits_total\{app="metrics"\} 0$/m);
      expect(metrics).toMatch(/^faast_cache_capacity_bytes\{app="metrics"\} 268435456$/m);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      // The same service over TCP (--listen).
      const tcp = createCacheClient(`127.0.0.1:${tcpPort}`);
      const stats = await new Promise((resolve, reject) => tcp.Stats({}, (err, r) => (err ? reject(err) : resolve(r))));
      tcp.close();
      expect(stats).toMatchObject({ app: 'metrics', hits: 0 });
    } finally {
      expect(await second.stop()).toBe(0);
    }
    expect(fs.existsSync(socket)).toBe(false);
    expect(fs.existsSync(`${socket}.bulk`)).toBe(false);
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
