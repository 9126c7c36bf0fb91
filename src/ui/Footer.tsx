import React from 'react';
import { Box, Text } from 'ink';
import type { State } from './state.js';

const KEYS: Record<string, string> = {
  nominees: '↑↓/jk move · Enter open · R verdict · / search · M matrix · O orphans · ? help · q quit',
  claims: '↑↓/jk move · v d n decide (V D N +note) · e note · u undo · X not a claim · c correct · a add · R verdict · Tab pane · Enter widen · t group · f category · s status · x clear · / search · Esc back · ? help',
  matrix: 'Esc back · ? help · q quit',
  orphans: 'Esc back · ? help · q quit',
};

/** In chair mode a decision is the chair's resolution, and undo takes back the chair's last one. */
const CHAIR_CLAIMS = '↑↓/jk move · v d n resolve (V D N +note) · e note · u undo resolution · Tab pane · s status · / search · Esc back · ? help';

export function Footer({ state, chair = false }: { readonly state: State; readonly chair?: boolean }): React.JSX.Element {
  let keys = chair && state.screen === 'claims' ? CHAIR_CLAIMS : KEYS[state.screen] ?? '';
  if (state.searching) keys = 'type to search · Enter keep · Esc clear';
  if (state.note) keys = 'type the note · Enter save · Esc cancel';
  if (state.form) {
    keys = state.form.kind === 'edit' ? '←→ field · type the new value · Enter save · Esc cancel'
      : state.form.kind === 'add' ? (state.form.choices ? '←→ choose the place · Enter add · type to change the text · Esc cancel' : 'type the figure as it appears in the paragraph · Enter add · Esc cancel')
        : '←→ nominee or requirement · ↑↓ met / not met / unclear · type a note · Enter save · Esc cancel';
  }
  if (state.help) keys = '? or Esc close help';
  return (
    <Box flexDirection="column">
      {state.message ? <Text color="cyan">{state.message}</Text> : null}
      <Text dimColor>{keys}</Text>
    </Box>
  );
}
