/**
 * The review store: every decision a panel member makes, kept durably in SQLite.
 *
 * - Append-only history: a decision is a row (who, what, when, note); the current status of a
 *   claim for a reviewer is their latest row. Undo appends a row that restores the earlier state.
 * - Rows are keyed by document hash and stable claim id, so re-running extraction keeps them.
 * - Each decision is its own committed transaction (WAL, synchronous=FULL, busy timeout), so a
 *   decision shown as saved survives a crash or kill, and several processes can share the file.
 * - Each decision has an identity of its own (`uid`), kept by merge: two decisions are one only
 *   when they are the same row, never because they look alike. A reviewer's latest decision on a
 *   claim is the greatest by (time, sequence in the store it was made in, uid), which cannot tie;
 *   a store stamps a new decision later than every one it already holds.
 * - A row is of one of two kinds: a `status` decision (verified, disputed…), or a `correction`
 *   of the extraction (not a claim, a corrected field, an added claim, a verdict; see
 *   corrections.ts), whose `field` says what it corrects and whose `payload` is JSON. Both kinds
 *   share the row numbers, identities, merge and undo stack: `u` undoes the reviewer's last row,
 *   whatever its kind. `latest()` returns status decisions only; `history()` returns both.
 * - A file that is not a shiji store, is empty, or is damaged is refused and left untouched.
 * - Opened read-only, a store is read into memory from its bytes: reading needs read permission
 *   only and leaves the file and its folder as they were.
 */
import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { accessSync, constants, existsSync, openSync, readSync, closeSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ShijiError } from '../errors.js';

export type Status = 'verified' | 'disputed' | 'needs_evidence' | 'unreviewed';
export const STATUSES: readonly Status[] = ['verified', 'disputed', 'needs_evidence', 'unreviewed'];

/**
 * In what capacity a decision was made: a panel member's own judgement, or the chair's final
 * resolution of a claim the members disagree on (see consensus.ts). One person may be both; their
 * latest decision is kept per role.
 */
export type Role = 'member' | 'chair';
export const ROLES: readonly Role[] = ['member', 'chair'];

/** What a row records: a claim's status, or a correction of the extraction (corrections.ts). */
export type RowKind = 'status' | 'correction';

export interface DecisionInput {
  readonly docSha: string;
  readonly docPath: string;
  readonly claimId: string;
  readonly nominee: string | null;
  readonly nomineeName: string;
  readonly claimText: string;
  readonly status: Status;
  readonly note: string;
  /** 'member' unless given */
  readonly role?: Role;
  /** 'status' unless given; a correction's `status` is 'unreviewed' and means nothing */
  readonly kind?: RowKind;
  /** for a correction, what it corrects (noise, value, approx, unit, category, add, verdict) */
  readonly field?: string;
  /** for a correction, its content as JSON; null is a correction withdrawn (an undo back to none) */
  readonly payload?: string | null;
}

export interface Decision extends DecisionInput {
  readonly role: Role;
  /** this store's row number */
  readonly id: number;
  /** the decision's own identity, the same in every store it is merged into */
  readonly uid: string;
  /** its sequence number in the store where it was made (its row number there) */
  readonly seq: number;
  readonly reviewer: string;
  readonly at: string;
  /** the row this one undoes, when it is an undo */
  readonly undoOf: number | null;
  /** the store a merged decision was copied from ('' when it was made here) */
  readonly origin?: string;
}

export const SCHEMA_VERSION = 5;
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
  origin TEXT NOT NULL DEFAULT '',
  uid TEXT NOT NULL,
  seq INTEGER,
  role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member','chair')),
  kind TEXT NOT NULL DEFAULT 'status' CHECK (kind IN ('status','correction')),
  field TEXT NOT NULL DEFAULT '',
  payload TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS decisions_uid ON decisions (uid);
CREATE INDEX IF NOT EXISTS decisions_at ON decisions (at);
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

/** The first line of an error's message. */
const reason = (e: unknown): string => ((e as Error).message ?? String(e)).split('\n')[0] ?? '';

