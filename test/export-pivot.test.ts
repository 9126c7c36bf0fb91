/**
 * One table layout in every format: the same pivot of cases resolved by year, region and honour
 * on the Parquet file and on the CSV file, read back by DuckDB as an analyst would (SQL over
 * read_parquet and read_csv), equals the summary's totals by year, by region and by honour.
 * The inputs: the bundled corpus, two made-up notices of another year, region and honour, and
 * repeated copies of one of them (counted once).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

const tmp = mkdtempSync(join(tmpdir(), 'shiji-pivot-'));
const shiji = (...args: string[]) => spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', env: { ...process.env, SHIJI_CACHE: join(tmp, 'cache.sqlite') } });
const csvRows = (csv: string): Array<Record<string, string>> => parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;

const NOTICE = (city: string, year: number, a: string, b: string): string => [
  `${city}信访局关于${year}年度${city}信访工作先进个人推荐对象的公示`,
  '一、推荐对象名单',
  `1. ${a}（${city}东山区信访局局长）`,
  `2. ${b}（${city}西河县信访局副局长）`,
  '二、主要事迹',
  `${a}同志先进事迹`,
  `${a}同志从事信访工作12年，${year - 3}年以来化解信访积案320件，调处矛盾纠纷85起，接待群众4600余人次。`,
  `${b}同志先进事迹`,
  `${b}同志近三年来化解信访积案140余件，办结网上信访事项2000件，为群众挽回经济损失300万元。`,
  `${city}信访局`,
  `${year}年5月20日`,
].join('\n');

type Key = string;
/** the units cases resolved are totalled in, each a column of its own (dictionaries/export.yaml) */
const COLUMN_UNITS = ['件', '起'];
const keyOf = (r: Record<string, unknown>, cols: readonly string[]): Key => cols.map((c) => (r[c] === null || r[c] === undefined || r[c] === '' ? '∅' : String(r[c]))).join('|');

describe('one layout: a pivot on Parquet equals the pivot on CSV and the summary totals', () => {
  it('cases resolved by year, region and honour', async () => {
    const dir = join(tmp, 'in');
    mkdirSync(dir);
    for (const f of readdirSync('corpus')) if (f !== 'README.md') copyFileSync(join('corpus', f), join(dir, f));
    writeFileSync(join(dir, 'made-up-beiyuan-2023.txt'), NOTICE('北原市', 2023, '程远航', '邵雅琴'));
    writeFileSync(join(dir, 'made-up-nanling-2024.txt'), NOTICE('南岭市', 2024, '贺立峰', '孔丽娟'));
    for (let i = 0; i < 3; i++) copyFileSync(join(dir, 'made-up-nanling-2024.txt'), join(dir, `made-up-nanling-2024-copy${i}.txt`));

    const pq = join(tmp, 'claims.parquet');
    expect(shiji('export', dir, '--format', 'parquet', '--out', pq).status).toBe(0);
    const csv = join(tmp, 'all.csv');
    expect(shiji('export', dir, '--format', 'csv', '--out', csv).status).toBe(0);
    const claimsCsv = join(tmp, 'all.claims.csv');

    const { DuckDBInstance } = await import('@duckdb/node-api');
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    const pivot = async (from: string): Promise<Map<Key, number>> => {
      const rows = (await c.runAndReadAll(`SELECT year, nominee_province, nominee_city, nominee_county, honour, unit, sum(value) AS total
        FROM ${from} WHERE category = 'cases_resolved' AND in_totals = 'yes' GROUP BY ALL`)).getRowObjects();
      return new Map(rows.map((r) => [keyOf(r, ['year', 'nominee_province', 'nominee_city', 'nominee_county', 'honour', 'unit']), Number(r['total'])]));
    };
    const fromParquet = await pivot(`read_parquet('${pq}')`);
    const fromCsv = await pivot(`read_csv('${claimsCsv}', header = true)`);
    expect(fromParquet.size).toBeGreaterThan(3);
    expect(fromCsv).toEqual(fromParquet);

    // the same column types where it matters: year an integer in both
    const typeOf = async (from: string): Promise<string> => String((await c.runAndReadAll(`SELECT column_type FROM (DESCRIBE SELECT year FROM ${from})`)).getRowObjects()[0]?.['column_type']);
    expect(await typeOf(`read_parquet('${pq}')`)).toBe('INTEGER');
    expect(await typeOf(`read_csv('${claimsCsv}', header = true)`)).toMatch(/^(?:BIGINT|INTEGER)$/);
    expect(readFileSync(claimsCsv, 'utf8')).not.toMatch(/,20\d\d\.0,/);

    // the pivot rolled up to one dimension equals the summary's totals by that dimension
    const rollUp = (dims: readonly number[]): Map<Key, number> => {
      const out = new Map<Key, number>();
      for (const [k, v] of fromParquet) {
        const parts = k.split('|');
        // the units with total columns of their own; any other goes to the text column of other units
        if (!COLUMN_UNITS.includes(parts[5] as string)) continue;
        const key = [...dims.map((i) => parts[i] as string), parts[5] as string].join('|');
        out.set(key, (out.get(key) ?? 0) + v);
      }
      return out;
    };
    const summaryTotals = (by: string, cols: readonly string[]): Map<Key, number> => {
      const r = shiji('export', dir, '--format', 'csv', '--by', by);
      expect(r.status).toBe(0);
      const out = new Map<Key, number>();
      for (const row of csvRows(r.stdout)) {
        for (const unit of COLUMN_UNITS) {
          const v = row[`cases_resolved_${unit}`];
          if (v !== undefined && v !== '') out.set(`${keyOf(row, cols)}|${unit}`, Number(v));
        }
      }
      return out;
    };
    const close = (a: Map<Key, number>, b: Map<Key, number>): void => {
      expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
      for (const [k, v] of a) expect(b.get(k)).toBeCloseTo(v, 6);
    };
    close(rollUp([0]), summaryTotals('year', ['year']));
    close(rollUp([1, 2, 3]), summaryTotals('region', ['nominee_province', 'nominee_city', 'nominee_county']));
    close(rollUp([4]), summaryTotals('honour', ['honour']));
    // the repeated copies count once (320; 140 + 2000 办结), not four times that; each nominee under its county
    expect(rollUp([1, 2, 3]).get('∅|南岭市|东山区|件')).toBe(320);
    expect(rollUp([1, 2, 3]).get('∅|南岭市|西河县|件')).toBe(2140);
    c.closeSync();
  }, 120_000);
});
