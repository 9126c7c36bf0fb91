/** Chair mode driven as a chair drives it: only the disagreements, resolutions with a note, undo. */
import React from 'react';
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { spawnSync } from 'node:child_process';
import { App } from '../../src/ui/App.js';
import { buildModel } from '../../src/ui/state.js';
import { chairModel } from '../../src/ui/chair.js';
import { chairSummary } from '../../src/ui/summary.js';
import { ReviewStore, consensusIndex, type Status } from '../../src/index.js';
import { noticeDoc, tmpDb } from '../helpers/review.js';

const doc = noticeDoc();
const model = buildModel([doc]);
const tick = (ms = 60): Promise<void> => new Promise((r) => setTimeout(r, ms));
const KEY = { down: '\u001B[B', up: '\u001B[A', enter: '\r', esc: '\u001B' };

async function type(stdin: { write: (s: string) => void }, ...keys: string[]): Promise<void> {
  for (const k of keys) { stdin.write(k); await tick(); }
}

const claimsOf = (name: string) => model.nominees.find((n) => n.name === name)!.claims;
const [c701, c45, c11, c4] = claimsOf('阳泉市信访局');
const zhou = claimsOf('周方志')[0]!;

function decide(store: ReviewStore, reviewer: string, claim: typeof zhou, status: Status, note = ''): void {
  const nomineeName = model.nominees.find((n) => n.claims.includes(claim))!.name;
  store.record({ docSha: doc.result.sha256, docPath: doc.result.path, claimId: claim.id, nominee: claim.nominee, nomineeName, claimText: claim.text, status, note, reviewer });
}

/** Two members: 701 件 disputed by bob, 45 个 agreed, 11 个 split, 4 个 decided by alice only, 周方志's first claim split. */
function panelStore(): ReviewStore {
  const store = ReviewStore.open(tmpDb());
  decide(store, 'alice', c701!, 'verified', '与台账一致');
  decide(store, 'bob', c701!, 'disputed', '数不对');
  decide(store, 'alice', c45!, 'verified');
  decide(store, 'bob', c45!, 'verified');
  decide(store, 'alice', c11!, 'verified');
  decide(store, 'bob', c11!, 'needs_evidence', '缺附件');
  decide(store, 'alice', c4!, 'verified');
  decide(store, 'alice', zhou, 'needs_evidence');
  decide(store, 'bob', zhou, 'verified');
  return store;
}

