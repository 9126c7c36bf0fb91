import React from 'react';
import { Box, Text } from 'ink';
import { type ReviewModel, type State, type NomineeEntry } from './state.js';
import { problems } from './across.js';
import { STATUS_MARK, STATUS_COLOR } from './format.js';
import { cell, fit, width } from './text.js';
import { windowStart } from './viewport.js';

/** Every claim that is disputed or needs evidence, across nominees and panel members. */
export function ProblemScreen({ model, state, columns, height }: { readonly model: ReviewModel; readonly state: State; readonly columns: number; readonly height: number }): React.JSX.Element {
  const list = problems(model, state);
  const cursor = Math.min(state.listCursor, Math.max(0, list.length - 1));
  const listHeight = Math.max(1, height - 1);
  const start = windowStart(cursor, list.length, listHeight);
  const disputed = list.filter((p) => p.status === 'disputed').length;
  const nameW = Math.max(8, Math.min(22, Math.floor(columns / 5)));
  const whoW = 10;
  const claimW = Math.max(8, Math.min(Math.floor(columns / 4), ...list.map((p) => width(p.claim.text) + 1)));
  const noteW = Math.max(0, columns - 22 - whoW - nameW - claimW);
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">{fit(`Disputed ${disputed} · needs evidence ${list.length - disputed}${list.length ? ` · ${cursor + 1}/${list.length}` : ''}   · yours and the other members’`, columns)}</Text>
      {list.length === 0 ? <Text dimColor>no claim is disputed or needs evidence</Text> : null}
      {list.slice(start, start + listHeight).map((p, k) => {
        const n = model.nominees[p.nominee] as NomineeEntry;
        const selected = start + k === cursor;
        return (
          <Text key={`${n.key}:${p.claim.id}:${p.reviewer ?? ''}`} inverse={selected} wrap="truncate-end">
            {selected ? '›' : ' '}<Text color={STATUS_COLOR[p.status]}>{` ${STATUS_MARK[p.status]} ${cell(p.status.replace('_', ' '), 15)}`}</Text>
            {`${cell(p.reviewer ?? 'you', whoW)} ${cell(n.name, nameW)} ${cell(p.claim.text.replace(/\s+/g, ' '), claimW)} `}
            <Text {...(selected ? {} : { dimColor: true })}>{cell(p.note ? `“${p.note}”` : '', noteW)}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
