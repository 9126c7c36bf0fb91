/**
 * jieba's own dictionary (349,000 words) as a trie in one binary file, so that the words of it a
 * text contains are found without loading the dictionary into jieba. The segmenter then loads
 * only those words (see subset.ts), which takes milliseconds where the whole dictionary takes a
 * second.
 *
 * Nodes are numbered breadth first, so the children of a node are consecutive, sorted by their
 * UTF-16 code unit, and found by binary search; the first character of a word is looked up in a
 * table of all 65,536 code units. A node that ends a word holds the word's frequency and tag, from
 * which its dictionary line is written again: the index is built only from a dictionary whose
 * every line is exactly "word frequency tag" and whose words are all different, so the lines
 * written are the lines read, and their order does not matter to cppjieba. The file is signed with
 * the dictionary it was made from (derived-file.ts): a changed dictionary is never served from a
 * stale index.
 */
import { HEADER_BYTES, loadDerived } from './derived-file.js';

const MAGIC = 0x5348_4a49; // "SHJI"
const FORMAT = 2;
const ROOT_SLOTS = 0x10000;

export interface DictionaryIndex {
  readonly wordCount: number;
  /** what cppjieba computes from the whole file: the sum, least and median of the frequencies */
  readonly freqSum: number;
  readonly minFreq: number;
  readonly medianFreq: number;
  /** the longest word, in UTF-16 code units */
  readonly maxLength: number;
  /** Adds to `into` every dictionary word that occurs in `text` (by node, with its text), but those in `except`; returns `into`. */
  wordsIn(text: string, into: Map<number, string>, except?: ReadonlyMap<number, string>): Map<number, string>;
  /** Whether every dictionary word in `text` is in `have`. */
  covers(text: string, have: ReadonlyMap<number, string>): boolean;
  /** The dictionary line of the word ending at `node`. */
  line(node: number, word: string): string;
}

interface Trie {
  /** node of each first code unit, -1 for none */
  readonly root: Int32Array;
  /** children of node n: firstChild[n] .. firstChild[n + 1] - 1 */
  readonly firstChild: Int32Array;
  readonly unit: Uint16Array;
  /** frequency of the word ending at a node, 0 where none ends */
  readonly freq: Uint32Array;
  readonly tag: Uint8Array;
  readonly tags: readonly string[];
}

interface Head { readonly wordCount: number; readonly freqSum: number; readonly minFreq: number; readonly medianFreq: number; readonly maxLength: number }

function indexOver(t: Trie, head: Head): DictionaryIndex {
  const { root, firstChild, unit, freq } = t;
  /**
   * The words of `text` not in `have`: added to `into` (by node, with their text) when it is
   * given, else the walk stops at the first one. Returns whether there was none. Written out
   * as plain loops: it runs over every text before jieba is asked about it, mostly still cold.
   */
  const walk = (text: string, have: ReadonlyMap<number, string> | undefined, into: Map<number, string> | null): boolean => {
    const n = text.length;
    const maxLength = head.maxLength;
    let none = true;
    for (let i = 0; i < n; i++) {
      let node = root[text.charCodeAt(i)] as number;
      const last = i + maxLength < n ? i + maxLength : n;
      for (let j = i + 1; node >= 0; j++) {
        if (freq[node] !== 0 && !have?.has(node) && !into?.has(node)) {
          if (into === null) return false;
          into.set(node, text.slice(i, j));
          none = false;
        }
        if (j >= last) break;
        // the child of node for text[j]: binary search among its children, sorted by code unit
        const u = text.charCodeAt(j);
        let lo = firstChild[node] as number;
        let hi = (firstChild[node + 1] as number) - 1;
        node = -1;
        while (lo <= hi) {
          const mid = (lo + hi) >>> 1;
          const v = unit[mid] as number;
          if (v === u) { node = mid; break; }
          if (v < u) lo = mid + 1; else hi = mid - 1;
        }
      }
    }
    return none;
  };
  return {
    ...head,
    wordsIn(text, into, except) { walk(text, except, into); return into; },
    covers(text, have) { return walk(text, have, null); },
    line(node, word) { return `${word} ${t.freq[node] as number} ${t.tags[t.tag[node] as number] as string}`; },
  };
}

