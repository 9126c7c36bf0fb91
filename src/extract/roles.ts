/**
 * Classify: is a figure an achievement of the subject, or context around it (money at stake,
 * an award told in an anecdote, the count of an incident, a rule of procedure, the size of a
 * place, a total whose parts follow)? The cue words are data (dictionaries/roles.yaml); every
 * decision leaves its rule id in `roleRule` and in `rules`. All offsets are view offsets.
 */
import type { RoleTables } from '../dictionaries.js';

export type { RoleTables };
import type { Range } from '../structure/document.js';

export type Role = 'achievement' | 'context';

/** What the role rules read of a claim. */
export interface RoleInput {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly unit: string;
  readonly category: string;
  readonly rules: string[];
  role: Role;
  roleRule: string;
}

const CLAUSE_STOPS = /[，,。；;！？!?：:\n]/;
const SENTENCE_STOPS = /[。；;！？!?\n]/;

/** Where the last of `words` in `s` ends, and the word; -1 when none. */
function last(s: string, words: readonly string[]): { at: number; word: string } {
  let best = { at: -1, word: '' };
  for (const w of words) {
    const at = s.lastIndexOf(w);
    if (at >= 0 && at + w.length > best.at) best = { at: at + w.length, word: w };
  }
  return best;
}

function clauseBefore(text: string, c: RoleInput, p: Range): string {
  let i = c.start;
  while (i > p.start && c.start - i < 60 && !CLAUSE_STOPS.test(text[i - 1] as string)) i--;
  return text.slice(i, c.start);
}

function clauseAfter(text: string, c: RoleInput, p: Range): string {
  let i = c.end;
  while (i < p.end && i - c.end < 30 && !CLAUSE_STOPS.test(text[i] as string)) i++;
  return text.slice(c.end, i);
}

function decide(text: string, c: RoleInput, p: Range, t: RoleTables): string | null {
  const before = clauseBefore(text, c, p);
  const acting = last(before, t.acting).at;
  const stake = last(before, t.stake);
  if (stake.at > acting && stake.at >= 0) return `role:context:stake:${stake.word}`;
  const award = last(before, t.award);
  if (award.at > acting && award.at >= 0 && c.category === 'amount') return `role:context:award:${award.word}`;
  if (acting < 0) {
    const after = clauseAfter(text, c, p);
    const incident = t.incident.find((w) => before.includes(w) || after.includes(w));
    if (incident) return `role:context:incident:${incident}`;
    const event = (c.category === 'headcount' || c.category === 'count') ? t.event.find((w) => before.includes(w) || after.includes(w)) : undefined;
    if (event) return `role:context:event:${event}`;
  }
  if (c.category === 'duration' && /内$/.test(text.slice(c.start, c.end))) {
    const next = text.slice(c.end, c.end + 8).replace(/^(?:到|予以|进行|及时|全部|即)/, '');
    if (t.procedure_verbs.some((v) => next.startsWith(v)) || t.procedure.some((w) => before.includes(w))) return 'role:context:procedure';
  }
  // 与去年同期1批2人次相比: the baseline of a change
  const open = last(before, t.baseline_open).at;
  if (open >= 0 && open > acting && t.baseline_close.some((w) => clauseAfter(text, c, p).includes(w))) return 'role:context:baseline';
  const pop = last(before, t.population);
  if (pop.at > acting && pop.at >= 0 && (c.category === 'count' || c.category === 'headcount')) return `role:context:population:${pop.word}`;
  return null;
}

/** Categories whose figures add up in a total. */
const ADDING: ReadonlySet<string> = new Set(['count', 'headcount', 'cases_resolved', 'amount']);

/** The noun a count counts, right after its unit (45个乡镇（街道） → 乡镇), to tie a total to parts across a sentence. */
function countedNoun(text: string, c: RoleInput): string {
  return /^\s*([\u4e00-\u9fa5]{1,2})/.exec(text.slice(c.end, c.end + 4))?.[1] ?? '';
}

/** Whether two units count the same thing for a total and its parts (件 and 件次; roles.yaml same_count). */
function sameCount(a: string, b: string, t: RoleTables): boolean {
  if (a === b) return true;
  const base = (u: string): string => t.same_count.find((p) => p.split(' ')[0] === u)?.split(' ')[1] ?? u;
  return base(a) === base(b);
}

