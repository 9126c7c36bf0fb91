/** shiji report: the panel report of some notices under a review store, as .docx or .html, written atomically. */
import { existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { collectInputs } from '../corpus.js';
import { ReviewStore, type Decision } from '../review/store.js';
import { storedRule } from '../review/panel.js';
import type { ConsensusRule } from '../review/consensus.js';
import { ShijiError } from '../errors.js';

import { fail, parse, analyseOptions, loadDocuments, samePath, writeChunks, writeFileAtomically } from './shared.js';
import { ruleOption } from './panel.js';

export const REPORT_EXTENSIONS = ['.docx', '.html', '.htm'] as const;

/** The store's latest decisions and its rule, or a one-line refusal (exit 2) when --db is not a usable store. */
function readStore(db: string): { latest: Decision[]; rule: ConsensusRule; corrections: Decision[] } {
  let store: ReviewStore;
  try {
    store = ReviewStore.open(db, { readonly: true });
  } catch (e) {
    if (e instanceof ShijiError) fail(`--db: ${e.message}`, 2);
    throw e;
  }
  try {
    return { latest: store.latest(), rule: storedRule(store), corrections: store.history({ kind: 'correction' }) };
  } catch (e) {
    if (e instanceof ShijiError) fail(`--db: ${e.message}`, 2);
    throw e;
  } finally { store.close(); }
}

/** The rule of the report and where it comes from: --consensus for this run, else the store's. */
function ruleOf(override: ConsensusRule | undefined, store: { rule: ConsensusRule } | null): { rule: ConsensusRule; ruleFrom: string } {
  if (override) return { rule: override, ruleFrom: store && store.rule !== override ? `for this report; the store keeps ${store.rule}` : 'for this report' };
  return store ? { rule: store.rule, ruleFrom: "the panel's rule, kept in its store" } : { rule: 'unanimous', ruleFrom: 'the default' };
}

export async function runReport(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: 'string', short: 'o' }, db: { type: 'string' }, consensus: { type: 'string' }, criteria: { type: 'string' }, 'no-cache': { type: 'boolean' },
  });
  if (positionals.length === 0) fail('report needs at least one file or folder', 2);
  const out = values['out'] as string | undefined;
  if (!out) fail('report needs --out FILE.docx or FILE.html', 2);
  const ext = extname(out).toLowerCase();
  if (!(REPORT_EXTENSIONS as readonly string[]).includes(ext)) fail(`--out ${out}: the report is written as .docx or .html, not ${ext || 'a file without an extension'}`, 2);
  const folder = dirname(resolve(out));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) fail(`--out ${out}: no such folder ${folder}`, 2);
  const override = ruleOption(values);
  const db = values['db'] as string | undefined;
  // the report must not overwrite what it is made from
  const sources = [...collectInputs(positionals).files.map((f) => f.path), ...(db !== undefined ? [db] : [])];
  if (sources.some((p) => samePath(p, out))) fail(`the output ${out} is one of the inputs (through a link or not); choose another --out`, 2);
  // the review database first: a bad one is refused before any analysis
  const store = db !== undefined ? readStore(db) : null;
  const latest = store?.latest ?? null;
  const { docs, failed } = await loadDocuments(positionals, await analyseOptions(values), values['no-cache'] !== true);
  const { buildReport } = await import('../report/model.js');
  // the reviewers' corrections applied: corrected values, added claims, noise struck out, verdicts
  const { correctedDocuments } = await import('../review/corrections.js');
  const corrected = store && store.corrections.length > 0 ? correctedDocuments(docs, store.corrections) : null;
  const reportDocs = corrected ? corrected.map(({ doc, result, applied }) => ({ result, text: doc.text, verdicts: applied.verdicts })) : docs;
  // corrections whose text these documents no longer hold: counted on the cover
  const correctionOrphans = corrected ? corrected.reduce((a, c) => a + c.applied.orphans.length, 0) : 0;
  const report = buildReport(reportDocs, {
    latest, ...ruleOf(override, store), inputs: positionals, store: db ?? null, correctionOrphans,
    generated: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  });
  if (ext === '.docx') {
    const { reportDocx } = await import('../report/docx.js');
    const bytes = await reportDocx(report);
    await writeFileAtomically(out, (to) => new Promise<void>((ok, ko) => { to.write(bytes, (e) => (e ? ko(e) : ok())); }));
  } else {
    const { reportHtmlChunks } = await import('../report/html.js');
    await writeFileAtomically(out, (to) => writeChunks(to, reportHtmlChunks(report)));
  }
  process.stderr.write(`wrote ${out}: ${report.sections.length} nominee section(s), ${report.counts.claims} claim(s)${latest ? '' : ', no review store: every claim unreviewed'}\n`);
  return failed > 0 ? 1 : 0;
}
