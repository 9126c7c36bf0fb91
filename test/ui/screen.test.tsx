/**
 * The review UI fits the terminal: every frame is exactly the terminal's rows, the title on the
 * first, the selection always on screen; and the keys that move across nominees (] [, the search
 * of every claim, the list of disputed and needs-evidence claims), driven as a person drives them.
 */
import React from 'react';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { App } from '../../src/ui/App.js';
import { buildModel, initialState, reduce, claimRows, type State } from '../../src/ui/state.js';
import { searchHits, problems } from '../../src/ui/across.js';
import { ReviewStore, analyseBytes, type AnalysedDocument } from '../../src/index.js';
import { noticeDoc, tmpDb } from '../helpers/review.js';

const doc = (path: string): AnalysedDocument => { const a = analyseBytes(readFileSync(path), path); return { result: a.result, text: a.text, cached: false }; };
const model = buildModel([noticeDoc(), doc('corpus/xiling-county.md'), doc('corpus/cangzhou-2022-individuals.txt')]);
const tick = (ms = 30): Promise<void> => new Promise((r) => setTimeout(r, ms));
const KEY = { down: '\u001B[B', up: '\u001B[A', enter: '\r', esc: '\u001B', end: '\u001B[F' };
async function type(stdin: { write: (s: string) => void }, ...keys: string[]): Promise<void> {
  for (const k of keys) { stdin.write(k); await tick(); }
}
const lines = (ui: { lastFrame: () => string | undefined }): string[] => (ui.lastFrame() ?? '').split('\n');
/** The UI at a terminal size, for alice, on a store of its own (or on `db`); `close` unmounts it and closes the store. */
function mount(columns: number, rows: number, db: string = tmpDb()): { store: ReviewStore; ui: ReturnType<typeof render>; close: () => void } {
  const store = ReviewStore.open(db);
  const ui = render(<App model={model} store={store} reviewer="alice" size={{ columns, rows }} />);
  return { store, ui, close: () => { ui.unmount(); store.close(); } };
}
/** Waits (up to 3 s, on a busy machine) for a frame that passes `ok`. */
async function until(ui: { lastFrame: () => string | undefined }, ok: (frame: string) => boolean): Promise<void> {
  for (let i = 0; i < 150 && !ok(ui.lastFrame() ?? ''); i++) await tick(20);
}

