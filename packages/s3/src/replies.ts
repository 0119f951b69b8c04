/**
 * The body of a Get reply after its header, as a {@link ReplyStream}: body frames from the
 * app connection ({@link FrameReply}), or raw bytes from the bulk socket with the outcome
 * from the app connection ({@link BulkReply}).
 */
import { EventEmitter } from 'node:events';
import * as net from 'node:net';
import type { ReplyStream } from './transport';

type Item = { data: Buffer } | 'end' | Error;

/**
 * Body pieces as they arrive on the shared connection, delivered while resumed. The
 * connection is never paused for one reply (others share it): pieces wait here instead.
 */
export class FrameReply extends EventEmitter implements ReplyStream {
  private readonly queue: Item[] = [];
  private paused = true;
  private flushing = false;
  private over = false;

  constructor(private readonly onCancel: () => void) {
    super();
  }

  /** Queues body bytes. */
  data(data: Buffer): void {
    if (!this.over) this.enqueue({ data });
  }

  /** The reply is complete. */
  end(): void {
    if (this.over) return;
    this.over = true;
    this.enqueue('end');
  }

  /** The reply failed. */
  fail(err: Error): void {
    if (this.over) return;
    this.over = true;
    this.enqueue(err);
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.flush();
  }

  cancel(): void {
    if (!this.over) this.onCancel();
    this.over = true;
    this.queue.length = 0;
  }

  private enqueue(item: Item): void {
    this.queue.push(item);
    this.flush();
  }

  private flush(): void {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (!this.paused && this.queue.length > 0) {
        const item = this.queue.shift()!;
        if (item === 'end') this.emit('end');
        else if (item instanceof Error) this.emit('error', item);
        else this.emit('data', item);
      }
    } finally {
      this.flushing = false;
    }
  }
}

/**
 * A body sent over the cachelet's bulk socket, as reply messages (`{ data }`): the bytes come
 * from the bulk connection, the read's outcome from the app connection (get_done or an
 * error). A transfer that fails closes the bulk connection early and the outcome is the
 * error, passed on as the reply's error (so a version change is told apart from a fault).
 */
export class BulkReply extends EventEmitter implements ReplyStream {
  private readonly socket: net.Socket;
  private socketEnded = false;
  private outcomeEnded = false;
  private failed = false;

  constructor(
    path: string,
    token: Buffer,
    private readonly outcome: FrameReply,
  ) {
    super();
    this.socket = net.connect(path);
    this.socket.write(token);
    this.socket.pause();
    this.socket.on('data', (data: Buffer) => this.emit('data', { data }));
    this.socket.on('end', () => {
      this.socketEnded = true;
      this.maybeEnd();
    });
    this.socket.on('error', (err) => this.fail(err));
    outcome.on('end', () => {
      this.outcomeEnded = true;
      this.maybeEnd();
    });
    outcome.on('error', (err: Error) => this.fail(err));
    outcome.resume();
  }

  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  cancel(): void {
    this.socket.destroy();
    this.outcome.cancel();
  }

  private maybeEnd(): void {
    if (this.socketEnded && this.outcomeEnded && !this.failed) this.emit('end');
  }

  private fail(err: Error): void {
    if (this.failed) return;
    this.failed = true;
    this.emit('error', err);
  }
}
