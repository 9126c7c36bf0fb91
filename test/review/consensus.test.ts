import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { ReviewStore, consensusIndex, consensusOf, showConsensus, type Decision, type Status } from '../../src/index.js';
import { tmpDb } from '../helpers/review.js';

const base = { docSha: 'a'.repeat(64), docPath: 'corpus/x.txt', nominee: 'n1', nomineeName: '甲局', claimText: '701 件', note: '' };

/** latest decisions of a fresh store, after recording the given ones in order */
function latestAfter(rows: Array<{ claimId: string; reviewer: string; status: Status; role?: 'member' | 'chair'; note?: string }>): Decision[] {
  const s = ReviewStore.open(tmpDb());
  for (const r of rows) s.record({ ...base, ...r, note: r.note ?? '' });
  const out = s.latest();
  s.close();
  return out;
}

describe('consensus', () => {
  it('unanimous: agreed only when every member decided alike; pending while some have not', () => {
    const idx = consensusIndex(latestAfter([
      { claimId: 'c1', reviewer: 'alice', status: 'verified' }, { claimId: 'c1', reviewer: 'bob', status: 'verified' },
      { claimId: 'c2', reviewer: 'alice', status: 'verified' },
      { claimId: 'c3', reviewer: 'alice', status: 'verified' }, { claimId: 'c3', reviewer: 'bob', status: 'needs_evidence' },
    ]));
    expect(idx.panel).toEqual(['alice', 'bob']);
    expect(idx.of(base.docSha, 'c1')).toMatchObject({ state: 'agreed', status: 'verified' });
    expect(idx.of(base.docSha, 'c2')).toMatchObject({ state: 'pending', status: 'unreviewed' });
    expect(idx.of(base.docSha, 'c3')).toMatchObject({ state: 'disagreement', why: '1 verified, 1 needs evidence' });
    expect(idx.of(base.docSha, 'nothing')).toMatchObject({ state: 'unreviewed' });
    expect(idx.disagreements().map((d) => d.claimId)).toEqual(['c3']);
  });

  it('majority: more than half of the panel; a disputed always needs the chair', () => {
    const latest = latestAfter([
      { claimId: 'c1', reviewer: 'a', status: 'verified' }, { claimId: 'c1', reviewer: 'b', status: 'verified' }, { claimId: 'c1', reviewer: 'c', status: 'needs_evidence' },
      { claimId: 'c2', reviewer: 'a', status: 'verified' }, { claimId: 'c2', reviewer: 'b', status: 'verified' }, { claimId: 'c2', reviewer: 'c', status: 'disputed' },
      { claimId: 'c3', reviewer: 'a', status: 'verified' }, { claimId: 'c3', reviewer: 'b', status: 'needs_evidence' },
    ]);
    const maj = consensusIndex(latest, { rule: 'majority' });
    expect(maj.of(base.docSha, 'c1')).toMatchObject({ state: 'agreed', status: 'verified' });
    expect(maj.of(base.docSha, 'c2')).toMatchObject({ state: 'disagreement', why: '1 of 3 disputed' });
    // c's decision could still make a majority either way
    expect(maj.of(base.docSha, 'c3')).toMatchObject({ state: 'pending' });
    const una = consensusIndex(latest);
    expect(una.of(base.docSha, 'c1').state).toBe('disagreement');
    // the same decisions with a four-member panel: two of four is no majority, and nobody is left to decide c1
    expect(consensusIndex(latest, { rule: 'majority', panel: ['a', 'b', 'c', 'd'] }).of(base.docSha, 'c1')).toMatchObject({ state: 'pending' });
  });

  it("the chair's resolution settles a claim, and the chair's undo reopens it", () => {
    const s = ReviewStore.open(tmpDb());
    s.record({ ...base, claimId: 'c1', reviewer: 'alice', status: 'verified' });
    s.record({ ...base, claimId: 'c1', reviewer: 'bob', status: 'disputed', note: '数字与附件不符' });
    expect(consensusIndex(s.latest()).of(base.docSha, 'c1').state).toBe('disagreement');
    const r = s.record({ ...base, claimId: 'c1', reviewer: 'chen', role: 'chair', status: 'needs_evidence', note: '请补附件' });
    expect(r.role).toBe('chair');
    const settled = consensusIndex(s.latest()).of(base.docSha, 'c1');
    expect(settled).toMatchObject({ state: 'resolved', status: 'needs_evidence' });
    expect(settled.chair?.note).toBe('请补附件');
    expect(settled.members.map((d) => d.reviewer)).toEqual(['alice', 'bob']);
    expect(showConsensus(settled)).toBe('needs_evidence (chair)');
    // the chair is not a panel member, and a chair's undo leaves members' decisions alone
    expect(consensusIndex(s.latest()).panel).toEqual(['alice', 'bob']);
    expect(s.undo('chen')).toBeNull();
    expect(s.undo('chen', 'chair')).toMatchObject({ claimId: 'c1', status: 'unreviewed', role: 'chair' });
    expect(consensusIndex(s.latest()).of(base.docSha, 'c1').state).toBe('disagreement');
    expect(s.history().filter((d) => d.role === 'chair')).toHaveLength(2);
    s.close();
  });

  it('one person can be a member and the chair; each role keeps its own latest decision', () => {
    const latest = latestAfter([
      { claimId: 'c1', reviewer: 'alice', status: 'verified' }, { claimId: 'c1', reviewer: 'bob', status: 'needs_evidence' },
      { claimId: 'c1', reviewer: 'alice', role: 'chair', status: 'verified' },
    ]);
    expect(latest.map((d) => [d.reviewer, d.role, d.status])).toEqual([['alice', 'member', 'verified'], ['bob', 'member', 'needs_evidence'], ['alice', 'chair', 'verified']]);
    const c = consensusOf(latest, ['alice', 'bob']);
    expect(c).toMatchObject({ state: 'resolved', status: 'verified' });
  });

  it('a merge keeps the role, and a store of the previous schema migrates with every decision a member one', () => {
    const a = ReviewStore.open(tmpDb());
    a.record({ ...base, claimId: 'c1', reviewer: 'chen', role: 'chair', status: 'verified' });
    const m = ReviewStore.open(tmpDb());
    expect(m.mergeFrom(a)).toBe(1);
    expect(m.latest()[0]?.role).toBe('chair');
    a.close(); m.close();

    const path = tmpDb('v3.sqlite');
    const s = ReviewStore.open(path);
    s.record({ ...base, claimId: 'c1', reviewer: 'alice', status: 'disputed' });
    s.close();
    // make it a schema-3 store again: no role column
    const db = new Database(path);
    db.exec('DROP INDEX IF EXISTS decisions_uid; DROP INDEX IF EXISTS decisions_at; DROP INDEX IF EXISTS decisions_claim; DROP INDEX IF EXISTS decisions_reviewer; ALTER TABLE decisions DROP COLUMN role');
    db.pragma('user_version = 3');
    db.close();
    const again = ReviewStore.open(path);
    expect(again.latest()).toEqual([expect.objectContaining({ claimId: 'c1', status: 'disputed', role: 'member' })]);
    again.close();
  });
});
