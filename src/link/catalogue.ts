/**
 * The criteria catalogue (dictionaries/criteria/catalogue.yaml): honours and the criteria set
 * of each. A document without criteria of its own that names a catalogued honour in its title
 * or opening is linked against that honour's set.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseYaml } from '../yaml.js';
import { ShijiError } from '../errors.js';
import { parseCriteriaYaml, type CriteriaSet } from './criteria-file.js';

export const CATALOGUE_FILE = 'criteria/catalogue.yaml';

export interface CatalogueEntry {
  readonly honour: string;
  readonly file: string;
  readonly file_en?: string;
  readonly names: readonly string[];
  readonly aliases: readonly string[];
  readonly context: readonly string[];
  readonly scope: readonly string[];
}

const words = (v: unknown): v is string[] => Array.isArray(v) && v.every((w) => typeof w === 'string' && w !== '');

/** Every problem in the raw catalogue; `dir` is the dictionaries folder, to see that each set exists. */
export function validateCatalogue(raw: unknown, dir: string | null = null): string[] {
  const sets = (raw as { sets?: unknown } | null)?.sets;
  if (!Array.isArray(sets)) return [`${CATALOGUE_FILE}: sets must be a list`];
  const problems: string[] = [];
  const names = new Map<string, string>();
  for (const s of sets as Array<Record<string, unknown>>) {
    const honour = typeof s?.['honour'] === 'string' && s['honour'] !== '' ? s['honour'] : null;
    if (honour === null) { problems.push(`${CATALOGUE_FILE}: an entry without honour`); continue; }
    for (const k of ['file', 'file_en']) {
      const f = s[k];
      if (f === undefined && k === 'file_en') continue;
      if (typeof f !== 'string' || !/^[\w.-]+\.ya?ml$/.test(f)) problems.push(`${CATALOGUE_FILE}: ${honour}: ${k} must name a YAML file beside the catalogue`);
      else if (dir !== null && !existsSync(`${dir}/criteria/${f}`)) problems.push(`${CATALOGUE_FILE}: ${honour}: ${f} not found`);
    }
    for (const k of ['names', 'aliases', 'context', 'scope']) {
      if (!words(s[k])) problems.push(`${CATALOGUE_FILE}: ${honour}: ${k} must be a list of words`);
    }
    if (words(s['names']) && s['names'].length === 0) problems.push(`${CATALOGUE_FILE}: ${honour}: needs at least one name`);
    if (words(s['aliases']) && s['aliases'].length > 0 && (!words(s['context']) || s['context'].length === 0 || !words(s['scope']) || s['scope'].length === 0)) {
      problems.push(`${CATALOGUE_FILE}: ${honour}: aliases need context and scope words`);
    }
    for (const n of [...(words(s['names']) ? s['names'] : []), ...(words(s['aliases']) ? s['aliases'] : [])]) {
      const other = names.get(n);
      if (other !== undefined) problems.push(`${CATALOGUE_FILE}: "${n}" names both ${other} and ${honour}`);
      names.set(n, honour);
    }
  }
  return problems;
}

const catalogues = new Map<string, readonly CatalogueEntry[]>();
export function loadCatalogue(dir: string): readonly CatalogueEntry[] {
  const hit = catalogues.get(dir);
  if (hit) return hit;
  const path = `${dir}/${CATALOGUE_FILE}`;
  let raw: unknown;
  try { raw = parseYaml(readFileSync(path, 'utf8')) as unknown; } catch (e) {
    throw new ShijiError('dictionary', `${path}: ${(e as Error).message.split('\n')[0] ?? 'unreadable'}`);
  }
  const problems = validateCatalogue(raw, dir);
  if (problems.length > 0) throw new ShijiError('dictionary', `bad dictionary data: ${problems[0] as string}`);
  const list = (raw as { sets: CatalogueEntry[] }).sets;
  catalogues.set(dir, list);
  return list;
}

/** How far into a document its honour is looked for: the title and the opening. */
export const OPENING_CHARS = 1500;
/** Wording before a name that makes it an honour already held (曾荣获全国信访系统先进工作者). */
const HELD = /(?:荣获|获得|获评|被评为|评为|授予|曾获|荣膺|被授予)[^，。；]{0,12}$/;
const IGNORED = /[\s“”"'‘’「」『』《》〈〉]/g;

export interface CatalogueMatch {
  readonly entry: CatalogueEntry;
  /** the words that named the honour, as matched (quotes dropped) */
  readonly named: string;
  /** the set's path as reported: dictionaries/criteria/FILE */
  readonly source: string;
  readonly set: CriteriaSet;
}

const sets = new Map<string, CriteriaSet>();

/** The catalogued honour a document names in its title or opening (simplified text), or null. */
export function findHonour(title: string, text: string, dir: string, english = false): CatalogueMatch | null {
  const entries = loadCatalogue(dir);
  const sentences = [title, ...text.slice(0, OPENING_CHARS).split(/(?<=[。！？\n])/)].map((s) => s.replace(IGNORED, ''));
  for (const s of sentences) {
    for (const entry of entries) {
      const hit = (w: string): boolean => {
        for (let at = s.indexOf(w); at >= 0; at = s.indexOf(w, at + 1)) if (!HELD.test(s.slice(0, at))) return true;
        return false;
      };
      let named = entry.names.find(hit);
      if (!named && entry.context.some((w) => s.includes(w)) && entry.scope.some((w) => s.includes(w))) named = entry.aliases.find(hit);
      if (!named) continue;
      const file = english && entry.file_en ? entry.file_en : entry.file;
      const source = `dictionaries/criteria/${file}`;
      const key = `${dir}\u0000${file}`;
      let set = sets.get(key);
      if (!set) { set = parseCriteriaYaml(readFileSync(`${dir}/criteria/${file}`, 'utf8'), source); sets.set(key, set); }
      return { entry, named, source, set };
    }
  }
  return null;
}
