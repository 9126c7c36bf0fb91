// Part of `npm run build`, after tsc: the data that spares a cold start its slowest steps.
// - dist/jieba-dict.index: jieba's dictionary as a trie (src/segment/dictionary-index.ts), from
//   which the segmenter loads only the words a text holds;
// - dist/yaml-snapshot.json: every table under dictionaries/ parsed once (src/yaml.ts).
// Both are checked against their sources when read, so a stale one is never used.
import { readdirSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import nodejieba from 'nodejieba';
import { loadIndex } from '../dist/segment/dictionary-index.js';
import { DICTIONARY_INDEX_PATH } from '../dist/segment/jieba.js';
import { YAML_SNAPSHOT_PATH, yamlSnapshot } from '../dist/yaml.js';
import { DEFAULT_DICTIONARY_DIR } from '../dist/dictionaries.js';

if (!loadIndex(nodejieba.DEFAULT_DICT, DICTIONARY_INDEX_PATH)) throw new Error(`cannot index ${nodejieba.DEFAULT_DICT}`);

const yamlFiles = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
  const p = join(dir, e.name);
  return e.isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(e.name) ? [p] : [];
});
const tmp = `${YAML_SNAPSHOT_PATH}.partial`;
writeFileSync(tmp, JSON.stringify(yamlSnapshot(yamlFiles(DEFAULT_DICTIONARY_DIR))));
renameSync(tmp, YAML_SNAPSHOT_PATH);