/** SQLite's own errors (disk full, read-only, damaged pages…) as the library's one-line error. */
function asShijiError(e: unknown, path: string, what: string): ShijiError {
  if (e instanceof ShijiError) return e;
  return new ShijiError('unsupported', `${what} (${reason(e)})`, path);
}

export interface OpenOptions {
  /** read only: the store is read into memory; the file and its folder are left as they were */
  readonly readonly?: boolean;
  /** false: refuse a path that does not exist instead of creating a store there */
  readonly create?: boolean;
  /** when the file cannot be written, open it read-only instead of refusing (see `writable`) */
  readonly fallbackReadonly?: boolean;
}

/** A snapshot of a store's bytes: the file itself when no write-ahead log is beside it, else as a reader sees it. */
function snapshot(path: string): Buffer {
  let bytes: Buffer;
  if (existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0) {
    // a writer is at work, or one was killed: the log holds committed decisions the file lacks
    const live = new Database(path, { readonly: true, fileMustExist: true });
    try { bytes = live.serialize(); } finally { live.close(); }
  } else bytes = readFileSync(path);
  // the header's WAL marks (bytes 18 and 19) would make SQLite look for a log beside an in-memory copy
  if (bytes.length >= 20) { bytes[18] = 1; bytes[19] = 1; }
  return bytes;
}

export class ReviewStore {
  readonly path: string;
  /** false when the store was opened read-only: every write is refused with a ShijiError */
  readonly writable: boolean;
  /** why the store is read-only, when it was opened read-only in place of read-write */
  readonly readonlyReason: string | null;
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly stampOf: Database.Statement;

  private constructor(path: string, db: Database.Database, writable: boolean, readonlyReason: string | null = null) {
    this.path = path;
    this.db = db;
    this.writable = writable;
    this.readonlyReason = readonlyReason;
    // a new decision is stamped later than every decision the store already holds (a millisecond
    // later when the clock has not moved on, or is behind), so within a store time order and row
    // order agree and a new decision is the latest; merged rows keep the time and sequence they
    // were made with
    this.insert = db.prepare(`INSERT INTO decisions (doc_sha, doc_path, claim_id, nominee, nominee_name, claim_text, reviewer, status, note, at, undo_of, origin, uid, seq, role, kind, field, payload)
      VALUES (@docSha, @docPath, @claimId, @nominee, @nomineeName, @claimText, @reviewer, @status, @note,
        CASE WHEN @at IS NOT NULL THEN @at
          ELSE (SELECT CASE WHEN m IS NULL OR @now > m THEN @now ELSE strftime('%Y-%m-%dT%H:%M:%fZ', m, '+0.001 seconds') END FROM (SELECT max(at) AS m FROM decisions)) END,
        @undoOf, @origin, @uid, @seq, @role, @kind, @field, @payload)`);
    this.stampOf = db.prepare('SELECT at FROM decisions WHERE id = ?').pluck();
  }

