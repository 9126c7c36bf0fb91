/**
 * Turns command-line paths into the files to analyse: folders are walked recursively for
 * supported files. Problems come back as values, one per input, never as output.
 */
import { readdirSync, statSync, readFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { ShijiError } from './errors.js';
import type { Analysis, AnalyseOptions, DocumentResult } from './analyse.js';
import { sha256 } from './version.js';
import { AnalysisCache, analysisVersion } from './cache.js';
import { DEFAULT_DICTIONARY_DIR } from './dictionaries.js';

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.text', '.html', '.htm', '.xhtml', '.docx', '.pdf'] as const;

export interface InputFile { readonly path: string }
export interface InputProblem { readonly path: string; readonly error: ShijiError }

function supported(path: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
}

/** What an error of the file system means, in a few words. */
function fsProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'too many symbolic links (a link loop?)';
    case 'ENOTDIR': return 'a path component is not a directory';
    case 'ENAMETOOLONG': return 'name too long';
    default: return code ?? 'error';
  }
}

/** Files under dir; a subfolder that cannot be read is one problem, and the rest is still walked. */
function walk(dir: string, out: string[], problems: InputProblem[]): void {
  // in code point order: the same on every machine, whatever its locale (and without loading
  // ICU's collation, some 10 ms, for it)
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    // hidden files, dependencies and a folder's own README are not documents to analyse
    if (e.name.startsWith('.') || e.name === 'node_modules' || /^readme(\.|$)/i.test(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      try { walk(p, out, problems); } catch (err) {
        problems.push({ path: p, error: new ShijiError('missing', `cannot read directory (${fsProblem(err)}); skipped`, p) });
      }
    } else if (e.isFile() && supported(p)) out.push(p);
  }
}

/** Expands paths into files. A file named explicitly is taken whatever its extension. */
export function collectInputs(paths: readonly string[]): { files: InputFile[]; problems: InputProblem[] } {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  for (const path of paths) {
    let st;
    try {
      st = statSync(path);
    } catch (e) {
      problems.push({ path, error: new ShijiError('missing', fsProblem(e), path) });
      continue;
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      const inner: InputProblem[] = [];
      try { walk(path, found, inner); } catch (e) {
        problems.push({ path, error: new ShijiError('missing', `cannot read directory (${fsProblem(e)})`, path) });
        continue;
      }
      problems.push(...inner);
      if (found.length === 0 && inner.length === 0) problems.push({ path, error: new ShijiError('unsupported', `no supported files (${SUPPORTED_EXTENSIONS.join(' ')}) in this directory`, path) });
      for (const f of found) files.push({ path: f });
    } else if (st.isFile()) files.push({ path });
    else problems.push({ path, error: new ShijiError('not-a-file', 'not a regular file', path) });
  }
  return { files, problems };
}

export type AnalyseOutcome = { readonly path: string; readonly analysis: Analysis } | { readonly path: string; readonly error: ShijiError };

/** What the review UI and exports need of a document: its result and decoded text. */
export interface AnalysedDocument { readonly result: DocumentResult; readonly text: string; readonly cached: boolean }

export type CachedOutcome = { readonly path: string; readonly doc: AnalysedDocument } | { readonly path: string; readonly error: ShijiError };

/** A file's bytes, or the one-line problem that stops it being read. */
export function readInput(path: string): Buffer | ShijiError {
  try {
    return readFileSync(path);
  } catch (e) {
    return new ShijiError('missing', `cannot read file (${fsProblem(e)})`, path);
  }
}

/** A ShijiError becomes an outcome; anything else is a bug and is rethrown. */
export function asProblem(e: unknown, path: string): { path: string; error: ShijiError } {
  if (e instanceof ShijiError) return { path, error: e };
  throw e;
}

/** The cache key of some content analysed with these options (criteria change the analysis). */
export function cacheKey(bytes: Uint8Array, opts: AnalyseOptions): string {
  return AnalysisCache.key(sha256(bytes), optionsKey(opts));
}

/**
 * What the options add to a cache key: the criteria given with --criteria, and dictionaries
 * whose contents differ from the bundled ones.
 */
export function optionsKey(opts: AnalyseOptions): string {
  const criteria = opts.criteria ? JSON.stringify(opts.criteria.criteria) : '';
  if (!opts.dicts || opts.dicts.dir === DEFAULT_DICTIONARY_DIR) return criteria;
  const own = analysisVersion(opts.dicts.dir);
  return own === analysisVersion() ? criteria : `${criteria}\u0000${own}`;
}

/** A cached analysis as a document of this path, or null. */
export function cachedDocument(cache: AnalysisCache | null, key: string, path: string): AnalysedDocument | null {
  const hit = cache?.get(key, path);
  return hit ? { result: hit.result, text: hit.text, cached: true } : null;
}

/**
 * Reads and analyses one file, every format (the synchronous analyseFile, for text, Markdown and
 * HTML, is in analyse-file.ts). The analyser is loaded on the first file that needs it: a run
 * served from the cache never loads it.
 */
export async function analyseFileAsync(path: string, opts: AnalyseOptions = {}): Promise<AnalyseOutcome> {
  const bytes = readInput(path);
  if (bytes instanceof ShijiError) return { path, error: bytes };
  try { return { path, analysis: await (await import('./analyse.js')).analyseBytesAsync(bytes, path, opts) }; } catch (e) { return asProblem(e, path); }
}

export type Prepared = { readonly outcome: CachedOutcome } | { readonly bytes: Buffer; readonly key: string };

/** Reads a file and looks it up in the cache: a finished outcome, or the bytes to analyse. */
export function prepare(path: string, opts: AnalyseOptions, cache: AnalysisCache | null): Prepared {
  const bytes = readInput(path);
  if (bytes instanceof ShijiError) return { outcome: { path, error: bytes } };
  const key = cache ? cacheKey(bytes, opts) : '';
  const hit = cachedDocument(cache, key, path);
  return hit ? { outcome: { path, doc: hit } } : { bytes, key };
}

/** Keeps a fresh analysis in the cache and makes it an outcome. */
export function store(a: Analysis, key: string, cache: AnalysisCache | null, path: string): CachedOutcome {
  cache?.put(key, { result: a.result, text: a.text });
  return { path, doc: { result: a.result, text: a.text, cached: false } };
}

/**
 * Reads and analyses one file through the cache, every format: unchanged content with unchanged
 * dictionaries and extractor is not analysed again (nor is the analyser loaded for it). Without a
 * cache it is analyseFileAsync.
 */
export async function analyseFileCachedAsync(path: string, opts: AnalyseOptions = {}, cache: AnalysisCache | null = null): Promise<CachedOutcome> {
  const p = prepare(path, opts, cache);
  if ('outcome' in p) return p.outcome;
  try { return store(await (await import('./analyse.js')).analyseBytesAsync(p.bytes, path, opts), p.key, cache, path); } catch (e) { return asProblem(e, path); }
}
