/** shiji export: the statistics tables in six formats, streamed document by document and written atomically. */
import { collectInputs } from '../corpus.js';
import { ReviewStore, type Decision } from '../review/store.js';
import { storePanel, type PanelView } from '../review/panel.js';
import type { Writable } from 'node:stream';
import type { AnalysedDocument } from '../corpus.js';
import type { Table, TableOptions } from '../export/tables.js';
import type { TableName } from '../export/pipeline.js';

import { ShijiError } from '../errors.js';
import { fail, nearestOf, parse, analyseOptions, streamDocuments, writeChunks, samePath, writeFileAtomically, writePathAtomically } from './shared.js';

/**
 * The HTML report is for people to read: beyond this many documents it is refused (before any
 * analysis) in favour of csv, xlsx or parquet. It holds its documents in memory for the charts.
 */
export const HTML_MAX_DOCS = 2000;

const FORMATS = ['csv', 'xlsx', 'md', 'json', 'html', 'parquet'];

export async function runExport(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string' }, out: { type: 'string', short: 'o' }, db: { type: 'string' }, by: { type: 'string' },
    'group-by-name': { type: 'boolean' }, lang: { type: 'string' }, 'verified-only': { type: 'boolean' }, consensus: { type: 'string' }, table: { type: 'string' }, criteria: { type: 'string' }, 'no-cache': { type: 'boolean' }, workers: { type: 'string' }, 'keep-repeats': { type: 'boolean' },
  });
  // --format CSV is csv; --format xls is no format, and the nearest one is named
  const format = (values['format'] as string | undefined)?.toLowerCase();
  if (!format) fail(`export needs --format ${FORMATS.join('|')}`, 2);
  if (!FORMATS.includes(format)) {
    const near = nearestOf(format, FORMATS);
    fail(`--format ${values['format'] as string} is not a format${near ? ` (did you mean ${near}?)` : ''}: choose ${FORMATS.join('|')}`, 2);
  }
  const by = (values['by'] as string | undefined) ?? 'nominee';
  if (!['nominee', 'category', 'criterion', 'year', 'region', 'honour'].includes(by)) fail('--by takes nominee, category, criterion, year, region or honour', 2);
  const lang = (values['lang'] as string | undefined) ?? 'en';
  if (lang !== 'en' && lang !== 'zh') fail('--lang takes en or zh', 2);
  const consensus = values['consensus'] as string | undefined;
  if (consensus !== undefined && consensus !== 'unanimous' && consensus !== 'majority') fail(`--consensus takes unanimous or majority (not "${consensus}")`, 2);
  if (values['verified-only'] === true && values['db'] === undefined) fail('--verified-only needs --db (the review store that says what is verified)', 2);
  const tableName = ((values['table'] as string | undefined) ?? (format === 'parquet' ? 'claims' : 'summary')) as TableName;
  if (!['summary', 'claims', 'coverage'].includes(tableName)) fail('--table takes summary, claims or coverage', 2);
  if (format === 'parquet' && tableName !== 'claims') fail('parquet holds the claims table (with document and nominee metadata): leave out --table', 2);
  if (positionals.length === 0) fail('export needs at least one file or folder', 2);
  const out = values['out'] as string | undefined;
  if (format === 'xlsx' && !out && process.stdout.isTTY) fail('xlsx is binary: give --out FILE.xlsx (or redirect stdout)', 2);
  if (format === 'parquet' && !out) fail('parquet is binary: give --out FILE.parquet', 2);
  const workers = values['workers'] === undefined ? undefined : Number(values['workers']);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) fail('--workers takes a whole number', 2);
  const opts = await analyseOptions(values);
  // documents go through the tables in the input order (folders walked sorted), as allTables takes them
  const listed = collectInputs(positionals);
  if (out) {
    // an output must not overwrite what it is made from
    const outs = format === 'csv' ? [out, `${out.replace(/\.csv$/i, '')}.claims.csv`, `${out.replace(/\.csv$/i, '')}.coverage.csv`, `${out.replace(/\.csv$/i, '')}.corrections.csv`]
      : format === 'parquet' ? [out, parquetCorrectionsPath(out)] : [out];
    const sources = [...listed.files.map((f) => f.path), ...(values['db'] !== undefined ? [values['db'] as string] : [])];
    const clash = outs.find((o) => sources.some((p) => samePath(p, o)));
    if (clash) fail(`the output ${clash} is one of the inputs (through a link or not); choose another --out`, 2);
  }
  if (format === 'html' && listed.files.length > HTML_MAX_DOCS) fail(`html is a report to read and holds at most ${HTML_MAX_DOCS.toLocaleString('en-US')} documents (${listed.files.length.toLocaleString('en-US')} given): export csv, xlsx or parquet`, 2);
  // the review database first: a bad one is refused before any analysis
  let latest;
  let corrections: Decision[] = [];
  let panel: PanelView | undefined;
  if (values['db'] !== undefined) {
    const store = ReviewStore.open(values['db'] as string, { readonly: true });
    try {
      latest = store.latest(); corrections = store.history({ kind: 'correction' });
      // each member's decision and note, the consensus under the panel's rule (or --consensus) and the chair's resolution
      panel = storePanel(store, consensus);
    } finally { store.close(); }
  } else if (consensus !== undefined) fail('--consensus needs --db (the review store of the panel)', 2);
  const stream = streamDocuments(positionals, opts, values['no-cache'] !== true, workers, listed);
  const { reviewIndex } = await import('../export/tables.js');
  // the reviewers' corrections applied to each document as it streams by (noise kept, flagged notAClaim)
  const { ExportCorrections } = await import('../review/corrections-table.js');
  const fixes = new ExportCorrections(corrections);
  const review = latest ? fixes.review(reviewIndex(latest, { notAClaim: fixes.notAClaim })) : undefined;
  // no input read, nothing written: an earlier good output stays as it was
  let read = 0;
  // a file whose content an earlier input already had (a copy, the same notice saved twice) counts once:
  // documents, nominees, claims and totals alike; --keep-repeats keeps every copy
  const repeats: string[] = [];
  const seen = new Set<string>();
  const keep = values['keep-repeats'] === true;
  const distinct = keep ? stream.docs : only(stream.docs, (d) => {
    if (!seen.has(d.result.sha256)) { seen.add(d.result.sha256); return true; }
    repeats.push(d.result.path);
    return false;
  });
  const docs = counted(fixes.stream(distinct), () => { read++; });
  const anything = (): void => {
    if (read === 0 && stream.failed() > 0) throw new ShijiError('nothing-read', stream.failed() > 1 ? `nothing written: none of the ${stream.failed()} inputs could be read` : 'nothing written: the input could not be read');
  };
  const tableOpts: TableOptions = { by: by as 'nominee', groupByName: values['group-by-name'] === true, lang: lang as 'en' | 'zh', verifiedOnly: values['verified-only'] === true, ...(review ? { review } : {}), ...(panel ? { panel } : {}) };
  if (format === 'parquet') await exportParquet(docs, tableOpts, out as string, () => fixes.table(), anything);
  else if (format === 'html') await exportHtml(docs, tableOpts, out, () => fixes.table(), anything);
  else await exportTables(docs, tableOpts, format, tableName, out, () => fixes.table(), anything);
  if (repeats.length > 0) process.stderr.write(`shiji: ${repeats.length} input${repeats.length > 1 ? 's repeat' : ' repeats'} the content of an earlier one and ${repeats.length > 1 ? 'are' : 'is'} left out (--keep-repeats keeps them): ${repeats.slice(0, 5).join(', ')}${repeats.length > 5 ? ', …' : ''}\n`);
  // some inputs read, some not: the tables hold the ones read, and the failures are named once more
  if (stream.failed() > 0) process.stderr.write(`shiji: ${stream.failed()} input${stream.failed() > 1 ? 's' : ''} left out of the tables (${read} read): ${stream.failures().join('; ')}\n`);
  return stream.failed() > 0 ? 1 : 0;
}

