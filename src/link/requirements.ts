/**
 * Criteria thresholds as structured requirements (一般应累计从事信访工作5年以上; 近5年来本单位
 * 未发生违法违纪), and per nominee the evidence found for them, or that none was found.
 */
import type { Approx } from '../dictionaries.js';
import { chineseToNumber } from '../extract/numerals.js';
import type { NomineeKind } from '../structure/document.js';

export type RequirementKind = 'service_years' | 'clean_record';

export interface Requirement {
  readonly criterion: string;
  readonly kind: RequirementKind;
  readonly text: string;
  readonly value: number;
  readonly unit: string;
  readonly approx: Approx;
  readonly group: NomineeKind;
}

const NUM = '(\\d+|[一二三四五六七八九十两]+)';
const SERVICE = new RegExp(`(?:累计)?从事信访(?:工作)?\\s*${NUM}\\s*年以上`);
const CLEAN = new RegExp(`近\\s*${NUM}\\s*年(?:来|内|以来)?[^。]{0,8}未(?:发生|出现)[^。]{0,6}(?:违法违纪|违纪违法)`);

function num(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : (EN_NUMBERS[s.toLowerCase()] ?? chineseToNumber(s) ?? Number.NaN);
}

const NUM_EN = '(\\d+|one|two|three|four|five|six|seven|eight|nine|ten)';
const SERVICE_EN = new RegExp(`at least ${NUM_EN} years of petition work`, 'i');
const CLEAN_EN = new RegExp(`no violations? of (?:law|discipline)[^.]{0,40}?(?:past|last) ${NUM_EN} years`, 'i');
const EN_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

export function requirementsOf(criteria: ReadonlyArray<{ id: string; group: NomineeKind; text: string }>): Requirement[] {
  const out: Requirement[] = [];
  for (const c of criteria) {
    const s = SERVICE.exec(c.text) ?? SERVICE_EN.exec(c.text);
    if (s) out.push({ criterion: c.id, kind: 'service_years', text: s[0], value: num(s[1] as string), unit: '年', approx: 'at_least', group: c.group });
    const k = CLEAN.exec(c.text) ?? CLEAN_EN.exec(c.text);
    if (k) out.push({ criterion: c.id, kind: 'clean_record', text: k[0], value: num(k[1] as string), unit: '年', approx: 'at_most', group: c.group });
  }
  return out.filter((r) => Number.isFinite(r.value));
}

export type EvidenceStatus = 'met' | 'not_met' | 'stated' | 'no_evidence';

/** A claim's lowest possible value, given its approximation (近5年 might be 4). */
export function lowerBound(value: number, approx: Approx): number {
  // 近10年 is a little under ten years; 不超过10年 could be anything up to ten
  return approx === 'at_most' ? 0 : approx === 'under' ? value * 0.8 : approx === 'about' ? value * 0.9 : value;
}

export const CLEAN_STATEMENT = /未(?:发生|出现)[^。，；]{0,10}(?:违法违纪|违纪违法|违纪|违法)|no (?:staff member|one|member|violations?)[^.]{0,40}(?:disciplined|violat)/i;
