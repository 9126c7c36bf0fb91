/** Exports in all five formats; totals are recomputed here from the claims, not read from the output. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { analyseBytes, ReviewStore, type Claim, type DocumentResult } from '../src/index.js';
import { allTables, summaryTable, claimsTable, reviewIndex } from '../src/export/tables.js';
import { toCsv, toMarkdown, toJson, toXlsx, toHtml } from '../src/export/render.js';

const paths = ['corpus/shanxi-2017-xinfang-nominees.txt', 'corpus/qinghe-2019-notice.gbk.txt', 'corpus/liulin-wang-xiuying.standalone.txt'];
const analyses = paths.map((p) => analyseBytes(readFileSync(p), p));
const docs: DocumentResult[] = analyses.map((a) => a.result);
const texts = new Map(analyses.map((a) => [a.result.sha256, a.text]));
const tmp = mkdtempSync(join(tmpdir(), 'shiji-export-'));
const shiji = (...args: string[]) => spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', env: { ...process.env, SHIJI_CACHE: join(tmp, 'c.sqlite') } });

/**
 * Independent recomputation of a category total for one nominee: per unit, only additive achievement
 * figures; low and high from each figure's approximation (exact v…v, over v…open, under 0…v, about ±20%).
 */
function expectedTotal(claims: Claim[], unit: string): { sum: number; bound: string; low: number; high: number | null } | null {
  const xs = claims.filter((c) => c.unit === unit && c.rate === null && c.from === null && c.role === 'achievement');
  if (xs.length === 0) return null;
  const lower = xs.some((c) => c.approx === 'over' || c.approx === 'at_least');
  const upper = xs.some((c) => c.approx === 'under' || c.approx === 'at_most');
  const about = xs.some((c) => c.approx === 'about');
  const bound = about || (lower && upper) ? '≈' : lower ? '≥' : upper ? '≤' : '=';
  const lo = (c: Claim): number => c.low ?? (c.approx === 'under' || c.approx === 'at_most' ? 0 : c.approx === 'about' ? 0.8 * c.value : c.value);
  const hi = (c: Claim): number => c.high ?? (c.approx === 'over' || c.approx === 'at_least' ? Infinity : c.approx === 'about' ? 1.2 * c.value : c.value);
  const high = xs.reduce((a, c) => a + hi(c), 0);
  return { sum: xs.reduce((a, c) => a + c.value, 0), bound, low: xs.reduce((a, c) => a + lo(c), 0), high: Number.isFinite(high) ? high : null };
}

