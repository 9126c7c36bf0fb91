import React from 'react';
import { Box, Text } from 'ink';
import { EDIT_FIELDS, VERDICTS } from '../review/corrections.js';
import { type ReviewModel, type State, currentNominee, verdictTargets } from './state.js';
import { fit } from './text.js';

/** Rows the form takes above the footer: its line, and the line saying why Enter was refused. */
export function formRows(state: State): number {
  return state.form ? 1 + (state.form.error ? 1 : 0) : 0;
}

/** The correction being typed (c, a, R), under the screen, in formRows(state) rows, with what Enter would be refused for. */
export function FormLine({ model, state, columns }: { readonly model: ReviewModel; readonly state: State; readonly columns: number }): React.JSX.Element | null {
  const f = state.form;
  if (!f) return null;
  const cursor = <Text inverse> </Text>;
  let line: React.JSX.Element;
  if (f.kind === 'edit') {
    line = (
      <Text wrap="truncate-start">
        {'correct '}
        {EDIT_FIELDS.map((x) => <Text key={x} {...(x === f.field ? { inverse: true, bold: true } : { dimColor: true })}>{` ${x} `}</Text>)}
        {`: ${f.text}`}{cursor}
      </Text>
    );
  } else if (f.kind === 'add' && f.choices) {
    // the place picked, in its context
    const n = currentNominee(model, state);
    const text = n ? (model.docs[n.doc]?.text ?? '') : '';
    const at = f.choices[f.pick ?? 0] ?? { start: 0, end: 0 };
    const around = (s: string): string => s.replace(/\s+/g, ' ');
    line = (
      <Text wrap="truncate-end">
        {`“${f.text}” is in ${f.choices.length} places; ←→ choose (${(f.pick ?? 0) + 1} of ${f.choices.length}), Enter adds it: …${around(text.slice(Math.max(0, at.start - 20), at.start))}`}
        <Text inverse bold>{text.slice(at.start, at.end)}</Text>
        {`${around(text.slice(at.end, at.end + 20))}…`}
      </Text>
    );
  } else if (f.kind === 'add') {
    line = <Text wrap="truncate-start">{'add a missed figure, typed as it appears in the paragraph: '}{f.text}{cursor}</Text>;
  } else {
    const n = currentNominee(model, state);
    const targets = n ? verdictTargets(model, n) : [];
    line = (
      <Text wrap="truncate-end">
        {'verdict on '}
        {targets.map((t, i) => <Text key={t.label} {...(i === f.target ? { inverse: true, bold: true } : { dimColor: true })}>{` ${t.label} `}</Text>)}
        {'  '}
        {VERDICTS.map((v) => <Text key={v} {...(v === f.verdict ? { inverse: true, bold: true, color: v === 'met' ? 'green' : v === 'not_met' ? 'red' : 'yellow' } : { dimColor: true })}>{` ${v.replace('_', ' ')} `}</Text>)}
        {`  note: ${f.text}`}{cursor}
      </Text>
    );
  }
  return (
    <Box flexDirection="column" width={columns} height={formRows(state)} overflow="hidden">
      {line}
      {f.error ? <Text color="red" wrap="truncate-end">{fit(f.error, columns)}</Text> : null}
    </Box>
  );
}
