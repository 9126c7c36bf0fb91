/**
 * The library's entry point: bytes in, one contract-shaped document out.
 * Never prints, never exits; errors are ShijiError with a one-line message.
 */
import { createHash } from 'node:crypto';
import { decodeBytes, type Encoding } from './read/decode.js';
import { buildView, toOriginal, type TextView } from './read/view.js';
import { parseStructure, sentencesOf, type DocumentStructure, type HeadingNode, type NomineeKind, type Range } from './structure/document.js';
import { extractClaims, type Category, type ViewClaim } from './extract/claims.js';
import { loadDictionaries, type Approx, type Dictionaries, type RateUnit } from './dictionaries.js';

export const EXTRACTOR_VERSION = '0.1.0';

export interface Span { readonly start: number; readonly end: number }

export interface Nominee {
  readonly id: string;
  readonly name: string;
  readonly kind: NomineeKind;
  readonly title?: string;
  /** the achievement section heading and its span, when one was found */
  readonly section?: { readonly heading: string; readonly start: number; readonly end: number };
}

export interface Criterion { readonly id: string; readonly group: NomineeKind; readonly text: string; readonly start: number; readonly end: number }

export interface CriterionLink { readonly id: string; readonly score: number; readonly terms: readonly string[] }

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
  readonly rules: readonly string[];
}

export interface Check {
  readonly id: string;
  readonly kind: string;
  readonly claims: readonly string[];
  readonly message: string;
  readonly stated: number | null;
  readonly computed: number | null;
}

export interface DocumentResult {
  readonly path: string;
  readonly sha256: string;
  readonly encoding: Encoding;
  readonly bom: boolean;
  readonly script: 'simplified' | 'traditional';
  readonly kind: 'notice' | 'write-up';
  readonly title: string;
  readonly nominees: readonly Nominee[];
  readonly criteria: readonly Criterion[];
  readonly claims: readonly Claim[];
  readonly checks: readonly Check[];
  readonly warnings: readonly string[];
}

export interface AnalyseOptions {
  readonly dicts?: Dictionaries;
}

export interface Analysis {
  readonly result: DocumentResult;
  readonly text: string;
  readonly view: TextView;
  readonly structure: DocumentStructure;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function claimId(docSha: string, start: number, end: number): string {
  return sha256(`${docSha}:${start}:${end}`).slice(0, 16);
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
export function analyseText(text: string, meta: { path: string; sha256: string; encoding: Encoding; bom: boolean }, opts: AnalyseOptions = {}): Analysis {
  const dicts = opts.dicts ?? loadDictionaries();
  const view = buildView(text);
  const structure = parseStructure(view);
  const orig = (r: Range): Span => toOriginal(view, r.start, r.end);
  const paragraphs = structure.paragraphs;

  const claims: Claim[] = [];
  for (const scan of structure.scan) {
    const paras = paragraphs
      .filter((p) => p.end > scan.start && p.start < scan.end)
      .map((p) => ({ start: Math.max(p.start, scan.start), end: Math.min(p.end, scan.end) }));
    const raw = extractClaims(view.text, paras, { dicts });
    const nominee = structure.nominees.find((n) => n.id === scan.nominee);
    for (const c of raw) claims.push(toClaim(c, scan, nominee?.section?.heading ?? null));
  }

  function toClaim(c: ViewClaim, scan: Range & { nominee: string | null }, nomineeHeading: string | null): Claim {
    const span = orig(c);
    const para = paragraphAt(paragraphs, c.start) ?? { start: c.start, end: c.end };
    const sentence = sentencesOf(view.text, para).find((s) => c.start >= s.start && c.start <= s.end) ?? para;
    const { section, path } = deepestHeadings(structure.headings, c.start, scan);
    return {
      id: claimId(meta.sha256, span.start, span.end),
      nominee: scan.nominee,
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
      rules: c.rules,
    };
  }

  const nominees: Nominee[] = structure.nominees.map((n) => {
    const out: { -readonly [K in keyof Nominee]: Nominee[K] } = { id: n.id, name: n.name, kind: n.kind };
    if (n.title !== undefined) out.title = n.title;
    if (n.section) { const s = orig(n.section.headingRange); out.section = { heading: n.section.heading, start: s.start, end: s.end }; }
    return out;
  });
  const criteria: Criterion[] = structure.criteria.map((c) => ({ id: c.id, group: c.group, text: c.text, ...orig(c) }));

  const result: DocumentResult = {
    path: meta.path,
    sha256: meta.sha256,
    encoding: meta.encoding,
    bom: meta.bom,
    script: view.script,
    kind: structure.kind,
    title: structure.title,
    nominees,
    criteria,
    claims,
    checks: [],
    warnings: structure.warnings,
  };
  return { result, text, view, structure };
}

/** Decodes and analyses one file's bytes. */
export function analyseBytes(bytes: Uint8Array, path: string, opts: AnalyseOptions = {}): Analysis {
  const decoded = decodeBytes(bytes, path);
  return analyseText(decoded.text, { path, sha256: sha256(bytes), encoding: decoded.encoding, bom: decoded.bom }, opts);
}
