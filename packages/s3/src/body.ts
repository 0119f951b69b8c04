/**
 * The body of a cached reply as a Node Readable (the SDK wraps it into its own stream type).
 *
 * It pulls messages from the cachelet's reply with back-pressure. If the stream breaks
 * before the announced length (the cachelet died mid-reply), the rest is read from storage —
 * same version (If-Match), from the first missing byte — so a read never fails because of the
 * cache.
 */
import { Readable } from 'node:stream';
import type { GetReply__Output } from '@faast/rpc';
import { ReplyError, type ReplyStream } from './transport';

/** Reads bytes `[offset, end]` of the same version from storage. */
export type ResumeFromOrigin = (offset: number) => Promise<Readable>;

export class CacheBody extends Readable {
  private delivered = 0;
  private ended = false;
  private upstream: ReplyStream | Readable;
  private recovering = false;

  constructor(
    call: ReplyStream,
    first: Buffer,
    /** Body bytes announced by the header. */
    private readonly expected: number,
    private readonly resumeFromOrigin: ResumeFromOrigin,
    private readonly onFault: (reason: string) => void,
  ) {
    super();
    this.upstream = call;
    // Events of the call after a switch to storage (e.g. its CANCELLED status) are ignored.
    call.on('data', (msg: GetReply__Output) => this.upstream === call && this.accept(msg.data));
    call.on('end', () => this.upstream === call && this.upstreamEnded());
    call.on('error', (err: Error) => {
      if (this.upstream !== call || this.destroyed || this.ended) return;
      // The object changed at the origin during the read: the rest cannot be read as the same version.
      if (err instanceof ReplyError && err.reason === 'CHANGED_AT_ORIGIN') this.destroy(new Error(err.message));
      else void this.recover(err.message);
    });
    this.accept(first);
  }

  override _read(): void {
    this.upstream.resume();
  }

  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    if (this.ended) {
      callback(err);
      return;
    }
    const up = this.upstream as { cancel?: () => void; destroy?: () => void };
    if (up.cancel) up.cancel();
    else up.destroy?.();
    callback(err);
  }

  private accept(chunk: Buffer): void {
    if (this.ended) return;
    this.delivered += chunk.length;
    if (this.delivered > this.expected) {
      this.destroy(new Error(`cache reply longer than the ${this.expected} bytes announced`));
      return;
    }
    if (chunk.length > 0 && !this.push(chunk)) this.upstream.pause();
    // All announced bytes are here: end now rather than a frame later with the call's status.
    if (this.delivered === this.expected) this.finish();
  }

  private finish(): void {
    this.ended = true;
    this.push(null);
    this.upstream.resume();
  }

  private upstreamEnded(): void {
    // A body the application abandoned (destroyed) ends its call: that is no cache fault.
    if (this.ended || this.destroyed) return;
    if (this.recovering) {
      this.destroy(new Error(`storage ended the body after ${this.delivered} of ${this.expected} bytes`));
      return;
    }
    void this.recover(`the cache reply ended after ${this.delivered} of ${this.expected} bytes`);
  }

  private async recover(reason: string): Promise<void> {
    if (this.recovering) {
      this.destroy(new Error(reason));
      return;
    }
    this.recovering = true;
    this.onFault(reason);
    const call = this.upstream as { cancel?: () => void };
    this.upstream = new Readable({ read() {} }); // detached: nothing arrives until storage answers
    call.cancel?.();
    try {
      const rest = await this.resumeFromOrigin(this.delivered);
      if (this.destroyed) {
        rest.destroy();
        return;
      }
      this.upstream = rest;
      rest.on('data', (chunk: Buffer) => this.accept(chunk));
      rest.on('end', () => this.upstreamEnded());
      rest.on('error', (err) => this.destroy(err));
    } catch (err) {
      this.destroy(err as Error);
    }
  }
}
