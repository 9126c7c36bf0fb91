/** Display-width helpers: Chinese characters take two columns. */
import stringWidth from './string-width.js';
import { simplifiedUnit } from '../read/simplified.js';

export const width = (s: string): number => stringWidth(s);

/** Cuts `s` to at most `w` columns, ending with … when cut. */
export function fit(s: string, w: number): string {
  if (w <= 0) return '';
  if (stringWidth(s) <= w) return s;
  let out = '';
  let used = 0;
  for (const ch of s) {
    const cw = stringWidth(ch);
    if (used + cw > w - 1) break;
    out += ch;
    used += cw;
  }
  return `${out}…`;
}

/** Pads (or cuts) `s` to exactly `w` columns. */
export function cell(s: string, w: number): string {
  const f = fit(s, w);
  return f + ' '.repeat(Math.max(0, w - stringWidth(f)));
}

/** Pads on the left, for numbers. */
export function rcell(s: string, w: number): string {
  const f = fit(s, w);
  return ' '.repeat(Math.max(0, w - stringWidth(f))) + f;
}

/** A run of text with one look: plain, the claim's own span, or a searched term. */
export interface Segment { readonly text: string; readonly mark?: 'span' | 'term' }

/** Chinese punctuation that closes what comes before it, which Chinese typesetting keeps off the start of a line. */
const CLOSING = /^[，。、；：？！）」』”’》〉】〕〗〙…‥％]$/u;

