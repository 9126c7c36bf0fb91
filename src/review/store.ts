/**
 * The review store: every decision a panel member makes, kept durably in SQLite.
 *
 * - Append-only history: a decision is a row (who, what, when, note); the current status of a
 *   claim for a reviewer is their latest row. Undo appends a row that restores the earlier state.
 * - Rows are keyed by document hash and stable claim id, so re-running extraction keeps them.
 * - Each decision is its own committed transaction (WAL, synchronous=FULL, busy timeout), so a
 *   decision shown as saved survives a crash or kill, and several processes can share the file.
 * - A file that is not a shiji store is refused and left untouched.
 */
import Database from 'better-sqlite3';
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { ShijiError } from '../errors.js';

export type Status = 'verified' | 'disputed' | 'needs_evidence' | 'unreviewed';
export const STATUSES: readonly Status[] = ['verified', 'disputed', 'needs_evidence', 'unreviewed'];

export interface DecisionInput {
  readonly docSha: string;
  readonly docPath: string;
  readonly claimId: string;
  readonly nominee: string | null;
  readonly nomineeName: string;
  readonly claimText: string;
  readonly status: Status;
  readonly note: string;
}

export interface Decision extends DecisionInput {
  readonly id: number;
  readonly reviewer: string;
  readonly at: string;
  /** the row this one undoes, when it is an undo */
  readonly undoOf: number | null;
}

export const SCHEMA_VERSION = 2;
const APP_ID = 0x5348494a; // "SHIJ"

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS decisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_sha TEXT NOT NULL,
  doc_path TEXT NOT NULL,
  claim_id TEXT NOT NULL,
  nominee TEXT,
  nominee_name TEXT NOT NULL DEFAULT '',
  claim_text TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('verified','disputed','needs_evidence','unreviewed')),
  note TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  undo_of INTEGER REFERENCES decisions(id),
  origin TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS decisions_claim ON decisions (doc_sha, claim_id, reviewer, id);
