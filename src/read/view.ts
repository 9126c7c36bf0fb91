/**
 * A normalized view of a decoded document with a map back to the original offsets.
 *
 * Everything downstream (segmentation, structure, extraction) reads `view.text`; every span it
 * reports goes through `toOriginal`, so evidence always points into the decoded original.
 * The view sees through conversion debris:
 *  - line breaks inside a sentence (page breaks, hard wraps) are removed; real paragraph breaks
 *    become a single "\n";
 *  - whitespace next to Chinese text is dropped (7000 余万元 -> 7000余万元), other runs collapse;
 *  - Markdown residue is dropped: leading "#", "-", "*", ">" markers, "**", and [text](#) links;
 *  - zero-width characters and byte-order marks vanish; NBSP and ideographic spaces are spaces;
 *  - full-width digits, letters, ％ and ． between digits become ASCII;
 *  - a traditional-character document is mapped character by character to simplified.
 */
import { simplifiedUnit, t2s } from './simplified.js';
import { loadDictionaries } from '../dictionaries.js';

export interface TextView {
  readonly original: string;
  readonly text: string;
  /** map[i] is the original offset of view unit i; map[text.length] === original.length. */
  readonly map: Int32Array;
  readonly script: 'simplified' | 'traditional';
}

export interface Span { readonly start: number; readonly end: number }

/** Maps a half-open view span to the half-open original span that covers the same characters. */
export function toOriginal(view: TextView, start: number, end: number): Span {
  if (end <= start) { const s = view.map[start] ?? view.original.length; return { start: s, end: s }; }
  const s = view.map[start] ?? view.original.length;
  const e = (view.map[end - 1] ?? view.original.length - 1) + 1;
  return { start: s, end: e };
}


/**
 * The stretches of the original text that the view does not hold as they are: each piece of
 * the original around a character the view dropped or changed, or where two characters that
 * follow each other in the original do not in the view, with `pad` characters either side
 * (clipped to the text). Every substring of the original up to `pad` + 1 characters long is
 * either a substring of the view text or of one of these stretches.
 */
export function stretchesNotInView(view: TextView, pad: number): string[] {
  const { original, text, map } = view;
  const n = original.length;
  // the view position holding each original character unchanged, -1 where none does
  const at = new Int32Array(n).fill(-1);
  for (let v = 0; v < text.length; v++) {
    const o = map[v] as number;
    if (o < n && original.charCodeAt(o) === text.charCodeAt(v)) at[o] = v;
  }
  const out: string[] = [];
  let from = -1;
  let to = -1;
  for (let o = 0; o < n; o++) {
    // o is a break when it is not held, or does not follow the previous original character in the view
    const held = at[o] as number;
    if (held >= 0 && (o === 0 || (at[o - 1] as number) < 0 || held === (at[o - 1] as number) + 1)) continue;
    const a = Math.max(0, o - pad);
    const b = Math.min(n, o + pad + 1);
    if (a <= to) to = b;
    else { if (to > from) out.push(original.slice(from, to)); from = a; to = b; }
  }
  if (to > from) out.push(original.slice(from, to));
  return out;
}

/** Chinese list and heading markers that start a new paragraph. */
export const LINE_MARKER = /^(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、是]|[（(]\d{1,2}[）)]|\d{1,2}(?:[、]|[.．](?!\d))|第[一二三四五六七八九十\d]{1,3}[章节部分条]|附件)/;
const FINAL = /[。！？；：!?;:…]$/;
const CLOSERS = /[”’」』）)》\]]+$/;

/** One character in simplified characters, as opencc converts it alone (itself when that would change its length). */
function t2sChar(ch: string): string {
  const c = simplifiedUnit(ch.charCodeAt(0));
  return c === ch.charCodeAt(0) ? ch : String.fromCharCode(c);
}

/**
 * Returns a same-length simplified copy when the text is written in traditional characters,
 * else null. Phrase-level conversion is used when it keeps the length, else per character.
 */
/** A short piece of traditional text in simplified characters, character by character (張國華 -> 张国华). */
export function toSimplified(s: string): string {
  let out = '';
  for (const ch of s) out += ch.length === 1 ? t2sChar(ch) : ch;
  return out;
}

export function simplifyIfTraditional(text: string): string | null {
  let han = 0;
  let changed = 0;
  const n = Math.min(text.length, 20000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400 || c > 0xfaff || (c > 0x9fff && c < 0xf900)) continue;
    han++;
    const ch = text[i] as string;
    if (t2sChar(ch) !== ch) changed++;
    if (han === 3000 && changed === 0) return null; // plainly simplified: no need to read on
  }
  // a short text in traditional characters has only a few that differ (18年來，他堅持接訪)
  if (changed < 2 || changed / Math.max(han, 1) < 0.03) return null;
  const whole = t2s()(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) out += ch.length === 1 ? t2sChar(ch) : ch;
  return out;
}

