/** shiji report: the panel report of some notices under a review store, as .docx or .html, written atomically. */
import { existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { collectInputs } from '../corpus.js';
import { ReviewStore, type Decision } from '../review/store.js';
import { CONSENSUS_RULES, type ConsensusRule } from '../review/consensus.js';
import { ShijiError } from '../errors.js';

import { fail, parse, analyseOptions, loadDocuments, samePath, writeChunks, writeFileAtomically } from './shared.js';

export const REPORT_EXTENSIONS = ['.docx', '.html', '.htm'] as const;

/** The store's latest decisions, or a one-line refusal (exit 2) when --db is not a usable store. */
function readStore(db: string): Decision[] {
  let store: ReviewStore;
  try {
    store = ReviewStore.open(db, { readonly: true });
  } catch (e) {
    if (e instanceof ShijiError) fail(`--db: ${e.message}`, 2);
    throw e;
  }
  try { return store.latest(); } finally { store.close(); }
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
  const rule = (values['consensus'] as string | undefined) ?? 'unanimous';
  if (!(CONSENSUS_RULES as readonly string[]).includes(rule)) fail(`--consensus takes ${CONSENSUS_RULES.join(' or ')}`, 2);
  const db = values['db'] as string | undefined;
  // the report must not overwrite what it is made from
  const sources = [...collectInputs(positionals).files.map((f) => f.path), ...(db !== undefined ? [db] : [])];
  if (sources.some((p) => samePath(p, out))) fail(`the output ${out} is one of the inputs (through a link or not); choose another --out`, 2);
  // the review database first: a bad one is refused before any analysis
  const latest = db !== undefined ? readStore(db) : null;
  const { docs, failed } = await loadDocuments(positionals, analyseOptions(values), values['no-cache'] !== true);
  const { buildReport } = await import('../report/model.js');
  const report = buildReport(docs, {
    latest, rule: rule as ConsensusRule, inputs: positionals, store: db ?? null,
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
