/**
 * Loads and validates the rule tables kept as data under dictionaries/.
 * Every table is explained in dictionaries/README.md; `validateDictionaries` is run by a test
 * and by `loadDictionaries`, so a bad entry fails loudly instead of silently changing results.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseYaml } from './yaml.js';
import { ShijiError } from './errors.js';

export type Approx = 'exact' | 'over' | 'at_least' | 'under' | 'about' | 'at_most';
export const APPROX_VALUES: readonly Approx[] = ['exact', 'over', 'at_least', 'under', 'about', 'at_most'];
export type UnitKind = 'person' | 'money' | 'percent' | 'time' | 'thing' | 'case' | 'area';
const UNIT_KINDS: readonly UnitKind[] = ['person', 'money', 'percent', 'time', 'thing', 'case', 'area'];
export type HedgePosition = 'before' | 'after-number' | 'after-unit';
const HEDGE_POSITIONS: readonly HedgePosition[] = ['before', 'after-number', 'after-unit'];
export type RateUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';
const RATE_UNITS: readonly RateUnit[] = ['day', 'week', 'month', 'quarter', 'year'];

export interface UnitEntry { readonly unit: string; readonly kind: UnitKind; readonly base?: number; readonly bare?: boolean; readonly resolvable?: boolean }
export interface HedgeEntry { readonly marker: string; readonly approx: Approx; readonly position: HedgePosition }
export interface RateEntry { readonly marker: string; readonly unit: RateUnit }

/** subjects.yaml: who a write-up is about, and a web page's chrome */
export interface SubjectTables {
  readonly posts: readonly string[];
  readonly name_stops: readonly string[];
  readonly not_names: readonly string[];
  readonly surnames: string;
  readonly compound_surnames: readonly string[];
  readonly not_name_endings: readonly string[];
  readonly not_name_starts: readonly string[];
  readonly weak_posts: readonly string[];
  readonly awarding_verbs: readonly string[];
  readonly unit_suffixes: readonly string[];
  readonly report_titles: readonly string[];
  readonly place_suffixes: readonly string[];
  readonly self_references: readonly string[];
  /** how a text's subject changes clause by clause (src/structure/discourse.ts) */
  readonly discourse: {
    readonly lead_ins: readonly string[]; readonly year_tails: readonly string[];
    readonly pronouns: readonly string[]; readonly not_pronouns: readonly string[];
    readonly kin: readonly string[]; readonly kin_people: readonly string[]; readonly together: readonly string[];
    readonly self_prefixes: readonly string[]; readonly self_tails: readonly string[]; readonly this_tails: readonly string[]; readonly whole_tails: readonly string[];
    readonly visit_verbs: readonly string[]; readonly third_parties: readonly string[]; readonly official_verbs: readonly string[];
  };
  readonly chrome: {
    readonly prefixes: readonly string[]; readonly contains: readonly string[];
    readonly sites: readonly string[]; readonly captions: readonly string[];
  };
}

/** roles.yaml: cue words that make a figure context rather than an achievement */
export interface RoleTables {
  readonly stake: readonly string[];
  readonly award: readonly string[];
  readonly incident: readonly string[];
  readonly event: readonly string[];
  readonly acting: readonly string[];
  readonly procedure: readonly string[];
  readonly procedure_verbs: readonly string[];
  readonly baseline_open: readonly string[];
  readonly baseline_close: readonly string[];
  readonly total_scope: readonly string[];
  readonly population: readonly string[];
  readonly parts_open: readonly string[];
  readonly same_count: readonly string[];
}

/** regions.yaml: provinces, the words around an honour in a title, how an issuer's name ends */
export interface RegionTables {
  readonly provinces: ReadonlyArray<{ readonly name: string; readonly short: readonly string[] }>;
  readonly honour_strip: readonly string[];
  readonly issuer_suffixes: readonly string[];
  /** words for a kind of area, not a county's name (社区, 城区), and endings that make one (开发区) */
  readonly not_counties: readonly string[];
  readonly not_county_endings: readonly string[];
  /** short names of honours (全国信访系统两先) → their full names */
  readonly honour_aliases: Readonly<Record<string, string>>;
}

