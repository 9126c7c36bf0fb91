/**
 * Link: the criteria a document is read against (its own, --criteria, or the catalogued set of the
 * honour it names), each claim ranked against its nominee's group, coverage per nominee and
 * criterion, and the criteria's thresholds (≥5年 of service, 近5年无违纪) with the evidence found.
 */
import { toOriginal, type TextView } from '../read/view.js';
import type { DocumentStructure, Range } from '../structure/document.js';
import type { Dictionaries } from '../dictionaries.js';
import { rankerFor, loadThemes, type LinkCriterion } from './criteria.js';
import { findHonour } from './catalogue.js';
import { requirementsOf, lowerBound, CLEAN_STATEMENT } from './requirements.js';
import type { Claim, CoverageCell, Criterion, CriterionLink, EvidenceStatus, Nominee, RequirementEvidence, RequirementResult, Span } from '../types.js';

/** How many criteria each claim lists, best first. */
export const CRITERIA_PER_CLAIM = 3;
/** A link at least this strong counts as quantitative evidence for a criterion. */
export const EVIDENCE_SCORE = 0.3;

/** The part of a sentence between semicolons that holds the claim: the context it speaks of. */
function clauseGroup(sentence: string, at: number): string {
  const parts = sentence.split(/(?<=[；;])/);
  let pos = 0;
  for (const p of parts) {
    if (at < pos + p.length) return p;
    pos += p.length;
  }
  return sentence;
}

export interface DocumentCriteria {
  readonly criteria: Criterion[];
  readonly criteriaSource: string | null;
  readonly warnings: readonly string[];
}

/** The criteria of a document: given (--criteria), its own, or those of the catalogued honour it names. */
export function documentCriteria(view: TextView, structure: DocumentStructure, given0: { readonly source: string; readonly criteria: readonly LinkCriterion[] } | undefined, englishOnly: boolean, dicts: Dictionaries): DocumentCriteria {
  const orig = (r: Range): Span => toOriginal(view, r.start, r.end);
  // without criteria of its own, a document that names a catalogued honour is linked against that honour's set
  const catalogued = !given0 && structure.criteria.length === 0
    ? findHonour(structure.titleRange ? view.text.slice(structure.titleRange.start, structure.titleRange.end) : '', view.text, dicts.dir, englishOnly)
    : null;
  const given = given0 ?? catalogued?.set;
  const criteria: Criterion[] = given
    ? given.criteria.map((c) => ({ id: c.id, group: c.group, text: c.text, source: given.source }))
    : structure.criteria.map((c) => ({ id: c.id, group: c.group, text: c.text, ...orig(c) }));
  const criteriaSource = given ? given.source : criteria.length > 0 ? 'document' : null;
  const warnings = catalogued
    ? [...structure.warnings, `no selection criteria in the document: claims are linked against the criteria of ${catalogued.entry.honour} (${catalogued.source}), the honour it names ("${catalogued.named}")`]
    : structure.warnings;
  return { criteria, criteriaSource, warnings };
}

export interface Linked {
  readonly claims: readonly Claim[];
  readonly coverage: readonly CoverageCell[];
  readonly requirements: readonly RequirementResult[];
}

/** Claims ranked against the criteria of their nominee's group; coverage and requirements per nominee. */
export function linkClaims(text: string, view: TextView, structure: DocumentStructure, claims: readonly Claim[], nominees: readonly Nominee[], criteria: readonly Criterion[], dicts: Dictionaries): Linked {
  const orig = (r: Range): Span => toOriginal(view, r.start, r.end);
  // Link claims to criteria
  const groupOf = new Map(nominees.map((n) => [n.id, n.kind]));
  let linked: readonly Claim[] = claims;
  const fullRanking = new Map<string, CriterionLink[]>();
  if (criteria.length > 0) {
    const ranker = rankerFor(criteria, loadThemes(dicts.dir));
    linked = claims.map((c) => {
      const all = ranker.rank({
        sentence: clauseGroup(text.slice(c.sentence.start, c.sentence.end), c.start - c.sentence.start),
        headings: c.headings.length > 0 ? c.headings : c.section ? [c.section] : [],
        category: c.category,
        rules: c.rules,
        group: c.nominee === null ? null : (groupOf.get(c.nominee) ?? null),
      }, Number.POSITIVE_INFINITY);
      fullRanking.set(c.id, all);
      return { ...c, criteria: all.slice(0, CRITERIA_PER_CLAIM) };
    });
  }

  const byNominee = new Map<string, Claim[]>();
  // a figure of several together counts for each of them
  for (const c of linked) for (const id of c.nominees ?? (c.nominee === null ? [] : [c.nominee])) (byNominee.get(id) ?? byNominee.set(id, []).get(id) as Claim[]).push(c);
  const coverage: CoverageCell[] = [];
  for (const n of nominees) {
    const mine = byNominee.get(n.id) ?? [];
    for (const cr of criteria.filter((x) => x.group === n.kind)) {
      let strongest: Claim | null = null;
      let score = 0;
      for (const c of mine) {
        const l = fullRanking.get(c.id)?.find((x) => x.id === cr.id);
        if (l && l.score > score) { score = l.score; strongest = c; }
      }
      const first = mine.filter((c) => c.criteria[0]?.id === cr.id).length;
      coverage.push({ nominee: n.id, criterion: cr.id, claims: first, strongest: strongest?.id ?? null, score, evidence: first > 0 || score >= EVIDENCE_SCORE });
    }
  }

  const requirements: RequirementResult[] = requirementsOf(criteria).map((r) => ({
    criterion: r.criterion, kind: r.kind, text: r.text, value: r.value, unit: r.unit, approx: r.approx,
    nominees: nominees.filter((n) => n.kind === r.group).map((n): RequirementEvidence => {
      if (r.kind === 'service_years') {
        const tenure = (byNominee.get(n.id) ?? []).filter((c) => c.category === 'duration' && c.rules.some((x) => x.startsWith('duration:tenure')) && (c.unit === '年' || c.unit === 'years' || c.unit === 'year'));
        const met = tenure.filter((c) => lowerBound(c.value, c.approx) >= r.value);
        const status: EvidenceStatus = tenure.length === 0 ? 'no_evidence' : met.length > 0 ? 'met' : 'not_met';
        return { nominee: n.id, status, claims: (met.length > 0 ? met : tenure).map((c) => c.id), evidence: null };
      }
      const section = structure.nominees.find((x) => x.id === n.id)?.section;
      const body = section ? view.text.slice(section.start, section.end) : '';
      const m = CLEAN_STATEMENT.exec(body);
      if (!m || !section) return { nominee: n.id, status: 'no_evidence', claims: [], evidence: null };
      const span = orig({ start: section.start + m.index, end: section.start + m.index + m[0].length });
      return { nominee: n.id, status: 'stated', claims: [], evidence: { ...span, text: text.slice(span.start, span.end) } };
    }),
  }));

  return { claims: linked, coverage, requirements };
}
