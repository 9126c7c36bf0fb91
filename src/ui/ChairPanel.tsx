/** Chair mode's part of the evidence: every member's decision and note side by side, why, and the resolution. */
import React from 'react';
import { Text } from 'ink';
import type { Claim } from '../analyse.js';
import type { AnalysedDocument } from '../corpus.js';
import type { Status } from '../review/store.js';
import { type ChairInfo, type State, claimKey, statusOf } from './state.js';
import { STATUS_COLOR, STATUS_MARK } from './format.js';
import { cell, width } from './text.js';

/** Each panel member's status of a claim, in panel order. */
function memberStatuses(info: ChairInfo, state: State, docSha: string, claimId: string): Array<{ reviewer: string; status: Status; note: string }> {
  const ds = state.others[claimKey(docSha, claimId)] ?? [];
  return info.panel.map((reviewer) => {
    const d = ds.find((x) => x.reviewer === reviewer && x.role === 'member');
    return { reviewer, status: d?.status ?? 'unreviewed', note: d?.note ?? '' };
  });
}

/** The members' marks of a claim, one per member (✓✗?·), for the claim list. */
export function memberMarks(info: ChairInfo, state: State, docSha: string, claimId: string): string {
  return memberStatuses(info, state, docSha, claimId).map((m) => STATUS_MARK[m.status]).join('');
}

/**
 * Chair mode's part of the evidence, one element per screen row (the review UI counts its rows):
 * why the claim needs the chair, each member's decision and note, and the resolution.
 */
export function chairLines(info: ChairInfo, state: State, doc: AnalysedDocument, claim: Claim, columns: number): React.JSX.Element[] {
  const sha = doc.result.sha256;
  const key = claimKey(sha, claim.id);
  const status = statusOf(state, sha, claim.id);
  const mine = state.mine[key];
  const why = info.why[key] ?? '';
  const members = memberStatuses(info, state, sha, claim.id);
  const w = Math.max(12, Math.floor((columns - 4) / Math.max(1, members.length)));
  // another chair's resolution made after this chair's own (or without one) is the one in force
  const other = (state.others[key] ?? []).filter((d) => d.role === 'chair' && d.status !== 'unreviewed' && (!mine || d.at > mine.at)).sort((a, b) => (a.at < b.at ? 1 : -1))[0];
  return [
    <Text key="why" wrap="truncate-end"><Text dimColor>why </Text>{why || 'resolved before; the members no longer disagree'}</Text>,
    // the members side by side, each in an equal share of the row
    <Text key="members" wrap="truncate-end">
      {members.map((m, i) => (
        <Text key={m.reviewer}>
          <Text bold>{m.reviewer}</Text>{' '}
          <Text color={STATUS_COLOR[m.status]}>{`${STATUS_MARK[m.status]} ${m.status === 'unreviewed' ? 'not decided' : m.status.replace('_', ' ')}`}</Text>
          {cell(m.note ? `  “${m.note}”` : '', Math.max(0, w - width(`${m.reviewer} ${STATUS_MARK[m.status]} ${m.status === 'unreviewed' ? 'not decided' : m.status.replace('_', ' ')}`) - (i < members.length - 1 ? 1 : 0)))}
          {i < members.length - 1 ? ' ' : ''}
        </Text>
      ))}
    </Text>,
    <Text key="chair" wrap="truncate-end">
      <Text dimColor>chair </Text>
      {status === 'unreviewed'
        ? <Text color="yellow">not resolved yet (v d n, or V D N with a note)</Text>
        : <Text><Text color="green">resolved </Text><Text color={STATUS_COLOR[status]}>{`${STATUS_MARK[status]} ${status.replace('_', ' ')}`}</Text></Text>}
      {mine?.note && status !== 'unreviewed' ? <Text>{`  “${mine.note}”`}</Text> : null}
    </Text>,
    ...(other ? [<Text key="force" wrap="truncate-end"><Text dimColor>{`in force: ${other.reviewer}'s resolution `}</Text><Text color={STATUS_COLOR[other.status]}>{`${STATUS_MARK[other.status]} ${other.status.replace('_', ' ')}`}</Text>{other.note ? `  “${other.note}”` : ''}</Text>] : []),
  ];
}