export interface Dictionaries {
  readonly dir: string;
  readonly jiebaUserDictPath: string;
  readonly units: readonly UnitEntry[];
  readonly hedges: readonly HedgeEntry[];
  readonly categories: {
    readonly resolve: readonly string[]; readonly handle: readonly string[]; readonly receive: readonly string[]; readonly report: readonly string[];
    readonly down: readonly string[]; readonly up: readonly string[]; readonly baseline: readonly string[];
    readonly share: readonly string[]; readonly ratio: readonly string[]; readonly change_to: readonly string[];
    readonly not_verb_after: readonly string[];
  };
  readonly periods: {
    readonly rate: readonly RateEntry[]; readonly tenure_verbs: readonly string[]; readonly tenure_after: readonly string[];
    readonly duration_cues: { readonly before: readonly string[]; readonly after: readonly string[]; readonly follows: readonly string[]; readonly working: readonly string[] };
    readonly scope_words: readonly string[];
    readonly not_scope_after: readonly string[];
    readonly tenure_frames: {
      readonly steady: readonly string[]; readonly career: readonly string[]; readonly career_alone: readonly string[]; readonly since: readonly string[];
      readonly not_since_before: readonly string[]; readonly not_since_after: readonly string[];
    };
  };
  /** CJK Radicals Supplement characters and the ideographs they stand for in extracted PDF text */
  readonly radicals: Readonly<Record<string, string>>;
  readonly negatives: {
    readonly lexical_words: readonly string[]; readonly lexical_tags: readonly string[];
    readonly article_units: readonly string[]; readonly abstract_nouns: readonly string[];
    readonly unit_blockers: readonly string[];
    readonly page_furniture: readonly string[];
  };
  /** provinces, and the words around an honour in a title and after an issuer's name (regions.yaml) */
  readonly regions: RegionTables;
  /** cue words that make a figure context rather than an achievement (roles.yaml) */
  readonly roles: RoleTables;
  /** who a write-up is about, and a web page's chrome (subjects.yaml) */
  readonly subjects: SubjectTables;
  /** how a number finds what it counts beyond the unit table (counting.yaml) */
  readonly counting: {
    readonly measure_tags: readonly string[]; readonly noun_tags: readonly string[]; readonly place_tags: readonly string[];
    readonly not_measure: readonly string[]; readonly arabic_only: readonly string[]; readonly person_nouns: readonly string[];
    readonly action_verbs: readonly string[]; readonly zero_events: readonly string[];
  };
}

export const DEFAULT_DICTIONARY_DIR = fileURLToPath(new URL('../dictionaries/', import.meta.url));

const TABLE_FILES = ['units.yaml', 'hedges.yaml', 'categories.yaml', 'periods.yaml', 'negatives.yaml', 'counting.yaml', 'subjects.yaml', 'roles.yaml', 'regions.yaml', 'cjk-radicals.yaml'] as const;

function readYaml(dir: string, file: string): unknown {
  const path = `${dir}/${file}`;
  try {
    return parseYaml(readFileSync(path, 'utf8')) as unknown;
  } catch (e) {
    throw new ShijiError('dictionary', `${path}: ${(e as Error).message.split('\n')[0] ?? 'unreadable'}`);
  }
}

/** Reads the raw tables without validating them. */
export function readDictionaryTables(dir: string = DEFAULT_DICTIONARY_DIR): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of TABLE_FILES) out[f] = readYaml(dir, f);
  out['jieba-user.dict.txt'] = readFileSync(`${dir}/jieba-user.dict.txt`, 'utf8');
  return out;
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length > 0);
}

function duplicatesIn(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const x of list) (seen.has(x) ? dup : seen).add(x);
  return [...dup];
}

/** subjects.yaml: its lists, the family names, the discourse and chrome words. */
function validateSubjects(subjects: Record<string, unknown>, lists: (file: string, keys: readonly string[], o: Record<string, unknown>) => void, problems: string[]): void {
  lists('subjects.yaml', ['posts', 'weak_posts', 'name_stops', 'not_names', 'not_name_endings', 'not_name_starts', 'awarding_verbs', 'compound_surnames', 'unit_suffixes', 'report_titles', 'place_suffixes', 'self_references'], subjects);
  const surnames = subjects['surnames'];
  if (typeof surnames !== 'string' || !/^[\u4e00-\u9fa5]+$/.test(surnames)) problems.push('subjects.yaml: surnames must be one string of ideographs');
  else for (const d of duplicatesIn([...surnames])) problems.push(`subjects.yaml: surname "${d}" listed twice`);
  const discourse = subjects['discourse'] as Record<string, unknown> | undefined;
  if (!discourse) problems.push('subjects.yaml: discourse missing');
  else lists('subjects.yaml discourse', ['lead_ins', 'year_tails', 'pronouns', 'not_pronouns', 'kin', 'kin_people', 'together', 'self_prefixes', 'self_tails', 'this_tails', 'whole_tails', 'visit_verbs', 'third_parties', 'official_verbs'], discourse);
  const chrome = subjects['chrome'] as Record<string, unknown> | undefined;
  if (!chrome) problems.push('subjects.yaml: chrome missing');
  else lists('subjects.yaml chrome', ['prefixes', 'contains', 'sites', 'captions'], chrome);
  for (const w of (isStringList(subjects['name_stops']) ? subjects['name_stops'] : [])) if ([...w].length !== 1) problems.push(`subjects.yaml: name_stops "${w}" is not one character`);
}