/** Builds the index of a jieba dictionary file's bytes; null when a line is not plain "word frequency tag" or a word repeats. */
export function buildIndex(dict: Buffer): { index: DictionaryIndex; bytes: Buffer } | null {
  let text: string;
  try { text = new TextDecoder('utf-8', { fatal: true }).decode(dict); } catch { return null; }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const entries: Array<{ word: string; freq: number; tag: string }> = [];
  for (const line of lines) {
    const [word = '', f = '', tag = ''] = line.split(' ');
    const freq = Number(f);
    if (word === '' || !/^[1-9]\d*$/.test(f) || freq > 0xffffffff || `${word} ${f} ${tag}` !== line || tag === '' || /\s/.test(tag)) return null;
    entries.push({ word, freq, tag });
  }
  // breadth first: sort the words; the nodes of depth d are the distinct prefixes of length d
  entries.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  for (let i = 1; i < entries.length; i++) if ((entries[i] as { word: string }).word === (entries[i - 1] as { word: string }).word) return null;
  const maxLength = entries.reduce((m, e) => Math.max(m, e.word.length), 0);
  const levels: string[][] = [];
  for (let d = 1; d <= maxLength; d++) {
    const seen: string[] = [];
    for (const e of entries) if (e.word.length >= d) { const p = e.word.slice(0, d); if (seen[seen.length - 1] !== p) seen.push(p); }
    levels.push(seen);
  }
  const count = levels.reduce((n, l) => n + l.length, 0);
  const ids = new Map<string, number>();
  let next = 0;
  for (const level of levels) for (const p of level) ids.set(p, next++);
  const tagNames = [...new Set(entries.map((e) => e.tag))];
  if (tagNames.length > 255) return null;
  const trie: Trie = {
    root: new Int32Array(ROOT_SLOTS).fill(-1),
    firstChild: new Int32Array(count + 1),
    unit: new Uint16Array(count),
    freq: new Uint32Array(count),
    tag: new Uint8Array(count),
    tags: tagNames,
  };
  // children of the nodes of one level are the next level's nodes, in the same sorted order
  let childAt = (levels[0] as string[]).length;
  for (let d = 0; d < levels.length; d++) {
    const level = levels[d] as string[];
    const below = levels[d + 1] ?? [];
    let k = 0;
    for (const p of level) {
      const id = ids.get(p) as number;
      trie.unit[id] = p.charCodeAt(d);
      if (d === 0) trie.root[p.charCodeAt(0)] = id;
      trie.firstChild[id] = childAt;
      while (k < below.length && (below[k] as string).startsWith(p)) { k++; childAt++; }
    }
  }
  trie.firstChild[count] = childAt;
  const tagIds = new Map(tagNames.map((name, i) => [name, i]));
  for (const e of entries) {
    const id = ids.get(e.word) as number;
    trie.freq[id] = e.freq;
    trie.tag[id] = tagIds.get(e.tag) as number;
  }
  // all frequencies are whole numbers below 2^53, so their sum is exact in any order
  const freqs = entries.map((e) => e.freq).sort((a, b) => a - b);
  const head: Head = { wordCount: entries.length, freqSum: freqs.reduce((a, b) => a + b, 0), minFreq: freqs[0] as number, medianFreq: freqs[Math.floor(freqs.length / 2)] as number, maxLength };
  return { index: indexOver(trie, head), bytes: serialise(trie, head) };
}

function serialise(t: Trie, head: Head): Buffer {
  const tags = Buffer.from(t.tags.join(' '));
  const count = t.unit.length;
  const arrays = [t.root, t.firstChild, t.freq, t.unit, t.tag];
  const size = HEADER_BYTES + arrays.reduce((n, a) => n + a.byteLength, 0) + tags.length;
  const out = Buffer.alloc(size);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(FORMAT, 4);
  out.writeUInt32LE(count, 8);
  out.writeUInt32LE(head.wordCount, 12);
  out.writeDoubleLE(head.freqSum, 16);
  out.writeDoubleLE(head.minFreq, 24);
  out.writeDoubleLE(head.medianFreq, 32);
  out.writeUInt32LE(head.maxLength, 40);
  out.writeUInt32LE(tags.length, 44);
  let at = HEADER_BYTES;
  for (const a of arrays) at += Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, at);
  tags.copy(out, at);
  return out;
}

function parse(bytes: Buffer): DictionaryIndex | null {
  if (bytes.length < HEADER_BYTES || bytes.readUInt32LE(0) !== MAGIC || bytes.readUInt32LE(4) !== FORMAT) return null;
  const count = bytes.readUInt32LE(8);
  const tagBytes = bytes.readUInt32LE(44);
  if (bytes.length !== HEADER_BYTES + ROOT_SLOTS * 4 + (count + 1) * 4 + count * (4 + 2 + 1) + tagBytes) return null;
  // the bytes start on an 8-byte boundary (loadIndex sees to it), so the arrays are views, not copies
  let at = bytes.byteOffset + HEADER_BYTES;
  const take = <T>(C: new (b: ArrayBuffer, o: number, n: number) => T, n: number, width: number): T => { const a = new C(bytes.buffer as ArrayBuffer, at, n); at += n * width; return a; };
  const root = take(Int32Array, ROOT_SLOTS, 4);
  const firstChild = take(Int32Array, count + 1, 4);
  const freq = take(Uint32Array, count, 4);
  const unit = take(Uint16Array, count, 2);
  const tag = take(Uint8Array, count, 1);
  const tags = bytes.toString('utf8', at - bytes.byteOffset).split(' ');
  const head: Head = { wordCount: bytes.readUInt32LE(12), freqSum: bytes.readDoubleLE(16), minFreq: bytes.readDoubleLE(24), medianFreq: bytes.readDoubleLE(32), maxLength: bytes.readUInt32LE(40) };
  return indexOver({ root, firstChild, unit, freq, tag, tags }, head);
}

/**
 * The index of the dictionary at `dictPath`, read from `indexPath` when that file was made from
 * this very dictionary, else built (a few seconds) and written there for the next process; null
 * when the dictionary cannot be read or indexed.
 */
export function loadIndex(dictPath: string, indexPath: string): DictionaryIndex | null {
  return loadDerived(dictPath, indexPath, (dict) => { const b = buildIndex(dict); return b && { value: b.index, bytes: b.bytes }; }, parse);
}
