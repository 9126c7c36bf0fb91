// Part of `npm run build`, after tsc: the data that spares a cold start its slowest steps.
// - dist/jieba-dict.index, dist/jieba-hmm.index: jieba's dictionary as a trie and its HMM model
//   by character (src/segment/dictionary-index.ts, hmm-index.ts), from which the segmenter loads
//   only the words and characters a text holds;
// - dist/t2s-chars.index: opencc's simplified form of every single character (src/read/simplified.ts);
// - dist/yaml-snapshot.json: every table under dictionaries/ parsed once (src/yaml.ts).
// Both are checked against their sources when read, so a stale one is never used.
import { readdirSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import nodejieba from 'nodejieba';
import { loadIndex } from '../dist/segment/dictionary-index.js';
import { DICTIONARY_INDEX_PATH, HMM_INDEX_PATH } from '../dist/segment/jieba.js';
import { loadHmmIndex } from '../dist/segment/hmm-index.js';
import { YAML_SNAPSHOT_PATH, yamlSnapshot } from '../dist/yaml.js';
import { DEFAULT_DICTIONARY_DIR } from '../dist/dictionaries.js';
import { t2sTable } from '../dist/read/simplified.js';

if (!loadIndex(nodejieba.DEFAULT_DICT, DICTIONARY_INDEX_PATH)) throw new Error(`cannot index ${nodejieba.DEFAULT_DICT}`);
if (!loadHmmIndex(nodejieba.DEFAULT_HMM_DICT, HMM_INDEX_PATH)) throw new Error(`cannot index ${nodejieba.DEFAULT_HMM_DICT}`);

t2sTable();

const yamlFiles = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
  const p = join(dir, e.name);
  return e.isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(e.name) ? [p] : [];
});
const tmp = `${YAML_SNAPSHOT_PATH}.partial`;
writeFileSync(tmp, JSON.stringify(yamlSnapshot(yamlFiles(DEFAULT_DICTIONARY_DIR))));
renameSync(tmp, YAML_SNAPSHOT_PATH);
