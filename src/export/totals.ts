/**
 * Honest totals: which claims are added up, and how approximations bound a sum.
 *
 * A claim counts in a total when it is an achievement (`role`; money at stake, awards in an
 * anecdote and a total whose parts follow are context), not a rate (每年10000人次) and not a level
 * reached by a change (提升至740元); when it does not restate, in English, a figure its bilingual
 * document already gives in Chinese; and, with a review, when no reviewer disputes it or marks it as
 * not a claim (with verifiedOnly: when it is verified).
 *
 * Each counted figure is an interval: exact → [v, v]; over, at_least (余, 以上) → [v, open); under,
 * at_most (近, 不到) → [0, v]; about (约, 左右) → [0.8 v, 1.2 v], the band the arithmetic checks
 * read it as; a vague numeral's own low/high (数十, 两三万) when it has them. A sum's low and high
 * are the sums of its figures' bounds; an open bound leaves the sum's high open (null).
 */
import type { Claim, DocumentResult } from '../analyse.js';
import type { Category } from '../extract/claims.js';
import type { Approx } from '../dictionaries.js';
import type { Decision, Status } from '../review/store.js';
import { latestOf } from '../review/consensus.js';
import type { ExportVocabulary } from './vocabulary.js';

export type Bound = '=' | '≥' | '≤' | '≈';
export const BOUND_OF: Record<Approx, Bound> = { exact: '=', over: '≥', at_least: '≥', under: '≤', at_most: '≤', about: '≈' };

export function combine(a: Bound, b: Bound): Bound {
  if (a === b) return a;
  if (a === '=') return b;
  if (b === '=') return a;
  return '≈';
}

/** The band an 约 or 左右 stands for, as the arithmetic checks read it. */
export const ABOUT_BAND = 0.2;

/** Categories whose figures add up; percentages and durations do not. */
export const SUMMABLE: readonly Category[] = ['cases_resolved', 'amount', 'headcount', 'count'];

/** Figures that add up: achievements (not context such as money at stake), not rates, not levels reached by a change. */
export function additive(c: Claim): boolean {
  return c.rate === null && c.from === null && c.role !== 'context';
}

/** A running sum: the stated figures, their low and high bounds (high Infinity when open), the bound sign. */
export interface Acc { sum: number; low: number; high: number; bound: Bound; claims: number }

export const emptyAcc = (): Acc => ({ sum: 0, low: 0, high: 0, bound: '=', claims: 0 });

export function interval(c: Pick<Claim, 'value' | 'approx' | 'low' | 'high'>): [number, number] {
  if (c.low !== null && c.high !== null) return [c.low, c.high];
  switch (c.approx) {
    case 'exact': return [c.value, c.value];
    case 'over': case 'at_least': return [c.value, Number.POSITIVE_INFINITY];
    case 'under': case 'at_most': return [0, c.value];
    case 'about': return [c.value * (1 - ABOUT_BAND), c.value * (1 + ABOUT_BAND)];
  }
}

export function addClaim(acc: Acc, c: Claim): void {
  const [lo, hi] = interval(c);
  acc.sum += c.value;
  acc.low += lo;
  acc.high += hi;
  acc.bound = combine(acc.bound, BOUND_OF[c.approx]);
  acc.claims++;
}

export function mergeAcc(into: Acc, from: Acc): void {
  into.sum += from.sum; into.low += from.low; into.high += from.high;
  into.bound = combine(into.bound, from.bound); into.claims += from.claims;
}

const r6 = (n: number): number => Math.round(n * 1e6) / 1e6;
/** The cells of a sum: the stated total, its low and its high (null when open). */
export function accCells(a: Acc | undefined): { sum: number | null; low: number | null; high: number | null } {
  if (!a || a.claims === 0) return { sum: null, low: null, high: null };
  return { sum: r6(a.sum), low: r6(a.low), high: Number.isFinite(a.high) ? r6(a.high) : null };
}

