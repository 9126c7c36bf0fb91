/**
 * Renders the analyst's tables as CSV, Markdown, JSON, XLSX or a self-contained HTML report.
 * Every text format is also a sequence of chunks (csvChunks, markdownChunks, jsonTableChunks,
 * htmlChunks), so a large export is written piece by piece; XLSX is streamed by exceljs's
 * WorkbookWriter. Cells are made safe for where they go: CSV cells that a spreadsheet would run
 * as a formula are escaped (OWASP), Markdown and HTML are escaped.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { PassThrough, type Writable } from 'node:stream';
import { chartData, type Table, type Column, type Cell, type Chart, type TableOptions, type Row } from './tables.js';
import type { Status } from '../review/store.js';
import type { DocumentResult } from '../analyse.js';
import { jsonChunks, JsonArray } from './stream.js';
import { exportVocabulary } from './vocabulary.js';

const BOM = '\ufeff';

/** A table whose rows may be read once from anywhere (an array, or rows read back from disk). */
export interface RowTable { readonly name: string; readonly title: string; readonly columns: readonly Column[]; readonly rows: Iterable<Row>; readonly filter?: boolean }

/**
 * A text cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR, NUL first; their
 * full-width forms too) gets a leading apostrophe, as OWASP recommends for CSV injection.
 * Numbers are written as numbers and need none.
 */
export function csvSafe(s: string): string {
  return /^[=+\-@\t\r\0\uff1d\uff0b\uff0d\uff20]/.test(s) ? `'${s}` : s;
}

/** CSV with a byte-order mark, so Excel opens the Chinese correctly; quoting by csv-stringify. */
export function toCsv(table: Table): string {
  return [...csvChunks(table)].join('');
}

// any field holding a line end (a bare CR included) is quoted, so no reader splits its row
const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n\u2028\u2029]/ } as const;

/** toCsv, one row at a time. */
export function* csvChunks(table: RowTable): Generator<string> {
  // headers are the column keys, the same in CSV, XLSX, Parquet and JSON
  yield BOM + stringify([table.columns.map((c) => csvSafe(c.key))], CSV_OPTIONS);
  for (const r of table.rows) yield stringify([table.columns.map((c) => csvCell(r[c.key] ?? null))], CSV_OPTIONS);
}

function csvCell(v: Cell): string | number {
  return v === null ? '' : typeof v === 'number' ? v : csvSafe(v);
}

/**
 * Text as it shows in a Markdown table cell: line ends become spaces; characters Markdown would
 * read as formatting, links or HTML are escaped, so a cell shows exactly its text.
 */
export function mdEscape(s: string): string {
  return s
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (ch) => `\\${ch}`);
}

export function toMarkdown(tables: readonly Table[]): string {
  return [...markdownChunks(tables)].join('');
}

/** toMarkdown, one line at a time. */
export function* markdownChunks(tables: readonly RowTable[]): Generator<string> {
  let first = true;
  for (const t of tables) {
    yield `${first ? '' : '\n'}## ${mdEscape(t.title)}\n\n`;
    first = false;
    yield `| ${t.columns.map((c) => mdEscape(c.header)).join(' | ')} |\n`;
    yield `| ${t.columns.map((c) => (c.type === 'text' ? '---' : '---:')).join(' | ')} |\n`;
    for (const r of t.rows) yield `| ${t.columns.map((c) => mdEscape(displayCell(r[c.key] ?? null, c))).join(' | ')} |\n`;
  }
}

function displayCell(v: Cell, c: Column): string {
  if (v === null) return '';
  if (typeof v === 'number' && (c.type === 'yuan' || c.type === 'int')) return v.toLocaleString('en-US');
  return String(v);
}

export function toJson(tables: readonly Table[]): string {
  return [...jsonTableChunks(tables)].join('');
}

