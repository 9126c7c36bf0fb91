/**
 * Scoring of extraction against hand labels, by the rules of the development set's README
 * (../shared/dev/README.md): a label is found by the shortest claim whose span covers the label's
 * first character and whose value (or from-value) equals the label's value; each claim matches at
 * most one label; claims covering an `ignore` offset are not counted as false.
 */
import type { Claim, DocumentResult } from '../../src/index.js';
import type { LabelClaim } from '../../src/review/labels.js';

/** A label of the development set's format (the same record `shiji labels` writes). */
export type DevLabel = LabelClaim;

export interface DevLabels {
  readonly text: string;
  readonly source?: string;
  /** unit-summary | several-people | single (held-out sets say it; otherwise inferred, see textKind) */
  readonly kind?: string;
  readonly nominees: readonly string[];
  readonly claims: readonly DevLabel[];
  readonly ignore: readonly number[];
  readonly negatives: readonly number[];
  readonly arithmetic: ReadonlyArray<{ readonly at: number; readonly why?: string }>;
}

export interface Score {
  core: number;
  found: number;
  tp: number;
  fp: number;
  approx: number;
  cat: number;
  catN: number;
  nominee: number;
  badSpans: number;
  arith: number;
  arithFound: number;
  /** found core labels whose claim is an achievement; found minor labels whose claim is context */
  coreAchievement: number;
  minor: number;
  minorContext: number;
  /** core labels not found, as "at:num" */
  missed: string[];
  /** claims that match no label and cover no ignored offset */
  spurious: Claim[];
  /** found labels whose nominee is wrong, as "at:num→name" */
  wrongNominee: string[];
  /** found core labels whose nominee is wrong, by failure class (see nomineeClass) */
  nomineeMiss: Record<NomineeClass, number>;
  wrongApprox: string[];
  wrongCategory: string[];
  /** claims read as context */
  contextClaims: Claim[];
}

const FOLD: Record<string, string> = { exact: 'exact', over: 'lower', at_least: 'lower', under: 'upper', at_most: 'upper', about: 'about' };
/** Categories the dev set scores (count and duration are not). */
export const SCORED_CATEGORIES: ReadonlySet<string> = new Set(['cases_resolved', 'percent_change', 'share', 'amount', 'headcount']);

/**
 * Why a figure went to the wrong nominee: `deictic` (the nominee is 我县, 本局, 该中心…), `fragment`
 * (a name that is none of the text's nominees: 年度, 公开电话, 某某的办公室), `none` (no nominee at
 * all), `crossover` (another of the text's nominees).
 */
export type NomineeClass = 'deictic' | 'fragment' | 'none' | 'crossover';
export const NOMINEE_CLASSES: readonly NomineeClass[] = ['deictic', 'fragment', 'none', 'crossover'];

const DEICTIC = /^(?:我|本|该|全|贵)[\u4e00-\u9fa5]{1,3}$/;

/** Whether two names are the same by the development set's rule: one contains the other. */
function sameName(have: string, want: string): boolean {
  return have !== '' && want !== '' && (want.includes(have) || have.includes(want));
}

export function nomineeClass(have: string, gold: DevLabels): NomineeClass {
  if (have === '') return 'none';
  if (DEICTIC.test(have)) return 'deictic';
  return gold.nominees.some((n) => sameName(have, n)) ? 'crossover' : 'fragment';
}

/** The kind of a labelled text: as labelled, else several-people when it names two or more, unit-summary when its one nominee is a unit. */
export function textKind(gold: DevLabels): string {
  if (gold.kind) return gold.kind;
  if (gold.nominees.length >= 2) return 'several-people';
  return /(?:局|院|办|所|中心|委员会|队|站|庭|室|处|科|团队|群体|热线|[)）])$/.test(gold.nominees[0] ?? '') ? 'unit-summary' : 'single';
}

function close(a: number | null | undefined, b: number): boolean {
  return a !== null && a !== undefined && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
}

