/**
 * Reviewers' corrections of the extraction, as a library (no UI): a claim marked "not a claim",
 * a claim's value, approximation, unit or category corrected, a figure the extractor missed added
 * as a claim of its own (`source: 'reviewer'`), and a verdict per nominee and per eligibility
 * requirement (met / not met / unclear, with a note).
 *
 * Corrections are rows of the review store (`kind: 'correction'`, see store.ts): append-only,
 * with their own uid and sequence, merged like decisions and undone by the same undo stack. Each
 * carries an anchor — the claim's text, a few characters before and after it, its offsets and the
 * document's path and hash — so that it survives re-analysis: when the document's hash or the
 * claim id no longer matches, the anchor is looked for in the new text (its text with the same
 * context first, else the occurrence of its text nearest the old offset). A correction whose
 * anchor cannot be found is an orphan: kept in the store, listed, never applied elsewhere.
 *
 * How several reviewers' corrections combine (what a panel expects of fixes to the extraction,
 * which are facts about the text rather than judgements): per claim and per field, each
 * reviewer's latest correction counts (an undone one counts as never made, so the one before it
 * counts again, even when it was made on an earlier version of the text); of those, the
 * chair's latest wins, else the latest by time across the members. So a later member's "it is a
 * claim after all" overrides an earlier member's "not a claim", and the chair settles any field.
 * Verdicts are judgements and are not combined: each reviewer's latest verdict is kept and shown.
 */
import type { Claim, DocumentResult } from '../types.js';
import type { AnalysedDocument } from '../corpus.js';
import type { Decision, DecisionInput, Role } from './store.js';
import { CATEGORIES, type Category } from '../extract/view-claim.js';
import { APPROX_VALUES, loadDictionaries, type Approx } from '../dictionaries.js';
import { createHash } from 'node:crypto';

/** How many characters of text before and after a claim its anchor keeps. */
export const ANCHOR_CONTEXT = 16;

export interface Anchor {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly before: string;
  readonly after: string;
}

export type EditField = 'value' | 'approx' | 'unit' | 'category';
export const EDIT_FIELDS: readonly EditField[] = ['value', 'approx', 'unit', 'category'];
export type Verdict = 'met' | 'not_met' | 'unclear';
export const VERDICTS: readonly Verdict[] = ['met', 'not_met', 'unclear'];

/** The fields of a figure as the extractor reads them, kept with an added claim. */
export interface Figure {
  readonly value: number;
  readonly approx: Approx;
  readonly unit: string;
  readonly unitWritten: string;
  readonly category: Category;
  readonly direction: 'down' | 'up' | null;
  readonly period: string | null;
  readonly rules: readonly string[];
}

export type CorrectionPayload =
  | { readonly op: 'noise'; readonly notAClaim: boolean; readonly anchor: Anchor }
  | { readonly op: 'edit'; readonly field: EditField; readonly value: number | string; readonly anchor: Anchor }
  | { readonly op: 'add'; readonly anchor: Anchor; readonly figure: Figure; readonly nominee: string | null; readonly paragraph: { readonly start: number; readonly end: number } }
  | { readonly op: 'verdict'; readonly nominee: string; readonly nomineeName: string; readonly requirement: string | null; readonly verdict: Verdict; readonly note: string };

/** A correction as the store is given it (the reviewer is added by the caller). */
export type CorrectionInput = DecisionInput & { readonly kind: 'correction'; readonly field: string; readonly payload: string };

/** An added claim's id: `r` and 15 hex digits of its correction's uid, the same in every store and every version of the text. */
export const ADDED_PREFIX = 'r';
export function addedId(uid: string): string {
  return `${ADDED_PREFIX}${createHash('sha256').update(uid).digest('hex').slice(0, 15)}`;
}

export function anchorOf(text: string, start: number, end: number): Anchor {
  return { text: text.slice(start, end), start, end, before: text.slice(Math.max(0, start - ANCHOR_CONTEXT), start), after: text.slice(end, end + ANCHOR_CONTEXT) };
}

