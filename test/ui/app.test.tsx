/** The review UI driven as a person drives it: keys in, frames out (ink-testing-library). */
import React from 'react';
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { App } from '../../src/ui/App.js';
import { buildModel } from '../../src/ui/state.js';
import { ReviewStore } from '../../src/index.js';
import { noticeDoc, tmpDb } from '../helpers/review.js';
import stringWidth from 'string-width';

const model = buildModel([noticeDoc()]);
const tick = (ms = 30): Promise<void> => new Promise((r) => setTimeout(r, ms));
const KEY = { down: '\u001B[B', up: '\u001B[A', enter: '\r', esc: '\u001B', tab: '\t' };

async function type(stdin: { write: (s: string) => void }, ...keys: string[]): Promise<void> {
  for (const k of keys) { stdin.write(k); await tick(); }
}

describe('review UI', () => {
  it('open a nominee, verify, dispute with a note, undo, filter, search; quit and reopen', async () => {
    const db = tmpDb();
    const store = ReviewStore.open(db);
    const ui = render(<App model={model} store={store} reviewer="alice" size={{ columns: 100, rows: 40 }} />);
    await tick();
    expect(ui.lastFrame()).toContain('阳泉市信访局');
    expect(ui.lastFrame()).toContain('0/61 reviewed');

    await type(ui.stdin, KEY.enter);
    expect(ui.lastFrame()).toContain('2014年以来，全市梳理排查化解信访积案 701 件');

    await type(ui.stdin, 'v');
    expect(ui.lastFrame()).toContain('saved: verified');
    expect(ui.lastFrame()).toContain('1/61 reviewed');
    // the cursor moved on to the next claim: its evidence is shown
    expect(ui.lastFrame()).toContain('value 45 个');

    await type(ui.stdin, 'D', '与原文不符', KEY.enter);
    expect(ui.lastFrame()).toContain('saved: disputed (with note)');
    expect(store.latest({ reviewer: 'alice' }).map((d) => [d.claimText, d.status, d.note])).toEqual([['701 件', 'verified', ''], ['45 个', 'disputed', '与原文不符']]);

    await type(ui.stdin, 'u');
    expect(ui.lastFrame()).toContain('undone: back to unreviewed');
    expect(ui.lastFrame()).toContain('value 45 个');
    expect(store.history().map((d) => d.status)).toEqual(['verified', 'disputed', 'unreviewed']);

    await type(ui.stdin, 'f');
    expect(ui.lastFrame()).toContain('category cases_resolved');
    await type(ui.stdin, 'x', '/', '挂职', KEY.enter);
    expect(ui.lastFrame()).toContain('search “挂职”');
    await type(ui.stdin, 'n');
    expect(store.latest({ reviewer: 'alice' }).find((d) => d.status === 'needs_evidence')?.claimText).toBe('7 批');

    await type(ui.stdin, 'q');
    ui.unmount();
    store.close();

    const again = ReviewStore.open(db);
    const ui2 = render(<App model={model} store={again} reviewer="alice" size={{ columns: 100, rows: 40 }} />);
    await tick();
    const frame = ui2.lastFrame() ?? '';
    expect(frame).toContain('2/61 reviewed');
    expect(frame).toContain('resumed where you left off');
    expect(frame).toContain('✓ 701 件');
    ui2.unmount();
    again.close();
  });

  it('shows other members\' decisions, the matrix and the help overlay', async () => {
    const db = tmpDb();
    const store = ReviewStore.open(db);
    const c = model.nominees[0]!.claims[0]!;
    store.record({ docSha: noticeDoc().result.sha256, docPath: noticeDoc().result.path, claimId: c.id, nominee: c.nominee, nomineeName: '阳泉市信访局', claimText: c.text, status: 'disputed', note: '数不对', reviewer: 'bob' });
    const ui = render(<App model={model} store={store} reviewer="alice" size={{ columns: 100, rows: 40 }} />);
    await tick();
    await type(ui.stdin, KEY.enter);
    expect(ui.lastFrame()).toMatch(/bob ✗ “数不对”/);
    await type(ui.stdin, KEY.esc, 'M');
    expect(ui.lastFrame()).toContain('≥5年');
    expect(ui.lastFrame()).toMatch(/周方志.*met 5年来/);
    await type(ui.stdin, KEY.esc, '?');
    expect(ui.lastFrame()).toContain('undo your last decision');
    ui.unmount();
    store.close();
  });

  it.each([80, 200])('lines up its columns at %i columns', async (columns) => {
    const store = ReviewStore.open(tmpDb());
    const ui = render(<App model={model} store={store} reviewer="alice" size={{ columns, rows: 30 }} />);
    await tick();
    const lines = (ui.lastFrame() ?? '').split('\n');
    const rows = lines.filter((l) => /collective|individual/.test(l));
    expect(rows.length).toBe(6);
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(columns);
    // the claims column starts at the same display column on every row
    const at = rows.map((l) => stringWidth(l.slice(0, l.indexOf('ective') >= 0 ? l.indexOf('collective') : l.indexOf('individual'))));
    expect(new Set(at).size).toBe(1);
    await type(ui.stdin, KEY.enter);
    for (const l of (ui.lastFrame() ?? '').split('\n')) expect(stringWidth(l)).toBeLessThanOrEqual(columns);
    ui.unmount();
    store.close();
  });
});

describe('review UI under fast input', () => {
  it('routes each key by the state the previous key left, before the screen catches up', async () => {
    const store = ReviewStore.open(tmpDb());
    const ui = render(<App model={model} store={store} reviewer="alice" size={{ columns: 100, rows: 40 }} />);
    await tick();
    ui.stdin.write('\r');
    await tick();
    // one key per write, with no time for a frame in between: a note, its Enter, then undo
    for (const k of ['D', '急', '\r', 'u']) ui.stdin.write(k);
    await tick(150);
    expect(store.history().map((d) => [d.claimText, d.status, d.note])).toEqual([['701 件', 'disputed', '急'], ['701 件', 'unreviewed', '']]);
    expect(ui.lastFrame()).toContain('undone: back to unreviewed');
    ui.unmount();
    store.close();
  });

  it('takes a burst of keys one at a time, a note included', async () => {
    const db = tmpDb();
    const store = ReviewStore.open(db);
    const ui = render(<App model={model} store={store} reviewer="alice" size={{ columns: 100, rows: 40 }} />);
    await tick();
    ui.stdin.write('\rvvD数字有误\r');
    await tick(80);
    expect(store.latest({ reviewer: 'alice' }).map((d) => [d.claimText, d.status, d.note])).toEqual([
      ['701 件', 'verified', ''], ['45 个', 'verified', ''], ['11 个', 'disputed', '数字有误'],
    ]);
    ui.unmount();
    store.close();
  });

  it('a key typed right after a note closes is a command, and one right after / opens search goes into it', async () => {
    const db = tmpDb();
    const store = ReviewStore.open(db);
    const ui = render(<App model={model} store={store} reviewer="alice" size={{ columns: 100, rows: 40 }} />);
    await tick();
    await type(ui.stdin, KEY.enter);
    await type(ui.stdin, 'D', '待核实');
    // the return and the next key reach the UI before it draws again
    ui.stdin.write(KEY.enter);
    ui.stdin.write('u');
    await tick();
    expect(ui.lastFrame()).toContain('undone: back to unreviewed');
    expect(ui.lastFrame()).not.toContain('search “u”');
    ui.stdin.write('/');
    ui.stdin.write('挂');
    await tick();
    expect(ui.lastFrame()).toContain('search “挂”');
    ui.unmount();
    store.close();
  });
});