  /** Opens (and by default creates) a store; refuses files that are not shiji stores, empty files and damaged stores. */
  static open(path: string, opts: OpenOptions = {}): ReviewStore {
    const exists = existsSync(path);
    if (!exists && (opts.readonly || opts.create === false)) throw new ShijiError('missing', 'no such review database', path);
    if (exists) {
      const st = statSync(path);
      if (!st.isFile()) throw new ShijiError('not-a-file', 'not a review database file', path);
      if (st.size === 0) throw new ShijiError('empty', 'empty file, not a shiji review database; left untouched', path);
      if (!looksLikeSqlite(path)) throw new ShijiError('unsupported', 'not a shiji review database (not SQLite); left untouched', path);
    }
    if (opts.readonly) return ReviewStore.openSnapshot(path, null);
    if (exists && opts.fallbackReadonly) {
      let cannot: string | null = null;
      try { accessSync(path, constants.W_OK); } catch (e) { cannot = (e as NodeJS.ErrnoException).code === 'EACCES' ? 'the file is read-only' : reason(e); }
      // the write-ahead log lives beside the file: a folder that cannot be written makes the store read-only
      if (!cannot) try { accessSync(dirname(resolve(path)), constants.W_OK); } catch { cannot = 'its folder is read-only'; }
      if (cannot) return ReviewStore.openSnapshot(path, cannot);
    }
    let db: Database.Database;
    try {
      db = new Database(path, { fileMustExist: exists });
    } catch (e) {
      throw new ShijiError('unsupported', `cannot open review database (${reason(e)})`, path);
    }
    try {
      db.pragma('busy_timeout = 5000'); // first: another process may be writing
      if (exists) ReviewStore.check(db, path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      migrate(db);
    } catch (e) {
      try { db.close(); } catch { /* already closed */ }
      if (e instanceof ShijiError) throw e;
      const msg = reason(e);
      if (opts.fallbackReadonly && /readonly|read-only/i.test(msg)) return ReviewStore.openSnapshot(path, msg);
      throw new ShijiError('unsupported', `${/readonly|read-only|disk is full|disk I\/O/i.test(msg) ? 'cannot write review database' : 'not a usable review database'} (${msg}); left untouched`, path);
    }
    return new ReviewStore(path, db, true);
  }

  /** A read-only store: its bytes in memory, brought to the current schema there. */
  private static openSnapshot(path: string, why: string | null): ReviewStore {
    let db: Database.Database;
    try {
      db = new Database(snapshot(path));
    } catch (e) {
      throw asShijiError(e, path, 'cannot read review database');
    }
    try {
      ReviewStore.check(db, path);
      migrate(db);
    } catch (e) {
      try { db.close(); } catch { /* already closed */ }
      throw e instanceof ShijiError ? e : new ShijiError('unsupported', `not a usable review database (${reason(e)}); left untouched`, path);
    }
    return new ReviewStore(path, db, false, why);
  }

  /** Refuses foreign SQLite files, newer schemas and damaged stores. */
  private static check(db: Database.Database, path: string): void {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as Array<{ name: string }>;
    if (appId !== APP_ID && tables.length > 0) throw new ShijiError('unsupported', 'not a shiji review database (foreign SQLite file); left untouched', path);
    const v = db.pragma('user_version', { simple: true }) as number;
    if (v > SCHEMA_VERSION) throw new ShijiError('unsupported', `written by a newer shiji (schema ${v}, this one knows ${SCHEMA_VERSION}); left untouched`, path);
    const problems = db.pragma('quick_check(3)') as Array<{ quick_check: string }>;
    if (problems.length !== 1 || problems[0]?.quick_check !== 'ok') {
      const first = (problems.map((p) => p.quick_check).join('\n').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('***'))[0]) ?? 'integrity check failed';
      throw new ShijiError('unsupported', `damaged review database (${first}); left untouched`, path);
    }
    if (appId === APP_ID && !tables.some((t) => t.name === 'decisions') && v > 0) throw new ShijiError('unsupported', 'damaged review database (no decisions table); left untouched', path);
  }

  close(): void { try { this.db.close(); } catch { /* already closed */ } }

  private assertWritable(): void {
    if (!this.writable) throw new ShijiError('unsupported', `read-only${this.readonlyReason ? ` (${this.readonlyReason})` : ''}`, this.path);
  }

  /** Runs a read, turning SQLite's errors (a store damaged while open…) into a one-line ShijiError. */
  private read<T>(fn: () => T): T {
    try { return fn(); } catch (e) { throw asShijiError(e, this.path, 'cannot read review database'); }
  }

  /** Runs a write, turning SQLite's errors (disk full, read-only…) into a one-line ShijiError. */
  private write<T>(fn: () => T): T {
    this.assertWritable();
    try { return fn(); } catch (e) { throw asShijiError(e, this.path, 'cannot write review database'); }
  }

  /**
   * Records one decision in its own committed transaction and returns the stored row. It returns
   * only once COMMIT has succeeded: an error writing the log (a full disk) is thrown, never lost.
   */
  record(input: DecisionInput & { readonly reviewer: string; readonly undoOf?: number | null; readonly at?: string; readonly origin?: string; readonly uid?: string; readonly seq?: number }): Decision {
    return this.write(() => this.db.transaction(() => this.insertRow(input)).immediate());
  }

