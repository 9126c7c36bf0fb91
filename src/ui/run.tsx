import React from 'react';
import { render } from 'ink';
import { App } from './App.js';
import type { ReviewModel } from './state.js';
import type { ReviewStore } from '../review/store.js';

/** Renders the review UI and resolves when the reviewer quits. */
export async function runReviewUi(model: ReviewModel, store: ReviewStore, reviewer: string): Promise<void> {
  const app = render(<App model={model} store={store} reviewer={reviewer} />, { exitOnCtrlC: true });
  await app.waitUntilExit();
}
