/**
 * Analyses many files: the cache first, then the misses on worker threads (each loads jieba
 * once), or inline when there are too few to pay for a worker's start. Reports progress
 * through a callback; never prints.
 */
import { Worker } from 'node:worker_threads';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { analyseFileCachedAsync, cachedDocument, optionsKey, type AnalysedDocument, type CachedOutcome } from './corpus.js';
import { AnalysisCache } from './cache.js';
import { sha256, type AnalyseOptions, type DocumentResult } from './analyse.js';
import { ShijiError, type ShijiErrorCode } from './errors.js';
import type { WorkReply, WorkRequest } from './worker.js';

export interface BatchOptions {
  readonly opts?: AnalyseOptions;
  readonly cache?: AnalysisCache | null;
  /**
   * Worker threads to use; 0 or 1 analyses on the calling thread. Default 1: on the 2-core
   * machines measured (npm run bench), one thread is faster, because V8 already spends much of
   * the second core on garbage collection and compilation for it, and two analyses compete for
   * that help.
   */
  readonly workers?: number;
  /** below this many files to analyse, analyse inline (a worker takes a second to load jieba) */
  readonly minForWorkers?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** The worker: compiled JavaScript, or (running from the TypeScript sources) through tsx. */
function startWorker(): Worker {
  const js = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js);
  const ts = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(ts)}); });`, { eval: true });
}

/**
 * Worker threads for `work` files when `requested` were asked for: never more than the files or
 * the cores, since each worker loads its own dictionaries (~250 MB) and a core runs one at a time.
 */
export function workerCount(requested: number, work: number): number {
  return Math.max(0, Math.min(requested, availableParallelism(), work));
}

export async function analyseMany(paths: readonly string[], b: BatchOptions = {}): Promise<CachedOutcome[]> {
  const opts = b.opts ?? {};
  const cache = b.cache ?? null;
  const out: Array<CachedOutcome | undefined> = new Array(paths.length);
  const misses: number[] = [];
  let done = 0;
  const tick = (): void => { done++; b.onProgress?.(done, paths.length); };
  const options = optionsKey(opts); // once: with --criteria it is a JSON string of them all

  for (let i = 0; i < paths.length; i++) {
    const path = paths[i] as string;
    if (!cache) { misses.push(i); continue; }
    let bytes: Buffer;
    try { bytes = readFileSync(path); } catch {
      misses.push(i); // analyseFileCachedAsync reports why it cannot be read
      continue;
    }
    const hit = cachedDocument(cache, AnalysisCache.key(sha256(bytes), options), path);
    if (hit) { out[i] = { path, doc: hit }; tick(); }
    else misses.push(i);
  }

  const workers = workerCount(b.workers ?? 1, misses.length);
  if (workers <= 1 || misses.length < (b.minForWorkers ?? 8)) {
    for (const i of misses) {
      out[i] = await analyseFileCachedAsync(paths[i] as string, opts, cache);
      tick();
    }
    return out as CachedOutcome[];
  }

  const pool = Array.from({ length: workers }, startWorker);
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let pending = misses.length;
      const feed = (w: Worker): void => {
        if (next >= misses.length) return;
        const i = misses[next++] as number;
        w.postMessage({ id: i, path: paths[i] as string, opts } satisfies WorkRequest);
      };
      for (const w of pool) {
        w.on('message', (reply: WorkReply) => {
          const path = paths[reply.id] as string;
          if ('crash' in reply) { reject(new Error(`${path}: ${reply.crash}`)); return; }
          if ('error' in reply) out[reply.id] = { path, error: new ShijiError(reply.error.code as ShijiErrorCode, reply.error.message.replace(`${path}: `, ''), path) };
          else {
            const doc: AnalysedDocument = { result: reply.result as DocumentResult, text: reply.text, cached: false };
            // keyed by the hash of the bytes the worker analysed, whatever the file holds by now
            if (cache) cache.put(AnalysisCache.key(doc.result.sha256, options), { result: doc.result, text: doc.text });
            out[reply.id] = { path, doc };
          }
          tick();
          if (--pending === 0) resolve(); else feed(w);
        });
        w.on('error', reject);
        feed(w);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return out as CachedOutcome[];
}