const base = (doc: AnalysedDocument, claimIdOf: string, nominee: string | null, nomineeName: string, claimText: string) => ({
  docSha: doc.result.sha256, docPath: doc.result.path, claimId: claimIdOf, nominee, nomineeName, claimText, status: 'unreviewed' as const, note: '', kind: 'correction' as const,
});

/** "Not a claim" (or, with false, a claim after all) for one claim of the document. */
export function noiseCorrection(doc: AnalysedDocument, claim: Claim, nomineeName: string, notAClaim: boolean, role?: Role): CorrectionInput {
  const payload: CorrectionPayload = { op: 'noise', notAClaim, anchor: anchorOf(doc.text, claim.start, claim.end) };
  return { ...base(doc, claim.id, claim.nominee, nomineeName, claim.text), field: 'noise', payload: JSON.stringify(payload), ...(role ? { role } : {}) };
}

/** A corrected field of one claim; the value is checked with `parseEdit` first. */
export function editCorrection(doc: AnalysedDocument, claim: Claim, nomineeName: string, field: EditField, value: number | string, role?: Role): CorrectionInput {
  const payload: CorrectionPayload = { op: 'edit', field, value, anchor: anchorOf(doc.text, claim.start, claim.end) };
  return { ...base(doc, claim.id, claim.nominee, nomineeName, claim.text), field, payload: JSON.stringify(payload), ...(role ? { role } : {}) };
}

/**
 * A missed figure added at a span of the document: its fields as the extractor's own parser reads
 * them at that span (figureAt, in figure.ts), its id given by the uid the store will keep (addedId).
 */
export function addCorrection(doc: AnalysedDocument, span: { start: number; end: number }, paragraph: { start: number; end: number }, nominee: string | null, nomineeName: string, uid: string, figure: Figure, role?: Role): CorrectionInput & { readonly uid: string } {
  const payload: CorrectionPayload = { op: 'add', anchor: anchorOf(doc.text, span.start, span.end), figure, nominee, paragraph };
  return { ...base(doc, addedId(uid), nominee, nomineeName, doc.text.slice(span.start, span.end)), field: 'add', payload: JSON.stringify(payload), uid, ...(role ? { role } : {}) };
}

/** A verdict on a nominee as a whole (requirement null) or on one of its eligibility requirements (the requirement's criterion id). */
export function verdictCorrection(doc: AnalysedDocument, nominee: { id: string; name: string }, requirement: string | null, verdict: Verdict, note: string, role?: Role): CorrectionInput {
  const payload: CorrectionPayload = { op: 'verdict', nominee: nominee.id, nomineeName: nominee.name, requirement, verdict, note };
  return { ...base(doc, `verdict:${nominee.id}:${requirement ?? '*'}`, nominee.id, nominee.name, requirement ?? nominee.name), field: 'verdict', note, payload: JSON.stringify(payload), ...(role ? { role } : {}) };
}

/** A typed value for a field, checked: a number for value, one of the known approximations or categories, a unit without spaces. */
export function parseEdit(field: EditField, raw: string): { value: number | string; warning?: string } | { error: string } {
  const s = raw.trim();
  if (s === '') return { error: `${field}: type a value` };
  if (field === 'value') {
    const n = Number(s.replace(/[,，]/g, ''));
    return Number.isFinite(n) ? { value: n } : { error: `value: not a number: ${s}` };
  }
  if (field === 'approx') return (APPROX_VALUES as readonly string[]).includes(s) ? { value: s } : { error: `approx: one of ${APPROX_VALUES.join(', ')}` };
  if (field === 'category') return (CATEGORIES as readonly string[]).includes(s) ? { value: s } : { error: `category: one of ${CATEGORIES.join(', ')}` };
  if (/[\s\u0000-\u001f]/.test(s) || s.length > 12) return { error: 'unit: a short unit without spaces (件, 人次, 元, %)' };
  // a unit the tables do not know is taken (the text may count in one), and the reviewer told
  // where it will count: not in a numeric total column, but under the category's other units
  return loadDictionaries().units.some((u) => u.unit === s) ? { value: s } : { value: s, warning: 'not in units.yaml: counted under other units' };
}

