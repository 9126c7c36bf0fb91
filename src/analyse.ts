/**
 * The library's entry point: bytes in, one contract-shaped document out.
 * Never prints, never exits; errors are ShijiError with a one-line message.
 */
import { createHash, hash as cryptoHash } from 'node:crypto';
import { extractDocument, extractDocumentSync, type Extracted, type Format } from './read/formats.js';
import { buildView, toOriginal, type TextView } from './read/view.js';
import { parseStructure, sentencesOf, firstParagraphAfter, type DocumentStructure, type HeadingNode, type NomineeKind, type Range } from './structure/document.js';
import { subjectAt } from './structure/subjects.js';
import { regionIn, type DocumentMeta, type Region } from './structure/metadata.js';
import { ensureJieba, segment, tagOf } from './segment/jieba.js';
import { extractClaims, type Category, type ViewClaim } from './extract/claims.js';
import type { Role } from './extract/roles.js';
import { extractEnglishClaims, isEnglish, loadEnglish } from './extract/english.js';
import { loadDictionaries, type Approx, type Dictionaries, type RateUnit } from './dictionaries.js';
import { rankerFor, loadThemes, type LinkCriterion } from './link/criteria.js';
import { loadCriteriaFile, type CriteriaSet } from './link/criteria-file.js';
import { findHonour } from './link/catalogue.js';
import { requirementsOf, lowerBound, CLEAN_STATEMENT, type EvidenceStatus, type Requirement } from './link/requirements.js';
import { checkClaims, type CheckKind } from './check/arithmetic.js';

export const EXTRACTOR_VERSION = '0.1.0';

/** The rules of a bare "N年来 / N年里" read as tenure (extract/classify.ts, periods.yaml tenure_frames.since). */
const SINCE_FRAME = /^duration:tenure:(?:以来|来|里|间)$/;

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

export type { CriterionLink } from './link/criteria.js';
import type { CriterionLink } from './link/criteria.js';

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

/** How many criteria each claim lists, best first. */
export const CRITERIA_PER_CLAIM = 3;
/** A link at least this strong counts as quantitative evidence for a criterion. */
export const EVIDENCE_SCORE = 0.3;

export interface Claim {
  readonly id: string;
  readonly nominee: string | null;
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
}

export type { Check } from './check/arithmetic.js';
import type { Check } from './check/arithmetic.js';

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

export interface AnalyseOptions {
  readonly dicts?: Dictionaries;
  /** link against these criteria instead of the document's own (shiji extract --criteria) */
  readonly criteria?: { readonly source: string; readonly criteria: readonly LinkCriterion[] };
}

export interface Analysis {
  readonly result: DocumentResult;
  readonly text: string;
  readonly view: TextView;
  readonly structure: DocumentStructure;
}

/** SHA-256 in hex; one-shot crypto.hash where Node has it (much cheaper than a Hash object per call). */
export const sha256: (data: Uint8Array | string) => string = typeof (cryptoHash as unknown) === 'function'
  ? (data) => cryptoHash('sha256', data, 'hex')
  : (data) => createHash('sha256').update(data).digest('hex');

export function claimId(docSha: string, start: number, end: number): string {
  return sha256(`${docSha}:${start}:${end}`).slice(0, 16);
}

/** A paragraph cut into runs of sentences of one language (most paragraphs are a single run). */
function scriptRuns(text: string, r: Range): Array<{ start: number; end: number; english: boolean }> {
  const para = text.slice(r.start, r.end);
  const whole = isEnglish(para);
  // most paragraphs are in one script: cut into sentences only when both appear
  if (!/[A-Za-z]{3}/.test(para) || !/[\u3400-\u9fff]/.test(para)) return [{ start: r.start, end: r.end, english: whole }];
  const sentences = sentencesOf(text, r);
  const runs: Array<{ start: number; end: number; english: boolean }> = [];
  let cursor = r.start;
  for (const s of sentences) {
    const english = isEnglish(text.slice(s.start, s.end)) || (whole && !/[\u3400-\u9fff]/.test(text.slice(s.start, s.end)));
    const last = runs[runs.length - 1];
    if (last && last.english === english) last.end = s.end;
    else runs.push({ start: cursor, end: s.end, english });
    cursor = s.end;
  }
  const last = runs[runs.length - 1];
  if (last) last.end = r.end;
  return runs.length > 0 ? runs.map((x) => ({ ...x, start: Math.max(x.start, r.start) })) : [{ ...r, english: whole }];
}

/** Headings starting inside a range; headings are in text order. */
function headingsIn(headings: readonly HeadingNode[], r: Range): HeadingNode[] {
  let lo = 0;
  let hi = headings.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if ((headings[mid] as HeadingNode).start < r.start) lo = mid + 1; else hi = mid; }
  const out: HeadingNode[] = [];
  for (let i = lo; i < headings.length && (headings[i] as HeadingNode).start < r.end; i++) out.push(headings[i] as HeadingNode);
  return out;
}

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