/** toJson, row by row. */
export function* jsonTableChunks(tables: readonly RowTable[]): Generator<string> {
  yield* jsonChunks(Object.fromEntries(tables.map((t) => [t.name, { title: t.title, columns: t.columns, rows: Array.isArray(t.rows) ? t.rows : new JsonArray(t.rows) }])));
  yield '\n';
}

const NUMFMT: Partial<Record<Column['type'], string>> = { int: '#,##0', yuan: '#,##0', number: '#,##0.###', offset: '0', year: '0' };

/** What one sheet can hold (Excel's limits): rows including the header, and characters a cell. */
export const XLSX_MAX_ROWS = 1_048_576;
export const XLSX_MAX_CELL = 32_767;

/** One sheet per table, frozen header, number formats. */
export async function toXlsx(tables: readonly RowTable[]): Promise<Buffer> {
  const sink = new PassThrough();
  const parts: Buffer[] = [];
  sink.on('data', (b: Buffer) => parts.push(b));
  await writeXlsx(tables, sink);
  return Buffer.concat(parts);
}

/** The name of the k-th sheet (from 1) of a table: claims, claims (2), claims (3)… */
export function sheetName(table: string, k: number): string {
  return k === 1 ? table : `${table} (${k})`;
}

/**
 * toXlsx streamed to `out` by exceljs's WorkbookWriter: each row is written and let go as it is
 * added, and the writer waits for the output now and then, so memory does not grow with the
 * workbook. A table longer than a sheet holds (XLSX_MAX_ROWS - 1 data rows) goes on over
 * sheets "claims (2)", "claims (3)"…, each with the header, and a last sheet "notes" says so.
 * A cell too long for Excel is cut, with … at the cut.
 */
export async function writeXlsx(tables: readonly RowTable[], out: Writable, maxRows: number = XLSX_MAX_ROWS): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'shiji';
  const notes: string[] = [];
  let written = 0;
  for (const t of tables) {
    let sheets = 1;
    let ws = addSheet(wb, t, sheetName(t.name, 1));
    let inSheet = 0;
    let total = 0;
    // each sheet's autofilter covers its own rows
    const close = (): void => {
      if (t.filter === true) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: inSheet + 1, column: t.columns.length } };
      ws.commit();
    };
    for (const r of t.rows) {
      if (inSheet + 1 >= maxRows) { close(); ws = addSheet(wb, t, sheetName(t.name, ++sheets)); inSheet = 0; }
      ws.addRow(Object.fromEntries(t.columns.map((c) => {
        const v = r[c.key] ?? null;
        return [c.key, typeof v === 'string' && v.length > XLSX_MAX_CELL ? `${v.slice(0, XLSX_MAX_CELL - 1)}…` : v];
      }))).commit();
      inSheet++; total++;
      if (++written % 2000 === 0) await drained(ws, out);
    }
    close();
    if (sheets > 1) notes.push(`The ${t.name} table has ${total.toLocaleString('en-US')} rows, more than one sheet holds (${(maxRows - 1).toLocaleString('en-US')}): it is on sheets ${Array.from({ length: sheets }, (_, i) => sheetName(t.name, i + 1)).join(', ')}, in order, each with the header.`);
  }
  // what each column holds: its key (the header on every sheet), its label and its type
  const cols = wb.addWorksheet('columns', { views: [{ state: 'frozen', ySplit: 1 }] });
  cols.columns = [{ header: 'table', key: 'table', width: 12 }, { header: 'column', key: 'column', width: 28 }, { header: 'label', key: 'label', width: 36 }, { header: 'type', key: 'type', width: 10 }];
  cols.getRow(1).font = { bold: true };
  cols.getRow(1).commit();
  for (const t of tables) for (const c of t.columns) cols.addRow({ table: t.name, column: c.key, label: c.header, type: c.type }).commit();
  cols.commit();
  if (notes.length > 0) {
    const ws = wb.addWorksheet('notes');
    ws.columns = [{ header: 'note', key: 'note', width: 120 }];
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for (const n of notes) ws.addRow({ note: n }).commit();
    ws.commit();
  }
  await wb.commit();
}