/**
 * Where a typed figure occurs in a paragraph: every occurrence, nearest to `near` first. Empty
 * when it does not occur there.
 */
export function findTyped(text: string, paragraph: { start: number; end: number }, typed: string, near: number): Array<{ start: number; end: number }> {
  const t = typed.trim();
  if (t === '') return [];
  const para = text.slice(paragraph.start, paragraph.end);
  const out: Array<{ start: number; end: number }> = [];
  for (let i = para.indexOf(t); i >= 0; i = para.indexOf(t, i + 1)) out.push({ start: paragraph.start + i, end: paragraph.start + i + t.length });
  return out.sort((a, b) => Math.abs(a.start - near) - Math.abs(b.start - near) || a.start - b.start);
}

// ---- applying corrections ----

export interface Orphan {
  readonly reviewer: string;
  readonly role: Role;
  /** noise, value, approx, unit, category, add */
  readonly field: string;
  readonly text: string;
  readonly docPath: string;
  readonly at: string;
  readonly why: string;
}

export interface VerdictEntry {
  readonly reviewer: string;
  readonly role: Role;
  readonly nominee: string;
  readonly nomineeName: string;
  readonly requirement: string | null;
  readonly verdict: Verdict;
  readonly note: string;
  readonly at: string;
}

export interface Applied {
  /** the document's claims with corrections applied (noise flagged `notAClaim`), and the added claims, in text order */
  readonly claims: Claim[];
  readonly corrected: Claim[];
  readonly noise: Claim[];
  readonly added: Claim[];
  readonly orphans: Orphan[];
  readonly verdicts: VerdictEntry[];
  /** per claim id, the reviewers whose corrections (or addition) were applied to it */
  readonly by: ReadonlyMap<string, readonly string[]>;
}

const later = (a: Decision, b: Decision): boolean => a.at !== b.at ? a.at > b.at : a.seq !== b.seq ? a.seq > b.seq : a.uid > b.uid;

function payloadOf(d: Decision): CorrectionPayload | null {
  if (d.payload === null || d.payload === undefined) return null;
  try { return JSON.parse(d.payload) as CorrectionPayload; } catch { return null; }
}

/** Where an anchor is in a text: unchanged, else with the same context, else its text nearest the old offset; null when the text is gone. */
export function reanchor(text: string, a: Anchor): number | null {
  if (text.slice(a.start, a.end) === a.text && text.slice(a.start - a.before.length, a.start) === a.before && text.slice(a.end, a.end + a.after.length) === a.after) return a.start;
  const nearest = (needle: string, shift: number): number | null => {
    let best: number | null = null;
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      const at = i + shift;
      if (best === null || Math.abs(at - a.start) < Math.abs(best - a.start)) best = at;
    }
    return best;
  };
  if (a.text === '') return null;
  return nearest(a.before + a.text + a.after, a.before.length) ?? nearest(a.text, 0);
}

/** The claim a correction of an extractor's claim is about in this version of the document, or why there is none. */
function targetOf(result: DocumentResult, text: string, d: Decision, p: CorrectionPayload, added: ReadonlySet<string>): string | { why: string } {
  if (d.claimId.startsWith(ADDED_PREFIX) && added.has(d.claimId)) return d.claimId;
  if (d.docSha === result.sha256 && result.claims.some((c) => c.id === d.claimId)) return d.claimId;
  if (p.op !== 'noise' && p.op !== 'edit') return { why: 'not a claim correction' };
  const at = reanchor(text, p.anchor);
  if (at === null) return { why: `“${p.anchor.text}” is no longer in the text` };
  const end = at + p.anchor.text.length;
  const c = result.claims.find((x) => x.start === at && x.end === end)
    ?? result.claims.find((x) => x.start < end && x.end > at && x.text.includes(p.anchor.text.trim()))
    ?? result.claims.find((x) => x.start <= at && at < x.end);
  return c ? c.id : { why: `no claim at “${p.anchor.text}” any more` };
}

