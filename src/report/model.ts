/**
 * The panel report as plain data: one section per nominee, built from analysed documents (the
 * corrected ones, when reviewers corrected the extraction), the review store's latest decisions
 * and the panel's consensus. docx.ts and html.ts print it; this module only computes.
 *
 * Each section holds the nominee's name, kind and title; the eligibility requirements with their
 * status and evidence sentence; the criteria coverage (each criterion's evidence claims, or none);
 * the claims grouped by criterion, each with every member's decision and note, the consensus and
 * the chair's resolution; the arithmetic checks that fired; and totals of the verified claims only
 * (agreed or resolved `verified`), with what was left out and why.
 */
import type { Claim, DocumentResult, EvidenceStatus, Nominee } from '../analyse.js';
import { isClaimOf } from '../types.js';
import type { Category } from '../extract/claims.js';
import type { Decision, Status } from '../review/store.js';
import type { Consensus, ConsensusRule, ConsensusState } from '../review/consensus.js';
import { panelView, type PanelView } from '../review/panel.js';
import { oneLine } from '../export/tables.js';
import { additive, restatements, showTotal, totals, SUMMABLE } from '../export/totals.js';
import { exportVocabulary } from '../export/vocabulary.js';
import { sentencesOf } from '../structure/document.js';

/**
 * A reviewer's verdict on a nominee as a whole (requirement null) or on one of its eligibility
 * requirements (the requirement's criterion id), as reviewers' corrections record them.
 */
export interface ReviewerVerdict {
  readonly reviewer: string;
  readonly role: 'member' | 'chair';
  readonly nominee: string;
  readonly requirement: string | null;
  readonly verdict: string;
  readonly note: string;
}

export interface ReportDocument {
  readonly result: DocumentResult;
  readonly text: string;
  /** the reviewers' verdicts on this document's nominees and requirements, when corrections were applied */
  readonly verdicts?: readonly ReviewerVerdict[];
}

export interface ReportOptions {
  /** the store's latest decisions (`ReviewStore.latest()`, both roles); absent: no review store */
  readonly latest?: readonly Decision[] | null;
  readonly rule?: ConsensusRule;
  /** where the rule comes from, in words, for the cover ("the panel's rule, kept in its store") */
  readonly ruleFrom?: string;
  /** the panel members; by default every reviewer with a member's decision in `latest` */
  readonly panel?: readonly string[];
  /** what the report was made from, as given (files and folders) */
  readonly inputs?: readonly string[];
  /** the review store's path, for the cover */
  readonly store?: string | null;
  /** when the report was made, as it is to be shown */
  readonly generated: string;
  /** how many of the store's corrections no longer find their text in these documents (kept, not applied) */
  readonly correctionOrphans?: number;
}

export const STATUS_LABEL: Record<Status, string> = { verified: 'verified', disputed: 'disputed', needs_evidence: 'needs evidence', unreviewed: 'unreviewed' };
export const STATE_LABEL: Record<ConsensusState, string> = { agreed: 'agreed', resolved: 'resolved by the chair', disagreement: 'disagreement', pending: 'pending', unreviewed: 'unreviewed' };
export const REQUIREMENT_LABEL: Record<EvidenceStatus, string> = { met: 'met', not_met: 'not met', stated: 'stated in the text', no_evidence: 'no evidence found' };
export const KIND_LABEL: Record<string, string> = { collective: 'collective', individual: 'individual', '': '' };
export const DECIDED: readonly Status[] = ['verified', 'disputed', 'needs_evidence'];
export const STATES: readonly ConsensusState[] = ['agreed', 'resolved', 'disagreement', 'pending', 'unreviewed'];

export interface MemberDecision {
  readonly reviewer: string;
  /** 'unreviewed' when the member has not decided the claim */
  readonly status: Status;
  readonly note: string;
  readonly at: string | null;
}

export interface ChairResolution { readonly reviewer: string; readonly status: Status; readonly note: string; readonly at: string }

