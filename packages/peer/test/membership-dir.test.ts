/**
 * DirMembership on a real temporary directory: members see each other through their files,
 * a graceful stop is seen at once, a member that stops beating expires after 3 heartbeats.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, type Member } from '@faast/core';
import { DirMembership, memberFileName, memberIdOf } from '../src/membership-dir';
import { membershipFrom } from '../src/members';
import { sleep, waitFor } from '../../../test/support/wait';

const HB = 100; // heartbeat, ms: short to keep the tests fast


const member = (n: number): Member => ({ id: `127.0.0.1:${7000 + n}`, address: `127.0.0.1:${7000 + n}`, capacityBytes: 1000 * n });
const ids = (m: DirMembership) => m.members().map((x) => x.id);

describe('DirMembership', () => {
  let dir: string;
  const started: DirMembership[] = [];
  const make = (options: Partial<ConstructorParameters<typeof DirMembership>[0]> = {}) => {
    const m = new DirMembership({ dir, app: 'app1', heartbeatMs: HB, ...options });
    started.push(m);
    return m;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faast-dirmembers-'));
  });

  afterEach(async () => {
    await Promise.all(started.splice(0).map((m) => m.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('two members in one directory see each other, and a join is seen before the next heartbeat', async () => {
    const a = make();
    await a.start(member(1));
    expect(ids(a)).toEqual([member(1).id]);
    const changes: string[][] = [];
    a.onChange((list) => changes.push(list.map((m) => m.id)));

    const b = make();
    await b.start(member(2));
    expect(b.members()).toEqual([member(1), member(2)]); // the first view already has A, with its info
    const elapsed = await waitFor('A to see B', () => ids(a).length === 2, 2000, 5);
    expect(elapsed).toBeLessThan(HB); // through the watcher, not the heartbeat
    expect(changes).toEqual([[member(1).id, member(2).id]]);
    expect(fs.readdirSync(dir).sort()).toEqual([memberFileName(member(1).id), memberFileName(member(2).id)].sort());
  });

  it('stop() removes the file: the others drop the member at once', async () => {
    const a = make();
    const b = make();
    await a.start(member(1));
    await b.start(member(2));
    await waitFor('A to see B', () => ids(a).length === 2, 2000, 5);
    await b.stop();
    expect(fs.existsSync(path.join(dir, memberFileName(member(2).id)))).toBe(false);
    const elapsed = await waitFor('A to drop B', () => ids(a).length === 1, 2000, 5);
    expect(elapsed).toBeLessThan(HB);
    expect(ids(a)).toEqual([member(1).id]);
  });

  it('a member that stops beating (crash) expires after 3 heartbeats; a stale file is never a member', async () => {
    // Left by a process that died long ago.
    const stale = path.join(dir, memberFileName('127.0.0.1:7999'));
    fs.writeFileSync(stale, JSON.stringify({ app: 'app1', address: '127.0.0.1:7999', capacityBytes: 1 }));
    const past = new Date(Date.now() - 4 * HB);
    fs.utimesSync(stale, past, past);

    const a = make();
    const b = make();
    await a.start(member(1));
    await b.start(member(2));
    expect(ids(a)).not.toContain('127.0.0.1:7999');
    await waitFor('A to see B', () => ids(a).length === 2, 2000, 5);

    b.abandon();
    const t0 = Date.now();
    await waitFor('A to expire B', () => ids(a).length === 1, 10 * HB, 5);
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeGreaterThanOrEqual(2 * HB);
    // A file dead for 10 heartbeats is removed; B's file (dead for less) stays until then.
    await waitFor('the long-dead file to be reaped', () => !fs.existsSync(stale), 12 * HB, 5);
  });

  it('ignores files of another app and malformed files, reporting each once', async () => {
    fs.writeFileSync(path.join(dir, memberFileName('other')), JSON.stringify({ app: 'app2', address: '127.0.0.1:1', capacityBytes: 1 }));
    fs.writeFileSync(path.join(dir, memberFileName('junk')), 'not json');
    fs.writeFileSync(path.join(dir, 'README'), 'not a member file');
    const errors: string[] = [];
    const a = make({ onError: (err) => errors.push(err.message) });
    await a.start(member(1));
    await sleep(3 * HB);
    expect(ids(a)).toEqual([member(1).id]);
    expect(errors).toHaveLength(2);
    expect(errors.join('\n')).toMatch(/belongs to app 'app2'/);
    expect(errors.join('\n')).toMatch(/is not a member/);
  });

  it('rewrites its file every heartbeat (a directory emptied by hand is repopulated)', async () => {
    const a = make();
    await a.start(member(1));
    const file = path.join(dir, memberFileName(member(1).id));
    fs.rmSync(file);
    await waitFor('the file to come back', () => fs.existsSync(file), 5 * HB, 5);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ app: 'app1', address: member(1).address, capacityBytes: member(1).capacityBytes });
  });

  it('stop() during start() leaves no file; start() twice rejects', async () => {
    const a = make();
    const starting = a.start(member(1));
    await a.stop();
    await starting;
    expect(fs.readdirSync(dir)).toEqual([]);
    await expect(a.start(member(1))).rejects.toThrow(/once/);
  });
});

describe('member file names', () => {
  it.each(['127.0.0.1:7000', '[::1]:7000', '..', '.hidden', 'a/b\\c', 'é€', 'x%2Fy'])('%s round-trips and is a safe file name', (id) => {
    const name = memberFileName(id);
    expect(name).toMatch(/^[A-Za-z0-9_%-][A-Za-z0-9._%-]*\.json$/);
    expect(memberIdOf(name)).toBe(id);
  });

  it('is not fooled by temporary or foreign names', () => {
    expect(memberIdOf('.a.json.123.tmp')).toBeUndefined();
    expect(memberIdOf('.x.json')).toBeUndefined();
    expect(memberIdOf('README')).toBeUndefined();
    expect(memberIdOf('bad%zz.json')).toBeUndefined();
  });
});

describe('membershipFrom dir:', () => {
  it('makes a DirMembership for dir:PATH and names the option for an empty path', () => {
    expect(membershipFrom('dir:/tmp/x', { app: 'a', capacityBytes: 1 })).toBeInstanceOf(DirMembership);
    expect(() => membershipFrom('dir:', { app: 'a', capacityBytes: 1, option: 'embedded.members' })).toThrow(ConfigError);
    expect(() => membershipFrom('nope', { app: 'a', capacityBytes: 1 })).toThrow(/dir:PATH/);
  });
});