  private insertRow(input: DecisionInput & { readonly reviewer: string; readonly undoOf?: number | null; readonly at?: string; readonly origin?: string; readonly uid?: string; readonly seq?: number }): Decision {
    const row = {
      docSha: input.docSha, docPath: input.docPath, claimId: input.claimId, nominee: input.nominee, nomineeName: input.nomineeName, claimText: input.claimText,
      reviewer: input.reviewer, status: input.status, note: input.note,
      at: input.at ?? null, now: new Date().toISOString(), undoOf: input.undoOf ?? null, origin: input.origin ?? '', uid: input.uid ?? randomUUID(), seq: input.seq ?? null,
      role: input.role ?? 'member', kind: input.kind ?? 'status', field: input.field ?? '', payload: input.payload ?? null,
    };
    const id = Number(this.insert.run(row).lastInsertRowid);
    const r = { id, at: this.stampOf.get(id) as string };
    return {
      docSha: row.docSha, docPath: row.docPath, claimId: row.claimId, nominee: row.nominee, nomineeName: row.nomineeName, claimText: row.claimText,
      status: row.status, note: row.note, reviewer: row.reviewer, id: r.id, uid: row.uid, seq: row.seq ?? r.id, at: r.at, undoOf: row.undoOf, role: row.role,
      kind: row.kind, field: row.field, payload: row.payload,
    };
  }

  /**
   * Undoes the reviewer's latest row that is not itself undone, whatever its kind: appends a row
   * restoring what the claim had before it — the earlier status (and note) for a decision, the
   * earlier correction of the same field (or none, a null payload) for a correction. Returns the
   * new row, or null when nothing is left.
   */
  undo(reviewer: string, role: Role = 'member'): Decision | null {
    return this.write(() => {
      const tx = this.db.transaction((): Decision | null => {
        const rows = this.db.prepare('SELECT * FROM decisions WHERE reviewer = ? AND role = ? ORDER BY id DESC').all(reviewer, role) as Row[];
        const undone = new Set(rows.filter((r) => r.undo_of !== null).map((r) => r.undo_of));
        const target = rows.find((r) => r.undo_of === null && !undone.has(r.id));
        if (!target) return null;
        const kind = (target.kind ?? 'status') as RowKind;
        const prior = this.db.prepare('SELECT * FROM decisions WHERE doc_sha = ? AND claim_id = ? AND reviewer = ? AND role = ? AND kind = ? AND field = ? AND id < ? ORDER BY id DESC LIMIT 1')
          .get(target.doc_sha, target.claim_id, reviewer, role, kind, target.field ?? '', target.id) as Row | undefined;
        return this.insertRow({
          docSha: target.doc_sha, docPath: target.doc_path, claimId: target.claim_id, nominee: target.nominee, nomineeName: target.nominee_name, claimText: target.claim_text,
          status: kind === 'status' && prior ? (prior.status as Status) : 'unreviewed', note: prior?.note ?? '', reviewer, undoOf: target.id, role,
          kind, field: target.field ?? '', payload: kind === 'correction' ? (prior?.payload ?? null) : null,
        });
      });
      return tx.immediate();
    });
  }

