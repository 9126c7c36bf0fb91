import React from 'react';
import { Box, Text } from 'ink';
import type { Decision } from '../review/store.js';
import { STATUS_MARK, STATUS_COLOR } from './format.js';
import { cell, fit } from './text.js';

/** Decisions whose claim no longer exists: kept, shown, never dropped. */
export function OrphanScreen({ orphans, columns }: { readonly orphans: readonly Decision[]; readonly columns: number }): React.JSX.Element {
  return (
    <Box flexDirection="column">
      <Text bold>{`Orphaned decisions (${orphans.length}): their claim is gone from the current text of the document`}</Text>
      {orphans.length === 0 ? <Text dimColor>none</Text> : null}
      {orphans.map((d) => (
        <Text key={d.id}>
          <Text color={STATUS_COLOR[d.status]}>{`${STATUS_MARK[d.status]} `}</Text>
          {`${cell(d.reviewer, 10)} ${cell(d.claimText, 16)} ${cell(d.docPath.split('/').pop() ?? '', 24)} `}
          <Text dimColor>{fit(`${d.at.slice(0, 16)} ${d.note}`, Math.max(10, columns - 56))}</Text>
        </Text>
      ))}
    </Box>
  );
}
