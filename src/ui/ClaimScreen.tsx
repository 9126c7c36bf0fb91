import React from 'react';
import { Box, Text } from 'ink';
import type { Claim } from '../analyse.js';
import type { AnalysedDocument } from '../corpus.js';
import { type ReviewModel, type State, claimRows, currentNominee, statusOf, claimKey, verdictTargets, type NomineeEntry } from './state.js';
import { STATUS_MARK, STATUS_COLOR, CATEGORY_SHORT, valueText, criterionShort } from './format.js';
import { cell, fit } from './text.js';
import { windowStart } from './viewport.js';
import { ChairDecisions, memberMarks } from './ChairPanel.js';
import { describeCorrection } from '../review/corrections.js';

/** A claim's mark beside its status: + added by a reviewer, ✎ a field corrected, ~ not a claim. */
export function correctionMark(c: Claim): { mark: string; color: string } {
  if (c.notAClaim) return { mark: '~', color: 'gray' };
  if (c.source === 'reviewer') return { mark: '+', color: 'cyan' };
  if (c.corrected) return { mark: '✎', color: 'magenta' };
  return { mark: ' ', color: 'gray' };
}

export function ClaimScreen({ model, state, columns, height }: { readonly model: ReviewModel; readonly state: State; readonly columns: number; readonly height: number }): React.JSX.Element {
  const n = currentNominee(model, state) as NomineeEntry;
  const doc = model.docs[n.doc] as AnalysedDocument;
  const rows = claimRows(model, state);
  const claimIndex: number[] = [];
  rows.forEach((r, i) => { if (r.kind === 'claim') claimIndex.push(i); });
  const cursorRow = claimIndex[state.claimCursor] ?? 0;
  const listHeight = Math.max(4, Math.floor(height * 0.45));
  const start = windowStart(cursorRow, rows.length, listHeight);
  const selected = rows[cursorRow]?.kind === 'claim' ? (rows[cursorRow] as { claim: Claim }).claim : undefined;
  const labels = new Map(verdictTargets(model, n).map((t) => [t.requirement ?? '', t.label]));
  const verdicts = (model.verdicts ?? []).filter((v) => v.nominee === n.nominee?.id && v.nomineeName === n.name).map((v) => ({ ...v, label: labels.get(v.requirement ?? '') ?? v.requirement ?? 'nominee' }));
  const filters = [state.category ? `category ${state.category}` : '', state.status ? `status ${state.status}` : '', state.query ? `search “${state.query}”` : ''].filter(Boolean).join(', ');
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{n.name}</Text>
        <Text dimColor>{`  ${n.nominee?.title ?? n.nominee?.kind ?? ''} · grouped by ${state.groupBy}${filters ? ` · ${filters}` : ''}`}</Text>
      </Text>
      {verdicts.length > 0 ? <Text wrap="truncate-end">{verdicts.map((v, i) => <Text key={i}><Text dimColor>{`${i ? ' · ' : 'verdicts: '}${v.reviewer} ${v.label} `}</Text><Text color={v.verdict === 'met' ? 'green' : v.verdict === 'not_met' ? 'red' : 'yellow'}>{v.verdict.replace('_', ' ')}</Text>{v.note ? ` “${v.note}”` : ''}</Text>)}</Text> : null}
      <Box flexDirection="column" height={listHeight} {...(state.pane === 'list' ? { borderStyle: 'single' as const } : {})} borderColor="gray" paddingX={state.pane === 'list' ? 0 : 1}>
        {rows.length === 0 ? <Text dimColor>no claim matches the filters (x clears them)</Text> : null}
        {rows.slice(start, start + listHeight - (state.pane === 'list' ? 2 : 0)).map((r, k) => {
          const i = start + k;
          if (r.kind === 'group') {
            const text = state.groupBy === 'criterion' ? `${criterionShort(r.label)}  ${criterionText(doc, r.label)}` : r.label;
            return <Text key={`g${i}`} color="cyan">{fit(text, columns - 4)}</Text>;
          }
          const c = r.claim;
          const s = statusOf(state, doc.result.sha256, c.id);
          const sel = i === cursorRow;
          const hasCheck = doc.result.checks.some((x) => x.claims.includes(c.id));
          const m = correctionMark(c);
          return (
            <Text key={c.id} inverse={sel} {...(c.notAClaim ? { dimColor: true, strikethrough: true } : {})}>
              {sel ? '›' : ' '}<Text color={STATUS_COLOR[s]}>{` ${STATUS_MARK[s]}`}</Text><Text color={m.color}>{m.mark}</Text>
              {`${cell(valueText(c), 18)} ${cell(c.approx === 'exact' ? '' : c.approx, 9)} ${cell(CATEGORY_SHORT[c.category] ?? c.category, 9)}`}
              <Text {...(hasCheck ? { color: 'red' } : {})}>{hasCheck ? '✗ ' : '  '}</Text>
              {model.chair ? <Text>{`${cell(memberMarks(model.chair, state, doc.result.sha256, c.id), model.chair.panel.length + 1)}`}<Text color={s === 'unreviewed' ? 'yellow' : 'green'}>{s === 'unreviewed' ? 'open     ' : 'resolved '}</Text></Text> : null}
              {fit(c.text.replace(/\s+/g, ' '), Math.max(4, columns - 48 - (model.chair ? model.chair.panel.length + 10 : 0)))}
            </Text>
          );
        })}
      </Box>
      {selected ? <Evidence model={model} state={state} doc={doc} claim={selected} columns={columns} focused={state.pane === 'evidence'} /> : null}
    </Box>
  );
}

