/**
 * Rows kept on disk rather than in memory: a table's rows are appended to a temporary file as
 * JSON lines while documents are analysed, and read back one at a time when the table is
 * written. Exports whose tables follow one another in one output (Markdown, JSON, XLSX) hold
 * the later tables here until the earlier ones are written, so memory does not grow with the
 * corpus.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Row } from './tables.js';

const FLUSH_AT = 1 << 20;

export class Spill {
  private readonly fd: number;
  private buffer: string[] = [];
  private buffered = 0;
  private n = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'w+');
  }

  /** rows appended so far */
  get count(): number { return this.n; }

  push(rows: readonly Row[]): void {
    for (const r of rows) {
      const line = `${JSON.stringify(r)}\n`;
      this.buffer.push(line);
      this.buffered += line.length;
      this.n++;
    }
    if (this.buffered >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.buffered = 0;
  }

  /** The rows in the order they were pushed, read back a block at a time. */
  *rows(): Generator<Row> {
    this.flush();
    const block = Buffer.allocUnsafe(FLUSH_AT);
    let position = 0;
    let rest = Buffer.alloc(0);
    for (;;) {
      const got = readSync(this.fd, block, 0, block.length, position);
      if (got === 0) break;
      position += got;
      const data = rest.length > 0 ? Buffer.concat([rest, block.subarray(0, got)]) : block.subarray(0, got);
      let from = 0;
      for (let nl = data.indexOf(10, from); nl >= 0; nl = data.indexOf(10, from)) {
        yield JSON.parse(data.toString('utf8', from, nl)) as Row;
        from = nl + 1;
      }
      rest = Buffer.from(data.subarray(from));
    }
  }

  close(): void {
    try { closeSync(this.fd); } catch { /* already closed */ }
  }
}

/** A temporary folder for spills, removed with everything in it by dispose(). */
export class SpillDir {
  readonly dir: string;
  private readonly spills: Spill[] = [];
  constructor(parent: string = tmpdir()) {
    this.dir = mkdtempSync(join(parent, 'shiji-export-'));
  }
  spill(name: string): Spill {
    const s = new Spill(join(this.dir, `${name}.jsonl`));
    this.spills.push(s);
    return s;
  }
  dispose(): void {
    for (const s of this.spills) s.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
