/**
 * Word segmentation with nodejieba and the petition-work user dictionary.
 * nodejieba returns no offsets, but its tokens concatenate back to the input exactly, so
 * offsets are the running sum of token lengths (UTF-16 units). `segment` checks that and
 * falls back to single characters for any stretch it cannot align, so offsets are never wrong.
 *
 * Loading jieba's whole dictionary takes about a second, and most documents need jieba only
 * around their numerals and in the sentences linked to criteria. So jieba is loaded with the
 * words of its dictionary that occur in the texts at hand (subset.ts; found through an index of
 * the dictionary, dictionary-index.ts), which segments those texts exactly as the whole
 * dictionary does and loads in milliseconds. `prepareSegmenter` names the texts about to be
 * segmented (a document's text); every call checks that its text holds no dictionary word left
 * out, and loads a larger part when it does. Once the parts grow large, the whole dictionary is
 * loaded instead and the checks stop.
 */
import nodejieba from 'nodejieba';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { threadId } from 'node:worker_threads';
import { join } from 'node:path';
import { DERIVED_DIR } from '../derived.js';
import { DEFAULT_DICTIONARY_DIR, loadDictionaries, type Dictionaries } from '../dictionaries.js';
import { loadIndex, type DictionaryIndex } from './dictionary-index.js';
import { FILLER, subsetDictionary, userDictionary } from './subset.js';
import { loadHmmIndex, type HmmIndex } from './hmm-index.js';

export interface Token { readonly word: string; readonly start: number; readonly end: number }

const JIEBA = nodejieba as unknown as { DEFAULT_DICT: string; DEFAULT_HMM_DICT: string; DEFAULT_USER_DICT: string };
/** Where the index of jieba's dictionary is kept: written by `npm run build`, else on first use. */
export const DICTIONARY_INDEX_PATH = join(DERIVED_DIR, 'jieba-dict.index');
export const HMM_INDEX_PATH = join(DERIVED_DIR, 'jieba-hmm.index');
/**
 * The whole dictionary is loaded instead of a part when the part would hold more than
 * WHOLE_ABOVE words, or once loading parts has cost about what the whole costs (counted in
 * words loaded, each load also costing PART_LOAD as many for the HMM model and the files), or
 * once the texts named after the first part add up to WHOLE_AFTER_CHARS characters (every one
 * is walked through the index): a long run over many documents pays at most about twice the
 * one load, and then segments without any check.
 */
const WHOLE_ABOVE = 60_000;
const WHOLE_COST = 350_000;
const PART_LOAD = 5_000;
const WHOLE_AFTER_CHARS = 200_000;
let partCost = 0;
let namedChars = 0;

let userDict: string | null = null;
let mode: 'none' | 'part' | 'whole' = 'none';
let index: DictionaryIndex | null | undefined;
/** dictionary words in the loaded part, and words asked for since (by trie node); the same of characters (code points) for the HMM model */
const loaded = new Map<number, string>();
const pending = new Map<number, string>();
const loadedChars = new Set<number>();
const pendingChars = new Set<number>();
/** texts named by prepareSegmenter since the last load: covered once it is done */
const pendingTexts: string[] = [];
let hmm: HmmIndex | null | undefined;
let needWhole = false;
/** the last long texts named whose words are all loaded: a stretch of one of them needs no walk through the index */
const covered: string[] = [];
const COVERED_KEPT = 4;
let loads = 0;

/** cppjieba takes several user dictionaries separated by '|': jieba's own, then ours. */
const userDicts = (): string[] => [JIEBA.DEFAULT_USER_DICT, userDict ?? ''];

function load(part?: { dict: string; hmmDict: string; userDict: string }): void {
  // shiji never asks jieba for keywords: a one-line IDF table spares loading its 6 MB one
  nodejieba.load({ userDict: userDicts().join('|'), ...part, idfDict: `${DEFAULT_DICTIONARY_DIR}/jieba-idf.stub.txt` });
}

function useUserDict(dicts: Dictionaries): void {
  if (userDict === dicts.jiebaUserDictPath) return;
  if (userDict !== null) throw new Error('jieba is already loaded with another user dictionary');
  userDict = dicts.jiebaUserDictPath;
}

function loadWhole(): void {
  load();
  mode = 'whole';
  loaded.clear();
  pending.clear();
  loadedChars.clear();
  pendingChars.clear();
  pendingTexts.length = 0;
  covered.length = 0;
}

function dictionaryIndex(): DictionaryIndex | null {
  if (index === undefined) index = loadIndex(JIEBA.DEFAULT_DICT, DICTIONARY_INDEX_PATH);
  return index;
}

/** The user dictionaries as one text for a part of the dictionary (see userDictionary), or null. */
function userText(idx: DictionaryIndex): string | null {
  let text = '';
  for (const path of userDicts()) {
    const t = userDictionary(readFileSync(path, 'utf8'), idx.medianFreq);
    if (t === null) return null;
    text += text === '' || text.endsWith('\n') ? t : `\n${t}`;
  }
  return text;
}

