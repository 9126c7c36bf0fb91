import React from 'react';
import { Box, Text } from 'ink';
import type { AnalysedDocument } from '../corpus.js';
import type { ReviewModel, State } from './state.js';
import { cell, rcell, fit, width } from './text.js';
import { criterionShort } from './format.js';
import { windowStart } from './viewport.js';

type Line = { readonly key: string; readonly nominee?: string; readonly node: (selected: boolean) => React.JSX.Element };

/**
 * Nominees × criteria with evidence counts; criteria with no evidence and the eligibility
 * requirements stand out. One line per row, in `height` rows, scrolled to the current nominee;
 * names get every column the criteria leave.
 */
export function MatrixScreen({ model, state, columns, height }: { readonly model: ReviewModel; readonly state: State; readonly columns: number; readonly height: number }): React.JSX.Element {
  const blocks = model.docs.filter((d) => d.result.criteria.length > 0 && d.result.nominees.length > 0);
  if (blocks.length === 0) return <Text dimColor>No criteria in these documents (use shiji review … --criteria FILE).</Text>;
  const lines = blocks.flatMap((d, i) => docLines(d, columns, i === blocks.length - 1));
  const current = model.nominees[state.nomineeCursor]?.key;
  const at = Math.max(0, lines.findIndex((l) => l.nominee === current));
  const listHeight = Math.max(1, height - 1);
  const start = windowStart(at, lines.length, listHeight);
  return (
    <Box flexDirection="column" height={height}>
      <Box flexDirection="column" height={listHeight}>
        {lines.slice(start, start + listHeight).map((l) => <React.Fragment key={l.key}>{l.node(l.nominee !== undefined && l.nominee === current)}</React.Fragment>)}
      </Box>
      <Text dimColor wrap="truncate-end">{fit('numbers: claims ranking the criterion first · ○ linked only below first rank · · (red) no quantitative evidence', columns)}</Text>
    </Box>
  );
}

function docLines(d: AnalysedDocument, columns: number, last: boolean): Line[] {
  const r = d.result;
  const groups = (['collective', 'individual'] as const).filter((g) => r.nominees.some((n) => n.kind === g));
  const out: Line[] = [{ key: `${r.sha256}:t`, node: () => <Text bold wrap="truncate-end">{fit(r.title || r.path, columns)}</Text> }];
  for (const g of groups) {
    const crit = r.criteria.filter((c) => c.group === g);
    const reqs = r.requirements.filter((q) => q.nominees.some((n) => r.nominees.find((x) => x.id === n.nominee)?.kind === g));
    const members = r.nominees.filter((n) => n.kind === g);
    // the name column: as wide as the longest name, or what the criteria and requirements leave
    const rest = 2 + 1 + crit.length * 6 + 2 + reqs.length * 14;
    const nameW = Math.max(8, Math.min(Math.max(10, ...members.map((n) => width(n.name) + 1)), columns - rest));
    out.push({ key: `${r.sha256}:${g}`, node: () => <Text wrap="truncate-end">{`  ${cell(g, nameW)} ${crit.map((c) => rcell(criterionShort(c.id), 6)).join('')}  ${reqs.map((q) => `  ${cell(q.kind === 'service_years' ? `≥${q.value}年` : `近${q.value}年无违纪`, 12)}`).join('')}`}</Text> });
    for (const n of members) {
      out.push({
        key: `${r.sha256}:${n.id}`, nominee: `${r.sha256}:${n.id}`,
        node: (selected) => (
          <Text inverse={selected} wrap="truncate-end">
            {`${selected ? '›' : ' '} ${cell(n.name, nameW)} `}
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
        ),
      });
    }
  }
  if (!last) out.push({ key: `${r.sha256}:end`, node: () => <Text> </Text> });
  return out;
}
