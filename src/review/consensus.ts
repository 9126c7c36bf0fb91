/**
 * A panel's consensus on each claim, from every member's latest decision and the chair's.
 *
 * The rule is the panel's choice:
 * - `unanimous` (the default): a claim is agreed when every panel member has decided it and all
 *   gave the same status;
 * - `majority`: a claim is agreed when more than half of the panel members gave the same status.
 *
 * Under either rule a claim that any member marked `disputed` needs a resolution, and so does a
 * claim every member decided without reaching the rule. The chair's latest resolution (a
 * decision with role `chair`, not `unreviewed`) settles a claim whatever the members said; a
 * chair who takes a resolution back (undo to `unreviewed`) reopens it. A claim some members have
 * not decided yet, without a disagreement, is `pending`.
 *
 * The panel is every reviewer who made a member's decision anywhere in the store, unless the
 * caller names it: a member who has not decided a claim counts as not having decided it.
 */
import type { Decision, Status } from './store.js';

export type ConsensusRule = 'unanimous' | 'majority';
export const CONSENSUS_RULES: readonly ConsensusRule[] = ['unanimous', 'majority'];

/**
 * - agreed: the rule is met, `status` is the panel's;
 * - resolved: the chair settled it, `status` is the chair's;
 * - disagreement: needs the chair (a `disputed`, or every member decided and the rule is not met);
 * - pending: some members have not decided, and nothing needs the chair yet;
 * - unreviewed: no member has decided it.
 */
export type ConsensusState = 'agreed' | 'resolved' | 'disagreement' | 'pending' | 'unreviewed';

export interface Consensus {
  readonly state: ConsensusState;
  /** the final status when agreed or resolved, else 'unreviewed' */
  readonly status: Status;
  /** every panel member's latest decision on the claim that is not `unreviewed`, in panel order */
  readonly members: readonly Decision[];
  /** the chair's latest resolution, when there is one in force */
  readonly chair: Decision | null;
  /** why the claim needs a resolution, in words, when it does */
  readonly why: string;
}

export interface ConsensusOptions {
  readonly rule?: ConsensusRule;
  /** the panel members; by default every reviewer with a member's decision in `latest` */
  readonly panel?: readonly string[];
}

const key = (docSha: string, claimId: string): string => `${docSha}\u0000${claimId}`;

/** The consensus on one claim, from its latest decisions (members' and chair's) and the panel. */
export function consensusOf(decisions: readonly Decision[], panel: readonly string[], rule: ConsensusRule = 'unanimous'): Consensus {
  const members = panel
    .map((r) => decisions.find((d) => d.role !== 'chair' && d.reviewer === r))
    .filter((d): d is Decision => d !== undefined && d.status !== 'unreviewed');
  const chair = latestOf(decisions.filter((d) => d.role === 'chair' && d.status !== 'unreviewed'));
  // a chair's later `unreviewed` (an undo) takes the resolution back
  const chairAny = latestOf(decisions.filter((d) => d.role === 'chair'));
  if (chair && chairAny === chair) return { state: 'resolved', status: chair.status, members, chair, why: '' };
  if (members.length === 0) return { state: 'unreviewed', status: 'unreviewed', members, chair: null, why: '' };
  const counts = new Map<Status, number>();
  for (const d of members) counts.set(d.status, (counts.get(d.status) ?? 0) + 1);
  const disputed = counts.get('disputed') ?? 0;
  const all = members.length >= panel.length;
  if (disputed > 0) return { state: 'disagreement', status: 'unreviewed', members, chair: null, why: `${disputed} of ${panel.length} disputed` };
  const [top, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] as [Status, number];
  const spread = (): string => [...counts.entries()].map(([s, k]) => `${k} ${s.replace('_', ' ')}`).join(', ');
  if (rule === 'majority') {
    if (n * 2 > panel.length) return { state: 'agreed', status: top, members, chair: null, why: '' };
    // no status can still reach a majority with the members who have not decided
    const open = panel.length - members.length;
    if ((n + open) * 2 <= panel.length) return { state: 'disagreement', status: 'unreviewed', members, chair: null, why: `no majority (${spread()})` };
  } else {
    if (counts.size > 1) return { state: 'disagreement', status: 'unreviewed', members, chair: null, why: spread() };
    if (all) return { state: 'agreed', status: top, members, chair: null, why: '' };
  }
  return { state: 'pending', status: 'unreviewed', members, chair: null, why: '' };
}

/** The latest of some decisions of one claim: by time, then sequence, then uid (as the store orders them). */
export function latestOf(ds: readonly Decision[]): Decision | null {
  let best: Decision | null = null;
  for (const d of ds) {
    if (!best || d.at > best.at || (d.at === best.at && (d.seq > best.seq || (d.seq === best.seq && d.uid > best.uid)))) best = d;
  }
  return best;
}

export interface ConsensusIndex {
  readonly rule: ConsensusRule;
  readonly panel: readonly string[];
  /** the consensus on a claim (unreviewed when nobody decided it) */
  of(docSha: string, claimId: string): Consensus;
  /** every claim with any decision, in the store's order */
  claims(): ReadonlyArray<{ readonly docSha: string; readonly claimId: string; readonly consensus: Consensus }>;
  /** the claims that need the chair: state `disagreement` */
  disagreements(): ReadonlyArray<{ readonly docSha: string; readonly claimId: string; readonly consensus: Consensus }>;
}

/** The consensus on every claim of a store's latest decisions (`ReviewStore.latest()`, both roles). */
export function consensusIndex(latest: readonly Decision[], opts: ConsensusOptions = {}): ConsensusIndex {
  const rule = opts.rule ?? 'unanimous';
  const panel = opts.panel ?? [...new Set(latest.filter((d) => d.role !== 'chair').map((d) => d.reviewer))].sort();
  const by = new Map<string, Decision[]>();
  const order: Array<{ docSha: string; claimId: string }> = [];
  for (const d of latest) {
    const k = key(d.docSha, d.claimId);
    let list = by.get(k);
    if (!list) { list = []; by.set(k, list); order.push({ docSha: d.docSha, claimId: d.claimId }); }
    list.push(d);
  }
  const memo = new Map<string, Consensus>();
  const of = (docSha: string, claimId: string): Consensus => {
    const k = key(docSha, claimId);
    let c = memo.get(k);
    if (!c) { c = consensusOf(by.get(k) ?? [], panel, rule); memo.set(k, c); }
    return c;
  };
  const claims = () => order.map((o) => ({ ...o, consensus: of(o.docSha, o.claimId) }));
  return { rule, panel, of, claims, disagreements: () => claims().filter((c) => c.consensus.state === 'disagreement') };
}

/** A consensus as one cell of a table: the status when settled, else the state (and why). */
export function showConsensus(c: Consensus): string {
  switch (c.state) {
    case 'agreed': return c.status;
    case 'resolved': return `${c.status} (chair)`;
    case 'disagreement': return `disagreement: ${c.why}`;
    default: return c.state;
  }
}
