import { describe, expect, it } from 'vitest';
import { collectInputs, AnalysisCache } from '../src/index.js';
import { analyseMany } from '../src/batch.js';
import { tmpDb } from './helpers/review.js';

describe('analysing many files', () => {
  const files = collectInputs(['corpus']).files.map((f) => f.path);

  it('gives the same results on worker threads as inline, in input order, with progress', async () => {
    const inline = await analyseMany(files, { workers: 0 });
    const seen: number[] = [];
    const pooled = await analyseMany(files, { workers: 2, minForWorkers: 1, onProgress: (d) => seen.push(d) });
    expect(pooled.map((o) => o.path)).toEqual(files);
    expect(pooled.map((o) => ('doc' in o ? o.doc.result : o.error.message))).toEqual(inline.map((o) => ('doc' in o ? o.doc.result : o.error.message)));
    expect(seen[seen.length - 1]).toBe(files.length);
  }, 60000);

  it('serves a second run from the cache', async () => {
    const cache = AnalysisCache.open(tmpDb('batch-cache.sqlite'));
    const cold = await analyseMany(files, { workers: 0, cache });
    const warm = await analyseMany(files, { workers: 2, cache });
    expect(cold.every((o) => 'doc' in o && !o.doc.cached)).toBe(true);
    expect(warm.every((o) => 'doc' in o && o.doc.cached)).toBe(true);
    cache?.close();
  });

  it('reports a bad file and goes on', async () => {
    const r = await analyseMany([...files.slice(0, 2), 'corpus/missing.txt'], { workers: 0 });
    expect(r.map((o) => 'error' in o)).toEqual([false, false, true]);
  });
});
