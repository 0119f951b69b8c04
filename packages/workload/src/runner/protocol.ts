/**
 * Messages between the runner and its child processes, over the IPC channel of
 * `child_process.fork` (advanced serialization: results may hold Buffers, Maps, Dates).
 */

/** Runner → instance. */
export interface InvokeMessage {
  type: 'invoke';
  id: string;
  event: unknown;
}

/** Instance or sidecar → runner. */
export type ChildMessage =
  /** The instance loaded its module (or the sidecar serves); `rss` in bytes. */
  | { type: 'ready'; rss: number; socket?: string; peerAddress?: string }
  /** It cannot start: the module failed to load, has no handler, or the cachelet did not start. */
  | { type: 'init-error'; error: string }
  | { type: 'result'; id: string; ok: boolean; result?: unknown; error?: string; coldStart: boolean; rss: number };

/** `name: message` of anything thrown. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return `Error: ${String(err)}`;
}
