/**
 * The review UI's corrections of the extraction, one key each, saved at once like decisions:
 * X not a claim (toggle), c correct a field, a add a missed figure, R a verdict on the nominee or
 * one of its requirements. Each is a row of the store (review/corrections.ts); after it is
 * written the model is rebuilt with it, so the screens show the corrected claims.
 */
import { randomUUID } from 'node:crypto';
import type { Key } from 'ink';
import type { Decision, ReviewStore, Role } from '../review/store.js';
import type { AnalysedDocument } from '../corpus.js';
import { addCorrection, editCorrection, findTyped, noiseCorrection, paragraphAround, parseEdit, verdictCorrection, type CorrectionInput } from '../review/corrections.js';
import { type Action, type ReviewModel, type State, currentNominee, fieldText, selectedClaim, verdictTargets } from './state.js';

export interface CorrectContext {
  readonly model: () => ReviewModel;
  readonly store: ReviewStore;
  readonly reviewer: string;
  /** member, or chair in chair mode: a chair's correction of a field wins over the members' */
  readonly role: Role;
  readonly latest: { readonly current: State };
  readonly dispatch: (a: Action) => void;
  /** rebuilds the model with these correction rows */
  readonly setCorrections: (rows: readonly Decision[]) => void;
  readonly whyNot: (e: unknown, store: ReviewStore) => string;
}

/** The correction rows of a store; none when it cannot be read (the UI says so elsewhere). */
export function storedCorrections(store: ReviewStore): Decision[] {
  try { return store.history({ kind: 'correction' }); } catch { return []; }
}

function where(ctx: CorrectContext): { model: ReviewModel; doc: AnalysedDocument; name: string } | null {
  const model = ctx.model();
  const n = currentNominee(model, ctx.latest.current);
  const doc = n ? model.docs[n.doc] : undefined;
  return n && doc ? { model, doc, name: n.name } : null;
}

/** Writes one correction; on failure says NOT SAVED and leaves the form open. */
function save(ctx: CorrectContext, input: CorrectionInput & { uid?: string }, message: string, focus?: string): boolean {
  let d: Decision;
  try {
    d = ctx.store.record({ ...input, reviewer: ctx.reviewer, role: ctx.role });
  } catch (e) {
    ctx.dispatch({ type: 'formError', text: `NOT SAVED: ${ctx.whyNot(e, ctx.store)}` });
    return false;
  }
  ctx.setCorrections([...(ctx.model().corrections ?? []), d]);
  ctx.dispatch({ type: 'corrected', message, ...(focus ? { focus } : {}) });
  return true;
}

/** X: the selected claim is not a claim; again, it is one after all. */
export function toggleNoise(ctx: CorrectContext): void {
  const w = where(ctx);
  const c = w ? selectedClaim(w.model, ctx.latest.current) : undefined;
  if (!w || !c) return;
  const notAClaim = c.notAClaim !== true;
  save(ctx, noiseCorrection(w.doc, c, w.name, notAClaim), notAClaim ? `saved: “${c.text}” is not a claim (X again to undo it)` : `saved: “${c.text}” is a claim again`, c.id);
}

/** c, a, R: opens the form of a correction. */
export function startForm(kind: 'edit' | 'add' | 'verdict', ctx: CorrectContext): void {
  const model = ctx.model();
  const state = ctx.latest.current;
  const c = selectedClaim(model, state);
  if (kind === 'edit') {
    if (!c) return;
    ctx.dispatch({ type: 'formStart', form: { kind: 'edit', field: 'value', text: fieldText(c, 'value'), fresh: true, error: null } });
  } else if (kind === 'add') {
    if (!c) { ctx.dispatch({ type: 'message', text: 'select a claim of the paragraph first' }); return; }
    ctx.dispatch({ type: 'formStart', form: { kind: 'add', text: '', error: null } });
  } else {
    const n = currentNominee(model, state);
    if (!n?.nominee) { ctx.dispatch({ type: 'message', text: 'a verdict needs a nominee' }); return; }
    ctx.dispatch({ type: 'formStart', form: { kind: 'verdict', target: 0, verdict: 'met', text: '', error: null } });
  }
}

/** Enter in a form: checks what was typed and saves it, or says what is wrong. */
function submit(ctx: CorrectContext): void {
  const state = ctx.latest.current;
  const f = state.form;
  const w = where(ctx);
  if (!f || !w) return;
  const c = selectedClaim(w.model, state);
  if (f.kind === 'edit') {
    if (!c) return;
    const v = parseEdit(f.field, f.text);
    if ('error' in v) { ctx.dispatch({ type: 'formError', text: v.error }); return; }
    const was = fieldText(c.corrected && f.field in c.corrected ? { ...c, ...c.corrected } : c, f.field);
    // with a word to add, the message leaves out the claim's text, so that it fits a line
    save(ctx, editCorrection(w.doc, c, w.name, f.field, v.value), v.warning ? `saved: ${f.field} ${String(v.value)} (was ${was}); ${v.warning}` : `saved: ${f.field} of “${c.text}” is ${String(v.value)} (was ${was})`, c.id);
  } else if (f.kind === 'add') {
    if (!c) return;
    const chosen = f.choices?.[f.pick ?? 0];
    if (chosen) addAt(ctx, w, c, chosen, f.choices?.length ?? 1);
    else addFigure(ctx, w, c, f.text);
  } else {
    const n = currentNominee(w.model, state);
    const t = n ? verdictTargets(w.model, n)[f.target] : undefined;
    if (!n?.nominee || !t) return;
    save(ctx, verdictCorrection(w.doc, n.nominee, t.requirement, f.verdict, f.text.trim()), `saved: ${t.label}: ${f.verdict.replace('_', ' ')}${f.text.trim() ? ' (with note)' : ''}`);
  }
}

