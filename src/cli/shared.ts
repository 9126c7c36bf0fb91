import { createRequire } from 'node:module';
/** What the commands share: one-line failures, argument parsing, loading documents, atomic writes. */
import { parseArgs } from 'node:util';
import { basename, dirname, join, resolve } from 'node:path';
import { collectInputs, type AnalysedDocument } from '../corpus.js';
import { AnalysisCache, cacheRefusal } from '../cache.js';
import { analyseStream } from '../batch.js';
import { createWriteStream, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import type { AnalyseOptions } from '../analyse.js';
import { ShijiError } from '../errors.js';
import { batched } from '../export/stream.js';

export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
export function pad(s: string, n: number): string { return s + ' '.repeat(Math.max(0, n - width(s))); }

/** The choice nearest a mistyped word (revew -> review, xls -> xlsx), or null when none is near. */
export function nearestOf(word: string, choices: readonly string[]): string | null {
  // natural's distance (CommonJS), loaded only for a mistyped word
  const { DamerauLevenshteinDistance } = createRequire(import.meta.url)('natural/lib/natural/distance/index.js') as typeof import('natural/lib/natural/distance/index.js');
  const best = choices.map((c) => ({ c, d: DamerauLevenshteinDistance(word, c) })).sort((a, b) => a.d - b.d)[0];
  return best && best.d <= Math.max(1, Math.floor(best.c.length / 3)) ? best.c : null;
}

export function fail(message: string, code: number): never {
  process.stderr.write(`shiji: ${message.replace(/\s*[\r\n]+\s*/g, '; ')}\n`);
  process.exit(code);
}

export async function writeChunks(out: NodeJS.WritableStream, chunks: Iterable<string | Buffer>, end = ''): Promise<void> {
  const wait = (): Promise<void> => new Promise((r) => out.once('drain', r));
  for (const piece of batched(chunks as Iterable<string>)) if (!out.write(piece)) await wait();
  if (end && !out.write(end)) await wait();
}

/** --criteria FILE, read once for the whole run (the analyser is loaded only for it: a notice given as criteria is analysed). */
export async function analyseOptions(values: Record<string, string | boolean | undefined>): Promise<AnalyseOptions> {
  const file = values['criteria'];
  return typeof file === 'string' ? { criteria: (await import('../analyse.js')).readCriteriaFile(file) } : {};
}

/** A progress bar on stderr, only on a terminal and only once the work takes noticeable time. */
export function progressBar(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  const start = Date.now();
  let last = 0;
  let shown = false;
  return (done, total) => {
    const now = Date.now();
    if (done >= total) { if (shown) process.stderr.write('\r\x1b[K'); return; }
    if (now - start < 400 || now - last < 80) return;
    last = now;
    shown = true;
    const w = 30;
    const f = Math.round((w * done) / total);
    process.stderr.write(`\r[${'#'.repeat(f)}${'.'.repeat(w - f)}] ${done}/${total} documents`);
  };
}

/** Documents analysed one at a time, in input order; a file that fails is reported on stderr and counted. */
export interface DocumentStream {
  /** the files found, before any is analysed */
  readonly files: readonly string[];
  readonly docs: AsyncIterable<AnalysedDocument>;
  /** inputs that could not be listed or analysed so far */
  failed(): number;
  /** what the failed inputs were, each as its one-line message (path: why) */
  failures(): readonly string[];
}

/** The inputs listed at once; each document analysed when the consumer asks for it (see analyseStream). */
export function streamDocuments(paths: readonly string[], opts: AnalyseOptions, useCache: boolean, workers?: number, listed: ReturnType<typeof collectInputs> = collectInputs(paths)): DocumentStream {
  const { files, problems } = listed;
  for (const p of problems) process.stderr.write(`shiji: ${p.error.message}\n`);
  let failed = problems.length;
  const failures: string[] = problems.map((p) => p.error.message);
  const list = files.map((f) => f.path);
  async function* docs(): AsyncGenerator<AnalysedDocument> {
    const cache = useCache ? AnalysisCache.open() : null;
    if (useCache && !cache && process.env['SHIJI_CACHE']) {
      const why = cacheRefusal();
      if (why) process.stderr.write(`shiji: warning: SHIJI_CACHE=${process.env['SHIJI_CACHE']} is not an analysis cache: ${why}; analysing without one\n`);
    }
    const progress = progressBar();
    try {
      for await (const o of analyseStream(list, { opts, cache, ...(workers !== undefined ? { workers } : {}), ...(progress ? { onProgress: progress } : {}) })) {
        // a problem is reported as it happens, on a line of its own above the progress bar
        if ('error' in o) { failed++; failures.push(o.error.message); process.stderr.write(`${progress ? '\r\x1b[K' : ''}shiji: ${o.error.message}\n`); } else yield o.doc;
      }
    } finally { cache?.close(); }
  }
  return { files: list, docs: docs(), failed: () => failed, failures: () => failures };
}

/** Every document at once (the review UI needs them all; exports and extract stream). */
export async function loadDocuments(paths: readonly string[], opts: AnalyseOptions, useCache: boolean, workers?: number): Promise<{ docs: AnalysedDocument[]; failed: number }> {
  const s = streamDocuments(paths, opts, useCache, workers);
  const docs: AnalysedDocument[] = [];
  for await (const d of s.docs) docs.push(d);
  return { docs, failed: s.failed() };
}

export function samePath(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const x = statSync(a); const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch { return false; }
}

/** The temporary name a file is written under before it is renamed to `path`. */
export function partialOf(path: string): string {
  return join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.partial`);
}

/** Removes what a killed run left of an earlier write of `path` (its process is gone). */
export function removeStalePartials(path: string): void {
  const dir = dirname(resolve(path));
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try { names = readdirSync(dir); } catch { return; }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.partial(-wal|-shm|-journal)?$/.exec(name.slice(prefix.length));
    if (!m) continue;
    let alive = true;
    try { process.kill(Number(m[1]), 0); } catch (e) { alive = (e as NodeJS.ErrnoException).code === 'EPERM'; }
    if (!alive) rmSync(join(dir, name), { force: true });
  }
}

/** Streams a file to a temporary name beside `path`, then renames it into place; a failure leaves nothing. */
export async function writeFileAtomically(path: string, write: (to: NodeJS.WritableStream) => Promise<void>): Promise<void> {
  removeStalePartials(path);
  const tmp = partialOf(path);
  try {
    const file = createWriteStream(tmp, { flags: 'wx' });
    const opened = new Promise<void>((ok, ko) => { file.once('open', () => ok()); file.once('error', ko); });
    await opened;
    const failed = new Promise<never>((_, ko) => file.once('error', ko));
    await Promise.race([write(file), failed]);
    await Promise.race([new Promise<void>((ok) => file.end(() => ok())), failed]);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code && !(e instanceof ShijiError)) throw new ShijiError('unsupported', `cannot write (${code === 'ENOSPC' ? 'disk is full' : code})`, path);
    throw e;
  }
}

/** writeAtomically for a writer that takes its time: the file appears under `path` only when complete. */
export async function writePathAtomically<T>(path: string, write: (tmp: string) => Promise<T>): Promise<T> {
  removeStalePartials(path);
  const tmp = partialOf(path);
  try {
    const r = await write(tmp);
    renameSync(tmp, path);
    return r;
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code && !(e instanceof ShijiError)) throw new ShijiError('unsupported', `cannot write (${code === 'ENOSPC' ? 'disk is full' : code})`, path);
    throw e;
  }
}

/**
 * Calls write with a temporary path beside `path`, then renames it to `path`: a reader never
 * sees a partial file, and a failure leaves nothing behind.
 */
export function writeAtomically<T>(path: string, write: (tmp: string) => T): T {
  removeStalePartials(path);
  const tmp = partialOf(path);
  const clean = (): void => { for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) rmSync(f, { force: true }); };
  try {
    const r = write(tmp);
    renameSync(tmp, path);
    return r;
  } catch (e) {
    clean();
    throw e;
  }
}

export type Spec = NonNullable<Parameters<typeof parseArgs>[0]>['options'];
export function parse(argv: string[], options: Spec): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args: argv, allowPositionals: true, options: options ?? {} });
    return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
  } catch (e) {
    fail(`${(e as Error).message.split('\n')[0]} (see shiji --help)`, 2);
  }
}

