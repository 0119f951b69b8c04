#!/usr/bin/env node
/**
 * The transformer function standalone: `BUCKET=b [S3_ENDPOINT=...] node dist/main.js '<event JSON>'`
 * runs it once and prints its result; `--seed ['<options JSON>']` fills the bucket.
 */
import { runFunctionMain } from '@faast/example-function-kit';
import { handler, reset } from './app';
import { seed } from './seed';

runFunctionMain({ name: 'transformer', handler, reset, seed });
