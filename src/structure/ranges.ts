/**
 * Where a position stands in the structure: its paragraph, the headings of a scanned range, and
 * the heading path above it. All offsets are view offsets.
 */
import type { HeadingNode, Range } from './document.js';

/** Headings starting inside a range; headings are in text order. */
export function headingsIn(headings: readonly HeadingNode[], r: Range): HeadingNode[] {
  let lo = 0;
  let hi = headings.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if ((headings[mid] as HeadingNode).start < r.start) lo = mid + 1; else hi = mid; }
  const out: HeadingNode[] = [];
  for (let i = lo; i < headings.length && (headings[i] as HeadingNode).start < r.end; i++) out.push(headings[i] as HeadingNode);
  return out;
}

/** The paragraph holding `pos`, by binary search over paragraphs in text order. */
export function paragraphAt(paras: readonly Range[], pos: number): Range | undefined {
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

/** The heading path above `pos` within a scanned range, and the deepest standalone heading (its section). */
export function deepestHeadings(headings: readonly HeadingNode[], pos: number, scan: Range): { section: HeadingNode | null; path: HeadingNode[] } {
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
