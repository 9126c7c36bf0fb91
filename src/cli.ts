#!/usr/bin/env node
/**
 * The thin command line: parse arguments, call the library, print, set the exit code.
 * Expected problems print one line each on stderr; nothing but results goes to stdout.
 */
import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { collectInputs, type AnalysedDocument } from './corpus.js';
import { AnalysisCache, cacheRefusal } from './cache.js';
import { ReviewStore } from './review/store.js';
import { agreement } from './review/agreement.js';
import { analyseMany } from './batch.js';
import { createWriteStream, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { EXTRACTOR_VERSION, readCriteriaFile, type DocumentResult, type AnalyseOptions } from './analyse.js';
import { ShijiError } from './errors.js';
import { CATEGORIES } from './extract/claims.js';
import { batched, jsonChunks } from './export/stream.js';

const HELP = `shiji ${EXTRACTOR_VERSION} — quantitative claims in commendation notices

Usage:
  shiji extract <file-or-folder>... [--json | --jsonl | --text] [--criteria FILE]
  shiji review [<file-or-folder>...] [--db FILE] [--reviewer NAME] [--criteria FILE] [--no-cache]
  shiji export <file-or-folder>... --format csv|xlsx|md|json|html [--out FILE] [--db REVIEW.sqlite]
        [--by nominee|category|criterion] [--group-by-name] [--table summary|claims|coverage]
  shiji merge A.sqlite B.sqlite... -o PANEL.sqlite
  shiji agreement --db PANEL.sqlite [--json]
  shiji --help | --version

extract   analyse notices and write-ups (.txt .md .html .docx .pdf; UTF-8, GB18030/GBK, UTF-16)
  --json    one JSON object {documents:[…]} on stdout (see the contract)
  --jsonl   one JSON document per line
  --text    print the decoded text the offsets refer to
  --no-cache  analyse again even when a cached analysis exists
  --criteria FILE  link claims against these criteria instead of the document's own:
            a YAML list of {id, group, text} (a ready set is in dictionaries/criteria/)
            or a notice whose 评选条件 are read
  (none)    a readable summary per document and nominee

review    walk each nominee's evidence and record decisions (default: the bundled corpus/)
  --db FILE        review database (default ./shiji-review.sqlite); every decision is saved at once
  --reviewer NAME  who is deciding (default: the OS user)
  --no-cache       analyse again even when a cached analysis exists
  Without a terminal, prints a plain summary of the review and exits.
export    statistics tables: summary (per document and nominee; --by category or criterion;
          --group-by-name merges a name across documents), claims, coverage
  --format  csv (UTF-8 with BOM; with --out, FILE plus FILE.claims.csv and FILE.coverage.csv,
            else the --table on stdout), xlsx (one sheet per table), md, json, html (a
            self-contained report with a bar chart per category)
  --db FILE add review status counts and notes from a review database
  --workers N  worker threads for analysis (default 1: see the README on speed)
merge     combine review databases of several panel members (inputs are not modified)
agreement print agreement per nominee and overall (Cohen's kappa for two reviewers,
          Fleiss' for more) and list the claims on which members disagree

Exit status: 0 when every input was analysed, 1 when any input could not be read,
2 on a usage error.`;

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
function pad(s: string, n: number): string { return s + ' '.repeat(Math.max(0, n - width(s))); }

const SHORT: Record<string, string> = {
  cases_resolved: 'resolved', percent_change: 'change%', share: 'share', amount: 'amount', headcount: 'people', count: 'count', duration: 'duration',
};

export function summarize(doc: DocumentResult): string {
  const lines: string[] = [];
  lines.push(`${doc.path}  [${doc.encoding}${doc.script === 'traditional' ? ', traditional' : ''}, ${doc.kind}]`);
  lines.push(`  ${doc.title}`);
  lines.push(`  ${doc.nominees.length} nominees, ${doc.criteria.length} criteria, ${doc.claims.length} claims`);
  const header = `  ${pad('nominee', 22)}${pad('claims', 8)}${CATEGORIES.map((c) => pad(SHORT[c] ?? c, 10)).join('')}`;
  lines.push(header);
  const rows: Array<{ name: string; id: string | null }> = doc.nominees.map((n) => ({ name: n.name, id: n.id }));
  if (doc.claims.some((c) => c.nominee === null)) rows.push({ name: '(unattributed)', id: null });
  for (const r of rows) {
    const mine = doc.claims.filter((c) => c.nominee === r.id);
    lines.push(`  ${pad(r.name, 22)}${pad(String(mine.length), 8)}${CATEGORIES.map((c) => pad(String(mine.filter((x) => x.category === c).length || '·'), 10)).join('')}`);
  }
  const name = (id: string | null): string => doc.nominees.find((n) => n.id === id)?.name ?? '(unattributed)';
  for (const r of doc.requirements.filter((x) => x.nominees.length > 0)) {
    lines.push(`  ${r.criterion} requires ${r.text}:`);
    for (const e of r.nominees) {
      const shown = e.status === 'stated' ? `stated: ${e.evidence?.text ?? ''}` : e.status.replace('_', ' ');
      const claims = e.claims.map((id) => doc.claims.find((c) => c.id === id)?.text ?? id).join(', ');
      lines.push(`    ${pad(name(e.nominee), 20)}${shown}${claims ? ` (${claims})` : ''}`);
    }
  }
  const empty = doc.nominees.map((n) => ({ n, ids: doc.coverage.filter((c) => c.nominee === n.id && !c.evidence).map((c) => c.criterion) })).filter((x) => x.ids.length > 0);
  if (empty.length > 0) {
    lines.push('  criteria with no quantitative evidence:');
    for (const { n, ids } of empty) lines.push(`    ${pad(n.name, 20)}${ids.join(', ')}`);
  }
  if (doc.checks.length > 0) {
    lines.push(`  ${doc.checks.length} arithmetic finding${doc.checks.length > 1 ? 's' : ''}:`);
    for (const c of doc.checks) lines.push(`    ${pad(name(c.nominee), 20)}${c.kind}: ${c.message}`);
  }
  for (const w of doc.warnings) lines.push(`  warning: ${w}`);
  return lines.join('\n');
}

function fail(message: string, code: number): never {
  process.stderr.write(`shiji: ${message.replace(/\s*[\r\n]+\s*/g, '; ')}\n`);
  process.exit(code);
}

async function runExtract(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, jsonl: { type: 'boolean' }, text: { type: 'boolean' }, criteria: { type: 'string' }, 'no-cache': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values['help']) { process.stdout.write(`${HELP}\n`); return 0; }
  if (positionals.length === 0) fail('extract needs at least one file or folder (see shiji --help)', 2);
  if ([values['json'], values['jsonl'], values['text']].filter(Boolean).length > 1) fail('choose one of --json, --jsonl, --text', 2);

  const opts = analyseOptions(values);
  const { docs, failed } = await loadDocuments(positionals, opts, values['no-cache'] !== true);
  for (const d of docs) {
    if (values['jsonl']) process.stdout.write(`${JSON.stringify(d.result)}\n`);
    else if (values['text']) process.stdout.write(d.text);
    else if (!values['json']) process.stdout.write(`${summarize(d.result)}\n\n`);
  }
  // one JSON object, written document by document: no one string holds it all
  if (values['json']) await writeChunks(process.stdout, jsonChunks({ documents: docs.map((d) => d.result) }), '\n');
  return failed > 0 ? 1 : 0;
}

