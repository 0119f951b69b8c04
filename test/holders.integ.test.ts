/**
 * Near-cache holders on a real faastd: a read asked with `hold` registers its connection as
 * a holder; a write is acknowledged only after every holder acked its invalidation or was cut
 * off; a read whose key changed while it was in flight is not held; the registry of one
 * connection is bounded; the interceptor's connection passes invalidations to its listener
 * and tells it when the channel is lost and restored.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { CacheletConnection, resolveFaastS3Config, type HolderListener } from '@faast/s3';
import type { ObjectRef } from '@faast/rpc';
import { RawAppClient } from './support/app-client';
import { startStack, type Stack } from './support/harness';

jest.setTimeout(60_000);

const HOLDER_TIMEOUT_MS = 300;
let stack: Stack;

beforeAll(async () => {
  // Origin reads take 400 ms: long enough to change a key while its first read is in flight.
  stack = await startStack({
    profile: { firstByteLatencyMs: 400, bandwidthBytesPerSec: 0 },
    daemonArgs: ['--holder-keys', '3', '--holder-timeout', String(HOLDER_TIMEOUT_MS)],
  });
  for (const key of ['a', 'b', 'c', 'k1', 'k2', 'k3', 'k4', 'w']) {
    await stack.plain.send(new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: `body of ${key}` }));
  }
});

afterAll(async () => {
  await stack?.close();
});

const ref = (key: string): ObjectRef => ({ bucket: stack.bucket, key });

describe('holders', () => {
  it('a read with hold is held; one without is not', async () => {
    const app = await RawAppClient.connect(stack.socket);
    try {
      expect((await app.get({ ref: ref('a') })).header!.held).toBe(false);
      const held = await app.get({ ref: ref('a'), hold: true });
      expect(held.header).toMatchObject({ held: true, source: 'HIT' });
      expect(held.body.toString()).toBe('body of a');
    } finally {
      app.close();
    }
  });

  it('a write is acknowledged only after the holder acked its invalidation', async () => {
    const holder = await RawAppClient.connect(stack.socket);
    const writer = await RawAppClient.connect(stack.socket);
    try {
      expect((await holder.get({ ref: ref('a'), hold: true })).header!.held).toBe(true);
      const write = writer.send({ notifyWrite: { ref: ref('a'), etag: '"new-a"' } });
      const invalidation = await holder.next((f) => f.body === 'invalidation');
      expect(invalidation.id).toBe(0);
      expect(invalidation.invalidation!.refs!.map((r) => r.key)).toEqual(['a']);
      // A round trip on the writer's connection (a request refused at once, well within the
      // holder timeout): had the write been acknowledged, its reply would have come first.
      const probe = writer.send({ get: {} });
      await writer.reply(probe);
      let acknowledged = false;
      const reply = writer.reply(write).then((f) => {
        acknowledged = true;
        return f;
      });
      await new Promise<void>((resolve) => setImmediate(resolve));
      expect(acknowledged).toBe(false);
      holder.sendFrame({ id: 0, holderAck: { seq: invalidation.invalidation!.seq } });
      expect((await reply).body).toBe('notifyWriteReply');
      // The holder is registered no more: a second write tells nobody.
      const again = writer.send({ notifyWrite: { ref: ref('a'), etag: '"newer-a"' } });
      expect((await writer.reply(again)).body).toBe('notifyWriteReply');
    } finally {
      holder.close();
      writer.close();
    }
  });

  it('a holder that does not ack within --holder-timeout is cut off, and the write goes on', async () => {
    const silent = await RawAppClient.connect(stack.socket);
    const writer = await RawAppClient.connect(stack.socket);
    try {
      expect((await silent.get({ ref: ref('b'), hold: true })).header!.held).toBe(true);
      const started = Date.now();
      const write = writer.send({ invalidate: { refs: [ref('b')] } });
      await silent.next((f) => f.body === 'invalidation');
      expect((await writer.reply(write)).body).toBe('invalidateReply');
      expect(Date.now() - started).toBeGreaterThanOrEqual(HOLDER_TIMEOUT_MS - 20);
      await silent.closed;
    } finally {
      silent.close();
      writer.close();
    }
  });

  it('a read whose key changed while it was in flight is not held', async () => {
    const holder = await RawAppClient.connect(stack.socket);
    const writer = await RawAppClient.connect(stack.socket);
    try {
      // 'c' is not cached: the read goes to the origin (400 ms); the cachelet acks it meanwhile.
      const id = holder.send({ get: { ref: ref('c'), hold: true } });
      await holder.next((f) => f.id === id && f.body === 'ack');
      const write = writer.send({ notifyWrite: { ref: ref('c'), etag: '"new-c"' } });
      expect((await writer.reply(write)).body).toBe('notifyWriteReply');
      const reply = await holder.reply(id);
      expect(reply.getReply!.header!.held).toBe(false);
      // Nothing is held for it: no invalidation comes for a later write.
      const probe = writer.send({ notifyWrite: { ref: ref('c'), etag: '"newer-c"' } });
      expect((await writer.reply(probe)).body).toBe('notifyWriteReply');
    } finally {
      holder.close();
      writer.close();
    }
  });

  it('a connection holds at most --holder-keys keys: one more invalidates the oldest', async () => {
    const holder = await RawAppClient.connect(stack.socket);
    try {
      for (const key of ['k1', 'k2', 'k3']) expect((await holder.get({ ref: ref(key), hold: true })).header!.held).toBe(true);
      const fourth = holder.get({ ref: ref('k4'), hold: true });
      const evicted = await holder.next((f) => f.body === 'invalidation');
      expect(evicted.invalidation!.refs!.map((r) => r.key)).toEqual(['k1']);
      holder.sendFrame({ id: 0, holderAck: { seq: evicted.invalidation!.seq } });
      expect((await fourth).header!.held).toBe(true);
    } finally {
      holder.close();
    }
  });
});

describe("the interceptor's connection as a holder", () => {
  it('passes invalidations to its listener and acks them; loses and restores the channel with the cachelet', async () => {
    const events: string[] = [];
    const waiters: Array<[string, () => void]> = [];
    const record = (event: string): void => {
      events.push(event);
      for (const waiter of [...waiters]) {
        if (!event.startsWith(waiter[0])) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter[1]();
      }
    };
    const seen = (prefix: string): Promise<void> =>
      events.some((e) => e.startsWith(prefix)) ? Promise.resolve() : new Promise((resolve) => waiters.push([prefix, resolve]));
    const listener: HolderListener = {
      invalidated: (refs) => record(`invalidated ${refs.map((r) => r.key).join(',')}`),
      lost: (reason) => record(`lost ${reason}`),
      restored: () => record('restored'),
    };
    const conn = new CacheletConnection(stack.socket, resolveFaastS3Config({ socket: stack.socket, onEvent: () => undefined }, {}));
    const writer = await RawAppClient.connect(stack.socket);
    try {
      conn.watch(listener);
      await seen('restored');
      const { header, call } = await conn.startGet({ ref: ref('w'), hold: true });
      call.resume();
      expect(header.held).toBe(true);
      const write = writer.send({ notifyWrite: { ref: ref('w'), etag: '"new-w"' } });
      // Acked by the connection on its own: the write is acknowledged.
      expect((await writer.reply(write)).body).toBe('notifyWriteReply');
      expect(events).toContain('invalidated w');

      events.length = 0;
      await stack.cachelet.kill();
      await seen('lost');
      await stack.restart();
      await seen('restored');
      expect(events[0]).toMatch(/^lost /);
    } finally {
      writer.close();
      conn.close();
    }
  });
});
