import { readFileSync } from 'node:fs';
import { analyseText, collectInputs, decodeBytes, ensureJieba, sha256 } from './dist/index.js';
const texts = collectInputs(['corpus']).files.map((f) => decodeBytes(readFileSync(f.path), f.path).text);
ensureJieba();
// many documents, like the corpus run
let t = performance.now();
for (let i = 0; i < 300; i++) { const x = texts[i % texts.length] + `\n\n（编号 ${i}）`; analyseText(x, { path: 'x', sha256: sha256(x), encoding: 'utf-8', bom: false }); }
console.log('300 docs', performance.now() - t);
