#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS launcher, loaded by a plain node process */
// The `faast` command as npm links it (node_modules/.bin/faast). It is committed, so that npm
// finds it when it links bins at install time, before the build has made ../dist/bin.js.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const built = path.join(__dirname, '..', 'dist', 'bin.js');
if (!fs.existsSync(built)) {
  process.stderr.write(`faast: not built yet (${built} is missing); run \`npm run build\` in the repository first\n`);
  process.exit(1);
}
require(built);
