/** Inputs around the edges: unreadable subfolders, link loops, a cache path that is a review store, worker counts, reviewer names. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AnalysisCache, ReviewStore, collectInputs } from '../src/index.js';
import { workerCount } from '../src/batch.js';
import { NOTICE, tmpDir, unprivileged } from './helpers/review.js';

const cli = (args: string[], opts: { uid?: number; gid?: number; env?: NodeJS.ProcessEnv } = {}) =>
  spawnSync(process.execPath, [join(process.cwd(), 'dist/cli.js'), ...args], { encoding: 'utf8', ...opts, env: { ...process.env, SHIJI_CACHE: '/nonexistent/c.sqlite', ...opts.env } });

describe('folders', () => {
  it('an unreadable subfolder is one line; the rest of its folder is analysed', () => {
    const root = tmpDir();
    mkdirSync(join(root, 'a'));
    mkdirSync(join(root, 'locked'));
    mkdirSync(join(root, 'z'));
    copyFileSync(NOTICE, join(root, 'a', 'one.txt'));
    copyFileSync(NOTICE, join(root, 'locked', 'hidden.txt'));
    copyFileSync('corpus/qinghe-2019-notice.gbk.txt', join(root, 'z', 'two.txt'));
    for (const d of ['a', 'z']) chmodSync(join(root, d), 0o755);
    chmodSync(join(root, 'locked'), 0o000);
    const r = cli(['extract', root, '--jsonl', '--no-cache'], unprivileged());
    chmodSync(join(root, 'locked'), 0o755);
    expect(r.stderr.trim().split('\n')).toEqual([`shiji: ${join(root, 'locked')}: cannot read directory (permission denied); skipped`]);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { path: string }).path)).toEqual([join(root, 'a', 'one.txt'), join(root, 'z', 'two.txt')]);
  });

  it('a symbolic link loop is called one, not a missing file', () => {
    const root = tmpDir();
    symlinkSync(join(root, 'b'), join(root, 'a'));
    symlinkSync(join(root, 'a'), join(root, 'b'));
    const { problems } = collectInputs([join(root, 'a')]);
    expect(problems.map((p) => p.error.message)).toEqual([`${join(root, 'a')}: too many symbolic links (a link loop?)`]);
  });

  it('a folder is walked in code point order, whatever the locale', () => {
    const root = tmpDir();
    const names = ['b.txt', 'B.txt', 'a-1.txt', 'a_1.txt', 'a.txt', '信访.txt', '10.txt', '9.txt'];
    for (const n of names) copyFileSync(NOTICE, join(root, n));
    const expected = [...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    expect(expected).toEqual(['10.txt', '9.txt', 'B.txt', 'a-1.txt', 'a.txt', 'a_1.txt', 'b.txt', '信访.txt']);
    expect(collectInputs([root]).files.map((f) => f.path)).toEqual(expected.map((n) => join(root, n)));
  });
});

describe('SHIJI_CACHE pointed at a review store', () => {
  it('leaves the store as it was and analyses without a cache, saying so once', () => {
    const dir = tmpDir();
    const db = join(dir, 'review.sqlite');
    const s = ReviewStore.open(db);
    s.record({ docSha: 'd', docPath: 'd', claimId: 'c', nominee: null, nomineeName: '', claimText: '1', status: 'verified', note: '', reviewer: 'alice' });
    s.close();
    const before = readFileSync(db);
    expect(AnalysisCache.open(db)).toBeNull();
    const r = cli(['extract', NOTICE, '--jsonl'], { env: { SHIJI_CACHE: db } });
    expect(r.status).toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/SHIJI_CACHE=.*is not an analysis cache/);
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['review.sqlite']);
    const bytes = readFileSync(db);
    bytes[18] = 1; bytes[19] = 1; // an in-memory copy has no log beside it
    const check = new Database(bytes);
    expect((check.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name)).not.toContain('analyses');
    check.close();
  });
});

describe('small things', () => {
  it('workers are capped at the work and the cores', () => {
    expect(workerCount(64, 17)).toBe(Math.min(availableParallelism(), 17));
    expect(workerCount(64, 1)).toBe(1);
    expect(workerCount(2, 0)).toBe(0);
  });

  it.each(['', '   ', 'a\u0007b'])('--reviewer %j is refused', (name) => {
    const r = cli(['review', NOTICE, '--reviewer', name, '--db', join(tmpDir(), 'r.sqlite'), '--no-cache']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--reviewer needs a name/);
  });
});
