/**
 * The standard gRPC health service (grpc.health.v1): SERVING while the cachelet accepts
 * requests, NOT_SERVING once it drains for shutdown.
 */
import { status as GrpcStatus, type ServerWritableStream } from '@grpc/grpc-js';
import type { HealthCheckRequest__Output, HealthCheckResponse, HealthHandlers } from '@faast/rpc';

/** Services this health endpoint answers for: '' (the server) and the cache service. */
const SERVICES = new Set(['', 'faast.v1.Cache']);

export class HealthState {
  /** NOT_SERVING until the cachelet has joined its ring. */
  private serving = false;
  private readonly watchers = new Set<ServerWritableStream<HealthCheckRequest__Output, HealthCheckResponse>>();

  get isServing(): boolean {
    return this.serving;
  }

  /** Switches to SERVING (once the cachelet is ready). */
  serve(): void {
    this.serving = true;
    for (const w of this.watchers) w.write(this.response());
  }

  /** Switches to NOT_SERVING and tells every watcher. */
  drain(): void {
    this.serving = false;
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
        if (!this.serving) {
          call.end();
          return;
        }
        this.watchers.add(call);
        call.on('cancelled', () => this.watchers.delete(call));
      },
    };
  }

  private response(): HealthCheckResponse {
    return { status: this.serving ? 'SERVING' : 'NOT_SERVING' };
  }
}
