/**
 * A review panel as tables and reports show it: the consensus rule the panel chose (kept in its
 * store), its members, and for each claim one cell per member (status and note), the consensus
 * and the chair's resolution.
 *
 * The rule is a store setting (`consensus`: unanimous or majority, unanimous when never set); a
 * command may override it for one run. A merge never changes the rule of an existing output; a
 * new output takes the rule its inputs share, and the default (unanimous) when they differ.
 */
import { ShijiError } from '../errors.js';
import type { Decision, ReviewStore, Status } from './store.js';
import { CONSENSUS_RULES, consensusIndex, showConsensus, type Consensus, type ConsensusIndex, type ConsensusRule, type ConsensusState } from './consensus.js';

export const RULE_SETTING = 'consensus';
export const DEFAULT_RULE: ConsensusRule = 'unanimous';

/** A rule by name; anything else is a usage error naming the rules. */
export function parseRule(value: string, where = '--consensus'): ConsensusRule {
  if ((CONSENSUS_RULES as readonly string[]).includes(value)) return value as ConsensusRule;
  throw new ShijiError('usage', `${where} takes ${CONSENSUS_RULES.join(' or ')} (not "${value}")`);
}

/** The rule a store keeps (the default when it keeps none). */
export function storedRule(store: Pick<ReviewStore, 'setting' | 'path'>): ConsensusRule {
  const v = store.setting(RULE_SETTING);
  if (v === null) return DEFAULT_RULE;
  if (!(CONSENSUS_RULES as readonly string[]).includes(v)) throw new ShijiError('unsupported', `the stored consensus rule "${v}" is not one this shiji knows (${CONSENSUS_RULES.join(', ')})`, store.path);
  return v as ConsensusRule;
}

/** The rule for one run: the override when given, else the store's. */
export function panelRule(store: Pick<ReviewStore, 'setting' | 'path'>, override?: string): ConsensusRule {
  return override === undefined ? storedRule(store) : parseRule(override);
}

/**
 * What a merge does with the rule: an existing output keeps its own; a new one takes the rule
 * every input has, or the default when they differ. `note` says so when an input's rule is not
 * the output's.
 */
export function mergedRule(inputs: ReadonlyArray<Pick<ReviewStore, 'setting' | 'path'>>, existing: Pick<ReviewStore, 'setting' | 'path'> | null): { rule: ConsensusRule; note: string | null } {
  const rules = inputs.map((s) => ({ path: s.path, rule: storedRule(s) }));
  const distinct = [...new Set(rules.map((r) => r.rule))];
  const rule = existing ? storedRule(existing) : distinct.length === 1 ? (distinct[0] as ConsensusRule) : DEFAULT_RULE;
  const others = rules.filter((r) => r.rule !== rule);
  if (others.length === 0) return { rule, note: null };
  const why = existing ? 'the output keeps its own' : 'the inputs differ, so the output takes the default';
  return { rule, note: `consensus rule ${rule}: ${why} (${others.map((r) => `${r.path} has ${r.rule}`).join(', ')}); change it with shiji panel --consensus` };
}

export interface MemberCell {
  readonly reviewer: string;
  readonly status: Status;
  readonly note: string;
}

export interface PanelClaim {
  /** one per panel member, in panel order (`unreviewed` and no note when the member has not decided) */
  readonly members: readonly MemberCell[];
  readonly consensus: Consensus;
  /** the consensus as one cell (showConsensus) */
  readonly cell: string;
  /** the chair's resolution in force */
  readonly chair: MemberCell | null;
}

export interface PanelColumn {
  readonly key: string;
  readonly header: string;
}

export interface PanelView {
  readonly rule: ConsensusRule;
  readonly members: readonly string[];
  /** everyone who has recorded a chair's resolution */
  readonly chairs: readonly string[];
  readonly index: ConsensusIndex;
  of(docSha: string, claimId: string): PanelClaim;
  /** the columns a claims table adds: each member's status and note, the consensus, the chair's resolution */
  readonly columns: readonly PanelColumn[];
  /** the cells of those columns for one claim, by column key */
  cells(docSha: string, claimId: string): Record<string, string>;
  /** how many claims with any decision are in each consensus state */
  counts(): Record<ConsensusState, number>;
}

/** The panel view of a store's latest decisions (`ReviewStore.latest()`, both roles). */
export function panelView(latest: readonly Decision[], opts: { readonly rule?: ConsensusRule; readonly panel?: readonly string[] } = {}): PanelView {
  const index = consensusIndex(latest, opts);
  const members = index.panel;
  const chairs = [...new Set(latest.filter((d) => d.role === 'chair').map((d) => d.reviewer))].sort();
  const of = (docSha: string, claimId: string): PanelClaim => {
    const consensus = index.of(docSha, claimId);
    const cells = members.map((reviewer): MemberCell => {
      const d = consensus.members.find((m) => m.reviewer === reviewer);
      return { reviewer, status: d?.status ?? 'unreviewed', note: d?.note ?? '' };
    });
    const c = consensus.chair;
    return { members: cells, consensus, cell: showConsensus(consensus), chair: c ? { reviewer: c.reviewer, status: c.status, note: c.note } : null };
  };
  const columns: PanelColumn[] = [
    ...members.flatMap((m) => [{ key: `member_${m}`, header: m }, { key: `member_${m}_note`, header: `${m} note` }]),
    { key: 'consensus', header: `consensus (${index.rule})` },
    { key: 'chair', header: 'chair' },
    { key: 'chair_note', header: 'chair note' },
  ];
  const cells = (docSha: string, claimId: string): Record<string, string> => {
    const p = of(docSha, claimId);
    const out: Record<string, string> = {};
    for (const m of p.members) { out[`member_${m.reviewer}`] = m.status; out[`member_${m.reviewer}_note`] = m.note; }
    out['consensus'] = p.cell;
    out['chair'] = p.chair ? `${p.chair.reviewer}: ${p.chair.status}` : '';
    out['chair_note'] = p.chair?.note ?? '';
    return out;
  };
  const counts = (): Record<ConsensusState, number> => {
    const n: Record<ConsensusState, number> = { agreed: 0, resolved: 0, disagreement: 0, pending: 0, unreviewed: 0 };
    for (const c of index.claims()) n[c.consensus.state]++;
    return n;
  };
  return { rule: index.rule, members, chairs, index, of, columns, cells, counts };
}

/**
 * The panel view of a store under its rule (or the override, for one run): what an export or a
 * report calls once, before adding `view.columns` with `view.cells(docSha, claimId)` per claim.
 */
export function storePanel(store: Pick<ReviewStore, 'setting' | 'path' | 'latest'>, override?: string): PanelView {
  return panelView(store.latest(), { rule: panelRule(store, override) });
}