const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
/** A sum as text with its bound: "≥ 46,000,000 元". */
export function showAcc(a: Acc, unit: string): string {
  return `${a.bound === '=' ? '' : `${a.bound} `}${fmt(r6(a.sum))} ${unit}`;
}

export interface Total { readonly unit: string; readonly sum: number; readonly bound: Bound; readonly claims: number }

/** Sums per unit as written over the additive figures, with the bound that honours every approximation in the sum. */
export function totals(claims: readonly Claim[]): Total[] {
  const by = new Map<string, Acc>();
  for (const c of claims) {
    if (!additive(c)) continue;
    const t = by.get(c.unit) ?? emptyAcc();
    addClaim(t, c);
    by.set(c.unit, t);
  }
  return [...by.entries()].map(([unit, t]) => ({ unit, sum: r6(t.sum), bound: t.bound, claims: t.claims }));
}

export function showTotal(t: Total): string {
  return `${t.bound === '=' ? '' : `${t.bound} `}${fmt(t.sum)} ${t.unit}`;
}

/** The Chinese unit a claim's unit counts in (cases → 件, person-times → 人次). */
export function chineseUnit(unit: string, v: ExportVocabulary): string {
  return v.unitsEn[unit.toLowerCase()] ?? unit;
}

/**
 * The column unit of a claim: the total unit of its category that it is (or is added into: 名 → 人),
 * or null when its unit has no column of its own (it goes to "other units").
 */
