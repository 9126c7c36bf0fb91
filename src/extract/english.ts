/**
 * Claims in English paragraphs: compromise finds the numbers (digits and written-out words,
 * "seven hundred") with their offsets; the tables in dictionaries/english.yaml decide unit,
 * approximation, category, period and rate, giving the same claim model as for Chinese.
 */
import { readFileSync } from 'node:fs';
import { parseYaml } from '../yaml.js';
import type nlpModule from 'compromise';
import { createRequire } from 'node:module';
import type { Approx, RateUnit, UnitKind } from '../dictionaries.js';
import { APPROX_VALUES } from '../dictionaries.js';
import type { Range } from '../structure/document.js';
import type { Category, ViewClaim } from './claims.js';
import { ShijiError } from '../errors.js';
import { plainCardinal } from './cardinals.js';

interface EnUnit { readonly unit: string; readonly kind: UnitKind; readonly base?: number }
export interface EnglishTables {
  readonly units: readonly EnUnit[];
  readonly scales: Readonly<Record<string, number>>;
  readonly hedges: ReadonlyArray<{ marker: string; approx: Approx; position: 'before' | 'after' }>;
  readonly resolve: readonly string[];
  readonly handle: readonly string[];
  readonly down: readonly string[];
  readonly up: readonly string[];
  readonly share: readonly string[];
  readonly rates: ReadonlyArray<{ marker: string; unit: RateUnit; position: 'before' | 'after' }>;
  readonly tenure: readonly string[];
  readonly duration_before: readonly string[];
  readonly duration_after: readonly string[];
  readonly months: readonly string[];
}

export function validateEnglish(raw: unknown): string[] {
  const p: string[] = [];
  const t = raw as Record<string, unknown> | null;
  if (!t || typeof t !== 'object') return ['english.yaml: not a mapping'];
  const units = t['units'];
  if (!Array.isArray(units)) p.push('english.yaml: units must be a list');
  else {
    const seen = new Set<string>();
    for (const u of units as Array<Record<string, unknown>>) {
      const name = String(u['unit']);
      if (seen.has(name)) p.push(`english.yaml: unit "${name}" listed twice`);
      seen.add(name);
      if (!['person', 'money', 'percent', 'time', 'thing', 'case', 'area'].includes(String(u['kind']))) p.push(`english.yaml: ${name}: unknown kind ${String(u['kind'])}`);
      if (name !== name.toLowerCase()) p.push(`english.yaml: unit "${name}" must be lower case`);
    }
  }
  for (const h of (t['hedges'] as Array<Record<string, unknown>> | undefined) ?? []) {
    if (!APPROX_VALUES.includes(h['approx'] as Approx)) p.push(`english.yaml: hedge ${String(h['marker'])}: unknown approx ${String(h['approx'])}`);
  }
  for (const k of ['resolve', 'handle', 'down', 'up', 'share', 'tenure', 'duration_before', 'duration_after', 'months']) {
    const v = t[k];
    if (!Array.isArray(v) || v.some((w) => typeof w !== 'string' || w === '')) p.push(`english.yaml: ${k} must be a list of words`);
    else if (new Set(v).size !== v.length) p.push(`english.yaml: ${k} lists a word twice`);
  }
  return p;
}

const cache = new Map<string, EnglishTables>();
export function loadEnglish(dir: string): EnglishTables {
  const hit = cache.get(dir);
  if (hit) return hit;
  const raw = parseYaml(readFileSync(`${dir}/english.yaml`, 'utf8')) as unknown;
  const problems = validateEnglish(raw);
  if (problems.length > 0) throw new ShijiError('dictionary', `bad dictionary data: ${problems[0]}`);
  const t = raw as EnglishTables;
  const sorted: EnglishTables = {
    ...t,
    units: [...t.units].sort((a, b) => b.unit.length - a.unit.length),
    hedges: [...t.hedges].sort((a, b) => b.marker.length - a.marker.length),
  };
  cache.set(dir, sorted);
  return sorted;
}

