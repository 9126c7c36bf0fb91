import React from 'react';
import { Box, Text } from 'ink';
import type { Decision } from '../review/store.js';
import { STATUS_MARK, STATUS_COLOR } from './format.js';
import { cell, fit } from './text.js';

/** Decisions whose claim no longer exists: kept, shown, never dropped. */
export function OrphanScreen({ orphans, columns, height }: { readonly orphans: readonly Decision[]; readonly columns: number; readonly height: number }): React.JSX.Element {
  const room = Math.max(1, height - 1);
  const shown = orphans.length <= room ? orphans : orphans.slice(0, room - 1);
  return (
    <Box flexDirection="column" height={height}>
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
    </Box>
  );
}
