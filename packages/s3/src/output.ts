/**
 * Outputs of answered commands, built by the client's own protocol deserializer — so that
 * fields, types and errors are exactly the SDK's — and, for near-cache hits, copied from an
 * output the deserializer built once for that version (a hit then costs a shallow copy and a
 * stream over the held bytes instead of a deserializer run).
 */
import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import type { HandlerExecutionContext, StaticOperationSchema } from '@smithy/types';
import type { HttpResponse } from '@smithy/core/protocols';
import { getSmithyContext } from '@smithy/core/transport';
import { operation } from '@smithy/core/schema';
import { sdkStreamMixin } from '@smithy/core/serde';
import { replyIds } from './render';

/** What the retry middleware reports for a request answered at the first attempt. */
const RETRY_METADATA = { attempts: 1, totalRetryDelay: 0 };

type Protocol = { deserializeResponse: (op: unknown, ctx: unknown, res: HttpResponse) => Promise<Output> };
/** A command's output: fields, a `$metadata`, and for GetObject a `Body`. */
export type Output = Record<string, unknown> & { $metadata: Record<string, unknown> };

/**
 * Builds the command's output (or throws its error) from a response, with the client's own
 * protocol — exactly as the SDK's deserializer middleware does — plus the `$metadata` fields
 * the retry middleware adds to every result.
 */
export async function deserialize(client: S3Client, context: HandlerExecutionContext, response: HttpResponse): Promise<Output> {
  const [, ns, name, traits, input, output] = getSmithyContext(context)['operationSchema'] as StaticOperationSchema;
  const protocol = (client.config as unknown as { protocol: Protocol }).protocol;
  try {
    const out = await protocol.deserializeResponse(operation(ns, name, traits, input, output), { ...client.config, ...context }, response);
    Object.assign(out.$metadata, RETRY_METADATA);
    return out;
  } catch (err) {
    const meta = (err as { $metadata?: object }).$metadata;
    if (meta) Object.assign(meta, RETRY_METADATA);
    throw err;
  }
}

/** The per-version part of an output: every field but `Body` and `$metadata`. */
export type OutputTemplate = { fields: Record<string, unknown>; httpStatusCode: number | undefined };

export function templateOf(out: Output): OutputTemplate {
  const { Body: _body, $metadata, ...fields } = out;
  return { fields, httpStatusCode: $metadata['httpStatusCode'] as number | undefined };
}

/**
 * A fresh output from a template: its own copies of dates and maps (an application may change
 * what it got), new request ids, and for GetObject a new SDK stream over `body`.
 */
export function outputOf(template: OutputTemplate, body: Buffer | undefined): Output {
  const out: Output = { $metadata: { httpStatusCode: template.httpStatusCode, ...replyIds(), cfId: undefined, ...RETRY_METADATA } };
  for (const [name, value] of Object.entries(template.fields)) {
    out[name] = value instanceof Date ? new Date(value.getTime()) : value !== null && typeof value === 'object' ? { ...value } : value;
  }
  if (body) out['Body'] = sdkStreamMixin(new BufferBody(body));
  return out;
}

/** A body held in memory, as a byte stream (not object mode, like an HTTP response). */
class BufferBody extends Readable {
  constructor(private buffer: Buffer | undefined) {
    super();
  }

  override _read(): void {
    if (this.buffer && this.buffer.length > 0) this.push(this.buffer);
    this.buffer = undefined;
    this.push(null);
  }
}

/** A stream over bytes already in memory, for a response or an output. */
export function bufferBody(body: Buffer): Readable {
  return new BufferBody(body);
}
