/**
 * Links each claim to the criteria it evidences: natural's TF-IDF over jieba tokens of the
 * criteria, combined with the theme lexicon in dictionaries/criteria-themes.yaml and the
 * claim's context (its sentence and its headings). Best first, with the words that explain it.
 */
import { readFileSync } from 'node:fs';
import { parseYaml } from '../yaml.js';
import { TfIdf } from 'natural/lib/natural/tfidf/index.js';
import { segment } from '../segment/jieba.js';
import { ShijiError } from '../errors.js';
import type { Category } from '../extract/claims.js';
import type { NomineeKind } from '../structure/document.js';

export interface Theme {
  readonly id: string;
  readonly criterion: readonly string[];
  readonly claim: readonly string[];
  /** the same in English, matched on lower-cased text */
  readonly criterion_en?: readonly string[];
  readonly claim_en?: readonly string[];
  readonly categories: readonly Category[];
  readonly rules?: readonly string[];
  readonly prior?: number;
}

export interface LinkCriterion { readonly id: string; readonly group: NomineeKind; readonly text: string }
export interface LinkClaim {
  readonly sentence: string;
  readonly headings: readonly string[];
  readonly category: Category;
  readonly rules: readonly string[];
  readonly group: NomineeKind | null;
}
export interface CriterionLink { readonly id: string; readonly score: number; readonly terms: readonly string[] }

const THEMES_FILE = 'criteria-themes.yaml';

export function validateThemes(raw: unknown): string[] {
  const problems: string[] = [];
  const stop = (raw as { tfidf_stopwords?: unknown } | null)?.tfidf_stopwords;
  if (!Array.isArray(stop) || stop.some((w) => typeof w !== 'string' || w === '')) problems.push(`${THEMES_FILE}: tfidf_stopwords must be a list of words`);
  else if (new Set(stop).size !== stop.length) problems.push(`${THEMES_FILE}: tfidf_stopwords lists a word twice`);
  const themes = (raw as { themes?: unknown } | null)?.themes;
  if (!Array.isArray(themes)) return [`${THEMES_FILE}: themes must be a list`];
  const ids = new Set<string>();
  for (const t of themes as Array<Record<string, unknown>>) {
    const id = String(t['id']);
    if (ids.has(id)) problems.push(`${THEMES_FILE}: theme "${id}" listed twice`);
    ids.add(id);
    for (const k of ['criterion', 'claim', 'categories', 'criterion_en', 'claim_en']) {
      if (t[k] === undefined && k.endsWith('_en')) continue;
      if (!Array.isArray(t[k])) problems.push(`${THEMES_FILE}: ${id}: ${k} must be a list`);
      else {
        const seen = new Set<string>();
        for (const w of t[k] as unknown[]) {
          if (typeof w !== 'string' || w === '') problems.push(`${THEMES_FILE}: ${id}: ${k} has an empty entry`);
          else if (seen.has(w)) problems.push(`${THEMES_FILE}: ${id}: ${k} lists "${w}" twice`);
          else seen.add(w);
        }
      }
    }
    if ((t['criterion'] as unknown[] | undefined)?.length === 0) problems.push(`${THEMES_FILE}: ${id}: needs at least one criterion pattern`);
    if (t['prior'] !== undefined && !(typeof t['prior'] === 'number' && t['prior'] >= 0 && t['prior'] < 1)) problems.push(`${THEMES_FILE}: ${id}: prior must be in [0, 1)`);
  }
  return problems;
}

export interface ThemeLexicon { readonly themes: readonly Theme[]; readonly stopwords: ReadonlySet<string> }

const themeCache = new Map<string, ThemeLexicon>();
export function loadThemes(dir: string): ThemeLexicon {
  const hit = themeCache.get(dir);
  if (hit) return hit;
  const raw = parseYaml(readFileSync(`${dir}/${THEMES_FILE}`, 'utf8')) as unknown;
  const problems = validateThemes(raw);
  if (problems.length > 0) throw new ShijiError('dictionary', `bad dictionary data: ${problems[0]}`);
  const r = raw as { themes: Theme[]; tfidf_stopwords: string[] };
  const lex = { themes: r.themes, stopwords: new Set(r.tfidf_stopwords) };
  themeCache.set(dir, lex);
  return lex;
}

