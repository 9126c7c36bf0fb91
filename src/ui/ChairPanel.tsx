/** Chair mode's part of the evidence: every member's decision and note side by side, why, and the resolution. */
import React from 'react';
import { Box, Text } from 'ink';
import type { Claim } from '../analyse.js';
import type { AnalysedDocument } from '../corpus.js';
import type { Status } from '../review/store.js';
import { type ChairInfo, type State, claimKey, statusOf } from './state.js';
import { STATUS_COLOR, STATUS_MARK } from './format.js';

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

export function ChairDecisions({ info, state, doc, claim, columns }: {
  readonly info: ChairInfo; readonly state: State; readonly doc: AnalysedDocument; readonly claim: Claim; readonly columns: number;
}): React.JSX.Element {
  const sha = doc.result.sha256;
  const key = claimKey(sha, claim.id);
  const status = statusOf(state, sha, claim.id);
  const mine = state.mine[key];
  const members = memberStatuses(info, state, sha, claim.id);
  const w = Math.max(12, Math.floor((columns - 4) / Math.max(1, members.length)));
  const why = info.why[key] ?? '';
  // another chair's resolution made after this chair's own (or without one) is the one in force
  const other = (state.others[key] ?? []).filter((d) => d.role === 'chair' && d.status !== 'unreviewed' && (!mine || d.at > mine.at)).sort((a, b) => (a.at < b.at ? 1 : -1))[0];
  return (
    <Box flexDirection="column">
      <Text>
        <Text dimColor>why </Text>{why || 'resolved before; the members no longer disagree'}
      </Text>
      <Box flexDirection="row">
        {members.map((m) => (
          <Box key={m.reviewer} width={w} paddingRight={1}>
            <Text wrap="wrap">
              <Text bold>{m.reviewer}</Text>{' '}
              <Text color={STATUS_COLOR[m.status]}>{`${STATUS_MARK[m.status]} ${m.status === 'unreviewed' ? 'not decided' : m.status.replace('_', ' ')}`}</Text>
              {m.note ? `  “${m.note}”` : ''}
            </Text>
          </Box>
        ))}
      </Box>
      <Text>
        <Text dimColor>chair </Text>
        {status === 'unreviewed'
          ? <Text color="yellow">not resolved yet (v d n, or V D N with a note)</Text>
          : <Text><Text color="green">resolved </Text><Text color={STATUS_COLOR[status]}>{`${STATUS_MARK[status]} ${status.replace('_', ' ')}`}</Text></Text>}
        {mine?.note && status !== 'unreviewed' ? <Text>{`  “${mine.note}”`}</Text> : null}
      </Text>
      {other ? <Text wrap="wrap"><Text dimColor>{`in force: ${other.reviewer}'s resolution `}</Text><Text color={STATUS_COLOR[other.status]}>{`${STATUS_MARK[other.status]} ${other.status.replace('_', ' ')}`}</Text>{other.note ? `  “${other.note}”` : ''}</Text> : null}
    </Box>
  );
}
