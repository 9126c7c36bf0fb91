/**
 * string-width's answer, without its start-up cost where it cannot differ.
 *
 * string-width segments a string into graphemes (Intl.Segmenter) and tests each against
 * `\p{RGI_Emoji}`; making that segmenter and compiling that expression costs some 40 ms on a
 * cold start, before the review UI's first frame. A string made only of the characters below
 * (ASCII, Latin, Greek, general punctuation and symbols, CJK ideographs, kana, bopomofo, CJK
 * and full-width punctuation) holds no emoji, no combining mark, no joiner, no Hangul jamo
 * and nothing invisible: each of its characters is a grapheme of its own, and its width is the
 * sum of their East Asian widths, which is what string-width computes for it. Anything else
 * (an emoji, an escape sequence, a surrogate pair) goes to string-width itself, loaded on
 * first need. test/ui/string-width.test.ts checks every character of the class against
 * string-width, both ways of counting the ambiguous ones.
 *
 * The bundle (scripts/bundle.mjs) gives this module to Ink and its packages in place of
 * string-width, so the whole UI measures with it.
 */
import { createRequire } from 'node:module';
import { eastAsianWidth } from 'get-east-asian-width';

export interface WidthOptions { readonly ambiguousIsNarrow?: boolean; readonly countAnsiEscapeCodes?: boolean }

/** Characters whose width string-width takes from their East Asian width alone (BMP, no u flag: a surrogate falls outside). */
export const SIMPLE = /^[\u0020-\u007e\u00a0-\u00a8\u00aa-\u00ac\u00af-\u024f\u0370-\u0377\u037a-\u037f\u0384-\u038a\u038c\u038e-\u03a1\u03a3-\u03ff\u2010-\u2027\u2030-\u203b\u203d-\u2048\u204a-\u205e\u2100-\u2121\u2123-\u2138\u213a-\u218b\u2190-\u2193\u219a-\u21a8\u21ab-\u22ff\u2460-\u24c1\u24c3-\u25a9\u25ac-\u25b5\u25b7-\u25bf\u25c1-\u25fa\u25ff\u2605-\u260d\u260f\u2610\u2612\u2613\u2616\u2617\u2619-\u261c\u261e\u261f\u2621\u2624\u2625\u2627-\u2629\u262b-\u262d\u2630-\u2637\u263b-\u263f\u2641\u2643-\u2647\u2654-\u265e\u2661\u2662\u2664\u2667\u2669-\u267a\u267c\u267d\u2680-\u2691\u2698\u269a\u269d-\u269f\u26a2-\u26a6\u26a8\u26a9\u26ac-\u26af\u26b2-\u26bc\u26bf-\u26c3\u26c6\u26c7\u26c9-\u26cd\u26d0\u26d2\u26d5-\u26e8\u26eb-\u26ef\u26f6\u26fb\u26fc\u26fe-\u2701\u2703\u2704\u2706\u2707\u270e\u2710\u2711\u2713\u2715\u2717-\u271c\u271e-\u2720\u2722-\u2727\u2729-\u2732\u2735-\u2743\u2745\u2746\u2748-\u274b\u274d\u274f-\u2752\u2756\u2758-\u2762\u2765-\u2794\u2798-\u27a0\u27a2-\u27af\u27b1-\u27be\u27c0-\u2933\u2936-\u2b04\u2b08-\u2b1a\u2b1d-\u2b4f\u2b51-\u2b54\u2b56-\u2b73\u2b76-\u2bff\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3000-\u3029\u3031-\u303c\u303e\u303f\u3041-\u3096\u309b-\u30ff\u3105-\u312f\u3190-\u31e5\u31ef-\u321e\u3220-\u3296\u3298\u329a-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9\ufe10-\ufe19\ufe30-\ufe4f\uff01-\uff9d\uffa1-\uffbe\uffc2-\uffc7\uffca-\uffcf\uffd2-\uffd7\uffda-\uffdc\uffe0-\uffe6\uffe8-\uffee]*$/;
const ASCII = /^[\u0020-\u007e]*$/;
const SGR = /\u001B\[[0-9;]*m/g;
const NARROW = { ambiguousAsWide: false };
const WIDE = { ambiguousAsWide: true };

let full: ((s: string, options?: WidthOptions) => number) | undefined;

/** string-width, loaded the first time a string needs it (require of an ES module: Node ≥ 20.19). */
export function fullStringWidth(s: string, options?: WidthOptions): number {
  full ??= (createRequire(import.meta.url)('string-width') as { default: (s: string, options?: WidthOptions) => number }).default;
  return full(s, options);
}

/** The columns `input` takes in a terminal, as string-width counts them. */
export default function stringWidth(input: string, options: WidthOptions = {}): number {
  if (typeof input !== 'string' || input.length === 0) return 0;
  let s = input;
  // colours and weights (SGR sequences) take no columns, as string-width's strip-ansi says
  if (options.countAnsiEscapeCodes !== true && s.includes('\u001B')) s = s.replace(SGR, '');
  if (ASCII.test(s)) return s.length;
  if (!SIMPLE.test(s)) return fullStringWidth(input, options);
  const o = options.ambiguousIsNarrow === false ? WIDE : NARROW;
  let w = 0;
  for (let i = 0; i < s.length; i++) w += eastAsianWidth(s.charCodeAt(i), o);
  return w;
}
