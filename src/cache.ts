/**
 * Analysis cache: decoded text and result per file content, in SQLite, so a second run or the
 * review UI's first frame does not wait on jieba. The key covers the content hash, the extractor
 * version, a hash of every dictionary file, and the criteria given with --criteria; changing any
 * of them misses the cache. A cache that cannot be opened or written is simply not used.
 */
import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { EXTRACTOR_VERSION, sha256 } from './version.js';
import { decodeAnalysis, encodeAnalysis, STORAGE_FORMAT, type CachedAnalysis } from './cache-codec.js';
import { DEFAULT_DICTIONARY_DIR } from './dictionaries.js';

export type { CachedAnalysis } from './cache-codec.js';
export { encodeAnalysis, decodeAnalysis } from './cache-codec.js';

let Sqlite: typeof Database | undefined;
/** better-sqlite3, loaded when a cache is first opened (not by --no-cache). */
const sqlite = (): typeof Database => (Sqlite ??= createRequire(import.meta.url)('better-sqlite3') as typeof Database);

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

const dictionaryHashes = new Map<string, string>();
/** Extractor version and dictionary contents: what makes a cached analysis stale. */
export function analysisVersion(dir: string = DEFAULT_DICTIONARY_DIR): string {
  let hash = dictionaryHashes.get(dir);
  if (hash === undefined) {
    const h = createHash('sha256');
    hashDir(dir, h);
    hash = h.digest('hex').slice(0, 16);
    dictionaryHashes.set(dir, hash);
  }
  return `${EXTRACTOR_VERSION}:${hash}`;
}

/** Whether an SQLite file is something other than an analysis cache: it has tables of its own, or another application's id. */
function foreign(db: Database.Database): boolean {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>).map((t) => t.name);
  const appId = db.pragma('application_id', { simple: true }) as number;
  return appId !== 0 || tables.some((t) => t !== 'analyses');
}

/**
 * Why the file at path cannot serve as the analysis cache, or null when nothing tells (it may not
 * exist yet). Reads the file's header only, so it changes nothing beside the file.
 */
export function cacheRefusal(path: string = defaultCachePath()): string | null {
  let head: Buffer;
  try {
    if (!statSync(path).isFile()) return 'not a file';
    const fd = openSync(path, 'r');
    try { head = Buffer.alloc(100); head = head.subarray(0, readSync(fd, head, 0, 100, 0)); } finally { closeSync(fd); }
  } catch { return null; }
  if (head.length === 0) return null;
  if (head.subarray(0, 16).toString('latin1') !== 'SQLite format 3\u0000') return 'not an SQLite file; left untouched';
  const appId = head.length >= 72 ? head.readUInt32BE(68) : 0;
  return appId !== 0 ? `another application's database (id ${appId.toString(16)}: a review database?); left untouched` : null;
}

export class AnalysisCache {
  private readonly db: Database.Database;
  private readonly getStmt: Database.Statement;
  private readonly putStmt: Database.Statement;
  hits = 0;
  misses = 0;
  /** analyses of another extractor, dictionary or storage version removed when the cache was opened */
  readonly purged: number;

  private constructor(db: Database.Database, purged: number) {
    this.db = db;
    this.purged = purged;
    this.getStmt = db.prepare('SELECT value FROM analyses WHERE key = ?');
    this.putStmt = db.prepare('INSERT OR REPLACE INTO analyses (key, value, at, version) VALUES (?, ?, ?, ?)');
  }

  /** What every row written now is tagged with; rows with another tag can never be read again. */
  static version(): string {
    return `${analysisVersion()}/${STORAGE_FORMAT}`;
  }

  /**
   * Opens the cache, or returns null when it cannot be used (read-only home, corrupt file…). A
   * file that holds anything but the cache's table (a review store, say) is left untouched.
   */
  static open(path: string = defaultCachePath()): AnalysisCache | null {
    try {
      mkdirSync(dirname(path), { recursive: true });
      const db = new (sqlite())(path);
      if (foreign(db)) { db.close(); return null; }
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL'); // a cache: losing the last writes on power loss costs a re-analysis, nothing more
      db.pragma('mmap_size = 268435456'); // a warm run reads every row once: mapped pages spare a copy per page
      db.exec('CREATE TABLE IF NOT EXISTS analyses (key TEXT PRIMARY KEY, value BLOB NOT NULL, at TEXT NOT NULL, version TEXT)');
      // caches written before rows carried their version: add the column (their rows go below)
      if (!(db.pragma('table_info(analyses)') as Array<{ name: string }>).some((c) => c.name === 'version')) db.exec('ALTER TABLE analyses ADD COLUMN version TEXT');
      db.exec('CREATE INDEX IF NOT EXISTS analyses_version ON analyses (version)');
      // A new extractor, dictionary or layout makes every older row unreachable (its key cannot be
      // asked for again), so they are dropped here rather than left to grow the file forever.
      const purged = db.prepare('DELETE FROM analyses WHERE version IS NOT ?').run(AnalysisCache.version()).changes;
      return new AnalysisCache(db, purged);
    } catch {
      return null;
    }
  }

  static key(contentSha: string, options: string): string {
    return sha256(`${AnalysisCache.version()}\u0000${contentSha}\u0000${options}`);
  }

  /** The analysis stored under key, with its result's path set to path when one is given. */
  get(key: string, path?: string): CachedAnalysis | null {
    try {
      const row = this.getStmt.get(key) as { value: Buffer } | undefined;
      if (!row) { this.misses++; return null; }
      const value = decodeAnalysis(row.value, path);
      this.hits++;
      return value;
    } catch {
      this.misses++;
      return null;
    }
  }

  put(key: string, value: CachedAnalysis): void {
    try { this.putStmt.run(key, encodeAnalysis(value), new Date().toISOString(), AnalysisCache.version()); } catch { /* a cache that cannot be written is not used */ }
  }

  close(): void { try { this.db.close(); } catch { /* already closed */ } }
}