/** Why a claim is in the totals or left out of them. */
export type Counted = 'total' | 'not_a_claim' | 'not_verified' | 'context' | 'rate' | 'level' | 'restatement' | 'repeat' | 'not_summable';
export const COUNTED_LABEL: Record<Counted, string> = {
  total: 'counted', not_a_claim: 'marked not a claim', not_verified: 'not verified', context: 'context figure', rate: 'rate', level: 'level reached by a change', restatement: 'restates a figure given in Chinese', repeat: 'repeats a figure of the same words', not_summable: 'not summable',
};
/** What was left out of the totals, as a heading for a count. */
export const LEFT_OUT_LABEL: Record<Exclude<Counted, 'total'>, string> = {
  not_a_claim: 'marked not a claim', not_verified: 'not verified', context: 'context figures', rate: 'rates', level: 'levels reached by a change', restatement: 'English restatements of figures given in Chinese', repeat: 'figures repeated in the same words', not_summable: 'shares, percent changes and durations, which do not add up',
};

export interface ReportClaim {
  readonly id: string;
  readonly text: string;
  readonly value: number;
  readonly unit: string;
  readonly approx: string;
  readonly category: Category;
  readonly role: string;
  readonly period: string | null;
  /** the evidence sentence, on one line */
  readonly sentence: string;
  /** one per panel member, in panel order */
  readonly decisions: readonly MemberDecision[];
  readonly consensus: { readonly state: ConsensusState; readonly status: Status; readonly why: string; readonly shown: string };
  readonly chair: ChairResolution | null;
  /** the messages of the checks that involve this claim */
  readonly checks: readonly string[];
  readonly counted: Counted;
  /** what reviewers corrected: "added by a reviewer", "not a claim", "value 701 → 710"; '' when nothing */
  readonly corrections: string;
}

export interface ClaimGroup {
  /** the criterion the claims rank first, or null for claims linked to none */
  readonly criterion: string | null;
  readonly text: string;
  readonly claims: readonly ReportClaim[];
}

export interface CoverageLine {
  readonly criterion: string;
  readonly text: string;
  /** false: no quantitative evidence */
  readonly evidence: boolean;
  /** the claims that rank it first, else the one that links to it most strongly */
  readonly claims: ReadonlyArray<{ readonly id: string; readonly text: string }>;
}

export interface RequirementLine {
  readonly criterion: string;
  readonly kind: 'service_years' | 'clean_record';
  /** the threshold as the criteria state it (累计从事信访工作5年以上) */
  readonly threshold: string;
  readonly status: EvidenceStatus;
  /** the sentence the evidence is in, on one line; null when none was found */
  readonly evidence: string | null;
  /** the texts of the claims that are the evidence */
  readonly claims: readonly string[];
  /** the reviewers' verdicts on it */
  readonly verdicts: readonly ReviewerVerdict[];
}

export interface CheckLine { readonly kind: string; readonly message: string; readonly claims: readonly string[] }

export interface LeftOut {
  readonly reason: Exclude<Counted, 'total'>;
  readonly claims: number;
  readonly perUnit: ReadonlyArray<{ readonly unit: string; readonly claims: number }>;
}

export interface TotalsBlock {
  /** per summable category with any counted claim: its totals per unit, as shown (≥ 70,000,000 元) */
  readonly lines: ReadonlyArray<{ readonly category: Category; readonly totals: readonly string[]; readonly claims: number }>;
  readonly counted: number;
  readonly left: readonly LeftOut[];
}

export interface DecisionCounts {
  readonly claims: number;
  readonly states: Readonly<Record<ConsensusState, number>>;
  /** per panel member: how many claims they marked with each status ('unreviewed': not decided) */
  readonly members: ReadonlyArray<{ readonly reviewer: string; readonly counts: Readonly<Record<Status, number>> }>;
  /** claims the chair resolved */
  readonly chair: number;
}

export interface NomineeSection {
  readonly document: string;
  readonly docSha: string;
  readonly docTitle: string;
  /** null: the claims of the document that could not be attributed to a nominee */
  readonly id: string | null;
  readonly name: string;
  readonly kind: string;
  readonly title: string | null;
  readonly requirements: readonly RequirementLine[];
  readonly coverage: readonly CoverageLine[];
  readonly groups: readonly ClaimGroup[];
  readonly checks: readonly CheckLine[];
  readonly totals: TotalsBlock;
  readonly counts: DecisionCounts;
  /** the reviewers' verdicts on the nominee as a whole */
  readonly verdicts: readonly ReviewerVerdict[];
}