type SheetWriter = ReturnType<InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>['addWorksheet']>;

function addSheet(wb: InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>, t: RowTable, name: string): SheetWriter {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = t.columns.map((c) => {
    const fmt = NUMFMT[c.type];
    return { header: c.key, key: c.key, width: Math.min(60, Math.max(10, c.key.length + 2, c.type === 'text' ? 18 : 12)), ...(fmt ? { style: { numFmt: fmt } } : {}) };
  });
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  return ws;
}

/**
 * Lets the zip writer catch up. exceljs's sheet stream hands its 64 KB blocks to the zip entry
 * without waiting for it (StreamBuf in batch mode), so a fast producer piles them up in the
 * entry's stream: wait while that stream (the sheet stream's `pipes`, an exceljs internal; a
 * readable-stream 2 PassThrough, whose state is in `_writableState`) or the output asks to drain.
 */
async function drained(ws: SheetWriter, out: Writable): Promise<void> {
  await new Promise<void>((r) => setImmediate(r));
  const pipes = (ws as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes ?? [];
  const full = (p: Writable): boolean => p.writableNeedDrain ?? (p as unknown as { _writableState?: { needDrain?: boolean } })._writableState?.needDrain === true;
  for (const p of [...pipes, out]) {
    while (full(p)) await new Promise<void>((r) => p.once('drain', () => r()));
  }
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The font stack of the report and its charts: Chinese first, so that 信访 never falls back to a box. */
export const CJK_FONTS = '"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif';

/** Bar colours: one per review status, or one for all when there is no review. */
export const STATUS_COLOURS: Record<Status | 'all', string> = { verified: '#2e7d32', needs_evidence: '#e09f1f', unreviewed: '#9aa5b1', disputed: '#c62828', all: '#3b6ea5' };

const num = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** A bar chart as inline SVG: one bar per nominee, longest first, split by review status when there is one. */
function barChart(chart: Chart, wanOf: boolean): string {
  const scale = wanOf ? 1 / 10000 : 1;
  const max = Math.max(...chart.bars.map((b) => b.value * scale), 1e-9);
  // room for the longest label: about 13px a Chinese character, 7px a Latin one at 13px type
  const textW = (s: string): number => [...s].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? 13.5 : 7.2), 0);
  const labelW = Math.ceil(Math.max(120, ...chart.bars.map((b) => textW(b.label))) + 16);
  const rowH = 26; const barW = 420; const h = chart.bars.length * rowH + 34;
  const rows = chart.bars.map((b, i) => {
    const y = 28 + i * rowH;
    let x = labelW;
    const rects = b.parts.map((p) => {
      const w = Math.max(1, Math.round(((p.value * scale) / max) * barW));
      const r = `<rect x="${x}" y="${y}" width="${w}" height="18" fill="${STATUS_COLOURS[p.status ?? 'all']}"><title>${esc(`${p.status ?? ''} ${num(p.value * scale)}`.trim())}</title></rect>`;
      x += w;
      return r;
    }).join('');
    const shown = `${b.bound === '=' ? '' : `${b.bound} `}${num(b.value * scale)}`;
    return `<text x="${labelW - 8}" y="${y + 14}" text-anchor="end">${esc(b.label)}</text>${rects}`
      + `<text x="${x + 6}" y="${y + 14}" class="value" data-value="${b.value}">${esc(shown)}</text>`;
  }).join('');
  const title = wanOf ? chart.title.replace(/ 元$/, ' 万元') : chart.title;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${labelW + barW + 150}" height="${h}" role="img" aria-label="${esc(title)}" font-size="13" font-family="${esc(CJK_FONTS)}" data-column="${esc(chart.key)}"><text x="0" y="16" font-weight="bold">${esc(title)}</text>${rows}</svg>`;
}

