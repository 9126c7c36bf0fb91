import { readFileSync } from 'node:fs';
import nodejieba from 'nodejieba';
import { analyseText, collectInputs, decodeBytes, ensureJieba, sha256 } from './dist/index.js';
const texts = collectInputs(['corpus']).files.map((f) => decodeBytes(readFileSync(f.path), f.path).text);
ensureJieba();
for (const n of [8]) {
  let big = ''; for (let i = 0; i < n * texts.length; i++) big += texts[i % texts.length] + '\n\n';
  let t = performance.now(); nodejieba.cut(big, true); const cut = performance.now() - t;
  t = performance.now(); const paras = big.split('\n'); for (const p of paras) nodejieba.cut(p, true); const cutp = performance.now() - t;
  t = performance.now(); const r = analyseText(big, { path: 'x', sha256: sha256(big), encoding: 'utf-8', bom: false }); const an = performance.now() - t;
  console.log(n, big.length, 'cut', cut.toFixed(0), 'cutParas', cutp.toFixed(0), 'analyse', an.toFixed(0), r.result.claims.length, r.result.checks.length);
}
