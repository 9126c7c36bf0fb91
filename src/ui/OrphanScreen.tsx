import React from 'react';
import { Box, Text } from 'ink';
import type { Decision } from '../review/store.js';
import type { Orphan } from '../review/corrections.js';
import { STATUS_MARK, STATUS_COLOR } from './format.js';
import { cell, fit } from './text.js';

/** Decisions whose claim no longer exists, and corrections whose anchor is gone: kept, shown, never dropped. */
export function OrphanScreen({ orphans, corrections = [], columns, height }: { readonly orphans: readonly Decision[]; readonly corrections?: readonly Orphan[]; readonly columns: number; readonly height: number }): React.JSX.Element {
  // the decisions' heading and rows, then the corrections': each list gets its share of the rows
  const room = Math.max(2, height - 2);
  const want = (n: number): number => Math.max(1, n);
  const decisionRoom = Math.max(1, Math.min(want(orphans.length), room - Math.min(want(corrections.length), Math.floor(room / 2))));
  const correctionRoom = Math.max(1, room - decisionRoom);
  const cut = <T,>(xs: readonly T[], n: number): readonly T[] => (xs.length <= n ? xs : xs.slice(0, Math.max(0, n - 1)));
  const shown = cut(orphans, decisionRoom);
  const shownCorrections = cut(corrections, correctionRoom);
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Text bold wrap="truncate-end">{fit(`Orphaned decisions (${orphans.length}): their claim is gone from the current text of the document`, columns)}</Text>
      {orphans.length === 0 ? <Text dimColor>none</Text> : null}
      {shown.map((d) => (
        <Text key={d.id} wrap="truncate-end">
          <Text color={STATUS_COLOR[d.status]}>{`${STATUS_MARK[d.status]} `}</Text>
          {`${cell(d.reviewer, 10)} ${cell(d.claimText, 16)} ${cell(d.docPath.split('/').pop() ?? '', 24)} `}
          <Text dimColor>{fit(`${d.at.slice(0, 16)} ${d.note}`, Math.max(10, columns - 56))}</Text>
        </Text>
      ))}
      {shown.length < orphans.length ? <Text dimColor>{`… and ${orphans.length - shown.length} more`}</Text> : null}
      <Text bold wrap="truncate-end">{fit(`Orphaned corrections (${corrections.length}): their text cannot be found in the current text`, columns)}</Text>
      {corrections.length === 0 ? <Text dimColor>none</Text> : null}
      {shownCorrections.map((o, i) => (
        <Text key={`${o.at}${i}`} wrap="truncate-end">
          <Text color="magenta">{`${cell(o.field, 9)} `}</Text>
          {`${cell(o.reviewer, 10)} ${cell(o.text, 16)} ${cell(o.docPath.split('/').pop() ?? '', 24)} `}
          <Text dimColor>{fit(`${o.at.slice(0, 16)} ${o.why}`, Math.max(10, columns - 66))}</Text>
        </Text>
      ))}
      {shownCorrections.length < corrections.length ? <Text dimColor>{`… and ${corrections.length - shownCorrections.length} more`}</Text> : null}
    </Box>
  );
}
