/**
 * A part of jieba's dictionary that segments like the whole of it, for the texts it was made for.
 *
 * cppjieba (nodejieba) reads the dictionary into a trie and only ever looks up stretches of the
 * text it is given: the route through a sentence is the most probable one over the dictionary
 * words the sentence contains, and a word's tag is its own entry. So a dictionary holding every
 * word that occurs in a text segments and tags that text exactly as the whole dictionary does,
 * provided three figures cppjieba computes over the whole file stay the same:
 * - the sum of the frequencies, which turns each frequency into a log probability: a filler line
 *   holds the rest of the sum;
 * - the least weight, given to a character that is no word: a filler line has the least frequency;
 * - the median weight, given to a user dictionary word listed without a frequency: such lines
 *   are handed over with the median frequency written out (a word alone also with an empty tag,
 *   as cppjieba gives it).
 * The filler lines are of one noncharacter, U+FDD0, which no text may contain: a text holding it
 * is segmented with the whole dictionary. All frequencies are whole numbers, so the sums are exact.
 */
import type { DictionaryIndex } from './dictionary-index.js';

/** The word of the filler lines; a text containing it never uses a part. */
export const FILLER = '\ufdd0';

/**
 * The dictionary file holding the words `words` (node and text, as the index found them) and
 * the filler lines; null when the words are so many that no filler can restore the sum.
 */
export function subsetDictionary(index: DictionaryIndex, words: ReadonlyMap<number, string>): string | null {
  const lines: string[] = [];
  let sum = 0;
  for (const [node, word] of words) {
    const line = index.line(node, word);
    sum += Number(line.slice(word.length + 1, line.indexOf(' ', word.length + 1)));
    lines.push(line);
  }
  const rest = index.freqSum - sum - index.minFreq;
  if (rest <= 0) return null;
  lines.push(`${FILLER} ${index.minFreq} x`, `${FILLER} ${rest} x`, '');
  return lines.join('\n');
}

/**
 * A user dictionary's text with the median frequency written into each line that lacks one
 * ("word" and "word tag"); null when such a line ends in a carriage return, which cppjieba
 * would read as part of its tag.
 */
export function userDictionary(text: string, medianFreq: number): string | null {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const f = fields(line);
    if (f.length === 0 || f.length >= 3) { out.push(line); continue; }
    if (line.endsWith('\r')) return null;
    const tag = f[1] ?? '';
    // "word median tag"; an empty tag needs a space after it to count as a field
    out.push(`${f[0] as string} ${medianFreq} ${tag}${tag === '' ? ' ' : ''}`);
  }
  return out.join('\n');
}

/** A line's fields as cppjieba splits it (limonp's Split on ' '): "a  b" has three, "a " one. */
function fields(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < line.length) {
    const end = line.indexOf(' ', start);
    if (end < 0) { out.push(line.slice(start)); break; }
    out.push(line.slice(start, end));
    start = end + 1;
  }
  return out;
}