/** A paragraph is English when Latin letters clearly outnumber Chinese characters. */
export function isEnglish(s: string): boolean {
  let latin = 0;
  let han = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
    else if (c >= 0x3400 && c <= 0x9fff) han++;
  }
  return latin >= 12 && latin > han * 3;
}

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordRes = new Map<string, RegExp>();
/** Whole-word patterns, compiled once per word. */
function wordRe(w: string): RegExp {
  let re = wordRes.get(w);
  if (!re) { re = new RegExp(`(?:^|[^a-z])${escape(w)}(?=[^a-z]|$)`, 'g'); wordRes.set(w, re); }
  return re;
}
const hasWord = (s: string, w: string): boolean => s.includes(w) && wordRe(w).test(s) && ((wordRe(w).lastIndex = 0), true);
/** Where the last of `words` stands as a whole word in `s`, or -1. */
function lastWordAt(s: string, words: readonly string[]): number {
  let best = -1;
  for (const w of words) {
    if (!s.includes(w)) continue;
    const re = wordRe(w);
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) best = Math.max(best, m.index);
  }
  return best;
}

const PERIOD_RE = /\b(?:since (?:(?:the end of |early |late )?(?:19|20)\d{2})|(?:in|during|by the end of|at the end of|throughout) (?:19|20)\d{2}|(?:over|in|during) the (?:past|last) (?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|several|few) years|(?:19|20)\d{2}\s*(?:-|–|to)\s*(?:19|20)\d{2}|since (?:taking office|then))\b/gi;

interface Num { start: number; end: number; value: number; ordinal: boolean }

/** Written-out numbers: where one appears, compromise reads the paragraph; otherwise figures are plain digits. */
const NUMBER_WORDS = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozens?|half)\b/i;
/** Scale words after a figure ("RMB 70 million"): they belong to the figure, which the extractor scales by english.yaml's scales. */
const SCALE_WORDS = 'thousand|million|billion';
const SCALE_WORD = new RegExp(`^(?:${SCALE_WORDS})$`, 'i');
const SCALE_AFTER_FIGURE = new RegExp(`^\\s+(${SCALE_WORDS})\\b`, 'i');
const DIGITS = /\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|\d+(?:\.\d+)?%?/g;

/** Digit figures without compromise: compromise costs far more than the rest of the pipeline. */
function digitNumbers(para: string): Num[] {
  const out: Num[] = [];
  for (const m of para.matchAll(DIGITS)) {
    const at = m.index;
    if (/[\d.,]/.test(para[at - 1] ?? '') && at > 0 && /\d/.test(para[at - 2] ?? '')) continue;
    const s = m[0];
    const value = Number(s.replace(/[,%]/g, ''));
    if (!Number.isFinite(value)) continue;
    const ordinal = /^(?:st|nd|rd|th)\b/i.test(para.slice(at + s.length, at + s.length + 3));
    out.push({ start: at, end: at + s.length, value, ordinal });
  }
  return out;
}

/** Figures of a paragraph: compromise reads only the sentences that have a written-out number. */
function numbersOf(para: string): Num[] {
  if (!NUMBER_WORDS.test(para)) return digitNumbers(para);
  const out: Num[] = [];
  let from = 0;
  for (const m of para.matchAll(/[.!?](?=\s|$)/g)) {
    out.push(...sentenceNumbers(para.slice(from, m.index + 1), from));
    from = m.index + 1;
  }
  if (from < para.length) out.push(...sentenceNumbers(para.slice(from), from));
  return out;
}

const NUMBER_WORDS_G = new RegExp(NUMBER_WORDS.source, 'gi');

/**
 * Digits by pattern; plain runs of cardinal words by plainCardinal; other written-out numbers
 * by compromise, read in a window around each number word (compromise's cost grows with its
 * input, about a millisecond a sentence).
 */
function sentenceNumbers(sentence: string, offset: number): Num[] {
  const out = digitNumbers(sentence);
  const taken = (s: number, e: number): boolean => out.some((n) => n.start < e && s < n.end);
  let covered = -1;
  for (const m of sentence.matchAll(NUMBER_WORDS_G)) {
    if (m.index < covered) continue;
    if (SCALE_WORD.test(m[0]) && /\d\s*$/.test(sentence.slice(Math.max(0, m.index - 4), m.index))) continue;
    const plain = plainCardinal(sentence, m.index);
    if (plain) {
      if (!taken(plain.start, plain.end)) out.push({ ...plain, ordinal: false });
      covered = plain.end;
      continue;
    }
    const from = Math.max(0, m.index - 24);
    const to = Math.min(sentence.length, m.index + m[0].length + 48);
    for (const n of compromiseNumbers(sentence.slice(from, to))) {
      const s = n.start + from;
      const e = n.end + from;
      if (e <= m.index || s > m.index + m[0].length || taken(s, e)) continue;
      // "a hundred", "a thousand": compromise leaves the article out of the number, but it is the number's "one"
      const article = /^(?:hundred|thousand|million|billion|dozen)$/i.test(sentence.slice(s, e)) ? /(?:^|[^a-z])(an? )$/i.exec(sentence.slice(0, s)) : null;
      out.push({ ...n, start: article ? s - (article[1] as string).length : s, end: e });
      covered = Math.max(covered, e);
    }
  }
  return out.sort((a, b) => a.start - b.start).map((n) => ({ ...n, start: n.start + offset, end: n.end + offset }));
}