  /** The full history in this store's row order, oldest first. */
  history(filter: { reviewer?: string; docSha?: string; kind?: RowKind } = {}): Decision[] {
    const where: string[] = [];
    const args: string[] = [];
    if (filter.kind !== undefined) { where.push('kind = ?'); args.push(filter.kind); }
    if (filter.reviewer !== undefined) { where.push('reviewer = ?'); args.push(filter.reviewer); }
    if (filter.docSha !== undefined) { where.push('doc_sha = ?'); args.push(filter.docSha); }
    const sql = `SELECT * FROM decisions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
    return this.read(() => (this.db.prepare(sql).all(...args) as Row[]).map(fromRow));
  }

  /**
   * The latest decision per (document, claim, reviewer, role): the greatest by time, then sequence
   * in the store it was made in, then uid, so two decisions can never tie. Without a role filter
   * both members' decisions and the chair's resolutions come back. Status decisions only:
   * corrections are read with `history({ kind: 'correction' })` (see corrections.ts).
   */
  latest(filter: { reviewer?: string; role?: Role } = {}): Decision[] {
    const where: string[] = ["kind = 'status'"];
    const args: string[] = [];
    if (filter.reviewer !== undefined) { where.push('reviewer = ?'); args.push(filter.reviewer); }
    if (filter.role !== undefined) { where.push('role = ?'); args.push(filter.role); }
    const sql = `SELECT * FROM (SELECT d.*, ROW_NUMBER() OVER (PARTITION BY doc_sha, claim_id, reviewer, role ORDER BY at DESC, coalesce(seq, id) DESC, uid DESC) AS rank
      FROM decisions d ${where.length ? `WHERE ${where.join(' AND ')}` : ''}) WHERE rank = 1 ORDER BY id`;
    return this.read(() => (this.db.prepare(sql).all(...args) as Row[]).map(fromRow));
  }

  reviewers(): string[] {
    return this.read(() => (this.db.prepare('SELECT DISTINCT reviewer FROM decisions ORDER BY reviewer').all() as Array<{ reviewer: string }>).map((r) => r.reviewer));
  }

  /** How many decisions the store holds. */
  count(): number {
    return this.read(() => (this.db.prepare('SELECT count(*) AS n FROM decisions').get() as { n: number }).n);
  }

  savePosition(reviewer: string, scope: string, value: string): void {
    this.write(() => { this.db.prepare('INSERT INTO positions (reviewer, scope, value) VALUES (?, ?, ?) ON CONFLICT (reviewer, scope) DO UPDATE SET value = excluded.value').run(reviewer, scope, value); });
  }

  position(reviewer: string, scope: string): string | null {
    const r = this.read(() => this.db.prepare('SELECT value FROM positions WHERE reviewer = ? AND scope = ?').get(reviewer, scope) as { value: string } | undefined);
    return r?.value ?? null;
  }

  /**
   * A panel setting kept in the store (the `meta` table), such as the consensus rule; null when
   * it was never set.
   */
  setting(key: string): string | null {
    const r = this.read(() => this.db.prepare('SELECT value FROM meta WHERE key = ?').get(`setting:${key}`) as { value: string } | undefined);
    return r?.value ?? null;
  }

  /** Sets a panel setting in its own committed transaction. */
  setSetting(key: string, value: string): void {
    this.write(() => { this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(`setting:${key}`, value); });
  }

  /** Copies every decision of another store that this one lacks (by uid). Returns how many. */
  mergeFrom(other: ReviewStore): number {
    return this.mergeAll([other])[0] as number;
  }

  /**
   * Copies every decision of the other stores that this one lacks, all in one transaction: either
   * every input is merged or nothing changes. A decision is lacking when no row has its uid, so
   * rows that merely look alike (a burst of the same key within a millisecond) all stay.
   * Returns how many were added from each input.
   */
  mergeAll(others: readonly ReviewStore[]): number[] {
    const histories = others.map((o) => o.history()); // every input is read before anything is written
    return this.write(() => {
      const has = this.db.prepare('SELECT id FROM decisions WHERE uid = ?');
      const tx = this.db.transaction(() => histories.map((rows, i) => {
        const other = others[i] as ReviewStore;
        const uidOf = new Map(rows.map((d) => [d.id, d.uid]));
        let added = 0;
        for (const d of rows) {
          if (has.get(d.uid)) continue;
          const undone = d.undoOf === null ? undefined : uidOf.get(d.undoOf);
          const local = undone === undefined ? undefined : (has.get(undone) as { id: number } | undefined)?.id;
          this.insertRow({ ...d, undoOf: local ?? null, origin: d.origin || other.path, uid: d.uid, seq: d.seq, at: d.at });
          added++;
        }
        return added;
      }));
      return tx.immediate();
    });
  }
}

interface Row {
  id: number; doc_sha: string; doc_path: string; claim_id: string; nominee: string | null; nominee_name: string; claim_text: string;
  reviewer: string; status: string; note: string; at: string; undo_of: number | null; origin: string; uid: string; seq: number | null; role: string;
  kind: string | null; field: string | null; payload: string | null;
}

function fromRow(r: Row): Decision {
  return {
    id: r.id, uid: r.uid, seq: r.seq ?? r.id, docSha: r.doc_sha, docPath: r.doc_path, claimId: r.claim_id, nominee: r.nominee, nomineeName: r.nominee_name, claimText: r.claim_text,
    reviewer: r.reviewer, status: r.status as Status, note: r.note, at: r.at, undoOf: r.undo_of, origin: r.origin, role: (r.role ?? 'member') as Role,
    kind: (r.kind ?? 'status') as RowKind, field: r.field ?? '', payload: r.payload ?? null,
  };
}

/**
 * The identity given to a decision written before decisions had one: a hash of what it says and
 * how many identical rows came before it in its store. The same old store migrated twice gives
 * the same identities, and a burst of identical rows gives each its own.
 */
export function legacyUid(r: { doc_sha: string; claim_id: string; reviewer: string; at: string; status: string; note: string }, occurrence: number): string {
  return `legacy-${createHash('sha256').update(JSON.stringify([r.doc_sha, r.claim_id, r.reviewer, r.at, r.status, r.note, occurrence])).digest('hex').slice(0, 32)}`;
}

/**
 * Brings a store up to SCHEMA_VERSION, keeping every row. Version 1 had no `origin` and
 * `nominee_name` columns and no positions table; version 2 had no `uid` and `seq`; version 3 had
 * no `role` (every earlier decision is a member's); version 4 had no `kind`, `field` and `payload`
 * (every earlier row is a status decision).
 */
function migrate(db: Database.Database): void {
  const v = db.pragma('user_version', { simple: true }) as number;
  if (v === SCHEMA_VERSION) return;
  db.transaction(() => {
    if (v >= 1 && v <= 4) {
      const cols = (db.prepare("PRAGMA table_info('decisions')").all() as Array<{ name: string }>).map((c) => c.name);
      if (!cols.includes('origin')) db.exec("ALTER TABLE decisions ADD COLUMN origin TEXT NOT NULL DEFAULT ''");
      if (!cols.includes('nominee_name')) db.exec("ALTER TABLE decisions ADD COLUMN nominee_name TEXT NOT NULL DEFAULT ''");
      if (!cols.includes('uid')) db.exec('ALTER TABLE decisions ADD COLUMN uid TEXT');
      if (!cols.includes('seq')) db.exec('ALTER TABLE decisions ADD COLUMN seq INTEGER');
      if (!cols.includes('role')) db.exec("ALTER TABLE decisions ADD COLUMN role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member','chair'))");
      if (!cols.includes('kind')) db.exec("ALTER TABLE decisions ADD COLUMN kind TEXT NOT NULL DEFAULT 'status' CHECK (kind IN ('status','correction'))");
      if (!cols.includes('field')) db.exec("ALTER TABLE decisions ADD COLUMN field TEXT NOT NULL DEFAULT ''");
      if (!cols.includes('payload')) db.exec('ALTER TABLE decisions ADD COLUMN payload TEXT');
      const seen = new Map<string, number>();
      const set = db.prepare('UPDATE decisions SET uid = ? WHERE id = ?');
      for (const r of db.prepare('SELECT id, doc_sha, claim_id, reviewer, at, status, note FROM decisions WHERE uid IS NULL ORDER BY id').all() as Array<Row>) {
        const k = JSON.stringify([r.doc_sha, r.claim_id, r.reviewer, r.at, r.status, r.note]);
        const n = seen.get(k) ?? 0;
        seen.set(k, n + 1);
        set.run(legacyUid(r, n), r.id);
      }
    }
    db.exec(SCHEMA);
    db.pragma(`application_id = ${APP_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
