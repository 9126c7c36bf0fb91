import React from 'react';
import { Box, Text } from 'ink';
import type { Claim } from '../analyse.js';
import type { AnalysedDocument } from '../corpus.js';
import { type ReviewModel, type State, type Row, type ChairInfo, claimRows, currentNominee, statusOf, claimKey, verdictTargets, type NomineeEntry } from './state.js';
import { STATUS_MARK, STATUS_COLOR, CATEGORY_SHORT, valueText, criterionShort } from './format.js';
import { cell, fit, width, wrapSegments, markTerm, type Segment } from './text.js';
import { windowStart } from './viewport.js';
import { chairLines, memberMarks } from './ChairPanel.js';
import { describeCorrection } from '../review/corrections.js';

/** A claim's mark beside its status: + added by a reviewer, ✎ a field corrected, ~ not a claim. */
export function correctionMark(c: Claim): { mark: string; color: string } {
  if (c.notAClaim) return { mark: '~', color: 'gray' };
  if (c.source === 'reviewer') return { mark: '+', color: 'cyan' };
  if (c.corrected) return { mark: '✎', color: 'magenta' };
  return { mark: ' ', color: 'gray' };
}

/**
 * One nominee's claims above the evidence of the selected one, in exactly `height` rows: every
 * row of the list is one line (a claim too long for it ends with …; the evidence below shows it
 * whole), so the selection is always on screen and keeps its reverse video.
 */
/** What the evidence pane last drew: its last top line (0 when it shows the whole evidence) and the lines a page scrolls. */
export interface EvidenceMeasure { max: number; page: number }

export function ClaimScreen({ model, state, columns, height, measure }: { readonly model: ReviewModel; readonly state: State; readonly columns: number; readonly height: number; readonly measure?: { current: EvidenceMeasure } }): React.JSX.Element {
  const n = currentNominee(model, state) as NomineeEntry;
  const doc = model.docs[n.doc] as AnalysedDocument;
  const rows = claimRows(model, state);
  const claimIndex: number[] = [];
  rows.forEach((r, i) => { if (r.kind === 'claim') claimIndex.push(i); });
  const cursorRow = claimIndex[state.claimCursor] ?? 0;
  const selected = rows[cursorRow]?.kind === 'claim' ? (rows[cursorRow] as { claim: Claim }).claim : undefined;
  const labels = new Map(verdictTargets(model, n).map((t) => [t.requirement ?? '', t.label]));
  const verdicts = (model.verdicts ?? []).filter((v) => v.nominee === n.nominee?.id && v.nomineeName === n.name).map((v) => ({ ...v, label: labels.get(v.requirement ?? '') ?? v.requirement ?? 'nominee' }));
  const inner = columns - 4;
  // the verdicts, when there are any, take a row under the name
  const verdictRows = verdicts.length > 0 ? 1 : 0;
  const { list: listHeight, evidence: evidenceHeight } = split(height - verdictRows, state, rows, (c) => evidenceRows(state, doc, c, inner, model.chair));
  const start = windowStart(cursorRow, rows.length, listHeight);
  const filters = [state.category ? `category ${state.category}` : '', state.status ? `status ${state.status}` : '', state.query ? `search “${state.query}”` : ''].filter(Boolean).join(', ');
  const shown = rows.slice(start, start + listHeight);
  if (measure && !selected) measure.current = { max: 0, page: 1 };
  // when the list has scrolled into a group, its first row names the group
  if (start > 0 && shown[0]?.kind === 'claim' && cursorRow !== start) shown[0] = groupOf(rows, start);
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate-end">
        <Text bold>{n.name}</Text>
        {filters ? <Text color="cyan">{`  ${filters}`}</Text> : null}
        <Text dimColor>{`  ${claimIndex.length ? `${state.claimCursor + 1}/${claimIndex.length}` : '0'} · grouped by ${state.groupBy} · ${n.nominee?.title ?? n.nominee?.kind ?? ''}`}</Text>
      </Text>
      {verdicts.length > 0 ? <Text wrap="truncate-end">{verdicts.map((v, i) => <Text key={i}><Text dimColor>{`${i ? ' · ' : 'verdicts: '}${v.reviewer} ${v.label} `}</Text><Text color={v.verdict === 'met' ? 'green' : v.verdict === 'not_met' ? 'red' : 'yellow'}>{v.verdict.replace('_', ' ')}</Text>{v.note ? ` “${v.note}”` : ''}</Text>)}</Text> : null}
      <Box flexDirection="column" height={listHeight}>
        {rows.length === 0 ? <Text dimColor>{fit('no claim matches the filters (x clears them)', columns)}</Text> : null}
        {shown.map((r, k) => (r.kind === 'group'
          ? <Text key={`g${start + k}`} color="cyan">{fit(groupText(state, doc, r.label), columns)}</Text>
          : <ClaimRow key={r.claim.id} claim={r.claim} state={state} doc={doc} selected={start + k === cursorRow} columns={columns} chair={model.chair} />))}
      </Box>
      {selected ? <Evidence state={state} doc={doc} claim={selected} columns={columns} height={evidenceHeight} focused={state.pane === 'evidence'} chair={model.chair} {...(measure ? { measure } : {})} /> : null}
    </Box>
  );
}

