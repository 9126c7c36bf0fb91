/**
 * percent_change: a stated change against the two values it compares.
 *  - a from->to change just before it: 由95件减少到55件，下降42%; 由每月300余件增加到八百多件，增长了约60%
 *    (the earlier value keeps its own hedge: 300余 is 300…400);
 *  - counts now and at a named baseline: 今年3批5人次，与去年同期1批2人次相比上升…%.
 */
import { claimInterval, div, fmt, fromInterval, meets, mid, range, scale, signed, statedInterval, sub, type Interval } from './interval.js';
import { paragraphs, reading, sameSentence } from './text.js';
import { finding, type Check, type CheckClaim, type Checker } from './types.js';

export const checkPercentChange: Checker = (claims, text) => {
  const read = reading(text);
  const out: Check[] = [];
  for (const para of paragraphs(claims)) {
    for (let k = 0; k < para.length; k++) {
      const c = para[k] as CheckClaim;
      if (!(c.category === 'percent_change' && c.unit === '%' && c.direction)) continue;
      const stated = statedInterval(c, read);
      const sign = c.direction === 'down' ? -1 : 1;
      const word = c.direction === 'down' ? '下降' : '上升';
      const magnitudeOf = (change: Interval): Interval => (sign < 0 ? [-change[1], -change[0]] : change);

      // (i) a from->to change just before it, in the same clause group
      const change = [...para.slice(0, k)].reverse().find((p) => p.from !== null && p.unit !== '%' && (sameSentence(p, c) || p.sentence.end <= c.sentence.start));
      const between = change ? para.slice(para.indexOf(change) + 1, k) : [];
      if (change && change.from !== null && between.length === 0 && !/[；;]/.test(read.slice(change.end, c.start))) {
        if (sameSentence(change, c) || read.slice(change.sentence.end, c.sentence.start).length <= 2) {
          const from = change.fromSpan ? fromInterval(change.from, read.slice(change.fromSpan.start, change.fromSpan.end)) : [change.from, change.from] as Interval;
          if (from[0] > 0) {
            const delta = scale(div(sub(claimInterval(change), from), from), 100);
            if (!meets(magnitudeOf(delta), stated)) {
              const computed = mid(delta);
              const exact = Math.abs(delta[1] - delta[0]) < 1e-9;
              const what = exact ? signed(computed) : `${signed(delta[0])}…${signed(delta[1])}`;
              out.push(finding('percent_change', [change, c], `stated ${word}${fmt(c.value)}%, but ${fmt(change.from)} -> ${fmt(change.value)} is ${what}`, c.value, computed));
            }
          }
        }
        continue;
      }
      // (ii) 今年3批5人次，与去年同期1批2人次相比上升…%: every unit compared must miss
      if (c.baseline && /^与|^和|^同/.test(c.baseline)) {
        const bStart = read.lastIndexOf(c.baseline.slice(0, 2), c.start);
        const inBase = para.filter((p) => sameSentence(p, c) && p.start >= bStart && p.end <= c.start);
        let anyMeets = false;
        let first: Check | null = null;
        for (const b of inBase) {
          const now = [...para.slice(0, k)].reverse().find((p) => sameSentence(p, c) && p.unit === b.unit && p.end <= bStart);
          if (!now || b.value <= 0) continue;
          const delta = scale(div(sub(claimInterval(now), claimInterval(b)), claimInterval(b)), 100);
          if (meets(magnitudeOf(delta), stated)) anyMeets = true;
          else if (!first) {
            const computed = mid(delta);
            first = finding('percent_change', [b, now, c], `stated ${word}${fmt(c.value)}%, but ${fmt(b.value)} -> ${fmt(now.value)}${b.unit} is ${Math.abs(delta[1] - delta[0]) < 1e-9 ? signed(computed) : range(delta, true)}`, c.value, computed);
          }
        }
        if (!anyMeets && first) out.push(first);
      }
    }
  }
  return out;
};
