/**
 * Finds quantitative claims in the normalized view, stage by stage, each in its module:
 * find (where a numeral starts) -> parse (value, scale, hedges, unit) -> reject (negatives, each a
 * named rule) -> classify (category, direction, baseline) -> scope (period, rate; from->to over a
 * paragraph) -> role (achievement or context). Every decision leaves a rule id in `rules`, so a
 * reviewer or a test can see why a claim is what it is. All offsets are view offsets.
 */
import type { Dictionaries } from '../dictionaries.js';
import type { ViewClaim } from './view-claim.js';
import type { Range } from '../structure/document.js';
import { ParagraphContext, lexicon, round } from './context.js';
import { numeralAt } from './find.js';
import { readNumeral } from './parse.js';
import { rejection } from './reject.js';
import { classify } from './classify.js';
import { scopeAt, scopeParagraph } from './scope.js';
import { assignRoles } from './roles.js';

export { findPeriods, CONTEXT_LIMIT, type PeriodMark } from './context.js';

export { CATEGORIES, type Category, type ViewClaim } from './view-claim.js';

export interface ExtractOptions {
  readonly dicts: Dictionaries;
}

/** Extracts claims from the given paragraphs (view ranges), in text order. */
export function extractClaims(text: string, paragraphs: readonly Range[], opts: ExtractOptions): ViewClaim[] {
  const lx = lexicon(opts.dicts);
  const out: ViewClaim[] = [];
  for (const p of paragraphs) {
    const ctx = new ParagraphContext(text, p, lx);
    const found: ViewClaim[] = [];
    let i = p.start;
    while (i < p.end) {
      const num = numeralAt(text, i, p);
      if (!num) { i++; continue; }
      const claim = claimOf(text, num, ctx, lx);
      if (claim) { found.push(claim); i = claim.end; } else i = num.end;
    }
    scopeParagraph(text, found, lx);
    assignRoles(text, found, p, lx.d.roles);
    out.push(...found);
  }
  return out;
}

/** One numeral through parse, reject, classify and scope; null when it is no claim. */
function claimOf(text: string, num: NonNullable<ReturnType<typeof numeralAt>>, ctx: ParagraphContext, lx: ReturnType<typeof lexicon>): ViewClaim | null {
  const r = readNumeral(text, num, ctx, lx);
  if (!r || rejection(text, r, ctx, lx) !== null) return null;
  const kind = classify(text, r, ctx, lx);
  if (!kind) return null;
  const { period, rate } = scopeAt(text, r.start, ctx, lx);
  const scale = (x: number): number => round(x * (r.value / num.value || 1));
  return {
    start: r.start,
    end: r.pos,
    value: round(r.rangeLow ?? r.value),
    from: null,
    fromRange: null,
    approx: r.approx,
    unit: r.unit.kind === 'money' ? '元' : r.unit.unit,
    unitWritten: r.unitWritten,
    category: kind.category,
    direction: kind.direction,
    baseline: kind.baseline,
    period,
    rate,
    low: r.rangeLow !== null ? round(r.rangeLow) : num.low === undefined ? null : scale(num.low),
    high: r.rangeLow !== null ? round(r.value) : num.high === undefined ? null : scale(num.high),
    numberRange: { start: num.start, end: num.end },
    rules: r.rules,
    role: 'achievement',
    roleRule: 'role:achievement',
  };
}
