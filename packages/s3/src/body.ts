/**
 * The body of a cached reply as a Node Readable (the SDK wraps it into its own stream type).
 *
 * It pulls messages from the cachelet's gRPC stream with back-pressure. If the stream breaks
 * before the announced length (the cachelet died mid-reply), the rest is read from storage —
 * same version (If-Match), from the first missing byte — so a read never fails because of the
 * cache.
 */
import { Readable } from 'node:stream';
import type { ClientReadableStream, ServiceError } from '@grpc/grpc-js';
import type { GetReply__Output } from '@faast/rpc';

/** Reads bytes `[offset, end]` of the same version from storage. */
export type ResumeFromOrigin = (offset: number) => Promise<Readable>;

export class CacheBody extends Readable {
  private delivered = 0;
  private upstream: ClientReadableStream<GetReply__Output> | Readable;
  private recovering = false;

  constructor(
    call: ClientReadableStream<GetReply__Output>,
    first: Buffer,
    /** Body bytes announced by the header. */
    private readonly expected: number,
    private readonly resumeFromOrigin: ResumeFromOrigin,
    private readonly onFault: (reason: string) => void,
  ) {
    super();
    this.upstream = call;
    if (first.length > 0) {
      this.delivered += first.length;
      this.push(first);
    }
    call.on('data', (msg: GetReply__Output) => this.accept(msg.data));
    call.on('end', () => this.upstreamEnded());
    call.on('error', (err: ServiceError) => {
      if (!this.destroyed) void this.recover(`${err.code}: ${err.details}`);
    });
  }

  override _read(): void {
    this.upstream.resume();
  }

  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    const up = this.upstream as { cancel?: () => void; destroy?: () => void };
    if (up.cancel) up.cancel();
    else up.destroy?.();
    callback(err);
  }

  private accept(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.delivered += chunk.length;
    if (this.delivered > this.expected) {
      this.destroy(new Error(`cache reply longer than the ${this.expected} bytes announced`));
      return;
    }
    if (!this.push(chunk)) this.upstream.pause();
  }

  private upstreamEnded(): void {
    if (this.recovering) {
      if (this.delivered === this.expected) this.push(null);
      else this.destroy(new Error(`storage ended the body after ${this.delivered} of ${this.expected} bytes`));
      return;
    }
    if (this.delivered === this.expected) this.push(null);
    else void this.recover(`the cache reply ended after ${this.delivered} of ${this.expected} bytes`);
  }

  private async recover(reason: string): Promise<void> {
    if (this.delivered === this.expected) {
      this.push(null);
      return;
    }
    if (this.recovering) {
      this.destroy(new Error(reason));
      return;
    }
    this.recovering = true;
    this.onFault(reason);
    (this.upstream as { cancel?: () => void }).cancel?.();
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
