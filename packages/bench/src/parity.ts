/**
 * Generated-input parity: the wrapped client and the plain one, given the same drawn
 * request against the same origin, must be indistinguishable — same output fields and body
 * bytes, or the same error (name, class, status, message). Keys are drawn from the corners
 * where a cache can go wrong (unicode, lone surrogates, NUL and control characters, long
 * keys, path-like keys), with ranges and conditional headers resolved against the object's
 * current ETag and Last-Modified.
 *
 * The integration test runs a few hundred cases (shrinking to a minimal counterexample);
 * `npm run bench -- parity` runs ten thousand and counts differences.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type GetObjectCommandInput,
  type S3Client,
} from '@aws-sdk/client-s3';
import fc from 'fast-check';

/** How a conditional header's value is chosen, against the object's current version. */
export type EtagChoice = { kind: 'current' | 'other' | 'star' | 'list-with-current' | 'weak-current' | 'unquoted-current' } | { kind: 'raw'; value: string };
/** How a date header's value is chosen: seconds from the object's Last-Modified, or a fixed date. */
export type DateChoice = { kind: 'offset'; seconds: number } | { kind: 'fixed'; date: Date };

/** One drawn request and the state of its object before it. */
export interface ParityCase {
  key: string;
  /** The object's bytes, or undefined: there is no such object. */
  body: Uint8Array | undefined;
  op: 'get' | 'head';
  range: string | undefined;
  ifMatch: EtagChoice | undefined;
  ifNoneMatch: EtagChoice | undefined;
  ifModifiedSince: DateChoice | undefined;
  ifUnmodifiedSince: DateChoice | undefined;
}

/** The clients under comparison; they must differ only by `withFaast`. */
export interface ParityClients {
  plain: S3Client;
  wrapped: S3Client;
  bucket: string;
}

const LONE_SURROGATES = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const CONTROL = fc.constantFrom('\u0000', '\u0001', '\n', '\r', '\t', '\u007f', ' ');
const PATH_PARTS = fc.constantFrom('a', 'dir', '.', '..', '', 'é', '日本', 'x y', '%2F', '+');

/** Keys from the corners: any unicode, lone surrogates, control characters, long, path-like. */
export const keyArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }),
  fc.tuple(fc.string({ maxLength: 6 }), LONE_SURROGATES, fc.string({ maxLength: 6 })).map(([a, s, b]) => `${a}${s}${b}`),
  fc.tuple(fc.string({ maxLength: 6 }), CONTROL, fc.string({ maxLength: 6 })).map(([a, c, b]) => `k${a}${c}${b}`),
  fc.integer({ min: 1000, max: 1100 }).map((n) => 'l'.repeat(n)),
  fc.tuple(fc.boolean(), fc.array(PATH_PARTS, { minLength: 1, maxLength: 5 })).map(([lead, parts]) => `${lead ? '/' : ''}${parts.join('/')}`),
);

const ETAG_CHOICE: fc.Arbitrary<EtagChoice> = fc.oneof(
  fc.constantFrom<EtagChoice>({ kind: 'current' }, { kind: 'other' }, { kind: 'star' }, { kind: 'list-with-current' }, { kind: 'weak-current' }, { kind: 'unquoted-current' }),
  fc.oneof(fc.constantFrom('', ' ', '"x\ny"', '"a", "b"', 'W/"w"'), fc.string({ maxLength: 8 })).map((value): EtagChoice => ({ kind: 'raw', value })),
);

const DATE_CHOICE: fc.Arbitrary<DateChoice> = fc.oneof(
  fc.integer({ min: -90_000, max: 90_000 }).map((seconds): DateChoice => ({ kind: 'offset', seconds })),
  fc.constantFrom(-1, 0, 1).map((seconds): DateChoice => ({ kind: 'offset', seconds })),
  fc.constantFrom(new Date(0), new Date(NaN), new Date(Date.UTC(9999, 11, 31)), new Date(-86_400_000)).map((date): DateChoice => ({ kind: 'fixed', date })),
);