/** Writes chunks in pieces of about a megabyte, waiting whenever the stream asks to. */
async function writeChunks(out: NodeJS.WritableStream, chunks: Iterable<string | Buffer>, end = ''): Promise<void> {
  const wait = (): Promise<void> => new Promise((r) => out.once('drain', r));
  for (const piece of batched(chunks as Iterable<string>)) if (!out.write(piece)) await wait();
  if (end && !out.write(end)) await wait();
}

/** --criteria FILE, read once for the whole run. */
function analyseOptions(values: Record<string, string | boolean | undefined>): AnalyseOptions {
  const file = values['criteria'];
  return typeof file === 'string' ? { criteria: readCriteriaFile(file) } : {};
}

/** A progress bar on stderr, only on a terminal and only once the work takes noticeable time. */
function progressBar(): ((done: number, total: number) => void) | undefined {
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

async function loadDocuments(paths: readonly string[], opts: AnalyseOptions, useCache: boolean, workers?: number): Promise<{ docs: AnalysedDocument[]; failed: number }> {
  const { files, problems } = collectInputs(paths);
  for (const p of problems) process.stderr.write(`shiji: ${p.error.message}\n`);
  const cache = useCache ? AnalysisCache.open() : null;
  if (useCache && !cache && process.env['SHIJI_CACHE']) {
    const why = cacheRefusal();
    if (why) process.stderr.write(`shiji: warning: SHIJI_CACHE=${process.env['SHIJI_CACHE']} is not an analysis cache: ${why}; analysing without one\n`);
  }
  const docs: AnalysedDocument[] = [];
  let failed = problems.length;
  const progress = progressBar();
  const outcomes = await analyseMany(files.map((f) => f.path), { opts, cache, ...(workers !== undefined ? { workers } : {}), ...(progress ? { onProgress: progress } : {}) });
  for (const o of outcomes) {
    if ('error' in o) { failed++; process.stderr.write(`shiji: ${o.error.message}\n`); } else docs.push(o.doc);
  }
  cache?.close();
  return { docs, failed };
}

async function runExport(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string' }, out: { type: 'string', short: 'o' }, db: { type: 'string' }, by: { type: 'string' },
    'group-by-name': { type: 'boolean' }, table: { type: 'string' }, criteria: { type: 'string' }, 'no-cache': { type: 'boolean' }, workers: { type: 'string' },
  });
  const format = values['format'] as string | undefined;
  const FORMATS = ['csv', 'xlsx', 'md', 'json', 'html'];
  if (!format || !FORMATS.includes(format)) fail(`export needs --format ${FORMATS.join('|')}`, 2);
  const by = (values['by'] as string | undefined) ?? 'nominee';
  if (!['nominee', 'category', 'criterion'].includes(by)) fail('--by takes nominee, category or criterion', 2);
  const tableName = (values['table'] as string | undefined) ?? 'summary';
  if (!['summary', 'claims', 'coverage'].includes(tableName)) fail('--table takes summary, claims or coverage', 2);
  if (positionals.length === 0) fail('export needs at least one file or folder', 2);
  const out = values['out'] as string | undefined;
  if (format === 'xlsx' && !out && process.stdout.isTTY) fail('xlsx is binary: give --out FILE.xlsx (or redirect stdout)', 2);
  const workers = values['workers'] === undefined ? undefined : Number(values['workers']);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) fail('--workers takes a whole number', 2);
  const opts = analyseOptions(values);
  if (out) {
    // an output must not overwrite what it is made from
    const outs = format === 'csv' ? [out, `${out.replace(/\.csv$/i, '')}.claims.csv`, `${out.replace(/\.csv$/i, '')}.coverage.csv`] : [out];
    const sources = [...collectInputs(positionals).files.map((f) => f.path), ...(values['db'] !== undefined ? [values['db'] as string] : [])];
    const clash = outs.find((o) => sources.some((p) => samePath(p, o)));
    if (clash) fail(`the output ${clash} is one of the inputs (through a link or not); choose another --out`, 2);
  }
  // the review database first: a bad one is refused before any analysis
  let latest;
  if (values['db'] !== undefined) {
    const store = ReviewStore.open(values['db'] as string, { readonly: true });
    try { latest = store.latest(); } finally { store.close(); }
  }
  const { docs, failed } = await loadDocuments(positionals, opts, values['no-cache'] !== true, workers);
  const { allTables, reviewIndex } = await import('./export/tables.js');
  const render = await import('./export/render.js');
  const review = latest ? reviewIndex(latest) : undefined;
  const results = docs.map((d) => d.result);
  const texts = new Map(docs.map((d) => [d.result.sha256, d.text]));
  const tables = allTables(results, texts, { by: by as 'nominee', groupByName: values['group-by-name'] === true, ...(review ? { review } : {}) });
  // written piece by piece; a file appears under its name only when complete
  const emit = async (write: (to: NodeJS.WritableStream) => Promise<void>, file?: string): Promise<void> => {
    if (!file) { await write(process.stdout); return; }
    await writeFileAtomically(file, write);
  };
  const text = (chunks: Iterable<string>) => (to: NodeJS.WritableStream): Promise<void> => writeChunks(to, chunks);
  switch (format) {
    case 'csv':
      if (out) {
        const stem = out.replace(/\.csv$/i, '');
        await emit(text(render.csvChunks(tables[0]!)), out);
        await emit(text(render.csvChunks(tables[1]!)), `${stem}.claims.csv`);
        await emit(text(render.csvChunks(tables[2]!)), `${stem}.coverage.csv`);
        process.stderr.write(`wrote ${out}, ${stem}.claims.csv, ${stem}.coverage.csv\n`);
      } else await emit(text(render.csvChunks(tables.find((t) => t.name === tableName)!)));
      break;
    case 'md': await emit(text(render.markdownChunks(tables)), out); break;
    case 'json': await emit(text(render.jsonTableChunks(tables)), out); break;
    case 'html': await emit(text(render.htmlChunks(tables, results, new Date().toISOString().slice(0, 16).replace('T', ' '))), out); break;
    case 'xlsx': await emit((to) => render.writeXlsx(tables, to as Writable), out); break;
  }
  if (out && format !== 'csv') process.stderr.write(`wrote ${out}\n`);
  return failed > 0 ? 1 : 0;
}

