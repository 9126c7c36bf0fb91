/**
 * jieba's HMM model (hmm_model.utf8), which segments the runs of characters that are no word:
 * the start and transition probabilities, then for each of the four states (B, E, M, S) the
 * emission probability of every character, some 35,000 entries. cppjieba looks up only the
 * characters of the text it is given and treats any other as impossible, so a model keeping
 * only those characters' entries segments that text alike, and loads in a tenth of the time.
 *
 * The index keeps, per state, the code points in order and each one's entry as written, so the
 * entries of a few hundred characters are found by binary search; it is signed with the
 * model it was made from (derived-file.ts).
 */
import { HEADER_BYTES, loadDerived } from './derived-file.js';

const MAGIC = 0x5348_4a48; // "SHJH"
const FORMAT = 2;
const STATES = 4;

export interface HmmIndex {
  /** The model with the entries of `chars` only (each state keeps at least one entry: a line may not be empty). */
  subset(chars: ReadonlySet<number>): string;
}

/** a state's entries ("字:-1.23,"), one after another in code point order, and where each starts */
interface State { readonly cps: Uint32Array; readonly starts: Uint32Array; readonly entries: string }

const trimSpace = (s: string): string => s.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');

function indexOver(head: readonly string[], states: readonly State[]): HmmIndex {
  const find = (st: State, cp: number): number => {
    let lo = 0;
    let hi = st.cps.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = st.cps[mid] as number;
      if (v === cp) return mid;
      if (v < cp) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
  };
  const entry = (st: State, i: number): string => st.entries.slice(st.starts[i] as number, (st.starts[i + 1] as number) - 1);
  return {
    subset(chars) {
      const sorted = [...chars].sort((a, b) => a - b);
      const lines = [...head];
      for (const st of states) {
        const kept: string[] = [];
        for (const cp of sorted) { const i = find(st, cp); if (i >= 0) kept.push(entry(st, i)); }
        if (kept.length === 0) kept.push(entry(st, 0));
        lines.push(kept.join(','));
      }
      return `${lines.join('\n')}\n`;
    },
  };
}

/** Reads a model as cppjieba does (trimmed lines; blank and # lines skipped); null when it is not one this index can hold. */
export function buildHmmIndex(model: Buffer): { value: HmmIndex; bytes: Buffer } | null {
  const lines = model.toString('utf8').split('\n').map(trimSpace).filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length < 5 + STATES) return null;
  const head = lines.slice(0, 5);
  const states: State[] = [];
  for (const line of lines.slice(5, 5 + STATES)) {
    const m = new Map<number, string>();
    for (const e of line.split(',')) {
      const parts = e.split(':');
      const chars = [...(parts[0] ?? '')];
      if (parts.length !== 2 || chars.length !== 1 || !/^[-+0-9.eE]+$/.test(parts[1] as string)) return null;
      m.set((chars[0] as string).codePointAt(0) as number, parts[1] as string); // listed twice: the later counts, as in cppjieba
    }
    if (m.size === 0) return null;
    const cps = Uint32Array.from(m.keys()).sort();
    const starts = new Uint32Array(cps.length + 1);
    let entries = '';
    cps.forEach((cp, i) => { starts[i] = entries.length; entries += `${String.fromCodePoint(cp)}:${m.get(cp) as string},`; });
    starts[cps.length] = entries.length;
    states.push({ cps, starts, entries });
  }
  return { value: indexOver(head, states), bytes: serialise(head, states) };
}

function serialise(head: readonly string[], states: readonly State[]): Buffer {
  const headBytes = Buffer.from(head.join('\n'));
  const entryBytes = states.map((s) => Buffer.from(s.entries));
  const pad = (n: number): number => (n + 3) & ~3;
  const size = HEADER_BYTES + pad(headBytes.length) + states.reduce((n, s, i) => n + s.cps.byteLength + s.starts.byteLength + pad((entryBytes[i] as Buffer).length), 0);
  const out = Buffer.alloc(size);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(FORMAT, 4);
  out.writeUInt32LE(headBytes.length, 8);
  let at = HEADER_BYTES;
  at += pad(headBytes.copy(out, at));
  states.forEach((s, i) => {
    out.writeUInt32LE(s.cps.length, 12 + i * 8);
    out.writeUInt32LE((entryBytes[i] as Buffer).length, 16 + i * 8);
    for (const a of [s.cps, s.starts]) at += Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, at);
    at += pad((entryBytes[i] as Buffer).copy(out, at));
  });
  return out;
}

function parse(bytes: Buffer): HmmIndex | null {
  if (bytes.readUInt32LE(0) !== MAGIC || bytes.readUInt32LE(4) !== FORMAT) return null;
  const pad = (n: number): number => (n + 3) & ~3;
  const headLength = bytes.readUInt32LE(8);
  let at = HEADER_BYTES;
  const head = bytes.toString('utf8', at, at + headLength).split('\n');
  at += pad(headLength);
  const states: State[] = [];
  for (let i = 0; i < STATES; i++) {
    const count = bytes.readUInt32LE(12 + i * 8);
    const entryLength = bytes.readUInt32LE(16 + i * 8);
    if (at + count * 8 + 4 + entryLength > bytes.length) return null;
    const cps = new Uint32Array(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, count);
    at += count * 4;
    const starts = new Uint32Array(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, count + 1);
    at += (count + 1) * 4;
    const entries = bytes.toString('utf8', at, at + entryLength);
    at += pad(entryLength);
    if (entries.length !== starts[count]) return null;
    states.push({ cps, starts, entries });
  }
  return indexOver(head, states);
}

/** The index of the model at `modelPath`, from `indexPath` when made from it, else built and written there. */
export function loadHmmIndex(modelPath: string, indexPath: string): HmmIndex | null {
  return loadDerived(modelPath, indexPath, buildHmmIndex, parse);
}
