/** shiji merge: review stores of several members into one, inputs untouched. */
import { ReviewStore } from '../review/store.js';
import { RULE_SETTING, mergedRule } from '../review/panel.js';
import { existsSync } from 'node:fs';

import { fail, parse, samePath, writeAtomically } from './shared.js';

export function runMerge(argv: string[]): number {
  const { values, positionals } = parse(argv, { out: { type: 'string', short: 'o' } });
  const out = values['out'] as string | undefined;
  if (!out) fail('merge needs -o OUTPUT.sqlite', 2);
  if (positionals.length === 0) fail('merge needs at least one input database', 2);
  if (positionals.some((p) => samePath(p, out))) fail('the output must not be one of the inputs (inputs are never modified)', 2);
  // every input is opened (and checked) before the output is touched
  const inputs: ReviewStore[] = [];
  try {
    for (const p of positionals) inputs.push(ReviewStore.open(p, { readonly: true }));
    const report = (target: ReviewStore, added: number[]): void => {
      inputs.forEach((s, i) => process.stdout.write(`${s.path}: ${added[i]} decision(s) added\n`));
      process.stdout.write(`${out}: ${target.count()} decision(s) from ${target.reviewers().length} reviewer(s)\n`);
    };
    // the consensus rule: an existing output keeps its own, a new one takes the inputs' (see panel.ts)
    const said = (note: string | null): void => { if (note) process.stdout.write(`${out}: ${note}\n`); };
    if (existsSync(out)) {
      // one transaction: every input is merged, or the output is left as it was
      const target = ReviewStore.open(out, { create: false });
      try {
        const { note } = mergedRule(inputs, target);
        report(target, target.mergeAll(inputs));
        said(note);
      } finally { target.close(); }
    } else {
      // a new output is written beside its final name and renamed into place when complete
      writeAtomically(out, (tmp) => {
        const target = ReviewStore.open(tmp);
        try {
          const { rule, note } = mergedRule(inputs, null);
          if (inputs.some((s) => s.setting(RULE_SETTING) !== null)) target.setSetting(RULE_SETTING, rule);
          report(target, target.mergeAll(inputs));
          said(note);
        } finally { target.close(); }
      });
    }
  } finally {
    for (const s of inputs) s.close();
  }
  return 0;
}

/** Whether two paths name the same file (through symbolic or hard links too). */
