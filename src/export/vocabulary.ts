/**
 * The tables' own vocabulary, as data (dictionaries/export.yaml, dictionaries/units-en.yaml): the
 * fixed set of numeric total columns, English units mapped onto Chinese ones, and the Chinese
 * headers, category names, titles and cell values of `--lang zh`. Read once, validated at load.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CATEGORIES, type Category } from '../extract/claims.js';
import { DEFAULT_DICTIONARY_DIR } from '../dictionaries.js';
import { ShijiError } from '../errors.js';

export interface TotalUnit { readonly unit: string; readonly also: readonly string[] }

export interface ExportVocabulary {
  /** per summable category, the units with numeric columns of their own, in column order */
  readonly totals: ReadonlyMap<Category, readonly TotalUnit[]>;
  readonly categories: Readonly<Record<Category, { readonly en: string; readonly zh: string }>>;
  readonly words: Readonly<Record<'claims' | 'low' | 'high' | 'other', { readonly en: string; readonly zh: string }>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly titles: Readonly<Record<string, string>>;
  readonly values: Readonly<Record<string, string>>;
  /** English unit (lower case) → Chinese unit */
  readonly unitsEn: Readonly<Record<string, string>>;
}

export const EXPORT_FILES = ['export.yaml', 'units-en.yaml'] as const;

export function readExportTables(dir: string = DEFAULT_DICTIONARY_DIR): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of EXPORT_FILES) {
    try { out[f] = parse(readFileSync(`${dir}/${f}`, 'utf8')) as unknown; } catch (e) {
      throw new ShijiError('dictionary', `${dir}/${f}: ${(e as Error).message.split('\n')[0] ?? 'unreadable'}`);
    }
  }
  return out;
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function checkPairs(file: string, name: string, v: unknown, keys: readonly string[], problems: string[]): void {
  if (!isMap(v)) { problems.push(`${file}: ${name} must be a mapping`); return; }
  for (const k of keys) {
    const e = v[k];
    if (!isMap(e) || !isText(e['en']) || !isText(e['zh'])) problems.push(`${file}: ${name}.${k} needs en and zh`);
  }
  for (const k of Object.keys(v)) if (!keys.includes(k)) problems.push(`${file}: ${name}.${k} is unknown`);
}

function checkStrings(file: string, name: string, v: unknown, problems: string[]): void {
  if (!isMap(v)) { problems.push(`${file}: ${name} must be a mapping`); return; }
  for (const [k, s] of Object.entries(v)) if (!isText(s)) problems.push(`${file}: ${name}.${k} must be a non-empty string`);
}

/**
 * Every problem of the raw export tables. `units` are units.yaml's units and `english` the units of
 * english.yaml, so that every English unit maps onto a known Chinese unit and no total column
 * names a unit the extractor never gives.
 */
export function validateExportTables(raw: Record<string, unknown>, units: readonly string[], english: readonly string[]): string[] {
  const problems: string[] = [];
  const ex = raw['export.yaml'];
  if (!isMap(ex)) return ['export.yaml: not a mapping'];
  const totals = ex['totals'];
  if (!isMap(totals)) problems.push('export.yaml: totals must be a mapping');
  else {
    for (const [cat, list] of Object.entries(totals)) {
      if (!(CATEGORIES as readonly string[]).includes(cat)) problems.push(`export.yaml: totals: unknown category ${cat}`);
      if (!Array.isArray(list) || list.length === 0) { problems.push(`export.yaml: totals.${cat} must be a list of units`); continue; }
      const seen = new Set<string>();
      for (const e of list as unknown[]) {
        const u = isMap(e) ? e['unit'] : undefined;
        const also = isMap(e) ? e['also'] ?? [] : [];
        if (!isText(u) || !Array.isArray(also) || !also.every(isText)) { problems.push(`export.yaml: totals.${cat}: bad entry ${JSON.stringify(e)}`); continue; }
        for (const x of [u, ...also]) {
          if (!units.includes(x)) problems.push(`export.yaml: totals.${cat}: ${x} is not a unit of units.yaml`);
          if (seen.has(x)) problems.push(`export.yaml: totals.${cat}: ${x} listed twice`);
          seen.add(x);
        }
      }
    }
  }
  checkPairs('export.yaml', 'categories', ex['categories'], CATEGORIES, problems);
  checkPairs('export.yaml', 'words', ex['words'], ['claims', 'low', 'high', 'other'], problems);
  for (const k of ['headers', 'titles', 'values']) checkStrings('export.yaml', k, ex[k], problems);
  const en = raw['units-en.yaml'];
  const map = isMap(en) ? en['units'] : undefined;
  if (!isMap(map)) problems.push('units-en.yaml: units must be a mapping');
  else {
    for (const [k, v] of Object.entries(map)) {
      if (!isText(v) || !units.includes(v)) problems.push(`units-en.yaml: ${k}: ${String(v)} is not a unit of units.yaml`);
      if (!english.includes(k)) problems.push(`units-en.yaml: ${k} is not a unit of english.yaml`);
    }
    for (const u of english) if (!(u in map)) problems.push(`units-en.yaml: english.yaml's unit "${u}" has no Chinese unit`);
  }
  return problems;
}

function build(raw: Record<string, unknown>): ExportVocabulary {
  const ex = raw['export.yaml'] as Record<string, unknown>;
  const totals = new Map<Category, TotalUnit[]>();
  for (const [cat, list] of Object.entries(ex['totals'] as Record<string, Array<{ unit: string; also?: string[] }>>)) {
    totals.set(cat as Category, list.map((e) => ({ unit: e.unit, also: e.also ?? [] })));
  }
  return {
    totals,
    categories: ex['categories'] as ExportVocabulary['categories'],
    words: ex['words'] as ExportVocabulary['words'],
    headers: ex['headers'] as Record<string, string>,
    titles: ex['titles'] as Record<string, string>,
    values: ex['values'] as Record<string, string>,
    unitsEn: (raw['units-en.yaml'] as { units: Record<string, string> }).units,
  };
}

let cached: ExportVocabulary | undefined;

/** The units of units.yaml and of english.yaml, what the export tables are checked against. */
export function knownUnits(dir: string = DEFAULT_DICTIONARY_DIR): { units: string[]; english: string[] } {
  const list = (file: string): string[] => {
    const raw = parse(readFileSync(`${dir}/${file}`, 'utf8')) as { units?: Array<{ unit?: unknown }> };
    return (raw.units ?? []).map((u) => String(u.unit));
  };
  return { units: list('units.yaml'), english: list('english.yaml') };
}

/** The shipped export tables, validated. */
export function exportVocabulary(): ExportVocabulary {
  if (cached) return cached;
  const raw = readExportTables();
  const { units, english } = knownUnits();
  const problems = validateExportTables(raw, units, english);
  if (problems.length > 0) throw new ShijiError('dictionary', problems.join('; '));
  cached = build(raw);
  return cached;
}
