/**
 * The review panel's terminal UI. State lives in the pure reducer of state.ts; this component
 * maps keys to actions and writes each decision to the store the moment it is made.
 */
import React, { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Key } from 'ink';
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import type { Decision, ReviewStore, Role, Status } from '../review/store.js';
import type { AnalysedDocument } from '../corpus.js';
import { type Action, type ReviewModel, type State, reduce, initialState, currentNominee, selectedClaim, orphans, progress, withCorrections } from './state.js';
import { NomineeScreen } from './NomineeScreen.js';
import { ClaimScreen, type EvidenceMeasure } from './ClaimScreen.js';
import { MatrixScreen } from './MatrixScreen.js';
import { OrphanScreen } from './OrphanScreen.js';
import { Help } from './Help.js';
import { onFormKey, storedCorrections, type CorrectContext } from './correct.js';
import { FormLine, formRows } from './FormLine.js';
import { Footer, footerRows } from './Footer.js';
import { SearchScreen } from './SearchScreen.js';
import { ProblemScreen } from './ProblemScreen.js';
import { command, placeScope, searchKey, GROUP_SCOPE, type CommandContext } from './commands.js';
import { nothingToAdjudicate } from './chair.js';
import { fit, width } from './text.js';

export interface AppProps {
  readonly model: ReviewModel;
  readonly store: ReviewStore;
  readonly reviewer: string;
  /** ink-testing-library has no real terminal size */
  readonly size?: { readonly columns: number; readonly rows: number };
  /** read keys; false when stdin is not a terminal */
  readonly interactive?: boolean;
}

function useTerminalSize(fixed?: { columns: number; rows: number }): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = (): { columns: number; rows: number } => fixed ?? { columns: stdout.columns || 80, rows: stdout.rows || 24 };
  const [size, setSize] = useState(read);
  useEffect(() => {
    if (fixed) return undefined;
    const onResize = (): void => setSize(read());
    stdout.on('resize', onResize);
    return () => { stdout.off('resize', onResize); };
  }, [stdout]);
  return size;
}

/** Why a store operation failed, in one line, without the store's path (the header shows it). */
function whyNot(e: unknown, store: ReviewStore): string {
  const m = ((e as Error).message ?? String(e)).split('\n')[0] ?? '';
  return m.startsWith(`${store.path}: `) ? m.slice(store.path.length + 2) : m;
}

/** A read of the store that cannot stop the UI: on failure, the fallback and the reason. */
function attempt<T>(fn: () => T, fallback: T): { value: T; error: unknown } {
  try { return { value: fn(), error: null }; } catch (e) { return { value: fallback, error: e }; }
}

/**
 * The state a session opens with: a member's own decisions and the other members'; in chair mode
 * the chair's own resolutions, and every member's decisions and other chairs' resolutions.
 */
function openSession(model: ReviewModel, store: ReviewStore, reviewer: string, role: Role): State {
  const all = attempt(() => store.latest(), [] as Decision[]);
  const place = attempt(() => store.position(reviewer, placeScope(role)), null);
  const group = attempt(() => store.position(reviewer, GROUP_SCOPE), null);
  const mine = all.value.filter((d) => d.role === role && d.reviewer === reviewer);
  // a chair also sees another chair's resolutions (a deputy's, say); a member sees members only
  const others = all.value.filter((d) => (d.role === 'member' || role === 'chair') && !(d.role === role && d.reviewer === reviewer));
  const s = initialState(model, mine, others, place.value, group.value === 'section' ? 'section' : 'criterion');
  const problem = all.error ?? place.error ?? group.error;
  if (problem) return { ...s, message: `cannot read the review database: ${whyNot(problem, store)}` };
  if (!store.writable) return { ...s, message: `read-only${store.readonlyReason ? ` (${store.readonlyReason})` : ''}: decisions cannot be saved` };
  return s;
}

/** The title line, cut to one row: who, progress (in chair mode: the rule and the resolutions), then where. */
function Title({ model, state, store, reviewer, orphaned, columns }: { readonly model: ReviewModel; readonly state: State; readonly store: ReviewStore; readonly reviewer: string; readonly orphaned: number; readonly columns: number }): React.JSX.Element {
  const total = model.nominees.reduce((acc, n) => { const p = progress(model, state, n); return { done: acc.done + p.reviewed, all: acc.all + p.total }; }, { done: 0, all: 0 });
  const where = `${store.path}${store.writable ? '' : ' (read-only)'}`;
  const more = orphaned ? ` · ${orphaned} orphaned` : '';
  // what the reviewer or the chair is doing first, the path last, cut to the line
  if (model.chair) {
    const doing = `  chair ${reviewer} · chair mode (${model.chair.rule} rule) · resolved ${total.done} of ${total.all}`;
    return (
      <Text wrap="truncate-end">
        <Text bold color="cyan">shiji review</Text>
        <Text>{fit(doing, columns - 12)}</Text>
        <Text dimColor>{fit(`${more} · ${where}`, Math.max(0, columns - 12 - width(doing)))}</Text>
      </Text>
    );
  }
  return (
    <Text wrap="truncate-end">
      <Text bold color="cyan">shiji review</Text>
      <Text dimColor>{fit(`  ${reviewer} · ${total.done}/${total.all} reviewed${more} · ${where}`, columns - 12)}</Text>
    </Text>
  );
}

