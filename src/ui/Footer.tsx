import React from 'react';
import { Box, Text } from 'ink';
import type { State } from './state.js';
import { fit, width } from './text.js';

/** The keys of each screen, most useful first where the line is short; `?` lists them all. */
const KEYS: Record<string, readonly string[]> = {
  nominees: ['↑↓/jk move', 'Enter open', '/ search all claims', 'R verdict', 'P disputed', 'M matrix', 'O orphans', 'q quit'],
  claims: ['↑↓/jk move', 'v d n decide', 'V D N +note', 'u undo', 'X not a claim', 'c correct', 'a add', 'R verdict', '] [ next/prev nominee', '/ search', 'f category', 's status', 't group', 'Esc back', 'e note', 'x clear', 'Tab pane', 'Enter widen'],
  matrix: ['↑↓/jk nominee', 'Enter open', '] [ nominee', 'Esc back', 'q quit'],
  orphans: ['Esc back', 'q quit'],
  search: ['type to search every claim and its sentence', '↑↓ choose', 'Enter open the claim', 'Esc back'],
  problems: ['↑↓/jk move', 'Enter open the claim', 'Esc back', 'q quit'],
};

/** In chair mode a decision is the chair's resolution, and undo takes back the chair's last one. */
const CHAIR_CLAIMS: readonly string[] = ['↑↓/jk move', 'v d n resolve', 'V D N +note', 'u undo resolution', '] [ next/prev nominee', 'e note', 'Tab pane', 's status', '/ search', 'Esc back'];

/** The key lines of the footer at `columns`, at most `max` lines; the last key (`? help`) is always there. */
export function keyLines(state: State, columns: number, max: number, chair = false): string[] {
  const keys = chair && state.screen === 'claims' ? CHAIR_CLAIMS : KEYS[state.screen] ?? [];
  // typing a search takes every printable key, ? included
  let items: readonly string[] = state.screen === 'search' ? keys : [...keys, '? help'];
  if (state.note) items = ['type the note', 'Enter save', 'Esc cancel'];
  else if (state.searching && state.screen !== 'search') items = ['type to search', 'Enter keep', 'Esc clear'];
  else if (state.form) {
    const f = state.form;
    items = f.kind === 'edit' ? ['←→ field', 'type the new value', 'Enter save', 'Esc cancel']
      : f.kind === 'add' ? (f.choices ? ['←→ choose the place', 'Enter add', 'type to change the text', 'Esc cancel'] : ['type the figure as it appears in the paragraph', 'Enter add', 'Esc cancel'])
        : ['←→ nominee or requirement', '↑↓ met / not met / unclear', 'type a note', 'Enter save', 'Esc cancel'];
  } else if (state.help) items = ['? or Esc close help'];
  const help = items[items.length - 1] as string;
  const lines: string[][] = [[]];
  const len = (l: readonly string[]): number => width(l.join(' · '));
  for (const item of items.slice(0, -1)) {
    const room = (i: number): number => columns - (i === max - 1 ? width(help) + 3 : 0);
    const last = lines[lines.length - 1] as string[];
    if (len([...last, item]) <= room(lines.length - 1)) last.push(item);
    else if (lines.length < max && width(item) <= room(lines.length)) lines.push([item]);
  }
  (lines[lines.length - 1] as string[]).push(help);
  return lines.map((l) => fit(l.join(' · '), columns));
}

/** Rows the footer takes: the line for messages and text entry, then the keys. */
export function footerRows(state: State, columns: number, rows: number, chair = false): number {
  return 1 + keyLines(state, columns, rows < 20 ? 1 : 2, chair).length;
}

export function Footer({ state, columns, rows, chair = false }: { readonly state: State; readonly columns: number; readonly rows: number; readonly chair?: boolean }): React.JSX.Element {
  const prompt = state.note
    ? `note (${state.note.status.replace('_', ' ')}): ${state.note.text}`
    : state.searching ? `/${state.query}` : null;
  return (
    <Box flexDirection="column">
      {prompt !== null
        ? <Text wrap="truncate-start">{prompt}<Text inverse> </Text></Text>
        : <Text color="cyan" wrap="truncate-end">{state.message ?? ' '}</Text>}
      {keyLines(state, columns, rows < 20 ? 1 : 2, chair).map((l, i) => (
        // while text is typed, a message (a note that could not be saved) takes the first key line
        i === 0 && prompt !== null && state.message ? <Text key={i} color="cyan" wrap="truncate-end">{state.message}</Text> : <Text key={i} dimColor>{l}</Text>))}
    </Box>
  );
}