function foldWidth(ch: string, prev: string, next: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xfee0);
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return String.fromCharCode(c - 0xfee0);
  if (c === 0xff05) return '%';
  if (c === 0xff0b) return '+';
  if (c === 0xff0e && /[0-9０-９]/.test(prev) && /[0-9０-９]/.test(next)) return '.';
  return ch;
}

/** ３，２５６ -> 3,256: a full-width comma between a digit and exactly three digits groups thousands. */
function thousandsComma(raw: string, i: number): boolean {
  return raw[i] === '，' && /[0-9０-９]/.test(raw[i - 1] ?? '') && /^[0-9０-９]{3}(?![0-9０-９])/.test(raw.slice(i + 1, i + 5));
}

interface Line { readonly start: number; readonly end: number; readonly breakStart: number }

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
      lines.push({ start, end: i, breakStart: i });
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      start = i + 1;
    }
  }
  lines.push({ start, end: text.length, breakStart: text.length });
  return lines;
}


const LEADING_MD = /^[ \t\u3000]*(?:#{1,6}[ \t]+|[-*+][ \t]+|>[ \t]?)/;
const MD_LINK = /\[([^[\]\n]{0,200})\]\([^()\n]{0,500}\)/g;

function isZeroWidth(c: number): boolean {
  return (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0x00ad;
}
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || c === 0x0c || c === 0x0b
    || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f;
}
/** Characters that may need folding: full-width forms, and radicals PDF fonts put for ideographs. */
function isWide(c: number): boolean { return (c >= 0xff01 && c <= 0xff5e) || (c >= 0x2e80 && c <= 0x2fd5); }

/** ⼈ (Kangxi radical) -> 人 by NFKC; ⺠ (radicals supplement) -> 民 by the table in dictionaries/. */
function foldRadical(ch: string): string {
  const c = ch.charCodeAt(0);
  // NFKC gives the traditional form for some (⼾ -> 戶): simplify it, the rest of the text being simplified
  if (c >= 0x2f00 && c <= 0x2fd5) { const n = ch.normalize('NFKC'); return n.length === 1 ? t2sChar(n) : ch; }
  if (c >= 0x2e80 && c <= 0x2ef3) return loadDictionaries().radicals[ch] ?? ch;
  return ch;
}

/** Where cleaned lines are written: the view's text parts and its map back to the original. */
interface ViewWriter { parts: string[]; map: Int32Array; len: number }

/**
 * Cleans one line into the writer and returns the cleaned text. Unchanged runs of characters are
 * copied as slices; only dropped, folded or whitespace characters are handled one by one.
 */
/** A pinyin gloss with a tone mark, in ASCII parentheses right after an ideograph. */
const PINYIN_GLOSS = /(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7}\)/g;

function cleanLine(src: string, simplified: string | null, line: Line, w: ViewWriter): string {
  const raw = src.slice(line.start, line.end);
  const from = simplified ?? src;
  // Which original units are dropped as Markdown residue (only looked for when present).
  let drop: Uint8Array | null = null;
  const lead = /^[ \t\u3000]*[#\-*+>]/.test(raw) ? LEADING_MD.exec(raw) : null;
  if (lead) (drop ??= new Uint8Array(raw.length)).fill(1, 0, lead[0].length);
  if (raw.includes('](')) {
    for (const m of raw.matchAll(MD_LINK)) {
      const at = m.index;
      const inner = (m[1] ?? '').length;
      drop ??= new Uint8Array(raw.length);
      drop[at] = 1;
      drop.fill(1, at + 1 + inner, at + m[0].length);
    }
  }
  for (let i = raw.indexOf('**'); i >= 0; i = raw.indexOf('**', i + 2)) (drop ??= new Uint8Array(raw.length)).fill(1, i, i + 2);
  // pinyin glosses some pages put after characters (調(diào)解, 萬(wàn)元): read through them
  if (raw.includes('(')) for (const m of raw.matchAll(PINYIN_GLOSS)) (drop ??= new Uint8Array(raw.length)).fill(1, m.index, m.index + m[0].length);

  let out = '';
  let run = 0; // start of the pending run of unchanged characters
  let lastCode = -1; // the last character written, for the whitespace rule
  const n = raw.length;
  const flush = (to: number): void => {
    if (to > run) {
      out += from.slice(line.start + run, line.start + to);
      for (let k = run; k < to; k++) w.map[w.len++] = line.start + k;
      lastCode = from.charCodeAt(line.start + to - 1);
    }
  };
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    const special = (drop !== null && drop[i] === 1) || isZeroWidth(c) || isSpace(c) || isWide(c);
    if (!special) continue;
    flush(i);
    run = i + 1;
    if ((drop !== null && drop[i] === 1) || isZeroWidth(c)) continue;
    if (isSpace(c)) {
      // a whitespace run: kept as one space only between two ASCII characters
      let j = i + 1;
      while (j < n && ((drop !== null && drop[j] === 1) || isSpace(raw.charCodeAt(j)) || isZeroWidth(raw.charCodeAt(j)))) j++;
      const after = j < n ? raw.charCodeAt(j) : -1;
      if (lastCode >= 0 && lastCode < 0x80 && after >= 0 && after < 0x80) { out += ' '; w.map[w.len++] = line.start + i; lastCode = 0x20; }
      i = j - 1;
      run = j;
      continue;
    }
    // a full-width form: fold digits, letters, ％ and separators between digits; a radical: its ideograph
    let ch = c < 0xff00 ? foldRadical(raw[i] as string) : thousandsComma(raw, i) ? ',' : foldWidth(raw[i] as string, raw[i - 1] ?? '', raw[i + 1] ?? '');
    if (ch === raw[i]) ch = from[line.start + i] as string;
    out += ch;
    w.map[w.len++] = line.start + i;
    lastCode = ch.charCodeAt(0);
  }
  flush(n);
  return out;
}

