/** A worker thread that analyses files; it loads jieba once and serves many files. */
import { parentPort } from 'node:worker_threads';
import { analyseFileAsync } from './corpus.js';
import type { AnalyseOptions } from './analyse.js';

export interface WorkRequest { readonly id: number; readonly path: string; readonly opts: AnalyseOptions }
export type WorkReply =
  | { readonly id: number; readonly result: unknown; readonly text: string }
  | { readonly id: number; readonly error: { readonly code: string; readonly message: string; readonly path: string } }
  | { readonly id: number; readonly crash: string };

parentPort?.on('message', async (req: WorkRequest) => {
  try {
    const o = await analyseFileAsync(req.path, req.opts);
    if ('error' in o) parentPort?.postMessage({ id: req.id, error: { code: o.error.code, message: o.error.message, path: req.path } } satisfies WorkReply);
    else parentPort?.postMessage({ id: req.id, result: o.analysis.result, text: o.analysis.text } satisfies WorkReply);
  } catch (e) {
    parentPort?.postMessage({ id: req.id, crash: (e as Error).message } satisfies WorkReply);
  }
});
