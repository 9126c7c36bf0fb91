/**
 * What every check module shares: the claim fields a check reads, the finding it reports, and
 * the one interface all of them have, `(claims, text) => Check[]`.
 */
import { createHash } from 'node:crypto';
import type { Check, CheckKind, Claim } from '../types.js';

export type { Check, CheckKind };

/** What the checks read of a claim. */
export type CheckClaim = Pick<Claim, 'id' | 'nominee' | 'start' | 'end' | 'text' | 'value' | 'from' | 'approx' | 'unit' | 'category'
  | 'direction' | 'period' | 'rate' | 'baseline' | 'sentence' | 'paragraph' | 'rules'> & Partial<Pick<Claim, 'low' | 'high' | 'fromSpan'>>;

/**
 * A check module: the claims of one document in text order and the decoded text they point
 * into; returns its findings. A module never fires on arithmetic that some reading of the
 * text (approximations, rounding) makes work.
 */
export type Checker = (claims: readonly CheckClaim[], text: string) => Check[];

/** A finding over `claims`; its id is a hash of the kind and the claim ids (claim ids already name the document). */
export function finding(kind: CheckKind, claims: readonly CheckClaim[], message: string, stated: number | null, computed: number | null): Check {
  const ids = claims.map((c) => c.id);
  const id = createHash('sha256').update(`${kind}:${ids.join(',')}`).digest('hex').slice(0, 16);
  return { id, kind, claims: ids, nominee: claims[0]?.nominee ?? null, message, stated, computed };
}