/**
 * Rows for the list and for the evidence (inside its border). The evidence takes what the
 * longest evidence of this nominee's claims needs, up to a share of the screen (most of it when
 * the evidence has the focus); the list takes the rest.
 */
function split(height: number, state: State, rows: readonly Row[], need: (c: Claim) => number): { list: number; evidence: number } {
  const free = height - 1 - 2;
  const most = Math.max(0, ...rows.map((r) => (r.kind === 'claim' ? need(r.claim) : 0)));
  const cap = state.pane === 'evidence' ? free - Math.min(4, Math.floor(free / 3)) : Math.max(4, Math.floor(free * 0.45));
  const evidence = Math.max(3, Math.min(cap, most));
  return { list: Math.max(1, free - evidence), evidence };
}

function groupOf(rows: readonly Row[], at: number): Row {
  for (let i = at; i >= 0; i--) if (rows[i]?.kind === 'group') return rows[i] as Row;
  return rows[at] as Row;
}

function groupText(state: State, doc: AnalysedDocument, label: string): string {
  return state.groupBy === 'criterion' ? `${criterionShort(label)}  ${doc.result.criteria.find((c) => c.id === label)?.text ?? ''}` : label;
}

function ClaimRow({ claim: c, state, doc, selected, columns, chair }: { readonly claim: Claim; readonly state: State; readonly doc: AnalysedDocument; readonly selected: boolean; readonly columns: number; readonly chair: ChairInfo | undefined }): React.JSX.Element {
  const s = statusOf(state, doc.result.sha256, c.id);
  const hasCheck = doc.result.checks.some((x) => x.claims.includes(c.id));
  // ✎ corrected, ~ not a claim (struck out and dim), + added by a reviewer, in the column after the status
  const m = correctionMark(c);
  // the approximation is also the mark before the value (>, ≈, ≥); its own column only where there is room
  const approx = columns >= 100 ? `${cell(c.approx === 'exact' ? '' : c.approx, 9)} ` : '';
  const fields = `${cell(valueText(c), 18)} ${approx}${cell(CATEGORY_SHORT[c.category] ?? c.category, 9)} `;
  // chair mode: each member's mark, then whether the chair has resolved the claim
  const marks = chair ? cell(memberMarks(chair, state, doc.result.sha256, c.id), chair.panel.length + 1) : '';
  const used = 4 + width(fields) + 2 + (chair ? width(marks) + 9 : 0);
  return (
    <Text inverse={selected} wrap="truncate-end" {...(c.notAClaim ? { dimColor: true, strikethrough: true } : {})}>
      {selected ? '›' : ' '}<Text color={STATUS_COLOR[s]}>{` ${STATUS_MARK[s]}`}</Text><Text color={m.color}>{m.mark}</Text>
      {fields}
      <Text {...(hasCheck ? { color: 'red' } : {})}>{hasCheck ? '✗ ' : '  '}</Text>
      {chair ? <Text>{marks}<Text color={s === 'unreviewed' ? 'yellow' : 'green'}>{s === 'unreviewed' ? 'open     ' : 'resolved '}</Text></Text> : null}
      {cell(c.text.replace(/\s+/g, ' '), Math.max(0, columns - used))}
    </Text>
  );
}

/** The evidence of a claim, one element per screen row at `w` columns. */
/** The evidence sentence (or paragraph) as segments: the claim's span, and the searched term, marked. */
function sentenceOf(state: State, doc: AnalysedDocument, claim: Claim): Segment[] {
  const ctx = state.wide ? claim.paragraph : claim.sentence;
  const flat = (s: string): string => s.replace(/\s*\n\s*/g, '');
  // the sentence's own full stop (。 or .), which the sentence span leaves out
  const stop = !state.wide && /[。！？.!?]/.test(doc.text[ctx.end] ?? '') ? (doc.text[ctx.end] as string) : '';
  const sentence: Segment[] = [
    { text: flat(doc.text.slice(ctx.start, claim.start)) },
    { text: doc.text.slice(claim.start, claim.end), mark: 'span' },
    { text: flat(doc.text.slice(claim.end, Math.max(claim.end, ctx.end))) + stop },
  ];
  // the searched term stands out in the evidence: a claim opened from the search, or claims filtered by /
  const term = state.returnTo?.screen === 'search' ? state.returnTo.query : state.query;
  return term ? sentence.flatMap((seg) => (seg.mark ? [seg] : markTerm(seg.text, term))) : sentence;
}

/** How many rows evidenceLines takes, without drawing them. */
function evidenceRows(state: State, doc: AnalysedDocument, claim: Claim, w: number, chair?: ChairInfo): number {
  const heading = claim.headings.length > 0 || claim.section ? 1 : 0;
  const checks = doc.result.checks.filter((x) => x.claims.includes(claim.id)).length;
  const correction = describeCorrection(claim) ? 1 : 0;
  return heading + wrapSegments(sentenceOf(state, doc, claim), w).length + 1 + (chair ? chairLines(chair, state, doc, claim, w + 4).length : 1) + checks + correction + claim.criteria.length;
}