/** Single ranges around the object's size, and what S3 ignores or refuses. */
const RANGE: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.nat(120), fc.nat(120)).map(([a, b]) => `bytes=${a}-${b}`),
  fc.nat(120).map((a) => `bytes=${a}-`),
  fc.nat(120).map((n) => `bytes=-${n}`),
  fc.constantFrom('', 'bytes=0-0', 'bytes=abc', 'bytes=0-1,3-4', 'items=0-1', 'BYTES=1-2', 'bytes= 1-2', 'bytes=--1'),
);

const BODY: fc.Arbitrary<Uint8Array | undefined> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 6, arbitrary: fc.uint8Array({ maxLength: 100 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 300_000 }).map((n) => patterned(n)) },
);

/** `arbitrary` in a quarter of the cases, else absent: most requests carry one header or none. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
}

export const caseArbitrary: fc.Arbitrary<ParityCase> = fc.record({
  key: keyArbitrary,
  body: BODY,
  op: fc.constantFrom<'get' | 'head'>('get', 'get', 'head'),
  range: fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: RANGE }),
  ifMatch: sometimes(ETAG_CHOICE),
  ifNoneMatch: sometimes(ETAG_CHOICE),
  ifModifiedSince: sometimes(DATE_CHOICE),
  ifUnmodifiedSince: sometimes(DATE_CHOICE),
});

/**
 * Runs one case: sets the object's state through the wrapped client (so the cache learns it,
 * as it learns an application's own writes), then reads it plainly, wrapped cold and wrapped
 * warm. Returns the differences, empty when the three agree.
 */
export async function runParityCase(clients: ParityClients, c: ParityCase): Promise<string[]> {
  const { plain, wrapped, bucket } = clients;
  const Key = c.key;
  // A key with a '..' segment would leave the emulator's bucket folder on a PUT: read-only.
  const writable = c.body !== undefined && !Key.split('/').includes('..');
  await settle(writable ? wrapped.send(new PutObjectCommand({ Bucket: bucket, Key, Body: c.body })) : wrapped.send(new DeleteObjectCommand({ Bucket: bucket, Key })));
  const head = await settle(plain.send(new HeadObjectCommand({ Bucket: bucket, Key })));
  const current = 'ok' in head ? { etag: head.ok.ETag ?? '"none"', modifiedMs: head.ok.LastModified?.getTime() ?? 0 } : { etag: '"none"', modifiedMs: Date.now() };
  const input = requestOf(bucket, c, current);
  const send = (client: S3Client) => observe(c.op === 'get' ? client.send(new GetObjectCommand(input)) : client.send(new HeadObjectCommand(input)));
  const expected = await send(plain);
  const differences: string[] = [];
  for (const pass of ['cold', 'warm']) {
    const got = await send(wrapped);
    const diff = compare(expected, got);
    if (diff) differences.push(`${pass}: ${diff}`);
  }
  return differences;
}

/** The request a case makes, its conditional values resolved against the current version. */
export function requestOf(bucket: string, c: ParityCase, current: { etag: string; modifiedMs: number }): GetObjectCommandInput {
  const input: GetObjectCommandInput = { Bucket: bucket, Key: c.key };
  if (c.op === 'get' && c.range !== undefined) input.Range = c.range;
  if (c.ifMatch) input.IfMatch = etagValue(c.ifMatch, current.etag);
  if (c.ifNoneMatch) input.IfNoneMatch = etagValue(c.ifNoneMatch, current.etag);
  if (c.ifModifiedSince) input.IfModifiedSince = dateValue(c.ifModifiedSince, current.modifiedMs);
  if (c.ifUnmodifiedSince) input.IfUnmodifiedSince = dateValue(c.ifUnmodifiedSince, current.modifiedMs);
  return input;
}

