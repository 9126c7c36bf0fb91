import { Worker } from 'node:worker_threads';
const code = `
const { parentPort } = require('node:worker_threads');
const t0 = performance.now();
import('${process.cwd()}/dist/index.js').then((m) => {
  const t1 = performance.now();
  m.ensureJieba();
  const t2 = performance.now();
  const fs = require('node:fs');
  const text = fs.readFileSync('${process.cwd()}/corpus/shanxi-2017-xinfang-nominees.txt', 'utf8');
  for (let i = 0; i < 5; i++) m.analyseText(text + i, { path: 'x', sha256: 'y' + i, encoding: 'utf-8', bom: false });
  const t3 = performance.now();
  for (let i = 0; i < 100; i++) m.analyseText(text + i, { path: 'x', sha256: 'y' + i, encoding: 'utf-8', bom: false });
  const t4 = performance.now();
  parentPort.postMessage({ import: t1 - t0, jieba: t2 - t1, warm: t3 - t2, hundred: t4 - t3 });
});`;
const n = Number(process.argv[2]);
const t = performance.now();
const res = await Promise.all(Array.from({ length: n }, () => new Promise((r) => { const w = new Worker(code, { eval: true }); w.on('message', (m) => { r(m); w.terminate(); }); })));
console.log(n, 'workers', (performance.now() - t).toFixed(0), JSON.stringify(res.map((x) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, Math.round(v)])))));