describe('review UI layout', () => {
  it.each([[80, 24], [120, 40], [100, 30]])('at %i×%i every frame fills the terminal, title first, the last claim of each nominee in view', async (columns, rows) => {
    for (const group of ['criterion', 'section']) {
      const { ui, close } = mount(columns, rows);
      await tick();
      await type(ui.stdin, KEY.enter);
      await until(ui, (f) => f.includes('grouped by'));
      if (group === 'section') { await type(ui.stdin, 't'); await until(ui, (f) => f.includes('grouped by section')); }
      for (let i = 0; i < model.nominees.length; i++) {
        const n = model.nominees[i]!;
        await type(ui.stdin, KEY.end);
        await until(ui, (f) => f.includes(`${n.name}  `) && f.includes(`${n.claims.length}/${n.claims.length} · `));
        const f = lines(ui);
        expect(f.length, `${n.name}`).toBe(rows);
        expect(f[0]).toMatch(/^shiji review {2}alice · \d+\/\d+ reviewed/);
        expect(f[1]).toContain(`${n.name}  `);
        expect(f[1]).toContain(`${n.claims.length}/${n.claims.length} · grouped by ${group}`);
        // the selected row is drawn, and it is the last claim
        const sel = f.filter((l) => l.startsWith('›'));
        expect(sel.length, `${n.name} at ${columns}×${rows}`).toBe(1);
        for (const l of f) expect(stringWidth(l)).toBeLessThanOrEqual(columns);
        await type(ui.stdin, ']');
        const next = model.nominees[i + 1];
        if (next) await until(ui, (fr) => fr.includes(`${next.name}  `));
      }
      expect(ui.lastFrame()).toContain('this is the last nominee');
      close();
    }
  });

  it.each([[80, 24], [120, 40]])('at %i×%i the correction forms, a refused entry and the verdicts row keep the frame to the terminal, the selection in view', async (columns, rows) => {
    const { ui, close } = mount(columns, rows);
    await tick();
    await type(ui.stdin, KEY.enter);
    await until(ui, (f) => f.includes('grouped by'));
    await type(ui.stdin, KEY.end);
    const check = (what: string): void => {
      const f = lines(ui);
      expect(f.length, what).toBe(rows);
      expect(f[0], what).toMatch(/^shiji review {2}alice/);
      expect(f.filter((l) => l.startsWith('›')).length, what).toBe(1);
      for (const l of f) expect(stringWidth(l), what).toBeLessThanOrEqual(columns);
    };
    await type(ui.stdin, 'a');
    await until(ui, (f) => f.includes('add a missed figure'));
    check('add form');
    await type(ui.stdin, '9999999', KEY.enter);
    await until(ui, (f) => f.includes('is not in this paragraph'));
    expect(ui.lastFrame()).toContain('is not in this paragraph');
    check('add form, refused');
    await type(ui.stdin, KEY.esc);
    await type(ui.stdin, 'c');
    await until(ui, (f) => f.includes('correct '));
    check('correct form');
    await type(ui.stdin, KEY.esc, 'R');
    await until(ui, (f) => f.includes('verdict on'));
    check('verdict form');
    await type(ui.stdin, 'o', 'k', KEY.enter);
    await until(ui, (f) => f.includes('verdicts: alice'));
    check('verdicts row');
    await type(ui.stdin, 'X');
    await until(ui, (f) => f.includes('is not a claim'));
    check('not a claim');
    expect(lines(ui).find((l) => l.startsWith('›'))).toMatch(/^› .~/);
    close();
  });

  it('uses every row: the footer sits on the last rows of a tall terminal', async () => {
    const { ui, close } = mount(120, 40);
    await tick();
    for (const screen of ['', KEY.enter, `${KEY.esc}M`, `${KEY.esc}P`, `${KEY.esc}?`]) {
      if (screen) await type(ui.stdin, ...(screen.length > 1 && screen !== KEY.enter ? [KEY.esc, screen.slice(1)] : [screen]));
      const f = lines(ui);
      expect(f.length).toBe(40);
      expect(f[39]).toMatch(/help/);
    }
    // the nominee list shows as many nominees as the rows allow
    await type(ui.stdin, KEY.esc, KEY.esc);
    const listed = lines(ui).filter((l) => /individual|collective/.test(l)).length;
    expect(listed).toBe(Math.min(model.nominees.length, 40 - 1 - 3 - 2));
    close();
  });

  it('shows whole names in the matrix at 80 columns, and the nominee list explains the criteria strip', async () => {
    const { ui, close } = mount(80, 24);
    await tick();
    expect(ui.lastFrame()).toMatch(/criteria: C1 \S+ {2}C2/);
    expect(ui.lastFrame()).toContain('no evidence');
    await type(ui.stdin, 'M');
    await until(ui, (fr) => fr.includes('大同市信访局接待科'));
    expect(ui.lastFrame()).toContain('晋中市榆次区信访局');
    expect(ui.lastFrame()).toContain('大同市信访局接待科');
    await type(ui.stdin, KEY.down, KEY.down);
    expect(lines(ui).find((l) => l.startsWith('›'))).toContain('大同市信访局接待科');
    await type(ui.stdin, KEY.enter);
    expect(lines(ui)[1]).toContain('大同市信访局接待科');
    close();
  });
});

