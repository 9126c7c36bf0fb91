import React from 'react';
import { Box, Text } from 'ink';
import { wrapSegments } from './text.js';

const LINES: Array<[string, string]> = [
  ['↑ ↓  j k', 'move; PgUp PgDn by a page; Home End'],
  ['Enter', 'open; on a claim, its evidence; again, the whole paragraph'],
  ['Esc', 'back (to the search or the list a claim was opened from)'],
  ['v  d  n', 'verified, disputed, needs evidence: saved, then next unreviewed'],
  ['V  D  N', 'the same, with a note'],
  ['e', 'write or change the note on the current decision'],
  ['X', 'not a claim (noise): struck out, left out of totals; X again makes it a claim'],
  ['c', 'correct the claim: ←→ value, approx, unit, category; type the new value; Enter saves, Esc cancels'],
  ['a', 'add a figure the extractor missed: type it as it appears in the paragraph; Enter (several places: ←→ pick)'],
  ['R', 'verdict on the nominee or a requirement: ←→ which, ↑↓ met / not met / unclear, a note; Enter'],
  ['u', 'undo your last decision or correction (the history keeps both)'],
  [']  [', 'next, previous nominee (on the claims and the matrix)'],
  ['/', 'nominee list: search all claims and sentences; claims: filter'],
  ['f  s  x', 'filter by category (those present), by status; clear filters'],
  ['t', 'group claims by criterion or by section (remembered)'],
  ['Tab', 'switch between the claim list and the evidence; ↑↓ PgUp PgDn scroll a long evidence'],
  ['w', 'widen or narrow the evidence to the paragraph'],
  ['P', 'every disputed or needs-evidence claim, across nominees'],
  ['M  O', 'criteria matrix; orphaned decisions'],
  ['q', 'quit (every decision is already saved)'],
  ['criteria', 'strip on the nominee list: one mark per criterion, C1 C2 …:'],
  ['', 'n claims rank it first · ○ linked lower only · · none · + over 9'],
];

/** Every key, in `height` rows at `columns`: descriptions wrap under their own column. */
export function Help({ columns, height }: { readonly columns: number; readonly height: number }): React.JSX.Element {
  const rows = LINES.flatMap(([k, v]) => wrapSegments([{ text: v }], Math.max(10, columns - 11)).map((l, i) => [i === 0 ? k : '', l.map((s) => s.text).join('')] as const));
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Text bold>Keys</Text>
      {rows.slice(0, height - 1).map(([k, v], i) => (
        <Text key={i} wrap="truncate-end"><Text color="cyan">{k.padEnd(10)}</Text> {v}</Text>
      ))}
    </Box>
  );
}
