/**
 * Analysis cache: decoded text and result per file content, in SQLite, so a second run or the
 * review UI's first frame does not wait on jieba. The key covers the content hash, the extractor
 * version, a hash of every dictionary file, and the criteria given with --criteria; changing any
 * of them misses the cache. A cache that cannot be opened or written is simply not used.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Claim, DocumentResult, Span } from './analyse.js';
import { EXTRACTOR_VERSION, sha256 } from './analyse.js';
import { DEFAULT_DICTIONARY_DIR } from './dictionaries.js';

export interface CachedAnalysis { readonly result: DocumentResult; readonly text: string }

/**
 * How a cached analysis is stored. Claims are most of a result, and as JSON objects most of
 * their bytes are keys, nulls and heading strings repeated claim after claim. They are stored
 * as positional arrays with the headings listed once per document, which halves the stored
 * size; reading a warm corpus is dominated by decoding and parsing those bytes. The JSON is
 * kept as UTF-16LE bytes: turning those into a string is a copy, where UTF-8 with Chinese in it
 * takes V8's slow decoding path (twice the time, measured on the bench corpus). Part of the
 * cache key, so a change of layout misses instead of misreading.
 */
const STORAGE_FORMAT = 'claims-as-arrays-1/utf-16le';

type SpanRow = readonly [number, number] | null;
/**
 * One claim, field by field in the order of the Claim interface. section is an index into the
 * document's headings, headings and rules index lists that many claims share.
 */
type ClaimRow = readonly [
  id: string, nominee: string | null, start: number, end: number, text: string, value: number, from: number | null,
  approx: Claim['approx'], unit: string, category: Claim['category'], direction: Claim['direction'], period: string | null,
  sentenceStart: number, sentenceEnd: number, section: number, criteria: ReadonlyArray<readonly [string, number, readonly string[]]>,
  unitWritten: string | 0, low: number | null, high: number | null, baseline: string | null, rate: Claim['rate'],
  periodSpan: SpanRow, fromSpan: SpanRow, headings: number, paragraphStart: number, paragraphEnd: number, rules: number,
];
interface Stored {
  readonly result: Omit<DocumentResult, 'claims'> & { readonly claims: 0 };
  readonly text: string;
  readonly headings: readonly string[];
  readonly headingPaths: ReadonlyArray<readonly number[]>;
  readonly ruleLists: ReadonlyArray<readonly string[]>;
  readonly claims: readonly ClaimRow[];
}

const spanRow = (s: Span | null): SpanRow => (s === null ? null : [s.start, s.end]);
const rowSpan = (r: SpanRow): Span | null => (r === null ? null : { start: r[0], end: r[1] });

/** Numbers distinct values in order of first appearance. */
class Interner<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly keyOf: (v: T) => string) {}
  of(v: T): number {
    const k = this.keyOf(v);
    let i = this.index.get(k);
    if (i === undefined) { i = this.values.length; this.values.push(v); this.index.set(k, i); }
    return i;
  }
}

/** The stored form of an analysis (exported for tests). */
export function encodeAnalysis(value: CachedAnalysis): string {
  const headings = new Interner<string>((h) => h);
  const paths = new Interner<readonly number[]>((p) => p.join(','));
  const rules = new Interner<readonly string[]>((r) => r.join('\u0000'));
  const claims = value.result.claims.map((c): ClaimRow => [
    c.id, c.nominee, c.start, c.end, c.text, c.value, c.from, c.approx, c.unit, c.category, c.direction, c.period,
    c.sentence.start, c.sentence.end, c.section === null ? -1 : headings.of(c.section), c.criteria.map((l) => [l.id, l.score, l.terms] as const),
    c.unitWritten === c.unit ? 0 : c.unitWritten, c.low, c.high, c.baseline, c.rate,
    spanRow(c.periodSpan), spanRow(c.fromSpan), paths.of(c.headings.map((h) => headings.of(h))), c.paragraph.start, c.paragraph.end, rules.of(c.rules),
  ]);
  const stored: Stored = { result: { ...value.result, claims: 0 }, text: value.text, headings: headings.values, headingPaths: paths.values, ruleLists: rules.values, claims };
  return JSON.stringify(stored);
}