async function runReview(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { db: { type: 'string' }, reviewer: { type: 'string' }, criteria: { type: 'string' }, 'no-cache': { type: 'boolean' } });
  const given = values['reviewer'] as string | undefined;
  if (given !== undefined && (given.trim() === '' || /[\u0000-\u001f\u007f]/.test(given))) fail('--reviewer needs a name (not empty, no control characters)', 2);
  const opts = analyseOptions(values);
  const { docs, failed } = await loadDocuments(positionals.length > 0 ? positionals : ['corpus'], opts, values['no-cache'] !== true);
  if (docs.length === 0) fail('nothing to review: no input could be analysed', 1);
  const reviewer = (values['reviewer'] as string | undefined) ?? (userInfo().username || 'reviewer');
  const store = ReviewStore.open((values['db'] as string | undefined) ?? 'shiji-review.sqlite', { fallbackReadonly: true });
  try {
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      const { reviewSummary } = await import('./ui/summary.js');
      process.stdout.write(reviewSummary(docs, store, reviewer));
      return failed > 0 ? 1 : 0;
    }
    // Both ends are a terminal, so a person is at the keyboard. Ink renders only the final frame
    // when it believes it runs under CI (CI or CONTINUOUS_INTEGRATION set), which would leave the
    // reviewer looking at a blank screen; it reads those variables once, when it is first loaded.
    delete process.env['CI'];
    delete process.env['CONTINUOUS_INTEGRATION'];
    // React picks its production build (no development checks: faster to load and to render)
    // unless told otherwise; it reads this when first loaded, just below.
    process.env['NODE_ENV'] ??= 'production';
    const [{ runReviewUi }, { buildModel }] = await Promise.all([import('./ui/run.js'), import('./ui/state.js')]);
    const ok = await runReviewUi(buildModel(docs), store, reviewer);
    return failed > 0 || !ok ? 1 : 0;
  } finally {
    store.close();
  }
}

