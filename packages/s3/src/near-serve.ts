/**
 * Answering a GetObject or HeadObject from the near cache. The plain case — the whole object,
 * no preconditions — is a copy of an output the SDK's deserializer built once for the held
 * version. Ranges and preconditions are evaluated on the held version with the engine's own
 * rules and rendered as S3's response, which the deserializer turns into the output or the
 * SDK's error (304, 412, 416), as for any cached reply.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { HandlerExecutionContext } from '@smithy/types';
import { evaluateConditions, hasConditions, parseRange, resolveRange, type Conditions, type ObjectMeta } from '@faast/core/rules';
import type { GetHeader__Output, ObjectMeta__Output, Status__Output } from '@faast/rpc';
import { nearKey, type NearCache, type NearEntry } from './near-cache';
import { bufferBody, deserialize, outputOf, templateOf, type Output, type OutputTemplate } from './output';
import { renderGet, renderHead } from './render';
import { renderContext, type ReadInput } from './request';

/** A held object, with the outputs built for it so far (by command and checksum mode). */
export type Held = NearEntry<ObjectMeta__Output> & { templates?: Map<string, OutputTemplate> };

/** The near cache of one transport. */
export type HeldObjects = NearCache<ObjectMeta__Output>;

/**
 * The output for `input` from a held copy, or undefined when none is held. Throws the SDK's
 * error where S3 would answer one (a failed precondition, an unsatisfiable range).
 */
export async function answerFromNear(
  client: S3Client,
  context: HandlerExecutionContext,
  near: HeldObjects,
  input: ReadInput,
  get: boolean,
  checksums: boolean,
  conditions: Conditions,
): Promise<Output | undefined> {
  const entry = near.get(nearKey(input.Bucket!, input.Key!)) as Held | undefined;
  if (!entry) return undefined;
  const range = get ? (input as { Range?: string }).Range : undefined;
  if (range === undefined && !hasConditions(conditions)) {
    const name = `${get ? 'get' : 'head'}:${checksums}`;
    entry.templates ??= new Map();
    let template = entry.templates.get(name);
    if (!template) {
      template = templateOf(await deserialize(client, context, render(entry, 'OK', undefined, input, get, checksums)));
      entry.templates.set(name, template);
    }
    return outputOf(template, get ? entry.body : undefined);
  }
  const meta = entry.meta as ObjectMeta;
  const outcome = evaluateConditions(conditions, meta);
  if (outcome !== 'ok') return deserialize(client, context, render(entry, outcome === 'not-modified' ? 'NOT_MODIFIED' : 'PRECONDITION_FAILED', undefined, input, get, checksums));
  const spec = range !== undefined ? parseRange(range) : undefined;
  if (!spec) return deserialize(client, context, render(entry, 'OK', undefined, input, get, checksums));
  const bytes = resolveRange(spec, meta.size);
  if (bytes === 'unsatisfiable') return deserialize(client, context, render(entry, 'RANGE_NOT_SATISFIABLE', undefined, input, get, checksums));
  return deserialize(client, context, render(entry, 'PARTIAL_CONTENT', bytes, input, get, checksums));
}

function render(entry: Held, status: Status__Output, range: { start: number; end: number } | undefined, input: ReadInput, get: boolean, checksums: boolean) {
  const ctx = renderContext(input, checksums);
  if (!get) return renderHead({ status, meta: entry.meta, source: 'HIT' }, ctx);
  const body = status === 'OK' ? entry.body : range ? entry.body.subarray(range.start, range.end + 1) : Buffer.alloc(0);
  const header: GetHeader__Output = {
    status,
    meta: entry.meta,
    contentLength: body.length,
    source: 'HIT',
    bulkToken: Buffer.alloc(0),
    held: true,
    ...(range ? { rangeStart: range.start, rangeEnd: range.end } : {}),
  };
  return renderGet(header, bufferBody(body), ctx);
}
