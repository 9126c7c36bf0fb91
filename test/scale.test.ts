/**
 * Streaming at scale: documents flow from the analysis to the output one at a time, tables are
 * built incrementally to the same rows as the whole-corpus functions, rows kept on disk come
 * back as they went, and the Parquet output reads back in an independent reader (DuckDB).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { collectInputs, AnalysisCache } from '../src/index.js';
import { analyseMany, analyseStream } from '../src/batch.js';
import { allTables, TableBuilder, type TableOptions, type Row } from '../src/export/tables.js';
import { SpillDir } from '../src/export/spill.js';
import { jsonChunks, jsonChunksAt, JsonArray } from '../src/export/stream.js';

const tmp = mkdtempSync(join(tmpdir(), 'shiji-scale-'));
const shiji = (...args: string[]) => spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', env: { ...process.env, SHIJI_CACHE: join(tmp, 'cache.sqlite') } });
const files = collectInputs(['corpus']).files.map((f) => f.path);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('analyseStream', () => {
  it('reads no further ahead than its window: a consumer that stops after one document leaves the rest unanalysed', async () => {
    const cache = AnalysisCache.open(join(tmp, 'window.sqlite'));
    for await (const o of analyseStream(files, { workers: 0, cache, window: 1 })) { expect(o.path).toBe(files[0]); break; }
    const warm = await analyseMany(files, { workers: 0, cache });
    // only the documents the stream had started are in the cache
    expect(warm.filter((o) => 'doc' in o && o.doc.cached).length).toBe(1);
    cache?.close();
  });

  it('with worker threads, gives outcomes in input order through a small window', async () => {
    const inline = await analyseMany(files, { workers: 0 });
    const pooled: string[] = [];
    for await (const o of analyseStream(files, { workers: 2, minForWorkers: 1, window: 2 })) pooled.push(o.path);
    expect(pooled).toEqual(inline.map((o) => o.path));
  }, 60000);
});

describe('TableBuilder', () => {
  const docs: Array<{ result: import('../src/types.js').DocumentResult; text: string }> = [];
  const load = async () => {
    if (docs.length === 0) for (const o of await analyseMany([...files].sort(), { workers: 0 })) if ('doc' in o) docs.push(o.doc);
    return docs;
  };
  it.each<TableOptions>([{}, { by: 'category' }, { by: 'criterion' }, { by: 'year' }, { groupByName: true }])('builds document by document the same tables as allTables (%o)', async (opts) => {
    const all = await load();
    const whole = allTables(all.map((d) => d.result), new Map(all.map((d) => [d.result.sha256, d.text])), opts);
    const b = new TableBuilder(opts);
    const got = { summary: [] as Row[], claims: [] as Row[], coverage: [] as Row[] };
    for (const d of all) { const r = b.add(d.result, d.text); got.summary.push(...r.summary); got.claims.push(...r.claims); got.coverage.push(...r.coverage); }
    got.summary.push(...b.finish());
    expect([b.summaryColumns, b.claimColumns, b.coverageColumns]).toEqual(whole.map((t) => t.columns));
    expect(b.titles).toEqual({ summary: whole[0]!.title, claims: whole[1]!.title, coverage: whole[2]!.title });
    expect([got.summary, got.claims, got.coverage]).toEqual(whole.map((t) => t.rows));
  }, 60000);
});

describe('rows on disk', () => {
  it('come back in order, equal, whatever their text holds', () => {
    const dir = new SpillDir(tmp);
    const s = dir.spill('t');
    const rows: Row[] = Array.from({ length: 30000 }, (_, i) => ({ i, text: `第${i}行\n"引号"\u2028${'长'.repeat(i % 97)}`, none: null, x: i / 7 }));
    s.push(rows.slice(0, 10000));
    s.push(rows.slice(10000));
    expect(s.count).toBe(30000);
    expect([...s.rows()]).toEqual(rows);
    expect([...s.rows()]).toHaveLength(30000); // read again from the start
    dir.dispose();
    expect(readdirSync(tmp).some((n) => n.startsWith('shiji-export-'))).toBe(false);
  });

  it('a lazy array is written as JSON.stringify writes the array', () => {
    const v = { a: [1, { b: [2, 3] }, 'x'], e: [] as number[] };
    expect([...jsonChunks({ a: new JsonArray(v.a), e: new JsonArray([]) })].join('')).toBe(JSON.stringify(v, null, 2));
    expect([...jsonChunksAt({ k: [1] }, 2)].join('')).toBe(JSON.stringify({ k: [1] }, null, 2).replace(/\n/g, '\n    '));
  });
});

describe('command line streaming', () => {
  it('extract --json is the one object of all documents, as --jsonl gives them', () => {
    const json = shiji('extract', 'corpus', '--json');
    const jsonl = shiji('extract', 'corpus', '--jsonl');
    expect(json.status).toBe(0);
    const docs = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(json.stdout).toBe(`${JSON.stringify({ documents: docs }, null, 2)}\n`);
    const none = shiji('extract', join(tmp, 'missing.txt'), '--json');
    expect(none.stdout).toBe('{\n  "documents": []\n}\n');
    expect(none.status).toBe(1);
  });

  it('html over its cap of documents is refused in one line before any analysis', () => {
    const dir = join(tmp, 'many');
    mkdirSync(dir);
    for (let i = 0; i <= 2000; i++) writeFileSync(join(dir, `d${i}.txt`), `第${i}号`);
    const r = shiji('export', dir, '--format', 'html');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('shiji: html is a report to read and holds at most 2,000 documents (2,001 given): export csv, xlsx or parquet\n');
    expect(r.stdout).toBe('');
  });
});

describe('parquet', () => {
  it('the claims table with document and nominee metadata, typed, read back by DuckDB', async () => {
    const out = join(tmp, 'claims.parquet');
    const r = shiji('export', 'corpus', '--format', 'parquet', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`wrote ${out}\n`);
    const csvOut = join(tmp, 'all.csv');
    expect(shiji('export', 'corpus', '--format', 'csv', '--out', csvOut).status).toBe(0);
    const csvRows = parseCsv(readFileSync(join(tmp, 'all.claims.csv'), 'utf8').slice(1), { columns: true }) as Array<Record<string, string>>;
    const results = shiji('extract', 'corpus', '--jsonl').stdout.trim().split('\n').map((l) => JSON.parse(l) as import('../src/types.js').DocumentResult);

    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const described = (await c.runAndReadAll(`DESCRIBE SELECT * FROM '${out}'`)).getRowObjects();
    const type = Object.fromEntries(described.map((d) => [String(d['column_name']), String(d['column_type'])]));
    expect(type).toMatchObject({ document: 'VARCHAR', nominee: 'VARCHAR', value: 'DOUBLE', start: 'INTEGER', end: 'INTEGER', score: 'DOUBLE', evidence: 'VARCHAR', claim_id: 'VARCHAR', sha256: 'VARCHAR', year: 'INTEGER', issuer: 'VARCHAR', province: 'VARCHAR', city: 'VARCHAR', honour: 'VARCHAR', title: 'VARCHAR', kind: 'VARCHAR', nominee_title: 'VARCHAR', nominee_province: 'VARCHAR', nominee_city: 'VARCHAR' });
    // the Parquet columns are the claims CSV's, under the same keys (and the document's sha256 besides)
    expect(Object.keys(type).filter((k) => k !== 'sha256')).toEqual(Object.keys(csvRows[0]!));
    const rows = (await c.runAndReadAll(`SELECT * FROM '${out}'`)).getRowObjects();
    expect(rows).toHaveLength(csvRows.length);
    expect(rows.map((x) => x['claim_id'])).toEqual(csvRows.map((x) => x['claim_id']));
    expect(rows.map((x) => x['evidence'])).toEqual(csvRows.map((x) => x['evidence']));
    expect(rows.map((x) => x['start'])).toEqual(csvRows.map((x) => Number(x['start'])));
    // every row's metadata is its document's and its nominee's, as the JSON result has them
    const byPath = new Map(results.map((d) => [d.path, d]));
    for (const x of rows) {
      const d = byPath.get(String(x['document']))!;
      const claim = d.claims.find((k) => k.id === x['claim_id'])!;
      const n = d.nominees.find((k) => k.id === claim.nominee);
      expect(x).toMatchObject({ sha256: d.sha256, year: d.meta.year, issuer: d.meta.issuer, province: d.meta.region.province, city: d.meta.region.city, honour: d.meta.honour, title: d.title, value: claim.value, kind: n ? n.kind : null, nominee_title: n?.title ?? null, nominee_province: n?.region?.province ?? null, nominee_city: n?.region?.city ?? null });
    }
    expect(rows.some((x) => x['year'] !== null) && rows.some((x) => x['kind'] !== null)).toBe(true);
    // an empty text is null in Parquet, never ''
    expect(rows.filter((x) => Object.values(x).some((v) => v === ''))).toEqual([]);
    c.closeSync();
  }, 60000);

  it('writes whole row groups: none but the last smaller than asked', async () => {
    const { writeClaimsParquet } = await import('../src/export/parquet.js');
    const docs = (await analyseMany(files, { workers: 0 })).flatMap((o) => ('doc' in o ? [o.doc] : []));
    async function* stream() { yield* docs; }
    const out = join(tmp, 'groups.parquet');
    const rows = await writeClaimsParquet(stream(), new TableBuilder(), out, 50);
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    const groups = (await c.runAndReadAll(`SELECT row_group_num_rows::INT AS n FROM parquet_metadata('${out}') WHERE column_id = 0 ORDER BY row_group_id`)).getRowObjects().map((r) => Number(r['n']));
    expect(groups.reduce((a, n) => a + n, 0)).toBe(rows);
    expect(groups.length).toBeGreaterThan(2);
    expect(groups.slice(0, -1).every((n) => n >= 50)).toBe(true);
    c.closeSync();
  }, 60000);

  it('needs --out and holds only the claims table', () => {
    expect(shiji('export', 'corpus', '--format', 'parquet').stderr).toBe('shiji: parquet is binary: give --out FILE.parquet\n');
    expect(shiji('export', 'corpus', '--format', 'parquet', '--table', 'summary', '--out', join(tmp, 'x.parquet')).status).toBe(2);
  });
});