/** Returns every problem found in the raw tables; an empty list means they are usable. */
export function validateDictionaries(raw: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const obj = (file: string): Record<string, unknown> => {
    const v = raw[file];
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      problems.push(`${file}: not a mapping`);
      return {};
    }
    return v as Record<string, unknown>;
  };
  const lists = (file: string, keys: readonly string[], o: Record<string, unknown>): void => {
    for (const k of keys) {
      const v = o[k];
      if (!isStringList(v)) { problems.push(`${file}: ${k} must be a list of non-empty strings`); continue; }
      for (const d of duplicatesIn(v)) problems.push(`${file}: ${k} lists "${d}" twice`);
    }
  };

  const units = obj('units.yaml')['units'];
  if (!Array.isArray(units)) problems.push('units.yaml: units must be a list');
  else {
    const names: string[] = [];
    for (const u of units as Array<Record<string, unknown>>) {
      if (typeof u['unit'] !== 'string' || u['unit'] === '') { problems.push(`units.yaml: entry without unit: ${JSON.stringify(u)}`); continue; }
      names.push(u['unit']);
      if (!UNIT_KINDS.includes(u['kind'] as UnitKind)) problems.push(`units.yaml: ${u['unit']}: unknown kind ${String(u['kind'])}`);
      if (u['kind'] === 'money' && !(typeof u['base'] === 'number' && u['base'] > 0)) problems.push(`units.yaml: ${u['unit']}: money needs a positive base`);
      if (u['kind'] !== 'money' && u['base'] !== undefined) problems.push(`units.yaml: ${u['unit']}: only money units take a base`);
    }
    for (const d of duplicatesIn(names)) problems.push(`units.yaml: unit "${d}" listed twice`);
  }

  const hedges = obj('hedges.yaml')['hedges'];
  if (!Array.isArray(hedges)) problems.push('hedges.yaml: hedges must be a list');
  else {
    const keys: string[] = [];
    for (const h of hedges as Array<Record<string, unknown>>) {
      if (typeof h['marker'] !== 'string' || h['marker'] === '') { problems.push(`hedges.yaml: entry without marker: ${JSON.stringify(h)}`); continue; }
      if (!APPROX_VALUES.includes(h['approx'] as Approx)) problems.push(`hedges.yaml: ${h['marker']}: unknown approx ${String(h['approx'])}`);
      if (!HEDGE_POSITIONS.includes(h['position'] as HedgePosition)) problems.push(`hedges.yaml: ${h['marker']}: unknown position ${String(h['position'])}`);
      keys.push(`${h['marker']}@${String(h['position'])}`);
    }
    for (const d of duplicatesIn(keys)) problems.push(`hedges.yaml: "${d}" listed twice`);
  }

  lists('categories.yaml', ['resolve', 'handle', 'receive', 'report', 'down', 'up', 'baseline', 'share', 'ratio', 'change_to', 'not_verb_after'], obj('categories.yaml'));

  const periods = obj('periods.yaml');
  lists('periods.yaml', ['tenure_verbs', 'tenure_after', 'scope_words', 'not_scope_after'], periods);
  const cues = periods['duration_cues'] as Record<string, unknown> | undefined;
  if (!cues) problems.push('periods.yaml: duration_cues missing');
  else lists('periods.yaml duration_cues', ['before', 'after', 'follows', 'working'], cues);
  const frames = periods['tenure_frames'] as Record<string, unknown> | undefined;
  if (!frames) problems.push('periods.yaml: tenure_frames missing');
  else lists('periods.yaml tenure_frames', ['steady', 'career', 'career_alone', 'since', 'not_since_before', 'not_since_after'], frames);
  const rate = periods['rate'];
  if (!Array.isArray(rate)) problems.push('periods.yaml: rate must be a list');
  else {
    for (const r of rate as Array<Record<string, unknown>>) {
      if (typeof r['marker'] !== 'string' || !RATE_UNITS.includes(r['unit'] as RateUnit)) problems.push(`periods.yaml: bad rate entry ${JSON.stringify(r)}`);
    }
    for (const d of duplicatesIn((rate as Array<Record<string, unknown>>).map((r) => String(r['marker'])))) problems.push(`periods.yaml: rate "${d}" listed twice`);
  }

  lists('negatives.yaml', ['lexical_words', 'lexical_tags', 'article_units', 'abstract_nouns', 'unit_blockers', 'page_furniture'], obj('negatives.yaml'));

  lists('counting.yaml', ['measure_tags', 'noun_tags', 'place_tags', 'not_measure', 'arabic_only', 'person_nouns', 'action_verbs', 'zero_events'], obj('counting.yaml'));

  lists('roles.yaml', ['stake', 'award', 'incident', 'event', 'acting', 'procedure', 'procedure_verbs', 'baseline_open', 'baseline_close', 'total_scope', 'population', 'parts_open', 'same_count'], obj('roles.yaml'));
  for (const pair of isStringList(obj('roles.yaml')['same_count']) ? obj('roles.yaml')['same_count'] as string[] : []) if (!/^\S+ \S+$/.test(pair)) problems.push(`roles.yaml: same_count "${pair}" is not "unit unit"`);

  const regions = obj('regions.yaml');
  lists('regions.yaml', ['honour_strip', 'issuer_suffixes', 'not_counties', 'not_county_endings'], regions);
  const aliases = regions['honour_aliases'];
  if (aliases === null || typeof aliases !== 'object' || Array.isArray(aliases) || !Object.values(aliases).every((v) => typeof v === 'string' && v.length > 0)) problems.push('regions.yaml: honour_aliases must map short names to full names');
  const provinces = regions['provinces'];
  if (!Array.isArray(provinces)) problems.push('regions.yaml: provinces must be a list');
  else {
    for (const p of provinces as Array<Record<string, unknown>>) {
      if (typeof p['name'] !== 'string' || !/(?:省|市|自治区|特别行政区)$/.test(p['name']) || !isStringList(p['short'])) problems.push(`regions.yaml: bad province ${JSON.stringify(p)}`);
    }
    for (const d of duplicatesIn((provinces as Array<Record<string, unknown>>).map((p) => String(p['name'])))) problems.push(`regions.yaml: province "${d}" listed twice`);
  }

  validateSubjects(obj('subjects.yaml'), lists, problems);

  const radicals = obj('cjk-radicals.yaml')['radicals'];
  if (radicals === null || typeof radicals !== 'object') problems.push('cjk-radicals.yaml: radicals must be a mapping');
  else {
    for (const [k, v] of Object.entries(radicals as Record<string, unknown>)) {
      const c = k.charCodeAt(0);
      if (k.length !== 1 || c < 0x2e80 || c > 0x2ef3) problems.push(`cjk-radicals.yaml: "${k}" is not one CJK Radicals Supplement character`);
      if (typeof v !== 'string' || v.length !== 1 || !/[\u3400-\u9fff]/.test(v)) problems.push(`cjk-radicals.yaml: "${k}" must map to one ideograph`);
    }
  }

  const dict = raw['jieba-user.dict.txt'];
  if (typeof dict !== 'string') problems.push('jieba-user.dict.txt: missing');
  else {
    const words: string[] = [];
    dict.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      const parts = line.trim().split(/\s+/);
      if (parts.length !== 3 || !/^\d+$/.test(parts[1] ?? '') || !/^[a-z]+$/.test(parts[2] ?? '')) {
        problems.push(`jieba-user.dict.txt:${i + 1}: expected "word frequency tag", got "${line}"`);
      }
      words.push(parts[0] ?? '');
    });
    for (const d of duplicatesIn(words)) problems.push(`jieba-user.dict.txt: "${d}" listed twice`);
  }
  return problems;
}