/** Display units for wrapping: a Latin word, one space, or one other character (a Chinese one breaks anywhere). */
function tokens(s: string): string[] {
  return s.match(/[A-Za-z0-9][A-Za-z0-9.,%'’\-/]*|\s|[^]/gu) ?? [];
}

/**
 * Wraps styled segments into lines of at most `w` columns, as a terminal shows them: Chinese
 * breaks between any two characters, English between words (a word longer than a line is cut).
 * Returns each line as its segments, so that a highlight that crosses a line break stays on both.
 */
export function wrapSegments(segments: readonly Segment[], w: number): Segment[][] {
  const lines: Segment[][] = [];
  let line: Segment[] = [];
  let used = 0;
  const push = (text: string, mark: Segment['mark']): void => {
    const last = line[line.length - 1];
    if (last && last.mark === mark) line[line.length - 1] = { ...last, text: last.text + text };
    else line.push(mark ? { text, mark } : { text });
  };
  const breakLine = (): void => { lines.push(line); line = []; used = 0; };
  /** The line's last character, taken off it (to go down with a closing mark), or null. */
  const takeLast = (): { ch: string; mark: Segment['mark'] } | null => {
    const last = line[line.length - 1];
    const chars = last ? [...last.text] : [];
    const ch = chars.pop();
    if (!last || ch === undefined || /\s/.test(ch) || (line.length === 1 && chars.length === 0)) return null;
    if (chars.length === 0) line.pop(); else line[line.length - 1] = { ...last, text: chars.join('') };
    return { ch, mark: last.mark };
  };
  for (const seg of segments) {
    for (const t of tokens(seg.text)) {
      const tw = stringWidth(t);
      if (/^\s$/.test(t) && used === 0 && lines.length > 0) continue;
      if (used + tw <= w) { push(t, seg.mark); used += tw; continue; }
      // a closing mark (，。」…) does not start a line: the character before it goes down with it
      if (CLOSING.test(t) && w >= 4) {
        const carried = takeLast();
        breakLine();
        if (carried) { push(carried.ch, carried.mark); used = stringWidth(carried.ch); }
        push(t, seg.mark); used += tw; continue;
      }
      if (tw <= w && /^\S/.test(t)) { breakLine(); push(t, seg.mark); used = tw; continue; }
      if (/^\s$/.test(t)) { breakLine(); continue; }
      for (const ch of t) {
        const cw = stringWidth(ch);
        if (used + cw > w) breakLine();
        push(ch, seg.mark);
        used += cw;
      }
    }
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * `s` as a search compares it, unit for unit (so offsets into it are offsets into `s`):
 * traditional characters as simplified ones (信訪 as 信访, through the reader's own table),
 * full-width Latin letters, digits and signs as ASCII (ＡＢＣ１２３ as ABC123), the ideographic
 * space as a space, and lower case.
 */
export function searchFold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (c === 0x3000) c = 0x20;
    else if (c >= 0x3400) c = simplifiedUnit(c);
    out += String.fromCharCode(c);
  }
  return out.toLowerCase();
}

/** Where `term` occurs in `s`, as [start, end) pairs: in either script, full-width or not, ignoring case (see searchFold). */
export function occurrences(s: string, term: string): Array<[number, number]> {
  const t = searchFold(term.trim());
  if (t === '') return [];
  const low = searchFold(s);
  const out: Array<[number, number]> = [];
  // toLowerCase keeps the UTF-16 length for the scripts of these documents
  if (low.length !== s.length || t.length !== term.trim().length) return s.includes(term.trim()) ? [[s.indexOf(term.trim()), s.indexOf(term.trim()) + term.trim().length]] : [];
  for (let i = low.indexOf(t); i >= 0; i = low.indexOf(t, i + t.length)) out.push([i, i + t.length]);
  return out;
}

/** `s` as segments with every occurrence of `term` marked. */
export function markTerm(s: string, term: string): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const [a, b] of occurrences(s, term)) {
    if (a > at) out.push({ text: s.slice(at, a) });
    out.push({ text: s.slice(a, b), mark: 'term' });
    at = b;
  }
  if (at < s.length || out.length === 0) out.push({ text: s.slice(at) });
  return out;
}

/**
 * One line of at most `w` columns cut from `s` around the occurrence of `term` nearest to
 * `anchor` (a [start, end) range of `s`, such as the claim in its sentence), the term marked,
 * the anchor marked as the span, with … where the text was cut.
 */
export function snippet(s: string, term: string, w: number, anchor: readonly [number, number] | null = null): Segment[] {
  const flat = s.replace(/\s/g, ' ');
  const hits = occurrences(flat, term);
  const near = (h: [number, number]): number => (anchor ? Math.abs(h[0] - anchor[0]) : h[0]);
  const hit = [...hits].sort((x, y) => near(x) - near(y))[0];
  // the term first; the claim too when both fit on the line
  let [lo, hi] = hit ?? anchor ?? [0, 0];
  if (hit && anchor && stringWidth(flat.slice(Math.min(hit[0], anchor[0]), Math.max(hit[1], anchor[1]))) <= w - 2) [lo, hi] = [Math.min(hit[0], anchor[0]), Math.max(hit[1], anchor[1])];
  // then about a third of what is left of the line before it
  let from = lo;
  let before = 0;
  const room = Math.floor(Math.max(0, w - 2 - stringWidth(flat.slice(lo, hi))) / 3);
  while (from > 0 && before + stringWidth(flat[from - 1] as string) <= room) { from--; before += stringWidth(flat[from] as string); }
  if (stringWidth(flat) <= w) from = 0;
  const marks: Array<[number, number, 'span' | 'term']> = [...(anchor ? [[anchor[0], anchor[1], 'span'] as [number, number, 'span']] : []), ...hits.map(([a, b]): [number, number, 'term'] => [a, b, 'term'])];
  const out: Segment[] = from > 0 ? [{ text: '…' }] : [];
  let at = from;
  for (let i = at; i <= flat.length; i++) {
    const mark = marks.find(([a, b, k]) => k === 'term' && i >= a && i < b)?.[2] ?? marks.find(([a, b]) => i >= a && i < b)?.[2];
    const prev = i > at ? (marks.find(([a, b, k]) => k === 'term' && i - 1 >= a && i - 1 < b)?.[2] ?? marks.find(([a, b]) => i - 1 >= a && i - 1 < b)?.[2]) : mark;
    if (i === flat.length || mark !== prev) {
      if (i > at) out.push(prev ? { text: flat.slice(at, i), mark: prev } : { text: flat.slice(at, i) });
      at = i;
    }
  }
  return clip(out, w);
}

/** Segments cut to at most `w` columns, ending with … when cut. */
export function clip(segments: readonly Segment[], w: number): Segment[] {
  const total = segments.reduce((a, s) => a + stringWidth(s.text), 0);
  if (total <= w) return [...segments];
  const out: Segment[] = [];
  let left = w - 1;
  for (const s of segments) {
    if (left <= 0) break;
    const f = stringWidth(s.text) <= left ? s.text : fit(s.text, left + 1).slice(0, -1);
    out.push(s.mark ? { text: f, mark: s.mark } : { text: f });
    left -= stringWidth(f);
    if (f.length < s.text.length) break;
  }
  out.push({ text: '…' });
  return out;
}
