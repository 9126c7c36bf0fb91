/**
 * The review UI on a store that cannot be written (a read-only file, a full disk): every key is
 * answered on screen, nothing throws, and the reviewer stays where they were.
 */
import React from 'react';
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import type Database from 'better-sqlite3';
import { App } from '../../src/ui/App.js';
import { buildModel } from '../../src/ui/state.js';
import { ReviewStore } from '../../src/index.js';
import { noticeDoc, tmpDb } from '../helpers/review.js';

const model = buildModel([noticeDoc()]);
const tick = (ms = 30): Promise<void> => new Promise((r) => setTimeout(r, ms));
const KEY = { down: '\u001B[B', enter: '\r', esc: '\u001B' };

/** What SQLite does to a store when the file turns read-only, or the disk fills up, while it is open. */
function breakStore(store: ReviewStore, how: 'readonly' | 'full'): void {
  const db = (store as unknown as { db: Database.Database }).db;
  if (how === 'readonly') db.pragma('query_only = ON');
  else {
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    // fill what room is left in the last pages, until SQLite says the disk is full
    for (let i = 0; i < 100000; i++) {
      try { store.record({ docSha: 'x', docPath: 'x', claimId: `fill${i}`, nominee: null, nomineeName: '', claimText: 'x', status: 'verified', note: '', reviewer: 'bob' }); } catch { break; }
    }
    // and the table of places in the review, so that saving the place on Enter fails too
    for (let i = 0; i < 100000; i++) {
      try { store.savePosition(`fill${i}`, 'last', 'x'.repeat(40)); } catch { break; }
    }
  }
}

async function drive(store: ReviewStore): Promise<{ frames: string[]; errors: unknown[] }> {
  const errors: unknown[] = [];
  const onError = (e: unknown): void => { errors.push(e); };
  process.on('uncaughtException', onError);
  const ui = render(<App model={model} store={store} reviewer="alice" size={{ columns: 100, rows: 40 }} />);
  const frames: string[] = [];
  try {
    await tick();
    for (const k of [KEY.enter, 'v', 'V', '备注', KEY.enter, 'u', 'd', KEY.esc, KEY.down, KEY.enter]) {
      ui.stdin.write(k);
      await tick();
      frames.push(ui.lastFrame() ?? '');
    }
  } finally {
    ui.unmount();
    process.off('uncaughtException', onError);
  }
  return { frames, errors };
}

describe('review UI on a store that cannot be written', () => {
  it.each(['readonly', 'full'] as const)('says NOT SAVED, shows no stack trace and keeps the place (%s)', async (how) => {
    const store = ReviewStore.open(tmpDb());
    // some pages to fill: the disk is full only after the store has its tables
    store.record({ docSha: 'x', docPath: 'x', claimId: 'x', nominee: null, nomineeName: '', claimText: 'x', status: 'verified', note: '', reviewer: 'bob' });
    breakStore(store, how);
    const { frames, errors } = await drive(store);
    store.close();
    expect(errors).toEqual([]);
    for (const f of frames) expect(f).not.toMatch(/ERROR|SqliteError|\s+at .+:\d+:\d+|node_modules/);
    // Enter opened the nominee although its position could not be saved
    expect(frames[0]).toContain('2014年以来，全市梳理排查化解信访积案 701 件');
    if (how === 'full') expect(frames[0]).toMatch(/place in the review not saved: .*disk is full/);
    // v: not saved, and the cursor stays on the claim
    expect(frames[1]).toMatch(/NOT SAVED/);
    expect(frames[1]).toContain('value 701 件');
    expect(frames[1]).toContain('0/61 reviewed');
    // V 备注 Enter: the note is not saved and its text is still there to save again
    expect(frames[4]).toMatch(/NOT SAVED/);
    expect(frames[4]).toContain('备注');
    expect(frames.at(-1)).toContain('0/61 reviewed');
  });

  it('a store opened read-only says so at once, and refuses decisions on screen', async () => {
    const path = tmpDb();
    ReviewStore.open(path).close();
    const store = ReviewStore.open(path, { readonly: true });
    const { frames, errors } = await drive(store);
    store.close();
    expect(errors).toEqual([]);
    expect(frames[0]).toMatch(/read-only/);
    expect(frames[1]).toMatch(/NOT SAVED/);
    expect(frames[1]).toContain('value 701 件');
  });
});

describe('a failure while drawing', () => {
  it('is one line on screen, not a stack trace', async () => {
    const { OneLineOnError } = await import('../../src/ui/run.js');
    const Broken = (): React.JSX.Element => { throw new Error('database disk image is malformed\n    at somewhere (x.js:1:1)'); };
    const seen: Error[] = [];
    const quiet = console.error;
    console.error = (): void => {}; // React reports the caught error on the console as well
    try {
      const ui = render(<OneLineOnError onError={(e) => seen.push(e)}><Broken /></OneLineOnError>);
      await tick();
      const frame = ui.lastFrame() ?? '';
      expect(frame.split('\n')).toHaveLength(1);
      expect(frame).toContain('shiji: database disk image is malformed');
      expect(frame).not.toMatch(/\s+at /);
      expect(seen).toHaveLength(1);
      ui.unmount();
    } finally {
      console.error = quiet;
    }
  });
});
