/**
 * The entry of one instance process: `node instance.js MODULE APP INSTANCE_ID`, forked by the
 * runner. Loads the app's module (its init, as a platform's cold start does), then runs
 * `handler(event, context)` for each `invoke` message, several at once if the runner sends
 * them. Exits on SIGTERM, or when the runner's IPC channel closes (the runner died), after
 * stopping an embedded cachelet so that it leaves the app's ring at once.
 */
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { errorText, type ChildMessage, type InvokeMessage } from './protocol';
import type { Handler, InvocationContext } from './types';

const SHUTDOWN_TIMEOUT_MS = 2000;

const [modulePath, functionName, instanceId] = process.argv.slice(2);
let firstInvocation = true;
let shuttingDown = false;

function send(message: ChildMessage): void {
  if (!process.connected) return;
  try {
    process.send!(message);
  } catch (err) {
    // A result the IPC channel cannot carry (a function, a socket, ...) is the handler's error.
    if (message.type === 'result' && message.ok) {
      send({ type: 'result', id: message.id, ok: false, error: `ResultError: the handler's result cannot be sent: ${(err as Error).message}`, coldStart: message.coldStart, rss: rss() });
    }
  }
}

const rss = (): number => process.memoryUsage.rss();

async function load(): Promise<Handler> {
  if (!modulePath || !functionName || !instanceId) throw new Error('usage: instance.js MODULE APP INSTANCE_ID');
  // import() loads CommonJS and ES modules alike.
  const ns = (await import(pathToFileURL(modulePath).href)) as { handler?: unknown; default?: { handler?: unknown } };
  const handler = typeof ns.handler === 'function' ? ns.handler : ns.default?.handler;
  if (typeof handler !== 'function') throw new TypeError(`${modulePath} exports no handler(event, context) function`);
  return handler as Handler;
}

async function run(handler: Handler, message: InvokeMessage): Promise<void> {
  const coldStart = firstInvocation;
  firstInvocation = false;
  const context: InvocationContext = { awsRequestId: message.id || randomUUID(), functionName: functionName!, instanceId: instanceId!, coldStart };
  try {
    const result = await handler(message.event, context);
    send({ type: 'result', id: message.id, ok: true, result, coldStart, rss: rss() });
  } catch (err) {
    send({ type: 'result', id: message.id, ok: false, error: errorText(err), coldStart, rss: rss() });
  }
}

/** Stops an embedded cachelet (or closes sidecar connections) if the app loaded @faast/s3, then exits. */
async function shutdown(): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  const force = setTimeout(() => process.exit(0), SHUTDOWN_TIMEOUT_MS);
  force.unref();
  const loaded = new Set<string>();
  for (const from of [modulePath, __filename]) {
    if (!from) continue;
    try {
      loaded.add(require.resolve('@faast/s3', { paths: [path.dirname(from)] }));
    } catch {
      // Not installed there: nothing to close.
    }
  }
  for (const file of loaded) {
    const exports = require.cache[file]?.exports as { closeFaastConnections?: () => Promise<void> } | undefined;
    await exports?.closeFaastConnections?.().catch(() => undefined);
  }
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown());
process.on('disconnect', () => void shutdown());

load().then(
  (handler) => {
    process.on('message', (message: InvokeMessage) => {
      if (message.type === 'invoke' && !shuttingDown) void run(handler, message);
    });
    send({ type: 'ready', rss: rss() });
  },
  (err: unknown) => {
    send({ type: 'init-error', error: errorText(err) });
    // Let the message go out before exiting.
    setTimeout(() => process.exit(1), 50);
  },
);
