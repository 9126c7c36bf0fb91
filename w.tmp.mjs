import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { collectInputs, decodeBytes, AnalysisCache } from './dist/index.js';
import { analyseMany } from './dist/batch.js';
const texts = collectInputs(['corpus']).files.map((f) => decodeBytes(readFileSync(f.path), f.path).text);
rmSync('/tmp/bc', { recursive: true, force: true }); mkdirSync('/tmp/bc');
for (let i = 0; i < 1000; i++) writeFileSync(`/tmp/bc/d${i}.txt`, `${texts[i % texts.length]}\n\n（材料编号 ${i}）\n`);
const files = collectInputs(['/tmp/bc']).files.map((f) => f.path);
const mode = process.argv[2];
let t = performance.now();
if (mode === 'cache') {
  rmSync('/tmp/bc.sqlite', { force: true });
  const c = AnalysisCache.open('/tmp/bc.sqlite');
  await analyseMany(files, { workers: 2, cache: c, minForWorkers: 1 });
  console.log('cold', (performance.now() - t).toFixed(0));
  t = performance.now();
  const r = await analyseMany(files, { workers: 2, cache: c });
  console.log('warm', (performance.now() - t).toFixed(0), JSON.stringify(r[0].doc.result).length + r[0].doc.text.length);
} else {
  const r = await analyseMany(files, { workers: Number(mode), minForWorkers: 1 });
  console.log('workers', mode, (performance.now() - t).toFixed(0));
}
