import React from 'react';
import { Box, Text } from 'ink';
import { type ReviewModel, type State, visibleNominees, progress, checksFor, type NomineeEntry } from './state.js';
import type { AnalysedDocument } from '../corpus.js';
import { cell, rcell, fit, width } from './text.js';
import { criterionShort } from './format.js';
import { windowStart } from './viewport.js';

/** One character per criterion of the nominee's group: the count of claims ranking it first, · for none. */
export function coverageStrip(model: ReviewModel, n: NomineeEntry): string {
  if (!n.nominee) return '';
  const r = (model.docs[n.doc] as AnalysedDocument).result;
  return r.coverage.filter((c) => c.nominee === n.nominee?.id)
    .map((c) => (!c.evidence ? '·' : c.claims > 9 ? '+' : c.claims === 0 ? '○' : String(c.claims))).join('');
}

/** The legend of the selected nominee's strip: each criterion with its mark, then what the marks mean, as fits `columns`. */
export function stripLegend(model: ReviewModel, n: NomineeEntry | undefined, columns: number): string {
  const r = n ? (model.docs[n.doc] as AnalysedDocument).result : undefined;
  const strip = n ? [...coverageStrip(model, n)] : [];
  const cells = r && n?.nominee ? r.coverage.filter((c) => c.nominee === n.nominee?.id).map((c, i) => `${criterionShort(c.criterion)} ${strip[i] ?? ''}`) : [];
  const head = cells.length > 0 ? `criteria: ${cells.join('  ')}` : 'criteria: none for this nominee';
  const long = 'n claims rank it first · ○ linked only lower · · no evidence · + over 9';
  const short = 'n first · ○ lower · · no evidence';
  return width(`${head}   (${long})`) <= columns ? `${head}   (${long})` : `${head}   (${short})`;
}

export function NomineeScreen({ model, state, columns, height }: { readonly model: ReviewModel; readonly state: State; readonly columns: number; readonly height: number }): React.JSX.Element {
  const vis = visibleNominees(model, state);
  const cursorAt = Math.max(0, vis.indexOf(state.nomineeCursor));
  const listHeight = Math.max(1, height - 2);
  const start = windowStart(cursorAt, vis.length, listHeight);
  const nameW = Math.max(12, Math.min(30, columns - 58));
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">{`  ${cell('nominee', nameW)} ${cell('kind', 10)} ${rcell('claims', 6)} ${rcell('done', 9)} ${rcell('disp', 4)} ${rcell('need', 4)}  ${cell('criteria', 8)} ${rcell('checks', 6)}`}</Text>
      <Box flexDirection="column" height={listHeight}>
      {vis.slice(start, start + listHeight).map((i) => {
        const n = model.nominees[i] as NomineeEntry;
        const p = progress(model, state, n);
        const selected = i === state.nomineeCursor;
        const doc = model.docs.length > 1 ? ` ${(model.docs[n.doc] as AnalysedDocument).result.path.split('/').pop() ?? ''}` : '';
        const checks = checksFor(model, n);
        return (
          <Text key={n.key} inverse={selected} wrap="truncate-end">
            {`${selected ? '›' : ' '} ${cell(n.name, nameW)} ${cell(n.nominee?.kind ?? '—', 10)} ${rcell(String(p.total), 6)} ${rcell(`${p.reviewed}/${p.total}`, 9)} ${rcell(String(p.disputed || ''), 4)} ${rcell(String(p.needs || ''), 4)}  ${cell(coverageStrip(model, n), 8)} `}
            <Text {...(checks > 0 ? { color: 'red' } : {})}>{rcell(checks > 0 ? `${checks} ✗` : '', 6)}</Text>
            <Text dimColor>{cell(doc, Math.max(0, columns - nameW - 62))}</Text>
          </Text>
        );
      })}
      {vis.length === 0 ? <Text dimColor>  no nominee matches “{state.query}”</Text> : null}
      </Box>
      <Text dimColor wrap="truncate-end">{fit(stripLegend(model, model.nominees[state.nomineeCursor], columns), columns)}</Text>
    </Box>
  );
}
