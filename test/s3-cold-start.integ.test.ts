/**
 * What a function pays at cold start for the interceptor: requiring @faast/s3 (built) and
 * wrapping a client for a sidecar must load neither gRPC nor a .proto parser, nor the engine
 * (only `@faast/core/rules`), nor Redis or the peer network.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

it('requiring @faast/s3 and wrapping a client for a sidecar loads no gRPC and no proto-loader', () => {
  const script = `
    const s3 = require(${JSON.stringify(path.join(ROOT, 'packages/s3/dist/index.js'))});
    const { S3Client } = require('@aws-sdk/client-s3');
    s3.withFaast(new S3Client({ region: 'us-east-1' }), { socket: '/nonexistent/faast.sock' });
    const loaded = Object.keys(require.cache);
    process.stdout.write(JSON.stringify({
      heavy: loaded.filter((f) => /[\\\\/](@grpc[\\\\/]grpc-js|@grpc[\\\\/]proto-loader|ioredis)[\\\\/]/.test(f)),
      engine: loaded.filter((f) => /packages[\\\\/](core[\\\\/]dist[\\\\/](cachelet|ring|local|peering)|peer[\\\\/]|daemon[\\\\/])/.test(f)),
      wire: loaded.some((f) => /rpc[\\\\/]dist[\\\\/]generated[\\\\/]app\\.js$/.test(f)),
    }));
  `;
  const r = spawnSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout) as { heavy: string[]; engine: string[]; wire: boolean };
  expect(out.heavy).toEqual([]);
  expect(out.engine).toEqual([]);
  // The static wire code is what it loads instead (so this test looks at the right files).
  expect(out.wire).toBe(true);
});
