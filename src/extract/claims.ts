/**
 * Finds quantitative claims in the normalized view: find (numeral) -> parse (scale, hedges,
 * unit) -> reject (negatives) -> classify (category, direction, baseline) -> scope (period, rate)
 * -> link changes (from -> to). Every decision leaves a rule id in `rules`, so a reviewer or a
 * test can see why a claim is what it is. All offsets are view offsets.
 */
import type { Approx, Dictionaries, RateUnit, UnitEntry } from '../dictionaries.js';
import { parseNumberAt, type ParsedNumber } from './numerals.js';
import { segment, tagOf, type Token } from '../segment/jieba.js';
import type { Range } from '../structure/document.js';
import { assignRoles, type Role } from './roles.js';

export type Category = 'cases_resolved' | 'percent_change' | 'share' | 'amount' | 'headcount' | 'count' | 'duration';
export const CATEGORIES: readonly Category[] = ['cases_resolved', 'percent_change', 'share', 'amount', 'headcount', 'count', 'duration'];

export interface ViewClaim {
  start: number;
  end: number;
  value: number;
  from: number | null;
  fromRange: Range | null;
  approx: Approx;
  unit: string;
  /** the unit exactly as it stands in the text, scale included (万元, 亿多元 -> 亿元) */
  unitWritten: string;
  category: Category;
  direction: 'down' | 'up' | null;
  baseline: string | null;
  period: { text: string; start: number; end: number } | null;
  rate: { unit: RateUnit; text: string } | null;
  low: number | null;
  high: number | null;
  numberRange: Range;
  rules: string[];
  /** achievement of the subject, or context around it (money at stake, an incident …) */
  role: Role;
  /** the rule that decided `role` */
  roleRule: string;
}

interface Lexicon {
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
  readonly actionVerbs: readonly string[];
  readonly zeroEvents: readonly string[];
}

const lexicons = new WeakMap<Dictionaries, Lexicon>();
function lexicon(d: Dictionaries): Lexicon {
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
    actionVerbs: [...d.counting.action_verbs].sort((a, b) => b.length - a.length),
    zeroEvents: [...d.counting.zero_events].sort((a, b) => b.length - a.length),
  };
  lexicons.set(d, l);
  return l;
}

/** Lookups by code unit for the backward scans, which run for every claim. */
const CLAUSE_STOP = new Uint8Array(0x10000);
for (const ch of '，,。；;！？!?：:\n') CLAUSE_STOP[ch.charCodeAt(0)] = 1;
const isClauseStop = (ch: string): boolean => ch !== '' && CLAUSE_STOP[ch.charCodeAt(0)] === 1;
const SENTENCE_STOP = new Uint8Array(0x10000);
for (const ch of '。！？!?\n') SENTENCE_STOP[ch.charCodeAt(0)] = 1;
const NUMBER_START_CHARS = '0123456789零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿数几';
/** A lookup by UTF-16 code unit: the hot loop tests every character of every paragraph. */
const NUMBER_START = new Uint8Array(0x10000);
for (const ch of NUMBER_START_CHARS) NUMBER_START[ch.charCodeAt(0)] = 1;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const SCALE: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百: 1e2 };

/** How far back a clause or sentence is looked for: text without stops must not make this quadratic. */
export const CONTEXT_LIMIT = 300;

function clauseStart(text: string, pos: number, floor: number): number {
  const stop = Math.max(floor, pos - CONTEXT_LIMIT);
  let i = pos - 1;
  while (i >= stop && !CLAUSE_STOP[text.charCodeAt(i)]) i--;
  return i + 1;
}
function clauseEnd(text: string, pos: number, ceil: number): number {
  const stop = Math.min(ceil, pos + CONTEXT_LIMIT);
  let i = pos;
  while (i < stop && !CLAUSE_STOP[text.charCodeAt(i)]) i++;
  return i;
}

/** Last index of any of `words` in `s`, with the word found; -1 when none. */
function lastOf(s: string, words: readonly string[]): { at: number; word: string } {
  let best = { at: -1, word: '' };
  for (const w of words) {
    const at = s.lastIndexOf(w);
    if (at > best.at || (at === best.at && at >= 0 && w.length > best.word.length)) best = { at, word: w };
  }
  return best;
}

