/**
 * The review UI's state: a pure reducer with an exhaustive action union, testable without Ink.
 * Side effects (writing decisions) happen outside: the app records a decision in the store and
 * then dispatches `recorded` with the stored row.
 */
import type { Claim, Nominee } from '../analyse.js';
import type { AnalysedDocument } from '../corpus.js';
import type { Category } from '../extract/claims.js';
import { CATEGORIES } from '../extract/claims.js';
import type { Decision, Status } from '../review/store.js';
import type { ConsensusRule, ConsensusState } from '../review/consensus.js';

export interface NomineeEntry {
  readonly key: string;
  readonly doc: number;
  readonly nominee: Nominee | null;
  readonly name: string;
  readonly claims: readonly Claim[];
}

export interface ReviewModel {
  readonly docs: readonly AnalysedDocument[];
  readonly nominees: readonly NomineeEntry[];
  /** chair mode (see chair.ts): the nominees hold only the claims that need the chair */
  readonly chair?: ChairInfo;
}

export interface ChairInfo {
  /** the chair's name */
  readonly name: string;
  readonly rule: ConsensusRule;
  /** the panel members, in panel order */
  readonly panel: readonly string[];
  /** why each claim shown needs the chair, by claim key (from the members' decisions alone) */
  readonly why: Readonly<Record<string, string>>;
  /** how many of the loaded claims are in each consensus state, the chair's resolutions aside */
  readonly counts: Readonly<Record<ConsensusState, number>>;
}

export const claimKey = (docSha: string, claimId: string): string => `${docSha}:${claimId}`;

export function buildModel(docs: readonly AnalysedDocument[]): ReviewModel {
  const nominees: NomineeEntry[] = [];
  docs.forEach((d, doc) => {
    for (const n of d.result.nominees) {
      nominees.push({ key: `${d.result.sha256}:${n.id}`, doc, nominee: n, name: n.name, claims: d.result.claims.filter((c) => c.nominee === n.id) });
    }
    const loose = d.result.claims.filter((c) => c.nominee === null);
    if (loose.length > 0) nominees.push({ key: `${d.result.sha256}:-`, doc, nominee: null, name: '(unattributed)', claims: loose });
  });
  return { docs, nominees };
}

export type Screen = 'nominees' | 'claims' | 'matrix' | 'orphans' | 'search' | 'problems';
export type GroupBy = 'criterion' | 'section';
export type Pane = 'list' | 'evidence';
export type StatusFilter = Status | null;

export interface State {
  readonly screen: Screen;
  readonly help: boolean;
  readonly nomineeCursor: number;
  readonly claimCursor: number;
  readonly pane: Pane;
  readonly groupBy: GroupBy;
  readonly category: Category | null;
  readonly status: StatusFilter;
  readonly query: string;
  readonly searching: boolean;
  readonly note: { readonly text: string; readonly status: Status } | null;
  readonly wide: boolean;
  /** the reviewer's own latest decision per claim key */
  readonly mine: Readonly<Record<string, Decision>>;
  /** other reviewers' latest decisions per claim key */
  readonly others: Readonly<Record<string, readonly Decision[]>>;
  readonly message: string | null;
  readonly quit: boolean;
  /** the cursor of the lists across nominees (search results, disputed and needs-evidence claims) */
  readonly listCursor: number;
  /** the list a claim was opened from, which Esc goes back to */
  readonly returnTo: { readonly screen: 'search' | 'problems'; readonly query: string; readonly cursor: number } | null;
}

