/** The plain review summary printed when there is no terminal to draw the UI on. */
import type { ReviewStore } from '../review/store.js';
import { buildModel, initialState, progress, checksFor, orphans, type ReviewModel } from './state.js';
import type { AnalysedDocument } from '../corpus.js';
import { cell, rcell } from './text.js';
import { nothingToAdjudicate } from './chair.js';

export function reviewSummary(docs: readonly AnalysedDocument[], store: ReviewStore, reviewer: string): string {
  const model: ReviewModel = buildModel(docs, store.history({ kind: 'correction' }));
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
  const fixed = model.docs.flatMap((d) => d.result.claims).filter((c) => c.source === 'reviewer' || c.notAClaim || c.corrected);
  if (fixed.length + (model.correctionOrphans?.length ?? 0) > 0) lines.push('', `corrections: ${fixed.filter((c) => c.source === 'reviewer').length} added, ${fixed.filter((c) => c.notAClaim).length} not a claim, ${fixed.filter((c) => c.corrected).length} corrected, ${model.verdicts?.length ?? 0} verdict(s), ${model.correctionOrphans?.length ?? 0} orphaned`);
  const others = [...new Set(all.filter((d) => d.reviewer !== reviewer).map((d) => d.reviewer))];
  if (others.length > 0) lines.push(`other reviewers in this database: ${others.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** The chair's plain summary: what needs a resolution per nominee, or that nothing does. */
export function chairSummary(model: ReviewModel, store: ReviewStore): string {
  const info = model.chair;
  if (!info) return '';
  const all = store.latest();
  const state = initialState(model, all.filter((d) => d.role === 'chair' && d.reviewer === info.name), all.filter((d) => d.role === 'member'), null);
  const lines = [`shiji review — chair ${info.name} — ${store.path}${store.writable ? '' : ` (read-only: ${store.readonlyReason ?? 'opened read-only'})`} — ${info.rule} rule`, '(no terminal: printing a summary; run in a terminal to adjudicate)', ''];
  if (model.nominees.length === 0) return `${[...lines, nothingToAdjudicate(info)].join('\n')}\n`;
  lines.push(`  ${cell('nominee', 24)}${rcell('to settle', 10)}${rcell('resolved', 10)}  document`);
  let done = 0; let total = 0;
  for (const n of model.nominees) {
    const p = progress(model, state, n);
    done += p.reviewed; total += p.total;
    lines.push(`  ${cell(n.name, 24)}${rcell(String(p.total), 10)}${rcell(`${p.reviewed}/${p.total}`, 10)}  ${(model.docs[n.doc] as AnalysedDocument).result.path}`);
  }
  lines.push('', `resolved ${done} of ${total} (panel ${info.panel.join(', ')})`);
  return `${lines.join('\n')}\n`;
}
