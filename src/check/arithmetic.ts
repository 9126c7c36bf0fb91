/**
 * Arithmetic and consistency checks over a document's claims. Every figure is read as an
 * interval that honours its approximation (10000人次以上 is at least 10000, 300余件 is 300…400)
 * and the rounding of stated percentages (96.5% means 96.4..96.6), so a check fires only when no
 * reading of the text makes the arithmetic work. Checks never fire on correct arithmetic; that
 * is the design rule. Each kind is one module with the interface `(claims, text) => Check[]`;
 * this module runs them all in a fixed order.
 */
import type { Checker, CheckClaim, CheckKind, Check } from './types.js';
import { checkPercentChange } from './percent-change.js';
import { checkGrowthRate } from './growth-rate.js';
import { checkRatio, checkShare } from './ratio.js';
import { checkPartsTotal, checkPartsUnderQizhong } from './parts-total.js';
import { checkPartChange } from './part-change.js';
import { checkRateTotal } from './rate-total.js';
import { checkDuplicate } from './duplicate.js';

export type { Check, CheckClaim, CheckKind, Checker } from './types.js';
export { intervalOf, claimInterval } from './interval.js';
export { yearsOf } from './rate-total.js';

/** Every check module, in the order their findings are reported. */
export const CHECKERS: ReadonlyArray<{ readonly kind: CheckKind; readonly check: Checker }> = [
  { kind: 'percent_change', check: checkPercentChange },
  { kind: 'growth_rate', check: checkGrowthRate },
  { kind: 'ratio', check: checkRatio },
  { kind: 'ratio', check: checkShare },
  { kind: 'parts_total', check: checkPartsTotal },
  { kind: 'parts_total', check: checkPartsUnderQizhong },
  { kind: 'part_change', check: checkPartChange },
  { kind: 'rate_total', check: checkRateTotal },
  { kind: 'duplicate', check: checkDuplicate },
];

export interface CheckOptions { readonly idOf?: (kind: CheckKind, claimIds: readonly string[]) => string }

/** Runs every module; findings naming the same claims for the same kind are reported once. */
export function checkClaims(text: string, claims: readonly CheckClaim[], opts: CheckOptions = {}): Check[] {
  const out: Check[] = [];
  const seen = new Set<string>();
  for (const { check } of CHECKERS) {
    for (const f of check(claims, text)) {
      const key = `${f.kind}:${f.claims.join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(opts.idOf ? { ...f, id: opts.idOf(f.kind, f.claims) } : f);
    }
  }
  return out;
}
