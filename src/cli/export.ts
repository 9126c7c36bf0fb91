/** shiji export: the statistics tables in five formats, written atomically. */
import { join } from 'node:path';
import { collectInputs } from '../corpus.js';
import { ReviewStore } from '../review/store.js';
import type { Writable } from 'node:stream';

import { fail, parse, analyseOptions, loadDocuments, writeChunks, samePath, writeFileAtomically } from './shared.js';

export async function runExport(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string' }, out: { type: 'string', short: 'o' }, db: { type: 'string' }, by: { type: 'string' },
    'group-by-name': { type: 'boolean' }, lang: { type: 'string' }, 'verified-only': { type: 'boolean' }, table: { type: 'string' }, criteria: { type: 'string' }, 'no-cache': { type: 'boolean' }, workers: { type: 'string' },
  });
  const format = values['format'] as string | undefined;
  const FORMATS = ['csv', 'xlsx', 'md', 'json', 'html'];
  if (!format || !FORMATS.includes(format)) fail(`export needs --format ${FORMATS.join('|')}`, 2);
  const by = (values['by'] as string | undefined) ?? 'nominee';
  if (!['nominee', 'category', 'criterion', 'year', 'region', 'honour'].includes(by)) fail('--by takes nominee, category, criterion, year, region or honour', 2);
  const lang = (values['lang'] as string | undefined) ?? 'en';
  if (lang !== 'en' && lang !== 'zh') fail('--lang takes en or zh', 2);
  if (values['verified-only'] === true && values['db'] === undefined) fail('--verified-only needs --db (the review store that says what is verified)', 2);
  const tableName = (values['table'] as string | undefined) ?? 'summary';
  if (!['summary', 'claims', 'coverage'].includes(tableName)) fail('--table takes summary, claims or coverage', 2);
  if (positionals.length === 0) fail('export needs at least one file or folder', 2);
  const out = values['out'] as string | undefined;
  if (format === 'xlsx' && !out && process.stdout.isTTY) fail('xlsx is binary: give --out FILE.xlsx (or redirect stdout)', 2);
  const workers = values['workers'] === undefined ? undefined : Number(values['workers']);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) fail('--workers takes a whole number', 2);
  const opts = analyseOptions(values);
  if (out) {
    // an output must not overwrite what it is made from
    const outs = format === 'csv' ? [out, `${out.replace(/\.csv$/i, '')}.claims.csv`, `${out.replace(/\.csv$/i, '')}.coverage.csv`] : [out];
    const sources = [...collectInputs(positionals).files.map((f) => f.path), ...(values['db'] !== undefined ? [values['db'] as string] : [])];
    const clash = outs.find((o) => sources.some((p) => samePath(p, o)));
    if (clash) fail(`the output ${clash} is one of the inputs (through a link or not); choose another --out`, 2);
  }
  // the review database first: a bad one is refused before any analysis
  let latest;
  if (values['db'] !== undefined) {
    const store = ReviewStore.open(values['db'] as string, { readonly: true });
    try { latest = store.latest(); } finally { store.close(); }
  }
  const { docs, failed } = await loadDocuments(positionals, opts, values['no-cache'] !== true, workers);
  const { allTables, reviewIndex } = await import('../export/tables.js');
  const render = await import('../export/render.js');
  const review = latest ? reviewIndex(latest) : undefined;
  const results = docs.map((d) => d.result);
  const texts = new Map(docs.map((d) => [d.result.sha256, d.text]));
  const tableOpts = { by: by as 'nominee', groupByName: values['group-by-name'] === true, lang: lang as 'en' | 'zh', verifiedOnly: values['verified-only'] === true, ...(review ? { review } : {}) };
  const tables = allTables(results, texts, tableOpts);
  // written piece by piece; a file appears under its name only when complete
  const emit = async (write: (to: NodeJS.WritableStream) => Promise<void>, file?: string): Promise<void> => {
    if (!file) { await write(process.stdout); return; }
    await writeFileAtomically(file, write);
  };
  const text = (chunks: Iterable<string>) => (to: NodeJS.WritableStream): Promise<void> => writeChunks(to, chunks);
  switch (format) {
    case 'csv':
      if (out) {
        const stem = out.replace(/\.csv$/i, '');
        await emit(text(render.csvChunks(tables[0]!)), out);
        await emit(text(render.csvChunks(tables[1]!)), `${stem}.claims.csv`);
        await emit(text(render.csvChunks(tables[2]!)), `${stem}.coverage.csv`);
        process.stderr.write(`wrote ${out}, ${stem}.claims.csv, ${stem}.coverage.csv\n`);
      } else await emit(text(render.csvChunks(tables.find((t) => t.name === tableName)!)));
      break;
    case 'md': await emit(text(render.markdownChunks(tables)), out); break;
    case 'json': await emit(text(render.jsonTableChunks(tables)), out); break;
    case 'html': await emit(text(render.htmlChunks(tables, results, new Date().toISOString().slice(0, 16).replace('T', ' '), { ...tableOpts, texts })), out); break;
    case 'xlsx': await emit((to) => render.writeXlsx(tables, to as Writable), out); break;
  }
  if (out && format !== 'csv') process.stderr.write(`wrote ${out}\n`);
  return failed > 0 ? 1 : 0;
}

