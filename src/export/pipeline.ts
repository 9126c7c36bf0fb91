/**
 * Exports as a stream: documents come one at a time from the analysis, go through a
 * TableBuilder, and their rows are kept on disk (spill.ts) until the table they belong to is
 * written; nothing of a document is held once its rows are out. Never prints.
 */
import type { AnalysedDocument } from '../corpus.js';
import type { RowTable } from './render.js';
import { SpillDir, type Spill } from './spill.js';
import type { Row, TableBuilder } from './tables.js';

export type TableName = 'summary' | 'claims' | 'coverage';
export const TABLE_NAMES: readonly TableName[] = ['summary', 'claims', 'coverage'];

/** The tables asked for, their rows on disk in `dir`, in the order summary, claims, coverage. */
export async function spillTables(docs: AsyncIterable<AnalysedDocument>, builder: TableBuilder, keep: readonly TableName[], dir: SpillDir): Promise<RowTable[]> {
  const spills = new Map<TableName, Spill>(TABLE_NAMES.filter((n) => keep.includes(n)).map((n) => [n, dir.spill(n)]));
  const push = (name: TableName, rows: readonly Row[]): void => { if (rows.length > 0) spills.get(name)?.push(rows); };
  for await (const d of docs) {
    const rows = builder.add(d.result, d.text);
    push('summary', rows.summary);
    push('claims', rows.claims);
    push('coverage', rows.coverage);
  }
  push('summary', builder.finish());
  const columns = { summary: builder.summaryColumns, claims: builder.claimColumns, coverage: builder.coverageColumns };
  return [...spills].map(([name, spill]) => ({ name, title: builder.titles[name], columns: columns[name], rows: { [Symbol.iterator]: () => spill.rows() }, filter: true }));
}