/** Each reviewer's latest row per key, then the chair's latest, else the latest across members; withdrawn rows (null payload) count as none. */
function combine(rows: readonly Decision[], keyOf: (d: Decision) => string | null): Map<string, Decision> {
  const perReviewer = new Map<string, Decision>();
  for (const d of rows) {
    const k = keyOf(d);
    if (k === null) continue;
    const rk = `${k}\u0000${d.reviewer}\u0000${d.role}`;
    const cur = perReviewer.get(rk);
    if (!cur || later(d, cur)) perReviewer.set(rk, d);
  }
  const out = new Map<string, Decision>();
  for (const [rk, d] of perReviewer) {
    if (d.payload === null || d.payload === undefined) continue;
    const k = rk.split('\u0000')[0] as string;
    const cur = out.get(k);
    if (!cur || (d.role === 'chair' && cur.role !== 'chair') || (d.role === cur.role && later(d, cur))) out.set(k, d);
  }
  return out;
}

function orphanOf(d: Decision, p: CorrectionPayload | null, why: string): Orphan {
  const text = p && 'anchor' in p ? p.anchor.text : d.claimText;
  return { reviewer: d.reviewer, role: d.role, field: d.field ?? '', text, docPath: d.docPath, at: d.at, why };
}

/** An added claim in this version of the text, with its fields as read when it was added, or why it cannot be placed. */
function addedClaim(result: DocumentResult, text: string, d: Decision, p: Extract<CorrectionPayload, { op: 'add' }>): Claim | { why: string } {
  const at = d.docSha === result.sha256 ? p.anchor.start : reanchor(text, p.anchor);
  if (at === null || text.slice(at, at + p.anchor.text.length) !== p.anchor.text) return { why: `“${p.anchor.text}” is no longer in the text` };
  const start = at;
  const end = at + p.anchor.text.length;
  const shift = start - p.anchor.start;
  const para = d.docSha === result.sha256 ? p.paragraph : paragraphAround(text, start, end);
  const near = result.claims.filter((c) => c.paragraph.start <= start && start < c.paragraph.end)
    .sort((a, b) => Math.abs(a.start - start) - Math.abs(b.start - start))[0];
  const sentence = sentenceAround(text, start, end, para);
  void shift;
  return {
    id: d.claimId, nominee: d.docSha === result.sha256 ? p.nominee : (near?.nominee ?? p.nominee), start, end, text: text.slice(start, end),
    value: p.figure.value, from: null, approx: p.figure.approx, unit: p.figure.unit, category: p.figure.category, direction: p.figure.direction,
    period: p.figure.period, sentence, section: near?.section ?? null, criteria: [], unitWritten: p.figure.unitWritten, low: null, high: null,
    baseline: null, rate: null, periodSpan: null, fromSpan: null, headings: near?.headings ?? [], paragraph: para, rules: [...p.figure.rules],
    role: 'achievement', roleRule: 'role:achievement', source: 'reviewer',
  };
}

/** The paragraph (between line ends) around a span. */
export function paragraphAround(text: string, start: number, end: number): { start: number; end: number } {
  const s = text.lastIndexOf('\n', start - 1) + 1;
  const e = text.indexOf('\n', end);
  return { start: s, end: e < 0 ? text.length : e };
}

function sentenceAround(text: string, start: number, end: number, para: { start: number; end: number }): { start: number; end: number } {
  let s = start;
  while (s > para.start && !/[。！？!?；;]/.test(text[s - 1] as string)) s--;
  let e = end;
  while (e < para.end && !/[。！？!?]/.test(text[e] as string)) e++;
  return { start: s, end: e };
}

