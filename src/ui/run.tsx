import React from 'react';
import { render, Text } from 'ink';
import { App } from './App.js';
import type { ReviewModel } from './state.js';
import type { ReviewStore } from '../review/store.js';

/**
 * A failure while drawing becomes one line on screen and ends the session, instead of Ink's
 * stack trace. Decisions are written as they are made, so none is lost with the screen.
 */
export class OneLineOnError extends React.Component<{ readonly children: React.ReactNode; readonly onError: (e: Error) => void }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error): { error: Error } { return { error }; }
  override componentDidCatch(error: Error): void { this.props.onError(error); }
  override render(): React.ReactNode {
    const e = this.state.error;
    return e ? <Text color="red">{`shiji: ${(e.message ?? String(e)).split('\n')[0]} (every decision shown as saved is in the database)`}</Text> : this.props.children;
  }
}

/** Renders the review UI; resolves when the reviewer quits, to false when the UI failed (and said why). */
export async function runReviewUi(model: ReviewModel, store: ReviewStore, reviewer: string): Promise<boolean> {
  let failure: Error | null = null;
  // The UI fills the terminal: draw it on the alternate screen, as full-screen programs do, so
  // that the reviewer's shell and its scrollback come back as they were on quitting.
  const screen = process.stdout.isTTY === true;
  if (screen) process.stdout.write('\u001B[?1049h\u001B[H');
  const app = render(
    <OneLineOnError onError={(e) => { failure = e; setTimeout(() => app.unmount(), 0); }}>
      <App model={model} store={store} reviewer={reviewer} />
    </OneLineOnError>,
    { exitOnCtrlC: true },
  );
  try {
    await app.waitUntilExit();
  } finally {
    if (screen) process.stdout.write('\u001B[?1049l');
  }
  // the one line that said why the UI stopped, again where it stays in sight
  if (failure !== null && screen) process.stderr.write(`shiji: ${((failure as Error).message ?? String(failure)).split('\n')[0]} (every decision shown as saved is in the database)\n`);
  return failure === null;
}
