/**
 * shiji labels: the corrections exported as development-set labels, scored by the development
 * set's own scorer (../shared/dev/score.py) against the extractor's output: every corrected,
 * added or noise claim is a difference, every other claim agrees.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ReviewStore } from '../../src/index.js';
import { addCorrection, editCorrection, findTyped, noiseCorrection, paragraphAround } from '../../src/review/corrections.js';
import { figureAt } from '../../src/review/figure.js';
import { labelFile, numeralOf } from '../../src/review/labels.js';
import { NOTICE, noticeDoc, tmpDb } from '../helpers/review.js';

const SCORER = '../shared/dev/score.py';
const tmp = mkdtempSync(join(tmpdir(), 'shiji-labels-'));
const shiji = (...args: string[]) => spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', env: { ...process.env, SHIJI_CACHE: join(tmp, 'cache.sqlite') } });
const doc = noticeDoc();

/** score.py's own score() on one extraction and one label file. */
function score(extraction: string, labels: string): { core: number; found: number; fp: number; tp: number; missed: string[]; approx: number; cat: number; cat_n: number } {
  const py = `import importlib.util, json, sys
spec = importlib.util.spec_from_file_location('score', ${JSON.stringify(SCORER)}); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
doc = json.load(open(sys.argv[1], encoding='utf-8'))['documents'][0]
print(json.dumps(m.score(doc, json.load(open(sys.argv[2], encoding='utf-8')), open(sys.argv[3], encoding='utf-8').read())))`;
  const r = spawnSync('python3', ['-c', py, extraction, labels, NOTICE], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('labels export', () => {
  it('a label is the numeral of the claim: its first character and the numeral as written', () => {
    expect(numeralOf('共化解信访积案 701 件。', { start: 8, end: 13 })).toEqual({ at: 8, num: '701' });
    expect(numeralOf('近60起', { start: 0, end: 4 })).toEqual({ at: 1, num: '60' });
    expect(numeralOf('超过1,260余万元', { start: 0, end: 10 })).toEqual({ at: 2, num: '1,260' });
    const f = labelFile(doc.result, doc.text);
    for (const c of f.claims) expect(doc.text.slice(c.at, c.at + c.num.length)).toBe(c.num);
  });

  it.skipIf(!existsSync(SCORER))('score.py counts each correction as a difference against the extractor, and nothing else', () => {
    const db = tmpDb();
    const s = ReviewStore.open(db);
    const near = doc.text.indexOf('100名群众');
    const c = doc.result.claims.filter((x) => x.start < near).pop()!;
    const para = paragraphAround(doc.text, near, near);
    const span = findTyped(doc.text, para, '100名群众', near)[0]!;
    s.record({ ...addCorrection(doc, span, para, c.nominee, '周方志', randomUUID(), figureAt(doc.text, span, para)), reviewer: 'kim' });
    s.record({ ...noiseCorrection(doc, doc.result.claims.find((x) => x.text === '11 个')!, '', true), reviewer: 'kim' });
    s.record({ ...editCorrection(doc, doc.result.claims.find((x) => x.text === '701 件')!, '', 'value', 710), reviewer: 'kim' });
    s.record({ ...editCorrection(doc, doc.result.claims.find((x) => x.text === '7 批')!, '', 'category', 'cases_resolved'), reviewer: 'lee' });
    s.close();
    const extraction = join(tmp, 'extract.json');
    const ex = shiji('extract', NOTICE, '--json');
    expect(ex.status).toBe(0);
    writeFileSync(extraction, ex.stdout);

    // with no correction the labels are the extraction itself: a perfect score
    const empty = tmpDb();
    ReviewStore.open(empty).close();
    expect(shiji('labels', NOTICE, '--db', empty, '--out', join(tmp, 'none')).status).toBe(0);
    const same = score(extraction, join(tmp, 'none', 'shanxi-2017-xinfang-nominees.json'));
    expect([same.found, same.fp, same.approx, same.cat]).toEqual([same.core, 0, same.found, same.cat_n]);

    const out = join(tmp, 'labels');
    const r = shiji('labels', NOTICE, '--db', db, '--out', out);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('wrote 1 label file(s)');
    const file = join(out, 'shanxi-2017-xinfang-nominees.json');
    const labels = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(labels).slice(0, 7)).toEqual(['text', 'source', 'nominees', 'claims', 'ignore', 'negatives', 'arithmetic']);
    expect(labels.negatives).toEqual([doc.text.indexOf('11 个')]);
    expect(labels.claims.find((x: { at: number }) => x.at === near)).toMatchObject({ value: 100, category: 'headcount', tier: 'core', nominee: '周方志' });
    const got = score(extraction, file);
    // one core label more (the added figure), one less (11 个 is noise); the added figure and the
    // corrected value are labels the extractor misses; its 701 and its 11 are false claims
    expect(got.core).toBe(same.core);
    expect(got.found).toBe(same.core - 2);
    expect(got.missed).toEqual(expect.arrayContaining([`${doc.text.indexOf('701 件')}:701`, `${near}:100`]));
    expect(got.fp).toBe(2);
    expect(got.tp).toBe(same.tp - 2);
    // the corrected category is a category miss
    expect(got.cat_n - got.cat).toBe(1);
  }, 180000);

  it('refuses a missing --db or --out in one line', () => {
    const r = shiji('labels', NOTICE, '--out', join(tmp, 'x'));
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('shiji: labels needs --db REVIEW.sqlite (the corrections to apply)');
    expect(shiji('labels', NOTICE, '--db', join(tmp, 'nope.sqlite'), '--out', join(tmp, 'x')).status).toBe(1);
  });
});
