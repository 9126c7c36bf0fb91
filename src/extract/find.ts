/**
 * Find: where a numeral starts, and the numeral there (Arabic, Chinese, or a scale standing alone).
 */
import { parseNumberAt, type ParsedNumber } from './numerals.js';
import { NUMBER_START, isDigit } from './context.js';
import type { Range } from '../structure/document.js';

/** The numeral starting at `i` inside paragraph `p`, or null where none starts there. */
export function numeralAt(text: string, i: number, p: Range): ParsedNumber | null {
  const c = text.charCodeAt(i);
  if (!NUMBER_START[c]) return null;
  const pc = i > 0 ? text.charCodeAt(i - 1) : 0;
  // inside a number (1,260 or 3.5); a comma after a character is punctuation (生产,300多名)
  if (isDigit(c) && (isDigit(pc) || ((pc === 0x2e || pc === 0x2c) && isDigit(text.charCodeAt(i - 2))))) return null;
  const num = bareScaleAt(text, i) ?? parseNumberAt(text, i);
  return num && num.end <= p.end ? num : null;
}

const BARE_SCALE: Record<string, number> = { 亿: 1e8, 万: 1e4, 千: 1e3 };
/**
 * A scale standing alone as the number: after a hedge (逾亿元, 近万人, 上万件) or before 余/多
 * (接待群众万余次, 千余人). Not after a numeral, where it is part of that numeral.
 */
function bareScaleAt(text: string, i: number): ParsedNumber | null {
  const ch = text[i] ?? '';
  const value = BARE_SCALE[ch];
  if (value === undefined) return null;
  const prev = text[i - 1] ?? '';
  if (NUMBER_START[prev.charCodeAt(0)] || prev === '.' || prev === '第') return null;
  if (/[逾近超上]/.test(prev) && ch !== '千' || /^[余多]/.test(text.slice(i + 1, i + 2))) return { start: i, end: i + 1, value, script: 'chinese' };
  return null;
}

