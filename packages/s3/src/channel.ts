/**
 * One long-lived connection to the cachelet's app plane (proto/faast/v1/app.proto): frames
 * multiplexed by request id, connected lazily, reconnected with backoff.
 */
import * as net from 'node:net';
import type { CacheletAddress } from '@faast/core';
import { encodeFrame, FrameReader, MAX_REPLY_FRAME_BYTES, type AppFrame, type AppFrameInit } from '@faast/rpc/app';

/** Receives the frames of one request until it is released. */
export interface ReplyHandler {
  frame(frame: AppFrame): void;
  /** The connection closed before the reply was over. */
  closed(reason: string): void;
}

/** What the channel tells its owner. */
export interface ChannelEvents {
  /** A frame with id 0 (pushes: holder invalidations). */
  push(frame: AppFrame): void;
  /** The connection is up. */
  up(): void;
  /** The connection went down (closed, broke, or was cut off). */
  down(reason: string): void;
}

/** First reconnect delay, ms (then doubling). */
const BACKOFF_MIN_MS = 100;
/** Longest reconnect delay, ms. */
const BACKOFF_MAX_MS = 2000;
/** Request ids stay within 31 bits (a uint32 on the wire, never 0). */
const MAX_ID = 0x7fffffff;

export class AppChannel {
  private socket: net.Socket | undefined;
  private connected = false;
  private readonly handlers = new Map<number, ReplyHandler>();
  private nextId = 0;
  private backoffMs = BACKOFF_MIN_MS;
  /** No connection attempt before this time (after a failure). */
  private retryAt = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private closedForGood = false;
  /** Reconnect on its own after a failure (someone listens for pushes). */
  keepAlive = false;

  constructor(
    private readonly address: CacheletAddress,
    private readonly events: ChannelEvents,
  ) {}

  /** Whether the connection is established. */
  get isUp(): boolean {
    return this.connected;
  }

  /**
   * Sends a request and routes its reply frames to `handler` until {@link release}. Returns
   * the request id, or undefined when no connection can be had now (within a backoff).
   */
  request(frame: Omit<AppFrameInit, 'id'>, handler: ReplyHandler): number | undefined {
    const socket = this.open();
    if (!socket) return undefined;
    let id: number;
    do {
      this.nextId = this.nextId >= MAX_ID ? 1 : this.nextId + 1;
      id = this.nextId;
    } while (this.handlers.has(id));
    this.handlers.set(id, handler);
    // The connection keeps the process alive only while replies are awaited.
    if (this.handlers.size === 1) socket.ref();
    // Written while connecting too: the socket keeps it until connected.
    socket.write(encodeFrame({ ...frame, id }));
    return id;
  }

  /** Sends a frame that expects no reply (cancel, holder ack). */
  send(frame: AppFrameInit): void {
    if (this.socket && !this.socket.destroyed) this.socket.write(encodeFrame(frame));
  }

  /** Stops routing frames of `id` (its reply is over or abandoned). */
  release(id: number): void {
    if (this.handlers.delete(id) && this.handlers.size === 0) this.socket?.unref();
  }

  /** Connects now if no connection is up (for a listener waiting for pushes). */
  ensure(): void {
    this.open();
  }

  close(): void {
    this.closedForGood = true;
    clearTimeout(this.retryTimer);
    this.socket?.destroy();
  }

  private open(): net.Socket | undefined {
    if (this.socket) return this.socket;
    if (this.closedForGood || Date.now() < this.retryAt) return undefined;
    const socket = this.address.kind === 'unix' ? net.connect(this.address.path) : net.connect({ host: this.address.host.replace(/^\[(.*)\]$/, '$1'), port: this.address.port, noDelay: true });
    this.socket = socket;
    socket.unref();
    const reader = new FrameReader(MAX_REPLY_FRAME_BYTES);
    let reason = 'the cachelet closed the connection';
    socket.on('connect', () => {
      socket.setNoDelay?.(true);
      this.connected = true;
      this.backoffMs = BACKOFF_MIN_MS;
      this.events.up();
    });
    socket.on('data', (chunk: Buffer) => {
      let frames: AppFrame[];
      try {
        frames = reader.push(chunk);
      } catch (err) {
        reason = (err as Error).message;
        socket.destroy();
        return;
      }
      for (const frame of frames) {
        if (frame.id === 0) this.events.push(frame);
        else this.handlers.get(frame.id)?.frame(frame);
      }
    });
    socket.on('error', (err) => {
      reason = err.message;
    });
    socket.on('close', () => {
      const wasUp = this.connected;
      this.socket = undefined;
      this.connected = false;
      this.retryAt = Date.now() + this.backoffMs;
      const delay = this.backoffMs;
      this.backoffMs = Math.min(BACKOFF_MAX_MS, this.backoffMs * 2);
      const pending = [...this.handlers.values()];
      this.handlers.clear();
      for (const h of pending) h.closed(reason);
      if (wasUp) this.events.down(reason);
      if (this.keepAlive && !this.closedForGood) {
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => this.open(), delay);
        this.retryTimer.unref();
      }
    });
    return socket;
  }
}