/**
 * The analysis back from its stored form: equal to what was stored, keys in the same order.
 * Claims with the same heading path or rule list share one (read-only) array.
 */
export function decodeAnalysis(json: string, path?: string): CachedAnalysis {
  const s = JSON.parse(json) as Stored;
  const heads = s.headings;
  const paths = s.headingPaths.map((p) => p.map((i) => heads[i] as string));
  const rules = s.ruleLists;
  const claims = s.claims.map((a): Claim => ({
    id: a[0], nominee: a[1], start: a[2], end: a[3], text: a[4], value: a[5], from: a[6], approx: a[7], unit: a[8],
    category: a[9], direction: a[10], period: a[11], sentence: { start: a[12], end: a[13] },
    section: a[14] < 0 ? null : heads[a[14]] as string, criteria: a[15].map((l) => ({ id: l[0], score: l[1], terms: l[2] })),
    unitWritten: a[16] === 0 ? a[8] : a[16], low: a[17], high: a[18], baseline: a[19], rate: a[20],
    periodSpan: rowSpan(a[21]), fromSpan: rowSpan(a[22]), headings: paths[a[23]] as string[],
    paragraph: { start: a[24], end: a[25] }, rules: rules[a[26]] as string[],
  }));
  return { result: path === undefined ? { ...s.result, claims } : { ...s.result, path, claims }, text: s.text };
}

export function defaultCachePath(): string {
  const env = process.env['SHIJI_CACHE'];
  if (env) return env;
  const base = process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(base, 'shiji', 'analysis.sqlite');
}

function hashDir(dir: string, h: ReturnType<typeof createHash>): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) hashDir(p, h);
    else h.update(name).update(readFileSync(p));
  }
}

let dictionaryHash: string | null = null;
/** Extractor version and dictionary contents: what makes a cached analysis stale. */
export function analysisVersion(dir: string = DEFAULT_DICTIONARY_DIR): string {
  if (dictionaryHash === null) {
    const h = createHash('sha256');
    hashDir(dir, h);
    dictionaryHash = h.digest('hex').slice(0, 16);
  }
  return `${EXTRACTOR_VERSION}:${dictionaryHash}`;
}

export class AnalysisCache {
  private readonly db: Database.Database;
  private readonly getStmt: Database.Statement;
  private readonly putStmt: Database.Statement;
  hits = 0;
  misses = 0;

  private constructor(db: Database.Database) {
    this.db = db;
    this.getStmt = db.prepare('SELECT value FROM analyses WHERE key = ?');
    this.putStmt = db.prepare('INSERT OR REPLACE INTO analyses (key, value, at) VALUES (?, ?, ?)');
  }

  /** Opens the cache, or returns null when it cannot be used (read-only home, corrupt file…). */
  static open(path: string = defaultCachePath()): AnalysisCache | null {
    try {
      mkdirSync(dirname(path), { recursive: true });
      const db = new Database(path);
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL'); // a cache: losing the last writes on power loss costs a re-analysis, nothing more
      db.exec('CREATE TABLE IF NOT EXISTS analyses (key TEXT PRIMARY KEY, value BLOB NOT NULL, at TEXT NOT NULL)');
      return new AnalysisCache(db);
    } catch {
      return null;
    }
  }

  static key(contentSha: string, criteriaSource: string): string {
    return sha256(`${analysisVersion()}\u0000${STORAGE_FORMAT}\u0000${contentSha}\u0000${criteriaSource}`);
  }

  /** The analysis stored under key, with its result's path set to path when one is given. */
  get(key: string, path?: string): CachedAnalysis | null {
    try {
      const row = this.getStmt.get(key) as { value: Buffer | string } | undefined;
      if (!row || typeof row.value === 'string') { this.misses++; return null; }
      const value = decodeAnalysis(row.value.toString('utf16le'), path);
      this.hits++;
      return value;
    } catch {
      this.misses++;
      return null;
    }
  }

  put(key: string, value: CachedAnalysis): void {
    try { this.putStmt.run(key, Buffer.from(encodeAnalysis(value), 'utf16le'), new Date().toISOString()); } catch { /* a cache that cannot be written is not used */ }
  }

  close(): void { try { this.db.close(); } catch { /* already closed */ } }
}
