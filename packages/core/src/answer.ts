/** Applying preconditions and a range to one version, and counting the bytes served. */
import { evaluateConditions, type Conditions } from './conditions';
import type { ByteRange, ObjectMeta } from './ports';
import { resolveRange, type RangeSpec } from './range';
import type { ReadResult, Source } from './read';
import type { CacheletStats } from './stats';

/**
 * Applies preconditions and the range to one version, and sets up its body. `release`
 * frees what the body holds (an origin stream) when no body is sent, or when the body is
 * abandoned — also before its first byte, when a generator's own `finally` never runs.
 */
export function answer(
  counters: CacheletStats,
  meta: ObjectMeta,
  spec: RangeSpec | undefined,
  conditions: Conditions | undefined,
  source: Source,
  bodyOf: (start: number, end: number) => AsyncGenerator<Buffer>,
  release?: () => void,
): ReadResult {
  const outcome = evaluateConditions(conditions, meta);
  let range: ByteRange | 'unsatisfiable' = { start: 0, end: meta.size - 1 };
  if (outcome === 'ok' && spec) range = resolveRange(spec, meta.size);
  if (outcome !== 'ok' || range === 'unsatisfiable') {
    release?.();
    return { status: outcome !== 'ok' ? outcome : 'range-not-satisfiable', meta, source };
  }
  const body = countServed(counters, bodyOf(range.start, range.end));
  if (release) {
    const finish = body.return.bind(body);
    body.return = (value) => {
      release();
      return finish(value);
    };
  }
  const contentLength = range.end - range.start + 1;
  return spec
    ? { status: 'partial-content', meta, range, contentLength, source, body }
    : { status: 'ok', meta, contentLength, source, body };
}

/** `body`, adding the bytes it yields to `counters.bytesServed`. */
export async function* countServed(counters: CacheletStats, body: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  for await (const chunk of body) {
    counters.bytesServed += chunk.length;
    yield chunk;
  }
}