function runMerge(argv: string[]): number {
  const { values, positionals } = parse(argv, { out: { type: 'string', short: 'o' } });
  const out = values['out'] as string | undefined;
  if (!out) fail('merge needs -o OUTPUT.sqlite', 2);
  if (positionals.length === 0) fail('merge needs at least one input database', 2);
  if (positionals.some((p) => samePath(p, out))) fail('the output must not be one of the inputs (inputs are never modified)', 2);
  // every input is opened (and checked) before the output is touched
  const inputs: ReviewStore[] = [];
  try {
    for (const p of positionals) inputs.push(ReviewStore.open(p, { readonly: true }));
    const report = (target: ReviewStore, added: number[]): void => {
      inputs.forEach((s, i) => process.stdout.write(`${s.path}: ${added[i]} decision(s) added\n`));
      process.stdout.write(`${out}: ${target.count()} decision(s) from ${target.reviewers().length} reviewer(s)\n`);
    };
    if (existsSync(out)) {
      // one transaction: every input is merged, or the output is left as it was
      const target = ReviewStore.open(out, { create: false });
      try { report(target, target.mergeAll(inputs)); } finally { target.close(); }
    } else {
      // a new output is written beside its final name and renamed into place when complete
      writeAtomically(out, (tmp) => {
        const target = ReviewStore.open(tmp);
        try { report(target, target.mergeAll(inputs)); } finally { target.close(); }
      });
    }
  } finally {
    for (const s of inputs) s.close();
  }
  return 0;
}