export interface Report {
  readonly generated: string;
  readonly inputs: readonly string[];
  readonly documents: ReadonlyArray<{ readonly path: string; readonly title: string; readonly nominees: number; readonly claims: number }>;
  readonly store: string | null;
  /** false without a review store: every claim is unreviewed */
  readonly reviewed: boolean;
  readonly rule: ConsensusRule;
  /** where the rule comes from, in words, when the caller said */
  readonly ruleFrom: string | null;
  readonly panel: readonly string[];
  readonly chairs: readonly string[];
  readonly counts: DecisionCounts & { readonly documents: number; readonly nominees: number; readonly orphans: number; readonly correctionOrphans: number };
  readonly sections: readonly NomineeSection[];
}

/** The cover's notes on what the report does not show, in words. */
export function coverNotes(r: Pick<Report, 'counts'>): string[] {
  const out: string[] = [];
  if (r.counts.orphans > 0) out.push(`${r.counts.orphans} claim(s) decided in the store are not in these inputs (another document, or a claim no longer in the text); their decisions are kept in the store and not shown here.`);
  if (r.counts.correctionOrphans > 0) out.push(`${r.counts.correctionOrphans} correction(s) in the store no longer find their text in these documents; they are kept in the store and not applied.`);
  return out;
}

/** The consensus rule, in words (the cover states it). */
export function consensusRuleText(rule: ConsensusRule): string {
  return `${rule === 'majority'
    ? 'majority: a claim is agreed when more than half of the members gave the same status'
    : 'unanimous: a claim is agreed when every member decided it and all gave the same status'}; a claim any member disputed, or on which the members decided without reaching the rule, needs the chair, whose resolution settles it.`;
}

/** The rule the totals follow, in words (the cover states it). */
export function totalsRule(rule: ConsensusRule): string {
  return `Totals add up verified claims only: claims the panel agreed are verified (${rule === 'majority' ? 'a majority of the members' : 'every member'}), or the chair resolved as verified. `
    + 'Left out and counted apart: claims a reviewer marked as not a claim, claims not verified, context figures (money at stake, the size of a caseload), rates (每年, 平均每天), levels reached by a change (提升至740元), English restatements of figures a bilingual document gives in Chinese, '
    + 'and figures that do not add up (shares, percent changes, durations). Sums never mix units; ≥ marks a lower bound, ≤ an upper bound, ≈ an approximation.';
}

const emptyStates = (): Record<ConsensusState, number> => ({ agreed: 0, resolved: 0, disagreement: 0, pending: 0, unreviewed: 0 });
const emptyStatuses = (): Record<Status, number> => ({ verified: 0, disputed: 0, needs_evidence: 0, unreviewed: 0 });

/**
 * What reviewers' corrections leave on a claim of a corrected document: who found it, whether it
 * was struck out as noise, and the extractor's values of the fields corrected.
 */
export interface Corrected {
  readonly source?: 'extractor' | 'reviewer';
  readonly notAClaim?: boolean;
  readonly corrected?: Readonly<Record<string, unknown>>;
}

/** A claim's corrections in words ('' when none). */
export function showCorrections(c: Claim & Corrected): string {
  const parts: string[] = [];
  if (c.source === 'reviewer') parts.push('added by a reviewer');
  if (c.notAClaim) parts.push('not a claim');
  for (const [k, v] of Object.entries(c.corrected ?? {})) parts.push(`${k} ${String(v)} → ${String((c as unknown as Record<string, unknown>)[k])}`);
  return parts.join('; ');
}

