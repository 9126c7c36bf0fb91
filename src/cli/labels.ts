/** shiji labels: the reviewers' corrections as development-set label files, one per document. */
import { basename, extname, join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ReviewStore } from '../review/store.js';
import { fail, parse, analyseOptions, loadDocuments, writeAtomically } from './shared.js';

export async function runLabels(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { db: { type: 'string' }, out: { type: 'string', short: 'o' }, criteria: { type: 'string' }, 'no-cache': { type: 'boolean' } });
  const db = values['db'] as string | undefined;
  const out = values['out'] as string | undefined;
  if (!db) fail('labels needs --db REVIEW.sqlite (the corrections to apply)', 2);
  if (!out) fail('labels needs --out DIR (one label file per document is written there)', 2);
  if (positionals.length === 0) fail('labels needs at least one file or folder', 2);
  const store = ReviewStore.open(db, { readonly: true });
  let rows;
  try { rows = store.history({ kind: 'correction' }); } finally { store.close(); }
  const { docs, failed } = await loadDocuments(positionals, await analyseOptions(values), values['no-cache'] !== true);
  const { correctedDocuments } = await import('../review/corrections.js');
  const { labelFile } = await import('../review/labels.js');
  try { mkdirSync(out, { recursive: true }); } catch (e) { fail(`${out}: cannot create the folder (${(e as NodeJS.ErrnoException).code ?? String(e)})`, 1); }
  const used = new Set<string>();
  let orphans = 0;
  for (const { doc, result, applied } of correctedDocuments(docs, rows)) {
    const reviewers = [...new Set(rows.filter((r) => r.docSha === result.sha256 || r.docPath === result.path).map((r) => r.reviewer))].sort();
    const stem = basename(result.path, extname(result.path));
    let name = `${stem}.json`;
    for (let k = 2; used.has(name); k++) name = `${stem}-${k}.json`;
    used.add(name);
    const file = join(out, name);
    writeAtomically(file, (tmp) => writeFileSync(tmp, `${JSON.stringify(labelFile(result, doc.text, reviewers), null, 1)}\n`));
    orphans += applied.orphans.length;
  }
  process.stderr.write(`wrote ${used.size} label file(s) to ${out}${orphans ? `; ${orphans} correction(s) could not be placed (see the orphan screen)` : ''}\n`);
  return failed > 0 ? 1 : 0;
}
