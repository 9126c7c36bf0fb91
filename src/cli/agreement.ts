/** shiji agreement: kappa per nominee and overall, the consensus, and the claims members disagree on, with their notes. */
import { ReviewStore, type Status } from '../review/store.js';
import { agreement, type AgreementReport } from '../review/agreement.js';
import { panelRule, type MemberCell } from '../review/panel.js';
import { ruleOption } from './panel.js';
import { cell, width } from '../ui/text.js';

import { fail, parse } from './shared.js';

/** The widest a nominee label gets before it is cut (with …). */
const LABEL_MAX = 60;

/** The widest of some texts in display columns, at least `min` (a loop: there may be very many). */
function widest(texts: Iterable<string>, min: number): number {
  let w = min;
  for (const t of texts) w = Math.max(w, width(t));
  return w;
}

const said = (s: Status): string => (s === 'unreviewed' ? '—' : s.replace('_', ' '));

export function runAgreement(argv: string[]): number {
  const { values } = parse(argv, { db: { type: 'string' }, json: { type: 'boolean' }, consensus: { type: 'string' } });
  const db = values['db'] as string | undefined;
  if (!db) fail('agreement needs --db PANEL.sqlite', 2);
  const override = ruleOption(values);
  const store = ReviewStore.open(db, { readonly: true });
  let report: AgreementReport;
  let stored: boolean;
  try {
    const rule = override ?? panelRule(store);
    stored = override === undefined;
    report = agreement(store.latest(), { rule });
  } finally { store.close(); }
  if (values['json']) { process.stdout.write(`${JSON.stringify(report, null, 2)}\n`); return 0; }
  process.stdout.write(`${agreementText(report, stored).join('\n')}\n`);
  return 0;
}

/** The report as aligned lines (display width, so Chinese names line up). */
export function agreementText(report: AgreementReport, storedRule: boolean): string[] {
  const k = (v: number | null): string => (v === null ? '—' : v.toFixed(2));
  const c = report.consensus;
  const lines = [
    `reviewers: ${report.reviewers.join(', ') || '(none)'}  (${report.overall.method === 'cohen' ? "Cohen's" : "Fleiss'"} kappa over claims decided by all)`,
    `consensus: ${report.rule} (${storedRule ? "the panel's rule" : 'for this run'}) · ${c.agreed} agreed · ${c.resolved} resolved by the chair · ${c.disagreement} need the chair · ${c.pending} pending`,
  ];
  if (report.reviewers.length < 2) lines.push('agreement needs decisions from at least two reviewers');
  const groups = [...report.nominees, report.overall];
  const lw = Math.min(LABEL_MAX, widest(groups.map((g) => g.label), width('nominee')));
  lines.push(`  ${cell('nominee', lw)}  ${cell('claims', 7)}${cell('agree', 7)}kappa`);
  for (const g of groups) lines.push(`  ${cell(g.label, lw)}  ${cell(String(g.items), 7)}${cell(k(g.observed), 7)}${k(g.kappa)}`);
  const rows = listed(report);
  if (rows.length === 0) return lines;
  const panel = report.panel;
  const rw = Math.min(LABEL_MAX, widest(rows.map((r) => r.label), width('nominee')));
  const tw = Math.min(20, widest(rows.map((r) => r.claimText), width('claim')));
  const mw = panel.map((m) => widest(rows.map((r) => said(r.members.find((x) => x.reviewer === m)?.status ?? 'unreviewed')), width(m)));
  lines.push('', `disagreements: ${c.disagreement} need the chair, ${c.resolved} resolved by the chair`);
  lines.push(`  ${cell('nominee', rw)}  ${cell('claim', tw)}  ${panel.map((m, i) => cell(m, mw[i] as number)).join('  ')}  consensus`);
  for (const r of rows) {
    const statuses = panel.map((m, i) => cell(said(r.members.find((x) => x.reviewer === m)?.status ?? 'unreviewed'), mw[i] as number)).join('  ');
    lines.push(`  ${cell(r.label, rw)}  ${cell(r.claimText, tw)}  ${statuses}  ${r.consensusText}`);
    for (const m of r.members) if (m.note) lines.push(`      ${m.reviewer}: ${m.note}`);
    if (r.resolution) lines.push(`      chair ${r.resolution.reviewer}: ${said(r.resolution.status)}${r.resolution.note ? ` — ${r.resolution.note}` : ''}`);
  }
  return lines;
}

interface Listed { readonly label: string; readonly claimText: string; readonly members: readonly MemberCell[]; readonly consensusText: string; readonly resolution: MemberCell | null }

/** The claims that need or had the chair, then those the members differ on that the rule settled. */
function listed(report: AgreementReport): Listed[] {
  const out: Listed[] = report.adjudication.map((a) => ({ ...a, claimText: a.claimText.replace(/\s+/g, ' ') }));
  const seen = new Set(report.adjudication.map((a) => `${a.docSha}\u0000${a.claimId}`));
  for (const d of report.disagreements) {
    if (seen.has(`${d.docSha}\u0000${d.claimId}`)) continue;
    const members = report.panel.map((m): MemberCell => ({ reviewer: m, status: d.statuses[m] ?? 'unreviewed', note: d.notes[m] ?? '' }));
    out.push({ label: d.label, claimText: d.claimText.replace(/\s+/g, ' '), members, consensusText: d.consensusText, resolution: d.resolution });
  }
  return out;
}
