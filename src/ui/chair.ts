/**
 * Chair mode: the review model cut down to the claims the panel disagrees on under its consensus
 * rule (and those the chair has resolved, so that a resolution can be revised).
 */
import type { AnalysedDocument } from '../corpus.js';
import type { Decision } from '../review/store.js';
import { consensusIndex, type ConsensusRule, type ConsensusState } from '../review/consensus.js';
import { claimKey, type ChairInfo, type NomineeEntry, type ReviewModel } from './state.js';

/** The model of a chair's session: only claims in disagreement (or resolved by the chair), grouped by nominee as usual. */
export function chairModel(model: ReviewModel, latest: readonly Decision[], rule: ConsensusRule, name: string): ReviewModel {
  const all = consensusIndex(latest, { rule });
  // the members' own consensus, without any resolution: what the chair is asked to settle
  const members = consensusIndex(latest.filter((d) => d.role !== 'chair'), { rule, panel: all.panel });
  const why: Record<string, string> = {};
  const counts: Record<ConsensusState, number> = { agreed: 0, resolved: 0, disagreement: 0, pending: 0, unreviewed: 0 };
  const nominees: NomineeEntry[] = [];
  for (const n of model.nominees) {
    const sha = (model.docs[n.doc] as AnalysedDocument).result.sha256;
    const claims = n.claims.filter((c) => {
      const own = members.of(sha, c.id);
      counts[own.state]++;
      const shown = own.state === 'disagreement' || all.of(sha, c.id).state === 'resolved';
      if (shown) why[claimKey(sha, c.id)] = own.why;
      return shown;
    });
    if (claims.length > 0) nominees.push({ ...n, claims });
  }
  return { docs: model.docs, nominees, chair: { name, rule, panel: all.panel, why, counts } };
}

/** What a chair is told when no claim needs a resolution. */
export function nothingToAdjudicate(info: ChairInfo): string {
  const c = info.counts;
  const members = info.panel.length === 0 ? 'no panel member has decided any claim yet' : `panel ${info.panel.join(', ')}: ${c.agreed} agreed, ${c.pending} pending, ${c.unreviewed} not yet decided`;
  return `nothing to adjudicate: no claim is in disagreement under the ${info.rule} rule (${members})`;
}
