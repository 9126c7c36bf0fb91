/** Renders the analyst's tables as CSV, Markdown, JSON, XLSX or a self-contained HTML report. */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Table, Column, Cell } from './tables.js';
import type { DocumentResult } from '../analyse.js';
import { CATEGORIES } from '../extract/claims.js';
import { totals } from './tables.js';

const BOM = '\ufeff';

/** CSV with a byte-order mark, so Excel opens the Chinese correctly; quoting by csv-stringify. */
export function toCsv(table: Table): string {
  const rows = table.rows.map((r) => table.columns.map((c) => cellText(r[c.key] ?? null)));
  return BOM + stringify([table.columns.map((c) => c.header), ...rows], { record_delimiter: 'windows' });
}

function cellText(v: Cell): string {
  return v === null ? '' : String(v);
}

function mdEscape(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function toMarkdown(tables: readonly Table[]): string {
  const out: string[] = [];
  for (const t of tables) {
    out.push(`## ${t.title}`, '');
    out.push(`| ${t.columns.map((c) => mdEscape(c.header)).join(' | ')} |`);
    out.push(`| ${t.columns.map((c) => (c.type === 'text' ? '---' : '---:')).join(' | ')} |`);
    for (const r of t.rows) out.push(`| ${t.columns.map((c) => mdEscape(displayCell(r[c.key] ?? null, c))).join(' | ')} |`);
    out.push('');
  }
  return out.join('\n');
}

function displayCell(v: Cell, c: Column): string {
  if (v === null) return '';
  if (typeof v === 'number' && (c.type === 'yuan' || c.type === 'int')) return v.toLocaleString('en-US');
  if (typeof v === 'number' && c.type === 'wan') return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return String(v);
}

export function toJson(tables: readonly Table[]): string {
  return `${JSON.stringify(Object.fromEntries(tables.map((t) => [t.name, { title: t.title, columns: t.columns, rows: t.rows }])), null, 2)}\n`;
}

const NUMFMT: Partial<Record<Column['type'], string>> = { int: '#,##0', yuan: '#,##0', wan: '#,##0.00', number: '#,##0.###', offset: '0' };

/** One sheet per table, frozen header, number formats. */
export async function toXlsx(tables: readonly Table[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'shiji';
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = t.columns.map((c) => ({ header: c.header, key: c.key, width: Math.min(60, Math.max(10, c.header.length + 2, c.type === 'text' ? 18 : 12)) }));
    for (const r of t.rows) ws.addRow(Object.fromEntries(t.columns.map((c) => [c.key, r[c.key] ?? null])));
    t.columns.forEach((c, i) => {
      const fmt = NUMFMT[c.type];
      if (fmt) ws.getColumn(i + 1).numFmt = fmt;
    });
    ws.getRow(1).font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A bar chart as inline SVG: one bar per nominee. */
function barChart(title: string, bars: ReadonlyArray<{ label: string; value: number; shown: string }>): string {
  const max = Math.max(...bars.map((b) => b.value), 1);
  // room for the longest label: about 13px a Chinese character, 7px a Latin one at 13px type
  const textW = (s: string): number => [...s].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? 13.5 : 7.2), 0);
  const labelW = Math.ceil(Math.max(120, ...bars.map((b) => textW(b.label))) + 16);
  const rowH = 26; const barW = 420; const h = bars.length * rowH + 34;
  const rows = bars.map((b, i) => {
    const y = 28 + i * rowH;
    const w = Math.max(1, Math.round((b.value / max) * barW));
    return `<text x="${labelW - 8}" y="${y + 14}" text-anchor="end">${esc(b.label)}</text>`
      + `<rect x="${labelW}" y="${y}" width="${w}" height="18" rx="2" fill="#3b6ea5"/>`
      + `<text x="${labelW + w + 6}" y="${y + 14}">${esc(b.shown)}</text>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${labelW + barW + 140}" height="${h}" role="img" aria-label="${esc(title)}" font-size="13"><text x="0" y="16" font-weight="bold">${esc(title)}</text>${rows}</svg>`;
}

export function toHtml(tables: readonly Table[], docs: readonly DocumentResult[], generated: string): string {
  const charts: string[] = [];
  const units = docs.flatMap((d) => d.nominees.map((n) => ({ d, n, claims: d.claims.filter((c) => c.nominee === n.id) })));
  const label = (u: { d: DocumentResult; n: { name: string } }): string => (docs.length > 1 ? `${u.n.name} · ${(u.d.path.split('/').pop() ?? '').replace(/\.[^.]+$/, '')}` : u.n.name);
  for (const cat of CATEGORIES) {
    const withAny = units.filter((u) => u.claims.some((c) => c.category === cat));
    if (withAny.length === 0) continue;
    if (cat === 'amount') {
      charts.push(barChart('amounts (万元, totals; ≥ marks a lower bound)', withAny.map((u) => {
        const t = totals(u.claims.filter((c) => c.category === cat)).find((x) => x.unit === '元');
        const wan = (t?.sum ?? 0) / 10000;
        return { label: label(u), value: wan, shown: `${t && t.bound !== '=' ? `${t.bound} ` : ''}${wan.toLocaleString('en-US', { maximumFractionDigits: 1 })}` };
      })));
    } else {
      charts.push(barChart(`${cat} (number of claims)`, withAny.map((u) => {
        const n = u.claims.filter((c) => c.category === cat).length;
        return { label: label(u), value: n, shown: String(n) };
      })));
    }
  }
  const tableHtml = tables.map((t) => `<h2>${esc(t.title)}</h2><div class="scroll"><table><thead><tr>${t.columns.map((c) => `<th>${esc(c.header)}</th>`).join('')}</tr></thead><tbody>${
    t.rows.map((r) => `<tr>${t.columns.map((c) => `<td class="${c.type === 'text' ? '' : 'num'}">${esc(displayCell(r[c.key] ?? null, c))}</td>`).join('')}</tr>`).join('')
  }</tbody></table></div>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>shiji report</title>
<style>
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}
h1{font-size:20px}h2{font-size:16px;margin-top:28px}
.charts{display:flex;flex-wrap:wrap;gap:18px}.charts svg{border:1px solid #ddd;padding:8px;background:#fafafa}
.scroll{overflow-x:auto}table{border-collapse:collapse;font-size:12px}th,td{border:1px solid #ccc;padding:3px 6px;vertical-align:top}
th{background:#eef2f7;position:sticky;top:0}td.num{text-align:right;white-space:nowrap}
</style></head><body>
<h1>shiji report</h1>
<p>${docs.length} document(s), ${units.length} nominee(s), ${docs.reduce((a, d) => a + d.claims.length, 0)} claim(s). Generated ${esc(generated)}. Totals marked ≥ are lower bounds, ≤ upper bounds, ≈ approximate.</p>
<h2>Categories by nominee</h2>
<div class="charts">${charts.join('\n')}</div>
${tableHtml}
</body></html>
`;
}
