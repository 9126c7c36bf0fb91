/** Corrections of the extraction: stored, merged, undone, applied, re-anchored, orphaned. */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { randomUUID } from 'node:crypto';
import { ReviewStore, SCHEMA_VERSION, analyseText, sha256, type AnalysedDocument } from '../../src/index.js';
import { noticeDoc, tmpDb } from '../helpers/review.js';
import {
  applyCorrections, addCorrection, editCorrection, noiseCorrection, verdictCorrection, findTyped, parseEdit, reanchor, anchorOf, correctedResult, paragraphAround,
} from '../../src/review/corrections.js';
import { figureAt } from '../../src/review/figure.js';

const doc = noticeDoc();
const claimOf = (text: string) => doc.result.claims.find((c) => c.text === text)!;

/** The document analysed again after an edit of its text. */
function edited(text: string): AnalysedDocument {
  const sha = sha256(text);
  const a = analyseText(text, { path: doc.result.path, sha256: sha, encoding: 'utf-8', bom: false });
  return { result: a.result, text: a.text, cached: false };
}

/** A missed figure (每人现场接待100名群众 is a rule of a programme to the extractor) and a claim marked as noise. */
function correct(store: ReviewStore, reviewer = 'kim'): { addedId: string } {
  // its paragraph has no claim: the nominee's claim nearest before it
  const near = doc.text.indexOf('100名群众');
  const c = doc.result.claims.filter((x) => x.start < near).pop()!;
  const para = paragraphAround(doc.text, near, near);
  const [span] = findTyped(doc.text, para, '100名群众', c.start);
  const add = addCorrection(doc, span!, para, c.nominee, '周方志', randomUUID(), figureAt(doc.text, span!, para));
  store.record({ ...add, reviewer });
  store.record({ ...noiseCorrection(doc, claimOf('45 个'), '阳泉市信访局', true), reviewer });
  return { addedId: add.claimId };
}

