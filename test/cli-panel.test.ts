/** The panel commands as a user runs them: the consensus rule setting, agreement's columns and notes, review --chair without a terminal. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { ReviewStore, type Status } from '../src/index.js';
import { noticeDoc } from './helpers/review.js';

const tmp = mkdtempSync(join(tmpdir(), 'shiji-panel-'));
function shiji(...args: string[]) {
  const r = spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', env: { ...process.env, SHIJI_CACHE: join(tmp, 'cache.sqlite') } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let n = 0;
const dbPath = (): string => join(tmp, `p${++n}.sqlite`);

function store(rows: Array<{ nomineeName?: string; claimId: string; reviewer: string; status: Status; note?: string; claimText?: string; role?: 'chair' }>): string {
  const path = dbPath();
  const s = ReviewStore.open(path);
  for (const r of rows) {
    s.record({ docSha: 'a'.repeat(64), docPath: 'corpus/x.txt', nominee: 'n1', nomineeName: '甲局', claimText: '701 件', note: '', ...r });
  }
  s.close();
  return path;
}

/** The text of a line from a display column on (Chinese characters are two columns). */
function fromColumn(line: string, col: number): string {
  let w = 0;
  let i = 0;
  for (const ch of line) {
    if (w >= col) return line.slice(i);
    w += stringWidth(ch);
    i += ch.length;
  }
  return '';
}
const columnOf = (line: string, word: string): number => stringWidth(line.slice(0, line.indexOf(word)));

describe('shiji panel', () => {
  it('shows the rule (the default until set), sets it durably, refuses a bad one', () => {
    const db = store([{ claimId: 'c1', reviewer: 'alice', status: 'verified' }, { claimId: 'c1', reviewer: 'bob', status: 'verified' }]);
    const before = shiji('panel', '--db', db);
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('consensus rule: unanimous (the default; set it with --consensus)');
    expect(before.stdout).toContain('members: alice, bob');
    expect(before.stdout).toContain('claims: 1 agreed, 0 resolved by the chair, 0 need the chair, 0 pending');
    const set = shiji('panel', '--db', db, '--consensus', 'majority');
    expect(set).toMatchObject({ code: 0, stdout: `${db}: consensus rule majority (was unanimous, the default)\n` });
    expect(shiji('panel', '--db', db).stdout).toContain('consensus rule: majority\n');
    expect(shiji('agreement', '--db', db).stdout).toContain("consensus: majority (the panel's rule)");
    expect(shiji('agreement', '--db', db, '--consensus', 'unanimous').stdout).toContain('consensus: unanimous (for this run)');
    const bad = shiji('panel', '--db', db, '--consensus', 'most');
    expect(bad).toMatchObject({ code: 2, stderr: 'shiji: --consensus takes unanimous or majority (not "most")\n' });
    expect(shiji('agreement', '--db', db, '--consensus', 'most').code).toBe(2);
    expect(shiji('panel').code).toBe(2);
    const missing = shiji('panel', '--db', join(tmp, 'none.sqlite'), '--consensus', 'majority');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such review database/);
  });

  it('merge keeps the rule of the inputs when they share one, and says so when they differ', () => {
    const a = store([{ claimId: 'c1', reviewer: 'alice', status: 'verified' }]);
    const b = store([{ claimId: 'c1', reviewer: 'bob', status: 'disputed' }]);
    expect(shiji('panel', '--db', a, '--consensus', 'majority').code).toBe(0);
    const differ = join(tmp, 'm1.sqlite');
    const r = shiji('merge', a, b, '-o', differ);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('consensus rule unanimous: the inputs differ, so the output takes the default');
    expect(shiji('panel', '--db', differ).stdout).toContain('consensus rule: unanimous');
    expect(shiji('panel', '--db', b, '--consensus', 'majority').code).toBe(0);
    const same = join(tmp, 'm2.sqlite');
    expect(shiji('merge', a, b, '-o', same).stdout).not.toContain('consensus rule');
    expect(shiji('panel', '--db', same).stdout).toContain('consensus rule: majority\n');
    // merging again into an existing output never changes its rule
    expect(shiji('merge', a, b, '-o', differ).stdout).toContain('the output keeps its own');
    expect(shiji('panel', '--db', differ).stdout).toContain('consensus rule: unanimous');
  });
});

