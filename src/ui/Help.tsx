import React from 'react';
import { Box, Text } from 'ink';

const LINES: Array<[string, string]> = [
  ['↑ ↓  j k', 'move; PgUp PgDn by a page; Home End'],
  ['Enter', 'open a nominee; on a claim, focus the evidence; again, widen to the paragraph'],
  ['Esc', 'back'],
  ['v  d  n', 'verified, disputed, needs evidence — saved at once, then on to the next unreviewed claim'],
  ['V  D  N', 'the same, with a note'],
  ['e', 'write or change the note on the current decision'],
  ['X', 'not a claim (noise): struck out, left out of totals; X again makes it a claim'],
  ['c', 'correct the claim: ←→ value, approx, unit, category; type the new value; Enter saves, Esc cancels'],
  ['a', 'add a figure the extractor missed: type it as it appears in the paragraph; Enter (several places: ←→ pick)'],
  ['R', 'verdict on the nominee or a requirement: ←→ which, ↑↓ met / not met / unclear, a note; Enter'],
  ['u', 'undo your last decision or correction (the history keeps both)'],
  ['/', 'search names, claim text, sentences'],
  ['f  s  x', 'filter by category, by status; clear filters'],
  ['t', 'group claims by criterion or by section'],
  ['Tab', 'switch between the claim list and the evidence'],
  ['w', 'widen or narrow the evidence to the paragraph'],
  ['M  O', 'criteria matrix; orphaned decisions'],
  ['q', 'quit (every decision is already saved)'],
];

export function Help(): React.JSX.Element {
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Keys</Text>
      {LINES.map(([k, v]) => (
        <Text key={k}><Text color="cyan">{k.padEnd(10)}</Text>{v}</Text>
      ))}
    </Box>
  );
}
