import React from 'react';
import { Box, Text } from 'ink';
import type { AnalysedDocument } from '../corpus.js';
import { type ReviewModel, type State, type NomineeEntry, statusOf } from './state.js';
import { searchHits } from './across.js';
import { STATUS_MARK, STATUS_COLOR, valueText } from './format.js';
import { cell, fit, width, clip, markTerm, snippet, type Segment } from './text.js';
import { windowStart } from './viewport.js';

/** Segments as Ink text, the searched term standing out. */
export function Marked({ segments }: { readonly segments: readonly Segment[] }): React.JSX.Element {
  return <>{segments.map((s, i) => (s.mark === 'term' ? <Text key={i} color="yellow" bold underline>{s.text}</Text> : s.mark === 'span' ? <Text key={i} bold>{s.text}</Text> : <React.Fragment key={i}>{s.text}</React.Fragment>))}</>;
}

/** Padding after segments cut to `w` columns, so that a row is exactly `w` wide. */
function padded(segments: readonly Segment[], w: number): Segment[] {
  const c = clip(segments, w);
  const used = c.reduce((a, s) => a + width(s.text), 0);
  return [...c, { text: ' '.repeat(Math.max(0, w - used)) }];
}

/** Every nominee's claims whose text, sentence or nominee matches the search, the term highlighted. */
export function SearchScreen({ model, state, columns, height }: { readonly model: ReviewModel; readonly state: State; readonly columns: number; readonly height: number }): React.JSX.Element {
  const hits = searchHits(model, state.query);
  const q = state.query.trim();
  const cursor = Math.min(state.listCursor, Math.max(0, hits.length - 1));
  const listHeight = Math.max(1, height - 1);
  const start = windowStart(cursor, hits.length, listHeight);
  const nominees = new Set(hits.map((h) => h.nominee)).size;
  const nameW = Math.max(8, Math.min(22, Math.floor(columns / 5)));
  const valueW = 14;
  const textW = Math.max(0, columns - 4 - nameW - 1 - valueW - 1);
  const head = q === '' ? 'Search every nominee’s claims and their sentences: type a word or a number' : `“${q}”: ${hits.length} claim(s) of ${nominees} nominee(s)${hits.length ? ` · ${cursor + 1}/${hits.length}` : ''}`;
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">{fit(head, columns)}</Text>
      {q !== '' && hits.length === 0 ? <Text dimColor>no claim, sentence or name contains it</Text> : null}
      {hits.slice(start, start + listHeight).map((h, k) => {
        const n = model.nominees[h.nominee] as NomineeEntry;
        const sha = (model.docs[n.doc] as AnalysedDocument).result.sha256;
        const s = statusOf(state, sha, h.claim.id);
        const selected = start + k === cursor;
        return (
          <Text key={`${n.key}:${h.claim.id}`} inverse={selected} wrap="truncate-end">
            {selected ? '›' : ' '}<Text color={STATUS_COLOR[s]}>{` ${STATUS_MARK[s]} `}</Text>
            <Marked segments={padded(markTerm(n.name, q), nameW)} />{' '}
            {`${cell(valueText(h.claim), valueW)} `}
            <Marked segments={padded(snippet(h.context, q, textW, [h.claim.start - h.claim.sentence.start, h.claim.end - h.claim.sentence.start]), textW)} />
          </Text>
        );
      })}
    </Box>
  );
}
