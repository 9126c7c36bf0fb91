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
import * as OpenCC from 'opencc-js';

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

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
const SPACE = /[ \t\u00a0\u2000-\u200a\u3000\u202f\u205f\f\v]/;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Chinese list and heading markers that start a new paragraph. */
export const LINE_MARKER = /^(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、是]|[（(]\d{1,2}[）)]|\d{1,2}(?:[、]|[.．](?!\d))|第[一二三四五六七八九十\d]{1,3}[章节部分条]|附件)/;
const FINAL = /[。！？；：!?;:…]$/;
const CLOSERS = /[”’」』）)》\]]+$/;

let t2sConverter: ((s: string) => string) | null = null;
function t2s(): (s: string) => string {
  const c = t2sConverter ?? OpenCC.Converter({ from: 't', to: 'cn' });
  t2sConverter = c;
  return c;
}
const charCache = new Map<string, string>();
function t2sChar(ch: string): string {
  let v = charCache.get(ch);
  if (v === undefined) {
    const c = t2s()(ch);
    v = c.length === ch.length ? c : ch;
    charCache.set(ch, v);
  }
  return v;
}

/**
 * Returns a same-length simplified copy when the text is written in traditional characters,
 * else null. Phrase-level conversion is used when it keeps the length, else per character.
 */
export function simplifyIfTraditional(text: string): string | null {
  let han = 0;
  let changed = 0;
  const n = Math.min(text.length, 20000);
  for (let i = 0; i < n; i++) {
    const ch = text[i] as string;
    if (!HAN.test(ch)) continue;
    han++;
    if (t2sChar(ch) !== ch) changed++;
  }
  if (changed < 5 || changed / Math.max(han, 1) < 0.03) return null;
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

interface Cleaned { chars: string[]; origs: number[] }

const LEADING_MD = /^[ \t\u3000]*(?:#{1,6}[ \t]+|[-*+][ \t]+|>[ \t]?)/;
const MD_LINK = /\[([^[\]\n]{0,200})\]\([^()\n]{0,500}\)/g;

function cleanLine(src: string, simplified: string | null, line: Line): Cleaned {
  // Which original units are dropped as Markdown residue.
  const drop = new Uint8Array(line.end - line.start);
  const raw = src.slice(line.start, line.end);
  const lead = LEADING_MD.exec(raw);
  if (lead) drop.fill(1, 0, lead[0].length);
  for (const m of raw.matchAll(MD_LINK)) {
    const at = m.index;
    const inner = (m[1] ?? '').length;
    drop[at] = 1;
    drop.fill(1, at + 1 + inner, at + m[0].length);
  }
  for (let i = raw.indexOf('**'); i >= 0; i = raw.indexOf('**', i + 2)) drop.fill(1, i, i + 2);

  const chars: string[] = [];
  const origs: number[] = [];
  const kept: number[] = [];
  for (let i = 0; i < raw.length; i++) if (!drop[i] && !ZERO_WIDTH.test(raw[i] as string)) kept.push(i);
  for (let k = 0; k < kept.length; k++) {
    const i = kept[k] as number;
    const ch = raw[i] as string;
    if (SPACE.test(ch)) {
      // whitespace run: find neighbours that are not whitespace
      let k2 = k;
      while (k2 + 1 < kept.length && SPACE.test(raw[kept[k2 + 1] as number] as string)) k2++;
      const before = chars.length > 0 ? (chars[chars.length - 1] as string) : '';
      const after = k2 + 1 < kept.length ? (raw[kept[k2 + 1] as number] as string) : '';
      const asciiBoth = before !== '' && after !== '' && before.charCodeAt(0) < 0x80 && after.charCodeAt(0) < 0x80
        && after.charCodeAt(0) !== 0xff0c;
      if (asciiBoth) { chars.push(' '); origs.push(line.start + i); }
      k = k2;
      continue;
    }
    const folded = thousandsComma(raw, i) ? ',' : foldWidth(ch, raw[i - 1] ?? '', raw[i + 1] ?? '');
    const out = folded !== ch ? folded : simplified !== null ? (simplified[line.start + i] as string) : ch;
    chars.push(out);
    origs.push(line.start + i);
  }
  return { chars, origs };
}

function lineText(c: Cleaned): string { return c.chars.join(''); }

/** Heading-like: a marker line that is short, or a short line with no punctuation at all. */
function headingLike(t: string): boolean {
  if (LINE_MARKER.test(t) && t.length <= 60 && !/[。！？]./.test(t)) return true;
  return t.length <= 40 && !/[，。、；：！？,.;:!?]/.test(t);
}

function endsSentence(t: string): boolean {
  return FINAL.test(t.replace(CLOSERS, '')) || /[。！？!?]$/.test(t);
}

export function buildView(original: string): TextView {
  const simplified = simplifyIfTraditional(original);
  const lines = splitLines(original);
  const chars: string[] = [];
  const origs: number[] = [];
  let prev: { text: string; breakStart: number } | null = null;
  for (const line of lines) {
    const c = cleanLine(original, simplified, line);
    const t = lineText(c);
    if (t === '') continue;
    if (prev !== null) {
      const keepBreak = endsSentence(prev.text) || headingLike(prev.text) || LINE_MARKER.test(t)
        || /^[-*+•·]/.test(t) || chars.length === prev.text.length;
      if (keepBreak) { chars.push('\n'); origs.push(prev.breakStart); }
      else if (/[A-Za-z0-9,.;:]$/.test(prev.text) && /^[A-Za-z0-9]/.test(t)) { chars.push(' '); origs.push(prev.breakStart); }
    }
    for (let i = 0; i < c.chars.length; i++) { chars.push(c.chars[i] as string); origs.push(c.origs[i] as number); }
    prev = { text: t, breakStart: line.breakStart };
  }
  const map = new Int32Array(chars.length + 1);
  for (let i = 0; i < origs.length; i++) map[i] = origs[i] as number;
  map[chars.length] = original.length;
  return { original, text: chars.join(''), map, script: simplified === null ? 'simplified' : 'traditional' };
}
