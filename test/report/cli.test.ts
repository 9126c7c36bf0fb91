/** shiji report as a user runs it (npm test builds dist/ first). */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { ReviewStore } from '../../src/index.js';
import { RULE_SETTING } from '../../src/review/panel.js';
import { panel, CHAIR_NOTE, REPORT_INPUTS } from '../helpers/report.js';

const tmp = mkdtempSync(join(tmpdir(), 'shiji-report-cli-'));
function shiji(...args: string[]) {
  const r = spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', env: { ...process.env, SHIJI_CACHE: join(tmp, 'cache.sqlite') } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const NOTICE = REPORT_INPUTS[0]!;

describe('shiji report', () => {
  it('--help prints its usage; the overall help lists it', () => {
    const r = shiji('report', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('shiji report <file-or-folder>... --out REPORT.docx|REPORT.html');
    expect(r.stdout).toContain('--consensus RULE');
    expect(shiji('--help').stdout).toContain('shiji report');
    expect(shiji('reprot').stderr).toContain('did you mean report?');
  });

  it('refuses bad arguments with one line and exit 2, before any analysis, writing nothing', () => {
    const dir = mkdtempSync(join(tmp, 'bad-'));
    const notAStore = join(dir, 'notes.sqlite');
    writeFileSync(notAStore, 'not a database\n');
    const html = join(dir, 'notice.html');
    copyFileSync('corpus/web-chengxi-two-cadres.txt', html);
    const store = join(dir, 'panel.docx');
    copyFileSync(panel().path, store);
    const cases: Array<[string[], RegExp]> = [
      [['report', NOTICE], /^shiji: report needs --out FILE\.docx or FILE\.html$/],
      [['report', '--out', join(dir, 'r.docx')], /^shiji: report needs at least one file or folder$/],
      [['report', NOTICE, '--out', join(dir, 'r.pdf')], /^shiji: --out .*r\.pdf: the report is written as \.docx or \.html, not \.pdf$/],
      [['report', NOTICE, '--out', join(dir, 'report')], /not a file without an extension$/],
      [['report', html, '--out', html], /is one of the inputs/],
      [['report', NOTICE, '--out', join(dir, 'no-such-folder', 'r.docx')], /: no such folder .*no-such-folder$/],
      [['report', NOTICE, '--db', store, '--out', store], /is one of the inputs/],
      [['report', NOTICE, '--db', notAStore, '--out', join(dir, 'r.docx')], /^shiji: --db: .*not a shiji review database \(not SQLite\); left untouched/],
      [['report', NOTICE, '--db', join(dir, 'missing.sqlite'), '--out', join(dir, 'r.docx')], /^shiji: --db: .*no such review database/],
      [['report', NOTICE, '--consensus', 'plurality', '--out', join(dir, 'r.docx')], /^shiji: --consensus takes unanimous or majority \(not "plurality"\)$/],
      [['report', NOTICE, '--bogus', '--out', join(dir, 'r.docx')], /^shiji: Unknown option '--bogus'/],
    ];
    for (const [args, message] of cases) {
      const r = shiji(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr.trimEnd(), args.join(' ')).toMatch(message);
      expect(r.stdout).toBe('');
    }
    expect(readFileSync(notAStore, 'utf8')).toBe('not a database\n');
    expect(readdirSync(dir).sort()).toEqual(['notes.sqlite', 'notice.html', 'panel.docx']);
  });

  it('writes the Word report of a merged store, and the HTML one without a store', async () => {
    const dir = mkdtempSync(join(tmp, 'ok-'));
    const out = join(dir, 'report.docx');
    const r = shiji('report', NOTICE, '--db', panel().path, '--out', out);
    expect(r.stderr).toMatch(/^wrote .*report\.docx: 6 nominee section\(s\), 61 claim\(s\)\n$/);
    expect(r.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(CHAIR_NOTE);
    expect(xml).toContain('周方志');
    const h = shiji('report', NOTICE, '--out', join(dir, 'report.html'));
    expect(h.code).toBe(0);
    expect(h.stderr).toContain('no review store: every claim unreviewed');
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('No review store was given');
    // written atomically: nothing else left beside them
    expect(readdirSync(dir).sort()).toEqual(['report.docx', 'report.html']);
    expect(statSync(out).size).toBeGreaterThan(10_000);
  });

  it("follows the rule the store keeps, and --consensus for one run", () => {
    const dir = mkdtempSync(join(tmp, 'rule-'));
    const db = join(dir, 'panel.sqlite');
    copyFileSync(panel().path, db);
    const store = ReviewStore.open(db);
    store.setSetting(RULE_SETTING, 'majority');
    store.close();
    const cover = (html: string): string => html.slice(html.indexOf('<dt>Consensus rule</dt>'), html.indexOf('<dt>Totals</dt>'));
    expect(shiji('report', NOTICE, '--db', db, '--out', join(dir, 'kept.html')).code).toBe(0);
    expect(cover(readFileSync(join(dir, 'kept.html'), 'utf8'))).toMatch(/<dd>majority: .*\(the panel&#39;s rule, kept in its store\)<\/dd>/);
    expect(shiji('report', NOTICE, '--db', db, '--consensus', 'unanimous', '--out', join(dir, 'run.html')).code).toBe(0);
    expect(cover(readFileSync(join(dir, 'run.html'), 'utf8'))).toMatch(/<dd>unanimous: .*\(for this report; the store keeps majority\)<\/dd>/);
    expect(shiji('report', NOTICE, '--out', join(dir, 'none.html')).code).toBe(0);
    expect(cover(readFileSync(join(dir, 'none.html'), 'utf8'))).toMatch(/<dd>unanimous: .*\(the default\)<\/dd>/);
  });
});
