/**
 * Extract over a whole document: each scanned range's paragraphs (page chrome left out) cut by
 * language, read by the Chinese or the English extractor, and each figure turned into a contract
 * claim — its original span and text, sentence, paragraph, heading path and nominee (the section's,
 * or for a write-up the subject its paragraph and sentence name). Figures that are part of a
 * subject's name, and a unit's "N年来", are dropped here, where the nominee is known.
 */
import { toOriginal, type TextView } from '../read/view.js';
import { sentencesOf, firstParagraphAfter, type DocumentStructure, type HeadingNode, type Range } from '../structure/document.js';
import { deepestHeadings, headingsIn, paragraphAt } from '../structure/ranges.js';
import { subjectsAt, type Attributed } from '../structure/discourse.js';
import type { Dictionaries } from '../dictionaries.js';
import { extractClaims, type ViewClaim } from './claims.js';
import { extractEnglishClaims, isEnglish, loadEnglish } from './english.js';
import type { Claim, Span } from '../types.js';

/** The rules of a bare "N年来 / N年里" read as tenure (classify.ts, periods.yaml tenure_frames.since). */
const SINCE_FRAME = /^duration:tenure:(?:以来|来|里|间)$/;

export interface DocumentClaims {
  readonly claims: Claim[];
  /** how many paragraph runs each extractor read: the document's language */
  readonly english: number;
  readonly chinese: number;
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

export function documentClaims(text: string, view: TextView, structure: DocumentStructure, idOf: (s: Span) => string, dicts: Dictionaries): DocumentClaims {
  const chrome = new Set(structure.chrome.map((r) => r.start));
  const orig = (r: Range): Span => toOriginal(view, r.start, r.end);
  const paragraphs = structure.paragraphs;
  const claims: Claim[] = [];
  const sentenceCache = new Map<number, Range[]>();
  // one span object a sentence or paragraph, one list a heading path, however many figures share it
  const spans = new Map<string, Span>();
  const origOnce = (r: Range): Span => {
    const k = `${r.start}:${r.end}`;
    let o = spans.get(k);
    if (!o) { o = orig(r); spans.set(k, o); }
    return o;
  };
  const paths = new Map<string, readonly string[]>();
  const pathOnce = (hs: readonly HeadingNode[]): readonly string[] => {
    const k = hs.map((h) => h.start).join(',');
    let o = paths.get(k);
    if (!o) { o = hs.map((h) => h.text); paths.set(k, o); }
    return o;
  };
  let english = 0;
  let chinese = 0;
  for (const scan of structure.scan) {
    const paras: Range[] = [];
    for (let i = firstParagraphAfter(paragraphs, scan.start); i < paragraphs.length && (paragraphs[i] as Range).start < scan.end; i++) {
      const p = paragraphs[i] as Range;
      if (chrome.has(p.start)) continue; // 来源: … 责任编辑: …, captions, share buttons
      paras.push({ start: Math.max(p.start, scan.start), end: Math.min(p.end, scan.end) });
    }
    const scanHeadings = headingsIn(structure.headings, scan);
    // language is decided per sentence, so that a bilingual paragraph goes to both extractors in parts
    const en: Range[] = [];
    const zh: Range[] = [];
    for (const r of paras) for (const part of scriptRuns(view.text, r)) (part.english ? en : zh).push(part);
    const raw = [...extractClaims(view.text, zh, { dicts }), ...(en.length > 0 ? extractEnglishClaims(view.text, en, loadEnglish(dicts.dir)) : [])]
      .sort((a, b) => a.start - b.start);
    english += en.length;
    chinese += zh.length;
    const heading = structure.nominees.find((n) => n.id === scan.nominee)?.section?.heading ?? null;
    for (const c of raw) {
      const claim = toClaim(c, scan, scanHeadings, heading);
      if (!isUnitsTimeScope(claim) && !insideName(c) && !countsTheSubjects(c)) claims.push(claim);
    }
  }
  return { claims, english, chinese };

  /** 原九成, 郑九万: a numeral inside a subject's name is no figure (mentions are apart and in order: a binary search). */
  function insideName(c: ViewClaim): boolean {
    const subs = structure.subjects;
    if (subs === null) return false;
    const ms = subs.mentions;
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if ((ms[mid] as { start: number }).start < c.end) lo = mid + 1; else hi = mid; }
    for (let i = lo - 1; i >= 0 && (ms[i] as { end: number }).end > c.start; i--) if (subs.subjects[(ms[i] as { subject: number }).subject]?.kind === 'individual') return true;
    return false;
  }

  /** 两位信访干部的"十年账本", 五位"最美调解员": a headline that counts the people it is about states no figure of theirs. */
  function countsTheSubjects(c: ViewClaim): boolean {
    const title = structure.titleRange;
    if (title === null || c.start < title.start || c.end > title.end || c.category !== 'headcount') return false;
    const counted = view.text.slice(c.end, c.end + 8).replace(/^["“”「」'‘’]+/, '').replace(/^(?:最美|优秀|先进|模范|金牌)/, '');
    return dicts.subjects.posts.some((w) => counted.startsWith(w)) || /^(?:好人|人物|典型|榜样|同志)/.test(counted);
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
    // a write-up about several people or units: the one in force where the figure stands
    const who: Attributed = scan.nominee !== null
      ? { subjects: [], rule: structure.kind === 'notice' ? 'nominee:section' : 'nominee:only' }
      : structure.subjects ? subjectsAt(view.text, structure.turns, structure.subjects, { pos: c.start, clauseStart: clauseStart(view.text, c.start, sentence.start), sentenceStart: sentence.start, sentenceEnd: sentence.end, paragraphStart: para.start }) : { subjects: [], rule: 'nominee:none' };
    const ids = who.subjects.map((k) => `n${k + 1}`);
    const claim: Claim = {
      id: idOf(span),
      nominee: scan.nominee ?? ids[0] ?? null,
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
      sentence: origOnce(sentence),
      section: section?.text ?? nomineeHeading,
      criteria: [],
      unitWritten: c.unitWritten,
      low: c.low,
      high: c.high,
      baseline: c.baseline,
      rate: c.rate,
      periodSpan: c.period ? orig(c.period) : null,
      fromSpan: c.fromRange ? orig(c.fromRange) : null,
      headings: pathOnce(path),
      paragraph: origOnce(para),
      rules: [...c.rules, who.rule],
      role: c.role,
      roleRule: c.roleRule,
    };
    // a figure of several together (二人共调解…): every one of them, the first as `nominee`
    return ids.length > 1 ? { ...claim, nominees: ids } : claim;
  }
}

/** Where the clause holding `pos` begins: after the last clause mark before it in its sentence. */
function clauseStart(text: string, pos: number, sentenceStart: number): number {
  for (let i = pos - 1; i >= sentenceStart; i--) if (CLAUSE_MARK.test(text[i] as string)) return i + 1;
  return sentenceStart;
}
const CLAUSE_MARK = /[，,；;：:]/;
