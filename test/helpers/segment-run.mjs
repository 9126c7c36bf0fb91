// Segments and tags pieces of text in a process of its own, so that how jieba is loaded is
// known: `part` names all pieces first (one part of the dictionary), `guard` names none (each
// piece is checked against the part loaded so far), `whole` loads the whole dictionary.
// Usage: node test/helpers/segment-run.mjs MODE PIECES.json — prints JSON {state, results}.
import { readFileSync } from 'node:fs';
import nodejieba from 'nodejieba';
import { ensureJieba, prepareSegmenter, segment, segmenterState } from '../../dist/index.js';

const [mode, file] = process.argv.slice(2);
const pieces = JSON.parse(readFileSync(file, 'utf8'));
if (mode === 'whole') ensureJieba();
if (mode === 'part') prepareSegmenter(pieces);
const results = pieces.map((p) => {
  const cut = segment(p).map((t) => t.word).join('/');
  return `${cut}|${nodejieba.tag(p).map((t) => `${t.word}:${t.tag}`).join(' ')}`;
});
process.stdout.write(JSON.stringify({ state: segmenterState(), results }));
