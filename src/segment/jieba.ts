/**
 * Word segmentation with nodejieba and the petition-work user dictionary.
 * nodejieba returns no offsets, but its tokens concatenate back to the input exactly, so
 * offsets are the running sum of token lengths (UTF-16 units). `segment` checks that and
 * falls back to single characters for any stretch it cannot align, so offsets are never wrong.
 */
import nodejieba from 'nodejieba';
import { DEFAULT_DICTIONARY_DIR, loadDictionaries, type Dictionaries } from '../dictionaries.js';

export interface Token { readonly word: string; readonly start: number; readonly end: number }

let loadedWith: string | null = null;

/** Loads jieba's dictionaries once per process (about a second; later calls are free). */
export function ensureJieba(dicts: Dictionaries = loadDictionaries()): void {
  if (loadedWith === dicts.jiebaUserDictPath) return;
  if (loadedWith !== null) throw new Error('jieba is already loaded with another user dictionary');
  // cppjieba takes several user dictionaries separated by '|': keep jieba's own beside ours.
  // shiji never asks jieba for keywords: a one-line IDF table spares loading its 6 MB one (a quarter of the load)
  nodejieba.load({
    userDict: `${(nodejieba as unknown as { DEFAULT_USER_DICT: string }).DEFAULT_USER_DICT}|${dicts.jiebaUserDictPath}`,
    idfDict: `${DEFAULT_DICTIONARY_DIR}/jieba-idf.stub.txt`,
  });
  loadedWith = dicts.jiebaUserDictPath;
}

/** Segments `text`; token offsets are relative to `text` plus `base`. */
export function segment(text: string, base = 0, dicts?: Dictionaries): Token[] {
  ensureJieba(dicts);
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
export function tagOf(word: string): string {
  let t = tagCache.get(word);
  if (t === undefined) {
    ensureJieba();
    const tags = nodejieba.tag(word);
    t = tags.length === 1 ? (tags[0]?.tag ?? 'x') : 'x';
    tagCache.set(word, t);
  }
  return t;
}