describe('review UI keys across nominees', () => {
  it('] and [ go to the next and the previous nominee, and the place is kept for next time', async () => {
    const db = tmpDb();
    const { ui, close } = mount(100, 30, db);
    await tick();
    await type(ui.stdin, KEY.enter, ']', ']');
    await until(ui, (fr) => fr.includes(`nominee 3/${model.nominees.length}`));
    expect(lines(ui)[1]).toContain(model.nominees[2]!.name);
    expect(ui.lastFrame()).toContain(`nominee 3/${model.nominees.length}`);
    await type(ui.stdin, '[');
    expect(lines(ui)[1]).toContain(model.nominees[1]!.name);
    await type(ui.stdin, 'q');
    close();
    const again = ReviewStore.open(db);
    const ui2 = render(<App model={model} store={again} reviewer="alice" size={{ columns: 100, rows: 30 }} />);
    await tick();
    expect(lines(ui2)[1]).toContain(model.nominees[1]!.name);
    ui2.unmount();
    again.close();
  });

  it('/ on the nominee list searches every claim and sentence; Enter opens the claim, Esc goes back to the results', async () => {
    const { ui, close } = mount(100, 30);
    await tick();
    await type(ui.stdin, '/', '接访');
    await until(ui, (fr) => fr.includes('“接访”: '));
    const hits = searchHits(model, '接访');
    expect(hits.length).toBeGreaterThan(1);
    expect(new Set(hits.map((h) => h.nominee)).size).toBeGreaterThan(1);
    expect(ui.lastFrame()).toContain(`“接访”: ${hits.length} claim(s)`);
    expect(ui.lastFrame()).toContain('/接访');
    await type(ui.stdin, KEY.down, KEY.enter);
    const target = hits[1]!;
    await until(ui, (fr) => fr.split('\n')[1]!.includes(model.nominees[target.nominee]!.name));
    const f = lines(ui);
    expect(f[1]).toContain(model.nominees[target.nominee]!.name);
    expect(f.find((l) => l.startsWith('›'))).toContain(target.claim.text);
    await type(ui.stdin, KEY.esc);
    await until(ui, (fr) => fr.includes(`2/${hits.length}`));
    expect(ui.lastFrame()).toContain(`“接访”: ${hits.length} claim(s)`);
    expect(ui.lastFrame()).toContain(`2/${hits.length}`);
    await type(ui.stdin, KEY.esc);
    expect(lines(ui)[1]).toMatch(/nominee +kind/);
    close();
  });

  it('P lists every disputed and needs-evidence claim across nominees, with the note; Enter opens it', async () => {
    const { ui, close } = mount(120, 30);
    await tick();
    await type(ui.stdin, KEY.enter, 'D', '数字不符', KEY.enter, ']', ']', ']', 'n', 'P');
    await until(ui, (fr) => fr.includes('Disputed 1 · needs evidence 1'));
    const f = ui.lastFrame() ?? '';
    expect(f).toContain('Disputed 1 · needs evidence 1');
    expect(f).toMatch(new RegExp(`✗ disputed +you +${model.nominees[0]!.name} +${model.nominees[0]!.claims[0]!.text} +“数字不符”`));
    expect(f).toMatch(new RegExp(`\\? needs evidence +you +${model.nominees[3]!.name}`));
    await type(ui.stdin, KEY.down, KEY.enter);
    await until(ui, (fr) => fr.split('\n')[1]!.includes(model.nominees[3]!.name));
    expect(lines(ui)[1]).toContain(model.nominees[3]!.name);
    await type(ui.stdin, KEY.esc);
    await until(ui, (fr) => fr.includes('Disputed 1 · needs evidence 1'));
    expect(ui.lastFrame()).toContain('Disputed 1 · needs evidence 1');
    close();
  });

  it('t is remembered across quitting and reopening', async () => {
    const db = tmpDb();
    const { ui, close } = mount(100, 30, db);
    await tick();
    await type(ui.stdin, KEY.enter, 't');
    await until(ui, (fr) => fr.includes('grouped by section'));
    expect(lines(ui)[1]).toContain('grouped by section');
    await type(ui.stdin, 'q');
    close();
    const again = ReviewStore.open(db);
    const ui2 = render(<App model={model} store={again} reviewer="alice" size={{ columns: 100, rows: 30 }} />);
    await tick();
    expect(lines(ui2)[1]).toContain('grouped by section');
    // another reviewer of the same database keeps their own
    const bob = render(<App model={model} store={again} reviewer="bob" size={{ columns: 100, rows: 30 }} />);
    await tick();
    await type(bob.stdin, KEY.enter);
    expect(lines(bob)[1]).toContain('grouped by criterion');
    bob.unmount();
    ui2.unmount();
    again.close();
  });

  it('f steps only through the categories that the nominee has', () => {
    const start = reduce(model, initialState(model, [], [], null), { type: 'open' });
    const present = new Set(model.nominees[0]!.claims.map((c) => c.category));
    const seen: Array<string | null> = [];
    let s: State = start;
    for (let i = 0; i <= present.size; i++) {
      s = reduce(model, s, { type: 'cycleCategory' });
      seen.push(s.category);
      if (s.category) expect(claimRows(model, s).some((r) => r.kind === 'claim')).toBe(true);
    }
    expect(new Set(seen.filter(Boolean))).toEqual(present);
    expect(seen.at(-1)).toBeNull();
  });

  it('the disputed list holds the other members\' decisions too', () => {
    const c = model.nominees[1]!.claims[0]!;
    const d = { id: 1, uid: 'u1', seq: 1, docSha: noticeDoc().result.sha256, docPath: '', claimId: c.id, nominee: null, nomineeName: '', claimText: '', status: 'needs_evidence' as const, note: '缺材料', reviewer: 'bob', at: '', undoOf: null, role: 'member' as const };
    const list = problems(model, initialState(model, [], [d], null));
    expect(list).toEqual([{ nominee: 1, claim: c, status: 'needs_evidence', note: '缺材料', reviewer: 'bob' }]);
  });
});