function etagValue(choice: EtagChoice, etag: string): string {
  switch (choice.kind) {
    case 'current':
      return etag;
    case 'other':
      return '"0123456789abcdef0123456789abcdef"';
    case 'star':
      return '*';
    case 'list-with-current':
      return `"x", ${etag}`;
    case 'weak-current':
      return `W/${etag}`;
    case 'unquoted-current':
      return etag.replace(/"/g, '');
    case 'raw':
      return choice.value;
  }
}

function dateValue(choice: DateChoice, modifiedMs: number): Date {
  return choice.kind === 'fixed' ? choice.date : new Date(modifiedMs + choice.seconds * 1000);
}

/** What an application can observe of a call: output fields (request ids aside) and body bytes, or the error's identity. */
export type Observed = { ok: Record<string, unknown> } | { error: Record<string, unknown> };

export async function observe(call: Promise<object>): Promise<Observed> {
  try {
    const out = (await call) as Record<string, unknown> & { $metadata: { httpStatusCode?: number } };
    const body = out['Body'] as { transformToByteArray(): Promise<Uint8Array> } | undefined;
    const bytes = body ? Buffer.from(await body.transformToByteArray()) : undefined;
    const { Body: _body, $metadata, LastModified, ...fields } = out;
    return {
      ok: {
        ...fields,
        status: $metadata.httpStatusCode,
        lastModified: (LastModified as Date | undefined)?.getTime(),
        body: bytes ? `${bytes.length} bytes, ${bytes.subarray(0, 8).toString('hex')}…${bytes.subarray(-8).toString('hex')}` : undefined,
        bodyBytes: bytes,
      },
    };
  } catch (err) {
    const e = err as Error & { $metadata?: { httpStatusCode?: number }; Code?: string };
    return { error: { name: e.name, ctor: e.constructor.name, status: e.$metadata?.httpStatusCode, message: e.message } };
  }
}

/** A one-line description of how `got` differs from `expected`, or undefined. */
export function compare(expected: Observed, got: Observed): string | undefined {
  if ('error' in expected !== 'error' in got) return `expected ${describe(expected)}, got ${describe(got)}`;
  const a = 'ok' in expected ? expected.ok : expected.error;
  const b = 'ok' in got ? got.ok : got.error;
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[field];
    const y = b[field];
    const same = Buffer.isBuffer(x) && Buffer.isBuffer(y) ? x.equals(y) : JSON.stringify(x) === JSON.stringify(y);
    if (!same) return `${field}: expected ${JSON.stringify(Buffer.isBuffer(x) ? `${x.length} bytes` : x)}, got ${JSON.stringify(Buffer.isBuffer(y) ? `${y.length} bytes` : y)}`;
  }
  return undefined;
}

function describe(o: Observed): string {
  return 'ok' in o ? `${o.ok['status']} ${o.ok['body'] ?? ''}` : `${o.error['name']} (${o.error['status']}): ${o.error['message']}`;
}

async function settle<T>(p: Promise<T>): Promise<{ ok: T } | { error: unknown }> {
  try {
    return { ok: await p };
  } catch (error) {
    return { error };
  }
}

/** Bytes with a recognisable pattern (cheap to draw large bodies). */
function patterned(n: number): Uint8Array {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + (i >> 8)) & 0xff;
  return b;
}

/** Describes a case for a report: the key escaped, the rest as drawn. */
export function describeCase(c: ParityCase): string {
  const { body, key, ...rest } = c;
  return JSON.stringify({ key: escapeKey(key), body: body === undefined ? 'absent' : `${body.length} bytes`, ...rest }, (_k, v: unknown) => (v === undefined ? undefined : v));
}

function escapeKey(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    out += code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff) ? `\\u${code.toString(16).padStart(4, '0')}` : key[i];
  }
  return out.length > 80 ? `${out.slice(0, 40)}…(${key.length} chars)` : out;
}
