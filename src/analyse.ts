/**
 * The library's entry point: bytes in, one contract-shaped document out, stage by stage —
 * read (decode, view) → structure → extract → link → check. Never prints, never exits; errors
 * are ShijiError with a one-line message.
 */
import { EXTRACTOR_VERSION, sha256 } from './version.js';
import { extractDocument, extractDocumentSync, type Extracted } from './read/formats.js';
import { buildView, stretchesNotInView, type TextView } from './read/view.js';
import { parseStructure, type DocumentStructure } from './structure/document.js';
import { contractNominees } from './structure/nominees.js';
import { prepareSegmenter, segment, tagOf } from './segment/jieba.js';
import { documentClaims } from './extract/document.js';
import { loadDictionaries, type Dictionaries } from './dictionaries.js';
import type { LinkCriterion } from './link/criteria.js';
import { loadCriteriaFile, type CriteriaSet } from './link/criteria-file.js';
import { documentCriteria, linkClaims } from './link/evidence.js';
import { checkClaims } from './check/arithmetic.js';
import type { DocumentResult, TextMeta } from './types.js';

export type * from './types.js';
export { isClaimOf } from './types.js';
export { CRITERIA_PER_CLAIM, EVIDENCE_SCORE } from './link/evidence.js';

export { EXTRACTOR_VERSION, sha256 } from './version.js';

/** As long as the longest word of jieba's dictionary (16 UTF-16 units): how far a word can reach around a change (a longer one is still found, when jieba is asked). */
const WORD_REACH = 16;

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


export function claimId(docSha: string, start: number, end: number): string {
  return sha256(`${docSha}:${start}:${end}`).slice(0, 16);
}

/** jieba as structure needs it: an ordinary word names nobody (高度, 全程); a short stretch cut into words. */
function jiebaWords(dicts: Dictionaries): { (w: string): boolean; cut: (s: string) => readonly string[]; tag: (s: string) => string } {
  return Object.assign((w: string): boolean => { const t = tagOf(w, dicts); return t !== 'x' && !t.startsWith('nr'); }, {
    cut: (s: string): readonly string[] => segment(s, 0, dicts).map((t) => t.word),
    tag: (s: string): string => tagOf(s, dicts),
  });
}

/** Analyses already-decoded text. */
export function analyseText(text: string, meta: TextMeta, opts: AnalyseOptions = {}): Analysis {
  const dicts = opts.dicts ?? loadDictionaries();
  const view = buildView(text);
  // jieba loads the words of its dictionary that this text holds, normalized and as written
  // (linking reads that; where the two differ), when first asked
  prepareSegmenter(view.text === text ? [text] : [view.text, ...stretchesNotInView(view, WORD_REACH)], dicts);
  const structure = parseStructure(view, dicts.subjects, jiebaWords(dicts), dicts.regions);
  const found = documentClaims(text, view, structure, (s) => claimId(meta.sha256, s.start, s.end), dicts);
  const nominees = contractNominees(view, structure, dicts);
  const { criteria, criteriaSource, warnings } = documentCriteria(view, structure, opts.criteria, found.chinese === 0 && found.english > 0, dicts);
  prepareSegmenter(criteria.map((c) => c.text));
  const linked = linkClaims(text, view, structure, found.claims, nominees, criteria, dicts);
  const checks = checkClaims(text, linked.claims, { idOf: (kind, ids) => sha256(`${meta.sha256}:${kind}:${ids.join(',')}`).slice(0, 16) });
  const result: DocumentResult = {
    path: meta.path,
    sha256: meta.sha256,
    encoding: meta.encoding,
    bom: meta.bom,
    format: meta.format ?? 'text',
    language: found.english === 0 ? 'zh' : found.chinese === 0 ? 'en' : 'mixed',
    script: view.script,
    kind: structure.kind,
    title: structure.title,
    nominees,
    criteria,
    criteriaSource,
    claims: linked.claims,
    checks,
    requirements: linked.requirements,
    coverage: linked.coverage,
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
