/**
 * `@faast/core/rules`: what an interceptor needs of the engine, and nothing else — the rules of
 * a request (single byte ranges, RFC 9110 preconditions), cachelet addresses, sizes, and the
 * errors they throw. An application loads this on every cold start; `@faast/core` (the whole
 * engine: store, ring, owners, chunks) is for processes that run a cachelet.
 */
export * from './address';
export * from './conditions';
export * from './range';
export * from './errors';
export { parseBytes } from './config';
export type { ByteRange, ObjectMeta, ObjectRef } from './ports';
