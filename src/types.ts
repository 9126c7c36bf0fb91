/**
 * The contract's types (docs/contract.md, docs/extract.schema.json): what `shiji extract --json`
 * prints and every later stage reads. Every module may import these; this module imports only
 * the value types of the stages that define them, never a stage's code.
 */
import type { Approx, RateUnit } from './dictionaries.js';
import type { Format } from './read/formats.js';
import type { NomineeKind } from './structure/document.js';
import type { DocumentMeta, Region } from './structure/metadata.js';
import type { Category } from './extract/claims.js';
import type { Role } from './extract/roles.js';
import type { CriterionLink } from './link/criteria.js';
import type { EvidenceStatus, Requirement } from './link/requirements.js';

export type { Approx, RateUnit, Format, NomineeKind, DocumentMeta, Region, Category, Role, CriterionLink, EvidenceStatus };

export type CheckKind = 'percent_change' | 'growth_rate' | 'ratio' | 'parts_total' | 'part_change' | 'rate_total' | 'duplicate';

/** An arithmetic or consistency finding over claims of one document. */
export interface Check {
  readonly id: string;
  readonly kind: CheckKind;
  readonly claims: readonly string[];
  readonly nominee: string | null;
  readonly message: string;
  readonly stated: number | null;
  readonly computed: number | null;
}

export interface Span { readonly start: number; readonly end: number }

export interface Nominee {
  readonly id: string;
  readonly name: string;
  readonly kind: NomineeKind;
  readonly title?: string;
  /** the achievement section heading and its span, when one was found */
  readonly section?: { readonly heading: string; readonly start: number; readonly end: number };
  /** the province and city its name or title names, the province falling back to the document's */
  readonly region?: Region;
}

export interface Criterion {
  readonly id: string;
  readonly group: NomineeKind;
  readonly text: string;
  /** span in this document; absent for criteria given with --criteria */
  readonly start?: number;
  readonly end?: number;
  readonly source?: string;
}


export interface RequirementEvidence {
  readonly nominee: string;
  readonly status: EvidenceStatus;
  readonly claims: readonly string[];
  readonly evidence: { readonly start: number; readonly end: number; readonly text: string } | null;
}

/** A criterion's threshold with, per nominee of its group, the evidence found for it. */
export type RequirementResult = Omit<Requirement, 'group'> & { readonly nominees: readonly RequirementEvidence[] };

export interface CoverageCell {
  readonly nominee: string;
  readonly criterion: string;
  /** claims whose first-ranked criterion this is */
  readonly claims: number;
  /** the claim that links to this criterion most strongly, at any rank */
  readonly strongest: string | null;
  readonly score: number;
  /** false when no claim ranks it first and none links to it with a score of EVIDENCE_SCORE */
  readonly evidence: boolean;
}


export interface Claim {
  readonly id: string;
  readonly nominee: string | null;
  /** a figure that belongs to several nominees together (二人共调解…): all their ids, `nominee` first; absent otherwise */
  readonly nominees?: readonly string[];
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: number;
  readonly from: number | null;
  readonly approx: Approx;
  readonly unit: string;
  readonly category: Category;
  readonly direction: 'down' | 'up' | null;
  readonly period: string | null;
  readonly sentence: Span;
  readonly section: string | null;
  readonly criteria: readonly CriterionLink[];
  // additions beyond the contract's minimum
  readonly unitWritten: string;
  readonly low: number | null;
  readonly high: number | null;
  readonly baseline: string | null;
  readonly rate: { readonly unit: RateUnit; readonly text: string } | null;
  readonly periodSpan: Span | null;
  readonly fromSpan: Span | null;
  readonly headings: readonly string[];
  readonly paragraph: Span;
  readonly rules: readonly string[];
  /** achievement of the nominee, or context around it; totals add up achievements only */
  readonly role: Role;
  /** the rule id that decided `role` (role:achievement when no context rule applied) */
  readonly roleRule: string;
  /**
   * who found it: absent or 'extractor' for the extractor's claims, 'reviewer' for a figure a
   * reviewer added (only where corrections from a review store are applied, never in plain extract output)
   */
  readonly source?: 'extractor' | 'reviewer';
  /** set where a reviewer marked the claim as noise (corrections applied); left out of totals */
  readonly notAClaim?: boolean;
  /** the extractor's values of the fields a reviewer corrected (corrections applied) */
  readonly corrected?: Partial<Pick<Claim, 'value' | 'approx' | 'unit' | 'category'>>;
}


export interface DocumentResult {
  readonly path: string;
  readonly sha256: string;
  /** utf-8 | gb18030 | utf-16le | utf-16be; 'pdf' for PDF files */
  readonly encoding: string;
  readonly bom: boolean;
  readonly format: Format;
  /** zh, en, or mixed for bilingual documents; decided per paragraph */
  readonly language: 'zh' | 'en' | 'mixed';
  readonly script: 'simplified' | 'traditional';
  readonly kind: 'notice' | 'write-up';
  readonly title: string;
  readonly nominees: readonly Nominee[];
  readonly criteria: readonly Criterion[];
  /** where the criteria come from: 'document', the --criteria file, the catalogued set the document's honour names, or null */
  readonly criteriaSource: string | null;
  readonly claims: readonly Claim[];
  readonly checks: readonly Check[];
  readonly requirements: readonly RequirementResult[];
  readonly coverage: readonly CoverageCell[];
  readonly warnings: readonly string[];
  /** the notice's year, issuing body, region and honour (null where the text does not say) */
  readonly meta: DocumentMeta;
}

/** What the caller knows of a decoded text: where it came from and how it was decoded. */
export interface TextMeta { readonly path: string; readonly sha256: string; readonly encoding: string; readonly bom: boolean; readonly format?: Format }

/** Whether a claim is the nominee's: its `nominee`, or one of the several it belongs to together (`nominees`). */
export function isClaimOf(c: Pick<Claim, 'nominee' | 'nominees'>, nominee: string | null): boolean {
  return c.nominee === nominee || (nominee !== null && (c.nominees?.includes(nominee) ?? false));
}
