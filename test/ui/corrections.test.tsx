/** The correction keys of the review UI (X, c, a, R, u), driven as a person drives them. */
import React from 'react';
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { App } from '../../src/ui/App.js';
import { buildModel } from '../../src/ui/state.js';
import { ReviewStore } from '../../src/index.js';
import { applyCorrections, findTyped } from '../../src/review/corrections.js';
import { reviewSummary } from '../../src/ui/summary.js';
import { noticeDoc, tmpDb } from '../helpers/review.js';

const doc = noticeDoc();
const model = buildModel([doc]);
const tick = (ms = 30): Promise<void> => new Promise((r) => setTimeout(r, ms));
const KEY = { down: '\u001B[B', up: '\u001B[A', right: '\u001B[C', left: '\u001B[D', enter: '\r', esc: '\u001B', backspace: '\u007F' };

async function type(stdin: { write: (s: string) => void }, ...keys: string[]): Promise<void> {
  for (const k of keys) { stdin.write(k); await tick(); }
}
/** The frame once it shows `text` (a loaded machine draws late); the last frame when it never does. */
async function frame(ui: { lastFrame: () => string | undefined }, text: string | RegExp): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const f = ui.lastFrame() ?? '';
    if (typeof text === 'string' ? f.includes(text) : text.test(f)) return f;
    await tick(20);
  }
  return ui.lastFrame() ?? '';
}
const open = (db: string): { store: ReviewStore; ui: ReturnType<typeof render> } => {
  const store = ReviewStore.open(db);
  const ui = render(<App model={model} store={store} reviewer="kim" size={{ columns: 120, rows: 40 }} />);
  return { store, ui };
};
const applied = (store: ReviewStore) => applyCorrections(doc.result, doc.text, store.history({ kind: 'correction' }));

