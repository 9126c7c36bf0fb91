/**
 * The review UI's commands: navigation, decisions, undo, filters and screens, one key at a time.
 * Text entry (notes, search) is App's; this reads the state the previous key left.
 */
import type { Key } from 'ink';
import type { ReviewStore, Role, Status } from '../review/store.js';
import type { AnalysedDocument } from '../corpus.js';
import { type Action, type ReviewModel, type State, currentNominee, selectedClaim } from './state.js';
import { afterUndo, startForm, toggleNoise, type CorrectContext } from './correct.js';
import { problems, searchHits } from './across.js';

export const DECIDE: Record<string, Status> = { v: 'verified', d: 'disputed', n: 'needs_evidence' };
/** The store's position scope that remembers how the reviewer groups claims (`t`). */
export const GROUP_SCOPE = 'group-by';

/** Where a session's place is kept: a member's and a chair's are apart. */
export const placeScope = (role: Role): string => (role === 'chair' ? 'chair' : 'last');

export interface CommandContext {
  readonly model: ReviewModel;
  readonly store: ReviewStore;
  readonly reviewer: string;
  /** 'chair' in chair mode: decisions and undo are the chair's resolutions */
  readonly role: Role;
  readonly rows: number;
  readonly latest: { readonly current: State };
  readonly dispatch: (a: Action) => void;
  readonly decide: (status: Status, note: string | null) => void;
  readonly docOf: () => AnalysedDocument | undefined;
  readonly attempt: <T>(fn: () => T, fallback: T) => { value: T; error: unknown };
  readonly whyNot: (e: unknown, store: ReviewStore) => string;
  readonly correct: CorrectContext;
  /** what the evidence pane last drew (ClaimScreen's EvidenceMeasure): scrolled by ↑↓ when focused and longer than it shows */
  readonly evidence?: { readonly current: { readonly max: number; readonly page: number } };
}

/** Runs the command of one key (nothing while a note or a search is being typed). */
export function command(input: string, key: Key, ctx: CommandContext): void {
  const { model, store, reviewer, role, latest, dispatch, decide, docOf, attempt, whyNot } = ctx;
  const size = { rows: ctx.rows };
  const state = latest.current;
  if (state.searching || state.note || state.form) return;
  if (state.help) { if (input === '?' || key.escape || input === 'q') dispatch({ type: 'toggleHelp' }); return; }
  const page = Math.max(1, size.rows - 12);
  if (state.screen === 'problems' && across(input, key, ctx, page)) return;
  if (scrollEvidence(input, key, ctx)) return;
  if (key.upArrow || input === 'k') dispatch({ type: 'move', delta: -1 });
  else if (key.downArrow || input === 'j') dispatch({ type: 'move', delta: 1 });
  else if (key.pageUp) dispatch({ type: 'move', delta: -page });
  else if (key.pageDown) dispatch({ type: 'move', delta: page });
  else if (key.home) dispatch({ type: 'jump', to: 'first' });
  else if (key.end) dispatch({ type: 'jump', to: 'last' });
  else if (key.return) {
    dispatch({ type: 'open' });
    const n = currentNominee(model, state);
    const doc = docOf();
    // where the reviewer is, for the next session; the session goes on when it cannot be saved
    if ((state.screen === 'nominees' || state.screen === 'matrix') && n && doc && store.writable) {
      const place = attempt(() => store.savePosition(reviewer, placeScope(role), `${doc.result.sha256}:${n.nominee?.id ?? '-'}:`), undefined);
      if (place.error) dispatch({ type: 'message', text: `place in the review not saved: ${whyNot(place.error, store)}` });
    }
  } else if (key.escape) dispatch({ type: 'back' });
  else if (key.tab) dispatch({ type: 'tab' });
  else if (input === 'q') dispatch({ type: 'quit' });
  else if (input === '?') dispatch({ type: 'toggleHelp' });
  else if (input === '/') dispatch({ type: 'searchStart' });
  else if (input === 'M') dispatch({ type: 'showMatrix' });
  else if (input === 'O') dispatch({ type: 'showOrphans' });
  else if (input === 'R' && (state.screen === 'claims' || state.screen === 'nominees')) startForm('verdict', ctx.correct);
  else if (input === 'P') dispatch({ type: 'showProblems' });
  else if (input === ']' || input === '[') {
    dispatch({ type: 'nextNominee', delta: input === ']' ? 1 : -1 });
    if (latest.current.screen === 'claims') savePlace(ctx);
  } else if (state.screen === 'claims') {
    const lower = input.toLowerCase();
    if (DECIDE[input]) decide(DECIDE[input] as Status, null);
    else if (DECIDE[lower] && input !== lower) dispatch({ type: 'noteStart', status: DECIDE[lower] as Status });
    else if (input === 'e') {
      const doc = docOf();
      const c = selectedClaim(model, state);
      const cur = doc && c ? state.mine[`${doc.result.sha256}:${c.id}`] : undefined;
      if (cur && cur.status !== 'unreviewed') dispatch({ type: 'noteStart', status: cur.status });
      else dispatch({ type: 'message', text: 'decide first (v d n), then add a note' });
    } else if (input === 'u') {
      try {
        const d = store.undo(reviewer, role);
        if (d?.kind === 'correction') afterUndo(ctx.correct, d); else dispatch({ type: 'undone', decision: d });
      } catch (e) { dispatch({ type: 'message', text: `NOT SAVED: undo failed: ${whyNot(e, store)}` }); }
    } else if (input === 'X') toggleNoise(ctx.correct);
    else if (input === 'c') startForm('edit', ctx.correct);
    else if (input === 'a') startForm('add', ctx.correct);
    else if (input === 't') {
      dispatch({ type: 'toggleGroup' });
      const saved = store.writable ? attempt(() => store.savePosition(reviewer, GROUP_SCOPE, latest.current.groupBy), undefined) : { error: null };
      if (saved.error) dispatch({ type: 'message', text: `grouping not remembered: ${whyNot(saved.error, store)}` });
    }
    else if (input === 'f') dispatch({ type: 'cycleCategory' });
    else if (input === 's') dispatch({ type: 'cycleStatus' });
    else if (input === 'x') dispatch({ type: 'clearFilters' });
    else if (input === 'w') dispatch({ type: 'toggleWide' });
  }
}

