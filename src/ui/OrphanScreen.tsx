import React from 'react';
import { Box, Text } from 'ink';
import type { Decision } from '../review/store.js';
import type { Orphan } from '../review/corrections.js';
import { STATUS_MARK, STATUS_COLOR } from './format.js';
import { cell, fit } from './text.js';

/** Decisions whose claim no longer exists, and corrections whose anchor is gone: kept, shown, never dropped. */
export function OrphanScreen({ orphans, corrections = [], columns }: { readonly orphans: readonly Decision[]; readonly corrections?: readonly Orphan[]; readonly columns: number }): React.JSX.Element {
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
      <Text bold>{`Orphaned corrections (${corrections.length}): their text cannot be found in the current text`}</Text>
      {corrections.length === 0 ? <Text dimColor>none</Text> : null}
      {corrections.map((o, i) => (
        <Text key={`${o.at}${i}`}>
          <Text color="magenta">{`${cell(o.field, 9)} `}</Text>
          {`${cell(o.reviewer, 10)} ${cell(o.text, 16)} ${cell(o.docPath.split('/').pop() ?? '', 24)} `}
          <Text dimColor>{fit(`${o.at.slice(0, 16)} ${o.why}`, Math.max(10, columns - 66))}</Text>
        </Text>
      ))}
    </Box>
  );
}
