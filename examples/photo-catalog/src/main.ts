#!/usr/bin/env node
/**
 * Standalone: `BUCKET=my-bucket node dist/main.js PHOTO_ID` prints a photo's view. Set
 * FAAST_SOCKET to read through a cachelet (`faast daemon --app photos --origin s3://my-bucket`).
 */
import { createPhotoCatalog } from './app';

async function run(): Promise<void> {
  const bucket = process.env['BUCKET'];
  const id = process.argv[2];
  if (!bucket || !id) {
    process.stderr.write('usage: BUCKET=NAME node dist/main.js PHOTO_ID\n');
    process.exit(2);
  }
  const endpoint = process.env['S3_ENDPOINT'];
  const catalog = createPhotoCatalog({ bucket, s3: endpoint ? { endpoint, forcePathStyle: true } : {} });
  try {
    process.stdout.write(`${JSON.stringify(await catalog.photo(id), null, 2)}\n`);
  } finally {
    catalog.close();
  }
}

run().catch((err: Error) => {
  process.stderr.write(`${err.name}: ${err.message}\n`);
  process.exit(1);
});
