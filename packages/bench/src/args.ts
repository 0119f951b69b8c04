/** Command-line helpers shared by the benchmark scenarios. */
import * as path from 'node:path';

/** The repository root, from packages/bench/dist (or src). */
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** A whole-number option: `fallback` when absent; throws a message naming `--option` when out of `[min, max]`. */
export function wholeNumber(option: string, raw: string | undefined, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new Error(`--${option}: expected a whole number ${range}, got '${raw}'`);
  }
  return n;
}

/** Where a scenario writes its JSON: `--json PATH`, or `bench-results/NAME.json` at the repository root. */
export function resultsPath(json: string | undefined, name: string): string {
  return json ? path.resolve(json) : path.join(REPO_ROOT, 'bench-results', `${name}.json`);
}
