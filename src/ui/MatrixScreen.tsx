import React from 'react';
import { Box, Text } from 'ink';
import type { AnalysedDocument } from '../corpus.js';
import type { ReviewModel } from './state.js';
import { cell, rcell } from './text.js';
import { criterionShort } from './format.js';

/** Nominees × criteria with evidence counts; criteria with no evidence and the eligibility requirements stand out. */
export function MatrixScreen({ model, columns }: { readonly model: ReviewModel; readonly columns: number }): React.JSX.Element {
  const blocks = model.docs.map((d, di) => ({ d, di })).filter(({ d }) => d.result.criteria.length > 0 && d.result.nominees.length > 0);
  if (blocks.length === 0) return <Text dimColor>No criteria in these documents (use shiji review … --criteria FILE).</Text>;
  const nameW = Math.max(10, Math.min(24, columns - 70));
  return (
    <Box flexDirection="column">
      {blocks.map(({ d, di }) => <DocMatrix key={di} d={d} nameW={nameW} />)}
      <Text dimColor>numbers: claims ranking the criterion first · ○ linked only below first rank · <Text color="red">·</Text> no quantitative evidence</Text>
    </Box>
  );
}

function DocMatrix({ d, nameW }: { readonly d: AnalysedDocument; readonly nameW: number }): React.JSX.Element {
  const r = d.result;
  const groups = (['collective', 'individual'] as const).filter((g) => r.nominees.some((n) => n.kind === g));
  return (
    <Box flexDirection="column" marginBottom={1}>
      <Text bold>{r.title}</Text>
      {groups.map((g) => {
        const crit = r.criteria.filter((c) => c.group === g);
        const reqs = r.requirements.filter((q) => q.nominees.some((n) => r.nominees.find((x) => x.id === n.nominee)?.kind === g));
        return (
          <Box key={g} flexDirection="column">
            <Text>{`  ${cell(g === 'collective' ? 'collective' : 'individual', nameW)} ${crit.map((c) => rcell(criterionShort(c.id), 6)).join('')}  ${reqs.map((q) => `  ${q.kind === 'service_years' ? `≥${q.value}年` : `近${q.value}年无违纪`}`).join('')}`}</Text>
            {r.nominees.filter((n) => n.kind === g).map((n) => (
              <Text key={n.id}>
                {`  ${cell(n.name, nameW)} `}
                {crit.map((c) => {
                  const cov = r.coverage.find((x) => x.nominee === n.id && x.criterion === c.id);
                  const v = !cov?.evidence ? '·' : cov.claims > 0 ? String(cov.claims) : '○';
                  return <Text key={c.id} {...(!cov?.evidence ? { color: 'red' } : {})}>{rcell(v, 6)}</Text>;
                })}
                {'  '}
                {reqs.map((q) => {
                  const e = q.nominees.find((x) => x.nominee === n.id);
                  const s = e?.status ?? 'no_evidence';
                  const label = s === 'met' ? `met ${e?.claims.map((id) => r.claims.find((c) => c.id === id)?.text ?? '').join(',')}` : s.replace('_', ' ');
                  return <Text key={q.criterion} color={s === 'met' || s === 'stated' ? 'green' : 'red'}>{`  ${cell(label, 12)}`}</Text>;
                })}
              </Text>
            ))}
          </Box>
        );
      })}
    </Box>
  );
}
