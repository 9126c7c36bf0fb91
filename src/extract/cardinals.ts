/**
 * Plain English cardinals ("five", "seven hundred", "twenty-three thousand", "one hundred and
 * twelve") read without compromise. compromise tags a whole window of text to find a number
 * and costs about half a millisecond a call, most of the English pipeline; a run of cardinal
 * words needs no tagging. Anything else near the words (a hyphen, "a hundred", "two and a
 * half", "two-thirds", ordinals, "dozens", digits) is left to compromise: this reader answers
 * only where a differential test shows it agrees with compromise, and otherwise returns null.
 */

const UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/** Cardinal words, and the words compromise reads as part of a number: fractions, ordinals (any word in -th, so "month" too), dozens. */
const NUMBERISH = '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen'
  + '|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?'
  + '|half|halves|quarters?|first|seconds?|thirds?|[a-z]+ths?|dozens?|score|point)';
/** A word after a run that changes its reading, or "and"/"a" that may start "and a half". */
const HANDS_OFF_AFTER = new RegExp(`^(?:${NUMBERISH}|and|a|an)$`, 'i');
/** Before a run: a number-ish word or digit, with or without punctuation (lists, "one) two"), or "a"/"and" (a hundred, one and two). */
const HANDS_OFF_BEFORE = new RegExp(`(?:\\b(?:${NUMBERISH}|a|an|and)|\\d)[^a-z\\d]*[\\s-]$`, 'i');
/** "one of three" is a fraction, and compromise reads it as one whatever stands between. */
const FRACTION_OF_AFTER = new RegExp(`^[^a-z\\d]*\\bof\\b[^a-z\\d]*(?:(?:${NUMBERISH}|a|an)\\b|\\d)`, 'i');
const FRACTION_OF_BEFORE = new RegExp(`(?:\\b${NUMBERISH}|\\d)[^a-z\\d]*\\bof\\b[^a-z\\d]*$`, 'i');
/** Punctuation and another number after a run: compromise may join them ("forty, one" as 41). */
const NUMBER_AFTER_PUNCTUATION = new RegExp(`^(?=[^a-z\\d]*[^a-z\\d\\s])[^a-z\\d]*(?:${NUMBERISH}\\b|\\d)`, 'i');

export interface Cardinal { readonly start: number; readonly end: number; readonly value: number }

type Kind = 'start' | 'unit' | 'tens' | 'hundred' | 'scale' | 'and';

/**
 * The cardinal that starts with the number word at `at` in `s`, or null when the words around
 * it are not a plain run of cardinal words (then compromise reads them).
 */
export function plainCardinal(s: string, at: number): Cardinal | null {
  const before = s.slice(Math.max(0, at - 24), at);
  if (HANDS_OFF_BEFORE.test(before) || FRACTION_OF_BEFORE.test(before)) return null;
  // only after a space or at the start: compromise reads a number after a bracket or quote its own way
  if (at > 0 && !/\s/.test(s[at - 1] as string)) return null;
  const word = /[A-Za-z]+/y;
  let pos = at;
  let end = at;
  let total = 0;
  let current = 0;
  let lastScale = Number.POSITIVE_INFINITY;
  let last: Kind = 'start';
  for (;;) {
    word.lastIndex = pos;
    const m = word.exec(s);
    if (!m) break;
    const w = m[0].toLowerCase();
    const sep = pos === at ? '' : s.slice(end, pos);
    let kind: Kind;
    if (w in UNITS) {
      const v = UNITS[w] as number;
      if (sep === '-' ? !(last === 'tens' && v >= 1 && v <= 9) : !(last === 'start' || last === 'hundred' || last === 'scale' || last === 'and' || (last === 'tens' && v >= 1 && v <= 9))) return null;
      current += v; kind = 'unit';
    } else if (sep === '-') {
      return null; // seven-year, twenty-first, two-thirds
    } else if (w in TENS) {
      if (!(last === 'start' || last === 'hundred' || last === 'scale' || last === 'and')) return null;
      current += TENS[w] as number; kind = 'tens';
    } else if (w === 'hundred') {
      if (!(last === 'unit' || last === 'tens') || current === 0 || current >= 100) return null;
      current *= 100; kind = 'hundred';
    } else if (w in SCALES) {
      const scale = SCALES[w] as number;
      if (!(last === 'unit' || last === 'tens' || last === 'hundred') || scale >= lastScale) return null;
      total += current * scale; current = 0; lastScale = scale; kind = 'scale';
    } else if (w === 'and' && (last === 'hundred' || last === 'scale')) {
      const next = /^\s([A-Za-z]+)/.exec(s.slice(m.index + 3));
      const nw = next?.[1]?.toLowerCase() ?? '';
      if (!(nw in UNITS || nw in TENS)) return null;
      kind = 'and';
    } else {
      break;
    }
    if (kind !== 'and') end = m.index + m[0].length;
    last = kind;
    // the next word must follow after exactly one space, or a hyphen inside twenty-three
    const gap = /^(?: |-)(?=[A-Za-z])/.exec(s.slice(m.index + m[0].length));
    if (!gap) break;
    pos = m.index + m[0].length + 1;
    if (kind === 'and' && gap[0] !== ' ') return null;
  }
  if (last === 'start' || last === 'and') return null;
  const run = s.slice(at, end);
  // "one" alone is as often a pronoun or determiner (one more, one of, no one): compromise decides
  if (/^one$/i.test(run)) return null;
  // Title Case away from a sentence start is a name (One Billion Cells), left to compromise
  if (/[A-Z]/.test(run) && !(/^[A-Z][a-z]+(?:[ -][a-z]+)*$/.test(run) && /(?:^\s*|[.!?]\s+|\n\s*)$/.test(s.slice(Math.max(0, at - 4), at)))) return null;
  // only whitespace or sentence punctuation may follow: compromise keeps `, ** or > in its span
  if (!/^(?:\s*$|\s+[(“"]?[A-Za-z]|[.,;:!?)”"]+(?:\s*$|\s+[(“"]?[A-Za-z]))/.test(s.slice(end, end + 6))) return null;
  const after = s.slice(end, end + 24);
  const nextWord = /^[^a-z\d]*([a-z]+)/i.exec(after)?.[1];
  if ((nextWord !== undefined && HANDS_OFF_AFTER.test(nextWord)) || NUMBER_AFTER_PUNCTUATION.test(after) || FRACTION_OF_AFTER.test(after)) return null;
  return { start: at, end, value: total + current };
}