describe('summary table', () => {
  const summary = summaryTable(docs);
  it('has one row per document and nominee, with claim counts per category', () => {
    expect(summary.rows).toHaveLength(docs.reduce((a, d) => a + d.nominees.length, 0));
    for (const r of summary.rows) {
      const d = docs.find((x) => x.path === r['document'])!;
      const n = d.nominees.find((x) => x.name === r['nominee'])!;
      const mine = d.claims.filter((c) => c.nominee === n.id);
      expect(r['claims']).toBe(mine.length);
      expect(r['cases_resolved_claims']).toBe(mine.filter((c) => c.category === 'cases_resolved').length);
    }
  });

  it('honours approximations in numeric totals: a sum, its low and its high bound', () => {
    for (const r of summary.rows) {
      const d = docs.find((x) => x.path === r['document'])!;
      const n = d.nominees.find((x) => x.name === r['nominee'])!;
      const exp = expectedTotal(d.claims.filter((c) => c.nominee === n.id && c.category === 'amount'), '元');
      expect(r['amount_元']).toBe(exp ? exp.sum : null);
      expect(r['amount_元_low']).toBe(exp ? exp.low : null);
      expect(r['amount_元_high']).toBe(exp ? exp.high : null);
      // one column per quantity: no 万元 copy of the yuan total
      expect(r).not.toHaveProperty('wan');
    }
    expect(summary.columns.map((c) => c.key)).not.toContain('wan');
    expect(summary.columns.map((c) => c.header)).not.toContain('amount (万元)');
    const wang = summary.rows.find((r) => r['nominee'] === '王连成')!;
    // 7000余万元 and 1亿多元 make it a lower bound: low is the sum, high open
    expect(wang['amount_元_low']).toBe(wang['amount_元']);
    expect(wang['amount_元_high']).toBeNull();
    const zhang = summary.rows.find((r) => r['nominee'] === '张格平')!;
    // 150余起 (over) with 近60起 (under): the sum is neither bound; low leaves 近60 at 0, high is open
    const exp = expectedTotal(docs[0]!.claims.filter((c) => c.nominee === 'n5' && c.category === 'cases_resolved'), '起')!;
    expect(exp.bound).toBe('≈');
    expect([zhang['cases_resolved_起'], zhang['cases_resolved_起_low'], zhang['cases_resolved_起_high']]).toEqual([exp.sum, exp.low, null]);
    expect(exp.low).toBeLessThan(exp.sum);
    // every total cell is a number or empty, never text
    for (const r of summary.rows) for (const c of summary.columns) if (c.type === 'number' || c.type === 'yuan') expect(r[c.key] === null || typeof r[c.key] === 'number').toBe(true);
  });

  it('groups one name across documents on request', () => {
    const copy = join(tmp, 'copy-2018.txt');
    writeFileSync(copy, readFileSync(paths[2]!, 'utf8').replace('1100余起', '900余起'));
    const extra = analyseBytes(readFileSync(copy), copy).result;
    const grouped = summaryTable([docs[2]!, extra], { groupByName: true });
    expect(grouped.rows).toHaveLength(1);
    expect(grouped.rows[0]).toMatchObject({ nominee: '王秀英', claims: docs[2]!.claims.length + extra.claims.length });
    expect(String(grouped.rows[0]!['document'])).toContain('; ');
    expect(summaryTable([docs[2]!, extra]).rows).toHaveLength(2);
  });

  it('can be had by category and by criterion', () => {
    const byCat = summaryTable(docs, { by: 'category' });
    const all = docs.flatMap((d) => d.claims);
    for (const cat of new Set(all.map((c) => c.category))) {
      expect(byCat.rows.filter((r) => r['category'] === cat).reduce((a, r) => a + (r['claims'] as number), 0)).toBe(all.filter((c) => c.category === cat).length);
    }
    const yuan = byCat.rows.find((r) => r['category'] === 'amount' && r['unit'] === '元')!;
    const perNominee = summary.rows.reduce((a, r) => a + ((r['amount_元'] as number | null) ?? 0), 0);
    expect(yuan['total']).toBeCloseTo(perNominee, 6);
    const byCrit = summaryTable(docs, { by: 'criterion' });
    expect(byCrit.rows.length).toBe(docs.reduce((a, d) => a + d.criteria.length, 0));
    expect(byCrit.rows.find((r) => r['criterion'] === 'collective-5' && String(r['document']).includes('shanxi'))?.['nominees_without_evidence']).toBe('阳泉市信访局、晋中市榆次区信访局、大同市信访局接待科');
  });

  it('carries review status counts and notes from a review database', () => {
    const db = join(tmp, 'review.sqlite');
    const store = ReviewStore.open(db);
    const d = docs[0]!;
    const [c1, c2] = d.claims.filter((c) => c.nominee === 'n1');
    store.record({ docSha: d.sha256, docPath: d.path, claimId: c1!.id, nominee: 'n1', nomineeName: '', claimText: c1!.text, status: 'verified', note: '', reviewer: 'a' });
    store.record({ docSha: d.sha256, docPath: d.path, claimId: c2!.id, nominee: 'n1', nomineeName: '', claimText: c2!.text, status: 'verified', note: '', reviewer: 'a' });
    store.record({ docSha: d.sha256, docPath: d.path, claimId: c2!.id, nominee: 'n1', nomineeName: '', claimText: c2!.text, status: 'disputed', note: '核实不了', reviewer: 'b' });
    const review = reviewIndex(store.latest());
    store.close();
    const row = summaryTable(docs, { review }).rows.find((r) => r['nominee'] === '阳泉市信访局')!;
    expect([row['review_verified'], row['review_disputed'], row['review_unreviewed']]).toEqual([1, 1, d.claims.filter((c) => c.nominee === 'n1').length - 2]);
    const claimRow = claimsTable(docs, texts, { review }).rows.find((r) => r['claim_id'] === c2!.id)!;
    expect(claimRow).toMatchObject({ review_status: 'disputed', review_notes: 'b: 核实不了' });
  });
});

