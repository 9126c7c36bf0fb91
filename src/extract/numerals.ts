/**
 * Numeral parsing: Arabic (with separators, decimals, inner spaces) and Chinese numerals
 * (二十, 一百二十, 两, 十几, 两三万, 数十, 百分之九十五, 三成 …). Pure functions over a string
 * and a position; no dictionaries, no I/O.
 */
import type { Approx } from '../dictionaries.js';

export interface ParsedNumber {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  /** For vague numerals: the range they stand for (十几 -> 11..19, 两三万 -> 20000..30000). */
  readonly low?: number;
  readonly high?: number;
  /** Approximation implied by the numeral itself (数十 -> about, 十几 -> over). */
  readonly approx?: Approx;
  readonly script: 'arabic' | 'chinese';
}

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4, 五: 5, 伍: 5,
  六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export const CHINESE_NUMERAL_CHARS = '零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿';
const CN_CHAR = new RegExp(`[${CHINESE_NUMERAL_CHARS}]`);

const ARABIC = /[0-9]+(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]{1,3}(?: [0-9]{3})+(?![0-9])|[0-9]+(?:\.[0-9]+)?/y;

export function parseArabicAt(text: string, pos: number): ParsedNumber | null {
  ARABIC.lastIndex = pos;
  const m = ARABIC.exec(text);
  if (!m) return null;
  const value = Number(m[0].replace(/[, ]/g, ''));
  if (!Number.isFinite(value)) return null;
  return { start: pos, end: pos + m[0].length, value, script: 'arabic' };
}

/** Value of a plain Chinese numeral string (no vague parts); null when malformed. */
export function chineseToNumber(s: string): number | null {
  if (s === '') return null;
  let total = 0;      // completed 亿 / 万 sections
  let section = 0;    // current section below 万
  let digit: number | null = null;
  let lastUnit = 10; // for elisions such as 一万二 (= 12000) and 三百五 (= 350)
  for (const ch of s) {
    if (ch in DIGIT) {
      if (digit !== null && DIGIT[ch] !== 0 && digit !== 0) return null; // 三四 is a range, not a number
      digit = DIGIT[ch] as number;
      continue;
    }
    const su = SMALL_UNIT[ch];
    if (su !== undefined) {
      section += (digit ?? 1) * su;
      digit = null;
      lastUnit = su;
      continue;
    }
    const bu = BIG_UNIT[ch];
    if (bu !== undefined) {
      if (digit !== null) section += digit;
      digit = null;
      if (bu === 1e8) { total = (total + section) * bu; }
      else { total += section * bu; }
      section = 0;
      lastUnit = bu;
      continue;
    }
    return null;
  }
  if (digit !== null) {
    // 一万二 -> 12000, 三百五 -> 350: a trailing digit after a unit counts in the next place down.
    const prevUnitElision = s.length >= 2 && !(s[s.length - 2] as string in DIGIT) && lastUnit >= 100;
    section += prevUnitElision ? digit * (lastUnit / 10) : digit;
  }
  return total + section;
}

/** No real Chinese numeral is longer than this (三千五百六十七万八千九百 is 12); a cap keeps runs of 一一一… linear. */
const MAX_CN_RUN = 16;
const CN_RUN = new RegExp(`[${CHINESE_NUMERAL_CHARS}几数]{1,${MAX_CN_RUN}}`, 'y');

/**
 * Parses a Chinese numeral starting at `pos`, including vague forms:
 * 数十/数百 (about, low end), 十几/几十 (over/about), 两三万/三四十 (range, about).
 */
export function parseChineseAt(text: string, pos: number): ParsedNumber | null {
  CN_RUN.lastIndex = pos;
  const m = CN_RUN.exec(text);
  if (!m) return null;
  let run = m[0];
  // A run never starts with a big unit alone, nor with 几 (几年来 is no number here).
  while (run.length > 0 && !parseRun(run)) run = run.slice(0, -1);
  if (run.length === 0) return null;
  const r = parseRun(run);
  if (!r) return null;
  return { start: pos, end: pos + run.length, ...r, script: 'chinese' };
}

/** Three digits or more with no 十, 百, 千 between them, written digit by digit (一一八三四件 is 11834, 二〇一八年 2018). */
export function digitByDigit(run: string): boolean {
  return /^[〇零一二三四五六七八九]{3,}$/.test(run);
}

type RunValue = Omit<ParsedNumber, 'start' | 'end' | 'script'>;