describe('chair mode', () => {
  it('shows only the claims in disagreement, by nominee, with every member\'s decision, note and why', async () => {
    const store = panelStore();
    const chair = chairModel(model, store.latest(), 'unanimous', '陈主任');
    expect(chair.nominees.map((n) => [n.name, n.claims.map((c) => c.text)])).toEqual([['阳泉市信访局', ['701 件', '11 个']], ['周方志', [zhou.text]]]);
    const ui = render(<App model={chair} store={store} reviewer="陈主任" size={{ columns: 120, rows: 40 }} />);
    await tick();
    const first = ui.lastFrame() ?? '';
    expect(first).toContain('chair mode (unanimous rule) · resolved 0 of 3');
    expect(first).toContain('阳泉市信访局');
    expect(first).not.toContain('大同市信访局接待科');
    await type(ui.stdin, KEY.enter);
    const frame = ui.lastFrame() ?? '';
    expect(frame).toContain('701 件');
    expect(frame).toContain('11 个');
    expect(frame).not.toContain('45 个');
    expect(frame).toMatch(/why 1 of 2 disputed/);
    // side by side on one line: alice's decision and note, then bob's
    expect(frame).toMatch(/alice ✓ verified {2}“与台账一致”\s+bob ✗ disputed {2}“数不对”/);
    expect(frame).toContain('not resolved yet');
    ui.unmount();
    store.close();
  });

  it('records a resolution with role chair and a note, marks it resolved, undoes it; members\' decisions stay', async () => {
    const store = panelStore();
    const members = store.latest({ role: 'member' });
    const ui = render(<App model={chairModel(model, store.latest(), 'unanimous', '陈主任')} store={store} reviewer="陈主任" size={{ columns: 120, rows: 40 }} />);
    await tick();
    await type(ui.stdin, KEY.enter, 'N', '请补充台账', KEY.enter);
    expect(ui.lastFrame()).toContain('saved resolution: needs evidence (with note)');
    expect(ui.lastFrame()).toContain('resolved 1 of 3');
    expect(store.latest({ role: 'chair' }).map((d) => [d.reviewer, d.claimText, d.status, d.note, d.role])).toEqual([['陈主任', '701 件', 'needs_evidence', '请补充台账', 'chair']]);
    expect(consensusIndex(store.latest()).of(doc.result.sha256, c701!.id)).toMatchObject({ state: 'resolved', status: 'needs_evidence' });
    // the resolved claim stays in the list, marked, so that the chair can revise it
    expect(ui.lastFrame()).toMatch(/\? 701 件.*✓✗ resolved/);
    await type(ui.stdin, KEY.up);
    expect(ui.lastFrame()).toMatch(/chair resolved \? needs evidence {2}“请补充台账”/);
    await type(ui.stdin, 'v');
    expect(store.latest({ role: 'chair' }).map((d) => [d.status, d.note])).toEqual([['verified', '请补充台账']]);
    // e rewrites the note of the chair's resolution (backspace twice, then type)
    await type(ui.stdin, KEY.up, 'e', '\u007f', '\u007f', '原件', KEY.enter);
    expect(store.latest({ role: 'chair' }).map((d) => [d.status, d.note, d.role])).toEqual([['verified', '请补充原件', 'chair']]);
    await type(ui.stdin, 'u');
    expect(ui.lastFrame()).toContain('undone: back to verified');
    // s filters by the chair's status: the open claims only
    await type(ui.stdin, 's');
    expect(ui.lastFrame()).toContain('status: unreviewed');
    expect(ui.lastFrame()).not.toMatch(/701 件.*resolved/);
    expect(ui.lastFrame()).toContain('11 个');
    await type(ui.stdin, 'x');
    // u takes back the chair's own last resolution, and only that
    await type(ui.stdin, 'u');
    expect(ui.lastFrame()).toContain('undone: back to needs evidence');
    await type(ui.stdin, 'u');
    expect(ui.lastFrame()).toContain('undone: back to unreviewed');
    expect(ui.lastFrame()).toContain('resolved 0 of 3');
    await type(ui.stdin, 'u');
    expect(ui.lastFrame()).toContain('nothing to undo');
    expect(store.latest({ role: 'member' })).toEqual(members);
    expect(store.history().filter((d) => d.role === 'chair').map((d) => d.status)).toEqual(['needs_evidence', 'verified', 'verified', 'verified', 'needs_evidence', 'unreviewed']);
    ui.unmount();
    store.close();
  });

  it('a chair who is also a member keeps the two apart, and reopens at the place of the chair\'s session', async () => {
    const store = panelStore();
    const ui = render(<App model={chairModel(model, store.latest(), 'unanimous', 'alice')} store={store} reviewer="alice" size={{ columns: 120, rows: 40 }} />);
    await tick();
    await type(ui.stdin, KEY.enter, 'd');
    // the chair's d is a resolution; alice's own member decision is untouched
    expect(store.latest({ reviewer: 'alice', role: 'member' }).find((d) => d.claimId === c701!.id)?.status).toBe('verified');
    expect(store.latest({ reviewer: 'alice', role: 'chair' }).map((d) => d.status)).toEqual(['disputed']);
    await type(ui.stdin, 'q');
    ui.unmount();
    const again = render(<App model={chairModel(model, store.latest(), 'unanimous', 'alice')} store={store} reviewer="alice" size={{ columns: 120, rows: 40 }} />);
    await tick();
    expect(again.lastFrame()).toContain('resumed where you left off');
    expect(again.lastFrame()).toContain('resolved 1 of 3');
    again.unmount();
    // as a member alice still sees her own decision, not the chair's
    const member = render(<App model={model} store={store} reviewer="alice" size={{ columns: 120, rows: 40 }} />);
    await tick();
    expect(member.lastFrame()).toContain('5/61 reviewed');
    // the chair's disputed is not alice's: her row for 阳泉市信访局 counts no disputed claim
    expect(member.lastFrame()).toMatch(/阳泉市信访局 +collective +10 +4\/10 {12}··82·/);
    member.unmount();
    store.close();
  });

  it('says when there is nothing to adjudicate, on screen and in the summary', async () => {
    const store = ReviewStore.open(tmpDb());
    decide(store, 'alice', c701!, 'verified');
    decide(store, 'bob', c701!, 'verified');
    decide(store, 'alice', c45!, 'verified');
    const chair = chairModel(model, store.latest(), 'unanimous', '陈主任');
    expect(chair.nominees).toEqual([]);
    const ui = render(<App model={chair} store={store} reviewer="陈主任" size={{ columns: 80, rows: 24 }} />);
    await tick();
    const frame = ui.lastFrame() ?? '';
    expect(frame).toContain('nothing to adjudicate: no claim is in disagreement under the unanimous rule');
    expect(frame).toContain('1 agreed, 1 pending');
    for (const l of frame.split('\n')) expect(stringWidth(l)).toBeLessThanOrEqual(80);
    // Enter on the empty list opens nothing
    await type(ui.stdin, KEY.enter);
    expect(ui.lastFrame()).toContain('nothing to adjudicate');
    ui.unmount();
    expect(chairSummary(chair, store)).toContain('nothing to adjudicate');
    store.close();
  });

  it('follows the rule: a two-to-one split needs the chair under unanimous, not under majority; a disputed always does', () => {
    const store = panelStore();
    decide(store, 'carol', c11!, 'verified');
    decide(store, 'carol', c701!, 'verified');
    decide(store, 'carol', zhou, 'verified');
    const una = chairModel(model, store.latest(), 'unanimous', '陈主任');
    const maj = chairModel(model, store.latest(), 'majority', '陈主任');
    expect(una.nominees.flatMap((n) => n.claims.map((c) => c.text))).toEqual(['701 件', '11 个', zhou.text]);
    expect(maj.nominees.flatMap((n) => n.claims.map((c) => c.text))).toEqual(['701 件']);
    expect(maj.chair).toMatchObject({ rule: 'majority', panel: ['alice', 'bob', 'carol'] });
    const summary = chairSummary(maj, store);
    expect(summary).toContain('majority rule');
    expect(summary).toMatch(/阳泉市信访局\s+1\s+0\/1/);
    expect(summary).toContain('resolved 0 of 1');
    store.close();
  });

  it('fits 80 columns and lines up the claim rows', async () => {
    const store = panelStore();
    const ui = render(<App model={chairModel(model, store.latest(), 'unanimous', '陈主任')} store={store} reviewer="陈主任" size={{ columns: 80, rows: 24 }} />);
    await tick();
    await type(ui.stdin, KEY.enter);
    const lines = (ui.lastFrame() ?? '').split('\n');
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(80);
    const rows = lines.filter((l) => /open {5}/.test(l));
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((l) => stringWidth(l.slice(0, l.indexOf('open')))))).toEqual(new Set([stringWidth(rows[0]!.slice(0, rows[0]!.indexOf('open')))]));
    ui.unmount();
    store.close();
  });

  it('two members reviewed apart, merged with shiji merge: the chair settles a disagreement and agreement shows it all', async () => {
    const wang = ReviewStore.open(tmpDb('wang.sqlite'));
    const li = ReviewStore.open(tmpDb('li.sqlite'));
    decide(wang, '王委员', c701!, 'verified', '与台账一致');
    decide(li, '李委员', c701!, 'disputed', '附件为70件');
    decide(wang, '王委员', c45!, 'verified');
    decide(li, '李委员', c45!, 'verified');
    wang.close(); li.close();
    const panel = tmpDb('panel.sqlite');
    const cli = (...args: string[]) => spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8' });
    expect(cli('merge', wang.path, li.path, '-o', panel).status).toBe(0);
    const store = ReviewStore.open(panel);
    const ui = render(<App model={chairModel(model, store.latest(), 'unanimous', '陈主任')} store={store} reviewer="陈主任" size={{ columns: 120, rows: 40 }} />);
    await tick();
    expect(ui.lastFrame()).toContain('resolved 0 of 1');
    await type(ui.stdin, KEY.enter);
    expect(ui.lastFrame()).toMatch(/李委员 ✗ disputed {2}“附件为70件”\s+王委员 ✓ verified {2}“与台账一致”/);
    await type(ui.stdin, 'V', '以原始台账为准', KEY.enter);
    expect(ui.lastFrame()).toContain('resolved 1 of 1');
    ui.unmount();
    store.close();
    const report = cli('agreement', '--db', panel);
    expect(report.status).toBe(0);
    expect(report.stdout).toMatch(/阳泉市信访局 — shanxi-2017-xinfang-nominees\.txt +701 件 +disputed +verified +verified \(chair\)/);
    expect(report.stdout).toContain('      李委员: 附件为70件');
    expect(report.stdout).toContain('      王委员: 与台账一致');
    expect(report.stdout).toContain('      chair 陈主任: verified — 以原始台账为准');
    expect(report.stdout).toContain('1 agreed · 1 resolved by the chair · 0 need the chair');
  });

  it("shows another chair's resolution in force beside the chair's own", async () => {
    const store = panelStore();
    store.record({ docSha: doc.result.sha256, docPath: doc.result.path, claimId: c11!.id, nominee: c11!.nominee, nomineeName: '阳泉市信访局', claimText: c11!.text, status: 'needs_evidence', note: '待补', reviewer: '副主任', role: 'chair' });
    const ui = render(<App model={chairModel(model, store.latest(), 'unanimous', '陈主任')} store={store} reviewer="陈主任" size={{ columns: 120, rows: 40 }} />);
    await tick();
    await type(ui.stdin, KEY.enter, KEY.down);
    expect(ui.lastFrame()).toMatch(/in force: 副主任's resolution \? needs evidence {2}“待补”/);
    // the members' columns are the members' only
    expect(ui.lastFrame()).not.toMatch(/副主任 \?/);
    await type(ui.stdin, 'v', KEY.up, KEY.down);
    expect(ui.lastFrame()).toMatch(/chair resolved ✓ verified/);
    expect(ui.lastFrame()).not.toContain('in force');
    ui.unmount();
    store.close();
  });
});
