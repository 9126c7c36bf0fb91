/**
 * The claims table as Apache Parquet, for pandas, Polars, DuckDB, R and Spark: one row per
 * claim, with the claims table's columns and the document's metadata (sha256, year, issuer,
 * province, city, honour, title) and the nominee's (kind, title, province, city) from the JSON
 * result, where the table has no column of that name. Columns are typed: text as UTF-8 strings, counts and offsets as 32-bit
 * integers, figures as doubles; a missing value is null. Written by hyparquet-writer a row
 * group at a time, so memory does not grow with the corpus. Never prints.
 */
import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import type { AnalysedDocument } from '../corpus.js';
import type { Claim, DocumentResult } from '../types.js';
import type { Cell, Column, ColumnType, Row, Table, TableBuilder } from './tables.js';

/** Claims a row group holds: big enough for fast scans, small enough to keep memory flat. */
export const PARQUET_ROW_GROUP = 10_000;

type Physical = 'STRING' | 'INT32' | 'DOUBLE';
const PHYSICAL: Record<ColumnType, Physical> = { text: 'STRING', int: 'INT32', offset: 'INT32', year: 'INT32', number: 'DOUBLE', yuan: 'DOUBLE' };

interface ParquetColumn { readonly name: string; readonly type: Physical; readonly value: (row: Row, doc: DocumentResult, claim: Claim | undefined) => Cell }

/** Metadata of the document and the nominee, by the column name each gets when the claims table has none of that name. */
const META: ReadonlyArray<{ name: string; type: Physical; value: (d: DocumentResult, c: Claim | undefined) => Cell }> = [
  { name: 'sha256', type: 'STRING', value: (d) => d.sha256 },
  { name: 'year', type: 'INT32', value: (d) => d.meta.year },
  { name: 'issuer', type: 'STRING', value: (d) => d.meta.issuer },
  { name: 'province', type: 'STRING', value: (d) => d.meta.region.province },
  { name: 'city', type: 'STRING', value: (d) => d.meta.region.city },
  { name: 'county', type: 'STRING', value: (d) => d.meta.region.county ?? null },
  { name: 'honour', type: 'STRING', value: (d) => d.meta.honour },
  { name: 'title', type: 'STRING', value: (d) => d.title },
  { name: 'kind', type: 'STRING', value: (d, c) => nominee(d, c)?.kind ?? null },
  { name: 'nominee_title', type: 'STRING', value: (d, c) => nominee(d, c)?.title ?? null },
  { name: 'nominee_province', type: 'STRING', value: (d, c) => nominee(d, c)?.region?.province ?? null },
  { name: 'nominee_city', type: 'STRING', value: (d, c) => nominee(d, c)?.region?.city ?? null },
  { name: 'nominee_county', type: 'STRING', value: (d, c) => nominee(d, c)?.region?.county ?? null },
];

function nominee(d: DocumentResult, c: Claim | undefined): DocumentResult['nominees'][number] | undefined {
  return c && c.nominee !== null ? d.nominees.find((n) => n.id === c.nominee) : undefined;
}

/** The file's columns: the claims table's, then the metadata it does not already have. */
export function parquetColumns(claimColumns: readonly Column[]): ParquetColumn[] {
  const own = claimColumns.map((c): ParquetColumn => ({ name: c.key, type: PHYSICAL[c.type], value: (row) => row[c.key] ?? null }));
  const taken = new Set(own.map((c) => c.name));
  return [...own, ...META.filter((m) => !taken.has(m.name)).map((m): ParquetColumn => ({ name: m.name, type: m.type, value: (_row, d, c) => m.value(d, c) }))];
}

function typed(v: Cell, type: Physical): string | number | null {
  // an empty text is a missing value, as in every other format
  if (v === null || v === '') return null;
  if (type === 'STRING') return String(v);
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) return null;
  return type === 'INT32' ? Math.trunc(n) : n;
}

/** A file's schema: its columns, each optional (a missing value is null), text as UTF-8. */
function schemaOf(columns: ReadonlyArray<{ readonly name: string; readonly type: Physical }>) {
  return [
    { name: 'root', num_children: columns.length },
    ...columns.map((c) => (c.type === 'STRING' ? { name: c.name, type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const, repetition_type: 'OPTIONAL' as const } : { name: c.name, type: c.type, repetition_type: 'OPTIONAL' as const })),
  ];
}

/** A small table held whole (the reviewers' corrections) as Parquet, its columns typed as the table says; returns how many rows it holds. */
export async function writeTableParquet(table: Table, file: string): Promise<number> {
  const columns = table.columns.map((c) => ({ name: c.key, type: PHYSICAL[c.type] }));
  const writer = new ParquetWriter({ writer: fileWriter(file), schema: schemaOf(columns), createdBy: 'shiji' });
  await writer.write({ columnData: columns.map((c) => ({ name: c.name, data: table.rows.map((r) => typed(r[c.name] ?? null, c.type)) })), rowGroupSize: Math.max(1, table.rows.length) });
  writer.finish();
  return table.rows.length;
}

/** Writes the claims of `docs` to `file` as Parquet; returns how many rows it holds. */
export async function writeClaimsParquet(docs: AsyncIterable<AnalysedDocument>, builder: TableBuilder, file: string, rowGroup: number = PARQUET_ROW_GROUP): Promise<number> {
  const columns = parquetColumns(builder.claimColumns);
  const writer = new ParquetWriter({ writer: fileWriter(file), schema: schemaOf(columns), createdBy: 'shiji' });
  let data: Array<Array<string | number | null>> = columns.map(() => []);
  let rows = 0;
  const flush = async (): Promise<void> => {
    if ((data[0]?.length ?? 0) === 0) return;
    // one row group of what was gathered (a little over rowGroup rows), never a group and a small remainder
    await writer.write({ columnData: columns.map((c, i) => ({ name: c.name, data: data[i] as Array<string | number | null> })), rowGroupSize: data[0]?.length ?? rowGroup });
    data = columns.map(() => []);
  };
  for await (const d of docs) {
    const { claims } = builder.add(d.result, d.text);
    const byId = new Map(d.result.claims.map((c) => [c.id, c]));
    for (const row of claims) {
      const claim = typeof row['claim_id'] === 'string' ? byId.get(row['claim_id']) : undefined;
      columns.forEach((c, i) => { (data[i] as Array<string | number | null>).push(typed(c.value(row, d.result, claim), c.type)); });
      rows++;
    }
    if ((data[0]?.length ?? 0) >= rowGroup) await flush();
  }
  await flush();
  writer.finish();
  return rows;
}