/** The evidence of a claim, one element per screen row at `w` columns. */
export function evidenceLines(state: State, doc: AnalysedDocument, claim: Claim, w: number, chair?: ChairInfo): React.JSX.Element[] {
  const marked = sentenceOf(state, doc, claim);
  const key = claimKey(doc.result.sha256, claim.id);
  const mine = state.mine[key];
  const others = state.others[key] ?? [];
  const status = statusOf(state, doc.result.sha256, claim.id);
  const out: React.JSX.Element[] = [];
  if (claim.headings.length > 0 || claim.section) out.push(<Text key="h" color="cyan" wrap="truncate-end">{claim.headings.length > 0 ? claim.headings.join(' › ') : claim.section}</Text>);
  wrapSegments(marked, w).forEach((line, i) => out.push(
    <Text key={`s${i}`}>{line.map((seg, j) => (seg.mark === 'span' ? <Text key={j} inverse bold color="yellow">{seg.text}</Text> : seg.mark === 'term' ? <Text key={j} color="yellow" bold underline>{seg.text}</Text> : seg.text))}</Text>,
  ));
  out.push(
    <Text key="v" wrap="truncate-end">
      <Text dimColor>value </Text>{valueText(claim)}
      <Text dimColor>  approx </Text>{claim.approx}
      <Text dimColor>  category </Text>{claim.category}
      {claim.direction ? <Text><Text dimColor>  direction </Text>{claim.direction}</Text> : null}
      <Text dimColor>  period </Text>{claim.period ?? '—'}
      {claim.rate ? <Text><Text dimColor>  rate </Text>{claim.rate.text}</Text> : null}
    </Text>,
  );
  if (chair) out.push(...chairLines(chair, state, doc, claim, w + 4));
  else {
    out.push(
      <Text key="you" wrap="truncate-end">
        <Text dimColor>you </Text><Text color={STATUS_COLOR[status]}>{`${STATUS_MARK[status]} ${status.replace('_', ' ')}`}</Text>
        {mine?.note ? <Text>{`  “${mine.note}”`}</Text> : null}
        {others.map((o) => <Text key={o.reviewer}><Text dimColor>{`  ${o.reviewer} `}</Text><Text color={STATUS_COLOR[o.status]}>{STATUS_MARK[o.status]}</Text>{o.note ? ` “${o.note}”` : ''}</Text>)}
      </Text>,
    );
  }
  for (const c of doc.result.checks.filter((x) => x.claims.includes(claim.id))) out.push(<Text key={c.id} color="red" wrap="truncate-end">{`✗ ${c.kind}: ${c.message}`}</Text>);
  const correction = describeCorrection(claim);
  if (correction) out.push(<Text key="corr" color="magenta" wrap="truncate-end">{`${correctionMark(claim).mark} ${correction}`}</Text>);
  claim.criteria.forEach((l, i) => out.push(
    <Text key={l.id} wrap="truncate-end">
      <Text {...(i === 0 ? { color: 'green' } : {})}>{`${i === 0 ? '▸' : ' '} ${criterionShort(l.id).padEnd(5)} ${l.score.toFixed(2)} `}</Text>
      <Text dimColor>{l.terms.join(' ')}</Text>
    </Text>,
  ));
  return out;
}

/**
 * The evidence pane in `height` rows inside its border. Evidence longer than that ends with a
 * line saying so; focused, it scrolls (↑↓, PgUp PgDn), from `state.evidenceTop`, and that line
 * says which lines it shows. What it drew goes to `measure`, for the keys.
 */
export function Evidence({ state, doc, claim, columns, height, focused, chair, measure }: {
  readonly state: State; readonly doc: AnalysedDocument; readonly claim: Claim; readonly columns: number; readonly height: number; readonly focused: boolean; readonly chair: ChairInfo | undefined; readonly measure?: { current: EvidenceMeasure };
}): React.JSX.Element {
  const lines = evidenceLines(state, doc, claim, columns - 4, chair);
  const room = Math.max(1, height - 1);
  const max = lines.length <= height ? 0 : lines.length - room;
  if (measure) measure.current = { max: focused ? max : 0, page: room };
  const top = focused ? Math.min(state.evidenceTop, max) : 0;
  const shown = lines.length <= height ? lines : [
    ...lines.slice(top, top + room),
    <Text key="more" dimColor>{fit(focused ? `lines ${top + 1}–${top + room} of ${lines.length} · ↑↓ PgUp PgDn scroll` : `… ${lines.length - room} more line(s): Tab or Enter shows them`, columns - 4)}</Text>,
  ];
  return (
    <Box flexDirection="column" borderStyle={focused ? 'double' : 'single'} borderColor={focused ? 'cyan' : 'gray'} paddingX={1} width={columns} height={height + 2} overflow="hidden">
      {shown}
    </Box>
  );
}