describe('review UI evidence longer than its pane', () => {
  const TAB = '\t';
  const PGDN = '\u001B[6~';
  /** The evidence pane's lines (inside its border) and its "lines a–b of n" line. */
  const pane = (frame: string): { body: string[]; at: [number, number, number] | null } => {
    const rows = frame.split('\n');
    const top = rows.findIndex((l) => /^[╔┌]/.test(l));
    const inner = rows.slice(top + 1).filter((l) => /^[║│]/.test(l)).map((l) => l.slice(2).trimEnd());
    const m = /lines (\d+)–(\d+) of (\d+)/.exec(inner.at(-1) ?? '');
    return { body: m ? inner.slice(0, -1) : inner, at: m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null };
  };

  it('scrolls it line by line and a page at a time when focused, never past either end; the list moves again outside it', async () => {
    const { ui, close } = mount(60, 16);
    await tick();
    await type(ui.stdin, KEY.enter);
    await until(ui, (f) => f.includes('grouped by'));
    // the whole paragraph of the claim, focused: longer than a 16-row terminal shows
    await type(ui.stdin, 'w', TAB);
    await until(ui, (f) => pane(f).at !== null);
    const first = pane(ui.lastFrame() ?? '');
    expect(first.at?.[0]).toBe(1);
    const [, shownTo, total] = first.at!;
    const room = shownTo;
    expect(total).toBeGreaterThan(room);
    await type(ui.stdin, KEY.down);
    await until(ui, (f) => pane(f).at?.[0] === 2);
    expect(pane(ui.lastFrame() ?? '').body.slice(0, -1)).toEqual(first.body.slice(1));
    // to the end, and no further
    for (let i = 0; i < Math.ceil(total / room) + 2; i++) await type(ui.stdin, PGDN);
    await until(ui, (f) => pane(f).at?.[1] === total);
    expect(pane(ui.lastFrame() ?? '').at).toEqual([total - room + 1, total, total]);
    await type(ui.stdin, KEY.up);
    await until(ui, (f) => pane(f).at?.[1] === total - 1);
    // back in the list, ↓ moves to the next claim, whose evidence starts at its top
    const header = (): string => (ui.lastFrame() ?? '').split('\n')[1] ?? '';
    expect(header()).toMatch(/ 1\/\d+ /);
    await type(ui.stdin, TAB, KEY.down, TAB);
    await until(ui, (f) => / 2\/\d+ /.test(f.split('\n')[1] ?? '') && pane(f).at !== null);
    expect(pane(ui.lastFrame() ?? '').at?.[0]).toBe(1);
    close();
  });
});
