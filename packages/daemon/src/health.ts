/**
 * The standard gRPC health service (grpc.health.v1): SERVING while the cachelet accepts
 * requests and its origin is usable; NOT_SERVING before start, while the origin is unusable
 * (SERVING again when it recovers), and once it drains for shutdown.
 */
import { status as GrpcStatus, type ServerWritableStream } from '@grpc/grpc-js';
import type { HealthCheckRequest__Output, HealthCheckResponse, HealthHandlers } from '@faast/rpc';

/** Services this health endpoint answers for: '' (the server) and the cache service. */
const SERVICES = new Set(['', 'faast.v1.Cache']);

export class HealthState {
  /** Until the cachelet has joined its ring. */
  private started = false;
  private draining = false;
  private originUsable = true;
  private readonly watchers = new Set<ServerWritableStream<HealthCheckRequest__Output, HealthCheckResponse>>();

  get isServing(): boolean {
    return this.started && !this.draining && this.originUsable;
  }

  /** The cachelet is ready: SERVING, if the origin is usable. */
  serve(): void {
    this.update(() => (this.started = true));
  }

  /** Whether the origin is usable: NOT_SERVING while it is not. */
  setOriginUsable(usable: boolean): void {
    this.update(() => (this.originUsable = usable));
  }

  /** Switches to NOT_SERVING for good, tells every watcher and ends their streams. */
  drain(): void {
    this.draining = true;
    for (const w of this.watchers) {
      w.write(this.response());
      w.end();
    }
    this.watchers.clear();
  }

  handlers(): HealthHandlers {
    return {
      Check: (call, callback) => {
        if (!SERVICES.has(call.request.service)) {
          callback({ code: GrpcStatus.NOT_FOUND, details: `unknown service '${call.request.service}'` });
          return;
        }
        callback(null, this.response());
      },
      Watch: (call) => {
        if (!SERVICES.has(call.request.service)) {
          call.write({ status: 'SERVICE_UNKNOWN' });
        } else {
          call.write(this.response());
        }
        if (this.draining) {
          call.end();
          return;
        }
        this.watchers.add(call);
        call.on('cancelled', () => this.watchers.delete(call));
      },
    };
  }

  /** Applies a change; watchers hear of it if the status changed. */
  private update(change: () => void): void {
    if (this.draining) return;
    const before = this.isServing;
    change();
    if (this.isServing !== before) for (const w of this.watchers) w.write(this.response());
  }

  private response(): HealthCheckResponse {
    return { status: this.isServing ? 'SERVING' : 'NOT_SERVING' };
  }
}
