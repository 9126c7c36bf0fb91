/**
 * Traditional characters in simplified ones, through opencc-js (its t2cn build: the
 * dictionaries of traditional → mainland simplified only, with the same conversions as the
 * full build). Reading a text asks for one character at a time, and opencc answers that in
 * microseconds after a converter that takes twenty milliseconds to make; so the answer for
 * every UTF-16 code unit is derived once from opencc into a table (t2s-table.ts), and the
 * converter is made only for a text in traditional characters, which is converted phrase by
 * phrase.
 */
import * as OpenCC from 'opencc-js/t2cn';

export { T2S_TABLE_PATH, simplifiedUnit, t2sTable } from './t2s-table.js';

let converter: ((s: string) => string) | null = null;
/** opencc's converter from traditional to mainland simplified characters (made on first use). */
export function t2s(): (s: string) => string {
  return (converter ??= OpenCC.Converter({ from: 't', to: 'cn' }));
}