/** Why a claim is in the totals or not, given its consensus. */
export function countedAs(c: Claim & Corrected, consensus: Consensus, restates: string | boolean = false): Counted {
  if (c.notAClaim) return 'not_a_claim';
  const verified = (consensus.state === 'agreed' || consensus.state === 'resolved') && consensus.status === 'verified';
  if (!verified) return 'not_verified';
  if (c.role === 'context') return 'context';
  if (c.rate !== null) return 'rate';
  if (c.from !== null) return 'level';
  // a figure said again in the same words counts once; a possible copy that the panel verified counts
  if (typeof restates === 'string' && restates.startsWith('repeats')) return 'repeat';
  if (restates !== false && !(typeof restates === 'string' && restates.startsWith('possible copy'))) return 'restatement';
  if (!additive(c) || !SUMMABLE.includes(c.category)) return 'not_summable';
  return 'total';
}

/** The sentence that holds offset `at`: its paragraph cut at sentence ends. */
function sentenceAt(text: string, start: number, end: number): string {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const to = nl < 0 ? text.length : nl;
  const s = sentencesOf(text, { start: from, end: to }).find((r) => r.start <= start && r.end >= end) ?? { start: from, end: to };
  return oneLine(text.slice(s.start, s.end)).trim();
}

function reportClaim(d: ReportDocument, c: Claim, view: PanelView, restated: ReadonlyMap<string, string>): ReportClaim {
  const p = view.of(d.result.sha256, c.id);
  const cons = p.consensus;
  const decisions = p.members.map((m): MemberDecision => ({ ...m, at: cons.members.find((x) => x.reviewer === m.reviewer)?.at ?? null }));
  return {
    id: c.id, text: c.text, value: c.value, unit: c.unit, approx: c.approx, category: c.category, role: c.role, period: c.period,
    sentence: oneLine(d.text.slice(c.sentence.start, c.sentence.end)).trim(),
    decisions,
    consensus: { state: cons.state, status: cons.status, why: cons.why, shown: p.cell },
    chair: cons.state === 'resolved' && cons.chair ? { reviewer: cons.chair.reviewer, status: cons.chair.status, note: cons.chair.note, at: cons.chair.at } : null,
    checks: d.result.checks.filter((x) => x.claims.includes(c.id)).map((x) => x.message),
    counted: countedAs(c, cons, restated.get(c.id) ?? false),
    corrections: showCorrections(c),
  };
}

function requirementLines(d: ReportDocument, nominee: string): RequirementLine[] {
  const out: RequirementLine[] = [];
  for (const r of d.result.requirements) {
    const e = r.nominees.find((x) => x.nominee === nominee);
    if (!e) continue;
    const claims = e.claims.map((id) => d.result.claims.find((c) => c.id === id)).filter((c): c is Claim => c !== undefined);
    const first = claims[0];
    const evidence = e.evidence ? sentenceAt(d.text, e.evidence.start, e.evidence.end)
      : first ? oneLine(d.text.slice(first.sentence.start, first.sentence.end)).trim() : null;
    const verdicts = (d.verdicts ?? []).filter((v) => v.nominee === nominee && v.requirement === r.criterion);
    out.push({ criterion: r.criterion, kind: r.kind, threshold: r.text, status: e.status, evidence, claims: claims.map((c) => c.text), verdicts });
  }
  return out;
}

function coverageLines(d: ReportDocument, nominee: string, claims: readonly Claim[]): CoverageLine[] {
  const kind = d.result.nominees.find((n) => n.id === nominee)?.kind;
  return d.result.criteria.filter((cr) => cr.group === kind).map((cr): CoverageLine => {
    const cell = d.result.coverage.find((x) => x.nominee === nominee && x.criterion === cr.id);
    const first = claims.filter((c) => c.criteria[0]?.id === cr.id);
    const strongest = cell?.strongest ? claims.find((c) => c.id === cell.strongest) : undefined;
    const shown = first.length > 0 ? first : cell?.evidence && strongest ? [strongest] : [];
    return { criterion: cr.id, text: cr.text, evidence: cell?.evidence ?? first.length > 0, claims: shown.map((c) => ({ id: c.id, text: c.text })) };
  });
}

