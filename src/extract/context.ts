/**
 * What every stage of extraction reads: the rule tables as lookups (the lexicon), character
 * classes, clause and sentence bounds, quoted ranges, time scopes of a paragraph, jieba tokens
 * around a position, and the reading of a numeral that the stages fill in turn. All offsets are
 * view offsets.
 */
import type { Approx, Dictionaries, RateUnit, UnitEntry } from '../dictionaries.js';
import type { ParsedNumber } from './numerals.js';
import { segment, type Token } from '../segment/jieba.js';
import type { Range } from '../structure/document.js';

/** A numeral as the stages read it: parse fills it, reject and classify read it, classify may extend it. */
export interface Reading {
  readonly num: ParsedNumber;
  /** the claim's span so far: hedges before the number move start, units and suffixes move pos */
  start: number;
  pos: number;
  value: number;
  approx: Approx;
  unit: UnitEntry;
  unitWritten: string;
  isRatio: boolean;
  /** the low end of a range (3至5人), read as the claim's value */
  rangeLow: number | null;
  readonly rules: string[];
}

export interface Lexicon {
  readonly units: ReadonlyArray<UnitEntry>; // longest first
  readonly unitsByFirst: ReadonlyMap<string, readonly UnitEntry[]>; // longest first
  readonly before: ReadonlyArray<{ marker: string; approx: Approx }>;
  readonly afterNumber: ReadonlyMap<string, Approx>;
  readonly afterUnit: ReadonlyArray<{ marker: string; approx: Approx }>;
  readonly d: Dictionaries;
  readonly lexicalWords: ReadonlySet<string>;
  readonly lexicalTags: ReadonlySet<string>;
  readonly articleUnits: ReadonlySet<string>;
  readonly abstractNouns: ReadonlySet<string>;
  readonly rates: ReadonlyArray<{ marker: string; unit: RateUnit }>;
  readonly measureTags: ReadonlySet<string>;
  readonly nounTags: ReadonlySet<string>;
  readonly placeTags: ReadonlySet<string>;
  readonly notMeasure: ReadonlySet<string>;
  readonly personNouns: ReadonlySet<string>;
  /** the same nouns in table order, for a scan of what follows a figure */
  readonly personNounList: readonly string[];
  readonly actionVerbs: readonly string[];
  readonly zeroEvents: readonly string[];
}

const lexicons = new WeakMap<Dictionaries, Lexicon>();
export function lexicon(d: Dictionaries): Lexicon {
  let l = lexicons.get(d);
  if (l) return l;
  const byLen = <T extends { marker: string }>(xs: T[]): T[] => xs.sort((a, b) => b.marker.length - a.marker.length);
  const units = [...d.units].sort((a, b) => b.unit.length - a.unit.length);
  const unitsByFirst = new Map<string, UnitEntry[]>();
  for (const u of units) (unitsByFirst.get(u.unit[0] as string) ?? unitsByFirst.set(u.unit[0] as string, []).get(u.unit[0] as string) as UnitEntry[]).push(u);
  l = {
    units,
    unitsByFirst,
    before: byLen(d.hedges.filter((h) => h.position === 'before').map((h) => ({ marker: h.marker, approx: h.approx }))),
    afterNumber: new Map(d.hedges.filter((h) => h.position === 'after-number').map((h) => [h.marker, h.approx])),
    afterUnit: byLen(d.hedges.filter((h) => h.position === 'after-unit').map((h) => ({ marker: h.marker, approx: h.approx }))),
    d,
    lexicalWords: new Set(d.negatives.lexical_words),
    lexicalTags: new Set(d.negatives.lexical_tags),
    articleUnits: new Set(d.negatives.article_units),
    abstractNouns: new Set(d.negatives.abstract_nouns),
    rates: byLen(d.periods.rate.map((r) => ({ marker: r.marker, unit: r.unit }))),
    measureTags: new Set(d.counting.measure_tags),
    nounTags: new Set(d.counting.noun_tags),
    placeTags: new Set(d.counting.place_tags),
    notMeasure: new Set(d.counting.not_measure),
    personNouns: new Set(d.counting.person_nouns),
    personNounList: d.counting.person_nouns,
    actionVerbs: [...d.counting.action_verbs].sort((a, b) => b.length - a.length),
    zeroEvents: [...d.counting.zero_events].sort((a, b) => b.length - a.length),
  };
  lexicons.set(d, l);
  return l;
}