function parseRun(run: string): RunValue | null {
  if (/^[万亿]/.test(run) || /^几(?![十百千万])/.test(run)) return null;
  // 数十, 数百, 数千, 数万, 数十万
  const shu = /^数([十百千万]+)$/.exec(run);
  if (shu) {
    // the value is the scale named (数十次: tens of times, 10), the range what 数 can stand for
    const unit = chineseToNumber(`一${shu[1] as string}`);
    if (unit === null) return null;
    return { value: unit, low: 2 * unit, high: 9 * unit, approx: 'about' };
  }
  if (run.includes('数')) return null;
  // 十几, 二十几, 一百几十 … : the 几 is an unknown digit
  if (run.includes('几')) {
    if ((run.match(/几/g) ?? []).length > 1) return null;
    const lo = chineseToNumber(run.replace('几', '一'));
    const hi = chineseToNumber(run.replace('几', '九'));
    if (lo === null || hi === null) return null;
    // 十几 = 11..19 (more than ten); 几十 = 20..90 (tens)
    if (run.endsWith('几')) {
      const base = chineseToNumber(run.slice(0, -1));
      if (base === null) return null;
      return { value: base, low: lo, high: hi, approx: 'over' };
    }
    // 几十, 几百: like 数十, the scale named; 二十几 has been read above as over 20
    return { value: lo, low: 2 * lo, high: hi, approx: 'about' };
  }
  if (digitByDigit(run)) return { value: Number([...run].map((c) => DIGIT[c] as number).join('')) };
  // Two adjacent digits make a range: 两三万 (20000..30000), 三四十 (30..40), 七八个 (7..8);
  // so does 三五 (three to five). The value is the middle of the range (两三万元: 25000).
  const pair = /^(.*?)([一二两三四五六七八九])([二三四五六七八九])(.*)$/.exec(run);
  const a0 = pair ? DIGIT[pair[2] as string] as number : 0;
  const b0 = pair ? DIGIT[pair[3] as string] as number : 0;
  if (pair && (b0 === a0 + 1 || (a0 === 3 && b0 === 5))) {
    const [, head, a, b, tail] = pair as unknown as [string, string, string, string, string];
    if (head === '' || /[十百千万亿]$/.test(head)) {
      const lo = chineseToNumber(`${head}${a}${tail}`);
      const hi = chineseToNumber(`${head}${b}${tail}`);
      if (lo !== null && hi !== null) return { value: (lo + hi) / 2, low: lo, high: hi, approx: 'about' };
    }
  }
  const v = chineseToNumber(run);
  if (v === null) return null;
  return { value: v };
}

/** Parses the numeral at `pos` (Arabic, Chinese, or 半 = 0.5 as in 半年). */
export function parseNumberAt(text: string, pos: number): ParsedNumber | null {
  const ch = text[pos] ?? '';
  if (ch >= '0' && ch <= '9') { const a = parseArabicAt(text, pos); return a && parseMixedAfter(text, a); }
  if (CN_CHAR.test(ch) || ch === '数' || ch === '几') return parseChineseAt(text, pos);
  if (ch === '半') return { start: pos, end: pos + 1, value: 0.5, script: 'chinese' };
  return null;
}

const PLACE: Record<string, number> = { 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 };

/**
 * Arabic digits written with Chinese place words and more digits after them: 2千三百 (2300),
 * 1万2千 (12000), 3万五千 (35000), 2亿三千万 (230000000). A plain 5千 or 4.2万 is left to the caller's scale reading;
 * the part after the place word must itself end in a place word (10万一次 is 10万 and a count).
 */
function parseMixedAfter(text: string, a: ParsedNumber): ParsedNumber {
  const unit = PLACE[text[a.end] ?? ''];
  if (unit === undefined || !Number.isInteger(a.value) || /[,\s]/.test(text.slice(a.start, a.end))) return a;
  const at = a.end + 1;
  const next = text[at] ?? '';
  let rest: { value: number; end: number } | null = null;
  if (next >= '0' && next <= '9') {
    const d = parseArabicAt(text, at);
    const u2 = d ? PLACE[text[d.end] ?? ''] : undefined;
    if (d && u2 !== undefined && u2 < unit && Number.isInteger(d.value) && d.value * u2 < unit && !/[,\s]/.test(text.slice(d.start, d.end))) {
      let value = d.value * u2;
      let end = d.end + 1;
      const tail = /[一二两三四五六七八九]/.test(text[end] ?? '') ? parseChineseAt(text, end) : null;
      if (tail && tail.low === undefined && /[十百千]$/.test(text.slice(tail.start, tail.end)) && tail.value < u2) { value += tail.value; end = tail.end; }
      rest = { value, end };
    }
  } else if (/[一二两三四五六七八九]/.test(next)) {
    const c = parseChineseAt(text, at);
    if (c && c.low === undefined && c.approx === undefined && /[十百千万]$/.test(text.slice(c.start, c.end)) && c.value < unit) rest = { value: c.value, end: c.end };
  }
  if (!rest) return a;
  return { start: a.start, end: rest.end, value: a.value * unit + rest.value, script: 'arabic' };
}
