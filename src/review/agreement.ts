/**
 * Agreement between panel members over their latest decisions: Cohen's kappa for two reviewers,
 * Fleiss' kappa for more, per nominee and overall, and the claims on which they disagree.
 * Only claims decided (verified, disputed, needs evidence) by every reviewer in the comparison count.
 */
import type { Decision, Status } from './store.js';
import type { ConsensusRule, ConsensusState } from './consensus.js';
import { panelView, type MemberCell } from './panel.js';

const CATS: readonly Status[] = ['verified', 'disputed', 'needs_evidence'];

export interface AgreementGroup {
  readonly label: string;
  readonly items: number;
  readonly observed: number | null;
  readonly kappa: number | null;
  readonly method: 'cohen' | 'fleiss';
}

export interface Disagreement {
  readonly label: string;
  readonly claimText: string;
  readonly docPath: string;
  readonly claimId: string;
  readonly docSha: string;
  readonly statuses: Readonly<Record<string, Status>>;
  /** each reviewer's note on the claim ('' when none) */
  readonly notes: Readonly<Record<string, string>>;
  /** the panel's consensus on the claim under the report's rule */
  readonly consensus: ConsensusState;
  /** the consensus as one cell: the status when settled, else the state and why */
  readonly consensusText: string;
  /** the chair's resolution in force, when there is one */
  readonly resolution: MemberCell | null;
}

/** A claim that needs the chair (consensus `disagreement`) or that the chair resolved. */
export interface Adjudication {
  readonly label: string;
  readonly claimText: string;
  readonly docPath: string;
  readonly docSha: string;
  readonly claimId: string;
  readonly consensus: ConsensusState;
  readonly consensusText: string;
  /** why the claim needs the chair ('' once resolved) */
  readonly why: string;
  /** every panel member's status and note, in panel order */
  readonly members: readonly MemberCell[];
  readonly resolution: MemberCell | null;
}

export interface AgreementReport {
  readonly reviewers: readonly string[];
  readonly overall: AgreementGroup;
  readonly nominees: readonly AgreementGroup[];
  readonly disagreements: readonly Disagreement[];
  /** the consensus rule the report applies */
  readonly rule: ConsensusRule;
  /** the panel members of the consensus (every reviewer with a member's decision) */
  readonly panel: readonly string[];
  /** how many claims with any decision are in each consensus state */
  readonly consensus: Readonly<Record<ConsensusState, number>>;
  /** the claims that need the chair, then those the chair resolved, in the store's order */
  readonly adjudication: readonly Adjudication[];
}

/** Cohen's kappa for two raters over paired labels; null when undefined (no items). */
export function cohenKappa(pairs: ReadonlyArray<readonly [Status, Status]>): { observed: number; kappa: number } | null {
  const n = pairs.length;
  if (n === 0) return null;
  const agree = pairs.filter(([a, b]) => a === b).length / n;
  let expected = 0;
  for (const c of CATS) expected += (pairs.filter(([a]) => a === c).length / n) * (pairs.filter(([, b]) => b === c).length / n);
  const kappa = expected === 1 ? 1 : (agree - expected) / (1 - expected);
  return { observed: agree, kappa };
}

/** Fleiss' kappa: each item rated by the same number of raters. */
export function fleissKappa(items: ReadonlyArray<readonly Status[]>): { observed: number; kappa: number } | null {
  const N = items.length;
  if (N === 0) return null;
  const n = (items[0] as readonly Status[]).length;
  if (n < 2 || items.some((i) => i.length !== n)) return null;
  const p = CATS.map((c) => items.reduce((a, i) => a + i.filter((x) => x === c).length, 0) / (N * n));
  const P = items.map((i) => (CATS.reduce((a, c) => { const k = i.filter((x) => x === c).length; return a + k * (k - 1); }, 0)) / (n * (n - 1)));
  const Pbar = P.reduce((a, b) => a + b, 0) / N;
  const Pe = p.reduce((a, b) => a + b * b, 0);
  const kappa = Pe === 1 ? 1 : (Pbar - Pe) / (1 - Pe);
  return { observed: Pbar, kappa };
}

export function agreement(latest: readonly Decision[], opts: { readonly rule?: ConsensusRule } = {}): AgreementReport {
  // members' judgements only: a chair's resolution is not a rating
  const decided = latest.filter((d) => d.status !== 'unreviewed' && d.role !== 'chair');
  const reviewers = [...new Set(decided.map((d) => d.reviewer))].sort();
  const byClaim = new Map<string, Decision[]>();
  for (const d of decided) {
    const k = `${d.docSha}:${d.claimId}`;
    const list = byClaim.get(k) ?? [];
    list.push(d);
    byClaim.set(k, list);
  }
  const complete = [...byClaim.values()].filter((ds) => reviewers.every((r) => ds.some((d) => d.reviewer === r)));
  const labelOf = (d: Decision): string => `${d.nomineeName || d.nominee || '(unattributed)'} — ${d.docPath.split('/').pop() ?? d.docPath}`;
  const method = reviewers.length === 2 ? 'cohen' : 'fleiss';
  const measure = (group: Decision[][], label: string): AgreementGroup => {
    const rows = group.map((ds) => reviewers.map((r) => (ds.find((d) => d.reviewer === r) as Decision).status));
    const m = reviewers.length < 2 ? null : method === 'cohen' ? cohenKappa(rows.map((r) => [r[0] as Status, r[1] as Status] as const)) : fleissKappa(rows);
    return { label, items: group.length, observed: m?.observed ?? null, kappa: m?.kappa ?? null, method };
  };
  const groups = new Map<string, Decision[][]>();
  for (const ds of complete) {
    const label = labelOf(ds[0] as Decision);
    const list = groups.get(label) ?? [];
    list.push(ds);
    groups.set(label, list);
  }
  const panel = panelView(latest, opts.rule ? { rule: opts.rule } : {});
  const disagreements: Disagreement[] = complete
    .filter((ds) => new Set(ds.map((d) => d.status)).size > 1)
    .map((ds) => {
      const first = ds[0] as Decision;
      const p = panel.of(first.docSha, first.claimId);
      return {
        label: labelOf(first), claimText: first.claimText, docPath: first.docPath, claimId: first.claimId, docSha: first.docSha,
        statuses: Object.fromEntries(ds.map((d) => [d.reviewer, d.status])),
        notes: Object.fromEntries(ds.map((d) => [d.reviewer, d.note])),
        consensus: p.consensus.state, consensusText: p.cell, resolution: p.chair,
      };
    });
  const firstOf = new Map(latest.map((d) => [`${d.docSha}:${d.claimId}`, d]));
  const settled = panel.index.claims().filter((c) => c.consensus.state === 'disagreement' || c.consensus.state === 'resolved');
  const adjudication: Adjudication[] = [...settled.filter((c) => c.consensus.state === 'disagreement'), ...settled.filter((c) => c.consensus.state === 'resolved')]
    .map((c) => {
      const d = firstOf.get(`${c.docSha}:${c.claimId}`) as Decision;
      const p = panel.of(c.docSha, c.claimId);
      return {
        label: labelOf(d), claimText: d.claimText, docPath: d.docPath, docSha: c.docSha, claimId: c.claimId,
        consensus: c.consensus.state, consensusText: p.cell, why: c.consensus.why, members: p.members, resolution: p.chair,
      };
    });
  return {
    reviewers,
    overall: measure(complete, 'overall'),
    nominees: [...groups.entries()].map(([label, g]) => measure(g, label)),
    disagreements,
    rule: panel.rule,
    panel: panel.members,
    consensus: panel.counts(),
    adjudication,
  };
}