/** Heading-like: a marker line that is short, or a short line with no punctuation at all. */
function headingLike(t: string): boolean {
  if (LINE_MARKER.test(t) && t.length <= 60 && !/[。！？]./.test(t)) return true;
  return t.length <= 40 && !/[，。、；：！？,.;:!?]/.test(t);
}

function endsSentence(t: string): boolean {
  // an English full stop ends a sentence too, after a word or a figure
  return FINAL.test(t.replace(CLOSERS, '')) || /[。！？!?]$/.test(t) || /[A-Za-z0-9%)]\.$/.test(t);
}

/** A "key: value" line this short keeps its break (责任编辑:李婷, 位置:首页>>法治), and so does a row of page buttons (【打印】【关闭】). */
const SHORT_LINE = 40;
const KEY_VALUE = /^[\u4e00-\u9fa5A-Za-z]{1,8}[:：]/;
/** A byline this short keeps its break wherever its 来源: or 作者: stands (2012-04-25 09:57 来源:东南网). */
const BYLINE = 80;
let bylineKeys: RegExp | null = null;
function isByline(t: string): boolean {
  bylineKeys ??= new RegExp(`(?:${loadDictionaries().subjects.chrome.prefixes.filter((w) => /^[\u4e00-\u9fa5]{2,4}$/.test(w)).join('|')})[:：]`);
  return bylineKeys.test(t);
}
/** A photo caption ends with its credit (… 林晓 摄); the article goes on below it. */
const PHOTO_CREDIT = /[\u4e00-\u9fa5]{2,4}\s?[摄攝][)）]?$/;

export function buildView(original: string): TextView {
  const simplified = simplifyIfTraditional(original);
  const lines = splitLines(original);
  const w: ViewWriter = { parts: [], map: new Int32Array(original.length + 2), len: 0 };
  let prev: { text: string; breakStart: number } | null = null;
  let first = true;
  for (const line of lines) {
    // the break before this line goes in first, so reserve its slot and fill it in after
    const slot = w.len;
    if (prev !== null) w.len++;
    const t = cleanLine(original, simplified, line, w);
    if (t === '') { w.len = slot; continue; }
    if (prev !== null) {
      // a short "key: value" line is a line of its own (a web page's 来源 or 责任编辑 line)
      const keepBreak = first || endsSentence(prev.text) || headingLike(prev.text) || LINE_MARKER.test(t) || /^[-*+•·]/.test(t)
        || (prev.text.length <= SHORT_LINE && (KEY_VALUE.test(prev.text) || /】$/.test(prev.text))) || PHOTO_CREDIT.test(prev.text)
        || (prev.text.length <= BYLINE && isByline(prev.text)) || (t.length <= BYLINE && isByline(t))
        || (prev.text.length <= BYLINE && /^(?:https?:\/\/|www\.)/i.test(prev.text));
      first = false;
      const joiner = keepBreak ? '\n' : /[A-Za-z0-9,.;:]$/.test(prev.text) && /^[A-Za-z0-9]/.test(t) ? ' ' : '';
      if (joiner) { w.parts.push(joiner); w.map[slot] = prev.breakStart; }
      else { w.map.copyWithin(slot, slot + 1, w.len); w.len--; }
    }
    w.parts.push(t);
    prev = { text: t, breakStart: line.breakStart };
  }
  w.map[w.len] = original.length;
  return { original, text: w.parts.join(''), map: w.map.subarray(0, w.len + 1), script: simplified === null ? 'simplified' : 'traditional' };
}
