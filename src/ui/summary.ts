/** The plain review summary printed when there is no terminal to draw the UI on. */
import type { ReviewStore } from '../review/store.js';
import { buildModel, initialState, progress, checksFor, orphans, type ReviewModel } from './state.js';
import type { AnalysedDocument } from '../corpus.js';
import { cell, rcell } from './text.js';

export function reviewSummary(docs: readonly AnalysedDocument[], store: ReviewStore, reviewer: string): string {
  const model: ReviewModel = buildModel(docs);
  const all = store.latest({ role: 'member' });
  const state = initialState(model, all.filter((d) => d.reviewer === reviewer), all.filter((d) => d.reviewer !== reviewer), null);
  const lines = [`shiji review — ${reviewer} — ${store.path}${store.writable ? '' : ` (read-only: ${store.readonlyReason ?? 'opened read-only'})`}`, '(no terminal: printing a summary; run in a terminal to review)', ''];
  let doc = -1;
  for (const n of model.nominees) {
    if (n.doc !== doc) {
      doc = n.doc;
      const r = (docs[doc] as AnalysedDocument).result;
      lines.push(`${r.path}  ${r.title}`);
      lines.push(`  ${cell('nominee', 24)}${rcell('claims', 7)}${rcell('reviewed', 10)}${rcell('disputed', 10)}${rcell('needs', 7)}${rcell('checks', 8)}`);
    }
    const p = progress(model, state, n);
    lines.push(`  ${cell(n.name, 24)}${rcell(String(p.total), 7)}${rcell(`${p.reviewed}/${p.total}`, 10)}${rcell(String(p.disputed), 10)}${rcell(String(p.needs), 7)}${rcell(String(checksFor(model, n)), 8)}`);
  }
  const orphaned = orphans(model, all);
  if (orphaned.length > 0) lines.push('', `${orphaned.length} orphaned decision(s): their claims are no longer in the current text`);
  const others = [...new Set(all.filter((d) => d.reviewer !== reviewer).map((d) => d.reviewer))];
  if (others.length > 0) lines.push(`other reviewers in this database: ${others.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