function claimGroups(d: ReportDocument, claims: readonly ReportClaim[], source: readonly Claim[]): ClaimGroup[] {
  const top = new Map(source.map((c) => [c.id, c.criteria[0]?.id ?? null]));
  const ids = [...new Set(source.map((c) => c.criteria[0]?.id ?? null))];
  // criteria in the document's order, claims linked to none last
  const order = (id: string | null): number => (id === null ? Number.MAX_SAFE_INTEGER : d.result.criteria.findIndex((c) => c.id === id));
  return ids.sort((a, b) => order(a) - order(b)).map((id) => ({
    criterion: id,
    text: id === null ? 'claims linked to no criterion' : d.result.criteria.find((c) => c.id === id)?.text ?? id,
    claims: claims.filter((c) => top.get(c.id) === id),
  }));
}

function totalsBlock(source: readonly Claim[], claims: readonly ReportClaim[]): TotalsBlock {
  const counted = new Map(claims.map((c) => [c.id, c.counted]));
  const inTotal = source.filter((c) => counted.get(c.id) === 'total');
  const lines = SUMMABLE.map((category) => {
    const mine = inTotal.filter((c) => c.category === category);
    return { category, totals: totals(mine).map(showTotal), claims: mine.length };
  }).filter((l) => l.claims > 0);
  const reasons: ReadonlyArray<LeftOut['reason']> = ['not_a_claim', 'not_verified', 'context', 'rate', 'level', 'restatement', 'not_summable'];
  const left = reasons.map((reason): LeftOut => {
    const mine = source.filter((c) => counted.get(c.id) === reason);
    const units = new Map<string, number>();
    for (const c of mine) units.set(c.unit, (units.get(c.unit) ?? 0) + 1);
    return { reason, claims: mine.length, perUnit: [...units.entries()].map(([unit, n]) => ({ unit, claims: n })) };
  }).filter((l) => l.claims > 0);
  return { lines, counted: inTotal.length, left };
}

function decisionCounts(claims: readonly ReportClaim[], panel: readonly string[]): DecisionCounts {
  const states = emptyStates();
  for (const c of claims) states[c.consensus.state]++;
  const members = panel.map((reviewer) => {
    const counts = emptyStatuses();
    for (const c of claims) counts[c.decisions.find((x) => x.reviewer === reviewer)?.status ?? 'unreviewed']++;
    return { reviewer, counts };
  });
  return { claims: claims.length, states, members, chair: claims.filter((c) => c.chair !== null).length };
}

function section(d: ReportDocument, n: Nominee | null, view: PanelView): NomineeSection {
  const id = n?.id ?? null;
  const source = d.result.claims.filter((c) => isClaimOf(c, id));
  // in a bilingual document, an English figure that restates a Chinese one is counted once, as the exports count it
  const restated = restatements(d.result, d.text, exportVocabulary());
  const claims = source.map((c) => reportClaim(d, c, view, restated));
  return {
    document: d.result.path, docSha: d.result.sha256, docTitle: d.result.title,
    id, name: n?.name ?? 'claims not attributed to a nominee', kind: n?.kind ?? '', title: n?.title ?? null,
    requirements: id ? requirementLines(d, id) : [],
    coverage: id ? coverageLines(d, id, source) : [],
    groups: claimGroups(d, claims, source),
    checks: d.result.checks.filter((x) => x.nominee === id).map((x) => ({
      kind: x.kind, message: x.message, claims: x.claims.map((cid) => d.result.claims.find((c) => c.id === cid)?.text ?? cid),
    })),
    totals: totalsBlock(source, claims),
    counts: decisionCounts(claims, view.members),
    verdicts: id ? (d.verdicts ?? []).filter((v) => v.nominee === id && v.requirement === null) : [],
  };
}

function sumCounts(sections: readonly NomineeSection[], panel: readonly string[]): DecisionCounts {
  const states = emptyStates();
  const members = panel.map((reviewer) => ({ reviewer, counts: emptyStatuses() }));
  let claims = 0; let chair = 0;
  for (const s of sections) {
    claims += s.counts.claims; chair += s.counts.chair;
    for (const k of STATES) states[k] += s.counts.states[k];
    for (const m of s.counts.members) {
      const into = members.find((x) => x.reviewer === m.reviewer);
      if (into) for (const k of Object.keys(m.counts) as Status[]) into.counts[k] += m.counts[k];
    }
  }
  return { claims, states, members, chair };
}

