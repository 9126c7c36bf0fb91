/** Keys as a terminal delivers them around start-up. */
import React from 'react';
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { App } from '../../src/ui/App.js';
import { buildModel } from '../../src/ui/state.js';
import { ReviewStore } from '../../src/index.js';
import { noticeDoc, tmpDb } from '../helpers/review.js';

const tick = (ms = 60): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('review UI input', () => {
  it('takes a line feed as Enter: an Enter typed before the terminal was raw (a cooked terminal turns it into one)', async () => {
    const store = ReviewStore.open(tmpDb());
    const ui = render(<App model={buildModel([noticeDoc()])} store={store} reviewer="alice" size={{ columns: 100, rows: 40 }} />);
    await tick();
    ui.stdin.write('\n');
    await tick();
    expect(ui.lastFrame()).toContain('2014年以来，全市梳理排查化解信访积案 701 件');
    ui.unmount();
    store.close();
  });
});