const cache = new Map<string, Dictionaries>();

/** Loads (once per directory) and validates the dictionaries; throws ShijiError on bad data. */
export function loadDictionaries(dir: string = DEFAULT_DICTIONARY_DIR): Dictionaries {
  const hit = cache.get(dir);
  if (hit) return hit;
  const raw = readDictionaryTables(dir);
  const problems = validateDictionaries(raw);
  if (problems.length > 0) throw new ShijiError('dictionary', `bad dictionary data: ${problems[0]}`);
  const t = (f: string): Record<string, unknown> => raw[f] as Record<string, unknown>;
  const d: Dictionaries = {
    dir,
    jiebaUserDictPath: `${dir}/jieba-user.dict.txt`,
    units: t('units.yaml')['units'] as UnitEntry[],
    hedges: t('hedges.yaml')['hedges'] as HedgeEntry[],
    categories: t('categories.yaml') as unknown as Dictionaries['categories'],
    periods: t('periods.yaml') as unknown as Dictionaries['periods'],
    negatives: t('negatives.yaml') as unknown as Dictionaries['negatives'],
    counting: t('counting.yaml') as unknown as Dictionaries['counting'],
    subjects: t('subjects.yaml') as unknown as SubjectTables,
    roles: t('roles.yaml') as unknown as RoleTables,
    regions: t('regions.yaml') as unknown as RegionTables,
    radicals: (t('cjk-radicals.yaml')['radicals'] ?? {}) as Record<string, string>,
  };
  cache.set(dir, d);
  return d;
}
