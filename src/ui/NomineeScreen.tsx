import React from 'react';
import { Box, Text } from 'ink';
import { type ReviewModel, type State, visibleNominees, progress, checksFor, type NomineeEntry } from './state.js';
import type { AnalysedDocument } from '../corpus.js';
import { cell, rcell } from './text.js';
import { windowStart } from './viewport.js';

/** One character per criterion of the nominee's group: the count of claims ranking it first, · for none. */
export function coverageStrip(model: ReviewModel, n: NomineeEntry): string {
  if (!n.nominee) return '';
  const r = (model.docs[n.doc] as AnalysedDocument).result;
  return r.coverage.filter((c) => c.nominee === n.nominee?.id)
    .map((c) => (!c.evidence ? '·' : c.claims > 9 ? '+' : c.claims === 0 ? '○' : String(c.claims))).join('');
}

export function NomineeScreen({ model, state, columns, height }: { readonly model: ReviewModel; readonly state: State; readonly columns: number; readonly height: number }): React.JSX.Element {
  const vis = visibleNominees(model, state);
  const cursorAt = Math.max(0, vis.indexOf(state.nomineeCursor));
  const start = windowStart(cursorAt, vis.length, height - 1);
  const nameW = Math.max(12, Math.min(30, columns - 58));
  return (
    <Box flexDirection="column">
      <Text bold>{`  ${cell('nominee', nameW)} ${cell('kind', 10)} ${rcell('claims', 6)} ${rcell('done', 9)} ${rcell('disp', 4)} ${rcell('need', 4)}  ${cell('criteria', 8)} ${rcell('checks', 6)}`}</Text>
      {vis.slice(start, start + height - 1).map((i) => {
        const n = model.nominees[i] as NomineeEntry;
        const p = progress(model, state, n);
        const selected = i === state.nomineeCursor;
        const doc = model.docs.length > 1 ? ` ${(model.docs[n.doc] as AnalysedDocument).result.path.split('/').pop() ?? ''}` : '';
        const checks = checksFor(model, n);
        return (
          <Text key={n.key} inverse={selected}>
            {`${selected ? '›' : ' '} ${cell(n.name, nameW)} ${cell(n.nominee?.kind ?? '—', 10)} ${rcell(String(p.total), 6)} ${rcell(`${p.reviewed}/${p.total}`, 9)} ${rcell(String(p.disputed || ''), 4)} ${rcell(String(p.needs || ''), 4)}  ${cell(coverageStrip(model, n), 8)} `}
            <Text {...(checks > 0 ? { color: 'red' } : {})}>{rcell(checks > 0 ? `${checks} ✗` : '', 6)}</Text>
            <Text dimColor>{cell(doc, Math.max(0, columns - nameW - 62))}</Text>
          </Text>
        );
      })}
      {vis.length === 0 ? <Text dimColor>  no nominee matches “{state.query}”</Text> : null}
    </Box>
  );
}
