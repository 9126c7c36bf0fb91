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

/**
 * A total whose parts follow in its sentence (全市45个乡镇…11个…4个…3个): a count after a whole's
 * scope word, followed by two or more figures of the same unit that together do not exceed it.
 */
function totalWithParts(text: string, claims: readonly RoleInput[], k: number, p: Range, t: RoleTables): boolean {
  const c = claims[k] as RoleInput;
  if (c.category !== 'count' && c.category !== 'headcount') return false;
  const before = clauseBefore(text, c, p);
  const scope = last(before, t.total_scope).at;
  if (scope < 0 || last(before, t.acting).at > scope) return false;
  let sum = 0;
  let parts = 0;
  for (let j = k + 1; j < claims.length; j++) {
    const d = claims[j] as RoleInput;
    if (SENTENCE_STOPS.test(text.slice(c.end, d.start))) break;
    if (d.unit !== c.unit) continue;
    sum += d.value;
    parts++;
  }
  return parts >= 2 && sum <= c.value;
}

/** Sets `role` and `roleRule` on each claim of one paragraph (claims in text order). */
export function assignRoles(text: string, claims: readonly RoleInput[], p: Range, t: RoleTables): void {
  claims.forEach((c, k) => {
    const rule = decide(text, c, p, t) ?? (totalWithParts(text, claims, k, p, t) ? 'role:context:total-with-parts' : null);
    c.role = rule === null ? 'achievement' : 'context';
    c.roleRule = rule ?? 'role:achievement';
    if (rule !== null) c.rules.push(rule);
  });
}