async function* only<T>(items: AsyncIterable<T>, keep: (x: T) => boolean): AsyncGenerator<T> {
  for await (const x of items) if (keep(x)) yield x;
}

async function* counted<T>(items: AsyncIterable<T>, each: () => void): AsyncGenerator<T> {
  for await (const x of items) { each(); yield x; }
}

/** Written piece by piece to stdout, or to a file that appears under its name only when complete. */
async function emit(write: (to: NodeJS.WritableStream) => Promise<void>, file?: string): Promise<void> {
  if (!file) { await write(process.stdout); return; }
  await writeFileAtomically(file, write);
}
const text = (chunks: Iterable<string>) => (to: NodeJS.WritableStream): Promise<void> => writeChunks(to, chunks);

/** csv, md, json and xlsx: rows kept on disk while the documents are analysed, then written table by table. */
async function exportTables(docs: AsyncIterable<AnalysedDocument>, tableOpts: TableOptions, format: string, tableName: TableName, out: string | undefined, more: () => Table | null, anything: () => void): Promise<void> {
  const { TableBuilder } = await import('../export/tables.js');
  const { spillTables } = await import('../export/pipeline.js');
  const { SpillDir } = await import('../export/spill.js');
  const render = await import('../export/render.js');
  const dir = new SpillDir();
  try {
    const keep: TableName[] = format === 'csv' && !out ? [tableName] : ['summary', 'claims', 'coverage'];
    const tables = await spillTables(docs, new TableBuilder(tableOpts), keep, dir);
    anything();
    // what reviewers corrected, known once every document went by
    const fixed = keep.length > 1 ? more() : null;
    if (fixed) tables.push(fixed);
    switch (format) {
      case 'csv':
        if (out) {
          const stem = out.replace(/\.csv$/i, '');
          await emit(text(render.csvChunks(tables[0]!)), out);
          await emit(text(render.csvChunks(tables[1]!)), `${stem}.claims.csv`);
          await emit(text(render.csvChunks(tables[2]!)), `${stem}.coverage.csv`);
          if (tables[3]) await emit(text(render.csvChunks(tables[3])), `${stem}.corrections.csv`);
          process.stderr.write(`wrote ${out}, ${stem}.claims.csv, ${stem}.coverage.csv${tables[3] ? `, ${stem}.corrections.csv` : ''}\n`);
        } else await emit(text(render.csvChunks(tables[0]!)));
        break;
      case 'md': await emit(text(render.markdownChunks(tables)), out); break;
      case 'json': await emit(text(render.jsonTableChunks(tables)), out); break;
      case 'xlsx': await emit((to) => render.writeXlsx(tables, to as Writable), out); break;
    }
  } finally {
    dir.dispose();
  }
  if (out && format !== 'csv') process.stderr.write(`wrote ${out}\n`);
}

