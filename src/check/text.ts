/**
 * The text a check reads: the decoded document with traditional characters mapped to
 * simplified and full-width digits and punctuation to ASCII, character for character, so
 * claim offsets stay valid (執結率 reads as 执结率, ９５．６％ as 95.6%). Also the clause and
 * paragraph helpers the check modules share.
 */
import { simplifiedUnit } from '../read/simplified.js';
import type { CheckClaim } from './types.js';

const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true }); // a leading U+FEFF stays: offsets must not move

let lastText = '';
let lastReading = '';
/** Same length as `text`; cached for the last document, which every module of one run reads. */
export function reading(text: string): string {
  if (text === lastText) return lastReading;
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // full-width digits, letters and signs to ASCII; ，；： stay, as clause marks
    if (c >= 0xff01 && c <= 0xff5e && c !== 0xff0c && c !== 0xff1b && c !== 0xff1a) codes[i] = c - 0xfee0;
    else if (c >= 0x3400 && c <= 0x9fff) codes[i] = simplifiedUnit(c);
    else codes[i] = c;
  }
  lastText = text;
  lastReading = utf16.decode(codes);
  return lastReading;
}

const CLAUSE_STOP = new Uint8Array(0x10000);
for (const ch of '，,。；;！？!?\n') CLAUSE_STOP[ch.charCodeAt(0)] = 1;

/** The clause before a claim, back to a comma, semicolon or sentence end (never before `floor`). */
export function clauseBefore(text: string, c: Pick<CheckClaim, 'start'>, floor: number): string {
  let i = c.start;
  const stop = Math.max(floor, c.start - 300); // text without stops must not make this quadratic
  while (i > stop && (!CLAUSE_STOP[text.charCodeAt(i - 1)] || isSeparator(text, i - 1))) i--;
  return text.slice(i, c.start);
}

const isDigitAt = (text: string, i: number): boolean => { const d = text.charCodeAt(i); return (d >= 0x30 && d <= 0x39) || (d >= 0xff10 && d <= 0xff19); };
/** A comma between digits separates thousands (3,216; １，２００), not clauses. */
function isSeparator(text: string, i: number): boolean {
  const ch = text.charCodeAt(i);
  return (ch === 0x2c || ch === 0xff0c) && isDigitAt(text, i - 1) && isDigitAt(text, i + 1);
}

export const sameSentence = (a: CheckClaim, b: CheckClaim): boolean => a.sentence.start === b.sentence.start;

/** The claims of each paragraph, in text order. */
export function paragraphs(claims: readonly CheckClaim[]): CheckClaim[][] {
  const by = new Map<number, CheckClaim[]>();
  for (const c of claims) {
    const list = by.get(c.paragraph.start) ?? [];
    list.push(c);
    by.set(c.paragraph.start, list);
  }
  return [...by.values()];
}

/** p's sentence comes before c's, and no other sentence holding claims lies between them. */
export function isPrevSentence(para: readonly CheckClaim[], p: CheckClaim, c: CheckClaim): boolean {
  if (p.sentence.end > c.sentence.start) return false;
  return !para.some((q) => q.sentence.start > p.sentence.start && q.sentence.start < c.sentence.start);
}

/** Han character pairs of a string, for comparing the wording of two clauses. */
export function bigrams(s: string): Set<string> {
  const han = s.replace(/[^\u3400-\u9fff]/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < han.length; i++) out.add(han.slice(i, i + 2));
  return out;
}
