/**
 * The review store under the faults it must survive: bursts of look-alike decisions, merges of
 * stores that disagree about order, stores in read-only places, empty and damaged files.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ReviewStore, type Status } from '../../src/index.js';
import { NOTICE, tmpDb, tmpDir, unprivileged } from '../helpers/review.js';

const base = { docSha: 'a'.repeat(64), docPath: 'corpus/x.txt', nominee: 'n1', nomineeName: '甲局', claimText: '701 件', note: '' };
const cli = (args: string[], opts: { uid?: number; gid?: number; cwd?: string } = {}) =>
  spawnSync(process.execPath, [join(process.cwd(), 'dist/cli.js'), ...args], { encoding: 'utf8', cwd: opts.cwd ?? process.cwd(), env: { ...process.env, SHIJI_CACHE: '/nonexistent/cache.sqlite' }, ...opts });

/** A store where one reviewer typed a burst: many decisions in the same millisecond. */
function burstStore(path: string): { rows: number; last: Record<string, Status> } {
  const s = ReviewStore.open(path);
  const at = '2026-03-01T10:00:00.000Z';
  for (let i = 0; i < 10; i++) s.record({ ...base, claimId: 'c1', status: 'verified', reviewer: 'alice', at });
  const vd: Status[] = ['verified', 'disputed', 'verified', 'disputed', 'verified', 'disputed', 'verified'];
  for (const st of vd) s.record({ ...base, claimId: 'c2', status: st, reviewer: 'alice', at });
  s.record({ ...base, claimId: 'c3', status: 'verified', reviewer: 'alice', at });
  s.record({ ...base, claimId: 'c3', status: 'disputed', reviewer: 'alice', at });
  s.close();
  return { rows: 19, last: { c1: 'verified', c2: 'verified', c3: 'disputed' } };
}

const latestOf = (path: string): Record<string, Status> => {
  const s = ReviewStore.open(path, { readonly: true });
  const out = Object.fromEntries(s.latest().map((d) => [d.claimId, d.status]));
  s.close();
  return out;
};
const rowsOf = (path: string): number => {
  const db = new Database(path, { readonly: true });
  const n = (db.prepare('SELECT count(*) AS n FROM decisions').get() as { n: number }).n;
  db.close();
  return n;
};