describe('formats', () => {
  const tables = allTables(docs, texts);

  it('CSV: UTF-8 with BOM, quoted by the library, round-trips', () => {
    const csv = toCsv(tables[1]!);
    expect(csv.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(csv.slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(docs.reduce((a, d) => a + d.claims.length, 0));
    const first = docs[0]!.claims[0]!;
    // the header row is the column keys, in the table's order
    expect(Object.keys(rows[0]!)).toEqual(tables[1]!.columns.map((c) => c.key));
    expect(rows.find((r) => r['claim_id'] === first.id)).toMatchObject({ evidence: first.text, value: String(first.value), start: String(first.start), top_criterion: first.criteria[0]!.id });
    expect(rows.some((r) => r['context']!.includes('，'))).toBe(true);
  });

  it('Markdown: one table per section, pipes escaped', () => {
    const md = toMarkdown(tables);
    expect(md.match(/^## /gm)).toHaveLength(3);
    const claimLines = md.split('## Claims')[1]!.split('## ')[0]!.split('\n').filter((l) => l.startsWith('|'));
    expect(claimLines).toHaveLength(tables[1]!.rows.length + 2);
  });

  it('JSON: every table with its rows', () => {
    const j = JSON.parse(toJson(tables)) as Record<string, { rows: unknown[] }>;
    expect(Object.keys(j)).toEqual(['summary', 'claims', 'coverage']);
    expect(j['coverage']!.rows).toHaveLength(docs.reduce((a, d) => a + d.coverage.length, 0));
  });

  it('XLSX: one sheet per table, frozen header, autofilter, number formats', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await toXlsx(tables) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['summary', 'claims', 'coverage', 'columns']);
    const ws = wb.getWorksheet('summary')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    // row 1 holds the column keys
    expect(headers).toEqual(tables[0]!.columns.map((c) => c.key));
    const yuanCol = headers.indexOf('amount_元') + 1;
    expect(yuanCol).toBeGreaterThan(0);
    expect(ws.getColumn(yuanCol).numFmt).toBe('#,##0');
    const wangRow = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(headers.indexOf('nominee') + 1).value === '王连成')!;
    const exp = expectedTotal(docs[0]!.claims.filter((c) => c.nominee === 'n6' && c.category === 'amount'), '元')!;
    expect(wangRow.getCell(yuanCol).value).toBe(exp.sum);
    expect(wangRow.getCell(headers.indexOf('year') + 1).value).toBe(2017);
    // the columns sheet: every table's column key with its label and type
    const listed = (wb.getWorksheet('columns')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(listed[0]).toEqual(['table', 'column', 'label', 'type']);
    expect(listed.slice(1)).toEqual(tables.flatMap((t) => t.columns.map((c) => [t.name, c.key, c.header, c.type])));
    expect(listed).toContainEqual(['summary', 'amount_元', 'amounts 元', 'yuan']);
  });

  it('HTML: self-contained, a bar chart of totals per numeric column, the tables', () => {
    const html = toHtml(tables, docs, '2026-01-01 00:00', { texts });
    expect(html).toMatch(/^<!doctype html>/);
    const summary = tables[0]!;
    const charted = summary.columns.filter((c) => /^(cases_resolved|amount|headcount|count)_[^_]+$/.test(c.key) && !c.key.endsWith('_other_units') && !c.key.endsWith('_claims') && summary.rows.some((r) => typeof r[c.key] === 'number' && r[c.key] !== 0));
    expect(html.match(/<svg /g)).toHaveLength(charted.length);
    // each chart names its column by the summary's key
    expect([...html.matchAll(/data-column="([^"]*)"/g)].map((m) => m[1]).sort()).toEqual(charted.map((c) => c.key).sort());
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<script/);
    expect(html.match(/<table>/g)).toHaveLength(3);
    expect(html).toContain('王连成');
    expect(html).toMatch(/font-family="[^"]*Noto Sans CJK SC/);
  });

  it('the CLI writes every format', () => {
    for (const f of ['csv', 'md', 'json', 'html', 'xlsx']) {
      const out = join(tmp, `report.${f}`);
      const r = shiji('export', ...paths, '--format', f, '--out', out);
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(out).length).toBeGreaterThan(100);
    }
    expect(readFileSync(join(tmp, 'report.claims.csv'), 'utf8').startsWith('\ufeff')).toBe(true);
    const stdout = shiji('export', paths[0]!, '--format', 'csv', '--table', 'coverage');
    expect(stdout.stdout.split('\r\n')[0]).toBe('\ufeffdocument,title,year,issuer,province,city,county,honour,nominee,kind,nominee_title,nominee_province,nominee_city,nominee_county,criterion,claims_ranking_first,strongest_claim,score,quantitative_evidence');
    expect(shiji('export', paths[0]!, '--format', 'pdf').status).toBe(2);
  }, 120_000);
});
