/**
 * Loads and validates dictionaries/checks.yaml, the wording the check modules rely on. The
 * modules keep the one interface `(claims, text) => Check[]`, so they read the table of the
 * bundled dictionaries folder.
 */
import { readFileSync } from 'node:fs';
import { parseYaml } from '../yaml.js';
import { DEFAULT_DICTIONARY_DIR } from '../dictionaries.js';
import { ShijiError } from '../errors.js';

export const CHECKS_FILE = 'checks.yaml';

export interface RateWord { readonly word: string; readonly kind: 'percent' | 'ratio'; readonly numerator: readonly string[] }
export interface Whole { readonly whole: string; readonly parts: readonly string[] }
export interface CheckTables {
  readonly intake: readonly string[];
  readonly parts: readonly string[];
  readonly rateBase: readonly string[];
  readonly channels: readonly string[];
  readonly rates: readonly RateWord[];
  readonly wholes: readonly Whole[];
  readonly unitFamilies: readonly (readonly string[])[];
  readonly duplicateMinDigits: number;
}

const words = (v: unknown): v is string[] => Array.isArray(v) && v.every((w) => typeof w === 'string' && w !== '');
function twice(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup: string[] = [];
  for (const w of list) { if (seen.has(w)) dup.push(w); seen.add(w); }
  return dup;
}

/** Every problem found in the raw table; empty when usable. */
export function validateCheckTables(raw: unknown): string[] {
  const o = raw as Record<string, unknown> | null;
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return [`${CHECKS_FILE}: not a mapping`];
  const problems: string[] = [];
  for (const k of ['intake', 'parts', 'rate_base', 'channels']) {
    const v = o[k];
    if (!words(v)) problems.push(`${CHECKS_FILE}: ${k} must be a list of words`);
    else for (const d of twice(v)) problems.push(`${CHECKS_FILE}: ${k} lists "${d}" twice`);
  }
  const rates = o['rates'];
  if (!Array.isArray(rates)) problems.push(`${CHECKS_FILE}: rates must be a list`);
  else {
    const seen: string[] = [];
    for (const r of rates as Array<Record<string, unknown>>) {
      const w = typeof r?.['word'] === 'string' && r['word'] !== '' ? r['word'] : null;
      if (w === null) { problems.push(`${CHECKS_FILE}: a rate without a word: ${JSON.stringify(r)}`); continue; }
      seen.push(w);
      if (r['kind'] !== 'percent' && r['kind'] !== 'ratio') problems.push(`${CHECKS_FILE}: ${w}: kind must be percent or ratio`);
      if (!words(r['numerator']) || r['numerator'].length === 0) problems.push(`${CHECKS_FILE}: ${w}: numerator must be a list of words`);
    }
    for (const d of twice(seen)) problems.push(`${CHECKS_FILE}: rate "${d}" listed twice`);
  }
  const wholes = o['wholes'];
  if (!Array.isArray(wholes)) problems.push(`${CHECKS_FILE}: wholes must be a list`);
  else {
    for (const w of wholes as Array<Record<string, unknown>>) {
      const name = typeof w?.['whole'] === 'string' && w['whole'] !== '' ? w['whole'] : null;
      if (name === null) { problems.push(`${CHECKS_FILE}: a whole without a name: ${JSON.stringify(w)}`); continue; }
      const parts = w['parts'];
      if (!words(parts) || parts.length < 2) problems.push(`${CHECKS_FILE}: ${name}: parts must list at least two words`);
      else if (twice(parts).length > 0) problems.push(`${CHECKS_FILE}: ${name}: parts list "${twice(parts)[0] as string}" twice`);
    }
  }
  const fam = o['unit_families'];
  if (!Array.isArray(fam) || !fam.every((f) => words(f) && f.length >= 2)) problems.push(`${CHECKS_FILE}: unit_families must be lists of at least two units`);
  else for (const d of twice(fam.flat() as string[])) problems.push(`${CHECKS_FILE}: unit "${d}" is in two families`);
  const min = o['duplicate_min_digits'];
  if (!(typeof min === 'number' && Number.isInteger(min) && min >= 1)) problems.push(`${CHECKS_FILE}: duplicate_min_digits must be a positive whole number`);
  return problems;
}

const cache = new Map<string, CheckTables>();
export function loadCheckTables(dir: string = DEFAULT_DICTIONARY_DIR): CheckTables {
  const hit = cache.get(dir);
  if (hit) return hit;
  const path = `${dir}/${CHECKS_FILE}`;
  let raw: unknown;
  try { raw = parseYaml(readFileSync(path, 'utf8')) as unknown; } catch (e) {
    throw new ShijiError('dictionary', `${path}: ${(e as Error).message.split('\n')[0] ?? 'unreadable'}`);
  }
  const problems = validateCheckTables(raw);
  if (problems.length > 0) throw new ShijiError('dictionary', `bad dictionary data: ${problems[0] as string}`);
  const r = raw as { intake: string[]; parts: string[]; rate_base: string[]; channels: string[]; rates: RateWord[]; wholes: Whole[]; unit_families: string[][]; duplicate_min_digits: number };
  const t: CheckTables = {
    intake: r.intake, parts: r.parts, rateBase: r.rate_base, channels: r.channels,
    rates: [...r.rates].sort((a, b) => b.word.length - a.word.length),
    wholes: [...r.wholes].sort((a, b) => b.whole.length - a.whole.length),
    unitFamilies: r.unit_families, duplicateMinDigits: r.duplicate_min_digits,
  };
  cache.set(dir, t);
  return t;
}

/** Units that count the same thing: equal, or in one family. */
export function sameFamily(t: CheckTables, a: string, b: string): boolean {
  if (a === b) return true;
  return t.unitFamilies.some((f) => f.includes(a) && f.includes(b));
}