/** Lookups by code unit for the backward scans, which run for every claim. */
export const CLAUSE_STOP = new Uint8Array(0x10000);
for (const ch of '，,。；;！？!?：:\n') CLAUSE_STOP[ch.charCodeAt(0)] = 1;
export const isClauseStop = (ch: string): boolean => ch !== '' && CLAUSE_STOP[ch.charCodeAt(0)] === 1;
export const SENTENCE_STOP = new Uint8Array(0x10000);
for (const ch of '。！？!?\n') SENTENCE_STOP[ch.charCodeAt(0)] = 1;
export const NUMBER_START_CHARS = '0123456789零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿数几半';
/** A lookup by UTF-16 code unit: the hot loop tests every character of every paragraph. */
export const NUMBER_START = new Uint8Array(0x10000);
for (const ch of NUMBER_START_CHARS) NUMBER_START[ch.charCodeAt(0)] = 1;
export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
export const SCALE: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百: 1e2 };

/** How far back a clause or sentence is looked for: text without stops must not make this quadratic. */
export const CONTEXT_LIMIT = 300;

export function clauseStart(text: string, pos: number, floor: number): number {
  const stop = Math.max(floor, pos - CONTEXT_LIMIT);
  let i = pos - 1;
  while (i >= stop && !CLAUSE_STOP[text.charCodeAt(i)]) i--;
  return i + 1;
}
export function clauseEnd(text: string, pos: number, ceil: number): number {
  const stop = Math.min(ceil, pos + CONTEXT_LIMIT);
  let i = pos;
  while (i < stop && !CLAUSE_STOP[text.charCodeAt(i)]) i++;
  return i;
}

/** Last index of any of `words` in `s`, with the word found; -1 when none. */
export function lastOf(s: string, words: readonly string[]): { at: number; word: string } {
  let best = { at: -1, word: '' };
  for (const w of words) {
    const at = s.lastIndexOf(w);
    if (at > best.at || (at === best.at && at >= 0 && w.length > best.word.length)) best = { at, word: w };
  }
  return best;
}

/** Like lastOf, skipping occurrences that are part of a noun (the word followed by one of `nounTails`). */
export function lastVerbOf(s: string, words: readonly string[], nounTails: readonly string[]): { at: number; word: string } {
  let best = { at: -1, word: '' };
  for (const w of words) {
    for (let at = s.lastIndexOf(w); at >= 0; at = at > 0 ? s.lastIndexOf(w, at - 1) : -1) {
      const tail = s.slice(at + w.length);
      if (nounTails.some((t) => tail.startsWith(t))) continue;
      if (at > best.at || (at === best.at && w.length > best.word.length)) best = { at, word: w };
      break;
    }
  }
  return best;
}