/**
 * The corrected claims of a document: `rows` are correction rows of a store (history({ kind:
 * 'correction' }); rows about other documents are left alone). Values, approximations, units and
 * categories are replaced, with the extractor's in `corrected`; noise is flagged `notAClaim`;
 * added claims are full claims with `source: 'reviewer'`. Every span satisfies
 * text === slice(start, end) in `text`.
 */
export function applyCorrections(result: DocumentResult, text: string, rows: readonly Decision[]): Applied {
  // an undo and the row it undoes both drop out: what is left is what the reviewer last meant,
  // also when the row before the undone one was made on an earlier version of the text
  const undone = new Set(rows.map((d) => d.undoOf).filter((id): id is number => id !== null && id !== undefined));
  const mine = rows.filter((d) => d.kind === 'correction' && (d.docSha === result.sha256 || d.docPath === result.path) && (d.undoOf === null || d.undoOf === undefined) && !undone.has(d.id));
  const orphans: Orphan[] = [];
  // added claims first: corrections of an added claim are keyed by its id
  const adds = combine(mine.filter((d) => d.field === 'add'), (d) => d.claimId);
  const added: Claim[] = [];
  for (const d of adds.values()) {
    const p = payloadOf(d);
    if (p?.op !== 'add') continue;
    const c = addedClaim(result, text, d, p);
    if ('why' in c) orphans.push(orphanOf(d, p, c.why)); else added.push(c);
  }
  const addedIds = new Set(added.map((c) => c.id));
  const lostAdds = new Set([...adds.values()].map((d) => d.claimId).filter((id) => !addedIds.has(id)));
  const targets = new Map<number, string | { why: string }>();
  const fields = mine.filter((d) => d.field === 'noise' || (EDIT_FIELDS as readonly string[]).includes(d.field ?? ''));
  for (const d of fields) {
    const p = payloadOf(d);
    if (lostAdds.has(d.claimId)) { targets.set(d.id, { why: 'its added claim is no longer in the text' }); continue; }
    if (d.claimId.startsWith(ADDED_PREFIX) && !addedIds.has(d.claimId) && !result.claims.some((c) => c.id === d.claimId)) { targets.set(d.id, { why: 'its added claim was withdrawn' }); continue; }
    targets.set(d.id, p ? targetOf(result, text, d, p, addedIds) : (d.docSha === result.sha256 ? d.claimId : { why: 'withdrawn' }));
  }
  const effective = combine(fields, (d) => { const t = targets.get(d.id); return typeof t === 'string' ? `${t}\u0001${d.field}` : null; });
  // a withdrawn correction (null payload) that cannot be anchored is no orphan: there is nothing to apply
  const seenOrphan = new Set<string>();
  for (const d of fields) {
    const t = targets.get(d.id);
    if (typeof t === 'string' || d.payload === null || d.payload === undefined) continue;
    const k = `${d.claimId}\u0001${d.field}\u0001${d.reviewer}`;
    const latestOfKey = fields.filter((x) => `${x.claimId}\u0001${x.field}\u0001${x.reviewer}` === k).reduce((a, b) => (later(b, a) ? b : a));
    if (latestOfKey !== d || seenOrphan.has(k)) continue;
    seenOrphan.add(k);
    orphans.push(orphanOf(d, payloadOf(d), t?.why ?? 'cannot be placed'));
  }
  const byClaim = new Map<string, Decision[]>();
  for (const [k, d] of effective) {
    const id = k.split('\u0001')[0] as string;
    (byClaim.get(id) ?? byClaim.set(id, []).get(id) as Decision[]).push(d);
  }
  const correctedList: Claim[] = [];
  const noise: Claim[] = [];
  const by = new Map<string, string[]>();
  const credit = (id: string, who: string): void => { const l = by.get(id) ?? by.set(id, []).get(id) as string[]; if (!l.includes(who)) l.push(who); };
  for (const d of adds.values()) if (addedIds.has(d.claimId)) credit(d.claimId, d.reviewer);
  const fix = (c: Claim): Claim => {
    const ds = byClaim.get(c.id);
    if (!ds) return c;
    let out: Claim = c;
    const original: Record<string, unknown> = {};
    for (const d of ds) {
      const p = payloadOf(d);
      if (p?.op === 'noise') { if (p.notAClaim) { out = { ...out, notAClaim: true }; credit(c.id, d.reviewer); } continue; }
      if (p?.op !== 'edit' || out[p.field] === p.value) continue;
      credit(c.id, d.reviewer);
      original[p.field] = c[p.field];
      out = { ...out, [p.field]: p.value };
    }
    if (Object.keys(original).length > 0) { out = { ...out, corrected: original as Claim['corrected'] & object }; correctedList.push(out); }
    if (out.notAClaim) noise.push(out);
    return out;
  };
  const claims = [...result.claims.map(fix), ...added.map(fix)].sort((a, b) => a.start - b.start || a.end - b.end);
  const verdicts = verdictsOf(mine);
  return { claims, corrected: correctedList, noise, added: added.map((c) => claims.find((x) => x.id === c.id) as Claim), orphans, verdicts, by };
}