export function columnUnit(category: Category, unit: string, v: ExportVocabulary): string | null {
  const list = v.totals.get(category);
  return list?.find((t) => t.unit === unit || t.also.includes(unit))?.unit ?? null;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN = /[A-Za-z]/g;
/** Whether a claim's sentence is English (more Latin letters than ideographs). */
export function englishSentence(text: string, c: Pick<Claim, 'sentence' | 'text'>): boolean {
  // without the document's text, the claim's own text decides
  const s = text.length >= c.sentence.end ? text.slice(c.sentence.start, Math.min(c.sentence.end, c.sentence.start + 400)) : c.text;
  return (s.match(LATIN)?.length ?? 0) > (s.match(CJK)?.length ?? 0);
}

/**
 * The claims that say again what another claim of the document says, each with why, which leaves
 * it out of the totals (the other one counts):
 * - `restates <id>`: in a bilingual document, an English claim that restates a Chinese one (same
 *   nominee, category, value and mapped unit; each Chinese claim restated at most once, in order);
 * - `repeats <id>`: the same figure in the same words under the same nominee again (a document
 *   that holds its text twice, or a notice pasted over and over);
 * - `possible copy of <id>`: a figure the copy check flagged under another nominee (the same
 *   figure in nearly the same words), until a reviewer verifies it.
 */
export function restatements(d: DocumentResult, text: string, v: ExportVocabulary): Map<string, string> {
  const out = new Map<string, string>();
  // the same sentence and figure again, under the same nominee
  const said = new Map<string, string>();
  for (const c of d.claims) {
    const words = text.length >= c.sentence.end ? text.slice(c.sentence.start, c.sentence.end).replace(/\s+/g, '') : `${c.sentence.start}`;
    const k = `${c.nominee}|${c.category}|${c.value}|${c.unit}|${words}|${c.text.replace(/\s+/g, '')}`;
    const first = said.get(k);
    if (first === undefined) said.set(k, c.id); else out.set(c.id, `repeats ${first}`);
  }
  // flagged copies between nominees: the later figure of each
  for (const k of d.checks) if (k.kind === 'duplicate') for (const id of k.claims.slice(1)) if (!out.has(id)) out.set(id, `possible copy of ${k.claims[0] as string}`);
  if (d.language !== 'mixed') return out;
  const zh: Claim[] = [];
  const en: Claim[] = [];
  for (const c of d.claims) (englishSentence(text, c) ? en : zh).push(c);
  if (zh.length === 0 || en.length === 0) return out;
  const used = new Set<string>();
  for (const e of en) {
    const unit = chineseUnit(e.unit, v);
    const z = zh.find((x) => !used.has(x.id) && x.nominee === e.nominee && x.category === e.category && x.value === e.value && chineseUnit(x.unit, v) === unit);
    if (z) { used.add(z.id); if (!out.has(e.id)) out.set(e.id, `restates ${z.id}`); }
  }
  return out;
}

export const REVIEW_STATUSES: readonly Status[] = ['verified', 'disputed', 'needs_evidence', 'unreviewed'];
const SEVERITY: Record<Status, number> = { disputed: 3, needs_evidence: 2, verified: 1, unreviewed: 0 };

export interface ReviewIndex {
  /** status of a claim: the most severe latest decision across reviewers (disputed > needs evidence > verified) */
  status(docSha: string, claimId: string): Status;
  decisions(docSha: string, claimId: string): readonly Decision[];
  /** whether the reviewers' corrections say the figure is not a claim at all (false when unknown) */
  notAClaim?(docSha: string, claimId: string): boolean;
}

export function reviewIndex(latest: readonly Decision[], extra: { readonly notAClaim?: (docSha: string, claimId: string) => boolean } = {}): ReviewIndex {
  const by = new Map<string, Decision[]>();
  for (const d of latest) {
    const k = `${d.docSha}:${d.claimId}`;
    (by.get(k) ?? by.set(k, []).get(k) as Decision[]).push(d);
  }
  const notAClaim = extra.notAClaim ?? ((): boolean => false);
  return {
    status(docSha, claimId) {
      const ds = by.get(`${docSha}:${claimId}`) ?? [];
      // the chair's latest resolution in force settles the claim (see review/consensus.ts)
      const chair = latestOf(ds.filter((d) => d.role === 'chair'));
      if (chair && chair.status !== 'unreviewed') return chair.status;
      return ds.filter((d) => d.role !== 'chair').reduce<Status>((s, d) => (SEVERITY[d.status] > SEVERITY[s] ? d.status : s), 'unreviewed');
    },
    decisions(docSha, claimId) { return by.get(`${docSha}:${claimId}`) ?? []; },
    notAClaim,
  };
}

export interface CountRules { readonly review?: ReviewIndex | undefined; readonly verifiedOnly?: boolean | undefined }

/**
 * Why a claim is left out of the totals, or null when it counts: `category` (percentages,
 * durations), its context `roleRule`, `rate`, `from→to`, `restates <id>`, `repeats <id>`,
 * `possible copy of <id>` (see restatements), `review:disputed`,
 * `review:not-a-claim`, `review:not-verified`.
 */
export function leftOutBecause(d: DocumentResult, c: Claim, restated: ReadonlyMap<string, string>, rules: CountRules): string | null {
  if (!SUMMABLE.includes(c.category)) return 'category';
  if (c.role === 'context') return c.roleRule;
  if (c.rate !== null) return 'rate';
  if (c.from !== null) return 'from→to';
  const z = restated.get(c.id);
  // a flagged copy counts once a reviewer has verified it
  if (z !== undefined && !(z.startsWith('possible copy') && rules.review?.status(d.sha256, c.id) === 'verified')) return z;
  // a corrected analysis carries the reviewers' "not a claim" on the claim itself
  if ((c as Claim & { readonly notAClaim?: boolean }).notAClaim === true) return 'review:not-a-claim';
  const r = rules.review;
  if (r) {
    if (r.notAClaim?.(d.sha256, c.id) === true) return 'review:not-a-claim';
    const s = r.status(d.sha256, c.id);
    if (s === 'disputed') return 'review:disputed';
    if (rules.verifiedOnly === true && s !== 'verified') return 'review:not-verified';
  }
  return null;
}

/** Whether a reason of leftOutBecause comes from the review. */
export const byReview = (why: string | null): boolean => why !== null && why.startsWith('review:');
