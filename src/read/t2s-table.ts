/**
 * The simplified character of every UTF-16 code unit, as opencc-js's t2cn converts that
 * character alone: a table of 65,536 units (dist/t2s-chars.index, made by the build, signed with
 * opencc's file; see segment/derived-file.ts). Apart from simplified.ts, which makes opencc's
 * converter for whole phrases, so that reading the table (a search in the review UI, say) does
 * not load opencc: it is needed here only to make the table again when the file is missing or
 * stale.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DERIVED_DIR } from '../derived.js';
import { HEADER_BYTES, loadDerived } from '../segment/derived-file.js';

export const T2S_TABLE_PATH = join(DERIVED_DIR, 't2s-chars.index');
const MAGIC = 0x5348_4a54; // "SHJT"
const FORMAT = 1;

/** The simplified code unit of each code unit, as opencc converts that character alone (itself when it would become more or less than one unit). */
function deriveTable(): Uint16Array {
  const opencc = createRequire(import.meta.url)('opencc-js/t2cn') as { Converter: (o: { from: string; to: string }) => (s: string) => string };
  const convert = opencc.Converter({ from: 't', to: 'cn' });
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const out = convert(String.fromCharCode(c));
    table[c] = out.length === 1 ? out.charCodeAt(0) : c;
  }
  return table;
}

function serialise(table: Uint16Array): Buffer {
  const out = Buffer.alloc(HEADER_BYTES + table.byteLength);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(FORMAT, 4);
  Buffer.from(table.buffer, table.byteOffset, table.byteLength).copy(out, HEADER_BYTES);
  return out;
}

function parse(bytes: Buffer): Uint16Array | null {
  if (bytes.readUInt32LE(0) !== MAGIC || bytes.readUInt32LE(4) !== FORMAT || bytes.length !== HEADER_BYTES + 0x20000) return null;
  return new Uint16Array(bytes.buffer as ArrayBuffer, bytes.byteOffset + HEADER_BYTES, 0x10000);
}

let table: Uint16Array | undefined;
/** The table, from the build's file when it was made from the opencc installed, else derived now (and written for the next process). */
export function t2sTable(): Uint16Array {
  if (table === undefined) {
    let source: string | null = null;
    try { source = createRequire(import.meta.url).resolve('opencc-js/t2cn'); } catch { /* derive below */ }
    const build = (): { value: Uint16Array; bytes: Buffer } => { const t = deriveTable(); return { value: t, bytes: serialise(t) }; };
    table = (source !== null ? loadDerived(source, T2S_TABLE_PATH, build, parse) : null) ?? deriveTable();
  }
  return table;
}

/** The simplified code unit of code unit `c` (国 for 國; `c` itself where nothing changes). */
export function simplifiedUnit(c: number): number {
  return (table ?? t2sTable())[c] as number;
}