/** The report of some analysed documents under a store's decisions (none: every claim unreviewed). */
export function buildReport(docs: readonly ReportDocument[], opts: ReportOptions): Report {
  const latest = opts.latest ?? [];
  const rule = opts.rule ?? 'unanimous';
  const view = panelView(latest, { rule, ...(opts.panel ? { panel: opts.panel } : {}) });
  const sections: NomineeSection[] = [];
  for (const d of docs) {
    for (const n of d.result.nominees) sections.push(section(d, n, view));
    if (d.result.claims.some((c) => c.nominee === null)) sections.push(section(d, null, view));
  }
  const shown = new Set(docs.flatMap((d) => d.result.claims.map((c) => `${d.result.sha256}\u0000${c.id}`)));
  // decisions on claims these documents no longer hold (or documents not given) are kept in the store, not shown
  const orphans = new Set(latest.filter((x) => x.status !== 'unreviewed' && !shown.has(`${x.docSha}\u0000${x.claimId}`)).map((x) => `${x.docSha}\u0000${x.claimId}`)).size;
  return {
    generated: opts.generated,
    inputs: opts.inputs ?? docs.map((d) => d.result.path),
    documents: docs.map((d) => ({ path: d.result.path, title: d.result.title, nominees: d.result.nominees.length, claims: d.result.claims.length })),
    store: opts.store ?? null,
    reviewed: opts.latest !== undefined && opts.latest !== null,
    rule,
    ruleFrom: opts.ruleFrom ?? null,
    panel: view.members,
    chairs: view.chairs,
    counts: { ...sumCounts(sections, view.members), documents: docs.length, nominees: docs.reduce((a, d) => a + d.result.nominees.length, 0), orphans, correctionOrphans: opts.correctionOrphans ?? 0 },
    sections,
  };
}

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/**
 * A claim's normalized value when it says more than the claim's text (7000余万元 → > 70,000,000 元),
 * else '' (701 件).
 */
export function showValue(c: Pick<ReportClaim, 'value' | 'unit' | 'approx' | 'text'>): string {
  const bound: Record<string, string> = { exact: '', over: '> ', at_least: '≥ ', under: '< ', at_most: '≤ ', about: '≈ ' };
  if (c.approx === 'exact' && c.text.replace(/\s+/g, '') === `${c.value}${c.unit}`) return '';
  const n = NUMBER.format(c.value);
  return `${bound[c.approx] ?? ''}${n}${c.unit === '%' ? '%' : ` ${c.unit}`}`;
}

/** 10 agreed, 2 resolved by the chair… (only the states that occur) */
export function showStates(c: DecisionCounts): string {
  const parts = STATES.filter((s) => c.states[s] > 0).map((s) => `${c.states[s]} ${STATE_LABEL[s]}`);
  return `${c.claims} claim${c.claims === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

/** 王委员: 8 verified, 1 disputed, 0 needs evidence, 3 not decided */
export function showMemberCounts(m: DecisionCounts['members'][number]): string {
  return `${m.reviewer}: ${DECIDED.map((s) => `${m.counts[s]} ${STATUS_LABEL[s]}`).join(', ')}, ${m.counts.unreviewed} not decided`;
}

/** A verdict as text: 王委员: met (note); 陈主任 (chair): not met */
export function showVerdict(v: ReviewerVerdict): string {
  return `${v.reviewer}${v.role === 'chair' ? ' (chair)' : ''}: ${v.verdict.replace('_', ' ')}${v.note ? ` — ${v.note}` : ''}`;
}

/** Per-unit counts as text: 件 3, 人次 2. */
export function showPerUnit(perUnit: LeftOut['perUnit']): string {
  return perUnit.map((u) => `${u.unit || '(no unit)'} ${u.claims}`).join(', ');
}

/** Left out, rates: 3 claims (批次 1, 人次 2) */
export function showLeftOut(l: LeftOut): string {
  return `Left out, ${LEFT_OUT_LABEL[l.reason]}: ${l.claims} claim${l.claims === 1 ? '' : 's'} (${showPerUnit(l.perUnit)})`;
}
