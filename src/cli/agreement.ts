/** shiji agreement: kappa per nominee and overall, and the claims members disagree on. */
import { join } from 'node:path';
import { ReviewStore } from '../review/store.js';
import { agreement } from '../review/agreement.js';

import { fail, parse, pad } from './shared.js';

export function runAgreement(argv: string[]): number {
  const { values } = parse(argv, { db: { type: 'string' }, json: { type: 'boolean' } });
  const db = values['db'] as string | undefined;
  if (!db) fail('agreement needs --db PANEL.sqlite', 2);
  const store = ReviewStore.open(db, { readonly: true });
  const report = agreement(store.latest());
  store.close();
  if (values['json']) { process.stdout.write(`${JSON.stringify(report, null, 2)}\n`); return 0; }
  const k = (v: number | null): string => (v === null ? '—' : v.toFixed(2));
  const lines = [`reviewers: ${report.reviewers.join(', ') || '(none)'}  (${report.overall.method === 'cohen' ? "Cohen's" : "Fleiss'"} kappa over claims decided by all)`];
  if (report.reviewers.length < 2) lines.push('agreement needs decisions from at least two reviewers');
  lines.push(`${pad('', 2)}${pad('nominee', 36)}${pad('claims', 8)}${pad('agree', 8)}kappa`);
  for (const g of [...report.nominees, report.overall]) lines.push(`  ${pad(g.label, 36)}${pad(String(g.items), 8)}${pad(k(g.observed), 8)}${k(g.kappa)}`);
  if (report.disagreements.length > 0) {
    lines.push('', 'disagreements:');
    for (const d of report.disagreements) lines.push(`  ${pad(d.label, 36)}${pad(d.claimText.replace(/\s+/g, ''), 16)}${Object.entries(d.statuses).map(([r, s]) => `${r}: ${s}`).join('  ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