/** Function words that never carry a criterion's meaning. */
const FUNCTION_WORDS = new Set(['以及', '能够', '应当', '具备', '下列', '之一', '同时', '一般',
  'the', 'and', 'for', 'with', 'has', 'have', 'had', 'was', 'were', 'are', 'his', 'her', 'its', 'their', 'this', 'that', 'from', 'into', 'over', 'more', 'than', 'able', 'other', 'all', 'also', 'who', 'which', 'rule', 'work', 'petition', 'petitions', 'public']);
/** Words of a text for TF-IDF: Chinese words of two or more characters, English words of three or more letters. */
function contentTokens(text: string, stop: ReadonlySet<string>): string[] {
  return segment(text).map((t) => t.word.toLowerCase())
    .filter((w) => ((w.length >= 2 && /^[\u4e00-\u9fff]+$/.test(w)) || /^[a-z]{3,}$/.test(w)) && !FUNCTION_WORDS.has(w) && !stop.has(w));
}

const criterionTokenCache = new Map<string, string[]>();
/** Criteria repeat across the documents of a corpus: segment each text once per process. */
function criterionTokens(text: string, stop: ReadonlySet<string>): string[] {
  let t = criterionTokenCache.get(text);
  if (!t) { t = contentTokens(text, stop); criterionTokenCache.set(text, t); }
  return t;
}

const THEME_WEIGHT = 0.7;
const LEXICAL_WEIGHT = 0.3;
const SENTENCE_WEIGHT = 1;
const HEADING_WEIGHT = 0.6;

const rankers = new Map<string, CriterionRanker>();
/**
 * The ranker for a set of criteria, kept for the process: a corpus of notices shares the same
 * criteria, and natural's TF-IDF caches its idf values per instance.
 */
export function rankerFor(criteria: readonly LinkCriterion[], lexicon: ThemeLexicon): CriterionRanker {
  const key = criteria.map((c) => `${c.id}\u0000${c.group}\u0000${c.text}`).join('\u0001');
  let r = rankers.get(key);
  if (!r) {
    if (rankers.size > 100) rankers.clear();
    r = new CriterionRanker(criteria, lexicon);
    rankers.set(key, r);
  }
  return r;
}

/** A ranker for one set of criteria; call `rank` per claim. */
export class CriterionRanker {
  private readonly tfidf = new TfIdf();
  private readonly themesOf: Theme[][];
  private readonly stop: ReadonlySet<string>;
  constructor(private readonly criteria: readonly LinkCriterion[], lexicon: ThemeLexicon) {
    this.stop = lexicon.stopwords;
    for (const c of criteria) this.tfidf.addDocument(criterionTokens(c.text, this.stop));
    this.themesOf = criteria.map((c) => {
      const lower = c.text.toLowerCase();
      return lexicon.themes.filter((t) => t.criterion.some((p) => c.text.includes(p)) || (t.criterion_en ?? []).some((p) => lower.includes(p)));
    });
  }

  /** natural's TF-IDF of one token in criterion i, kept per token: the criteria do not change, and claims share their words */
  private readonly tfidfRows = new Map<string, Float64Array>();
  private tfidfOf(token: string, i: number): number {
    let row = this.tfidfRows.get(token);
    if (!row) {
      if (this.tfidfRows.size > 50000) this.tfidfRows.clear(); // bounded over a long corpus
      row = new Float64Array(this.criteria.length).fill(Number.NaN);
      this.tfidfRows.set(token, row);
    }
    let v = row[i] as number;
    // a token array: a bare string would go through natural's English tokenizer and vanish
    if (Number.isNaN(v)) { v = this.tfidf.tfidf([token], i); row[i] = v; }
    return v;
  }