function verdictsOf(rows: readonly Decision[]): VerdictEntry[] {
  const latest = new Map<string, Decision>();
  for (const d of rows) {
    if (d.field !== 'verdict') continue;
    const k = `${d.nomineeName}\u0000${d.claimId.split(':').slice(2).join(':')}\u0000${d.reviewer}\u0000${d.role}`;
    const cur = latest.get(k);
    if (!cur || later(d, cur)) latest.set(k, d);
  }
  const out: VerdictEntry[] = [];
  for (const d of latest.values()) {
    const p = payloadOf(d);
    if (p?.op !== 'verdict') continue;
    out.push({ reviewer: d.reviewer, role: d.role, nominee: p.nominee, nomineeName: p.nomineeName, requirement: p.requirement, verdict: p.verdict, note: p.note, at: d.at });
  }
  return out.sort((a, b) => a.nominee.localeCompare(b.nominee) || (a.requirement ?? '').localeCompare(b.requirement ?? '') || a.reviewer.localeCompare(b.reviewer));
}

/** The document as exports and the report read it: claims corrected, noise flagged `notAClaim`, added claims included. */
export function correctedResult(doc: AnalysedDocument, rows: readonly Decision[]): DocumentResult {
  return { ...doc.result, claims: applyCorrections(doc.result, doc.text, rows).claims };
}

/** correctedResult for many documents, with every document's orphans and verdicts beside it. */
export function correctedDocuments(docs: readonly AnalysedDocument[], rows: readonly Decision[]): Array<{ doc: AnalysedDocument; result: DocumentResult; applied: Applied }> {
  // rows by document hash and by path, so that many documents are not each a scan of every row
  const bySha = new Map<string, Decision[]>();
  const byPath = new Map<string, Decision[]>();
  for (const d of rows) {
    if (d.kind !== 'correction') continue;
    (bySha.get(d.docSha) ?? bySha.set(d.docSha, []).get(d.docSha) as Decision[]).push(d);
    (byPath.get(d.docPath) ?? byPath.set(d.docPath, []).get(d.docPath) as Decision[]).push(d);
  }
  return docs.map((doc) => {
    const own = [...new Set([...(bySha.get(doc.result.sha256) ?? []), ...(byPath.get(doc.result.path) ?? [])])];
    const applied = applyCorrections(doc.result, doc.text, own);
    return { doc, result: { ...doc.result, claims: applied.claims }, applied };
  });
}

/** A short account of one claim's corrections, for a table cell: "value 701 → 710", "not a claim", "added by a reviewer". */
export function describeCorrection(c: Claim): string {
  const parts: string[] = [];
  if (c.source === 'reviewer') parts.push('added by a reviewer');
  if (c.notAClaim) parts.push('not a claim');
  for (const [k, v] of Object.entries(c.corrected ?? {})) parts.push(`${k} ${String(v)} → ${String((c as unknown as Record<string, unknown>)[k])}`);
  return parts.join('; ');
}
