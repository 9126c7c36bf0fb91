/** shiji panel: a panel database's settings (the consensus rule), shown or set. */
import { ReviewStore } from '../review/store.js';
import { RULE_SETTING, panelView, parseRule, storedRule } from '../review/panel.js';
import type { ConsensusRule } from '../review/consensus.js';
import { ShijiError } from '../errors.js';

import { fail, parse } from './shared.js';

/** --consensus as a rule for this run (undefined when not given); a bad value is a usage error. */
export function ruleOption(values: Record<string, string | boolean | undefined>): ConsensusRule | undefined {
  const v = values['consensus'];
  if (v === undefined) return undefined;
  try { return parseRule(String(v)); } catch (e) { fail((e as ShijiError).message, 2); }
}

export function runPanel(argv: string[]): number {
  const { values, positionals } = parse(argv, { db: { type: 'string' }, consensus: { type: 'string' } });
  const db = values['db'] as string | undefined;
  if (!db) fail('panel needs --db PANEL.sqlite', 2);
  if (positionals.length > 0) fail(`panel takes no inputs (got ${positionals[0]}); see shiji panel --help`, 2);
  const rule = ruleOption(values);
  if (rule !== undefined) {
    const store = ReviewStore.open(db, { create: false });
    try {
      const was = store.setting(RULE_SETTING);
      store.setSetting(RULE_SETTING, rule);
      process.stdout.write(`${db}: consensus rule ${rule}${was === rule ? ' (unchanged)' : ` (was ${was ?? 'unanimous, the default'})`}\n`);
    } finally { store.close(); }
    return 0;
  }
  const store = ReviewStore.open(db, { readonly: true });
  try {
    const set = store.setting(RULE_SETTING) !== null;
    const view = panelView(store.latest(), { rule: storedRule(store) });
    const n = view.counts();
    process.stdout.write([
      `${db}: ${store.count()} decision(s)`,
      `consensus rule: ${view.rule}${set ? '' : ' (the default; set it with --consensus)'}`,
      `members: ${view.members.join(', ') || '(none)'}`,
      `chair: ${view.chairs.join(', ') || '(no resolution yet)'}`,
      `claims: ${n.agreed} agreed, ${n.resolved} resolved by the chair, ${n.disagreement} need the chair, ${n.pending} pending`,
    ].join('\n') + '\n');
  } finally { store.close(); }
  return 0;
}