type Nlp = typeof nlpModule;
type ParseMatch = (regs: string, opts: unknown, world: unknown) => unknown;
const PARSE_MATCH_MEMO = 4096;
const requireCjs = createRequire(import.meta.url);
let loaded: Nlp | null = null;

/**
 * compromise, loaded the first time a written-out number needs it: loading it takes a fifth of
 * a second, which a Chinese corpus, or one served from the analysis cache, never needs to pay
 * (the review UI opens that much sooner). Its CommonJS build is the one that can be loaded on
 * demand from synchronous code, and loads faster than its ES modules.
 *
 * compromise also parses the match patterns behind .numbers() anew on every call, which is most
 * of that call's cost. Parsed patterns are meant to be reused (compromise's own advice is to
 * precompile them), so its parseMatch method is replaced, through its plugin interface, by one
 * that remembers what it has parsed. The patterns are compromise's own: some 700, most parsed
 * once when its model loads.
 */
function nlp(): Nlp {
  if (loaded) return loaded;
  const c = requireCjs('compromise') as Nlp;
  const original = (c.methods() as { one: { parseMatch: ParseMatch } }).one.parseMatch;
  const memo = new Map<string, unknown>();
  const parseMatch: ParseMatch = (regs, opts, world) => {
    const key = `${regs}\u0000${JSON.stringify(opts ?? null)}`;
    let parsed = memo.get(key);
    if (parsed === undefined) {
      parsed = original(regs, opts, world);
      if (memo.size < PARSE_MATCH_MEMO) memo.set(key, parsed);
    }
    return parsed;
  };
  c.plugin({ methods: { one: { parseMatch } } });
  loaded = c;
  return c;
}