/** Like lastOf, skipping occurrences that are part of a noun (the word followed by one of `nounTails`). */
function lastVerbOf(s: string, words: readonly string[], nounTails: readonly string[]): { at: number; word: string } {
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
function quotedRanges(text: string, p: Range, max = 40): Range[] {
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
class ParagraphContext {
  private quoteCache: Range[] | null = null;
  private periodCache: PeriodMark[] | null = null;
  constructor(readonly text: string, readonly p: Range, private readonly lx: Lexicon) {}
  get quotes(): Range[] { return (this.quoteCache ??= quotedRanges(this.text, this.p)); }
  get periods(): PeriodMark[] {
    return (this.periodCache ??= findPeriods(this.text, this.p, this.lx.d.periods.scope_words, this.lx.d.periods.not_scope_after));
  }
}

/** Words within this many characters of a numeral decide whether it is part of an ordinary word. */
const TOKEN_WINDOW = 12;

function inRanges(pos: number, rs: readonly Range[]): boolean {
  return rs.some((r) => pos >= r.start && pos < r.end);
}

/** The jieba token holding `pos`, segmenting only a window around it (words are local). */
function tokenAt(ctx: ParagraphContext, text: string, pos: number, d: Dictionaries): Token | undefined {
  const from = Math.max(ctx.p.start, pos - TOKEN_WINDOW);
  const to = Math.min(ctx.p.end, pos + TOKEN_WINDOW);
  return segment(text.slice(from, to), from, d).find((t) => pos >= t.start && pos < t.end);
}

/** Jieba-based veto for Chinese numerals that are part of ordinary words (十分, 一时, 进一步). */
function lexicalVeto(ctx: ParagraphContext, text: string, num: ParsedNumber, hedgeStart: number, unitEnd: number, lx: Lexicon): string | null {
  const tok = tokenAt(ctx, text, num.start, lx.d);
  if (!tok) return null;
  if (lx.lexicalWords.has(tok.word)) return `lexical-word:${tok.word}`;
  if (tok.start < num.start && tok.start < hedgeStart) return `inside-word:${tok.word}`;
  // 万人空巷, 千军万马: one word running on past the unit is an idiom, not a count
  if (tok.start === num.start && tok.end > unitEnd && /^[il]$/.test(tagOf(tok.word))) return `idiom:${tok.word}`;
  if (tok.start === num.start && tok.end > num.end) {
    const rest = text.slice(num.end, tok.end);
    const unitLike = lx.units.some((u) => rest.startsWith(u.unit)) || /^[余多来几]/.test(rest) || /^[万亿千百]/.test(rest) || rest === '成';
    if (!unitLike && lx.lexicalTags.has(tagOf(tok.word))) return `lexical-tag:${tok.word}/${tagOf(tok.word)}`;
  }
  return null;
}

export interface ExtractOptions {
  readonly dicts: Dictionaries;
}

/** Extracts claims from the given paragraphs (view ranges), in text order. */
export function extractClaims(text: string, paragraphs: readonly Range[], opts: ExtractOptions): ViewClaim[] {
  const lx = lexicon(opts.dicts);
  const out: ViewClaim[] = [];
  for (const p of paragraphs) {
    const ctx = new ParagraphContext(text, p, lx);
    const found: ViewClaim[] = [];
    let i = p.start;
    while (i < p.end) {
      const c = text.charCodeAt(i);
      if (!NUMBER_START[c]) { i++; continue; }
      const pc = i > 0 ? text.charCodeAt(i - 1) : 0;
      // inside a number (1,260 or 3.5); a comma after a character is punctuation (生产,300多名)
      if (isDigit(c) && (isDigit(pc) || ((pc === 0x2e || pc === 0x2c) && isDigit(text.charCodeAt(i - 2))))) { i++; continue; }
      const bare = bareScaleAt(text, i);
      const num = bare ?? parseNumberAt(text, i);
      if (!num || num.end > p.end) { i++; continue; }
      const claim = analyse(text, num, ctx, lx);
      if (claim) { found.push(claim); i = claim.end; } else i = num.end;
    }
    linkChanges(text, found, lx);
    propagateTrailingHedges(text, found);
    inheritUnderQizhong(text, found);
    assignRoles(text, found, p, lx.d.roles);
    out.push(...found);
  }
  return out;
}

/** What after a handling verb makes it part of a noun (交办件, 转办件). */
const HANDLE_NOUN_TAILS = ['件'];

const BARE_SCALE: Record<string, number> = { 亿: 1e8, 万: 1e4, 千: 1e3 };
/**
 * A scale standing alone as the number: after a hedge (逾亿元, 近万人, 上万件) or before 余/多
 * (接待群众万余次, 千余人). Not after a numeral, where it is part of that numeral.
 */
function bareScaleAt(text: string, i: number): ParsedNumber | null {
  const ch = text[i] ?? '';
  const value = BARE_SCALE[ch];
  if (value === undefined) return null;
  const prev = text[i - 1] ?? '';
  if (NUMBER_START[prev.charCodeAt(0)] || prev === '.' || prev === '第') return null;
  if (/[逾近超上]/.test(prev) && ch !== '千' || /^[余多]/.test(text.slice(i + 1, i + 2))) return { start: i, end: i + 1, value, script: 'chinese' };
  return null;
}

function analyse(text: string, num: ParsedNumber, ctx: ParagraphContext, lx: Lexicon): ViewClaim | null {
  const p = ctx.p;
  const rules: string[] = [];
  let value = num.value;
  let approx: Approx | null = num.approx ?? null;
  if (approx) rules.push(`numeral:${approx}`);
  let pos = num.end;
  let start = num.start;
  let unit: UnitEntry | null = null;
  let unitWritten = '';
  let isPercent = false;

  // 百分之九十五
  if (text.startsWith('百分之', num.start - 3) && num.start - 3 >= p.start) {
    start = num.start - 3;
    isPercent = true;
    rules.push('percent:百分之');
  }
  // 三分之一: a fraction, as a percentage
  if (!isPercent && text.startsWith('分之', num.end) && text[num.start] !== '百' && num.value > 0) {
    const numer = parseNumberAt(text, num.end + 2);
    if (numer && numer.end <= p.end && numer.value < num.value) {
      value = Math.round((numer.value / num.value) * 10000) / 100;
      isPercent = true;
      unitWritten = '分之';
      pos = numer.end;
      rules.push('percent:fraction');
    }
  }
  // hedge right after the number (150余起, 7000余万元), then a scale (万, 亿), then another (1亿多元)
  const afterNumberHedge = (): void => {
    const h = text[pos] ?? '';
    const a = lx.afterNumber.get(h);
    if (a && pos < p.end) {
      // 来 and 多 only hedge when something countable follows (not 多年, 来自)
      const next = text.slice(pos + 1, pos + 4);
      const countable = /^[万亿千百]/.test(next) || lx.units.some((u) => next.startsWith(u.unit)) || next.startsWith('%')
        || (h !== '来' && countedNounAt(ctx, text, pos + 1, lx) !== null);
      if (!countable) return;
      if (approx === null || approx === 'exact') approx = a;
      rules.push(`hedge:after-number:${h}`);
      pos++;
    }
  };
  if (!isPercent) {
    afterNumberHedge();
    let scaleText = '';
    while (pos < p.end && SCALE[text[pos] as string] !== undefined && (num.script === 'arabic' || text[pos - 1] === '余' || text[pos - 1] === '多')) {
      const s = SCALE[text[pos] as string] as number;
      value *= s;
      scaleText += text[pos];
      pos++;
    }
    if (scaleText) { rules.push(`scale:${scaleText}`); afterNumberHedge(); }
    unitWritten = scaleText;
  }

  // unit
  if (isPercent && unitWritten === '分之') {
    // the fraction read above is its own unit
  } else if (text[pos] === '%' || text[pos] === '％') {
    isPercent = true;
    unitWritten = '%';
    pos++;
  } else if (!isPercent && text[pos] === '成' && value <= 10 && num.script === 'chinese' && !/^成[为功效立员绩果熟本型长]/.test(text.slice(pos, pos + 2))) {
    isPercent = true;
    value *= 10;
    unitWritten = '成';
    pos++;
    rules.push('percent:成');
  } else if (!isPercent) {
    const rest = text.slice(pos, pos + 8);
    unit = lx.unitsByFirst.get(rest[0] ?? '')?.find((u) => rest.startsWith(u.unit)) ?? null;
    if (unit && lx.d.negatives.unit_blockers.some((b) => b.length > (unit as UnitEntry).unit.length - 0 && rest.startsWith(b) && b.startsWith((unit as UnitEntry).unit))) {
      rules.push(`unit-blocked:${rest.slice(0, 3)}`);
      unit = null;
    }
    if (unit?.unit === '个' && /^个(?:多|余|半)月/.test(rest)) {
      // 三个多月, 一个半月: the hedge or the half stands inside the measure word
      const month = lx.units.find((u) => u.unit === '个月') ?? null;
      if (rest[1] === '半') value += 0.5;
      else if (approx === null || approx === 'exact') { approx = 'over'; rules.push(`hedge:after-number:${rest[1] as string}`); }
      unitWritten = rest.slice(0, 3);
      pos += 3;
      unit = month;
    } else if (unit) {
      if (unit.kind === 'money' && unit.base !== undefined) value *= unit.base;
      unitWritten += unit.unit;
      pos += unit.unit.length;
    } else {
      // not in the table: a measure word by its jieba tag (4圈), or, after 余/多, the noun counted (二十余省)
      const hedgedNoun = /[余多]/.test(text[pos - 1] ?? '') && pos - 1 >= num.end;
      const found = measureWordAt(ctx, text, pos, lx) ?? (hedgedNoun ? countedNounAt(ctx, text, pos, lx) : null);
      if (found) {
        unit = found.unit;
        unitWritten += found.unit.unit;
        pos += found.unit.unit.length;
        rules.push(found.rule);
      } else if (approx === null) {
        // 三达西藏、四进新疆: a counted action; 全年零越级上访: zero of an event
        const act = countedActionAt(ctx, text, num, lx) ?? zeroEventAt(text, num, lx);
        if (act) {
          unit = act.unit;
          unitWritten = act.written;
          pos += act.written.length;
          rules.push(act.rule);
        }
      }
    }
  }
  if (isPercent) unit = { unit: '%', kind: 'percent' };

  // ratio without a unit: 收结比为0.98
  let isRatio = false;
  if (!unit && !text.startsWith('分之', num.end)) {
    const before = text.slice(Math.max(p.start, start - 8), start);
    const r = lastOf(before, lx.d.categories.ratio);
    if (r.at >= 0 && /^(?:为|达|达到|是|已达|)$/.test(before.slice(r.at + r.word.length))) {
      isRatio = true;
      unit = { unit: '', kind: 'percent' };
      rules.push(`ratio:${r.word}`);
    } else {
      return null; // a number without a unit is not a claim (years, markers, phone numbers…)
    }
  }
  if (!unit) return null;

  // hedge after the unit (10000人次以上), and duration suffixes (5年来, 24小时内)
  for (const h of lx.afterUnit) {
    if (text.startsWith(h.marker, pos) && pos + h.marker.length <= p.end) {
      if (approx === null || approx === 'exact') approx = h.approx;
      rules.push(`hedge:after-unit:${h.marker}`);
      pos += h.marker.length;
      break;
    }
  }

  // hedge before the number (近60起, 约二十个, 不少于100多次, 上百人)
  for (const h of lx.before) {
    const overlap = /[百千万]$/.test(h.marker) && text.startsWith(h.marker, start - h.marker.length + 1) && h.marker.endsWith(text[start] as string);
    const at = overlap ? start - h.marker.length + 1 : start - h.marker.length;
    if (at >= p.start && (overlap || text.startsWith(h.marker, at))) {
      if (approx === null || approx === 'exact') approx = h.approx;
      rules.push(`hedge:before:${h.marker}`);
      start = at;
      break;
    }
  }
  if (approx === null) {
    // 至少化解30件, 每月至少接访一次, 约有300人: a hedge may stand before a short verb
    const gap = /(至少|最多|大约|约)([\u4e00-\u9fff]{1,2})$/.exec(text.slice(Math.max(p.start, start - 4), start));
    const h = gap ? lx.before.find((b) => b.marker === gap[1]) : undefined;
    if (gap && h && !/[一二两三四五六七八九十百千万数几]/.test(gap[2] as string)) {
      approx = h.approx;
      rules.push(`hedge:before-verb:${h.marker}`);
      start -= gap[0].length;
    }
  }
  // 3至5人, 3-5人, 三到五人: a range, read from its low end
  let rangeLow: number | null = null;
  if (approx === null && unit) {
    const lead = /(\d+(?:\.\d+)?|[〇零一二三四五六七八九十两]{1,4})\s*(?:至|到|-|—|~|～|－)\s*$/.exec(text.slice(Math.max(p.start, start - 12), start));
    const lowNum = lead ? parseNumberAt(lead[1] as string, 0) : null;
    if (lead && lowNum && lowNum.end === (lead[1] as string).length && lowNum.value < value && !/(?:19|20)\d{2}$/.test(lead[1] as string)) {
      rangeLow = lowNum.value * (value / num.value || 1);
      start -= lead[0].length;
      approx = 'about';
      rules.push('range');
    }
  }
  approx ??= 'exact';
  const hedged = approx !== 'exact';

  // ---- negatives ----
  const prevCh = text[start - 1] ?? '';
  if (prevCh === '第') return null; // ordinal
  if (num.script === 'arabic' && inDateOrClock(text, num.start, num.end)) return null; // 2015-03-06, 17:45
  const lead = text.slice(Math.max(p.start, start - 5), start).replace(/[\s：:]+$/, '');
  if (lx.d.negatives.page_furniture.some((w) => lead.endsWith(w))) return null; // 阅读 328 次: a page counter
  if (num.script === 'arabic' && (/[A-Za-z]/.test(text[num.start - 1] ?? '') || /[A-Za-z]/.test(text[num.end] ?? ''))) return null; // G20, 5G
  if (inRanges(num.start, ctx.quotes)) return null; // slogans, titles, glosses
  if (unit.kind === 'time') {
    if (value >= 1000) return null; // a year, not a length
    if ((unit.unit === '日' || unit.unit === '天') && /月$/.test(text.slice(p.start, num.start))) return null; // a date
  }
  if (num.script === 'chinese') {
    const numText = text.slice(num.start, num.end);
    if (numText === '一' && !hedged && lx.articleUnits.has(unit.unit)) return null; // 一名信访干部: an article
    if (value <= 10 && (unit.unit === '个' || unit.unit === '项')) {
      const next = text.slice(pos, pos + 2);
      if (lx.abstractNouns.has(next)) return null; // 三个环节, 五个责任
    }
    // a counted action was checked against its list; jieba glues 他三达 into one unknown word
    const veto = rules.some((r) => r.startsWith('count:action')) ? null : lexicalVeto(ctx, text, num, start, pos, lx);
    if (veto) return null;
  }

  // ---- category ----
  const cs = clauseStart(text, start, p.start);
  const ce = clauseEnd(text, pos, p.end);
  // the verb of 至少化解30件 stands inside the span but still governs the number
  const before = text.slice(cs, rules.some((r) => r.startsWith('hedge:before-verb')) ? num.start : start);
  const after = text.slice(pos, ce);
  let category: Category;
  let direction: 'down' | 'up' | null = null;
  let baseline: string | null = null;
  switch (unit.kind) {
    case 'money': category = 'amount'; break;
    case 'person': category = 'headcount'; break;
    case 'area': category = 'count'; break;
    case 'thing': case 'case': {
      // 3条生命, 300多个“穷亲戚”: the measure word counts people
      const counted = text.slice(pos, pos + 8).replace(/^[“"「‘]/, '');
      const people = [...lx.personNouns].find((w) => counted.startsWith(w));
      if (people && unit.kind === 'thing') { category = 'headcount'; rules.push(`category:counts-people:${people}`); break; }
      // 接待上访群众万余次: times people were received are person-times
      const received = unit.unit === '次' ? lastOf(before, lx.d.categories.receive) : { at: -1, word: '' };
      if (received.at >= 0 && [...lx.personNouns].some((w) => before.includes(w, received.at))) {
        category = 'headcount';
        rules.push(`category:received:${received.word}`);
        break;
      }
      if (unit.kind === 'thing' && !unit.resolvable) { category = 'count'; break; }
      // 调解中心342个: a resolving word inside a noun resolves nothing
      const r = lastVerbOf(before, lx.d.categories.resolve, lx.d.categories.not_verb_after);
      const h = lastVerbOf(before, lx.d.categories.handle, HANDLE_NOUN_TAILS); // 交办件: a noun
      const rep = lastOf(before, lx.d.categories.report);
      const best = Math.max(r.at, h.at, rep.at);
      if (best >= 0 && best === r.at && r.at > h.at && r.at > rep.at) { category = 'cases_resolved'; rules.push(`category:resolve:${r.word}`); }
      else if (best < 0 && unit.kind === 'case' && lastOf(after, lx.d.categories.resolve).at >= 0) { category = 'cases_resolved'; rules.push('category:resolve-after'); }
      else { category = 'count'; rules.push(best >= 0 ? `category:not-resolved:${best === h.at ? h.word : rep.word}` : 'category:no-verb'); }
      break;
    }
    case 'percent': {
      const down = lastOf(before, lx.d.categories.down);
      const up = lastOf(before, lx.d.categories.up);
      const sh = lastOf(before, lx.d.categories.share);
      const level = lx.d.categories.change_to.some((v) => before.endsWith(v));
      if (!isRatio && (down.at >= 0 || up.at >= 0) && Math.max(down.at, up.at) > sh.at) {
        direction = down.at > up.at ? 'down' : 'up';
        if (level) { category = 'share'; rules.push('percent:level-reached'); } // 化解率提高到93.5%: the rate it reached
        else { category = 'percent_change'; baseline = findBaseline(before, lx); }
      } else category = 'share';
      break;
    }
    case 'time': {
      // 入伍5年多来: 多 after the unit hedges a length that 来 closes
      if (text[pos] === '多' && /^多(?:以来|来)/.test(text.slice(pos, pos + 3))) {
        if (approx === 'exact') approx = 'over';
        rules.push('hedge:after-unit:多');
        pos++;
      }
      // 2005年起从事信访工作，至今已17年: the verb is in the clause before 至今
      let tenureZone = before;
      if (/^(?:至今|迄今|现已|已经|已)/.test(before)) tenureZone = text.slice(clauseStart(text, Math.max(p.start, cs - 1), p.start), start);
      const tenure = lastOf(tenureZone, lx.d.periods.tenure_verbs);
      const cueBefore = lx.d.periods.duration_cues.before.find((c) => before.endsWith(c));
      const cueAfter = lx.d.periods.duration_cues.after.find((c) => text.startsWith(c, pos))
        ?? (rules.includes('hedge:after-unit:以内') ? '' : undefined);
      const frame = tenureFrame(text, start, pos, unit.unit, before, p, lx);
      if (text[pos] === '的' && !cueBefore && !frame) return null; // 10年以上的骨头案: a qualifier, not a length
      if (cueAfter !== undefined) {
        pos += cueAfter.length;
        rules.push(`duration:after:${cueAfter}`);
      } else if (cueBefore) rules.push(`duration:before:${cueBefore}`);
      else if (rules.some((r) => r.startsWith('hedge:before')) && (approx === 'at_least' || approx === 'at_most')) rules.push('duration:bounded');
      else if (changeVerbNear(text, start, pos, lx)) rules.push('duration:change');
      else if (tenure.at >= 0 && /[年月]/.test(unit.unit)) {
        rules.push(`duration:tenure:${tenure.word}`);
        const suffix = /^(?:以来|来)/.exec(text.slice(pos, pos + 2));
        if (suffix) pos += suffix[0].length;
      } else if (frame) {
        rules.push(frame.rule);
        pos = frame.end;
      } else return null; // 近五年来, 十年来最低: a time scope, not a claim
      category = 'duration';
      break;
    }
  }

  if (direction === null && unit.kind !== 'percent') {
    // 同比增加21件, 减少312件: a change verb right before the number gives the direction
    const stem = before.replace(/[了约近共达]+$/, '');
    if (lx.d.categories.up.some((w) => stem.endsWith(w))) { direction = 'up'; rules.push('direction:verb'); }
    else if (lx.d.categories.down.some((w) => stem.endsWith(w))) { direction = 'down'; rules.push('direction:verb'); }
  }
  const period = [...ctx.periods].reverse().find((m) => m.end <= start) ?? null;
  let ss = start;
  while (ss > p.start && start - ss < CONTEXT_LIMIT && !SENTENCE_STOP[text.charCodeAt(ss - 1)]) ss--;
  const sentenceBefore = text.slice(ss, start);
  // the rate marker nearest the claim; of markers ending at the same place, the longest (平均每天 over 每天)
  const rateMark = lx.rates.map((r) => ({ r, at: sentenceBefore.lastIndexOf(r.marker) }))
    .filter((x) => x.at >= 0 && !/(累计|共计|总计|合计)/.test(sentenceBefore.slice(x.at))
      && !(x.r.unit === 'week' && /^[一二三四五六日天]/.test(sentenceBefore.slice(x.at + x.r.marker.length))) // 每周一: a weekday
      // a time scope between the rate and the claim ends the rate (每周三接访，三年来接待900多人次)
      && !ctx.periods.some((m) => m.start >= ss + x.at + x.r.marker.length && m.end <= start))
    .sort((a, b) => (b.at + b.r.marker.length) - (a.at + a.r.marker.length) || b.r.marker.length - a.r.marker.length)[0];

  return {
    start,
    end: pos,
    value: round(rangeLow ?? value),
    from: null,
    fromRange: null,
    approx,
    unit: unit.kind === 'money' ? '元' : unit.unit,
    unitWritten: isRatio ? '' : unitWritten,
    category,
    direction,
    baseline,
    period: period ? { text: period.text, start: period.start, end: period.end } : null,
    rate: rateMark ? { unit: rateMark.r.unit, text: rateMark.r.marker } : null,
    low: rangeLow !== null ? round(rangeLow) : num.low === undefined ? null : round(num.low * (value / num.value || 1)),
    high: rangeLow !== null ? round(value) : num.high === undefined ? null : round(num.high * (value / num.value || 1)),
    numberRange: { start: num.start, end: num.end },
    rules,
    role: 'achievement',
    roleRule: 'role:achievement',
  };
}

const DATE_OR_CLOCK = /(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?/g;
/** Whether digits at [start, end) are part of a written date (2015-03-06) or a clock time (17:45). */
function inDateOrClock(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 11);
  for (const m of text.slice(from, end + 11).matchAll(DATE_OR_CLOCK)) {
    const a = from + m.index;
    if (a <= start && a + m[0].length >= end) return true;
  }
  return false;
}

/**
 * The frames in which a bare length of time is the subject's own tenure rather than a time scope:
 * 13年如一日; 在16年公诉工作中, 在15年的禁毒生涯; 10年来, 20多年来, 这八年里 (but not 近五年来,
 * 降至十年来最低, 十年来首次); 607天，是… opening a sentence. Returns the rule and the claim's end.
 */
function tenureFrame(text: string, start: number, pos: number, unit: string, before: string, p: Range, lx: Lexicon): { rule: string; end: number } | null {
  const after = text.slice(pos, Math.min(p.end, pos + 16));
  const f = lx.d.periods.tenure_frames;
  const steady = f.steady.find((w) => after.startsWith(w));
  if (steady) return { rule: `duration:tenure:${steady}`, end: pos + steady.length };
  if (!/[年月]/.test(unit)) {
    // 607天，是潘作良…: a length opening its sentence and standing alone before a comma
    let ss = start;
    while (ss > p.start && /[\s“"]/.test(text[ss - 1] as string)) ss--;
    const opens = ss === p.start || SENTENCE_STOP[text.charCodeAt(ss - 1)] === 1;
    const digits = /^\d/.test(text.slice(start, pos)); // 一天，… is a narrative "one day"
    return opens && digits && /^[，,]/.test(after) ? { rule: 'duration:standalone', end: pos } : null;
  }
  // 在16年公诉工作中, 在15年的禁毒生涯: a length inside 在 … 工作/生涯
  if (/在(?:这|近)?$/.test(before)) {
    const career = new RegExp(`^的?[\u4e00-\u9fff]{0,8}?(?:${f.career.join('|')})`).exec(after);
    if (career) return { rule: 'duration:tenure:在…' + (career[0].match(new RegExp(`(?:${f.career.join('|')})$`))?.[0] ?? ''), end: pos };
  }
  // 10年来, 这八年里: N years since, unless a recent-years scope (近五年来) or a record (十年来最低)
  const since = f.since.find((w) => after.startsWith(w));
  if (!since) return null;
  const lead = text.slice(Math.max(p.start, start - 2), start);
  const then = after.slice(since.length).replace(/^[，,\s]+/, '');
  if (/[近〇零一二三四五六七八九]$/.test(lead) || /^(?:近|最近|将近|接近)/.test(text.slice(start, pos))) return null; // 近五年来; 二〇一九年以来
  if (f.not_since_before.some((w) => before.endsWith(w)) || f.not_since_after.some((w) => then.startsWith(w))) return null;
  if (lx.d.periods.scope_words.some((w) => text.startsWith(w, start))) return null; // 一年多来: listed as a scope
  return { rule: `duration:tenure:${since}`, end: pos + since.length };
}

/** A measure word that the unit table lacks, by its jieba tag (4圈, 78面): the token at `pos`. */
function measureWordAt(ctx: ParagraphContext, text: string, pos: number, lx: Lexicon): { unit: UnitEntry; rule: string } | null {
  const tok = tokenAt(ctx, text, pos, lx.d);
  if (!tok || tok.start !== pos || tok.word.length > 2 || !/^[\u4e00-\u9fff]+$/.test(tok.word)) return null;
  if (lx.notMeasure.has(tok.word) || lx.d.negatives.unit_blockers.some((b) => text.startsWith(b, pos))) return null;
  if (!lx.measureTags.has(tagOf(tok.word))) return null;
  return { unit: { unit: tok.word, kind: lx.personNouns.has(tok.word) ? 'person' : 'thing' }, rule: `unit:tag:${tok.word}` };
}

/** The noun a hedged number counts without a measure word (二十余省, 300余农民工兄弟). */
function countedNounAt(ctx: ParagraphContext, text: string, pos: number, lx: Lexicon): { unit: UnitEntry; rule: string } | null {
  const tok = tokenAt(ctx, text, pos, lx.d);
  if (!tok || tok.start !== pos || tok.word.length > 3 || !/^[\u4e00-\u9fff]+$/.test(tok.word)) return null;
  if (lx.d.negatives.unit_blockers.some((b) => text.startsWith(b, pos)) || lx.notMeasure.has(tok.word)) return null;
  if (!lx.nounTags.has(tagOf(tok.word))) return null;
  return { unit: { unit: tok.word, kind: lx.personNouns.has(tok.word) ? 'person' : 'thing' }, rule: `unit:noun:${tok.word}` };
}

interface Special { readonly unit: UnitEntry; readonly written: string; readonly rule: string }

/**
 * 三达西藏、四进新疆、九下陕川: a Chinese numeral before a verb of going counts journeys. Only in a
 * list of two or more such items, or before a place name, so that 一下 or 三进 slogans stay out.
 */
function countedActionAt(ctx: ParagraphContext, text: string, num: ParsedNumber, lx: Lexicon): Special | null {
  if (num.script !== 'chinese' || num.value < 2 || num.value > 99 || num.approx !== undefined) return null;
  const verb = lx.actionVerbs.find((v) => text.startsWith(v, num.end));
  if (!verb) return null;
  const cs = clauseStart(text, num.start, ctx.p.start);
  const ce = Math.min(ctx.p.end, num.end + 40);
  const zone = text.slice(cs, ce).split(/[，,。；;！？]/)[0] ?? '';
  const items = zone.match(new RegExp(`[一二两三四五六七八九十]{1,2}(?:${lx.actionVerbs.join('|')})[\u4e00-\u9fff]{1,4}(?=[、和及]|$)`, 'g')) ?? [];
  const place = tokenAt(ctx, text, num.end + verb.length, lx.d);
  const toPlace = place !== undefined && place.start === num.end + verb.length && lx.placeTags.has(tagOf(place.word));
  if (items.length < 2 && !toPlace) return null;
  return { unit: { unit: '次', kind: 'thing' }, written: verb, rule: `count:action:${verb}` };
}

/** 全年零越级上访, 实现零进京上访: 零 before an event noun is a count of zero. */
function zeroEventAt(text: string, num: ParsedNumber, lx: Lexicon): Special | null {
  if (text.slice(num.start, num.end) !== '零') return null;
  const noun = lx.zeroEvents.find((w) => text.startsWith(w, num.end));
  if (!noun) return null;
  return { unit: { unit: noun, kind: 'thing' }, written: noun, rule: `count:zero:${noun}` };
}

/** A from->to change of a time (由22天缩短至9天): the verb follows the first, or precedes the second. */
function changeVerbNear(text: string, start: number, end: number, lx: Lexicon): boolean {
  const before = text.slice(clauseStart(text, start, 0), start);
  if (!/[从由]/.test(before)) return false; // 降至十年来最低 is no change of a length
  const after = text.slice(end, end + 4);
  return lx.d.categories.change_to.some((v) => after.startsWith(v) || before.endsWith(v));
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function findBaseline(before: string, lx: Lexicon): string | null {
  const m = /(与[^，。；]{1,16}?相比|和[^，。；]{1,16}?相比|较[^，。；]{1,10}?(?=下降|减少|降低|上升|增长|提升|增加|提高|回落))/.exec(before);
  if (m) return m[1] as string;
  const w = lastOf(before, lx.d.categories.baseline);
  return w.at >= 0 ? w.word : null;
}

/** 从每月590元提升至740元: one claim, value 740, from 590; 又调至990元 chains from 740. */
function linkChanges(text: string, claims: ViewClaim[], lx: Lexicon): void {
  const changeTo = [...lx.d.categories.change_to].sort((a, b) => b.length - a.length);
  let lastChange: ViewClaim | null = null;
  for (let k = 0; k < claims.length; k++) {
    const b = claims[k] as ViewClaim;
    const a = claims[k - 1];
    const gapVerb = (from: number): string | undefined => {
      // 提高到2021年的95.5%: a date may stand between the verb and the new value
      const gap = text.slice(from, b.start).replace(/^[又再再次将]+/, '').replace(/(?:(?:19|20)\d{2}年(?:底|末)?|\d{1,2}月)+的?$/, '');
      return changeTo.find((v) => gap === v || gap.endsWith(v) && gap.length <= v.length + 1);
    };
    if (a && a.unit === b.unit && (a.category === b.category || a.unit === '%')) {
      const verb = gapVerb(a.end);
      const lead = text.slice(clauseStart(text, a.start, 0), a.start);
      if (verb && /[从由]/.test(lead)) {
        b.from = a.value;
        b.fromRange = { start: a.start, end: a.end };
        b.start = a.start;
        b.direction = b.value >= a.value ? 'up' : 'down';
        b.rate ??= a.rate;
        if (b.unit === '%') { b.category = 'share'; b.baseline = null; } // a level that moved, not a stated change
        b.rules.push(`change:${verb}`);
        claims.splice(k - 1, 1);
        k--;
        lastChange = b;
        continue;
      }
    }
    if (lastChange && lastChange.unit === b.unit) {
      const lead = text.slice(Math.max(0, b.start - 6), b.start);
      const verb = changeTo.find((v) => lead.endsWith(v));
      if (verb && /又|再|后|随后|进而/.test(text.slice(lastChange.end, b.start))) {
        b.from = lastChange.value;
        b.direction = b.value >= lastChange.value ? 'up' : 'down';
        b.rules.push(`change:chained:${verb}`);
        lastChange = b;
      }
    }
  }
}

/** 每年接待群众700批次10000人次以上: the trailing 以上 covers both juxtaposed figures. */
function propagateTrailingHedges(text: string, claims: ViewClaim[]): void {
  for (let k = claims.length - 2; k >= 0; k--) {
    const a = claims[k] as ViewClaim;
    const b = claims[k + 1] as ViewClaim;
    if (a.end === b.start && a.approx === 'exact' && b.approx !== 'exact' && b.rules.some((r) => r.startsWith('hedge:after-unit'))) {
      a.approx = b.approx;
      a.rules.push('hedge:shared-trailing');
    }
  }
  void text;
}

/** 化解信访积案136件，其中10年以上的骨头案21件: a part named with 其中 counts like its whole. */
function inheritUnderQizhong(text: string, claims: ViewClaim[]): void {
  for (let k = 1; k < claims.length; k++) {
    const a = claims[k - 1] as ViewClaim;
    const b = claims[k] as ViewClaim;
    const between = text.slice(a.end, b.start);
    if (a.unit === b.unit && a.category !== b.category && /^[，,；;]其中/.test(between) && !/[。！？\n]/.test(between)) {
      b.category = a.category;
      b.rules.push('category:part-of-previous');
    }
  }
}