export type Action =
  | { type: 'move'; delta: number }
  | { type: 'jump'; to: 'first' | 'last' }
  | { type: 'open' }
  | { type: 'back' }
  | { type: 'tab' }
  | { type: 'showMatrix' }
  | { type: 'showOrphans' }
  | { type: 'toggleHelp' }
  | { type: 'toggleGroup' }
  | { type: 'toggleWide' }
  | { type: 'cycleCategory' }
  | { type: 'cycleStatus' }
  | { type: 'clearFilters' }
  | { type: 'searchStart' }
  | { type: 'searchInput'; text: string }
  | { type: 'searchEnd'; keep: boolean }
  | { type: 'noteStart'; status: Status }
  | { type: 'noteInput'; text: string }
  | { type: 'noteCancel' }
  | { type: 'recorded'; decision: Decision; advance: boolean }
  | { type: 'undone'; decision: Decision | null }
  | { type: 'message'; text: string | null }
  | { type: 'quit' }
  | { type: 'nextNominee'; delta: number }
  | { type: 'showProblems' }
  | { type: 'listMove'; delta: number; count: number }
  | { type: 'goTo'; nominee: number; claimId: string };

export function initialState(model: ReviewModel, mine: readonly Decision[], others: readonly Decision[], resume: string | null, groupBy: GroupBy = 'criterion'): State {
  const m: Record<string, Decision> = {};
  for (const d of mine) m[claimKey(d.docSha, d.claimId)] = d;
  const o: Record<string, Decision[]> = {};
  for (const d of others) (o[claimKey(d.docSha, d.claimId)] ??= []).push(d);
  let state: State = {
    screen: 'nominees', help: false, nomineeCursor: 0, claimCursor: 0, pane: 'list', groupBy,
    category: null, status: null, query: '', searching: false, note: null, wide: false, mine: m, others: o, message: null, quit: false,
    listCursor: 0, returnTo: null,
  };
  if (resume) {
    const [sha, nomineeId, claimId] = resume.split(':');
    const ni = model.nominees.findIndex((n) => n.key === `${sha}:${nomineeId}`);
    if (ni >= 0) {
      state = { ...state, nomineeCursor: ni, screen: 'claims' };
      const ci = rowsToClaims(claimRows(model, state)).findIndex((r) => r.kind === 'claim' && r.claim.id === claimId);
      state = { ...state, claimCursor: Math.max(0, ci), message: 'resumed where you left off' };
    }
  }
  return state;
}

export function statusOf(state: State, docSha: string, claimId: string): Status {
  return state.mine[claimKey(docSha, claimId)]?.status ?? 'unreviewed';
}

// ---- selectors ----

export function visibleNominees(model: ReviewModel, state: State): number[] {
  const q = state.screen === 'nominees' ? state.query.trim() : '';
  return model.nominees.map((_, i) => i).filter((i) => q === '' || (model.nominees[i] as NomineeEntry).name.includes(q));
}

export type Row = { readonly kind: 'group'; readonly label: string } | { readonly kind: 'claim'; readonly claim: Claim };

export function currentNominee(model: ReviewModel, state: State): NomineeEntry | undefined {
  return model.nominees[state.nomineeCursor];
}

/** The claim rows of the current nominee, filtered, searched and grouped. */
export function claimRows(model: ReviewModel, state: State): Row[] {
  const n = currentNominee(model, state);
  if (!n) return [];
  const sha = (model.docs[n.doc] as AnalysedDocument).result.sha256;
  const q = state.screen === 'claims' ? state.query.trim() : '';
  const text = (model.docs[n.doc] as AnalysedDocument).text;
  const claims = n.claims.filter((c) => (state.category === null || c.category === state.category)
    && (state.status === null || statusOf(state, sha, c.id) === state.status)
    && (q === '' || c.text.includes(q) || text.slice(c.sentence.start, c.sentence.end).includes(q) || String(c.value) === q));
  const groups = new Map<string, Claim[]>();
  for (const c of claims) {
    const label = state.groupBy === 'criterion' ? (c.criteria[0]?.id ?? '(no criterion)') : (c.section ?? '(no section)');
    const list = groups.get(label) ?? [];
    list.push(c);
    groups.set(label, list);
  }
  const labels = [...groups.keys()];
  if (state.groupBy === 'criterion') labels.sort(criterionOrder);
  const rows: Row[] = [];
  for (const label of labels) {
    rows.push({ kind: 'group', label });
    for (const c of groups.get(label) as Claim[]) rows.push({ kind: 'claim', claim: c });
  }
  return rows;
}

