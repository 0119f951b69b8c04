/** The `faast` command as npm links it in the repository: `npx faast` after `npm ci && npm run build`. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '..');
const LAUNCHER = path.join(ROOT, 'packages', 'cli', 'bin', 'faast.js');

describe('the faast bin', () => {
  it('npx faast runs the built CLI from the repository root, without asking the registry', () => {
    const r = spawnSync('npm', ['exec', '--no', '--', 'faast', '--version'], { cwd: ROOT, encoding: 'utf8', timeout: 50_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('0.1.0');
    expect(r.status).toBe(0);
  });

  it('is linked into node_modules/.bin and executable', () => {
    const link = path.join(ROOT, 'node_modules', '.bin', 'faast');
    expect(fs.realpathSync(link)).toBe(fs.realpathSync(LAUNCHER));
    expect(fs.statSync(LAUNCHER).mode & 0o111).not.toBe(0);
    expect(fs.readFileSync(LAUNCHER, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('before the build: one line saying to build, exit 1', () => {
    // The launcher alone, with no dist beside it (as in a fresh clone after npm ci).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faast-bin-'));
    try {
      fs.mkdirSync(path.join(dir, 'bin'));
      fs.copyFileSync(LAUNCHER, path.join(dir, 'bin', 'faast.js'));
      const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'faast.js'), '--version'], { encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^faast: not built yet \(.*dist[/\\]bin\.js is missing\); run `npm run build`/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
