import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { ReviewStore, agreement, mergedRule, panelRule, panelView, storePanel, storedRule, type Status } from '../../src/index.js';
import { tmpDb } from '../helpers/review.js';

const base = { docSha: 'a'.repeat(64), docPath: 'corpus/x.txt', nominee: 'n1', nomineeName: '甲局', claimText: '701 件', note: '' };

function storeWith(rows: Array<{ claimId: string; reviewer: string; status: Status; role?: 'member' | 'chair'; note?: string }>): ReviewStore {
  const s = ReviewStore.open(tmpDb());
  for (const r of rows) s.record({ ...base, ...r, note: r.note ?? '' });
  return s;
}

describe('panel settings', () => {
  it('a setting is kept durably, read back after reopening and from a read-only copy', () => {
    const path = tmpDb();
    const s = ReviewStore.open(path);
    expect(s.setting('consensus')).toBeNull();
    expect(storedRule(s)).toBe('unanimous');
    s.setSetting('consensus', 'majority');
    s.close();
    const again = ReviewStore.open(path, { readonly: true });
    expect(again.setting('consensus')).toBe('majority');
    expect(panelRule(again)).toBe('majority');
    expect(panelRule(again, 'unanimous')).toBe('unanimous');
    expect(() => again.setSetting('consensus', 'unanimous')).toThrow(/read-only/);
    again.close();
  });

  it('refuses an unknown rule, given or stored, in one line', () => {
    const path = tmpDb();
    const s = ReviewStore.open(path);
    expect(() => panelRule(s, 'most')).toThrow('--consensus takes unanimous or majority (not "most")');
    s.close();
    const db = new Database(path);
    db.prepare("INSERT INTO meta (key, value) VALUES ('setting:consensus', 'plurality')").run();
    db.close();
    const again = ReviewStore.open(path);
    expect(() => storedRule(again)).toThrow(/stored consensus rule "plurality" is not one this shiji knows/);
    again.close();
  });

  it('a merge keeps an existing output\'s rule; a new one takes the rule its inputs share, else the default, and says so', () => {
    const maj = ReviewStore.open(tmpDb('a.sqlite')); maj.setSetting('consensus', 'majority');
    const maj2 = ReviewStore.open(tmpDb('b.sqlite')); maj2.setSetting('consensus', 'majority');
    const none = ReviewStore.open(tmpDb('c.sqlite'));
    expect(mergedRule([maj, maj2], null)).toEqual({ rule: 'majority', note: null });
    const differ = mergedRule([maj, none], null);
    expect(differ.rule).toBe('unanimous');
    expect(differ.note).toContain('the inputs differ, so the output takes the default');
    expect(differ.note).toContain(`${maj.path} has majority`);
    const kept = mergedRule([maj, maj2], none);
    expect(kept.rule).toBe('unanimous');
    expect(kept.note).toContain('the output keeps its own');
    for (const s of [maj, maj2, none]) s.close();
  });
});

describe('panel view (what exports add)', () => {
  it('one column per member (status and note), the consensus and the chair\'s resolution', () => {
    const s = storeWith([
      { claimId: 'c1', reviewer: '王委员', status: 'verified' }, { claimId: 'c1', reviewer: '李委员', status: 'disputed', note: '与附件不符' },
      { claimId: 'c1', reviewer: '陈主任', role: 'chair', status: 'needs_evidence', note: '请补附件' },
      { claimId: 'c2', reviewer: '王委员', status: 'verified' }, { claimId: 'c2', reviewer: '李委员', status: 'verified' },
      { claimId: 'c3', reviewer: '王委员', status: 'verified' },
    ]);
    const view = panelView(s.latest());
    expect(view.members).toEqual(['李委员', '王委员']);
    expect(view.chairs).toEqual(['陈主任']);
    expect(view.columns.map((c) => c.header)).toEqual(['李委员', '李委员 note', '王委员', '王委员 note', 'consensus (unanimous)', 'chair', 'chair note']);
    expect(view.cells(base.docSha, 'c1')).toEqual({
      'member_李委员': 'disputed', 'member_李委员_note': '与附件不符', 'member_王委员': 'verified', 'member_王委员_note': '',
      consensus: 'needs_evidence (chair)', chair: '陈主任: needs_evidence', chair_note: '请补附件',
    });
    expect(view.cells(base.docSha, 'c2')['consensus']).toBe('verified');
    expect(view.cells(base.docSha, 'c3')).toMatchObject({ 'member_李委员': 'unreviewed', consensus: 'pending', chair: '' });
    expect(view.cells(base.docSha, 'never')['consensus']).toBe('unreviewed');
    expect(view.counts()).toEqual({ agreed: 1, resolved: 1, disagreement: 0, pending: 1, unreviewed: 0 });
    // from the store, under its rule or the run's
    s.setSetting('consensus', 'majority');
    expect(storePanel(s).rule).toBe('majority');
    expect(storePanel(s).columns.find((c) => c.key === 'consensus')?.header).toBe('consensus (majority)');
    expect(storePanel(s, 'unanimous').rule).toBe('unanimous');
    s.close();
  });

  it('agreement keeps its fields and adds notes, the consensus and what needs the chair', () => {
    const s = storeWith([
      { claimId: 'c1', reviewer: 'a', status: 'verified', note: '核对无误' }, { claimId: 'c1', reviewer: 'b', status: 'needs_evidence', note: '缺附件' },
      { claimId: 'c2', reviewer: 'a', status: 'disputed', note: '重复计算' }, { claimId: 'c2', reviewer: 'b', status: 'disputed' },
      { claimId: 'c3', reviewer: 'a', status: 'verified' }, { claimId: 'c3', reviewer: 'b', status: 'needs_evidence' },
      { claimId: 'c3', reviewer: 'chen', role: 'chair', status: 'verified', note: '以原件为准' },
    ]);
    const r = agreement(s.latest());
    expect(Object.keys(r)).toEqual(['reviewers', 'overall', 'nominees', 'disagreements', 'rule', 'panel', 'consensus', 'adjudication']);
    expect(r.disagreements.map((d) => [d.claimId, d.statuses, d.notes, d.consensus])).toEqual([
      ['c1', { a: 'verified', b: 'needs_evidence' }, { a: '核对无误', b: '缺附件' }, 'disagreement'],
      ['c3', { a: 'verified', b: 'needs_evidence' }, { a: '', b: '' }, 'resolved'],
    ]);
    expect(r.disagreements[1]?.resolution).toEqual({ reviewer: 'chen', status: 'verified', note: '以原件为准' });
    // both members disputing agree with each other, yet the claim needs the chair
    expect(r.adjudication.map((a) => [a.claimId, a.consensus, a.why])).toEqual([['c1', 'disagreement', '1 verified, 1 needs evidence'], ['c2', 'disagreement', '2 of 2 disputed'], ['c3', 'resolved', '']]);
    expect(r.consensus).toMatchObject({ disagreement: 2, resolved: 1 });
    expect(agreement(s.latest(), { rule: 'majority' }).rule).toBe('majority');
    s.close();
  });
});