function criterionOrder(a: string, b: string): number {
  const rank = (s: string): string => s.replace('general', '0').replace(/\d+$/, (d) => d.padStart(3, '0'));
  return rank(a).localeCompare(rank(b));
}

export function rowsToClaims(rows: readonly Row[]): Row[] {
  return rows.filter((r) => r.kind === 'claim');
}

export function selectedClaim(model: ReviewModel, state: State): Claim | undefined {
  const r = rowsToClaims(claimRows(model, state))[state.claimCursor];
  return r?.kind === 'claim' ? r.claim : undefined;
}

// ---- reducer ----

const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));

export function reduce(model: ReviewModel, state: State, action: Action): State {
  switch (action.type) {
    case 'move': {
      if (state.screen === 'nominees') {
        const vis = visibleNominees(model, state);
        if (vis.length === 0) return state;
        const at = Math.max(0, vis.indexOf(state.nomineeCursor));
        return { ...state, nomineeCursor: vis[clamp(at + action.delta, 0, vis.length - 1)] as number, message: null };
      }
      if (state.screen === 'claims') {
        const n = rowsToClaims(claimRows(model, state)).length;
        return { ...state, claimCursor: clamp(state.claimCursor + action.delta, 0, Math.max(0, n - 1)), message: null };
      }
      if (state.screen === 'matrix') return { ...state, nomineeCursor: clamp(state.nomineeCursor + action.delta, 0, Math.max(0, model.nominees.length - 1)) };
      return state;
    }
    case 'jump': {
      if (state.screen === 'nominees') {
        const vis = visibleNominees(model, state);
        const to = action.to === 'first' ? vis[0] : vis[vis.length - 1];
        return to === undefined ? state : { ...state, nomineeCursor: to };
      }
      if (state.screen === 'claims') {
        const n = rowsToClaims(claimRows(model, state)).length;
        return { ...state, claimCursor: action.to === 'first' ? 0 : Math.max(0, n - 1) };
      }
      return state;
    }
    case 'open':
      if ((state.screen === 'nominees' || state.screen === 'matrix') && model.nominees[state.nomineeCursor]) {
        return { ...state, screen: 'claims', claimCursor: 0, pane: 'list', query: '', searching: false, message: null, returnTo: null };
      }
      if (state.screen === 'claims' && state.pane === 'list' && selectedClaim(model, state)) return { ...state, pane: 'evidence' };
      if (state.screen === 'claims' && state.pane === 'evidence') return { ...state, wide: !state.wide };
      return state;
    case 'back':
      if (state.help) return { ...state, help: false };
      if (state.screen === 'claims' && state.pane === 'evidence') return { ...state, pane: 'list' };
      if (state.screen === 'claims' && state.returnTo) {
        const r = state.returnTo;
        return { ...state, screen: r.screen, query: r.query, searching: r.screen === 'search', listCursor: r.cursor, returnTo: null, pane: 'list', message: null };
      }
      if (state.screen !== 'nominees') return { ...state, screen: 'nominees', query: '', searching: false, pane: 'list', message: null };
      if (state.query !== '') return { ...state, query: '' };
      return state;
    case 'tab':
      return state.screen === 'claims' ? { ...state, pane: state.pane === 'list' ? 'evidence' : 'list' } : state;
    case 'showMatrix':
      return { ...state, screen: 'matrix', help: false, query: '', searching: false };
    case 'showOrphans':
      return { ...state, screen: 'orphans', help: false, query: '', searching: false };
    case 'toggleHelp':
      return { ...state, help: !state.help };
    case 'toggleGroup':
      return state.screen === 'claims' ? { ...state, groupBy: state.groupBy === 'criterion' ? 'section' : 'criterion', claimCursor: 0 } : state;
    case 'toggleWide':
      return { ...state, wide: !state.wide };
    case 'cycleCategory': {
      // only the categories that some claim in view has
      const present = new Set(claimRows(model, { ...state, category: null }).map((r) => (r.kind === 'claim' ? r.claim.category : null)));
      const order: Array<Category | null> = [null, ...CATEGORIES.filter((c) => present.has(c))];
      const next = order[(order.indexOf(state.category) + 1) % order.length] ?? null;
      return { ...state, category: next, claimCursor: 0, message: `category: ${next ?? 'all'}` };
    }
    case 'cycleStatus': {
      const order: StatusFilter[] = [null, 'unreviewed', 'verified', 'disputed', 'needs_evidence'];
      const next = order[(order.indexOf(state.status) + 1) % order.length] ?? null;
      return { ...state, status: next, claimCursor: 0, message: `status: ${next ?? 'all'}` };
    }
    case 'clearFilters':
      return { ...state, category: null, status: null, query: '', claimCursor: 0, message: 'filters cleared' };
    case 'searchStart':
      // on the nominee list, a search of every nominee's claims and evidence
      if (state.screen === 'nominees') return { ...state, screen: 'search', searching: true, query: '', listCursor: 0, message: null };
      return { ...state, searching: true, query: '' };
    case 'searchInput':
      return { ...state, query: action.text, claimCursor: 0, listCursor: 0 };
    case 'searchEnd':
      if (state.screen === 'search') return { ...state, screen: 'nominees', searching: false, query: '', message: null };
      return { ...state, searching: false, query: action.keep ? state.query : '', claimCursor: action.keep ? state.claimCursor : 0 };
    case 'noteStart': {
      const c = selectedClaim(model, state);
      if (!c) return state;
      const n = currentNominee(model, state) as NomineeEntry;
      const existing = state.mine[claimKey((model.docs[n.doc] as AnalysedDocument).result.sha256, c.id)];
      return { ...state, note: { text: existing?.note ?? '', status: action.status } };
    }
    case 'noteInput':
      return state.note ? { ...state, note: { ...state.note, text: action.text } } : state;
    case 'noteCancel':
      return { ...state, note: null, message: 'note cancelled' };
    case 'recorded': {
      const d = action.decision;
      const mine = { ...state.mine, [claimKey(d.docSha, d.claimId)]: d };
      let next: State = { ...state, mine, note: null, message: `saved${d.role === 'chair' ? ' resolution' : ''}: ${d.status.replace('_', ' ')}${d.note ? ' (with note)' : ''}` };
      if (action.advance) next = advanceToUnreviewed(model, next);
      return next;
    }
    case 'undone': {
      if (!action.decision) return { ...state, message: 'nothing to undo' };
      const d = action.decision;
      const mine = { ...state.mine, [claimKey(d.docSha, d.claimId)]: d };
      // put the cursor back on the claim that was undone, when it is in view
      const ni = model.nominees.findIndex((n) => (model.docs[n.doc] as AnalysedDocument).result.sha256 === d.docSha && n.claims.some((c) => c.id === d.claimId));
      let next: State = { ...state, mine, message: `undone: back to ${d.status.replace('_', ' ')}` };
      if (ni >= 0 && state.screen === 'claims') {
        next = { ...next, nomineeCursor: ni };
        const ci = rowsToClaims(claimRows(model, next)).findIndex((r) => r.kind === 'claim' && r.claim.id === d.claimId);
        if (ci >= 0) next = { ...next, claimCursor: ci };
      }
      return next;
    }
    case 'message':
      return { ...state, message: action.text };
    case 'quit':
      return { ...state, quit: true };
    case 'nextNominee': {
      const to = clamp(state.nomineeCursor + action.delta, 0, Math.max(0, model.nominees.length - 1));
      const n = model.nominees[to];
      if (!n || to === state.nomineeCursor) return { ...state, message: action.delta > 0 ? 'this is the last nominee' : 'this is the first nominee' };
      const claims = state.screen === 'claims' ? { claimCursor: 0, pane: 'list' as const, query: '', returnTo: null } : {};
      return { ...state, ...claims, nomineeCursor: to, message: `nominee ${to + 1}/${model.nominees.length}: ${n.name}` };
    }
    case 'showProblems':
      return { ...state, screen: 'problems', help: false, query: '', searching: false, listCursor: 0, returnTo: null };
    case 'listMove':
      return { ...state, listCursor: clamp(state.listCursor + action.delta, 0, Math.max(0, action.count - 1)) };
    case 'goTo': {
      const from = state.screen === 'search' || state.screen === 'problems' ? { screen: state.screen, query: state.query, cursor: state.listCursor } : null;
      const filtered = state.category !== null || state.status !== null;
      const next: State = { ...state, screen: 'claims', nomineeCursor: action.nominee, category: null, status: null, query: '', searching: false, pane: 'list', returnTo: from, message: filtered ? 'filters cleared' : null };
      const ci = rowsToClaims(claimRows(model, next)).findIndex((r) => r.kind === 'claim' && r.claim.id === action.claimId);
      return { ...next, claimCursor: Math.max(0, ci) };
    }
  }
}

