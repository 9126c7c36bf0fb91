/**
 * Traditional characters in simplified ones, through opencc-js (its t2cn build: the
 * dictionaries of traditional → mainland simplified only, with the same conversions as the
 * full build). Reading a text asks for one character at a time, and opencc answers that in
 * microseconds after a converter that takes twenty milliseconds to make; so the answer for
 * every UTF-16 code unit is derived once from opencc into a table (dist/t2s-chars.index, made
 * by the build, signed with opencc's file; see segment/derived-file.ts), and the converter is
 * made only for a text in traditional characters, which is converted phrase by phrase, or to
 * make the table again when its file is missing or stale. opencc itself is loaded with the
 * converter, so that reading the table (a search in the review UI, say) does not load it.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DERIVED_DIR } from '../derived.js';
import { HEADER_BYTES, loadDerived } from '../segment/derived-file.js';

export const T2S_TABLE_PATH = join(DERIVED_DIR, 't2s-chars.index');
const MAGIC = 0x5348_4a54; // "SHJT"
const FORMAT = 1;
/** The build of opencc the converter comes from, and the table is signed with. */
const OPENCC = 'opencc-js/t2cn';

let converter: ((s: string) => string) | null = null;
/** opencc's converter from traditional to mainland simplified characters (made on first use). */
export function t2s(): (s: string) => string {
  if (converter === null) {
    const opencc = createRequire(import.meta.url)(OPENCC) as { Converter: (o: { from: string; to: string }) => (s: string) => string };
    converter = opencc.Converter({ from: 't', to: 'cn' });
  }
  return converter;
}

/** The simplified code unit of each code unit, as opencc converts that character alone (itself when it would become more or less than one unit). */
function deriveTable(): Uint16Array {
  const convert = t2s();
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
    try { source = createRequire(import.meta.url).resolve(OPENCC); } catch { /* derive below */ }
    const build = (): { value: Uint16Array; bytes: Buffer } => { const t = deriveTable(); return { value: t, bytes: serialise(t) }; };
    table = (source !== null ? loadDerived(source, T2S_TABLE_PATH, build, parse) : null) ?? deriveTable();
  }
  return table;
}

/** The simplified code unit of code unit `c` (国 for 國; `c` itself where nothing changes). */
export function simplifiedUnit(c: number): number {
  return (table ?? t2sTable())[c] as number;
}
