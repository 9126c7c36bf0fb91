import { describe, expect, it, onTestFinished } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ReviewStore, agreement, cohenKappa, fleissKappa, SCHEMA_VERSION, type Status } from '../../src/index.js';
import { tmpDb, noticeDoc, NOTICE } from '../helpers/review.js';

const base = { docSha: 'a'.repeat(64), docPath: 'corpus/x.txt', nominee: 'n1', nomineeName: '甲局', claimText: '701 件', note: '' };

describe('review store', () => {
  it('keeps the full history and the latest state; undo appends', () => {
    const s = ReviewStore.open(tmpDb());
    s.record({ ...base, claimId: 'c1', status: 'verified', reviewer: 'alice' });
    s.record({ ...base, claimId: 'c1', status: 'disputed', note: '不符', reviewer: 'alice' });
    s.record({ ...base, claimId: 'c2', status: 'needs_evidence', reviewer: 'alice' });
    s.record({ ...base, claimId: 'c1', status: 'verified', reviewer: 'bob' });
    expect(s.latest({ reviewer: 'alice' }).map((d) => [d.claimId, d.status])).toEqual([['c1', 'disputed'], ['c2', 'needs_evidence']]);
    expect(s.undo('alice')).toMatchObject({ claimId: 'c2', status: 'unreviewed' });
    expect(s.undo('alice')).toMatchObject({ claimId: 'c1', status: 'verified', note: '' });
    expect(s.undo('alice')).toMatchObject({ claimId: 'c1', status: 'unreviewed' });
    expect(s.undo('alice')).toBeNull();
    expect(s.history({ reviewer: 'alice' })).toHaveLength(6);
    expect(s.latest({ reviewer: 'bob' })).toHaveLength(1);
    for (const d of s.history()) expect(d.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    s.close();
  });

  it('refuses a file that is not a shiji store and leaves it untouched', () => {
    const text = tmpDb('notes.sqlite');
    writeFileSync(text, 'these are my notes, not a database');
    expect(() => ReviewStore.open(text)).toThrow(/not a shiji review database \(not SQLite\); left untouched/);
    expect(readFileSync(text, 'utf8')).toBe('these are my notes, not a database');

    const foreign = tmpDb('other.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)');
    db.close();
    const before = readFileSync(foreign);
    expect(() => ReviewStore.open(foreign)).toThrow(/foreign SQLite file/);
    expect(readFileSync(foreign).equals(before)).toBe(true);

    const corrupt = tmpDb('corrupt.sqlite');
    const good = ReviewStore.open(corrupt);
    good.record({ ...base, claimId: 'c1', status: 'verified', reviewer: 'alice' });
    good.close();
    const bytes = readFileSync(corrupt);
    bytes.fill(0x41, 100, 4096);
    writeFileSync(corrupt, bytes);
    expect(() => ReviewStore.open(corrupt)).toThrow(/left untouched|not a usable/);
  });

  it('migrates a store written by an older shiji', () => {
    const path = tmpDb('v1.sqlite');
    const db = new Database(path);
    db.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE decisions (id INTEGER PRIMARY KEY AUTOINCREMENT, doc_sha TEXT NOT NULL, doc_path TEXT NOT NULL, claim_id TEXT NOT NULL, nominee TEXT,
        claim_text TEXT NOT NULL, reviewer TEXT NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', at TEXT NOT NULL, undo_of INTEGER);
      INSERT INTO decisions (doc_sha, doc_path, claim_id, nominee, claim_text, reviewer, status, note, at) VALUES ('${base.docSha}', 'x', 'c1', 'n1', '701 件', 'alice', 'verified', '', '2025-01-01T00:00:00Z');`);
    db.pragma(`application_id = ${0x5348494a}`);
    db.pragma('user_version = 1');
    db.close();
    const s = ReviewStore.open(path);
    expect(s.latest()).toEqual([expect.objectContaining({ claimId: 'c1', status: 'verified', nomineeName: '' })]);
    s.record({ ...base, claimId: 'c2', status: 'disputed', reviewer: 'alice' });
    s.savePosition('alice', 'last', 'x');
    s.close();
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    check.close();
  });

  it('keeps a decision when the process is killed right after making it', async () => {
    const path = tmpDb();
    const script = `
      import { ReviewStore } from './src/review/store.ts';
      const s = ReviewStore.open(${JSON.stringify(path)});
      s.record({ docSha: 'k', docPath: 'k', claimId: 'c9', nominee: null, nomineeName: '', claimText: '9 件', status: 'disputed', note: 'killed', reviewer: 'alice' });
      process.kill(process.pid, 'SIGKILL');`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'ignore' });
    const signal = await new Promise((r) => child.on('exit', (_c, sig) => r(sig)));
    expect(signal).toBe('SIGKILL');
    const s = ReviewStore.open(path);
    expect(s.latest()).toEqual([expect.objectContaining({ claimId: 'c9', status: 'disputed', note: 'killed' })]);
    s.close();
  });

  it('keeps a decision made in the real UI when the terminal process is killed at once', async () => {
    if (spawnSync('script', ['--version']).status !== 0) return; // util-linux script gives the UI a terminal
    const path = tmpDb();
    const cmd = `${process.execPath} dist/cli.js review ${NOTICE} --db ${path} --reviewer kim --no-cache`;
    const child = spawn('script', ['-qfec', cmd, '/dev/null'], { stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, COLUMNS: '100', LINES: '40', TERM: 'xterm-256color', CI: 'true' } }); // CI set, as on a build machine: a terminal still gets the live UI
    let out = '';
    child.stdout.on('data', (b: Buffer) => { out += b.toString(); });
    const waitFor = async (re: RegExp): Promise<void> => { for (let i = 0; i < 160 && !re.test(out); i++) await new Promise((r) => setTimeout(r, 50)); };
    const stop = (): void => { child.kill('SIGKILL'); spawnSync('pkill', ['-KILL', '-f', path]); };
    onTestFinished(stop);
    await waitFor(/reviewed/);
    expect(out).toMatch(/reviewed/);
    child.stdin.write('\r');
    await waitFor(/701/);
    expect(out).toMatch(/701/);
    child.stdin.write('d');
    await waitFor(/saved: disputed/);
    expect(out).toMatch(/saved: disputed/);
    stop();
    const s = ReviewStore.open(path);
    expect(s.latest()).toEqual([expect.objectContaining({ reviewer: 'kim', claimText: '701 件', status: 'disputed' })]);
    s.close();
  }, 30000);
});

describe('several panel members', () => {
  const statuses = (a: Status[], b: Status[]): Array<readonly [Status, Status]> => a.map((x, i) => [x, b[i] as Status] as const);

  it('compute Cohen\'s and Fleiss\' kappa as the textbooks do', () => {
    // 10 items: 7 agreements; marginals A: 6 v, 4 d; B: 5 v, 5 d -> pe = .6*.5 + .4*.5 = .5; kappa = (.7-.5)/.5 = .4
    const A: Status[] = ['verified', 'verified', 'verified', 'verified', 'verified', 'verified', 'disputed', 'disputed', 'disputed', 'disputed'];
    const B: Status[] = ['verified', 'verified', 'verified', 'verified', 'disputed', 'disputed', 'verified', 'disputed', 'disputed', 'disputed'];
    const k = cohenKappa(statuses(A, B));
    expect(k?.observed).toBeCloseTo(0.7);
    expect(k?.kappa).toBeCloseTo(0.4);
    // Fleiss with 3 raters, perfect agreement -> 1; with two raters it equals Scott's pi
    expect(fleissKappa([['verified', 'verified', 'verified'], ['disputed', 'disputed', 'disputed']])?.kappa).toBeCloseTo(1);
    const f = fleissKappa([['verified', 'verified', 'disputed'], ['verified', 'disputed', 'disputed'], ['verified', 'verified', 'verified'], ['disputed', 'disputed', 'disputed']]);
    // P_i = 1/3, 1/3, 1, 1 -> Pbar = 2/3; p_v = 6/12, p_d = 6/12 -> Pe = .5; kappa = (2/3 - .5)/.5 = 1/3
    expect(f?.kappa).toBeCloseTo(1 / 3);
  });

  it('merge combines files without touching them, and agreement reads the result', () => {
    const a = tmpDb('a.sqlite'); const b = tmpDb('b.sqlite'); const out = tmpDb('panel.sqlite');
    const sa = ReviewStore.open(a); const sb = ReviewStore.open(b);
    const doc = noticeDoc().result;
    const claims = doc.claims.filter((c) => c.nominee === 'n1').slice(0, 4);
    const pick: Status[][] = [['verified', 'verified'], ['verified', 'disputed'], ['disputed', 'disputed'], ['needs_evidence', 'needs_evidence']];
    claims.forEach((c, i) => {
      const rec = { docSha: doc.sha256, docPath: doc.path, claimId: c.id, nominee: 'n1', nomineeName: '阳泉市信访局', claimText: c.text, note: '' };
      sa.record({ ...rec, status: pick[i]![0]!, reviewer: 'alice' });
      sb.record({ ...rec, status: pick[i]![1]!, reviewer: 'bob' });
    });
    sa.close(); sb.close();
    const before = [readFileSync(a), readFileSync(b)];
    const r = spawnSync(process.execPath, ['dist/cli.js', 'merge', a, b, '-o', out], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('8 decision(s) from 2 reviewer(s)');
    expect(readFileSync(a).equals(before[0]!)).toBe(true);
    expect(readFileSync(b).equals(before[1]!)).toBe(true);
    expect(existsSync(`${a}-wal`) && readFileSync(`${a}-wal`).length > 0).toBe(false);
    // merging again adds nothing
    expect(spawnSync(process.execPath, ['dist/cli.js', 'merge', a, b, '-o', out], { encoding: 'utf8' }).stdout).toContain('a.sqlite: 0 decision(s) added');
    const panel = ReviewStore.open(out, { readonly: true });
    const rep = agreement(panel.latest());
    panel.close();
    expect(rep.reviewers).toEqual(['alice', 'bob']);
    expect(rep.overall).toMatchObject({ items: 4, method: 'cohen', observed: 0.75 });
    expect(rep.disagreements.map((d) => d.statuses)).toEqual([{ alice: 'verified', bob: 'disputed' }]);
    const txt = spawnSync(process.execPath, ['dist/cli.js', 'agreement', '--db', out], { encoding: 'utf8' });
    expect(txt.status).toBe(0);
    expect(txt.stdout).toMatch(/阳泉市信访局.*4\s+0\.75/);
    expect(txt.stdout).toContain('disagreements:');
    expect(spawnSync(process.execPath, ['dist/cli.js', 'merge', a, '-o', a], { encoding: 'utf8' }).status).toBe(2);
  });
});