/** The paragraph holding `pos`, by binary search over paragraphs in text order. */
function paragraphAt(paras: readonly Range[], pos: number): Range | undefined {
  let lo = 0;
  let hi = paras.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = paras[mid] as Range;
    if (pos < p.start) hi = mid - 1;
    else if (pos >= p.end) lo = mid + 1;
    else return p;
  }
  return undefined;
}

function deepestHeadings(headings: readonly HeadingNode[], pos: number, scan: Range): { section: HeadingNode | null; path: HeadingNode[] } {
  const stack: HeadingNode[] = [];
  let inline: HeadingNode | null = null;
  for (const h of headings) {
    if (h.start < scan.start || h.start >= scan.end || h.start > pos) continue;
    if (h.inline) { inline = h; continue; }
    while (stack.length > 0 && (stack[stack.length - 1] as HeadingNode).rank >= h.rank) stack.pop();
    stack.push(h);
    inline = null;
  }
  const section = stack[stack.length - 1] ?? null;
  const path = inline && (section === null || inline.start > section.start) ? [...stack, inline] : [...stack];
  return { section, path };
}

/** Analyses already-decoded text. */
export interface TextMeta { readonly path: string; readonly sha256: string; readonly encoding: string; readonly bom: boolean; readonly format?: Format }