describe('merge keeps every decision', () => {
  it('a burst store merged alone keeps every row and the reviewer\'s latest status', () => {
    const a = tmpDb('burst.sqlite');
    const { rows, last } = burstStore(a);
    expect(latestOf(a)).toEqual(last);
    const out = join(tmpDir(), 'panel.sqlite');
    const r = cli(['merge', a, '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(rowsOf(out)).toBe(rows);
    expect(latestOf(out)).toEqual(last);
    // merging the same store again adds nothing: a decision is known by its identity
    expect(cli(['merge', a, '-o', out]).stdout).toContain(': 0 decision(s) added');
    expect(rowsOf(out)).toBe(rows);
  });

  it('the latest decision is the latest in time, whatever order the stores are merged in', () => {
    const dir = tmpDir();
    const laptop = join(dir, 'laptop.sqlite'); const desk = join(dir, 'desk.sqlite');
    const s1 = ReviewStore.open(laptop);
    s1.record({ ...base, claimId: 'c1', status: 'verified', reviewer: 'alice', at: '2026-03-01T09:00:00.000Z' });
    s1.close();
    const s2 = ReviewStore.open(desk);
    s2.record({ ...base, claimId: 'c1', status: 'disputed', reviewer: 'alice', at: '2026-03-02T09:00:00.000Z' });
    s2.close();
    for (const order of [[laptop, desk], [desk, laptop]]) {
      const out = join(dir, `panel-${order.map((p) => p.slice(-10, -7)).join('')}.sqlite`);
      expect(cli(['merge', ...order, '-o', out]).status).toBe(0);
      expect(latestOf(out)).toEqual({ c1: 'disputed' });
    }
  });

  it('a new decision is stamped later than every one the store holds, even when the clock is behind', () => {
    const s = ReviewStore.open(tmpDb());
    s.record({ ...base, claimId: 'c1', status: 'disputed', reviewer: 'alice', at: '2999-01-01T00:00:00.000Z' });
    const d = s.record({ ...base, claimId: 'c1', status: 'verified', reviewer: 'alice' });
    expect(d.at).toBe('2999-01-01T00:00:00.001Z');
    expect(s.latest().map((x) => x.status)).toEqual(['verified']);
    // a burst faster than the clock: every stamp distinct, in the order made
    const burst = Array.from({ length: 50 }, (_, i) => s.record({ ...base, claimId: 'c2', status: i % 2 ? 'disputed' : 'verified', reviewer: 'alice' }).at);
    expect(new Set(burst).size).toBe(50);
    expect([...burst].sort()).toEqual(burst);
    expect(s.latest().find((x) => x.claimId === 'c2')?.status).toBe('disputed');
    s.close();
  });

  it('an older store migrates without losing a row, identical rows included', () => {
    const path = tmpDb('v2.sqlite');
    const db = new Database(path);
    db.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE decisions (id INTEGER PRIMARY KEY AUTOINCREMENT, doc_sha TEXT NOT NULL, doc_path TEXT NOT NULL, claim_id TEXT NOT NULL, nominee TEXT,
        nominee_name TEXT NOT NULL DEFAULT '', claim_text TEXT NOT NULL, reviewer TEXT NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', at TEXT NOT NULL,
        undo_of INTEGER REFERENCES decisions(id), origin TEXT NOT NULL DEFAULT '');
      CREATE TABLE positions (reviewer TEXT NOT NULL, scope TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (reviewer, scope));`);
    const ins = db.prepare(`INSERT INTO decisions (doc_sha, doc_path, claim_id, nominee, claim_text, reviewer, status, note, at) VALUES ('${base.docSha}', 'x', ?, 'n1', '701 件', 'alice', ?, '', '2025-01-01T00:00:00.000Z')`);
    for (const [c, st] of [['c1', 'verified'], ['c1', 'disputed'], ['c1', 'verified'], ['c1', 'verified'], ['c2', 'verified']]) ins.run(c, st);
    db.pragma(`application_id = ${0x5348494a}`);
    db.pragma('user_version = 2');
    db.close();
    // read-only first: the same identities as the migration below will give, file untouched
    const before = readFileSync(path);
    const ro = ReviewStore.open(path, { readonly: true });
    const roUids = ro.history().map((d) => d.uid);
    ro.close();
    expect(readFileSync(path).equals(before)).toBe(true);
    const s = ReviewStore.open(path);
    const all = s.history();
    expect(all).toHaveLength(5);
    expect(new Set(all.map((d) => d.uid)).size).toBe(5);
    expect(all.map((d) => d.uid)).toEqual(roUids);
    expect(s.latest().map((d) => [d.claimId, d.status])).toEqual([['c1', 'verified'], ['c2', 'verified']]);
    s.close();
    const out = join(tmpDir(), 'panel.sqlite');
    expect(cli(['merge', path, '-o', out]).status).toBe(0);
    expect(rowsOf(out)).toBe(5);
  });
});

describe('stores in read-only places', () => {
  /** A store made read-only in a read-only folder; with `live`, a writer was killed and left its log. */
  function readOnlyStore(live: boolean): { dir: string; db: string } {
    const dir = tmpDir();
    const db = join(dir, 'alice.sqlite');
    if (live) {
      const script = `import { ReviewStore } from ${JSON.stringify(join(process.cwd(), 'src/review/store.ts'))};
        const s = ReviewStore.open(${JSON.stringify(db)});
        for (const [c, st] of [['c1','verified'],['c2','disputed']]) s.record({ docSha: 'd', docPath: 'd', claimId: c, nominee: null, nomineeName: '', claimText: '1', status: st, note: '', reviewer: 'alice' });
        process.kill(process.pid, 'SIGKILL');`;
      spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'ignore' });
      expect(existsSync(`${db}-wal`)).toBe(true);
    } else {
      const s = ReviewStore.open(db);
      s.record({ docSha: 'd', docPath: 'd', claimId: 'c1', nominee: null, nomineeName: '', claimText: '1', status: 'verified', note: '', reviewer: 'alice' });
      s.record({ docSha: 'd', docPath: 'd', claimId: 'c2', nominee: null, nomineeName: '', claimText: '1', status: 'disputed', note: '', reviewer: 'alice' });
      s.close();
    }
    for (const f of readdirSync(dir)) chmodSync(join(dir, f), 0o444);
    chmodSync(dir, 0o555);
    return { dir, db };
  }
  const listing = (dir: string): string[] => readdirSync(dir).map((f) => `${f}:${statSync(join(dir, f)).size}:${statSync(join(dir, f)).mtimeMs}`).sort();

  it.each([false, true])('agreement, export --db and merge read it with read permission only, leaving its folder as it was (log left by a killed writer: %s)', (live) => {
    const { dir, db } = readOnlyStore(live);
    const before = listing(dir);
    const bytes = readFileSync(db);
    const as = unprivileged();
    const ag = cli(['agreement', '--db', db, '--json'], as);
    expect(ag.stderr).toBe('');
    expect(ag.status).toBe(0);
    expect(JSON.parse(ag.stdout).reviewers).toEqual(['alice']);
    const ex = cli(['export', NOTICE, '--format', 'json', '--db', db, '--no-cache'], as);
    expect(ex.stderr).toBe('');
    expect(ex.status).toBe(0);
    const outDir = tmpDir();
    chmodSync(outDir, 0o777);
    const out = join(outDir, 'panel.sqlite');
    const m = cli(['merge', db, '-o', out], as);
    expect(m.stderr).toBe('');
    expect(m.status).toBe(0);
    expect(m.stdout).toContain('2 decision(s) added');
    // review opens it read-only (and says so) instead of failing
    const rv = cli(['review', NOTICE, '--db', db, '--reviewer', 'alice', '--no-cache'], as);
    expect(rv.stderr).toBe('');
    expect(rv.status).toBe(0);
    expect(rv.stdout).toContain(`shiji review — alice — ${db}`);
    expect(listing(dir)).toEqual(before);
    expect(readFileSync(db).equals(bytes)).toBe(true);
    chmodSync(dir, 0o755);
  });
});

describe('empty and damaged stores are refused with one line', () => {
  function damaged(kind: 'empty' | 'truncated' | 'garbage'): string {
    const path = tmpDb(`${kind}.sqlite`);
    if (kind === 'empty') { writeFileSync(path, ''); return path; }
    const s = ReviewStore.open(path);
    for (let i = 0; i < 400; i++) s.record({ ...base, claimId: `c${i}`, status: 'verified', note: '很长的备注'.repeat(20), reviewer: 'alice' });
    s.close();
    if (kind === 'truncated') truncateSync(path, Math.floor(statSync(path).size / 2));
    else {
      const b = readFileSync(path);
      b.fill(0x41, 4096 * 3, 4096 * 6);
      writeFileSync(path, b);
    }
    return path;
  }
  const oneLine = (r: { status: number | null; stderr: string }): void => {
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  };

  it.each(['empty', 'truncated', 'garbage'] as const)('%s: review, merge, agreement and export exit 1; merge writes no output', (kind) => {
    const bad = damaged(kind);
    const before = readFileSync(bad);
    const good = tmpDb('good.sqlite');
    const g = ReviewStore.open(good);
    g.record({ ...base, claimId: 'c1', status: 'verified', reviewer: 'bob' });
    g.close();
    oneLine(cli(['review', NOTICE, '--db', bad, '--no-cache']));
    oneLine(cli(['agreement', '--db', bad]));
    oneLine(cli(['export', NOTICE, '--format', 'csv', '--db', bad, '--no-cache']));
    const dir = tmpDir();
    const out = join(dir, 'panel.sqlite');
    oneLine(cli(['merge', good, bad, '-o', out]));
    expect(readdirSync(dir)).toEqual([]);
    // an existing panel is left exactly as it was
    expect(cli(['merge', good, '-o', out]).status).toBe(0);
    const panel = readFileSync(out);
    oneLine(cli(['merge', good, bad, '-o', out]));
    expect(readFileSync(out).equals(panel)).toBe(true);
    expect(readdirSync(dir)).toEqual(['panel.sqlite']);
    expect(readFileSync(bad).equals(before)).toBe(true);
  });
});

describe('a merge killed halfway', () => {
  it('leaves only a hidden partial file, which the next merge to that name removes', () => {
    const a = tmpDb('a.sqlite');
    burstStore(a);
    const dir = tmpDir();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid as number; // a process that has ended
    for (const suffix of ['', '-wal', '-shm']) writeFileSync(join(dir, `.panel.sqlite.${gone}.partial${suffix}`), 'left by a killed merge');
    writeFileSync(join(dir, '.other.sqlite.1.partial'), 'not ours');
    expect(cli(['merge', a, '-o', join(dir, 'panel.sqlite')]).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['.other.sqlite.1.partial', 'panel.sqlite']);
  });
});

describe('a full disk', () => {
  it('every decision acknowledged is in the store, and the one that did not fit is refused', () => {
    const mnt = tmpDir();
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt]).status !== 0) return; // needs root (or a user namespace)
    try {
      writeFileSync(join(mnt, 'filler'), Buffer.alloc(800 * 1024));
      const path = join(mnt, 'r.sqlite');
      const s = ReviewStore.open(path);
      const acked: string[] = [];
      let refused = '';
      for (let i = 0; i < 5000; i++) {
        try { acked.push(s.record({ ...base, claimId: `c${i}`, status: 'verified', note: '备注'.repeat(50), reviewer: 'kim' }).uid); } catch (e) { refused = (e as Error).message; break; }
      }
      s.close();
      expect(refused).toMatch(/disk is full/);
      const r = ReviewStore.open(path, { readonly: true });
      expect(r.history().map((d) => d.uid)).toEqual(acked);
      r.close();
    } finally {
      spawnSync('umount', [mnt]);
    }
  });
});
