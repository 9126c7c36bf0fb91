/** Display-width helpers: Chinese characters take two columns. */
import stringWidth from 'string-width';

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