describe('review UI corrections', () => {
  it('X marks a claim as noise, X again makes it a claim, u undoes either', async () => {
    const { store, ui } = open(tmpDb());
    await tick();
    await type(ui.stdin, KEY.enter, 'X');
    expect(await frame(ui, 'saved: “701 件” is not a claim')).toContain('saved: “701 件” is not a claim');
    expect(await frame(ui, '~ not a claim')).toContain('~ not a claim');
    expect(applied(store).noise.map((c) => c.text)).toEqual(['701 件']);
    await type(ui.stdin, 'X');
    expect(await frame(ui, 'is a claim again')).toContain('is a claim again');
    expect(applied(store).noise).toEqual([]);
    await type(ui.stdin, 'u');
    expect(await frame(ui, 'undone: “not a claim” of “701 件”')).toContain('undone: “not a claim” of “701 件”');
    expect(applied(store).noise.map((c) => c.text)).toEqual(['701 件']);
    expect(store.latest()).toEqual([]);
    ui.unmount(); store.close();
  });

  it('c corrects a field through a small form; a wrong approx or a non-number is refused; Esc cancels', async () => {
    const { store, ui } = open(tmpDb());
    await tick();
    await type(ui.stdin, KEY.enter, 'c');
    expect(await frame(ui, 'correct  value  approx')).toContain('correct  value  approx');
    await type(ui.stdin, KEY.backspace, KEY.backspace, KEY.backspace, 'abc', KEY.enter);
    expect(await frame(ui, 'value: not a number: abc')).toContain('value: not a number: abc');
    await type(ui.stdin, KEY.backspace, KEY.backspace, KEY.backspace, '710', KEY.enter);
    expect(await frame(ui, 'saved: value of “701 件” is 710 (was 701)')).toContain('saved: value of “701 件” is 710 (was 701)');
    expect(await frame(ui, '✎ value 701 → 710')).toContain('✎ value 701 → 710');
    expect(await frame(ui, '710 件')).toContain('710 件');
    await type(ui.stdin, 'c', KEY.right, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, 'roughly', KEY.enter);
    expect(await frame(ui, 'approx: one of exact, over')).toContain('approx: one of exact, over');
    await type(ui.stdin, KEY.esc);
    expect(await frame(ui, 'cancelled')).toContain('cancelled');
    expect(applied(store).corrected.map((c) => [c.text, c.value, c.approx])).toEqual([['701 件', 710, 'exact']]);
    await type(ui.stdin, 'u');
    expect(applied(store).corrected).toEqual([]);
    // the first character typed replaces the value shown; a burst of keys (a terminal's paste) is typed key by key
    await type(ui.stdin, 'c', '7', '2', '0', KEY.enter);
    expect(await frame(ui, 'saved: value of “701 件” is 720 (was 701)')).toContain('saved: value of “701 件” is 720 (was 701)');
    await type(ui.stdin, 'c\u007f\u007f\u007f715\r');
    expect(await frame(ui, 'saved: value of “701 件” is 715 (was 701)')).toContain('saved: value of “701 件” is 715 (was 701)');
    expect(applied(store).corrected.map((c) => c.value)).toEqual([715]);
    // a unit the tables do not know is saved, and the line says where it counts
    await type(ui.stdin, 'c', KEY.right, KEY.right, '卷', KEY.enter);
    expect(await frame(ui, 'saved: unit 卷 (was 件); not in units.yaml: counted under other units')).toContain('saved: unit 卷 (was 件); not in units.yaml: counted under other units');
    expect(applied(store).corrected.map((c) => [c.value, c.unit])).toEqual([[715, '卷']]);
    ui.unmount(); store.close();
  });

  it('a adds a missed figure typed as it appears; a figure not in the text is refused; R records verdicts; all survive reopening', async () => {
    const db = tmpDb();
    const { store, ui } = open(db);
    await tick();
    await type(ui.stdin, KEY.down, KEY.down, KEY.down, KEY.enter);
    expect(await frame(ui, '周方志')).toContain('周方志');
    await type(ui.stdin, 'a', '一万名群众', KEY.enter);
    expect(await frame(ui, '“一万名群众” is not in this paragraph')).toContain('“一万名群众” is not in this paragraph');
    await type(ui.stdin, KEY.esc, 'a', '100名群众', KEY.enter);
    expect(await frame(ui, 'saved: added “100名群众” as a claim')).toContain('saved: added “100名群众” as a claim');
    expect(await frame(ui, '+ added by a reviewer')).toContain('+ added by a reviewer');
    const added = applied(store).added;
    expect(added.map((c) => [c.text, c.value, c.unit, c.category, c.source])).toEqual([['100名群众', 100, '名', 'headcount', 'reviewer']]);
    expect(doc.text.slice(added[0]!.start, added[0]!.end)).toBe('100名群众');
    // the same figure again is already a claim
    await type(ui.stdin, 'a', '100名群众', KEY.enter);
    expect(await frame(ui, 'is already a claim')).toContain('is already a claim');
    await type(ui.stdin, KEY.esc);

    await type(ui.stdin, 'R');
    expect(await frame(ui, 'verdict on')).toContain('verdict on');
    await type(ui.stdin, KEY.right, KEY.down, '年限不明', KEY.enter);
    expect(await frame(ui, /saved: ≥5年 service: not met \(with note\)/)).toMatch(/saved: ≥5年 service: not met \(with note\)/);
    await type(ui.stdin, 'R', KEY.up, KEY.enter);
    expect(await frame(ui, 'saved: nominee: unclear')).toContain('saved: nominee: unclear');
    expect(await frame(ui, 'verdicts: kim nominee unclear')).toContain('verdicts: kim nominee unclear');
    expect(applied(store).verdicts.map((v) => [v.requirement !== null, v.verdict, v.note])).toEqual([[false, 'unclear', ''], [true, 'not_met', '年限不明']]);
    // on the nominee list, R is about the nominee under the cursor
    await type(ui.stdin, KEY.esc, 'R', KEY.enter);
    expect(await frame(ui, 'saved: nominee: met')).toContain('saved: nominee: met');
    expect(applied(store).verdicts.filter((v) => v.requirement === null).map((v) => v.verdict)).toEqual(['met']);
    await type(ui.stdin, 'q');
    ui.unmount(); store.close();
    expect(reviewSummary([doc], ReviewStore.open(db, { readonly: true }), 'kim')).toContain('corrections: 1 added, 0 not a claim, 0 corrected, 2 verdict(s), 0 orphaned');

    const again = open(db);
    await tick();
    await type(again.ui.stdin, KEY.down, KEY.down, KEY.down, KEY.enter);
    expect(await frame(again.ui, '100 名')).toContain('100 名');
    expect(await frame(again.ui, 'verdicts: kim nominee met')).toContain('verdicts: kim nominee met');
    again.ui.unmount(); again.store.close();
  });

  it('a: a text in several places is added where the reviewer picks, the nearest the claim first', async () => {
    const { store, ui } = open(tmpDb());
    await tick();
    await type(ui.stdin, KEY.enter, 'a', '越级上访', KEY.enter);
    const f = await frame(ui, 'places; ←→ choose (1 of');
    const n = Number(/is in (\d+) places/.exec(f)?.[1]);
    expect(n).toBeGreaterThan(1);
    await type(ui.stdin, KEY.right);
    expect(await frame(ui, `(2 of ${n})`)).toContain(`(2 of ${n})`);
    await type(ui.stdin, KEY.enter);
    expect(await frame(ui, `one of ${n} places`)).toContain(`saved: added “越级上访” as a claim (one of ${n} places)`);
    const c = doc.result.claims.find((x) => x.text === '701 件')!;
    const places = findTyped(doc.text, c.paragraph, '越级上访', c.start);
    expect(applied(store).added.map((x) => x.start)).toEqual([places[1]!.start]);
    ui.unmount(); store.close();
  });

  it('a correction that cannot be written says NOT SAVED and changes nothing', async () => {
    const db = tmpDb();
    ReviewStore.open(db).close();
    const store = ReviewStore.open(db, { readonly: true });
    const ui = render(<App model={model} store={store} reviewer="kim" size={{ columns: 120, rows: 40 }} />);
    await tick();
    await type(ui.stdin, KEY.enter, 'X');
    expect(await frame(ui, 'NOT SAVED: read-only')).toContain('NOT SAVED: read-only');
    expect(ui.lastFrame()).not.toContain('~ not a claim');
    await type(ui.stdin, 'a', '2014年', KEY.enter);
    expect(await frame(ui, 'NOT SAVED: read-only')).toContain('NOT SAVED: read-only');
    // the form stays open with what was typed
    expect(await frame(ui, 'add a missed figure, typed as it appears in the paragraph: 2014年')).toContain('add a missed figure, typed as it appears in the paragraph: 2014年');
    ui.unmount(); store.close();
  });

  it('a correction whose text is gone is on the orphan screen', async () => {
    const db = tmpDb();
    const { store, ui } = open(db);
    await tick();
    await type(ui.stdin, KEY.enter, 'X', 'q');
    ui.unmount(); store.close();
    const changed = { ...doc, text: doc.text.replace('701 件', '七百件'), result: { ...doc.result, sha256: 'f'.repeat(64), claims: doc.result.claims.filter((c) => c.text !== '701 件') } };
    const s2 = ReviewStore.open(db);
    const ui2 = render(<App model={buildModel([changed])} store={s2} reviewer="kim" size={{ columns: 120, rows: 40 }} />);
    await tick();
    expect(await frame(ui2, '1 orphaned')).toContain('1 orphaned');
    await type(ui2.stdin, 'O');
    expect(await frame(ui2, 'Orphaned corrections (1)')).toContain('Orphaned corrections (1)');
    expect(await frame(ui2, '“701 件” is no longer in the text')).toContain('“701 件” is no longer in the text');
    ui2.unmount(); s2.close();
  });
});