/** The model with the store's corrections applied, and a way to apply others: the ref is what key handlers read. */
function useCorrectedModel(base: ReviewModel, store: ReviewStore): { model: ReviewModel; ref: { current: ReviewModel }; set: (rows: readonly Decision[]) => void } {
  const [model, setModel] = useState(() => withCorrections(base, storedCorrections(store)));
  const ref = useRef(model);
  const set = (rows: readonly Decision[]): void => { ref.current = withCorrections(base, rows); setModel(ref.current); };
  return { model, ref, set };
}

export function App({ model: base, store, reviewer, size: fixedSize, interactive = true }: AppProps): React.JSX.Element {
  const { exit } = useApp();
  const size = useTerminalSize(fixedSize);
  const { model, ref: modelRef, set: setCorrections } = useCorrectedModel(base, store);
  const role: Role = model.chair ? 'chair' : 'member';
  const initial = useMemo(() => openSession(model, store, reviewer, role), []);
  const [state, rawDispatch] = useReducer((s: State, a: Action) => reduce(modelRef.current, s, a), initial);
  // Keys can arrive in bursts (paste, fast typing, tmux send-keys): handlers read and advance
  // this ref so that each key of a burst sees the state the previous one left.
  const latest = useRef(state);
  // what the evidence pane last drew, for the keys that scroll it
  const evidence = useRef<EvidenceMeasure>({ max: 0, page: 1 });
  latest.current = state;
  const dispatch = (a: Action): void => { latest.current = reduce(modelRef.current, latest.current, a); rawDispatch(a); };
  const orphaned = useMemo(() => orphans(model, attempt(() => store.latest({ role: 'member' }), []).value), [state.mine, model]);
  const correct: CorrectContext = { model: () => modelRef.current, store, reviewer, role, latest, dispatch, setCorrections, whyNot };

  useEffect(() => { if (state.quit) exit(); }, [state.quit]);

  const docOf = (): AnalysedDocument | undefined => {
    const n = currentNominee(modelRef.current, latest.current);
    return n ? modelRef.current.docs[n.doc] : undefined;
  };

  const decide = (status: Status, note: string | null): void => {
    const state = latest.current;
    const model = modelRef.current;
    const n = currentNominee(model, state);
    const c = selectedClaim(model, state);
    const doc = docOf();
    if (!n || !c || !doc) return;
    const key = `${doc.result.sha256}:${c.id}`;
    const keepNote = note ?? state.mine[key]?.note ?? '';
    let d;
    try {
      d = store.record({ docSha: doc.result.sha256, docPath: doc.result.path, claimId: c.id, nominee: c.nominee, nomineeName: n.name, claimText: c.text, status, note: keepNote, reviewer, role });
    } catch (e) {
      // the decision is not in the store: say so, and leave the cursor (and any note typed) where it is
      dispatch({ type: 'message', text: `NOT SAVED: ${whyNot(e, store)}` });
      return;
    }
    const place = attempt(() => store.savePosition(reviewer, placeScope(role), `${doc.result.sha256}:${n.nominee?.id ?? '-'}:${c.id}`), undefined);
    dispatch({ type: 'recorded', decision: d, advance: note === null || state.mine[key]?.status !== status });
    if (place.error) dispatch({ type: 'message', text: `saved: ${status.replace('_', ' ')}; place in the review not saved: ${whyNot(place.error, store)}` });
  };

  const context = (): CommandContext => ({ model: modelRef.current, store, reviewer, role, rows: size.rows, latest, dispatch, decide, docOf, attempt, whyNot, correct, evidence });

  // text entry: search and notes
  const onText = (input: string, key: Key): void => {
    const state = latest.current;
    if (state.screen === 'search' && searchKey(key, context())) return;
    if (key.escape) { dispatch(state.note ? { type: 'noteCancel' } : { type: 'searchEnd', keep: false }); return; }
    if (key.return) {
      if (state.note) decide(state.note.status, state.note.text.trim());
      else dispatch({ type: 'searchEnd', keep: true });
      return;
    }
    const current = state.note ? state.note.text : state.query;
    let next = current;
    if (key.backspace || key.delete) next = [...current].slice(0, -1).join('');
    else if (input && !key.ctrl && !key.meta && !key.tab && !key.upArrow && !key.downArrow) next = current + input.replace(/[\u0000-\u001f\u007f]/g, '');
    if (next !== current) dispatch(state.note ? { type: 'noteInput', text: next } : { type: 'searchInput', text: next });
  };
  const onTextInput = (input: string, key: Key): void => {
    // a pasted line ends with a return: type the text, then take the return
    // a burst with backspaces in it (fast typing): each one deletes
    if (input.length > 1 && input.includes('\x7f') && !key.return) {
      input.split('\x7f').forEach((part, i) => { if (i > 0) onText('', { ...key, backspace: true }); if (part) onTextInput(part, key); });
      return;
    }
    const cut = input.search(/[\r\n]/);
    if (cut >= 0 && !key.return) { if (cut > 0) onText(input.slice(0, cut), key); onText('', { ...key, return: true }); return; }
    onText(input, key);
  };

  // navigation and decisions; a burst of plain characters is taken one key at a time
  const onKey = (input: string, key: Key): void => command(input, key, context());
  const onKeyInput = (input: string, key: Key): void => {
    const plain = !key.ctrl && !key.meta && !key.upArrow && !key.downArrow && !key.return && !key.escape && !key.tab;
    const chars = [...input.replace(/\r/g, '\n')];
    // an Enter typed before the terminal was put in raw mode arrives as a line feed
    if (plain && input === '\n') { onKey('', { ...key, return: true }); return; }
    if (plain && chars.length > 1) {
      // each key of the burst goes where the one before it left the UI: a V opens a note that the rest types into
      for (const ch of chars) {
        const k = ch === '\n' ? { ...key, return: true } : key;
        const c = ch === '\n' ? '' : ch;
        if (latest.current.form) onFormKey(c, k, correct); else if (latest.current.note || latest.current.searching) onText(c, k); else onKey(c, k);
      }
    } else onKey(input, key);
  };
  // One handler, routed by the state the previous key left (not by the last frame drawn): a key
  // that arrives before the screen has caught up (a note's Enter, then u) goes where it belongs.
  useInput((input, key) => {
    if (latest.current.form) onFormKey(input, key, correct);
    else if (latest.current.searching || latest.current.note !== null) onTextInput(input, key);
    else onKeyInput(input, key);
  }, { isActive: interactive });

  // every screen fits the terminal exactly: the title on the first row, the footer on the last ones
  const columns = Math.max(40, size.columns);
  const rows = Math.max(8, size.rows);
  // a correction being typed (c, a, R) takes its rows above the footer
  const bodyHeight = rows - 1 - formRows(state) - footerRows(state, columns, rows, model.chair !== undefined);
  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <Title model={model} state={state} store={store} reviewer={reviewer} orphaned={orphaned.length + (model.correctionOrphans?.length ?? 0)} columns={columns} />
      {/* rows are cut to the width already (fit, truncate-end): clip the height only, so Ink does not slice every line again */}
      <Box flexDirection="column" height={bodyHeight} overflowY="hidden">
        <Body model={model} state={state} orphaned={orphaned} columns={columns} height={bodyHeight} measure={evidence} />
      </Box>
      {state.form ? <FormLine model={model} state={state} columns={columns} /> : null}
      <Footer state={state} columns={columns} rows={rows} chair={model.chair !== undefined} />
    </Box>
  );
}

/** The screen between the title and the footer, in exactly `height` rows. */
function Body({ model, state, orphaned, columns, height, measure }: { readonly model: ReviewModel; readonly state: State; readonly orphaned: readonly Decision[]; readonly columns: number; readonly height: number; readonly measure: { current: EvidenceMeasure } }): React.JSX.Element | null {
  const props = { model, state, columns, height };
  if (state.help) return <Help columns={columns} height={height} />;
  switch (state.screen) {
    case 'nominees': return model.chair && model.nominees.length === 0 ? <Text color="green">{nothingToAdjudicate(model.chair)}</Text> : <NomineeScreen {...props} />;
    case 'claims': return currentNominee(model, state) ? <ClaimScreen {...props} measure={measure} /> : null;
    case 'matrix': return <MatrixScreen {...props} />;
    case 'orphans': return <OrphanScreen orphans={orphaned} corrections={model.correctionOrphans ?? []} columns={columns} height={height} />;
    case 'search': return <SearchScreen {...props} />;
    case 'problems': return <ProblemScreen {...props} />;
  }
}