/** Where a Parquet export puts the reviewers' corrections: beside it, as a CSV export does. */
function parquetCorrectionsPath(out: string): string {
  return `${out.replace(/\.parquet$/i, '')}.corrections.parquet`;
}

/** The claims table as Parquet, a row group at a time; with --db and corrections, those in a file beside it. */
async function exportParquet(docs: AsyncIterable<AnalysedDocument>, tableOpts: TableOptions, out: string, more: () => Table | null, anything: () => void): Promise<void> {
  const { TableBuilder } = await import('../export/tables.js');
  const { writeClaimsParquet, writeTableParquet } = await import('../export/parquet.js');
  // the file written aside is dropped, not renamed, when no input could be read
  await writePathAtomically(out, async (tmp) => { await writeClaimsParquet(docs, new TableBuilder(tableOpts), tmp); anything(); });
  // what reviewers corrected, known once every document went by
  const fixed = more();
  if (fixed) await writePathAtomically(parquetCorrectionsPath(out), (tmp) => writeTableParquet(fixed, tmp));
  process.stderr.write(`wrote ${out}${fixed ? `, ${parquetCorrectionsPath(out)}` : ''}\n`);
}

/** The HTML report: its documents (at most HTML_MAX_DOCS) held for the charts. */
async function exportHtml(docs: AsyncIterable<AnalysedDocument>, tableOpts: TableOptions, out: string | undefined, more: () => Table | null, anything: () => void): Promise<void> {
  const { allTables } = await import('../export/tables.js');
  const render = await import('../export/render.js');
  const all: AnalysedDocument[] = [];
  for await (const d of docs) all.push(d);
  anything();
  const results = all.map((d) => d.result);
  const texts = new Map(all.map((d) => [d.result.sha256, d.text]));
  const tables = allTables(results, texts, tableOpts);
  const fixed = more();
  if (fixed) tables.push(fixed);
  await emit(text(render.htmlChunks(tables, results, new Date().toISOString().slice(0, 16).replace('T', ' '), { ...tableOpts, texts })), out);
  if (out) process.stderr.write(`wrote ${out}\n`);
}