function criterionText(doc: AnalysedDocument, id: string): string {
  return doc.result.criteria.find((c) => c.id === id)?.text ?? '';
}

export function Evidence({ model, state, doc, claim, columns, focused }: {
  readonly model: ReviewModel; readonly state: State; readonly doc: AnalysedDocument; readonly claim: Claim; readonly columns: number; readonly focused: boolean;
}): React.JSX.Element {
  const ctx = state.wide ? claim.paragraph : claim.sentence;
  const before = doc.text.slice(ctx.start, claim.start);
  const span = doc.text.slice(claim.start, claim.end);
  const after = doc.text.slice(claim.end, Math.max(claim.end, ctx.end));
  // the sentence's own full stop (。 or .), which the sentence span leaves out
  const stop = /[。！？.!?]/.test(doc.text[ctx.end] ?? '') ? (doc.text[ctx.end] as string) : '';
  const key = claimKey(doc.result.sha256, claim.id);
  const mine = state.mine[key];
  const others = state.others[key] ?? [];
  const checks = doc.result.checks.filter((x) => x.claims.includes(claim.id));
  const status = statusOf(state, doc.result.sha256, claim.id);
  return (
    <Box flexDirection="column" borderStyle={focused ? 'double' : 'single'} borderColor={focused ? 'cyan' : 'gray'} paddingX={1} width={columns}>
      {claim.headings.length > 0 || claim.section ? <Text color="cyan" wrap="truncate-end">{claim.headings.length > 0 ? claim.headings.join(' › ') : claim.section}</Text> : null}
      <Text wrap="wrap">{before.replace(/\s*\n\s*/g, '')}<Text inverse bold color="yellow">{span}</Text>{after.replace(/\s*\n\s*/g, '')}{state.wide ? '' : stop}</Text>
      <Text>
        <Text dimColor>value </Text>{valueText(claim)}
        <Text dimColor>  approx </Text>{claim.approx}
        <Text dimColor>  category </Text>{claim.category}
        {claim.direction ? <Text><Text dimColor>  direction </Text>{claim.direction}</Text> : null}
        <Text dimColor>  period </Text>{claim.period ?? '—'}
        {claim.rate ? <Text><Text dimColor>  rate </Text>{claim.rate.text}</Text> : null}
      </Text>
      {claim.criteria.map((l, i) => (
        <Text key={l.id} wrap="truncate-end">
          <Text {...(i === 0 ? { color: 'green' } : {})}>{`${i === 0 ? '▸' : ' '} ${criterionShort(l.id).padEnd(5)} ${l.score.toFixed(2)} `}</Text>
          <Text dimColor>{l.terms.join(' ')}</Text>
        </Text>
      ))}
      {checks.map((c) => <Text key={c.id} color="red" wrap="wrap">{`✗ ${c.kind}: ${c.message}`}</Text>)}
      {describeCorrection(claim) ? <Text color="magenta" wrap="wrap">{`${correctionMark(claim).mark} ${describeCorrection(claim)}`}</Text> : null}
      {model.chair ? <ChairDecisions info={model.chair} state={state} doc={doc} claim={claim} columns={columns} /> : <Text>
        <Text dimColor>you </Text><Text color={STATUS_COLOR[status]}>{`${STATUS_MARK[status]} ${status.replace('_', ' ')}`}</Text>
        {mine?.note ? <Text>{`  “${mine.note}”`}</Text> : null}
        {others.map((o) => <Text key={o.reviewer}><Text dimColor>{`  ${o.reviewer} `}</Text><Text color={STATUS_COLOR[o.status]}>{STATUS_MARK[o.status]}</Text>{o.note ? ` “${o.note}”` : ''}</Text>)}
      </Text>}
    </Box>
  );
}