/** Whether two paths name the same file (through symbolic or hard links too). */
function samePath(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const x = statSync(a); const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch { return false; }
}

/** The temporary name a file is written under before it is renamed to `path`. */
function partialOf(path: string): string {
  return join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.partial`);
}

/** Removes what a killed run left of an earlier write of `path` (its process is gone). */
function removeStalePartials(path: string): void {
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
async function writeFileAtomically(path: string, write: (to: NodeJS.WritableStream) => Promise<void>): Promise<void> {
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

/**
 * Calls write with a temporary path beside `path`, then renames it to `path`: a reader never
 * sees a partial file, and a failure leaves nothing behind.
 */
function writeAtomically<T>(path: string, write: (tmp: string) => T): T {
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

function runAgreement(argv: string[]): number {
  const { values } = parse(argv, { db: { type: 'string' }, json: { type: 'boolean' } });
  const db = values['db'] as string | undefined;
  if (!db) fail('agreement needs --db PANEL.sqlite', 2);
  const store = ReviewStore.open(db, { readonly: true });
  const report = agreement(store.latest());
  store.close();
  if (values['json']) { process.stdout.write(`${JSON.stringify(report, null, 2)}\n`); return 0; }
  const k = (v: number | null): string => (v === null ? '—' : v.toFixed(2));
  const lines = [`reviewers: ${report.reviewers.join(', ') || '(none)'}  (${report.overall.method === 'cohen' ? "Cohen's" : "Fleiss'"} kappa over claims decided by all)`];
  if (report.reviewers.length < 2) lines.push('agreement needs decisions from at least two reviewers');
  lines.push(`${pad('', 2)}${pad('nominee', 36)}${pad('claims', 8)}${pad('agree', 8)}kappa`);
  for (const g of [...report.nominees, report.overall]) lines.push(`  ${pad(g.label, 36)}${pad(String(g.items), 8)}${pad(k(g.observed), 8)}${k(g.kappa)}`);
  if (report.disagreements.length > 0) {
    lines.push('', 'disagreements:');
    for (const d of report.disagreements) lines.push(`  ${pad(d.label, 36)}${pad(d.claimText.replace(/\s+/g, ''), 16)}${Object.entries(d.statuses).map(([r, s]) => `${r}: ${s}`).join('  ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

type Spec = NonNullable<Parameters<typeof parseArgs>[0]>['options'];
function parse(argv: string[], options: Spec): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args: argv, allowPositionals: true, options: options ?? {} });
    return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
  } catch (e) {
    fail(`${(e as Error).message.split('\n')[0]} (see shiji --help)`, 2);
  }
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case undefined: case '--help': case '-h': case 'help':
      process.stdout.write(`${HELP}\n`);
      return cmd === undefined ? 2 : 0;
    case '--version': case '-v':
      process.stdout.write(`${EXTRACTOR_VERSION}\n`);
      return 0;
    case 'extract':
      return runExtract(rest);
    case 'review':
      return runReview(rest);
    case 'export':
      return runExport(rest);
    case 'merge':
      return runMerge(rest);
    case 'agreement':
      return runAgreement(rest);
    default:
      fail(`unknown command "${cmd}" (see shiji --help)`, 2);
  }
}

// A closed pipe (shiji … | head) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); throw e; });

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e: unknown) => {
  if (e instanceof ShijiError) fail(e.message, 1);
  if (process.env['SHIJI_DEBUG']) throw e;
  fail(`internal error: ${(e as Error).message.split('\n')[0]} (set SHIJI_DEBUG=1 for details)`, 70);
});