export function scoreDocument(doc: DocumentResult, gold: DevLabels, text: string): Score {
  const claims = doc.claims;
  const names = new Map(doc.nominees.map((n) => [n.id, n.name]));
  const used = new Set<number>();
  const match = new Map<number, number>();
  gold.claims.forEach((g, i) => {
    let best = -1;
    claims.forEach((c, j) => {
      if (used.has(j) || !(c.start <= g.at && g.at < c.end)) return;
      if (!close(c.value, g.value) && !close(c.from, g.value)) return;
      const b = claims[best];
      if (best < 0 || (b && c.end - c.start < b.end - b.start)) best = j;
    });
    if (best >= 0) { used.add(best); match.set(i, best); }
  });
  const spurious = claims.filter((c, j) => !used.has(j) && !gold.ignore.some((a) => c.start <= a && a < c.end));
  const core = gold.claims.map((g, i) => ({ g, i })).filter((x) => x.g.tier === 'core');
  const found = core.filter((x) => match.has(x.i));
  const claimOf = (i: number): Claim => claims[match.get(i) as number] as Claim;
  const nameOf = (i: number): string => {
    const c = claimOf(i);
    return (c.nominee !== null ? names.get(c.nominee) : '') ?? '';
  };
  // a figure of several nominees together is theirs under any of them
  const nomineeOk = (i: number): boolean => {
    const g = gold.claims[i] as DevLabel;
    return [g.nominee, ...(g.nominees ?? [])].some((want) => sameName(nameOf(i), want));
  };
  const nomineeMiss = Object.fromEntries(NOMINEE_CLASSES.map((k) => [k, 0])) as Record<NomineeClass, number>;
  for (const x of found) if (!nomineeOk(x.i)) nomineeMiss[nomineeClass(nameOf(x.i), gold)]++;
  const cat = found.filter((x) => SCORED_CATEGORIES.has(x.g.category));
  const byId = new Map(claims.map((c) => [c.id, c]));
  const flagged = (at: number): boolean => doc.checks.some((k) => k.claims.some((id) => {
    const c = byId.get(id);
    return c !== undefined && c.start <= at && at < c.end;
  }));
  const tag = (x: { g: DevLabel }): string => `${x.g.at}:${x.g.num}`;
  return {
    core: core.length,
    found: found.length,
    tp: match.size,
    fp: spurious.length,
    approx: found.filter((x) => FOLD[claimOf(x.i).approx] === FOLD[x.g.approx]).length,
    cat: cat.filter((x) => claimOf(x.i).category === x.g.category).length,
    catN: cat.length,
    nominee: found.filter((x) => nomineeOk(x.i)).length,
    badSpans: claims.filter((c) => text.slice(c.start, c.end) !== c.text).length,
    coreAchievement: found.filter((x) => claimOf(x.i).role === 'achievement').length,
    minor: gold.claims.filter((g, i) => g.tier === 'minor' && match.has(i)).length,
    minorContext: gold.claims.filter((g, i) => g.tier === 'minor' && match.has(i) && claimOf(i).role === 'context').length,
    arith: gold.arithmetic.length,
    arithFound: gold.arithmetic.filter((a) => flagged(a.at)).length,
    missed: core.filter((x) => !match.has(x.i)).map(tag),
    spurious,
    nomineeMiss,
    wrongNominee: found.filter((x) => !nomineeOk(x.i)).map((x) => `${tag(x)}→${names.get(claimOf(x.i).nominee ?? '') ?? '(none)'}`),
    wrongApprox: found.filter((x) => FOLD[claimOf(x.i).approx] !== FOLD[x.g.approx]).map((x) => `${tag(x)}:${claimOf(x.i).approx}≠${x.g.approx}`),
    contextClaims: claims.filter((c) => c.role === 'context'),
    wrongCategory: cat.filter((x) => claimOf(x.i).category !== x.g.category).map((x) => `${tag(x)}:${claimOf(x.i).category}≠${x.g.category}`),
  };
}

export interface Totals {
  recall: number;
  precision: number;
  approx: number;
  category: number;
  nominee: number;
  badSpans: number;
  arithmetic: string;
  /** share of found core figures read as achievements, and of found minor ones read as context */
  coreAchievement: number;
  minorContext: number;
}

export function totals(scores: readonly Score[]): Totals {
  const sum = (k: keyof Score): number => scores.reduce((a, s) => a + (s[k] as number), 0);
  const found = Math.max(1, sum('found'));
  return {
    recall: sum('found') / Math.max(1, sum('core')),
    precision: sum('tp') / Math.max(1, sum('tp') + sum('fp')),
    approx: sum('approx') / found,
    category: sum('cat') / Math.max(1, sum('catN')),
    nominee: sum('nominee') / found,
    badSpans: sum('badSpans'),
    arithmetic: `${sum('arithFound')}/${sum('arith')}`,
    coreAchievement: sum('coreAchievement') / found,
    minorContext: sum('minorContext') / Math.max(1, sum('minor')),
  };
}
