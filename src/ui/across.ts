/**
 * The lists that run across every nominee: a search of the claims and their evidence, and the
 * claims someone has disputed or marked as needing evidence. Pure selectors over the state.
 */
import type { Claim } from '../analyse.js';
import type { AnalysedDocument } from '../corpus.js';
import type { Status } from '../review/store.js';
import { type ReviewModel, type State, type NomineeEntry, claimKey, statusOf } from './state.js';
import { occurrences } from './text.js';

export interface SearchHit {
  readonly nominee: number;
  readonly claim: Claim;
  /** the claim's sentence: what the search looked in besides the claim and the name */
  readonly context: string;
}

/** Every claim whose text, sentence or nominee's name contains `query` (English ignoring case), in nominee order. */
export function searchHits(model: ReviewModel, query: string): SearchHit[] {
  const q = query.trim();
  if (q === '') return [];
  const out: SearchHit[] = [];
  model.nominees.forEach((n, i) => {
    const doc = model.docs[n.doc] as AnalysedDocument;
    const byName = occurrences(n.name, q).length > 0;
    for (const c of n.claims) {
      const context = doc.text.slice(c.sentence.start, c.sentence.end);
      if (byName || occurrences(c.text, q).length > 0 || occurrences(context, q).length > 0) out.push({ nominee: i, claim: c, context });
    }
  });
  return out;
}

export interface Problem {
  readonly nominee: number;
  readonly claim: Claim;
  readonly status: Status;
  readonly note: string;
  /** null for the reviewer's own decision */
  readonly reviewer: string | null;
}

const OPEN: ReadonlySet<Status> = new Set(['disputed', 'needs_evidence']);

/** The claims whose latest decision, the reviewer's or another member's, is disputed or needs evidence. */
export function problems(model: ReviewModel, state: State): Problem[] {
  const out: Problem[] = [];
  model.nominees.forEach((n: NomineeEntry, i) => {
    const sha = (model.docs[n.doc] as AnalysedDocument).result.sha256;
    for (const c of n.claims) {
      const key = claimKey(sha, c.id);
      const mine = statusOf(state, sha, c.id);
      if (OPEN.has(mine)) out.push({ nominee: i, claim: c, status: mine, note: state.mine[key]?.note ?? '', reviewer: null });
      for (const o of state.others[key] ?? []) if (OPEN.has(o.status)) out.push({ nominee: i, claim: c, status: o.status, note: o.note, reviewer: o.reviewer });
    }
  });
  return out;
}
