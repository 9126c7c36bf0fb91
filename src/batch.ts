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
import { sha256 } from './version.js';
import type { AnalyseOptions, DocumentResult } from './analyse.js';
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
  /** documents read or analysed ahead of the one being handed out (default 4 a worker thread) */
  readonly window?: number;
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

/**
 * analyseMany as a stream: outcomes come one by one in input order, so a caller can write each
 * and let it go. At most `window` documents are read or analysed ahead of the one the caller
 * waits for, so memory stays bounded however many files there are.
 */
export async function* analyseStream(paths: readonly string[], b: BatchOptions = {}): AsyncGenerator<CachedOutcome> {
  const opts = b.opts ?? {};
  const cache = b.cache ?? null;
  const options = optionsKey(opts); // once: with --criteria it is a JSON string of them all
  const requested = workerCount(b.workers ?? 1, paths.length);
  const pool = requested > 1 && paths.length >= (b.minForWorkers ?? 8) ? new Pool(requested, opts, cache, options) : null;
  const window = Math.max(1, b.window ?? (pool ? 4 * requested : 1));
  const pending: Array<Promise<CachedOutcome>> = [];
  let next = 0;
  let done = 0;
  const start = (i: number): Promise<CachedOutcome> => {
    const path = paths[i] as string;
    if (!pool) return analyseFileCachedAsync(path, opts, cache);
    const hit = lookUp(path, cache, options);
    return hit ? Promise.resolve({ path, doc: hit }) : pool.run(i, path);
  };
  try {
    while (next < paths.length || pending.length > 0) {
      while (next < paths.length && pending.length < window) {
        const p = start(next++);
        p.catch(() => { /* awaited below, in order */ });
        pending.push(p);
      }
      const outcome = await (pending.shift() as Promise<CachedOutcome>);
      done++;
      b.onProgress?.(done, paths.length);
      yield outcome;
    }
  } finally {
    await pool?.close();
  }
}

/** A cached analysis of the file's current bytes, or null (an unreadable file is left to the analysis to report). */
function lookUp(path: string, cache: AnalysisCache | null, options: string): AnalysedDocument | null {
  if (!cache) return null;
  let bytes: Buffer;
  try { bytes = readFileSync(path); } catch { return null; }
  return cachedDocument(cache, AnalysisCache.key(sha256(bytes), options), path);
}

/** Worker threads, started on the first file to analyse; each takes the next waiting file when it is free. */
class Pool {
  private workers: Worker[] | null = null;
  private readonly idle: Worker[] = [];
  private readonly queue: Array<{ id: number; path: string }> = [];
  private readonly waiting = new Map<number, { path: string; ok: (o: CachedOutcome) => void; ko: (e: Error) => void }>();

  constructor(private readonly size: number, private readonly opts: AnalyseOptions, private readonly cache: AnalysisCache | null, private readonly options: string) {}

  run(id: number, path: string): Promise<CachedOutcome> {
    if (!this.workers) this.start();
    return new Promise((ok, ko) => {
      this.waiting.set(id, { path, ok, ko });
      this.queue.push({ id, path });
      this.feed();
    });
  }

  private start(): void {
    this.workers = Array.from({ length: this.size }, startWorker);
    for (const w of this.workers) {
      w.on('message', (reply: WorkReply) => { this.idle.push(w); this.settle(reply); this.feed(); });
      w.on('error', (e) => { for (const x of this.waiting.values()) x.ko(e); this.waiting.clear(); });
      this.idle.push(w);
    }
  }

  private feed(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const job = this.queue.shift() as { id: number; path: string };
      (this.idle.pop() as Worker).postMessage({ id: job.id, path: job.path, opts: this.opts } satisfies WorkRequest);
    }
  }

  private settle(reply: WorkReply): void {
    const w = this.waiting.get(reply.id);
    if (!w) return;
    this.waiting.delete(reply.id);
    const path = w.path;
    if ('crash' in reply) { w.ko(new Error(`${path}: ${reply.crash}`)); return; }
    if ('error' in reply) { w.ok({ path, error: new ShijiError(reply.error.code as ShijiErrorCode, reply.error.message.replace(`${path}: `, ''), path) }); return; }
    const doc: AnalysedDocument = { result: reply.result as DocumentResult, text: reply.text, cached: false };
    // keyed by the hash of the bytes the worker analysed, whatever the file holds by now
    if (this.cache) this.cache.put(AnalysisCache.key(doc.result.sha256, this.options), { result: doc.result, text: doc.text });
    w.ok({ path, doc });
  }

  async close(): Promise<void> {
    if (this.workers) await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Every outcome at once, in input order (the review UI needs them all; exports use analyseStream). */
export async function analyseMany(paths: readonly string[], b: BatchOptions = {}): Promise<CachedOutcome[]> {
  const out: CachedOutcome[] = [];
  for await (const o of analyseStream(paths, b)) out.push(o);
  return out;
}
