/**
 * Marks a command the cache itself sends (reading the rest of a body, an embedded cachelet's
 * origin reads): the interceptor lets it through. The mark is on the command's input (a
 * symbol, which the SDK's middlewares copy along with the input), not a middleware of the
 * command: a client with the SDK's handler cache ignores middleware added to one command.
 */
export const BYPASS = Symbol.for('faast.bypass');

/** Adds the bypass mark to one command. */
export function bypassCache<C extends { input: object }>(command: C): C {
  (command.input as { [BYPASS]?: boolean })[BYPASS] = true;
  return command;
}

/** Whether a command's input carries the bypass mark. */
export function bypassed(input: unknown): boolean {
  return typeof input === 'object' && input !== null && (input as { [BYPASS]?: boolean })[BYPASS] === true;
}
