import * as m from './dist/index.js';
import fs from 'node:fs';
m.ensureJieba();
const text = fs.readFileSync('corpus/shanxi-2017-xinfang-nominees.txt', 'utf8');
for (let i = 0; i < 5; i++) m.analyseText(text + i, { path: 'x', sha256: 'y' + i, encoding: 'utf-8', bom: false });
const t = performance.now();
for (let i = 0; i < 100; i++) m.analyseText(text + i, { path: 'x', sha256: 'y' + i, encoding: 'utf-8', bom: false });
console.log('hundred', (performance.now() - t).toFixed(0));
