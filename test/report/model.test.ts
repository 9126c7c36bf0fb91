import { describe, expect, it } from 'vitest';
import { buildReport, coverNotes, countedAs, showValue, showVerdict, type Report, type ReportClaim } from '../../src/report/model.js';
import { totals, showTotal, restatements, SUMMABLE } from '../../src/export/totals.js';
import { exportVocabulary } from '../../src/export/vocabulary.js';
import { readFileSync } from 'node:fs';
import { analyseBytes, ReviewStore } from '../../src/index.js';
import { tmpDb } from '../helpers/review.js';
import type { Claim, DocumentResult } from '../../src/index.js';
import { panel, CHAIR, CHAIR_NOTE, GENERATED, LI, LI_NOTE, WANG, WANG_NOTE } from '../helpers/report.js';

const claimsOf = (r: Report): ReportClaim[] => r.sections.flatMap((s) => s.groups.flatMap((g) => g.claims));

describe('report model', () => {
  it('one section per nominee, in document order, with name, kind and title', () => {
    const p = panel();
    const r = buildReport(p.docs, { latest: p.latest, generated: GENERATED, store: p.path });
    const nominees = p.docs.flatMap((d) => d.result.nominees);
    expect(r.sections.map((s) => s.name)).toEqual(nominees.map((n) => n.name));
    expect(r.sections.map((s) => s.kind)).toEqual(nominees.map((n) => n.kind));
    expect(r.sections.find((s) => s.name === '周方志')?.title).toBe('省信访局督查处处长');
    // every claim is in exactly one group of its nominee's section
    expect(claimsOf(r).map((c) => c.id).sort()).toEqual(p.docs.flatMap((d) => d.result.claims.map((c) => c.id)).sort());
    expect(r.counts).toMatchObject({ documents: 3, nominees: nominees.length, claims: p.docs.reduce((a, d) => a + d.result.claims.length, 0), orphans: 0 });
    expect(r.panel).toEqual([LI, WANG]);
    expect(r.chairs).toEqual([CHAIR]);
    expect(r.reviewed).toBe(true);
  });

  it("shows every member's decision and note, the consensus, and the chair's resolution", () => {
    const p = panel();
    const r = buildReport(p.docs, { latest: p.latest, generated: GENERATED });
    const all = claimsOf(r);
    const resolved = all.find((c) => c.id === p.resolved.claim.id)!;
    expect(resolved.decisions).toEqual([
      expect.objectContaining({ reviewer: LI, status: 'disputed', note: LI_NOTE }),
      expect.objectContaining({ reviewer: WANG, status: 'verified', note: '' }),
    ]);
    expect(resolved.consensus).toMatchObject({ state: 'resolved', status: 'verified' });
    expect(resolved.chair).toMatchObject({ reviewer: CHAIR, status: 'verified', note: CHAIR_NOTE });
    const open = all.find((c) => c.id === p.open.claim.id)!;
    expect(open.consensus).toMatchObject({ state: 'disagreement', why: '1 of 2 disputed' });
    expect(open.chair).toBeNull();
    expect(all.find((c) => c.decisions.some((d) => d.note === WANG_NOTE))?.decisions.find((d) => d.reviewer === WANG)?.status).toBe('needs_evidence');
    // the shanxi notice: both members decided everything; the others only 王委员
    const shanxi = p.docs[0]!.result;
    const counts = r.sections.filter((s) => s.docSha === shanxi.sha256).reduce((a, s) => ({
      agreed: a.agreed + s.counts.states.agreed, resolved: a.resolved + s.counts.states.resolved, disagreement: a.disagreement + s.counts.states.disagreement, pending: a.pending + s.counts.states.pending,
    }), { agreed: 0, resolved: 0, disagreement: 0, pending: 0 });
    expect(counts).toEqual({ agreed: shanxi.claims.length - 2, resolved: 1, disagreement: 1, pending: 0 });
    expect(r.counts.states.pending).toBe(r.counts.claims - shanxi.claims.length);
    expect(r.counts.members).toEqual([
      { reviewer: LI, counts: { verified: shanxi.claims.length - 2, disputed: 2, needs_evidence: 0, unreviewed: r.counts.claims - shanxi.claims.length } },
      { reviewer: WANG, counts: { verified: r.counts.claims - 1, disputed: 0, needs_evidence: 1, unreviewed: 0 } },
    ]);
    expect(r.counts.chair).toBe(1);
  });

  it('totals add up verified claims only and say what was left out', () => {
    const p = panel();
    const r = buildReport(p.docs, { latest: p.latest, generated: GENERATED });
    const shanxi = p.docs[0]!.result;
    for (const s of r.sections) {
      const source = [...p.docs.find((d) => d.result.sha256 === s.docSha)!.result.claims].filter((c) => c.nominee === s.id);
      const verified = new Set(s.groups.flatMap((g) => g.claims).filter((c) => c.consensus.status === 'verified' && (c.consensus.state === 'agreed' || c.consensus.state === 'resolved')).map((c) => c.id));
      // computed here independently of countedAs: verified, an achievement, no rate, no change, a summable category
      const expected = source.filter((c) => verified.has(c.id) && c.role !== 'context' && c.rate === null && c.from === null && SUMMABLE.includes(c.category));
      expect(s.totals.counted, s.name).toBe(expected.length);
      const shown = SUMMABLE.map((cat) => totals(expected.filter((c) => c.category === cat)).map(showTotal)).filter((t) => t.length > 0);
      expect(s.totals.lines.map((l) => l.totals), s.name).toEqual(shown);
      expect(s.totals.counted + s.totals.left.reduce((a, l) => a + l.claims, 0), s.name).toBe(source.length);
      for (const l of s.totals.left) expect(l.perUnit.reduce((a, u) => a + u.claims, 0)).toBe(l.claims);
      // nothing outside the shanxi notice is agreed under the unanimous rule: nothing to total
      if (s.docSha !== shanxi.sha256) expect(s.totals.lines).toEqual([]);
    }
    const yang = r.sections[0]!;
    expect(yang.totals.left.find((l) => l.reason === 'not_verified')).toMatchObject({ claims: 1 });
    // a verified context figure (money at stake, a total whose parts follow) is left out as context
    expect(r.sections.flatMap((s) => s.totals.left).filter((l) => l.reason === 'context').reduce((a, l) => a + l.claims, 0)).toBeGreaterThan(0);
    // and each section's count is that of its claims left out as context
    const contexts = r.sections.map((x) => [x.totals.left.find((l) => l.reason === 'context')?.claims ?? 0, x.groups.flatMap((g) => g.claims).filter((c) => c.counted === 'context').length]);
    expect(contexts.every(([a, b]) => a === b)).toBe(true);
    // 701 件 was resolved verified by the chair: it is in the total
    expect(yang.totals.lines.find((l) => l.category === 'cases_resolved')?.totals).toContain('701 件');
    // under the majority rule one member of two is not a majority: the same store gives the same totals
    const maj = buildReport(p.docs, { latest: p.latest, rule: 'majority', generated: GENERATED });
    expect(maj.sections[0]!.totals).toEqual(yang.totals);
  });

  it('eligibility requirements with status and evidence sentence; coverage with evidence claims or none', () => {
    const p = panel();
    const r = buildReport(p.docs, { latest: p.latest, generated: GENERATED });
    const zhou = r.sections.find((s) => s.name === '周方志')!;
    expect(zhou.requirements).toEqual([expect.objectContaining({ kind: 'service_years', threshold: '累计从事信访工作5年以上', status: 'met', claims: ['5年来'] })]);
    expect(zhou.requirements[0]!.evidence).toMatch(/^周方志同志担任督查处长5年来/);
    const stated = r.sections.flatMap((s) => s.requirements).find((q) => q.status === 'stated')!;
    expect(stated.kind).toBe('clean_record');
    expect(stated.evidence).toMatch(/未(?:发生|出现)/);
    // the sentence holds the statement found, cut at sentence ends
    expect(stated.evidence).not.toMatch(/。./);
    const yang = r.sections[0]!;
    expect(yang.requirements).toEqual([expect.objectContaining({ kind: 'clean_record', status: 'no_evidence', evidence: null })]);
    expect(yang.coverage.map((c) => c.criterion)).toEqual(['collective-1', 'collective-2', 'collective-3', 'collective-4', 'collective-5']);
    expect(yang.coverage.find((c) => c.criterion === 'collective-1')).toMatchObject({ evidence: false, claims: [] });
    expect(yang.coverage.find((c) => c.criterion === 'collective-3')?.claims.map((c) => c.text)).toContain('701 件');
    // groups follow the criteria order, claims linked to no criterion last
    const order = yang.groups.map((g) => g.criterion);
    expect(order.filter((g) => g !== null)).toEqual(['collective-3', 'collective-4']);
  });

  it('the checks that fired, per nominee, with the texts of their claims', () => {
    const p = panel();
    const r = buildReport(p.docs, { latest: p.latest, generated: GENERATED });
    const hexi = p.docs[2]!.result;
    const shown = r.sections.filter((s) => s.docSha === hexi.sha256).flatMap((s) => s.checks.map((c) => c.message));
    expect(shown.sort()).toEqual(hexi.checks.map((c) => c.message).sort());
    expect(hexi.checks.length).toBeGreaterThan(0);
    expect(r.sections.filter((s) => s.docSha !== hexi.sha256).flatMap((s) => s.checks)).toEqual([]);
    const withCheck = claimsOf(r).find((c) => c.checks.length > 0)!;
    expect(hexi.checks.some((x) => x.claims.includes(withCheck.id))).toBe(true);
  });

  it('without a store: every claim unreviewed, no totals, and the cover can say so', () => {
    const p = panel();
    const r = buildReport(p.docs, { generated: GENERATED });
    expect(r.reviewed).toBe(false);
    expect(r.panel).toEqual([]);
    expect(r.counts.states.unreviewed).toBe(r.counts.claims);
    for (const c of claimsOf(r)) expect(c.counted).toBe('not_verified');
    for (const s of r.sections) expect(s.totals.lines).toEqual([]);
  });

  it('takes the documents as given: a corrected result (a figure added, a claim struck out as noise, a value corrected) is what it reports', () => {
    const p = panel();
    const d = p.docs[0]!;
    const yang = d.result.nominees[0]!;
    const noise = d.result.claims.find((c) => c.nominee === yang.id && c.text === '4 个')!;
    const model = d.result.claims.find((c) => c.nominee === yang.id && c.text === '701 件')!;
    // as corrections leave them: noise flagged, an added claim marked as the reviewer's, the extractor's value kept beside the corrected one
    const added = { ...model, id: 'r-added-0001', text: '120 件', value: 120, source: 'reviewer' as const };
    const edited = { ...model, value: 710, corrected: { value: 701 } };
    const corrected: DocumentResult = { ...d.result, claims: [...d.result.claims.map((c) => (c === noise ? { ...c, notAClaim: true } : c === model ? edited : c)), added] };
    const latest = [...p.latest, { ...p.latest.find((x) => x.claimId === model.id && x.reviewer === WANG)!, claimId: added.id, uid: 'u-added', id: 9999 }];
    const r = buildReport([{ result: corrected, text: d.text }], { latest, generated: GENERATED });
    const claims = r.sections[0]!.groups.flatMap((g) => g.claims);
    expect(claims.find((c) => c.id === added.id)?.corrections).toBe('added by a reviewer');
    expect(claims.find((c) => c.id === noise.id)).toMatchObject({ corrections: 'not a claim', counted: 'not_a_claim' });
    expect(claims.find((c) => c.id === model.id)).toMatchObject({ corrections: 'value 701 → 710', value: 710, counted: 'total' });
    const totals = r.sections[0]!.totals;
    expect(totals.left.find((l) => l.reason === 'not_a_claim')).toEqual({ reason: 'not_a_claim', claims: 1, perUnit: [{ unit: '个', claims: 1 }] });
    // 710 (resolved verified by the chair) counts, 120 is pending (only one member decided it)
    expect(totals.lines.find((l) => l.category === 'cases_resolved')?.totals).toEqual(['710 件']);
    // a claim dropped from the document keeps its decisions in the store: counted on the cover as not shown
    const dropped = buildReport([{ result: { ...d.result, claims: d.result.claims.filter((c) => c !== noise) }, text: d.text }], { latest: p.latest, generated: GENERATED });
    expect(dropped.counts.orphans).toBe(1 + p.docs.slice(1).reduce((a, x) => a + x.result.claims.length, 0));
    expect(coverNotes(dropped)[0]).toMatch(/^\d+ claim\(s\) decided in the store are not in these inputs/);
    expect(coverNotes(buildReport([d], { generated: GENERATED, correctionOrphans: 2 }))).toEqual(['2 correction(s) in the store no longer find their text in these documents; they are kept in the store and not applied.']);
  });

  it("shows reviewers' verdicts on a nominee and on its requirements", () => {
    const d = panel().docs[0]!;
    const verdicts = [
      { reviewer: WANG, role: 'member' as const, nominee: 'n4', requirement: null, verdict: 'met', note: '材料齐全' },
      { reviewer: CHAIR, role: 'chair' as const, nominee: 'n4', requirement: 'individual-general', verdict: 'not_met', note: '任职年限不足' },
      { reviewer: LI, role: 'member' as const, nominee: 'n5', requirement: 'individual-general', verdict: 'unclear', note: '' },
    ];
    const r = buildReport([{ ...d, verdicts }], { generated: GENERATED });
    const zhou = r.sections.find((s) => s.id === 'n4')!;
    expect(zhou.verdicts.map(showVerdict)).toEqual([`${WANG}: met — 材料齐全`]);
    expect(zhou.requirements[0]!.verdicts.map(showVerdict)).toEqual([`${CHAIR} (chair): not met — 任职年限不足`]);
    expect(r.sections.find((s) => s.id === 'n5')!.requirements[0]!.verdicts.map(showVerdict)).toEqual([`${LI}: unclear`]);
    expect(r.sections.find((s) => s.id === 'n6')!.requirements[0]!.verdicts).toEqual([]);
    expect(r.sections[0]!.verdicts).toEqual([]);
  });

  it('in a bilingual write-up an English figure restating a Chinese one is counted once', () => {
    const path = 'corpus/bilingual-chen-hua.txt';
    const a = analyseBytes(readFileSync(path), path);
    const store = ReviewStore.open(tmpDb());
    for (const c of a.result.claims) store.record({ docSha: a.result.sha256, docPath: path, claimId: c.id, nominee: c.nominee, nomineeName: '', claimText: c.text, reviewer: WANG, status: 'verified', note: '' });
    const r = buildReport([{ result: a.result, text: a.text }], { latest: store.latest(), generated: GENERATED });
    store.close();
    const restated = restatements(a.result, a.text, exportVocabulary());
    expect(restated.size).toBeGreaterThan(0);
    const claims = claimsOf(r);
    for (const id of restated.keys()) expect(['restatement', 'context', 'rate', 'level']).toContain(claims.find((c) => c.id === id)?.counted);
    expect(claims.filter((c) => c.counted === 'restatement').length).toBeGreaterThan(0);
    expect(r.sections[0]!.totals.left.find((l) => l.reason === 'restatement')?.claims).toBe(claims.filter((c) => c.counted === 'restatement').length);
  });

  it('a write-up whose subject was not found: its claims in a section of their own', () => {
    const d = panel().docs[0]!;
    const anonymous: DocumentResult = { ...d.result, nominees: [], requirements: [], coverage: [], claims: d.result.claims.slice(0, 3).map((c) => ({ ...c, nominee: null })) };
    const r = buildReport([{ result: anonymous, text: d.text }], { generated: GENERATED });
    expect(r.sections).toHaveLength(1);
    expect(r.sections[0]).toMatchObject({ id: null, name: 'claims not attributed to a nominee', requirements: [], coverage: [] });
    expect(r.sections[0]!.groups.flatMap((g) => g.claims)).toHaveLength(3);
    expect(r.counts.nominees).toBe(0);
  });

  it('counts a claim in the totals only when verified, and shows a value only when it says more than the text', () => {
    const c = panel().docs[0]!.result.claims[0]!;
    const verified = { state: 'agreed', status: 'verified', members: [], chair: null, why: '' } as const;
    expect(countedAs(c, verified)).toBe('total');
    expect(countedAs(c, { ...verified, status: 'needs_evidence' })).toBe('not_verified');
    expect(countedAs(c, { ...verified, state: 'pending', status: 'unreviewed' })).toBe('not_verified');
    expect(countedAs({ ...c, role: 'context' }, verified)).toBe('context');
    expect(countedAs({ ...c, rate: { unit: 'year', text: '每年' } } as Claim, verified)).toBe('rate');
    expect(countedAs({ ...c, from: 590 }, verified)).toBe('level');
    expect(countedAs({ ...c, category: 'share' }, verified)).toBe('not_summable');
    expect(showValue({ text: '701 件', value: 701, unit: '件', approx: 'exact' })).toBe('');
    expect(showValue({ text: '7000余万元', value: 70000000, unit: '元', approx: 'over' })).toBe('> 70,000,000 元');
    expect(showValue({ text: '50%以上', value: 50, unit: '%', approx: 'at_least' })).toBe('≥ 50%');
  });
});