describe('corrections in the review store', () => {
  it('are rows of their own kind: latest() keeps statuses only, history() has both, undo takes the last row of any kind', () => {
    const s = ReviewStore.open(tmpDb());
    const c = claimOf('701 件');
    s.record({ docSha: doc.result.sha256, docPath: doc.result.path, claimId: c.id, nominee: c.nominee, nomineeName: '阳泉市信访局', claimText: c.text, status: 'verified', note: '', reviewer: 'kim' });
    s.record({ ...editCorrection(doc, c, '阳泉市信访局', 'value', 710), reviewer: 'kim' });
    s.record({ ...editCorrection(doc, c, '阳泉市信访局', 'value', 720), reviewer: 'kim' });
    expect(s.latest().map((d) => d.status)).toEqual(['verified']);
    expect(s.history().map((d) => d.kind)).toEqual(['status', 'correction', 'correction']);
    expect(applyCorrections(doc.result, doc.text, s.history()).claims.find((x) => x.id === c.id)).toMatchObject({ value: 720, corrected: { value: 701 } });
    // undo: back to 710, then no correction, then the status decision
    expect(s.undo('kim')).toMatchObject({ kind: 'correction', field: 'value' });
    expect(applyCorrections(doc.result, doc.text, s.history()).claims.find((x) => x.id === c.id)?.value).toBe(710);
    expect(s.undo('kim')?.payload).toBeNull();
    expect(applyCorrections(doc.result, doc.text, s.history()).claims.find((x) => x.id === c.id)).toMatchObject({ value: 701 });
    expect(applyCorrections(doc.result, doc.text, s.history()).corrected).toEqual([]);
    expect(s.undo('kim')).toMatchObject({ kind: 'status', status: 'unreviewed' });
    expect(s.undo('kim')).toBeNull();
    s.close();
  });

  it('merge copies corrections by uid, once', () => {
    const a = ReviewStore.open(tmpDb('a.sqlite'));
    correct(a);
    const m = ReviewStore.open(tmpDb('m.sqlite'));
    expect(m.mergeFrom(a)).toBe(2);
    expect(m.mergeFrom(a)).toBe(0);
    expect(m.history().map((d) => [d.field, d.payload])).toEqual(a.history().map((d) => [d.field, d.payload]));
    const applied = applyCorrections(doc.result, doc.text, m.history());
    expect(applied.added).toHaveLength(1);
    expect(applied.noise.map((c) => c.text)).toEqual(['45 个']);
    a.close(); m.close();
  });

  it('a schema-4 store migrates to schema 5 keeping every row', () => {
    const path = tmpDb('v4.sqlite');
    const s = ReviewStore.open(path);
    s.record({ docSha: 'a'.repeat(64), docPath: 'x.txt', claimId: 'c1', nominee: null, nomineeName: '', claimText: '1 件', status: 'disputed', note: 'n', reviewer: 'kim' });
    s.close();
    const db = new Database(path);
    db.exec('ALTER TABLE decisions DROP COLUMN kind; ALTER TABLE decisions DROP COLUMN field; ALTER TABLE decisions DROP COLUMN payload');
    db.pragma('user_version = 4');
    db.close();
    const again = ReviewStore.open(path);
    expect(again.history()).toEqual([expect.objectContaining({ claimId: 'c1', status: 'disputed', note: 'n', kind: 'status', field: '', payload: null })]);
    again.close();
    expect(new Database(path).pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(5);
  });
});

describe('applying corrections', () => {
  it('an added figure is a full claim read by the extractor; noise is flagged and kept', () => {
    const s = ReviewStore.open(tmpDb());
    const { addedId } = correct(s);
    const applied = applyCorrections(doc.result, doc.text, s.history());
    const added = applied.added[0]!;
    expect(added).toMatchObject({ id: addedId, text: '100名群众', value: 100, unit: '名', category: 'headcount', source: 'reviewer', approx: 'exact' });
    expect(doc.text.slice(added.start, added.end)).toBe(added.text);
    expect(doc.result.nominees.find((n) => n.id === added.nominee)?.name).toBe('周方志');
    expect(applied.claims.find((c) => c.text === '45 个')?.notAClaim).toBe(true);
    expect(applied.claims).toHaveLength(doc.result.claims.length + 1);
    for (const c of applied.claims) expect(doc.text.slice(c.start, c.end)).toBe(c.text);
    // an edit of the added claim, as of any other
    s.record({ ...editCorrection(doc, added, '周方志', 'category', 'count'), reviewer: 'kim' });
    expect(correctedResult(doc, s.history()).claims.find((c) => c.id === addedId)).toMatchObject({ category: 'count', corrected: { category: 'headcount' } });
    s.close();
  });

  it('a corrected document is still what docs/extract.schema.json says, with the additive fields', () => {
    const s = ReviewStore.open(tmpDb());
    correct(s);
    s.record({ ...editCorrection(doc, claimOf('701 件'), '', 'category', 'count'), reviewer: 'kim' });
    const fixed = correctedResult(doc, s.history());
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync('docs/extract.schema.json', 'utf8')) as object);
    expect(validate({ documents: [fixed] }), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(fixed.claims.filter((c) => c.source === 'reviewer' || c.notAClaim || c.corrected)).toHaveLength(3);
    // a wrong additive field is refused: the schema states them
    expect(validate({ documents: [{ ...fixed, claims: [{ ...fixed.claims[0], source: 'someone' }] }] })).toBe(false);
    s.close();
  });

  it('several reviewers: per field the chair, else the latest member; verdicts per reviewer', () => {
    const s = ReviewStore.open(tmpDb());
    const c = claimOf('701 件');
    s.record({ ...editCorrection(doc, c, '', 'value', 710), reviewer: 'kim' });
    s.record({ ...editCorrection(doc, c, '', 'value', 711), reviewer: 'lee' });
    expect(applyCorrections(doc.result, doc.text, s.history()).claims.find((x) => x.id === c.id)?.value).toBe(711);
    s.record({ ...editCorrection(doc, c, '', 'value', 705, 'chair'), reviewer: 'chen' });
    s.record({ ...editCorrection(doc, c, '', 'value', 799), reviewer: 'kim' });
    expect(applyCorrections(doc.result, doc.text, s.history()).claims.find((x) => x.id === c.id)?.value).toBe(705);
    const n = doc.result.nominees[3]!;
    s.record({ ...verdictCorrection(doc, n, 'individual-general', 'met', '18年'), reviewer: 'kim' });
    s.record({ ...verdictCorrection(doc, n, null, 'unclear', ''), reviewer: 'lee' });
    expect(applyCorrections(doc.result, doc.text, s.history()).verdicts.map((v) => [v.reviewer, v.requirement, v.verdict, v.note])).toEqual([['lee', null, 'unclear', ''], ['kim', 'individual-general', 'met', '18年']]);
    s.close();
  });

  it('re-anchors by text and context when a paragraph is inserted before the claim', () => {
    const s = ReviewStore.open(tmpDb());
    correct(s);
    s.record({ ...editCorrection(doc, claimOf('701 件'), '', 'value', 710), reviewer: 'kim' });
    const at = doc.text.indexOf('2014年以来，全市梳理');
    const v2 = edited(`${doc.text.slice(0, at)}新插入的一段话，共有 3 个。\n\n${doc.text.slice(at)}`);
    expect(v2.result.sha256).not.toBe(doc.result.sha256);
    const applied = applyCorrections(v2.result, v2.text, s.history());
    expect(applied.orphans).toEqual([]);
    expect(applied.noise.map((c) => c.text)).toEqual(['45 个']);
    expect(applied.corrected.map((c) => [c.text, c.value])).toEqual([['701 件', 710]]);
    expect(applied.added.map((c) => c.text)).toEqual(['100名群众']);
    for (const c of applied.claims) expect(v2.text.slice(c.start, c.end)).toBe(c.text);
    expect(applied.added[0]!.start).toBe(v2.text.indexOf('100名群众'));
    s.close();
  });

  it('on the new text, a change made and undone leaves the correction re-anchored from the old one', () => {
    const s = ReviewStore.open(tmpDb());
    s.record({ ...noiseCorrection(doc, claimOf('45 个'), '', true), reviewer: 'kim' });
    const at = doc.text.indexOf('2014年以来，全市梳理');
    const v2 = edited(`${doc.text.slice(0, at)}新插入的一段。\n\n${doc.text.slice(at)}`);
    const c2 = v2.result.claims.find((c) => c.text === '45 个')!;
    expect(applyCorrections(v2.result, v2.text, s.history()).noise.map((c) => c.id)).toEqual([c2.id]);
    s.record({ ...noiseCorrection(v2, c2, '', false), reviewer: 'kim' });
    expect(applyCorrections(v2.result, v2.text, s.history()).noise).toEqual([]);
    s.undo('kim');
    expect(applyCorrections(v2.result, v2.text, s.history()).noise.map((c) => c.id)).toEqual([c2.id]);
    s.undo('kim');
    expect(applyCorrections(v2.result, v2.text, s.history()).noise).toEqual([]);
    s.close();
  });

  it('a correction whose anchor text is deleted becomes an orphan, listed and not applied', () => {
    const s = ReviewStore.open(tmpDb());
    correct(s);
    const v2 = edited(doc.text.replace('把全市 45 个乡镇（街道）划分为', '把全市乡镇（街道）划分为').replace('每人现场接待100名群众、', ''));
    const applied = applyCorrections(v2.result, v2.text, s.history());
    expect(applied.orphans.map((o) => [o.field, o.text])).toEqual([['add', '100名群众'], ['noise', '45 个']]);
    expect(applied.noise).toEqual([]);
    expect(applied.added).toEqual([]);
    s.close();
  });

  it('finds a typed figure nearest the claim, re-anchors to the nearest occurrence, and checks edits', () => {
    expect(findTyped('甲5件。乙5件。丙5件。', { start: 0, end: 12 }, '5件', 9).map((x) => x.start)).toEqual([9, 5, 1]);
    expect(findTyped('甲5件', { start: 0, end: 3 }, '6件', 0)).toEqual([]);
    const a = anchorOf('前文甲5件后文', 3, 5);
    expect(reanchor('前文甲5件后文', a)).toBe(3);
    expect(reanchor('XX前文甲5件后文', a)).toBe(5);
    expect(reanchor('5件……前文甲乙5件后文', { ...a, before: '无关' })).toBe(0);
    expect(reanchor('XYZW5件', { ...a, before: '无关' })).toBe(4);
    expect(reanchor('没有了', a)).toBeNull();
    expect(parseEdit('value', '1,260')).toEqual({ value: 1260 });
    expect(parseEdit('value', 'abc')).toHaveProperty('error');
    expect(parseEdit('approx', 'about')).toEqual({ value: 'about' });
    expect(parseEdit('approx', 'roughly')).toHaveProperty('error');
    expect(parseEdit('category', 'amount')).toEqual({ value: 'amount' });
    expect(parseEdit('category', 'money')).toHaveProperty('error');
    // a unit of units.yaml is taken as it is; another is taken with a word on where it counts
    expect(parseEdit('unit', '人次')).toEqual({ value: '人次' });
    expect(parseEdit('unit', '场次')).toEqual({ value: '场次' });
    expect(parseEdit('unit', '卷')).toEqual({ value: '卷', warning: expect.stringContaining('other units') });
    expect(parseEdit('unit', '人 次')).toHaveProperty('error');
  });
});
