/**
 * What the analyst's tables say: the notice's metadata in every table, numeric totals with their
 * bounds, honest totals (context, a total and its parts, bilingual figures once, review), the
 * grouped summaries, Chinese headers, and the report's chart against the summary.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { parse as parseCsv } from 'csv-parse/sync';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseBytes, ReviewStore, type DocumentResult } from '../src/index.js';
import { TableBuilder, allTables, summaryTable, claimsTable, coverageTable, reviewIndex, type Row, type TableOptions } from '../src/export/tables.js';
import { toJson, toHtml, toXlsx } from '../src/export/render.js';
import { chartData } from '../src/export/tables.js';
import { readExportTables, validateExportTables, knownUnits, exportVocabulary } from '../src/export/vocabulary.js';
import ExcelJS from 'exceljs';

const paths = [
  'corpus/shanxi-2017-xinfang-nominees.txt', 'corpus/bilingual-chen-hua.txt', 'corpus/en-zhou-fangzhi-citation.en.txt',
  'corpus/qinghe-2019-notice.gbk.txt', 'corpus/pingyang-2023-lianxian-web.txt', 'corpus/dongping-beihu-2021-inline-sections.txt',
];
const analyses = paths.map((p) => analyseBytes(readFileSync(p), p));
const docs: DocumentResult[] = analyses.map((a) => a.result);
const texts = new Map(analyses.map((a) => [a.result.sha256, a.text]));
const shanxi = docs[0]!;
const chen = docs[1]!;
const rowOf = (rows: readonly Row[], nominee: string): Row => rows.find((r) => r['nominee'] === nominee)!;

describe('export vocabulary (dictionaries/export.yaml, dictionaries/units-en.yaml)', () => {
  const { units, english } = knownUnits();
  it('is valid as shipped: every English unit maps onto a unit of units.yaml', () => {
    expect(validateExportTables(readExportTables(), units, english)).toEqual([]);
    expect(exportVocabulary().unitsEn['cases']).toBe('件');
    expect(exportVocabulary().unitsEn['person-times']).toBe('人次');
  });

  it('catches an unmapped English unit, unknown units and categories, and missing names', () => {
    const raw = readExportTables();
    const ex = raw['export.yaml'] as Record<string, unknown>;
    const en = raw['units-en.yaml'] as { units: Record<string, string> };
    const { cases: _dropped, ...rest } = en.units;
    const bad = {
      'export.yaml': { ...ex, totals: { ...(ex['totals'] as object), amount: [{ unit: '美元' }], cases: [{ unit: '件' }] }, categories: { ...(ex['categories'] as object), share: { en: 'shares' } } },
      'units-en.yaml': { units: { ...rest, petitions: '封信', kilometres: '公里' } },
    };
    expect(validateExportTables(bad, units, english)).toEqual(expect.arrayContaining([
      'export.yaml: totals.amount: 美元 is not a unit of units.yaml',
      'export.yaml: totals: unknown category cases',
      'export.yaml: categories.share needs en and zh',
      'units-en.yaml: petitions: 封信 is not a unit of units.yaml',
      'units-en.yaml: kilometres is not a unit of english.yaml',
      'units-en.yaml: english.yaml\'s unit "cases" has no Chinese unit',
    ]));
  });
});

describe('metadata columns', () => {
  const [summary, claims, coverage] = allTables(docs, texts);
  it('the bundled notice: 2017, 山西省, its issuer and the honour, in every table', () => {
    const meta = { year: 2017, province: '山西省', city: null, honour: '全国信访系统先进集体和先进工作者', issuer: '山西省全国信访系统“两先”推荐评选领导小组办公室' };
    for (const t of [summary!, claims!, coverage!]) {
      const mine = t.rows.filter((r) => r['document'] === shanxi.path);
      expect(mine.length).toBeGreaterThan(0);
      for (const r of mine) expect(r).toMatchObject(meta);
      for (const k of ['document', 'title', 'year', 'issuer', 'province', 'city', 'honour', 'nominee', 'kind', 'nominee_title', 'nominee_province', 'nominee_city']) {
        expect(t.columns.map((c) => c.key)).toContain(k);
      }
    }
    expect(rowOf(summary!.rows, '周方志')).toMatchObject({ kind: 'individual', nominee_title: '省信访局督查处处长', nominee_province: '山西省', nominee_city: null });
    expect(rowOf(summary!.rows, '张格平')).toMatchObject({ nominee_title: '长治市沁县信访局局长', nominee_city: '长治市' });
    expect(rowOf(summary!.rows, '阳泉市信访局')).toMatchObject({ kind: 'collective', nominee_title: null, nominee_city: '阳泉市' });
  });

  it('our own notices, the same way', () => {
    const of = (p: string): Row => summary!.rows.find((r) => r['document'] === p)!;
    expect(of('corpus/qinghe-2019-notice.gbk.txt')).toMatchObject({ year: 2019, city: '青河市', honour: '青河市信访系统先进集体和先进个人' });
    expect(of('corpus/pingyang-2023-lianxian-web.txt')).toMatchObject({ year: 2023, issuer: '平阳市信访局', city: '平阳市', honour: '全国信访系统先进集体和先进工作者' });
    expect(of('corpus/dongping-beihu-2021-inline-sections.txt')).toMatchObject({ year: 2021, honour: '全国信访系统先进集体和先进工作者' });
    expect(rowOf(summary!.rows, '马建军')).toMatchObject({ nominee_title: '东平县信访局局长' });
  });

  it('the JSON export carries them as well', () => {
    const j = JSON.parse(toJson(allTables([shanxi], texts))) as Record<string, { columns: Array<{ key: string }>; rows: Row[] }>;
    expect(j['claims']!.rows[0]).toMatchObject({ year: 2017, province: '山西省', honour: '全国信访系统先进集体和先进工作者' });
    expect(j['summary']!.columns.map((c) => c.key)).toContain('nominee_title');
  });
});

describe('honest totals', () => {
  it('a total is never summed with its own parts: 全市45个乡镇 and its 11, 4 and 3', () => {
    const yq = rowOf(summaryTable([shanxi]).rows, '阳泉市信访局');
    expect(yq['count_个']).toBe(11 + 4 + 3);
    const c45 = shanxi.claims.find((c) => c.text === '45 个')!;
    expect(c45.roleRule).toBe('role:context:total-with-parts');
    const row = claimsTable([shanxi], texts).rows.find((r) => r['claim_id'] === c45.id)!;
    expect(row).toMatchObject({ in_totals: 'no', left_out_because: 'role:context:total-with-parts' });
  });

  it('a bilingual document counts each figure once, in the Chinese units', () => {
    const r = rowOf(summaryTable([chen], { }).rows, '陈华');
    expect(r['amount_元']).toBe(23_000_000); // 2300余万元 and "more than RMB 23 million"
    expect([r['amount_元_low'], r['amount_元_high']]).toEqual([23_000_000, null]);
    expect(r['cases_resolved_件']).toBe(136);
    expect(r['headcount_人次']).toBe(12_000);
    expect(r['cases_resolved_other_units']).toBeNull();
    const rows = claimsTable([chen], texts).rows;
    const en = rows.find((x) => x['evidence'] === '136 backlog cases')!;
    const zh = rows.find((x) => x['evidence'] === '136件')!;
    expect(en).toMatchObject({ unit: '件', unit_written: 'cases', in_totals: 'no', left_out_because: `restates ${zh['claim_id']}` });
    expect(zh).toMatchObject({ in_totals: 'yes', left_out_because: null });
  });

  it('an English write-up adds up in the Chinese units (cases → 件, person-times → 人次)', () => {
    const zhou = docs[2]!;
    const r = summaryTable([zhou]).rows[0]!;
    const v = exportVocabulary();
    const additive = zhou.claims.filter((c) => c.role === 'achievement' && c.rate === null && c.from === null);
    const of = (cat: string, unit: string): number => additive.filter((c) => c.category === cat && v.unitsEn[c.unit] === unit).reduce((a, c) => a + c.value, 0);
    expect(additive.some((c) => c.unit === 'cases')).toBe(true);
    expect(r['cases_resolved_件']).toBe(of('cases_resolved', '件'));
    expect(r['cases_resolved_件']).toBeGreaterThan(0);
    // nothing is counted twice in a document in one language
    expect(claimsTable([zhou], texts).rows.some((x) => String(x['left_out_because']).startsWith('restates'))).toBe(false);
  });

  it('context figures (money at stake, awards in an anecdote) are left out', () => {
    const zhang = shanxi.claims.filter((c) => c.nominee === 'n5' && c.category === 'amount');
    const award = zhang.find((c) => c.roleRule.startsWith('role:context:award'))!;
    expect(award).toBeDefined();
    const r = rowOf(summaryTable([shanxi]).rows, '张格平');
    expect(r['amount_元']).toBe(zhang.filter((c) => c.role === 'achievement' && c.rate === null && c.from === null).reduce((a, c) => a + c.value, 0));
    expect(r['amount_元']).toBeLessThan(zhang.filter((c) => c.rate === null && c.from === null).reduce((a, c) => a + c.value, 0));
  });

  it('with a review: disputed and not-a-claim figures are left out, and the sheet says so; --verified-only sums verified alone', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'shiji-tables-'));
    const store = ReviewStore.open(join(tmp, 'r.sqlite'));
    const wang = shanxi.claims.filter((c) => c.nominee === 'n6' && c.category === 'amount' && c.role === 'achievement');
    expect(wang.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = wang;
    const rec = (id: string, status: 'verified' | 'disputed', reviewer: string) => store.record({ docSha: shanxi.sha256, docPath: shanxi.path, claimId: id, nominee: 'n6', nomineeName: '王连成', claimText: '', status, note: '', reviewer });
    rec(a!.id, 'verified', 'x'); rec(b!.id, 'verified', 'x'); rec(b!.id, 'disputed', 'y');
    const latest = store.latest();
    store.close();
    const all = wang.reduce((s, x) => s + x.value, 0);
    const plain = summaryTable([shanxi], { review: reviewIndex(latest) });
    expect(plain.title).toMatch(/leave out disputed and not-a-claim/);
    expect(rowOf(plain.rows, '王连成')).toMatchObject({ 'amount_元': all - b!.value, left_out_by_review: 1, review_disputed: 1 });
    const notAClaim = reviewIndex(latest, { notAClaim: (sha, id) => sha === shanxi.sha256 && id === c!.id });
    expect(rowOf(summaryTable([shanxi], { review: notAClaim }).rows, '王连成')).toMatchObject({ 'amount_元': all - b!.value - c!.value, left_out_by_review: 2 });
    expect(claimsTable([shanxi], texts, { review: notAClaim }).rows.find((r) => r['claim_id'] === c!.id)).toMatchObject({ in_totals: 'no', left_out_because: 'review:not-a-claim' });
    const verified = summaryTable([shanxi], { review: reviewIndex(latest), verifiedOnly: true });
    expect(verified.title).toMatch(/verified claims only/);
    expect(rowOf(verified.rows, '王连成')['amount_元']).toBe(a!.value);
    // another nominee with nothing verified has no totals at all
    expect(rowOf(verified.rows, '张格平')['amount_元']).toBeNull();
    // by default a review index knows of no "not a claim"
    expect(reviewIndex(latest).notAClaim?.(shanxi.sha256, c!.id)).toBe(false);
    // a corrected analysis marks it on the claim itself
    const corrected = { ...shanxi, claims: shanxi.claims.map((x) => (x.id === c!.id ? { ...x, notAClaim: true } : x)) };
    expect(rowOf(summaryTable([corrected]).rows, '王连成')['amount_元']).toBe(all - c!.value);
  });
});

describe('numeric columns', () => {
  it('are fixed, numeric, and known before the first row, whatever the documents', () => {
    const b = new TableBuilder();
    const keys = b.summaryColumns.map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(['cases_resolved_件', 'cases_resolved_件_low', 'cases_resolved_件_high', 'amount_元', 'headcount_人次', 'headcount_人', 'cases_resolved_other_units']));
    expect(new TableBuilder().summaryColumns).toEqual(b.summaryColumns);
    for (const d of docs) {
      const out = b.add(d, texts.get(d.sha256)!);
      for (const r of out.summary) expect(Object.keys(r).sort()).toEqual([...keys].sort());
      for (const r of out.claims) expect(Object.keys(r).sort()).toEqual(b.claimColumns.map((c) => c.key).sort());
      for (const r of out.coverage) expect(Object.keys(r).sort()).toEqual(b.coverageColumns.map((c) => c.key).sort());
    }
    expect(b.finish()).toEqual([]);
  });

  it('by criterion, a document\'s rows come with the document: nothing is held until the end', () => {
    const b = new TableBuilder({ by: 'criterion' });
    let rows = 0;
    for (const d of docs) {
      const out = b.add(d, texts.get(d.sha256)!);
      expect(new Set(out.summary.map((r) => r['document'])).size).toBeLessThanOrEqual(1);
      expect(out.summary.length).toBe(d.criteria.length);
      rows += out.summary.length;
    }
    expect(rows).toBeGreaterThan(0);
    expect(b.finish()).toEqual([]);
    expect(summaryTable(docs, { by: 'criterion' }).rows.length).toBe(rows);
  });

  it('名 and 位 are added into 人, 批 into 批次; other units go to the text column', () => {
    const r = rowOf(summaryTable([shanxi]).rows, '王连成');
    const people = shanxi.claims.filter((c) => c.nominee === 'n6' && c.category === 'headcount' && ['人', '名', '位', '农民工'].includes(c.unit) && c.role === 'achievement' && c.rate === null && c.from === null);
    expect(r['headcount_人']).toBe(people.reduce((a, c) => a + c.value, 0));
    expect(String(rowOf(summaryTable([shanxi]).rows, '王连成')['count_other_units'])).toMatch(/辆/);
  });
});

describe('summary modes', () => {
  const perNominee = summaryTable(docs).rows;
  const sum = (rows: readonly Row[], k: string): number => rows.reduce((a, r) => a + ((r[k] as number | null) ?? 0), 0);

  it.each(['year', 'region', 'honour'] as const)('by %s: the groups add up to the per-nominee rows, with the same column keys', (by) => {
    const t = summaryTable(docs, { by });
    for (const k of ['claims', 'cases_resolved_件', 'amount_元', 'headcount_人次', 'count_个']) expect(sum(t.rows, k)).toBeCloseTo(sum(perNominee, k), 6);
    const perKeys = new Set(summaryTable(docs).columns.map((c) => c.key));
    for (const c of t.columns) if (!['documents', 'nominees'].includes(c.key)) expect(perKeys.has(c.key)).toBe(true);
    // a document is in one year and one honour; its nominees may be in several regions
    if (by !== 'region') expect(sum(t.rows, 'documents')).toBe(docs.length);
    expect(sum(t.rows, 'nominees')).toBe(docs.reduce((a, d) => a + d.nominees.length, 0));
  });

  it('by year: one row a year, sorted, unknown years last', () => {
    const t = summaryTable(docs, { by: 'year' });
    expect(t.rows.map((r) => r['year'])).toEqual([2017, 2019, 2021, 2023, null]);
    expect(t.rows.find((r) => r['year'] === 2017)).toMatchObject({ documents: 1, nominees: 6 });
    expect(t.title).toBe('Summary by year');
  });

  it('by honour groups the 两先 notices under one name', () => {
    const t = summaryTable(docs, { by: 'honour' });
    expect(t.rows.find((r) => r['honour'] === '全国信访系统先进集体和先进工作者')).toMatchObject({ documents: 3 });
  });

  it('by region: the nominees\' province and city', () => {
    const t = summaryTable([shanxi], { by: 'region' });
    expect(t.rows.map((r) => `${r['nominee_province']}/${r['nominee_city'] ?? ''}`)).toEqual(['山西省/大同市', '山西省/晋中市', '山西省/太原市', '山西省/阳泉市', '山西省/长治市', '山西省/']);
  });

  it('aggregated rows come at the end, per-document rows as each document is added, in the notice\'s nominee order', () => {
    const b = new TableBuilder({ by: 'year' });
    for (const d of docs) expect(b.add(d, texts.get(d.sha256)!).summary).toEqual([]);
    expect(b.finish().length).toBe(5);
    const p = new TableBuilder();
    expect(p.add(shanxi, texts.get(shanxi.sha256)!).summary.map((r) => r['nominee'])).toEqual(shanxi.nominees.map((n) => n.name));
  });

  it('by category: one row per category and unit, with numeric totals', () => {
    const t = summaryTable(docs, { by: 'category' });
    const yuan = t.rows.find((r) => r['category'] === 'amount' && r['unit'] === '元')!;
    expect(yuan['total']).toBeCloseTo(sum(perNominee, 'amount_元'), 6);
    expect(typeof yuan['low']).toBe('number');
    // a bound is a word or a sign no spreadsheet reads as a formula
    for (const r of t.rows) expect([null, 'exact', '≥', '≤', '≈']).toContain(r['bound']);
    // nothing counted: no bound (null), never an empty text
    for (const r of t.rows) if (r['claims_in_total'] === 0) expect(r['bound']).toBeNull();
    expect(t.rows.some((r) => r['bound'] === 'exact')).toBe(true);
  });
});

describe('--lang zh', () => {
  const opts: TableOptions = { lang: 'zh' };
  const [summary, claims, coverage] = allTables([shanxi], texts, opts);
  it('Chinese headers, titles and category names; the same keys', () => {
    const en = allTables([shanxi], texts);
    expect(summary!.columns.map((c) => c.key)).toEqual(en[0]!.columns.map((c) => c.key));
    const h = (t: typeof summary, k: string) => t!.columns.find((c) => c.key === k)!.header;
    expect([h(summary, 'year'), h(summary, 'province'), h(summary, 'honour'), h(summary, 'nominee_title')]).toEqual(['年份', '省份', '荣誉', '职务']);
    expect(h(summary, 'cases_resolved_件')).toBe('化解案件 件');
    expect(h(summary, 'amount_元_low')).toBe('金额 元 下限');
    expect(summary!.title).toBe('按文件和推荐对象汇总');
    expect(claims!.rows.find((r) => r['evidence'] === '701 件')).toMatchObject({ category: '化解案件', role: '成绩', in_totals: '是' });
    expect(coverage!.title).toMatch(/覆盖/);
    for (const t of [summary!, claims!, coverage!]) for (const c of t.columns) expect(c.header).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(['nominee', 'category', 'criterion', 'year', 'region', 'honour'] as const)('every header of the summary by %s is Chinese, with and without a review', (by) => {
    for (const o of [{ by, lang: 'zh' as const }, { by, lang: 'zh' as const, groupByName: true, review: reviewIndex([]) }]) {
      const b = new TableBuilder(o);
      for (const c of [...b.summaryColumns, ...b.claimColumns, ...b.coverageColumns]) expect(c.header).toMatch(/[\u4e00-\u9fff]/);
      expect(b.titles.summary).toMatch(/^按/);
    }
  });

  it('the xlsx gets an autofilter over the header', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await toXlsx(allTables([shanxi], texts, opts)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('summary')!;
    expect(ws.autoFilter).toBeTruthy();
    // row 1 holds the same keys as in English; the Chinese labels are in the columns sheet
    const en = allTables([shanxi], texts);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(en[0]!.columns.map((c) => c.key));
    const listed = (wb.getWorksheet('columns')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(listed).toContainEqual(['summary', 'year', '年份', 'year']);
    expect(listed).toContainEqual(['summary', 'cases_resolved_件', '化解案件 件', 'number']);
  });
});

describe('the report chart', () => {
  it('shows totals per nominee and category, sorted by value, the same as the summary', () => {
    const summary = summaryTable([shanxi]);
    const charts = chartData([shanxi], texts);
    const amount = charts.find((c) => c.key === 'amount_元')!;
    expect(amount.bars.map((b) => b.value)).toEqual([...amount.bars.map((b) => b.value)].sort((x, y) => y - x));
    for (const c of charts) {
      for (const b of c.bars) expect(b.value).toBe(rowOf(summary.rows, b.label)[c.key]);
    }
    const html = toHtml(allTables([shanxi], texts), [shanxi], 'now', { texts });
    const svg = html.split('data-column="amount_元"')[1]!.split('</svg>')[0]!;
    const values = [...svg.matchAll(/data-value="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(values).toEqual(amount.bars.map((b) => b.value));
    expect(svg).toContain('王连成');
  });

  it('colours by review status when there is a review', () => {
    const review = reviewIndex([{ id: 1, uid: 'u', seq: 1, reviewer: 'x', at: '2026-01-01', undoOf: null, docSha: shanxi.sha256, docPath: shanxi.path, claimId: shanxi.claims.find((c) => c.text === '701 件')!.id, nominee: 'n1', nomineeName: '', claimText: '', status: 'verified', note: '', role: 'member' }]);
    const bar = chartData([shanxi], texts, { review }).find((c) => c.key === 'cases_resolved_件')!.bars.find((b) => b.label === '阳泉市信访局')!;
    expect(bar.parts).toEqual([{ status: 'verified', value: 701 }]);
    const html = toHtml(allTables([shanxi], texts, { review }), [shanxi], 'now', { texts, review });
    expect(html).toContain('fill="#2e7d32"');
    expect(html).toContain('class="legend"');
    expect(toHtml(allTables([shanxi], texts), [shanxi], 'now', { texts })).not.toContain('fill="#2e7d32"');
  });
});

it('coverageTable and the builder agree', () => {
  expect(coverageTable(docs).rows.length).toBe(docs.reduce((a, d) => a + d.coverage.length, 0));
});

describe('the command line', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'shiji-tables-cli-'));
  const shiji = (...args: string[]) => spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', env: { ...process.env, SHIJI_CACHE: join(tmp, 'c.sqlite') } });

  it('takes --by year|region|honour, --lang zh and --verified-only', () => {
    const year = shiji('export', paths[0]!, paths[3]!, '--format', 'csv', '--by', 'year');
    expect(year.status, year.stderr).toBe(0);
    const rows = parseCsv(year.stdout.slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r['year'])).toEqual(['2017', '2019']);
    // --lang zh: the CSV keys are the English export's; the Chinese labels head the Markdown
    const zh = shiji('export', paths[0]!, '--format', 'csv', '--by', 'honour', '--lang', 'zh');
    const en = shiji('export', paths[0]!, '--format', 'csv', '--by', 'honour');
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stdout.split('\r\n')[0]).toMatch(/^\ufeffhonour,documents,nominees,claims,/);
    expect(zh.stdout.split('\r\n')[0]).toBe(en.stdout.split('\r\n')[0]);
    const md = shiji('export', paths[0]!, '--format', 'md', '--by', 'honour', '--lang', 'zh');
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^\| 荣誉 \| 文件数 \| 推荐对象数 \| 数据条数 \|/m);
    for (const bad of [['--by', 'decade'], ['--lang', 'fr'], ['--verified-only']]) {
      const r = shiji('export', paths[0]!, '--format', 'csv', ...bad);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 120_000);
});

it('summary rows go by document in the order given, then by the notice\'s own nominee order, as the builder gives them', () => {
  const order = [...docs].reverse();
  const rows = summaryTable(order).rows;
  expect([...new Set(rows.map((r) => String(r['document'])))]).toEqual(order.map((d) => d.path));
  expect(rows.filter((r) => r['document'] === shanxi.path).map((r) => r['nominee'])).toEqual(shanxi.nominees.map((n) => n.name));
  const b = new TableBuilder();
  expect(order.flatMap((d) => b.add(d, texts.get(d.sha256)!).summary)).toEqual(allTables(order, texts)[0]!.rows);
});
