/**
 * Scope: the time scope a claim falls under (2014年以来, 近五年来), the rate it is stated at (每年,
 * 平均每天), and, over a paragraph's claims, the from→to changes (从每月590元提升至740元), a
 * trailing hedge shared by juxtaposed figures (700批次10000人次以上) and parts named with 其中.
 */
import type { RateUnit } from '../dictionaries.js';
import type { ViewClaim } from './view-claim.js';
import { CONTEXT_LIMIT, SENTENCE_STOP, clauseStart, type Lexicon, type ParagraphContext, type PeriodMark } from './context.js';

export interface Scope {
  readonly period: PeriodMark | null;
  readonly rate: { readonly unit: RateUnit; readonly text: string } | null;
}

/** The period and rate of a claim that starts at `start`. */
export function scopeAt(text: string, start: number, ctx: ParagraphContext, lx: Lexicon): Scope {
  const p = ctx.p;
  const period = [...ctx.periods].reverse().find((m) => m.end <= start) ?? null;
  let ss = start;
  while (ss > p.start && start - ss < CONTEXT_LIMIT && !SENTENCE_STOP[text.charCodeAt(ss - 1)]) ss--;
  const sentenceBefore = text.slice(ss, start);
  // the rate marker nearest the claim; of markers ending at the same place, the longest (平均每天 over 每天)
  const rateMark = lx.rates.map((r) => ({ r, at: sentenceBefore.lastIndexOf(r.marker) }))
    .filter((x) => x.at >= 0 && !/(累计|共计|总计|合计)/.test(sentenceBefore.slice(x.at))
      && !(x.r.unit === 'week' && /^[一二三四五六日天]/.test(sentenceBefore.slice(x.at + x.r.marker.length))) // 每周一: a weekday
      // a time scope between the rate and the claim ends the rate (每周三接访，三年来接待900多人次)
      && !ctx.periods.some((m) => m.start >= ss + x.at + x.r.marker.length && m.end <= start))
    .sort((a, b) => (b.at + b.r.marker.length) - (a.at + a.r.marker.length) || b.r.marker.length - a.r.marker.length)[0];
  return {
    period: period ? { text: period.text, start: period.start, end: period.end } : null,
    rate: rateMark ? { unit: rateMark.r.unit, text: rateMark.r.marker } : null,
  };
}

/** The paragraph-level passes over its claims, in text order. */
export function scopeParagraph(text: string, claims: ViewClaim[], lx: Lexicon): void {
  linkChanges(text, claims, lx);
  propagateTrailingHedges(text, claims);
  inheritUnderQizhong(text, claims);
}

/** 从每月590元提升至740元: one claim, value 740, from 590; 又调至990元 chains from 740. */
function linkChanges(text: string, claims: ViewClaim[], lx: Lexicon): void {
  const changeTo = [...lx.d.categories.change_to].sort((a, b) => b.length - a.length);
  let lastChange: ViewClaim | null = null;
  for (let k = 0; k < claims.length; k++) {
    const b = claims[k] as ViewClaim;
    const a = claims[k - 1];
    const gapVerb = (from: number): string | undefined => {
      // 提高到2021年的95.5%: a date may stand between the verb and the new value
      // 提高到2021年的95.5%, 增加到了75万元: a date or a 了 may stand between the verb and the new value
      const gap = text.slice(from, b.start).replace(/^[又再再次将]+/, '').replace(/(?:(?:19|20)\d{2}年(?:底|末)?|\d{1,2}月)+的?$/, '').replace(/了$/, '');
      return changeTo.find((v) => gap === v || gap.endsWith(v) && gap.length <= v.length + 1);
    };
    if (a && a.unit === b.unit && (a.category === b.category || a.unit === '%')) {
      const verb = gapVerb(a.end);
      const lead = text.slice(clauseStart(text, a.start, 0), a.start);
      if (verb && /[从由]/.test(lead)) {
        b.from = a.value;
        b.fromRange = { start: a.start, end: a.end };
        b.start = a.start;
        b.direction = b.value >= a.value ? 'up' : 'down';
        b.rate ??= a.rate;
        if (b.unit === '%') { b.category = 'share'; b.baseline = null; } // a level that moved, not a stated change
        b.rules.push(`change:${verb}`);
        claims.splice(k - 1, 1);
        k--;
        lastChange = b;
        continue;
      }
    }
    if (lastChange && lastChange.unit === b.unit) {
      const lead = text.slice(Math.max(0, b.start - 6), b.start);
      const verb = changeTo.find((v) => lead.endsWith(v));
      if (verb && /又|再|后|随后|进而/.test(text.slice(lastChange.end, b.start))) {
        b.from = lastChange.value;
        b.direction = b.value >= lastChange.value ? 'up' : 'down';
        b.rules.push(`change:chained:${verb}`);
        lastChange = b;
      }
    }
  }
}

/** 每年接待群众700批次10000人次以上: the trailing 以上 covers both juxtaposed figures. */
function propagateTrailingHedges(text: string, claims: ViewClaim[]): void {
  for (let k = claims.length - 2; k >= 0; k--) {
    const a = claims[k] as ViewClaim;
    const b = claims[k + 1] as ViewClaim;
    if (a.end === b.start && a.approx === 'exact' && b.approx !== 'exact' && b.rules.some((r) => r.startsWith('hedge:after-unit'))) {
      a.approx = b.approx;
      a.rules.push('hedge:shared-trailing');
    }
  }
  void text;
}

/** 化解信访积案136件，其中10年以上的骨头案21件: a part named with 其中 counts like its whole. */
function inheritUnderQizhong(text: string, claims: ViewClaim[]): void {
  for (let k = 1; k < claims.length; k++) {
    const a = claims[k - 1] as ViewClaim;
    const b = claims[k] as ViewClaim;
    const between = text.slice(a.end, b.start);
    if (a.unit === b.unit && a.category !== b.category && /^[，,；;]其中/.test(between) && !/[。！？\n]/.test(between)) {
      b.category = a.category;
      b.rules.push('category:part-of-previous');
    }
  }
}