/** After a decision: the next unreviewed claim in view, after the current one, wrapping around. */
function advanceToUnreviewed(model: ReviewModel, state: State): State {
  const n = currentNominee(model, state);
  if (!n) return state;
  const sha = (model.docs[n.doc] as AnalysedDocument).result.sha256;
  const claims = rowsToClaims(claimRows(model, state)).map((r) => (r.kind === 'claim' ? r.claim : null)).filter((c): c is Claim => c !== null);
  for (let step = 1; step <= claims.length; step++) {
    const i = (state.claimCursor + step) % claims.length;
    if (statusOf(state, sha, (claims[i] as Claim).id) === 'unreviewed') return { ...state, claimCursor: i };
  }
  return { ...state, message: `${state.message ?? ''} — every claim of ${n.name} is ${model.chair ? 'resolved' : 'reviewed'}` };
}

/** Progress of one nominee for the reviewer. */
export function progress(model: ReviewModel, state: State, n: NomineeEntry): { reviewed: number; disputed: number; needs: number; total: number } {
  const sha = (model.docs[n.doc] as AnalysedDocument).result.sha256;
  let reviewed = 0; let disputed = 0; let needs = 0;
  for (const c of n.claims) {
    const s = statusOf(state, sha, c.id);
    if (s !== 'unreviewed') reviewed++;
    if (s === 'disputed') disputed++;
    if (s === 'needs_evidence') needs++;
  }
  return { reviewed, disputed, needs, total: n.claims.length };
}

/** Decisions about claims that no longer exist in the loaded documents (same path, other content, or a vanished claim). */
export function orphans(model: ReviewModel, decisions: readonly Decision[]): Decision[] {
  const byPath = new Map(model.docs.map((d) => [d.result.path, d.result]));
  return decisions.filter((d) => {
    const r = byPath.get(d.docPath) ?? model.docs.find((x) => x.result.sha256 === d.docSha)?.result;
    if (!r) return false;
    return r.sha256 !== d.docSha || !r.claims.some((c) => c.id === d.claimId);
  }).filter((d) => d.status !== 'unreviewed');
}

export function checksFor(model: ReviewModel, n: NomineeEntry): number {
  const r = (model.docs[n.doc] as AnalysedDocument).result;
  return r.checks.filter((c) => c.nominee === (n.nominee?.id ?? null) || c.claims.some((id) => n.claims.some((x) => x.id === id))).length;
}