/** Keys of the list of disputed and needs-evidence claims; false for the keys it leaves to the rest. */
function across(input: string, key: Key, ctx: CommandContext, page: number): boolean {
  const { model, latest, dispatch } = ctx;
  const list = problems(model, latest.current);
  const delta = key.upArrow || input === 'k' ? -1 : key.downArrow || input === 'j' ? 1 : key.pageUp ? -page : key.pageDown ? page : key.home ? -list.length : key.end ? list.length : 0;
  if (delta !== 0) { dispatch({ type: 'listMove', delta, count: list.length }); return true; }
  if (!key.return) return false;
  const p = list[Math.min(latest.current.listCursor, list.length - 1)];
  if (p) { dispatch({ type: 'goTo', nominee: p.nominee, claimId: p.claim.id }); savePlace(ctx); }
  return true;
}

/** Remembers the current nominee (and claim) for the next session, as opening a nominee does. */
function savePlace(ctx: CommandContext): void {
  const { model, store, reviewer, latest, dispatch, attempt, whyNot } = ctx;
  const n = currentNominee(model, latest.current);
  const doc = ctx.docOf();
  if (!n || !doc || !store.writable) return;
  const c = selectedClaim(model, latest.current);
  const place = attempt(() => store.savePosition(reviewer, placeScope(ctx.role), `${doc.result.sha256}:${n.nominee?.id ?? '-'}:${c?.id ?? ''}`), undefined);
  if (place.error) dispatch({ type: 'message', text: `place in the review not saved: ${whyNot(place.error, store)}` });
}

/** Keys of the search across nominees that are not typing: choose a result, open its claim. */
export function searchKey(key: Key, ctx: CommandContext): boolean {
  const { model, latest, dispatch } = ctx;
  if (!(key.upArrow || key.downArrow || key.pageUp || key.pageDown || key.return)) return false;
  const hits = searchHits(model, latest.current.query);
  const page = Math.max(1, ctx.rows - 6);
  if (!key.return) dispatch({ type: 'listMove', delta: key.upArrow ? -1 : key.downArrow ? 1 : key.pageUp ? -page : page, count: hits.length });
  else {
    const hit = hits[Math.min(latest.current.listCursor, hits.length - 1)];
    if (hit) { dispatch({ type: 'goTo', nominee: hit.nominee, claimId: hit.claim.id }); savePlace(ctx); }
  }
  return true;
}

/** ↑↓ (k j) and PgUp PgDn scroll the focused evidence pane when it is longer than it shows; otherwise they move the list. */
function scrollEvidence(input: string, key: Key, ctx: CommandContext): boolean {
  const state = ctx.latest.current;
  const ev = ctx.evidence?.current;
  if (state.screen !== 'claims' || state.pane !== 'evidence' || !ev || ev.max <= 0) return false;
  const delta = key.upArrow || input === 'k' ? -1 : key.downArrow || input === 'j' ? 1 : key.pageUp ? -ev.page : key.pageDown ? ev.page : 0;
  if (delta === 0) return false;
  ctx.dispatch({ type: 'scrollEvidence', delta, max: ev.max });
  return true;
}
