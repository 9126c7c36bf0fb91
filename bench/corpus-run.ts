/**
 * One timed run over a generated corpus, in its own process so that memory and jieba's load are
 * counted fairly: `tsx bench/corpus-run.ts DIR WORKERS CACHE|-`. Prints one JSON line.
 */
import { collectInputs, AnalysisCache } from '../dist/index.js';
import { analyseMany } from '../dist/batch.js';

const [dir, workersArg, cachePath] = process.argv.slice(2);
const files = collectInputs([dir as string]).files.map((f) => f.path);
const cache = cachePath && cachePath !== '-' ? AnalysisCache.open(cachePath) : null;
const t0 = performance.now();
const out = await analyseMany(files, { workers: Number(workersArg), cache, minForWorkers: 1 });
const ms = performance.now() - t0;
cache?.close();
const failed = out.filter((o) => 'error' in o).length;
const claims = out.reduce((a, o) => a + ('doc' in o ? o.doc.result.claims.length : 0), 0);
process.stdout.write(`${JSON.stringify({ ms, docs: files.length, failed, claims, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
