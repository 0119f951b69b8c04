#!/usr/bin/env node
// The SDK is pinned on purpose while machines run Node 20 (see the README); its notice is noise here.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

import { main } from './main';

main(process.argv).then((code) => {
  process.exitCode = code;
  if (code !== 0) process.exit(code);
});
