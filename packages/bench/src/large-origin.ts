/**
 * The emulated origin of the large-object scenario, in a process of its own (forked by
 * large.ts): s3rver and the remote-profile proxy then use neither the reader's memory nor
 * its event loop, so that the reader's peak RSS and CPU are the reader's, as they would be
 * against a real S3.
 *
 * Protocol over the IPC channel: the child sends `{ op: 'ready', ... }` once listening, then
 * answers `{ op: 'counters' }` with `{ op: 'counters', counts }`; `{ op: 'close' }` (or the
 * parent going away) closes the emulator and exits.
 */
import { startS3Emulator, S3_STANDARD_PROFILE, type RequestCounts } from '@faast/emulator';
import type { S3ClientConfig } from '@aws-sdk/client-s3';

/** Messages from the parent. */
export type OriginRequest = { op: 'counters' } | { op: 'close' };

/** Messages to the parent. */
export type OriginMessage =
  | {
      op: 'ready';
      endpoint: string;
      directEndpoint: string;
      region: string;
      credentials: { accessKeyId: string; secretAccessKey: string };
      /** `clientConfig()` (through the profile) and `clientConfig({ direct: true })`: plain JSON. */
      clientConfig: S3ClientConfig;
      directClientConfig: S3ClientConfig;
    }
  | { op: 'counters'; counts: RequestCounts }
  | { op: 'error'; message: string };

async function main(): Promise<void> {
  const bucket = process.argv[2];
  if (!bucket || !process.send) throw new Error('usage: fork(large-origin.js, [BUCKET]) with an IPC channel');
  const send = (m: OriginMessage): void => void process.send?.(m);
  const emulator = await startS3Emulator({ profile: S3_STANDARD_PROFILE, buckets: [bucket] });
  let closing = false;
  const close = (): void => {
    if (closing) return;
    closing = true;
    void emulator.close().finally(() => process.exit(0));
  };
  process.on('disconnect', close);
  process.on('SIGTERM', close);
  process.on('SIGINT', () => undefined); // Ctrl-C reaches the whole group: the parent decides when this process ends.
  process.on('message', (m: OriginRequest) => {
    if (m.op === 'counters') send({ op: 'counters', counts: emulator.requests() });
    else if (m.op === 'close') close();
  });
  send({
    op: 'ready',
    endpoint: emulator.endpoint,
    directEndpoint: emulator.directEndpoint,
    region: emulator.region,
    credentials: emulator.credentials,
    clientConfig: emulator.clientConfig(),
    directClientConfig: emulator.clientConfig({ direct: true }),
  });
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.send?.({ op: 'error', message: (err as Error).stack ?? String(err) } satisfies OriginMessage);
    process.exit(1);
  });
}
