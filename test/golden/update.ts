/**
 * Rewrites the golden files from the current extractor: `npx tsx test/golden/update.ts`.
 * Golden files are reviewed by hand before they are committed; the reasons for hard cases
 * live in the *.notes.yaml beside them and are not touched by this script.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { analyseBytes } from '../../src/index.js';
import { GOLDEN_DOCS, project } from './golden.js';

for (const g of GOLDEN_DOCS) {
  const a = analyseBytes(readFileSync(g.path), g.path);
  const out = {
    path: g.path,
    title: a.result.title,
    nominees: a.result.nominees.map((n) => ({ id: n.id, name: n.name, kind: n.kind, ...(n.title ? { title: n.title } : {}) })),
    criteria: a.result.criteria.map((c) => ({ id: c.id, group: c.group, text: c.text })),
    claims: a.result.claims.map(project),
  };
  writeFileSync(g.golden, `${JSON.stringify(out, null, 1)}\n`);
  process.stdout.write(`${g.golden}: ${out.claims.length} claims\n`);
}