/** Numbers compromise finds in a window of text (exported for the differential test of plainCardinal). */
export function compromiseNumbers(para: string): Num[] {
  const out: Num[] = [];
  const json = nlp()(para).numbers().json({ offset: true }) as Array<{ text: string; offset: { start: number; length: number }; number?: { num: number | null }; terms?: Array<{ tags: string[] }> }>;
  for (const m of json) {
    const v = m.number?.num;
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    const raw = para.slice(m.offset.start, m.offset.start + m.offset.length);
    // compromise's span may carry trailing punctuation: trim it off the evidence
    const trimmed = raw.replace(/[\s,.;:!?)”"']+$/, '');
    const ordinal = (m.terms ?? []).some((t) => t.tags.includes('Ordinal')) || /\d(st|nd|rd|th)$/i.test(trimmed);
    out.push({ start: m.offset.start, end: m.offset.start + trimmed.length, value: v, ordinal });
  }
  // "70 million": compromise gives 70 and million apart
  const merged: Num[] = [];
  for (const n of out) {
    const prev = merged[merged.length - 1];
    if (prev && /^\s+$/.test(para.slice(prev.end, n.start)) && [1e3, 1e6, 1e9].includes(n.value) && /^(thousand|million|billion)$/i.test(para.slice(n.start, n.end)) && prev.value < 1000) {
      prev.value *= n.value;
      prev.end = n.end;
    } else merged.push({ ...n });
  }
  return merged;
}

function rangeOf(text: string, from: number, to: number): string { return text.slice(Math.max(0, from), Math.max(0, to)); }

/** Claims of English paragraphs (view ranges), in text order. */
export function extractEnglishClaims(text: string, paragraphs: readonly Range[], t: EnglishTables): ViewClaim[] {
  const out: ViewClaim[] = [];
  for (const p of paragraphs) {
    const para = text.slice(p.start, p.end);
    const lower = para.toLowerCase();
    const periods = [...para.matchAll(PERIOD_RE)].map((m) => ({ text: m[0], start: p.start + m.index, end: p.start + m.index + m[0].length }));
    const found: ViewClaim[] = [];
    for (const n of numbersOf(para)) {
      const claim = englishClaim(text, p, para, lower, periods, n, t);
      if (claim) found.push(claim);
    }
    linkFromTo(text, found);
    out.push(...found.filter((c) => c.end > c.start));
  }
  return out;
}

/** One English figure: unit, hedges, category, period and rate; null when it is no claim. */
function englishClaim(text: string, p: Range, para: string, lower: string, periods: ReadonlyArray<{ text: string; start: number; end: number }>, n: Num, t: EnglishTables): ViewClaim | null {
  const rules: string[] = [];
  if (n.ordinal) return null;
  const before = lower.slice(Math.max(0, n.start - 40), n.start);
  const afterRaw = para.slice(n.end, n.end + 40);
  const after = afterRaw.toLowerCase();
  if (/[a-z]$/i.test(para.slice(0, n.start)) || /^[a-z]/i.test(afterRaw) && !/^(st|nd|rd|th)\b/i.test(afterRaw) && !/^\s/.test(afterRaw)) return null; // G20, 5G
  if (/\b(no\.|number|tel|phone|call|room|article|item|page|issue)\s*$/.test(before)) return null; // numbers that name things
  if (t.months.some((m) => before.endsWith(`${m} `)) || t.months.some((m) => after.startsWith(` ${m}`))) return null; // June 21, 21 June
  if (/^(?:\s*[.)]\s)/.test(afterRaw) && /(^|\n)\s*\(?$/.test(para.slice(0, n.start))) return null; // list markers 1. (1)
  let pos = p.start + n.end; // absolute, like every span this returns
  let value = n.value;
  let unit: EnUnit | null = null;
  let unitWritten = '';
  // scale words not merged by compromise ("3.5 million yuan")
  const sc = SCALE_AFTER_FIGURE.exec(afterRaw);
  if (sc) { value *= t.scales[(sc[1] as string).toLowerCase()] ?? 1; pos += sc[0].length; rules.push(`scale:${sc[1]}`); }
  let rest = text.slice(pos, Math.min(p.end, pos + 40));
  if (para.slice(n.start, n.end).endsWith('%')) { unit = { unit: '%', kind: 'percent' }; unitWritten = '%'; } // compromise keeps the % in the number
  else if (rest.startsWith('%')) { unit = { unit: '%', kind: 'percent' }; unitWritten = '%'; pos += 1; }
  else {
    const m = /^\s*(?:-\s*)?/.exec(rest);
    const gap = m ? m[0].length : 0;
    const r = rest.slice(gap).toLowerCase();
    unit = t.units.find((u) => r.startsWith(u.unit) && !/[a-z]/.test(r[u.unit.length] ?? '')) ?? null;
    if (!unit) {
      // an adjective between the number and its unit: "701 backlog cases", "3,000 migrant workers"
      const two = /^([a-z-]+)\s+/.exec(r);
      if (two) {
        const r2 = r.slice(two[0].length);
        const u2 = t.units.find((u) => r2.startsWith(u.unit) && !/[a-z]/.test(r2[u.unit.length] ?? ''));
        if (u2) { unit = u2; pos += gap + two[0].length + u2.unit.length; unitWritten = u2.unit; }
      }
    } else { pos += gap + unit.unit.length; unitWritten = unit.unit; }
    // money written before the number: RMB 70 million, ¥590
    if (!unit && /(rmb|yuan|¥)\s*$/.test(before)) { unit = { unit: 'yuan', kind: 'money', base: 1 }; unitWritten = 'RMB'; }
  }
  if (!unit) return null;
  if (unit.kind === 'percent' && unitWritten !== '%') unitWritten = unit.unit;
  // years as dates, not lengths
  if (unit.kind === 'time' && value >= 1900) return null;
  let start = n.start;
  // money written before the number belongs to the evidence: RMB 70 million
  const cur = /(?:rmb|¥)\s*$/.exec(before);
  if (cur && unit.kind === 'money') start -= cur[0].length;
  const hedgeZone = cur ? before.slice(0, before.length - cur[0].length) : before;
  let approx: Approx = 'exact';
  for (const h of t.hedges) {
    // "over 4 consecutive days" is a span of time, not an approximation
    if (h.position === 'before' && hedgeZone.endsWith(`${h.marker} `) && !(unit.kind === 'time' && h.marker === 'over')) {
      approx = h.approx; start -= h.marker.length + 1; rules.push(`hedge:before:${h.marker}`); break;
    }
  }
  rest = text.slice(pos, Math.min(p.end, pos + 20)).toLowerCase();
  for (const h of t.hedges) {
    if (h.position === 'after' && rest.startsWith(` ${h.marker}`)) { if (approx === 'exact') approx = h.approx; pos += h.marker.length + 1; rules.push(`hedge:after:${h.marker}`); break; }
  }
  const clauseFrom = Math.max(lower.lastIndexOf(',', n.start - 1), lower.lastIndexOf(';', n.start - 1), lower.lastIndexOf('. ', n.start - 1)) + 1;
  const clause = lower.slice(clauseFrom, n.start);
  const sentenceFrom = Math.max(lower.lastIndexOf('. ', n.start - 1), lower.lastIndexOf(';', n.start - 1)) + 1;
  const sentence = lower.slice(sentenceFrom, n.start);
  let category: Category;
  let direction: 'down' | 'up' | null = null;
  switch (unit.kind) {
    case 'money': category = 'amount'; value *= unit.base ?? 1; break;
    case 'person': category = 'headcount'; break;
    case 'area': case 'thing': category = 'count'; break;
    case 'case': {
      const r = lastWordAt(sentence, t.resolve);
      const h = lastWordAt(sentence, t.handle);
      const afterVerb = t.resolve.some((w) => hasWord(lower.slice(pos - p.start, pos - p.start + 30), w));
      category = (r >= 0 && r > h) || (r < 0 && h < 0 && afterVerb) ? 'cases_resolved' : 'count';
      break;
    }
    case 'percent': {
      const d = lastWordAt(clause, t.down);
      const u = lastWordAt(clause, t.up);
      if (d >= 0 || u >= 0) { category = 'percent_change'; direction = d > u ? 'down' : 'up'; } else category = 'share';
      break;
    }
    case 'time': {
      const cueBefore = t.duration_before.some((w) => before.endsWith(`${w} `)) || /consecutive\s*$/.test(before);
      const cueAfter = t.duration_after.some((w) => rest.startsWith(` ${w}`)) || /^\s+(?:days?|hours?|months?)/.test(rest);
      const tenure = t.tenure.some((w) => hasWord(sentence, w));
      if (!(cueBefore || cueAfter || tenure) || /(the past|the last)\s*$/.test(before)) return null; // over the past five years: a scope
      category = 'duration';
      if (tenure) rules.push('duration:tenure');
      break;
    }
  }
  // English often puts the time after the figure: "resolved 1,107 disputes in 2020"
  const trailing = periods.find((m) => m.start >= pos && m.start - pos <= 2 && /^(?:in|during) /i.test(m.text));
  const period = trailing ?? [...periods].reverse().find((m) => m.end <= p.start + start) ?? null;
  const rate = t.rates.find((r) => (r.position === 'after' && rest.startsWith(` ${r.marker}`)) || (r.position === 'before' && sentence.includes(r.marker))) ?? null;
  if (unit.kind === 'time' && period && period.start === p.start + n.start) return null;
  return {
    start: p.start + start, end: pos, value: Math.round(value * 1e6) / 1e6, from: null, fromRange: null,
    approx, unit: unit.kind === 'money' ? '元' : unit.kind === 'percent' ? '%' : unit.unit, unitWritten, category, direction, baseline: /year on year|year-on-year/.test(lower.slice(n.start, n.start + 60) + clause) ? 'year on year' : null,
    period, rate: rate ? { unit: rate.unit, text: rate.marker } : null, low: null, high: null,
    numberRange: { start: p.start + n.start, end: p.start + n.end }, rules: ['language:en', ...rules],
    role: 'achievement', roleRule: 'role:achievement',
  };
}

/** "from 590 to 740 yuan": one claim, value 740, from 590. */
function linkFromTo(text: string, found: ViewClaim[]): void {
  for (let k = found.length - 1; k >= 0; k--) {
    const b = found[k] as ViewClaim;
    const lead = rangeOf(text, b.start - 40, b.start);
    const fromM = /from\s+(?:rmb\s*|¥)?([\d,.]+)\s*(?:yuan|%|percent)?\s+to\s*$/i.exec(lead);
    if (!fromM) continue;
    const fromValue = Number((fromM[1] as string).replace(/,/g, ''));
    if (!Number.isFinite(fromValue)) continue;
    const fromStart = b.start - lead.length + fromM.index + fromM[0].indexOf(fromM[1] as string);
    b.from = fromValue;
    b.direction = b.value >= fromValue ? 'up' : 'down';
    b.fromRange = { start: fromStart, end: fromStart + (fromM[1] as string).length };
    b.rules.push('change:from-to');
    // the earlier figure, if it was read as a claim of its own, is part of this one
    const a = found[k - 1];
    if (a && a.start >= fromStart) { found.splice(k - 1, 1); k--; }
    b.start = fromStart;
  }
}