export interface HtmlOptions extends TableOptions {
  /** the decoded texts by document hash (to count a bilingual document's figures once) */
  readonly texts?: ReadonlyMap<string, string>;
}

export function toHtml(tables: readonly Table[], docs: readonly DocumentResult[], generated: string, opts: HtmlOptions = {}): string {
  return [...htmlChunks(tables, docs, generated, opts)].join('');
}

/** toHtml, a table row at a time. */
export function* htmlChunks(tables: readonly Table[], docs: readonly DocumentResult[], generated: string, opts: HtmlOptions = {}): Generator<string> {
  const zh = opts.lang === 'zh';
  const charts = chartData(docs, opts.texts ?? new Map(), opts).map((c) => barChart(c, c.category === 'amount'));
  const nominees = docs.reduce((a, d) => a + d.nominees.length, 0);
  const v = exportVocabulary();
  const word = (x: string): string => (zh ? v.values[x] ?? x : x.replace('_', ' '));
  const statuses = opts.verifiedOnly === true ? ['verified'] as const : ['verified', 'needs_evidence', 'unreviewed'] as const;
  const leftOut = opts.verifiedOnly === true
    ? (zh ? '只合计已核实的条目' : 'only verified figures are added up')
    : (zh ? '有争议和标为非数据的条目不计入合计' : 'disputed figures and figures marked as not a claim are left out');
  const legend = opts.review
    ? `<p class="legend">${statuses.map((s) => `<span style="background:${STATUS_COLOURS[s]}"></span>${esc(word(s))}`).join(' ')} — ${leftOut}${zh ? '。' : '.'}</p>`
    : '';
  const claims = docs.reduce((a, d) => a + d.claims.length, 0);
  const intro = zh
    ? `${docs.length}个文件，${nominees}个推荐对象，${claims}条数据。生成于${esc(generated)}。≥ 为下限，≤ 为上限，≈ 为约数；只合计成绩，双语文件中的同一数字只计一次。`
    : `${docs.length} document(s), ${nominees} nominee(s), ${claims} claim(s). Generated ${esc(generated)}. Totals marked ≥ are lower bounds, ≤ upper bounds, ≈ approximate; only achievements are added up, each figure of a bilingual document once.`;
  yield `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>shiji report</title>
<style>
body{font-family:${CJK_FONTS};margin:24px;color:#222}
h1{font-size:20px}h2{font-size:16px;margin-top:28px}
.charts{display:flex;flex-wrap:wrap;gap:18px}.charts svg{border:1px solid #ddd;padding:8px;background:#fafafa}
.scroll{overflow-x:auto}table{border-collapse:collapse;font-size:12px}th,td{border:1px solid #ccc;padding:3px 6px;vertical-align:top}
th{background:#eef2f7;position:sticky;top:0}td.num{text-align:right;white-space:nowrap}
.scroll td.t{min-width:7em;max-width:36em}th{min-width:3.5em}
.legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 10px;vertical-align:middle}
</style></head><body>
<h1>shiji report</h1>
<p>${intro}</p>
<h2>${zh ? '各推荐对象的合计' : 'Totals by nominee'}</h2>${legend}
<div class="charts">${charts.join('\n')}</div>
`;
  let first = true;
  for (const t of tables) {
    yield `${first ? '' : '\n'}<h2>${esc(t.title)}</h2><div class="scroll"><table><thead><tr>${t.columns.map((c) => `<th>${esc(c.header)}</th>`).join('')}</tr></thead><tbody>`;
    first = false;
    for (const r of t.rows) yield `<tr>${t.columns.map((c) => `<td class="${c.type === 'text' ? 't' : 'num'}">${esc(displayCell(r[c.key] ?? null, c))}</td>`).join('')}</tr>`;
    yield '</tbody></table></div>';
  }
  yield '\n</body></html>\n';
}
