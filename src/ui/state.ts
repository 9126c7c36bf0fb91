/**
 * The review UI's state: a pure reducer with an exhaustive action union, testable without Ink.
 * Side effects (writing decisions) happen outside: the app records a decision in the store and
 * then dispatches `recorded` with the stored row.
 */
import type { Claim, Nominee } from '../analyse.js';
import { isClaimOf } from '../types.js';
import type { AnalysedDocument } from '../corpus.js';
import { CATEGORIES, type Category } from '../extract/view-claim.js';
import type { Decision, Status } from '../review/store.js';
import type { ConsensusRule, ConsensusState } from '../review/consensus.js';
import { occurrences } from './text.js';
import { correctedDocuments, EDIT_FIELDS, VERDICTS, type EditField, type Orphan, type Verdict, type VerdictEntry } from '../review/corrections.js';

export interface NomineeEntry {
  readonly key: string;
  readonly doc: number;
  readonly nominee: Nominee | null;
  readonly name: string;
  readonly claims: readonly Claim[];
}

export interface ReviewModel {
  /** the documents with the reviewers' corrections applied (added claims included, noise flagged) */
  readonly docs: readonly AnalysedDocument[];
  readonly nominees: readonly NomineeEntry[];
  /** chair mode (see chair.ts): the nominees hold only the claims that need the chair */
  readonly chair?: ChairInfo;
  /** the documents as analysed, before corrections */
  readonly base?: readonly AnalysedDocument[];
  /** the correction rows the model was built with, and those that cannot be placed in the current text */
  readonly corrections?: readonly Decision[];
  readonly correctionOrphans?: readonly Orphan[];
  readonly verdicts?: readonly VerdictEntry[];
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

/** The review model of some documents, with the correction rows of the store applied (see review/corrections.ts). */
export function buildModel(analysed: readonly AnalysedDocument[], corrections: readonly Decision[] = []): ReviewModel {
  const nominees: NomineeEntry[] = [];
  const correctionOrphans: Orphan[] = [];
  const verdicts: VerdictEntry[] = [];
  const docs = corrections.length === 0 ? analysed : correctedDocuments(analysed, corrections).map(({ doc, result, applied }) => {
    correctionOrphans.push(...applied.orphans);
    verdicts.push(...applied.verdicts);
    return { ...doc, result };
  });
  docs.forEach((d, doc) => {
    for (const n of d.result.nominees) {
      nominees.push({ key: `${d.result.sha256}:${n.id}`, doc, nominee: n, name: n.name, claims: d.result.claims.filter((c) => isClaimOf(c, n.id)) });
    }
    const loose = d.result.claims.filter((c) => c.nominee === null);
    if (loose.length > 0) nominees.push({ key: `${d.result.sha256}:-`, doc, nominee: null, name: '(unattributed)', claims: loose });
  });
  return { docs, nominees, base: analysed, corrections, correctionOrphans, verdicts };
}

/** The same documents with another set of correction rows; in chair mode, the same claims as the chair's model. */
export function withCorrections(model: ReviewModel, corrections: readonly Decision[]): ReviewModel {
  const fresh = buildModel(model.base ?? model.docs, corrections);
  if (!model.chair) return fresh;
  const byKey = new Map(fresh.nominees.map((n) => [n.key, n]));
  const nominees = model.nominees.map((n) => {
    const ids = new Set(n.claims.map((c) => c.id));
    const f = byKey.get(n.key);
    return f ? { ...n, claims: f.claims.filter((c) => ids.has(c.id)) } : n;
  });
  return { ...fresh, nominees, chair: model.chair };
}

/** A correction being typed: a field's new value, a missed figure's text, or a verdict's note. */
export type Form =
  /** fresh: the field's current value, which the first character typed replaces */
  | { readonly kind: 'edit'; readonly field: EditField; readonly text: string; readonly fresh: boolean; readonly error: string | null }
  /** choices: where the typed text occurs, nearest the claim first, once Enter found more than one; pick: the one chosen */
  | { readonly kind: 'add'; readonly text: string; readonly error: string | null; readonly choices?: ReadonlyArray<{ readonly start: number; readonly end: number }>; readonly pick?: number }
  | { readonly kind: 'verdict'; readonly target: number; readonly verdict: Verdict; readonly text: string; readonly error: string | null };

/** What a verdict can be about: the nominee as a whole, then each eligibility requirement of its group. */
export function verdictTargets(model: ReviewModel, n: NomineeEntry): Array<{ readonly requirement: string | null; readonly label: string }> {
  if (!n.nominee) return [];
  const r = (model.docs[n.doc] as AnalysedDocument).result;
  const reqs = r.requirements.filter((q) => q.nominees.some((x) => x.nominee === n.nominee?.id));
  return [{ requirement: null, label: 'nominee' }, ...reqs.map((q) => ({ requirement: q.criterion, label: q.kind === 'service_years' ? `≥${q.value}年 service` : `近${q.value}年无违纪` }))];
}

/** The claim's current value of a field, as a reviewer would type it. */
export function fieldText(c: Claim, field: EditField): string {
  return String(c[field]);
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
  /** the first line of the evidence shown, when the evidence is longer than its pane (see scrollEvidence) */
  readonly evidenceTop: number;
  /** the reviewer's own latest decision per claim key */
  readonly mine: Readonly<Record<string, Decision>>;
  /** other reviewers' latest decisions per claim key */
  readonly others: Readonly<Record<string, readonly Decision[]>>;
  readonly message: string | null;
  /** a correction being typed (c, a, R) */
  readonly form: Form | null;
  readonly quit: boolean;
  /** the cursor of the lists across nominees (search results, disputed and needs-evidence claims) */
  readonly listCursor: number;
  /** the list a claim was opened from, which Esc goes back to */
  readonly returnTo: { readonly screen: 'search' | 'problems'; readonly query: string; readonly cursor: number } | null;
}

export type Action =
  | { type: 'move'; delta: number }
  /** the evidence pane, focused and longer than it shows, scrolled by `delta` lines; `max` is its last top line */
  | { type: 'scrollEvidence'; delta: number; max: number }
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
  | { type: 'formStart'; form: Form }
  | { type: 'formInput'; text: string }
  /** edit: the next or previous field; verdict: the next or previous target */
  | { type: 'formField'; delta: number }
  /** verdict: the next or previous verdict */
  | { type: 'formCycle'; delta: number }
  | { type: 'formError'; text: string }
  /** add: the typed text occurs more than once; the reviewer picks one */
  | { type: 'formChoices'; choices: ReadonlyArray<{ readonly start: number; readonly end: number }> }
  | { type: 'formCancel' }
  /** a correction was saved (or undone): the model has been rebuilt; focus puts the cursor on a claim */
  | { type: 'corrected'; message: string; focus?: string }
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
    category: null, status: null, query: '', searching: false, note: null, wide: false, evidenceTop: 0, mine: m, others: o, message: null, form: null, quit: false,
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
  return model.nominees.map((_, i) => i).filter((i) => q === '' || occurrences((model.nominees[i] as NomineeEntry).name, q).length > 0);
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
    && (q === '' || occurrences(c.text, q).length > 0 || occurrences(text.slice(c.sentence.start, c.sentence.end), q).length > 0 || String(c.value) === q));
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
  const next = reduceAction(model, state, action);
  // the evidence starts at its top again for another claim, pane, width or screen
  const moved = next.claimCursor !== state.claimCursor || next.nomineeCursor !== state.nomineeCursor || next.pane !== state.pane || next.wide !== state.wide || next.screen !== state.screen;
  return moved && next.evidenceTop !== 0 ? { ...next, evidenceTop: 0 } : next;
}

