/** shiji export --db with corrections: noise out of the totals, corrected values, added claims, a corrections table with orphans. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ReviewStore, analyseBytes, type AnalysedDocument } from '../../src/index.js';
import { addCorrection, editCorrection, findTyped, noiseCorrection, paragraphAround, verdictCorrection } from '../../src/review/corrections.js';
import { figureAt } from '../../src/review/figure.js';
import { NOTICE } from '../helpers/review.js';

const tmp = mkdtempSync(join(tmpdir(), 'shiji-excorr-'));
const shiji = (...args: string[]) => spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', env: { ...process.env, SHIJI_CACHE: join(tmp, 'cache.sqlite') } });

describe('export and report with corrections', () => {
  it('applies them, lists them, and lists the orphans after the text changed', async () => {
    const file = join(tmp, 'notice.txt');
    copyFileSync(NOTICE, file);
    const a = analyseBytes(readFileSync(file), file);
    const doc: AnalysedDocument = { result: a.result, text: a.text, cached: false };
    const db = join(tmp, 'panel.sqlite');
    const s = ReviewStore.open(db);
    const near = doc.text.indexOf('100名群众');
    const para = paragraphAround(doc.text, near, near);
    const nominee = doc.result.nominees.find((n) => n.name === '周方志')!;
    const span = findTyped(doc.text, para, '100名群众', near)[0]!;
    s.record({ ...addCorrection(doc, span, para, nominee.id, nominee.name, randomUUID(), figureAt(doc.text, span, para)), reviewer: 'kim' });
    s.record({ ...noiseCorrection(doc, doc.result.claims.find((x) => x.text === '11 个')!, '', true), reviewer: 'kim' });
    s.record({ ...editCorrection(doc, doc.result.claims.find((x) => x.text === '701 件')!, '', 'value', 710), reviewer: 'kim' });
    s.record({ ...verdictCorrection(doc, nominee, null, 'unclear', '待核实'), reviewer: 'kim' });
    s.close();

    // the report reads the same corrected documents, verdicts included
    const report = join(tmp, 'report.html');
    expect(shiji('report', file, '--db', db, '--out', report).status).toBe(0);
    const html = readFileSync(report, 'utf8');
    for (const said of ['added by a reviewer', 'not a claim', 'value 701 → 710', 'kim: unclear — 待核实']) expect(html).toContain(said);

    const plain = JSON.parse(shiji('export', file, '--format', 'json').stdout);
    const r = shiji('export', file, '--format', 'json', '--db', db);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['summary', 'claims', 'coverage', 'corrections']);
    const row = (t: { rows: Array<Record<string, unknown>> }, nominee: string) => t.rows.find((x) => x['nominee'] === nominee)!;
    // 11 个 is out of 阳泉's totals (kept in its claims, flagged); 701 is 710 in the total; the added 100名 counts for 周方志
    expect(row(plain.summary, '阳泉市信访局')['count_个']).toBe(18);
    expect(row(out.summary, '阳泉市信访局')['count_个']).toBe(7);
    expect(row(out.summary, '阳泉市信访局')['cases_resolved_件']).toBe(710);
    expect(row(out.summary, '周方志')['claims']).toBe((row(plain.summary, '周方志')['claims'] as number) + 1);
    const claim = (text: string) => out.claims.rows.find((x: Record<string, unknown>) => x['evidence'] === text);
    expect(claim('701 件')).toMatchObject({ value: 710, review_notes: expect.stringContaining('value 701 → 710') });
    expect(claim('11 个')).toMatchObject({ review_notes: expect.stringContaining('not a claim') });
    expect(claim('100名群众')).toMatchObject({ value: 100, unit: '人', unit_written: '名', nominee: '周方志', review_notes: expect.stringContaining('added by a reviewer') });
    expect(out.corrections.rows.map((x: Record<string, unknown>) => [x['kind'], x['text'], x['reviewer']])).toEqual([['added', '100名群众', 'kim'], ['not a claim', '11 个', 'kim'], ['corrected', '701 件', 'kim'], ['verdict', 'nominee', 'kim']]);

    // Parquet: the claims corrected as in every export, and the corrections in a file beside them
    const pq = join(tmp, 'claims.parquet');
    const pr = shiji('export', file, '--format', 'parquet', '--db', db, '--out', pq);
    expect(pr.status).toBe(0);
    expect(pr.stderr).toBe(`wrote ${pq}, ${join(tmp, 'claims.corrections.parquet')}\n`);
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    const fixesRead = (await duck.runAndReadAll(`SELECT * FROM '${join(tmp, 'claims.corrections.parquet')}'`)).getRowObjects();
    expect(fixesRead.map((x) => [x['kind'], x['text'], x['reviewer'], x['start'], x['detail']])).toEqual(out.corrections.rows.map((x: Record<string, unknown>) => [x['kind'], x['text'], x['reviewer'], x['start'], x['detail']]));
    const described = (await duck.runAndReadAll(`DESCRIBE SELECT * FROM '${join(tmp, 'claims.corrections.parquet')}'`)).getRowObjects();
    expect(Object.fromEntries(described.map((d) => [String(d['column_name']), String(d['column_type'])]))).toMatchObject({ kind: 'VARCHAR', start: 'INTEGER', end: 'INTEGER' });
    const claimsRead = (await duck.runAndReadAll(`SELECT evidence, value FROM '${pq}' WHERE evidence IN ('701 件', '100名群众')`)).getRowObjects();
    expect(claimsRead.map((x) => [x['evidence'], x['value']]).sort()).toEqual([['100名群众', 100], ['701 件', 710]]);
    duck.closeSync();

    const page = shiji('export', file, '--format', 'html', '--db', db);
    expect(page.stdout).toContain('Reviewers’ corrections');
    // a paragraph inserted before, and 11 个 deleted: the rest re-anchors after a fresh analysis, 11 个 is an orphan
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('2014年以来，全市梳理');
    writeFileSync(file, `${text.slice(0, at)}新插入的一段。\n\n${text.slice(at).replace('全市 11 个乡镇（街道）由重点', '全市乡镇（街道）由重点')}`);
    const md = shiji('export', file, '--format', 'md', '--db', db, '--no-cache');
    expect(md.status).toBe(0);
    expect(md.stdout).toContain('| orphaned noise | 11 个 |');
    expect(md.stdout).toMatch(/\| added \| 100名群众 \|/);
    expect(md.stdout).toMatch(/\| corrected \| 701 件 \|/);
  }, 180000);
});