export function analyseText(text: string, meta: TextMeta, opts: AnalyseOptions = {}): Analysis {
  const dicts = opts.dicts ?? loadDictionaries();
  const view = buildView(text);
  // a name candidate that jieba knows as an ordinary word (高度, 全程) names nobody
  const isWord = Object.assign((w: string): boolean => { ensureJieba(dicts); const t = tagOf(w); return t !== 'x' && !t.startsWith('nr'); }, {
    cut: (s: string): readonly string[] => segment(s, 0, dicts).map((t) => t.word),
  });
  const structure = parseStructure(view, dicts.subjects, isWord, dicts.regions);
  const chrome = new Set(structure.chrome.map((r) => r.start));
  const orig = (r: Range): Span => toOriginal(view, r.start, r.end);
  const paragraphs = structure.paragraphs;

  const claims: Claim[] = [];
  const sentenceCache = new Map<number, Range[]>();
  let englishParagraphs = 0;
  let chineseParagraphs = 0;
  for (const scan of structure.scan) {
    const paras: Range[] = [];
    for (let i = firstParagraphAfter(paragraphs, scan.start); i < paragraphs.length && (paragraphs[i] as Range).start < scan.end; i++) {
      const p = paragraphs[i] as Range;
      if (chrome.has(p.start)) continue; // 来源: … 责任编辑: …, captions, share buttons
      paras.push({ start: Math.max(p.start, scan.start), end: Math.min(p.end, scan.end) });
    }
    const scanHeadings = headingsIn(structure.headings, scan);
    // language is decided per sentence, so that a bilingual paragraph goes to both extractors in parts
    const english: Range[] = [];
    const chinese: Range[] = [];
    for (const r of paras) {
      for (const part of scriptRuns(view.text, r)) (part.english ? english : chinese).push(part);
    }
    const raw = [...extractClaims(view.text, chinese, { dicts }), ...(english.length > 0 ? extractEnglishClaims(view.text, english, loadEnglish(dicts.dir)) : [])]
      .sort((a, b) => a.start - b.start);
    englishParagraphs += english.length;
    chineseParagraphs += chinese.length;
    const nominee = structure.nominees.find((n) => n.id === scan.nominee);
    for (const c of raw) {
      const claim = toClaim(c, scan, scanHeadings, nominee?.section?.heading ?? null);
      if (!isUnitsTimeScope(claim) && !insideName(c)) claims.push(claim);
    }
  }

  /** 原九成, 郑九万: a numeral inside a subject's name is no figure. */
  function insideName(c: ViewClaim): boolean {
    const subs = structure.subjects;
    return subs !== null && subs.mentions.some((m) => subs.subjects[m.subject]?.kind === 'individual' && m.start < c.end && m.end > c.start);
  }

  /** 五年来，我院办理…: "N年来" read as tenure is a time scope when the figure is a unit's, which has no tenure. */
  function isUnitsTimeScope(c: Claim): boolean {
    if (c.category !== 'duration' || !c.rules.some((r) => SINCE_FRAME.test(r))) return false;
    return structure.nominees.find((n) => n.id === c.nominee)?.kind === 'collective';
  }

  function toClaim(c: ViewClaim, scan: Range & { nominee: string | null }, scanHeadings: readonly HeadingNode[], nomineeHeading: string | null): Claim {
    const span = orig(c);
    const para = paragraphAt(paragraphs, c.start) ?? { start: c.start, end: c.end };
    let sentences = sentenceCache.get(para.start);
    if (!sentences) { sentences = sentencesOf(view.text, para); sentenceCache.set(para.start, sentences); }
    const sentence = sentences.find((s) => c.start >= s.start && c.start <= s.end) ?? para;
    const { section, path } = deepestHeadings(scanHeadings, c.start, scan);
    // a write-up about several people or units: the one its paragraph and sentence name
    const subject = scan.nominee === null && structure.subjects ? subjectAt(structure.subjects, c.start, para, sentence) : -1;
    return {
      id: claimId(meta.sha256, span.start, span.end),
      nominee: scan.nominee ?? (subject >= 0 ? `n${subject + 1}` : null),
      start: span.start,
      end: span.end,
      text: text.slice(span.start, span.end),
      value: c.value,
      from: c.from,
      approx: c.approx,
      unit: c.unit,
      category: c.category,
      direction: c.direction,
      period: c.period?.text ?? null,
      sentence: orig(sentence),
      section: section?.text ?? nomineeHeading,
      criteria: [],
      unitWritten: c.unitWritten,
      low: c.low,
      high: c.high,
      baseline: c.baseline,
      rate: c.rate,
      periodSpan: c.period ? orig(c.period) : null,
      fromSpan: c.fromRange ? orig(c.fromRange) : null,
      headings: path.map((h) => h.text),
      paragraph: orig(para),
      rules: c.rules,
      role: c.role,
      roleRule: c.roleRule,
    };
  }

  const nominees: Nominee[] = structure.nominees.map((n) => {
    const out: { -readonly [K in keyof Nominee]: Nominee[K] } = { id: n.id, name: n.name, kind: n.kind };
    if (n.title !== undefined) out.title = n.title;
    if (n.section) { const s = orig(n.section.headingRange); out.section = { heading: n.section.heading, start: s.start, end: s.end }; }
    const byName = regionIn(n.name, dicts.regions);
    const byTitle = n.title !== undefined ? regionIn(n.title, dicts.regions) : { province: null, city: null };
    const province = byName.province ?? byTitle.province;
    out.region = { province: province ?? structure.meta.region.province, city: byName.city ?? byTitle.city ?? (province === null ? structure.meta.region.city : null) };
    return out;
  });
  // without criteria of its own, a document that names a catalogued honour is linked against that honour's set
  const catalogued = !opts.criteria && structure.criteria.length === 0
    ? findHonour(structure.titleRange ? view.text.slice(structure.titleRange.start, structure.titleRange.end) : '', view.text, dicts.dir, chineseParagraphs === 0 && englishParagraphs > 0)
    : null;
  const given = opts.criteria ?? catalogued?.set;
  const criteria: Criterion[] = given
    ? given.criteria.map((c) => ({ id: c.id, group: c.group, text: c.text, source: given.source }))
    : structure.criteria.map((c) => ({ id: c.id, group: c.group, text: c.text, ...orig(c) }));
  const criteriaSource = given ? given.source : criteria.length > 0 ? 'document' : null;
  const warnings = catalogued
    ? [...structure.warnings, `no selection criteria in the document: claims are linked against the criteria of ${catalogued.entry.honour} (${catalogued.source}), the honour it names ("${catalogued.named}")`]
    : structure.warnings;

  // Link claims to criteria
  const groupOf = new Map(nominees.map((n) => [n.id, n.kind]));
  let linked: Claim[] = claims;
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
  for (const c of linked) if (c.nominee !== null) (byNominee.get(c.nominee) ?? byNominee.set(c.nominee, []).get(c.nominee) as Claim[]).push(c);
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

  const checks = checkClaims(text, linked, { idOf: (kind, ids) => sha256(`${meta.sha256}:${kind}:${ids.join(',')}`).slice(0, 16) });

  const result: DocumentResult = {
    path: meta.path,
    sha256: meta.sha256,
    encoding: meta.encoding,
    bom: meta.bom,
    format: meta.format ?? 'text',
    language: englishParagraphs === 0 ? 'zh' : chineseParagraphs === 0 ? 'en' : 'mixed',
    script: view.script,
    kind: structure.kind,
    title: structure.title,
    nominees,
    criteria,
    criteriaSource,
    claims: linked,
    checks,
    requirements,
    coverage,
    warnings,
    meta: structure.meta,
  };
  return { result, text, view, structure };
}

/** Reads a criteria set for --criteria: a YAML list of {id, group, text}, or a notice. */
export function readCriteriaFile(path: string): CriteriaSet {
  return loadCriteriaFile(path, (bytes, p) => { const r = analyseBytes(bytes, p).result; return r.criteriaSource === 'document' ? r.criteria : []; });
}

function fromExtracted(x: Extracted, bytes: Uint8Array, path: string, opts: AnalyseOptions): Analysis {
  return analyseText(x.text, { path, sha256: sha256(bytes), encoding: x.encoding, bom: x.bom, format: x.format }, opts);
}

/** Decodes and analyses one file's bytes: text, Markdown or HTML (Word and PDF: analyseBytesAsync). */
export function analyseBytes(bytes: Uint8Array, path: string, opts: AnalyseOptions = {}): Analysis {
  return fromExtracted(extractDocumentSync(bytes, path), bytes, path, opts);
}

/** Decodes and analyses one file's bytes, in any supported format. */
export async function analyseBytesAsync(bytes: Uint8Array, path: string, opts: AnalyseOptions = {}): Promise<Analysis> {
  return fromExtracted(await extractDocument(bytes, path), bytes, path, opts);
}