CREATE INDEX IF NOT EXISTS decisions_reviewer ON decisions (reviewer, id);
CREATE TABLE IF NOT EXISTS positions (reviewer TEXT NOT NULL, scope TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (reviewer, scope));
`;

function looksLikeSqlite(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    return n === 16 && head.toString('latin1') === 'SQLite format 3\u0000';
  } finally { closeSync(fd); }
}

export interface OpenOptions { readonly readonly?: boolean; readonly create?: boolean }

export class ReviewStore {
  readonly path: string;
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;

  private constructor(path: string, db: Database.Database) {
    this.path = path;
    this.db = db;
    this.insert = db.prepare(`INSERT INTO decisions (doc_sha, doc_path, claim_id, nominee, nominee_name, claim_text, reviewer, status, note, at, undo_of, origin)
      VALUES (@docSha, @docPath, @claimId, @nominee, @nomineeName, @claimText, @reviewer, @status, @note, @at, @undoOf, @origin)`);
  }

  /** Opens (and by default creates) a store; refuses files that are not shiji stores. */
  static open(path: string, opts: OpenOptions = {}): ReviewStore {
    const exists = existsSync(path);
    if (!exists && (opts.readonly || opts.create === false)) throw new ShijiError('missing', 'no such review database', path);
    if (exists) {
      if (!statSync(path).isFile()) throw new ShijiError('not-a-file', 'not a review database file', path);
      if (statSync(path).size > 0 && !looksLikeSqlite(path)) throw new ShijiError('unsupported', 'not a shiji review database (not SQLite); left untouched', path);
    }
    let db: Database.Database;
    try {
      db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: exists });
    } catch (e) {
      throw new ShijiError('unsupported', `cannot open review database (${(e as Error).message})`, path);
    }
    try {
      if (exists && statSync(path).size > 0) {
        const appId = db.pragma('application_id', { simple: true }) as number;
        const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as Array<{ name: string }>;
        if (appId !== APP_ID && tables.length > 0) {
          db.close();
          throw new ShijiError('unsupported', 'not a shiji review database (foreign SQLite file); left untouched', path);
        }
        const v = db.pragma('user_version', { simple: true }) as number;
        if (v > SCHEMA_VERSION) {
          db.close();
          throw new ShijiError('unsupported', `written by a newer shiji (schema ${v}, this one knows ${SCHEMA_VERSION}); left untouched`, path);
        }
      }
      if (!opts.readonly) {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = FULL');
        db.pragma('busy_timeout = 5000');
        migrate(db);
      } else {
        db.pragma('busy_timeout = 5000');
      }
    } catch (e) {
      if (e instanceof ShijiError) throw e;
      try { db.close(); } catch { /* already closed */ }
      throw new ShijiError('unsupported', `not a usable review database (${(e as Error).message.split('\n')[0]}); left untouched`, path);
    }
    return new ReviewStore(path, db);
  }

  close(): void { this.db.close(); }

  /** Records one decision in its own committed transaction and returns the stored row. */
  record(input: DecisionInput & { readonly reviewer: string; readonly undoOf?: number | null; readonly at?: string; readonly origin?: string }): Decision {
    const row = { ...input, at: input.at ?? new Date().toISOString(), undoOf: input.undoOf ?? null, origin: input.origin ?? '' };
    const info = this.insert.run(row);
    return { ...input, id: Number(info.lastInsertRowid), at: row.at, undoOf: row.undoOf, reviewer: input.reviewer };
  }

  /**
   * Undoes the reviewer's latest decision that is not itself undone: appends a row restoring the
   * status (and note) the claim had before it. Returns the new row, or null when nothing is left.
   */
  undo(reviewer: string): Decision | null {
    const tx = this.db.transaction((): Decision | null => {
      const rows = this.db.prepare('SELECT * FROM decisions WHERE reviewer = ? ORDER BY id DESC').all(reviewer) as Row[];
      const undone = new Set(rows.filter((r) => r.undo_of !== null).map((r) => r.undo_of));
      const target = rows.find((r) => r.undo_of === null && !undone.has(r.id));
      if (!target) return null;
      const prior = this.db.prepare('SELECT * FROM decisions WHERE doc_sha = ? AND claim_id = ? AND reviewer = ? AND id < ? ORDER BY id DESC LIMIT 1')
        .get(target.doc_sha, target.claim_id, reviewer, target.id) as Row | undefined;
      return this.record({
        docSha: target.doc_sha, docPath: target.doc_path, claimId: target.claim_id, nominee: target.nominee, nomineeName: target.nominee_name, claimText: target.claim_text,
        status: prior ? (prior.status as Status) : 'unreviewed', note: prior?.note ?? '', reviewer, undoOf: target.id,
      });
    });
    return tx.immediate();
  }

  /** The full history, oldest first. */
  history(filter: { reviewer?: string; docSha?: string } = {}): Decision[] {
    const where: string[] = [];
    const args: string[] = [];
    if (filter.reviewer !== undefined) { where.push('reviewer = ?'); args.push(filter.reviewer); }
    if (filter.docSha !== undefined) { where.push('doc_sha = ?'); args.push(filter.docSha); }
    const sql = `SELECT * FROM decisions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
    return (this.db.prepare(sql).all(...args) as Row[]).map(fromRow);
  }

  /** The latest decision per (document, claim, reviewer). */
  latest(filter: { reviewer?: string } = {}): Decision[] {
    const sql = `SELECT d.* FROM decisions d JOIN (SELECT MAX(id) AS id FROM decisions ${filter.reviewer !== undefined ? 'WHERE reviewer = ?' : ''} GROUP BY doc_sha, claim_id, reviewer) m ON d.id = m.id ORDER BY d.id`;
    const rows = (filter.reviewer !== undefined ? this.db.prepare(sql).all(filter.reviewer) : this.db.prepare(sql).all()) as Row[];
    return rows.map(fromRow);
  }

  reviewers(): string[] {
    return (this.db.prepare('SELECT DISTINCT reviewer FROM decisions ORDER BY reviewer').all() as Array<{ reviewer: string }>).map((r) => r.reviewer);
  }

  savePosition(reviewer: string, scope: string, value: string): void {
    this.db.prepare('INSERT INTO positions (reviewer, scope, value) VALUES (?, ?, ?) ON CONFLICT (reviewer, scope) DO UPDATE SET value = excluded.value').run(reviewer, scope, value);
  }

  position(reviewer: string, scope: string): string | null {
    const r = this.db.prepare('SELECT value FROM positions WHERE reviewer = ? AND scope = ?').get(reviewer, scope) as { value: string } | undefined;
    return r?.value ?? null;
  }

  /** Copies every decision of another store that this one lacks (same reviewer, claim, time, status, note). Returns how many. */
  mergeFrom(other: ReviewStore): number {
    const exists = this.db.prepare('SELECT 1 FROM decisions WHERE doc_sha = ? AND claim_id = ? AND reviewer = ? AND at = ? AND status = ? AND note = ? LIMIT 1');
    let added = 0;
    const idMap = new Map<number, number>();
    const tx = this.db.transaction(() => {
      for (const d of other.history()) {
        if (exists.get(d.docSha, d.claimId, d.reviewer, d.at, d.status, d.note)) continue;
        const row = this.record({ ...d, undoOf: d.undoOf === null ? null : (idMap.get(d.undoOf) ?? null), origin: other.path });
        idMap.set(d.id, row.id);
        added++;
      }
    });
    tx.immediate();
    return added;
  }
}

interface Row {
  id: number; doc_sha: string; doc_path: string; claim_id: string; nominee: string | null; nominee_name: string; claim_text: string;
  reviewer: string; status: string; note: string; at: string; undo_of: number | null;
}

function fromRow(r: Row): Decision {
  return {
    id: r.id, docSha: r.doc_sha, docPath: r.doc_path, claimId: r.claim_id, nominee: r.nominee, nomineeName: r.nominee_name, claimText: r.claim_text,
    reviewer: r.reviewer, status: r.status as Status, note: r.note, at: r.at, undoOf: r.undo_of,
  };
}

/** Brings a store up to SCHEMA_VERSION. Version 1 had no `origin` and `nominee_name` columns and no positions table. */
function migrate(db: Database.Database): void {
  const v = db.pragma('user_version', { simple: true }) as number;
  if (v === SCHEMA_VERSION) return;
  db.transaction(() => {
    if (v === 1) {
      const cols = (db.prepare("PRAGMA table_info('decisions')").all() as Array<{ name: string }>).map((c) => c.name);
      if (!cols.includes('origin')) db.exec("ALTER TABLE decisions ADD COLUMN origin TEXT NOT NULL DEFAULT ''");
      if (!cols.includes('nominee_name')) db.exec("ALTER TABLE decisions ADD COLUMN nominee_name TEXT NOT NULL DEFAULT ''");
    }
    db.exec(SCHEMA);
    db.pragma(`application_id = ${APP_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