function reduceAction(model: ReviewModel, state: State, action: Action): State {
  switch (action.type) {
    case 'scrollEvidence':
      return { ...state, evidenceTop: clamp(state.evidenceTop + action.delta, 0, Math.max(0, action.max)) };
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
    case 'formStart':
      return { ...state, form: action.form, message: null };
    case 'formInput':
      if (state.form?.kind === 'add') return { ...state, form: { kind: 'add', text: action.text, error: null } };
      return state.form ? { ...state, form: { ...state.form, text: action.text, error: null, ...(state.form.kind === 'edit' ? { fresh: false } : {}) } } : state;
    case 'formField': {
      const f = state.form;
      if (f?.kind === 'edit') {
        const field = EDIT_FIELDS[(EDIT_FIELDS.indexOf(f.field) + action.delta + EDIT_FIELDS.length) % EDIT_FIELDS.length] as EditField;
        const c = selectedClaim(model, state);
        return { ...state, form: { ...f, field, text: c ? fieldText(c, field) : '', fresh: true, error: null } };
      }
      if (f?.kind === 'add' && f.choices) return { ...state, form: { ...f, pick: ((f.pick ?? 0) + action.delta + f.choices.length) % f.choices.length } };
      if (f?.kind === 'verdict') {
        const n = currentNominee(model, state);
        const count = n ? verdictTargets(model, n).length : 1;
        return { ...state, form: { ...f, target: (f.target + action.delta + count) % Math.max(1, count), error: null } };
      }
      return state;
    }
    case 'formCycle': {
      const f = state.form;
      if (f?.kind !== 'verdict') return state;
      return { ...state, form: { ...f, verdict: VERDICTS[(VERDICTS.indexOf(f.verdict) + action.delta + VERDICTS.length) % VERDICTS.length] as Verdict } };
    }
    case 'formChoices':
      return state.form?.kind === 'add' ? { ...state, form: { ...state.form, choices: action.choices, pick: 0, error: null } } : state;
    case 'formError':
      return state.form ? { ...state, form: { ...state.form, error: action.text } } : { ...state, message: action.text };
    case 'formCancel':
      return { ...state, form: null, message: 'cancelled' };
    case 'corrected': {
      let next: State = { ...state, form: null, message: action.message };
      if (action.focus && state.screen === 'claims') {
        const ci = rowsToClaims(claimRows(model, next)).findIndex((r) => r.kind === 'claim' && r.claim.id === action.focus);
        if (ci >= 0) next = { ...next, claimCursor: ci };
      }
      const n = rowsToClaims(claimRows(model, next)).length;
      return { ...next, claimCursor: clamp(next.claimCursor, 0, Math.max(0, n - 1)) };
    }
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