/** Quote and title ranges (content only) shorter than `max`: slogans, programme and document names. */
export function quotedRanges(text: string, p: Range, max = 40): Range[] {
  const out: Range[] = [];
  const pairs: Array<[string, string]> = [['“', '”'], ['《', '》'], ['「', '」'], ['『', '』'], ['‘', '’'], ['"', '"']];
  const para = text.slice(p.start, p.end); // search within the paragraph only
  for (const [open, close] of pairs) {
    let i = p.start;
    while (i < p.end) {
      const ra = para.indexOf(open, i - p.start);
      if (ra < 0) break;
      const a = p.start + ra;
      const rb = para.indexOf(close, ra + 1);
      if (rb < 0) break;
      const b = p.start + rb;
      // a quoted sentence is speech (“近400万字信访笔记,记录了…。”): its figures are claims
      if (b - a - 1 <= max && !/[。！？!?]/.test(text.slice(a + 1, b))) {
        out.push({ start: a + 1, end: b });
        // A parenthetical right after a quoted name glosses it: “五个一”（每人接待100名群众…）,
        // also with a short noun between: “三个一”工作法（一张联系卡…）
        const gloss = /^[^，。；、：！？,;:!?（(“”]{0,6}[（(]/.exec(text.slice(b + 1, Math.min(p.end, b + 9)));
        if (gloss) {
          const o = b + gloss[0].length;
          const c = text.indexOf(text[o] === '（' ? '）' : ')', o + 1);
          if (c > 0 && c < p.end && c - o < 160) out.push({ start: o + 1, end: c });
        }
      }
      i = b + 1;
    }
  }
  return out;
}

export interface PeriodMark { readonly text: string; readonly start: number; readonly end: number }

/** 2014 or 二〇一四 */
const YEAR = '(?:(?:19|20)\\d{2}|[一二][〇零一二三四五六七八九]{3})';
const CN_SMALL = '[一二三四五六七八九十两几]{1,3}';
const PERIOD_RE = new RegExp([
  `(?:自|从|截至|截止)?${YEAR}年(?:\\d{1,2}月(?:\\d{1,2}日)?)?(?:(?:至|到)(?:今|${YEAR}年(?:\\d{1,2}月)?(?:底|末)?)|以来|来|底|初|末|上半年|下半年|全年|度)?`,
  `(?:近|最近)(?:\\d{1,2}|${CN_SMALL})(?:个)?年(?:来|以来|间)?`,
  `(?<![〇零一二三四五六七八九])(?:\\d{1,2}|${CN_SMALL})(?:个)?年(?:来|以来)`,
].join('|'), 'g');

/** Time scopes in a paragraph, in order. A bare year counts only where it opens a clause. */
export function findPeriods(text: string, p: Range, scopeWords: readonly string[], notScopeAfter: readonly string[] = []): PeriodMark[] {
  const para = text.slice(p.start, p.end);
  const out: PeriodMark[] = [];
  // every dated or counted scope has 年 in it; most paragraphs have none
  for (const m of para.includes('年') ? para.matchAll(PERIOD_RE) : []) {
    const s = m[0];
    const at = p.start + m.index;
    const prev = text[at - 1] ?? '';
    const opensClause = at === p.start || isClauseStop(prev) || /[自从]/.test(prev);
    const bareYear = /^(?:(?:19|20)\d{2}|[一二][〇零一二三四五六七八九]{3})年/.test(s) && !/(以来|来|至今|底|初|末|半年|全年|度)$/.test(s);
    if (bareYear && !/[自从截]/.test(s[0] as string) && !opensClause) continue;
    if (bareYear && notScopeAfter.some((w) => text.startsWith(w, at + s.length))) continue; // 1972年出生
    if (text[at + s.length] === '的') continue; // 从2016年的85%: a point of comparison, not a scope
    if (/^[\d一二三四五六七八九十两几]/.test(s) && !new RegExp(`^${YEAR}年`).test(s) && /[至降为达]/.test(prev)) continue;
    out.push({ text: s.replace(/^(?:自|从)/, ''), start: at + (/^(?:自|从)/.test(s) ? 1 : 0), end: at + s.length });
  }
  for (const w of scopeWords) {
    let i = para.indexOf(w);
    while (i >= 0) {
      const at = p.start + i;
      if (at === p.start || isClauseStop(text[at - 1] as string) || w.endsWith('以来')) out.push({ text: w, start: at, end: at + w.length });
      i = para.indexOf(w, i + w.length);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Per-paragraph context, each part computed the first time a candidate needs it. */
export class ParagraphContext {
  private quoteCache: Range[] | null = null;
  private periodCache: PeriodMark[] | null = null;
  /** the token around each position asked about (a numeral's veto, measure word and counted noun ask again) */
  readonly tokens = new Map<number, Token | undefined>();
  constructor(readonly text: string, readonly p: Range, private readonly lx: Lexicon) {}
  get quotes(): Range[] { return (this.quoteCache ??= quotedRanges(this.text, this.p)); }
  get periods(): PeriodMark[] {
    return (this.periodCache ??= findPeriods(this.text, this.p, this.lx.d.periods.scope_words, this.lx.d.periods.not_scope_after));
  }
}

/** Words within this many characters of a numeral decide whether it is part of an ordinary word. */
const TOKEN_WINDOW = 12;

export function inRanges(pos: number, rs: readonly Range[]): boolean {
  return rs.some((r) => pos >= r.start && pos < r.end);
}

/** The jieba token holding `pos`, segmenting only a window around it (words are local). */
export function tokenAt(ctx: ParagraphContext, text: string, pos: number, d: Dictionaries): Token | undefined {
  if (ctx.tokens.has(pos)) return ctx.tokens.get(pos);
  const from = Math.max(ctx.p.start, pos - TOKEN_WINDOW);
  const to = Math.min(ctx.p.end, pos + TOKEN_WINDOW);
  const tok = segment(text.slice(from, to), from, d).find((t) => pos >= t.start && pos < t.end);
  ctx.tokens.set(pos, tok);
  return tok;
}

export function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

