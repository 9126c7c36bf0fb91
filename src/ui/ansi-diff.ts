/**
 * ansi-tokenize's diffAnsiCodes, answered at once where the answer is nothing to change.
 *
 * Ink turns every cell of the screen back into text through ansi-tokenize, which asks, between
 * each two neighbouring characters, which escape codes lead from one's styles to the next's:
 * three Sets and four arrays a cell (1,920 cells at 80×24, 4,800 at 120×40), most of them
 * between two unstyled spaces. When both characters carry the very same codes, in the same
 * order (ansi-tokenize gives each character a copy of the list of the codes in force, so the
 * code objects are the same ones), the answer is the empty list, as diffAnsiCodes itself
 * computes it: nothing in `from` is overwritten or removed, nothing in `to` is new. Anything
 * else goes to diffAnsiCodes. test/ui/ansi-diff.test.ts compares the two on made-up styles.
 *
 * The bundle (scripts/bundle.mjs) gives this module to ansi-tokenize's styledChars.js in place of
 * its own diff.js.
 */
import { diffAnsiCodes as diffAll, type AnsiCode } from '@alcalzone/ansi-tokenize';

const NONE: AnsiCode[] = [];

export function diffAnsiCodes(from: AnsiCode[], to: AnsiCode[]): AnsiCode[] {
  if (from.length === to.length) {
    let same = true;
    for (let i = 0; i < from.length; i++) if (from[i] !== to[i]) { same = false; break; }
    // a fresh empty list each time, as diffAnsiCodes returns: callers may keep or extend it
    if (same) return NONE.slice();
  }
  return diffAll(from, to);
}
