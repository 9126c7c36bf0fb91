import { readFileSync } from 'node:fs';
import nodejieba from 'nodejieba';
import { analyseText, collectInputs, decodeBytes, ensureJieba, sha256 } from './dist/index.js';
const texts = collectInputs(['corpus']).files.map((f) => decodeBytes(readFileSync(f.path), f.path).text);
let big = '';
for (let i = 0; big.length < 1 * 1024 * 1024 / 3; i++) big += `${texts[i % texts.length]}\n\n`;
ensureJieba();
let t = performance.now(); nodejieba.cut(big, true); console.log('cut', performance.now() - t, big.length);