/** a: the typed text in the selected claim's paragraph (else in the nominee's part of the text); where it occurs more than once, the reviewer picks the place. */
function addFigure(ctx: CorrectContext, w: { model: ReviewModel; doc: AnalysedDocument; name: string }, c: NonNullable<ReturnType<typeof selectedClaim>>, typed: string): void {
  const text = w.doc.text;
  const n = currentNominee(w.model, ctx.latest.current);
  let found = findTyped(text, c.paragraph, typed, c.start);
  if (found.length === 0 && n && n.claims.length > 0) {
    const part = { start: Math.min(...n.claims.map((x) => x.paragraph.start)), end: Math.max(...n.claims.map((x) => x.paragraph.end)) };
    found = findTyped(text, part, typed, c.start);
  }
  const open = found.filter((span) => !w.doc.result.claims.some((x) => x.start === span.start && x.end === span.end && !x.notAClaim));
  if (found.length === 0) { ctx.dispatch({ type: 'formError', text: `“${typed.trim()}” is not in this paragraph (type it as it appears there)` }); return; }
  if (open.length === 0) { ctx.dispatch({ type: 'formError', text: `“${typed.trim()}” is already a claim` }); return; }
  // several places: the reviewer picks one (the nearest the claim first), Enter adds it
  if (open.length > 1) { ctx.dispatch({ type: 'formChoices', choices: open }); return; }
  addAt(ctx, w, c, open[0] as { start: number; end: number }, 1);
}

/** Adds the figure at one span, in its paragraph, read by the extractor (loaded the first time a figure is added). */
function addAt(ctx: CorrectContext, w: { model: ReviewModel; doc: AnalysedDocument; name: string }, c: NonNullable<ReturnType<typeof selectedClaim>>, span: { start: number; end: number }, of: number): void {
  void import('../review/figure.js').then(({ figureAt }) => addRead(ctx, w, c, span, of, figureAt), (e: unknown) => ctx.dispatch({ type: 'formError', text: `NOT SAVED: ${ctx.whyNot(e, ctx.store)}` }));
}

function addRead(ctx: CorrectContext, w: { model: ReviewModel; doc: AnalysedDocument; name: string }, c: NonNullable<ReturnType<typeof selectedClaim>>, span: { start: number; end: number }, of: number, figureAt: typeof import('../review/figure.js').figureAt): void {
  const para = c.paragraph.start <= span.start && span.end <= c.paragraph.end ? c.paragraph : paragraphAround(w.doc.text, span.start, span.end);
  const input = addCorrection(w.doc, span, para, c.nominee, w.name, randomUUID(), figureAt(w.doc.text, span, para));
  const typed = w.doc.text.slice(span.start, span.end);
  save(ctx, input, `saved: added “${typed}” as a claim${of > 1 ? ` (one of ${of} places)` : ''}`, input.claimId);
}

/** Keys while a form is open: typing, ←/→ (or Tab) the field or target, ↑/↓ the verdict, Enter saves, Esc cancels. */
export function onFormKey(input: string, key: Key, ctx: CorrectContext): void {
  const f = ctx.latest.current.form;
  if (!f) return;
  if (key.escape) { ctx.dispatch({ type: 'formCancel' }); return; }
  if (key.return) { submit(ctx); return; }
  if (key.leftArrow || key.rightArrow || key.tab) { ctx.dispatch({ type: 'formField', delta: key.leftArrow || (key.tab && key.shift) ? -1 : 1 }); return; }
  if (key.upArrow || key.downArrow) { ctx.dispatch({ type: 'formCycle', delta: key.upArrow ? -1 : 1 }); return; }
  // a field's current value is shown to start with: the first character typed replaces it
  let next = f.kind === 'edit' && f.fresh && input && !key.backspace && !key.delete && !/^[\u0000-\u001f\u007f]/.test(input) ? '' : f.text;
  if (key.backspace || key.delete) next = [...next].slice(0, -1).join('');
  else if (input && !key.ctrl && !key.meta) {
    // keys of a burst come one character at a time, a backspace among them as its own character
    for (const ch of input) {
      if (ch === '\u007f' || ch === '\b') next = [...next].slice(0, -1).join('');
      else if (!/[\u0000-\u001f]/.test(ch)) next += ch;
    }
  }
  if (next !== f.text) ctx.dispatch({ type: 'formInput', text: next });
  // a pasted line ends with a return: type the text, then take the return
  if (input.length > 1 && /[\r\n]$/.test(input)) submit(ctx);
}

/** u when the reviewer's last row is a correction: the model without it. */
export function afterUndo(ctx: CorrectContext, d: Decision): void {
  ctx.setCorrections(storedCorrections(ctx.store));
  ctx.dispatch({ type: 'corrected', message: `undone: ${d.field === 'add' ? 'the added claim' : d.field === 'noise' ? '“not a claim”' : d.field === 'verdict' ? 'the verdict' : `the ${d.field ?? ''} correction`} of “${d.claimText}”`, focus: d.claimId });
}
