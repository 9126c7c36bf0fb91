/**
 * The synchronous ways to analyse a file (text, Markdown, HTML; Word and PDF need the
 * asynchronous ones in corpus.ts). Apart from corpus.ts because they load the analyser with
 * them, which a command served from the cache does without.
 */
import { analyseBytes, type AnalyseOptions } from './analyse.js';
import type { AnalysisCache } from './cache.js';
import { ShijiError } from './errors.js';
import { asProblem, prepare, readInput, store, type AnalyseOutcome, type CachedOutcome } from './corpus.js';

/** Reads and analyses one file (text, Markdown, HTML; Word and PDF need analyseFileAsync). */
export function analyseFile(path: string, opts: AnalyseOptions = {}): AnalyseOutcome {
  const bytes = readInput(path);
  if (bytes instanceof ShijiError) return { path, error: bytes };
  try { return { path, analysis: analyseBytes(bytes, path, opts) }; } catch (e) { return asProblem(e, path); }
}

/**
 * Reads and analyses one file through the cache: unchanged content with unchanged dictionaries
 * and extractor is not analysed again. Without a cache it is analyseFile.
 */
export function analyseFileCached(path: string, opts: AnalyseOptions = {}, cache: AnalysisCache | null = null): CachedOutcome {
  const p = prepare(path, opts, cache);
  if ('outcome' in p) return p.outcome;
  try { return store(analyseBytes(p.bytes, path, opts), p.key, cache, path); } catch (e) { return asProblem(e, path); }
}
