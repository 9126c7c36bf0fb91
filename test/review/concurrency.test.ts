/** Several shiji processes on one review database: nothing lost, nothing doubled, inputs untouched. */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { ReviewStore } from '../../src/index.js';
import { tmpDb, NOTICE } from '../helpers/review.js';

const WRITERS = Number(process.env['SHIJI_CONCURRENCY_WRITERS'] ?? 4);
const EACH = Number(process.env['SHIJI_CONCURRENCY_EACH'] ?? 40);

describe('concurrent reviewers on one database', () => {
  it('keeps every decision exactly once', async () => {
    const db = tmpDb();
    ReviewStore.open(db).close();
    const script = (w: number): string => `
      import { ReviewStore } from './src/review/store.ts';
      const s = ReviewStore.open(${JSON.stringify(db)});
      for (let i = 0; i < ${EACH}; i++) s.record({ docSha: 'd', docPath: 'd', claimId: 'c' + i, nominee: null, nomineeName: '', claimText: String(i), status: i % 2 ? 'verified' : 'disputed', note: 'w${w}', reviewer: 'r${w}' });
      s.close();`;
    const codes = await Promise.all(Array.from({ length: WRITERS }, (_, w) => new Promise<number | null>((resolve) => {
      spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(w)], { stdio: 'ignore' }).on('exit', resolve);
    })));
    expect(codes).toEqual(Array(WRITERS).fill(0));
    const s = ReviewStore.open(db, { readonly: true });
    const all = s.history();
    s.close();
    expect(all).toHaveLength(WRITERS * EACH);
    const keys = new Set(all.map((d) => `${d.reviewer}:${d.claimId}`));
    expect(keys.size).toBe(WRITERS * EACH);
    expect(new Set(all.map((d) => d.id)).size).toBe(all.length);
  }, 60000);

  it('export --db leaves the review database untouched', () => {
    const db = tmpDb();
    const s = ReviewStore.open(db);
    s.record({ docSha: 'x', docPath: 'x', claimId: 'c', nominee: null, nomineeName: '', claimText: '1', status: 'verified', note: '', reviewer: 'a' });
    s.close();
    const before = readFileSync(db);
    const mtime = statSync(db).mtimeMs;
    const r = spawnSync(process.execPath, ['dist/cli.js', 'export', NOTICE, '--format', 'json', '--db', db, '--no-cache'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(statSync(db).mtimeMs).toBe(mtime);
  });
});