  private readonly tokenCache = new Map<string, string[]>();
  private tokens(text: string): string[] {
    let t = this.tokenCache.get(text);
    if (!t) {
      if (this.tokenCache.size > 20000) this.tokenCache.clear(); // bounded over a long corpus
      t = contentTokens(text, this.stop);
      this.tokenCache.set(text, t);
    }
    return t;
  }

  rank(claim: LinkClaim, limit = 3): CriterionLink[] {
    const sentenceTokens = this.tokens(claim.sentence);
    const headingText = claim.headings.join('。');
    const headingTokens = this.tokens(headingText);
    const sentenceLower = claim.sentence.toLowerCase();
    const headingLower = headingText.toLowerCase();
    // keywords of a language the claim's context does not use cannot match: skip them
    const hasHan = /[\u3400-\u9fff]/.test(claim.sentence) || /[\u3400-\u9fff]/.test(headingText);
    const hasLatin = /[a-z]{3}/.test(sentenceLower) || /[a-z]{3}/.test(headingLower);
    const candidates = this.criteria.map((c, i) => ({ c, i })).filter(({ c }) => claim.group === null || c.group === claim.group);
    if (candidates.length === 0) return [];

    // TF-IDF of the claim's words in each criterion
    const lexical = candidates.map(({ i }) => {
      const terms = new Map<string, number>();
      for (const [toks, w] of [[sentenceTokens, SENTENCE_WEIGHT], [headingTokens, HEADING_WEIGHT]] as const) {
        for (const t of new Set(toks)) {
          const s = this.tfidfOf(t, i);
          if (s > 0) terms.set(t, (terms.get(t) ?? 0) + w * s);
        }
      }
      return { total: [...terms.values()].reduce((a, b) => a + b, 0), terms };
    });

    // a theme scores the same against every criterion it belongs to: once per claim
    const themeScores = new Map<Theme, { readonly s: number; readonly hits: readonly string[] }>();
    const themeScore = (theme: Theme): { readonly s: number; readonly hits: readonly string[] } => {
      const hit = themeScores.get(theme);
      if (hit) return hit;
      const hits: string[] = [];
      let hitScore = 0;
      for (const w of hasHan ? theme.claim : []) {
        if (claim.sentence.includes(w)) { hitScore += SENTENCE_WEIGHT; hits.push(w); }
        else if (headingText.includes(w)) { hitScore += HEADING_WEIGHT; hits.push(w); }
      }
      for (const w of hasLatin ? (theme.claim_en ?? []) : []) {
        if (sentenceLower.includes(w)) { hitScore += SENTENCE_WEIGHT; hits.push(w); }
        else if (headingLower.includes(w)) { hitScore += HEADING_WEIGHT; hits.push(w); }
      }
      let s = Math.min(1, hitScore / 3);
      if (theme.categories.includes(claim.category)) s += 0.3;
      if (theme.rules?.some((r) => claim.rules.some((cr) => cr.startsWith(r)))) { s += 2; hits.unshift(...theme.rules.filter((r) => claim.rules.some((cr) => cr.startsWith(r)))); }
      s += theme.prior ?? 0;
      const r = { s, hits };
      themeScores.set(theme, r);
      return r;
    };

    const out = candidates.map(({ c, i }, k) => {
      const lex = lexical[k] as { total: number; terms: Map<string, number> };
      let best = 0;
      let bestTerms: readonly string[] = [];
      for (const theme of this.themesOf[i] as Theme[]) {
        const { s, hits } = themeScore(theme);
        if (s > best) { best = s; bestTerms = hits; }
      }
      // TF-IDF counts in absolute terms (saturating), so a single shared word cannot outweigh a theme
      const score = THEME_WEIGHT * best + LEXICAL_WEIGHT * (1 - Math.exp(-lex.total / 4));
      const lexTerms = [...lex.terms.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t).slice(0, 4);
      const terms = [...new Set([...bestTerms, ...lexTerms])].slice(0, 8);
      return { id: c.id, score: Math.round(score * 100) / 100, terms };
    });
    return out.filter((l) => l.score > 0).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
  }
}