/** Loads the part of the dictionary holding the loaded and pending words (or the whole, when that is cheaper or the only way). */
function loadPart(idx: DictionaryIndex): void {
  for (const [n, w] of pending) loaded.set(n, w);
  for (const c of pendingChars) loadedChars.add(c);
  pending.clear();
  pendingChars.clear();
  partCost += PART_LOAD + loaded.size;
  if (hmm === undefined) hmm = loadHmmIndex(JIEBA.DEFAULT_HMM_DICT, HMM_INDEX_PATH);
  const dict = loaded.size > WHOLE_ABOVE || partCost > WHOLE_COST ? null : subsetDictionary(idx, loaded);
  const user = dict && userText(idx);
  if (!dict || user === null || !hmm) { loadWhole(); return; }
  // a name of this thread's own: worker threads share the process id, and cppjieba aborts the
  // process when a file it is given is gone
  const base = join(tmpdir(), `shiji-jieba-${process.pid}-${threadId}-${loads++}-${randomBytes(4).toString('hex')}`);
  const files = { dict: `${base}.dict.utf8`, hmmDict: `${base}.hmm.utf8`, userDict: `${base}.user.utf8` };
  try {
    writeFileSync(files.dict, dict);
    writeFileSync(files.hmmDict, hmm.subset(loadedChars));
    writeFileSync(files.userDict, user);
    load(files);
    mode = 'part';
    cover(pendingTexts.splice(0));
  } catch {
    loadWhole();
  } finally {
    for (const f of Object.values(files)) rmSync(f, { force: true });
  }
}

/** Remembers the long ones of `texts` as covered (a part holding all their words and characters is loaded). */
function cover(texts: readonly string[]): void {
  for (const t of texts) if (t.length >= 64) covered.unshift(t);
  covered.length = Math.min(covered.length, COVERED_KEPT);
}

/** Whether `text` lies within a covered text: a native substring search, where a walk through the index would visit every character. */
const withinCovered = (text: string): boolean => text.length >= 8 && covered.some((t) => t.includes(text));

/** Adds the code points of `text` not in `except` to `into`. */
function charsIn(text: string, into: Set<number>, except: ReadonlySet<number>): void {
  for (let i = 0; i < text.length; i++) { const c = text.codePointAt(i) as number; if (!except.has(c)) into.add(c); }
}
/** Whether every code point of `text` is in `have` (a surrogate pair's low half is looked up too, and never missing: charsIn adds it). */
function charsCovered(text: string, have: ReadonlySet<number>): boolean {
  for (let i = 0; i < text.length; i++) if (!have.has(text.codePointAt(i) as number)) return false;
  return true;
}

/** nodejieba reads text as UTF-8, where a lone surrogate is U+FFFD: look words up in what it reads. */
const wellFormed = (s: string): string => (/[\ud800-\udfff]/.test(s) ? s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd') : s);

/** Makes sure jieba is loaded with every dictionary word of `text`. */
function ready(text: string, dicts?: Dictionaries): void {
  if (userDict === null || dicts !== undefined) useUserDict(dicts ?? loadDictionaries());
  if (mode === 'whole') return;
  const idx = dictionaryIndex();
  if (!idx || needWhole || text.includes(FILLER)) { loadWhole(); return; }
  const s = wellFormed(text);
  if (mode === 'part' && pending.size === 0 && pendingChars.size === 0 && (withinCovered(s) || (idx.covers(s, loaded) && charsCovered(s, loadedChars)))) return;
  idx.wordsIn(s, pending, loaded);
  charsIn(s, pendingChars, loadedChars);
  if (mode === 'none' || pending.size > 0 || pendingChars.size > 0) loadPart(idx);
  else cover(pendingTexts.splice(0));
}

/**
 * Names texts about to be segmented (a document's text, the criteria it is linked to), so that
 * jieba, when next asked, loads the words of all of them at once. Loads nothing itself.
 */
export function prepareSegmenter(texts: readonly string[], dicts?: Dictionaries): void {
  if (dicts !== undefined) useUserDict(dicts);
  if (mode === 'whole') return;
  const idx = dictionaryIndex();
  if (!idx) return;
  // what the first part is made of is free: it replaces the whole load
  if (mode === 'part') for (const t of texts) namedChars += t.length;
  if (namedChars > WHOLE_AFTER_CHARS) { needWhole = true; return; }
  for (const t of texts) {
    if (t.includes(FILLER)) needWhole = true;
    else { const w = wellFormed(t); idx.wordsIn(w, pending, loaded); charsIn(w, pendingChars, loadedChars); pendingTexts.push(w); }
  }
}

/** Loads jieba's whole dictionary (about a second), for callers that use nodejieba directly. */
export function ensureJieba(dicts: Dictionaries = loadDictionaries()): void {
  useUserDict(dicts);
  if (mode !== 'whole') loadWhole();
}

/** How jieba is loaded now: nothing yet, a part of its dictionary (with how many words, and how many parts were loaded so far), or the whole. */
export function segmenterState(): { readonly mode: 'none' | 'part' | 'whole'; readonly words: number; readonly parts: number } {
  return { mode, words: loaded.size, parts: loads };
}

/** Segments `text`; token offsets are relative to `text` plus `base`. */
export function segment(text: string, base = 0, dicts?: Dictionaries): Token[] {
  ready(text, dicts);
  const words = nodejieba.cut(text, true);
  const tokens: Token[] = [];
  let at = 0;
  for (const w of words) {
    if (text.startsWith(w, at)) {
      tokens.push({ word: w, start: base + at, end: base + at + w.length });
      at += w.length;
    } else {
      // Not expected; never guess an offset: re-align on single characters.
      return [...text].reduce<{ out: Token[]; at: number }>((acc, ch) => {
        acc.out.push({ word: ch, start: base + acc.at, end: base + acc.at + ch.length });
        acc.at += ch.length;
        return acc;
      }, { out: [], at: 0 }).out;
    }
  }
  return tokens;
}

const tagCache = new Map<string, string>();
/** jieba's part-of-speech tag for one word taken on its own (cached). */
export function tagOf(word: string, dicts?: Dictionaries): string {
  let t = tagCache.get(word);
  if (t === undefined) {
    ready(word, dicts);
    const tags = nodejieba.tag(word);
    t = tags.length === 1 ? (tags[0]?.tag ?? 'x') : 'x';
    tagCache.set(word, t);
  }
  return t;
}
