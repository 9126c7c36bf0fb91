/**
 * Totals an analyst can trust: a document counted once by its content, a figure said again in the
 * same words counted once, a possible copy between nominees left out until a reviewer verifies it,
 * nothing written when no input could be read (an earlier output kept), a crowd in an incident
 * read as context. Made-up documents, through the command line as an analyst runs it.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { analyseText, sha256 } from '../src/index.js';

const tmp = mkdtempSync(join(tmpdir(), 'shiji-trust-'));
const shiji = (...args: string[]) => spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', env: { ...process.env, SHIJI_CACHE: join(tmp, 'cache.sqlite') } });
const rows = (csv: string): Array<Record<string, string>> => parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;

const WRITE_UP = '扎根基层二十载——记东湖县信访局局长钟立新\n钟立新同志从事信访工作20年，近五年来化解信访积案300余件，为群众追回欠薪1,260万元，接待群众8000余人次。';

describe('totals an analyst can trust', () => {
  it('2000 copies of a document give the same totals as one, and say so; --keep-repeats keeps them', () => {
    const one = join(tmp, 'one');
    const many = join(tmp, 'many');
    for (const d of [one, many]) spawnSync('mkdir', ['-p', d]);
    writeFileSync(join(one, 'a.txt'), WRITE_UP);
    for (let i = 0; i < 2000; i++) copyFileSync(join(one, 'a.txt'), join(many, `copy-${String(i).padStart(4, '0')}.txt`));
    const a = shiji('export', one, '--format', 'csv');
    const b = shiji('export', many, '--format', 'csv');
    expect(b.status).toBe(0);
    const strip = (r: Record<string, string>): Record<string, string> => { const { document: _, ...rest } = r; return rest; };
    expect(rows(b.stdout).map(strip)).toEqual(rows(a.stdout).map(strip));
    expect(rows(b.stdout)).toHaveLength(1);
    expect(b.stderr).toContain('1999 inputs repeat the content of an earlier one');
    const kept = shiji('export', many, '--format', 'csv', '--keep-repeats');
    expect(rows(kept.stdout)).toHaveLength(2000);
  }, 120_000);

  it('a document that holds its text twice counts each figure once', () => {
    const once = analyseText(WRITE_UP, { path: 'once.txt', sha256: sha256(WRITE_UP), encoding: 'utf-8', bom: false }).result;
    expect(once.claims.length).toBeGreaterThan(2);
    const twice = `${WRITE_UP}\n${WRITE_UP.split('\n')[1] as string}`;
    const p1 = join(tmp, 'once.txt');
    const p2 = join(tmp, 'twice.txt');
    writeFileSync(p1, WRITE_UP);
    writeFileSync(p2, twice);
    const total = (p: string): Record<string, string> => rows(shiji('export', p, '--format', 'csv').stdout)[0] as Record<string, string>;
    const strip = (r: Record<string, string>): Record<string, string> => { const { document: _d, claims: _c, ...rest } = r; return Object.fromEntries(Object.entries(rest).filter(([k]) => !k.endsWith('_claims'))); };
    expect(strip(total(p2))).toEqual(strip(total(p1)));
    // the repeats stay in the claims table, each saying which figure it repeats
    const out = join(tmp, 'twice-out.csv');
    expect(shiji('export', p2, '--format', 'csv', '--out', out).status).toBe(0);
    const claims = rows(readFileSync(join(tmp, 'twice-out.claims.csv'), 'utf8'));
    const counted = claims.filter((c) => c['in_totals'] === 'yes');
    expect(counted.length).toBeGreaterThan(2);
    expect(claims.filter((c) => (c['left_out_because'] ?? '').startsWith('repeats ')).length).toBe(counted.length);
  });

  it('a figure flagged as a possible copy under another nominee is left out of the totals', () => {
    const text = [
      '两位信访干部的事迹',
      '东湖县信访局局长钟立新同志为困难群众争取救助资金1,260余万元，惠及3千多户。钟立新同志化解积案300件。',
      '西山县信访局局长方秀兰同志为困难群众争取救助资金1,260余万元，惠及2千多户。方秀兰同志化解积案120件。',
    ].join('\n');
    const r = analyseText(text, { path: 'copy.txt', sha256: sha256(text), encoding: 'utf-8', bom: false }).result;
    expect(r.checks.map((k) => k.kind)).toContain('duplicate');
    const p = join(tmp, 'copy.txt');
    writeFileSync(p, text);
    const summary = rows(shiji('export', p, '--format', 'csv').stdout);
    const amount = (name: string): string => summary.find((x) => x['nominee'] === name)?.['amount_元'] ?? '';
    expect(amount('钟立新')).toBe('12600000');
    expect(amount('方秀兰')).toBe('');
  });

  it('no input read: nothing written, an earlier output kept, and one line that says so', () => {
    const empty = join(tmp, 'empty.txt');
    const binary = join(tmp, 'binary.txt');
    writeFileSync(empty, '');
    writeFileSync(binary, Buffer.from([0, 1, 2, 0, 255, 0, 7]));
    for (const [format, out] of [['csv', join(tmp, 'good.csv')], ['parquet', join(tmp, 'good.parquet')], ['md', join(tmp, 'good.md')]] as const) {
      writeFileSync(out, 'an earlier good report');
      const r = shiji('export', empty, binary, join(tmp, 'missing.txt'), '--format', format, '--out', out);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('nothing written: none of the 3 inputs could be read');
      expect(r.stderr).not.toMatch(/wrote|at .*\.js/);
      expect(readFileSync(out, 'utf8')).toBe('an earlier good report');
      if (format === 'csv') expect(existsSync(join(tmp, 'good.claims.csv'))).toBe(false);
    }
    // some read: the failures named again on the last line
    const some = shiji('export', empty, 'corpus/liulin-wang-xiuying.standalone.txt', '--format', 'csv');
    expect(some.status).toBe(1);
    expect(rows(some.stdout)).toHaveLength(1);
    expect(some.stderr.trim().split('\n').pop()).toMatch(/1 input left out of the tables \(1 read\): .*empty\.txt: empty file/);
  });

  it('--format CSV is csv, and --format xls names the nearest format', () => {
    expect(shiji('export', 'corpus/liulin-wang-xiuying.standalone.txt', '--format', 'CSV').status).toBe(0);
    const r = shiji('export', 'corpus/liulin-wang-xiuying.standalone.txt', '--format', 'xls');
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('shiji: --format xls is not a format (did you mean xlsx?): choose csv|xlsx|md|json|html|parquet');
  });

  it('people in an incident, a crowd, casualties are context, not people helped', () => {
    const text = '信访工作纪实\n钟立新是东湖县信访局局长。2019年，百余名民工冲进某公司讨要工资，另有120余人围堵县政府，事故造成5人非正常死亡。钟立新为民工追回工资300万元，帮助困难群众200余户。';
    const r = analyseText(text, { path: 'crowd.txt', sha256: sha256(text), encoding: 'utf-8', bom: false }).result;
    const role = (t: string): string | undefined => r.claims.find((c) => c.text === t)?.role;
    expect({ crowd: role('百余名'), siege: role('120余人'), dead: role('5人'), paid: role('300万元'), helped: role('200余户') })
      .toEqual({ crowd: 'context', siege: 'context', dead: 'context', paid: 'achievement', helped: 'achievement' });
  });
});
