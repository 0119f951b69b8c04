/**
 * Generated-input parity: drawn keys (unicode, lone surrogates, NUL, long, path-like), ranges
 * and conditional headers give the same outputs and errors with and without the cache,
 * against the emulated origin (which answers conditionals and ranges as S3 does). Shrinks to
 * a minimal counterexample; `npm run bench -- parity` runs ten thousand cases.
 */
import { S3Client } from '@aws-sdk/client-s3';
import fc from 'fast-check';
import { caseArbitrary, describeCase, runParityCase, type ParityClients } from '@faast/bench';
import { nearCacheOf, withFaast } from '@faast/s3';
import { startStack, type Stack } from './support/harness';

jest.setTimeout(180_000);

let stack: Stack;
let clients: ParityClients;

beforeAll(async () => {
  stack = await startStack({ bucket: 'parity' });
  // No retries on either side: a 500 is compared once, not after three attempts.
  const config = { ...stack.emulator.clientConfig(), maxAttempts: 1 };
  clients = { plain: new S3Client(config), wrapped: withFaast(new S3Client(config), { socket: stack.socket }), bucket: stack.bucket };
});

afterAll(async () => {
  clients?.plain.destroy();
  clients?.wrapped.destroy();
  await stack?.close();
});

it('300 drawn requests: the wrapped client answers exactly as the plain one', async () => {
  const seed = Number(process.env['FAAST_PARITY_SEED'] ?? 20261207);
  await fc.assert(
    fc.asyncProperty(caseArbitrary, async (c) => {
      const differences = await runParityCase(clients, c);
      if (differences.length > 0) throw new Error(`${describeCase(c)}\n  ${differences.join('\n  ')}`);
    }),
    { numRuns: 300, seed, endOnFailure: false, interruptAfterTimeLimit: 150_000 },
  );
  const stats = await stack.stats();
  // The drawn requests did go through the cache: hits (the cachelet's and the near cache's)
  // and misses, not only pass-through.
  expect(stats.hits + nearCacheOf(stack.socket)!.counters.hits).toBeGreaterThan(50);
  expect(stats.misses).toBeGreaterThan(50);
});