describe('shiji agreement', () => {
  const long = '某某省某某市某某区人民来访接待中心综合协调科室第一组'; // 25 characters
  const mixed = 'ABC信访局 Office 2';
  const rows = [
    { nomineeName: long, claimId: 'c1', reviewer: '王委员', status: 'verified' as const, note: '与台账一致' },
    { nomineeName: long, claimId: 'c1', reviewer: 'li', status: 'disputed' as const, note: '附件中为70件' },
    { nomineeName: mixed, claimId: 'c2', reviewer: '王委员', status: 'needs_evidence' as const, claimText: '96.5%' },
    { nomineeName: mixed, claimId: 'c2', reviewer: 'li', status: 'verified' as const, claimText: '96.5%' },
    { nomineeName: '甲', claimId: 'c3', reviewer: '王委员', status: 'verified' as const, claimText: '3 个' },
    { nomineeName: '甲', claimId: 'c3', reviewer: 'li', status: 'verified' as const, claimText: '3 个' },
    { nomineeName: '甲', claimId: 'c4', reviewer: '王委员', status: 'disputed' as const, claimText: '一万余人次' },
    { nomineeName: '甲', claimId: 'c4', reviewer: 'li', status: 'disputed' as const, claimText: '一万余人次' },
    { nomineeName: '甲', claimId: 'c4', reviewer: '陈主任', status: 'needs_evidence' as const, claimText: '一万余人次', role: 'chair' as const, note: '请补原始记录' },
  ];

  it('lines up its columns with long Chinese and mixed names, and shows every note, the consensus and the resolution', () => {
    const r = shiji('agreement', '--db', store(rows));
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const header = lines.find((l) => l.includes('nominee') && l.includes('kappa')) as string;
    const table = lines.slice(lines.indexOf(header) + 1, lines.indexOf(''));
    expect(table.map((l) => l.trim().split(/\s+/)[0])).toEqual([long, 'ABC信访局', '甲', 'overall']);
    for (const l of table) {
      expect(fromColumn(l, columnOf(header, 'claims'))).toMatch(/^\d/);
      expect(fromColumn(l, columnOf(header, 'kappa'))).toMatch(/^(?:-?\d|—)/);
    }
    const dh = lines.find((l) => l.includes('consensus') && l.includes('王委员')) as string;
    const listed = lines.slice(lines.indexOf(dh) + 1).filter((l) => /^ {2}\S/.test(l));
    expect(listed).toHaveLength(3);
    for (const l of listed) {
      for (const m of ['li', '王委员', 'claim']) expect(fromColumn(l, columnOf(dh, m)), `${m} in ${l}`).toMatch(/^\S/);
      expect(fromColumn(l, columnOf(dh, 'consensus'))).toMatch(/^(?:disagreement|needs_evidence \(chair\))/);
    }
    expect(r.stdout).toContain('      li: 附件中为70件');
    expect(r.stdout).toContain('      王委员: 与台账一致');
    expect(r.stdout).toContain('      chair 陈主任: needs evidence — 请补原始记录');
    expect(r.stdout).toContain('disagreement: 1 of 2 disputed');
    expect(r.stdout).toMatch(/consensus: unanimous \(the panel's rule\) · 1 agreed · 1 resolved by the chair · 2 need the chair · 0 pending/);
  });

  it('--json keeps its fields and adds the notes, the consensus and the adjudication', () => {
    const r = shiji('agreement', '--db', store(rows), '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown> & { disagreements: Array<Record<string, unknown>> };
    for (const k of ['reviewers', 'overall', 'nominees', 'disagreements', 'rule', 'panel', 'consensus', 'adjudication']) expect(j).toHaveProperty(k);
    expect(j.disagreements[0]).toMatchObject({ label: `${long} — x.txt`, claimText: '701 件', docPath: 'corpus/x.txt', claimId: 'c1', statuses: { li: 'disputed', 王委员: 'verified' }, notes: { li: '附件中为70件', 王委员: '与台账一致' }, consensus: 'disagreement' });
  });
});

describe('shiji review --chair without a terminal', () => {
  const NOTICE = 'corpus/shanxi-2017-xinfang-nominees.txt';
  it('prints what needs the chair, or that nothing does; refuses a chair and a reviewer at once', () => {
    const doc = noticeDoc().result;
    const c = doc.claims[0]!;
    const path = dbPath();
    const s = ReviewStore.open(path);
    const base = { docSha: doc.sha256, docPath: doc.path, claimId: c.id, nominee: c.nominee, nomineeName: '阳泉市信访局', claimText: c.text, note: '' };
    s.record({ ...base, reviewer: 'alice', status: 'verified' });
    s.record({ ...base, reviewer: 'bob', status: 'verified' });
    s.close();
    const none = shiji('review', NOTICE, '--db', path, '--chair', '陈主任');
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('nothing to adjudicate: no claim is in disagreement under the unanimous rule (panel alice, bob: 1 agreed');
    const again = ReviewStore.open(path);
    again.record({ ...base, reviewer: 'bob', status: 'disputed', note: '数不对' });
    again.close();
    const one = shiji('review', NOTICE, '--db', path, '--chair', '陈主任', '--consensus', 'majority');
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('chair 陈主任');
    expect(one.stdout).toContain('majority rule');
    expect(one.stdout).toMatch(/阳泉市信访局\s+1\s+0\/1/);
    expect(one.stdout).toContain('resolved 0 of 1');
    expect(shiji('review', NOTICE, '--db', path, '--chair', 'a', '--reviewer', 'b').code).toBe(2);
    expect(shiji('review', NOTICE, '--db', path, '--consensus', 'majority').code).toBe(2);
    expect(shiji('review', NOTICE, '--db', path, '--chair', ' ').code).toBe(2);
  });
});