/** Where the sentence around `at` ends (a sentence stop or the paragraph's end). */
function sentenceEnd(text: string, at: number, p: Range): number {
  let i = at;
  while (i < p.end && !SENTENCE_STOPS.test(text[i] as string)) i++;
  return i;
}

/**
 * The parts of a total marked by its scope word (全市45个乡镇…11个…4个…3个): figures of the same
 * unit after it in its sentence; when its sentence has none, in the next sentence, if they count
 * the same noun (…45个乡镇（街道）划分为三类。2016年底，全市11个乡镇…4个乡镇…3个乡镇…). Two or more
 * parts that together do not exceed it; their indices, or null.
 */
function scopedTotalParts(text: string, claims: readonly RoleInput[], k: number, p: Range, t: RoleTables): number[] | null {
  const c = claims[k] as RoleInput;
  if (c.category !== 'count' && c.category !== 'headcount') return null;
  const before = clauseBefore(text, c, p);
  const scope = last(before, t.total_scope).at;
  if (scope < 0 || last(before, t.acting).at > scope) return null;
  const end = sentenceEnd(text, c.end, p);
  const next = end < p.end ? sentenceEnd(text, end + 1, p) : end;
  const same: number[] = []; const following: number[] = [];
  for (let j = k + 1; j < claims.length; j++) {
    const d = claims[j] as RoleInput;
    if (d.start >= next) break;
    if (d.unit === c.unit) (d.start < end ? same : following).push(j);
  }
  const noun = countedNoun(text, c);
  const parts = same.length > 0 ? same : following.length > 0 && noun !== '' && countedNoun(text, claims[following[0] as number] as RoleInput) === noun ? following : [];
  const sum = parts.reduce((a, j) => a + (claims[j] as RoleInput).value, 0);
  return parts.length >= 2 && sum <= c.value ? parts : null;
}

/**
 * The parts of a total marked by the parts' own word (化解信访积案143件，其中“钉子案”31件; 减少46批次，
 * 其中…9批次，…37批次): figures of the same count after 其中 in the total's sentence, the total being
 * the last figure of that count before 其中, which together do not exceed it; their indices, or null.
 */
function markedParts(text: string, claims: readonly RoleInput[], k: number, p: Range, t: RoleTables): number[] | null {
  const c = claims[k] as RoleInput;
  const nextClaim = claims[k + 1];
  const end = sentenceEnd(text, c.end, p);
  const gapEnd = nextClaim && nextClaim.start < end ? nextClaim.start : end;
  const gap = text.slice(c.end, gapEnd);
  const at = Math.max(...t.parts_open.map((w) => gap.indexOf(w)));
  if (at < 0) return null;
  const parts: number[] = [];
  for (let j = k + 1; j < claims.length; j++) {
    const d = claims[j] as RoleInput;
    if (d.start >= end) break;
    if (ADDING.has(d.category) && sameCount(d.unit, c.unit, t)) parts.push(j);
  }
  const sum = parts.reduce((a, j) => a + (claims[j] as RoleInput).value, 0);
  return parts.length >= 1 && sum <= c.value ? parts : null;
}

/**
 * Sets `role` and `roleRule` on each claim of one paragraph (claims in text order). A total and
 * its parts are never both achievements: a total marked by its scope word (全市45个乡镇) is context
 * and its parts count; parts marked by 其中 are context and their total counts. A figure already
 * taken as a part is not a total of its own (全市11个乡镇 after 全市45个乡镇).
 */
export function assignRoles(text: string, claims: readonly RoleInput[], p: Range, t: RoleTables): void {
  const rules: Array<string | null> = claims.map((c) => decide(text, c, p, t));
  const part = new Set<number>();
  claims.forEach((c, k) => {
    if (part.has(k) || rules[k] !== null || !ADDING.has(c.category)) return;
    const scoped = scopedTotalParts(text, claims, k, p, t);
    if (scoped) { rules[k] = 'role:context:total-with-parts'; for (const j of scoped) part.add(j); return; }
    const marked = markedParts(text, claims, k, p, t);
    if (marked) for (const j of marked) { part.add(j); rules[j] ??= 'role:context:part-of-total'; }
  });
  claims.forEach((c, k) => {
    const rule = rules[k] ?? null;
    c.role = rule === null ? 'achievement' : 'context';
    c.roleRule = rule ?? 'role:achievement';
    if (rule !== null) c.rules.push(rule);
  });
}
