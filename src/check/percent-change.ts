/**
 * percent_change: a stated change against the two values it compares.
 *  - a from->to change just before it: 由95件减少到55件，下降42%; 由每月300余件增加到八百多件，增长了约60%
 *    (the earlier value keeps its own hedge: 300余 is 300…400);
 *  - counts now and at a named baseline: 今年3批5人次，与去年同期1批2人次相比上升…%.
 */
import { claimInterval, div, fmt, fromInterval, meets, mid, range, scale, signed, statedInterval, sub, type Interval } from './interval.js';
import { paragraphs, reading, sameSentence } from './text.js';
import { finding, type Check, type CheckClaim, type Checker } from './types.js';

/** Between the figure now and the figure it is compared with: ，比去年同期的 / ，较上年的 / ，与上年同期的 */
const COMPARED_WITH = /^[，,、]?(?:比|较|与|和|同)(?:去年|上年|上一年|前一年|前年|往年|\d{4}年|[〇零一二三四五六七八九]{4}年)(?:同期|全年|度)?(?:的)?$/;
/** Between the figure compared with and the stated change: 下降 / 相比下降了 / 减少 */
const CHANGE_WORD = /^(?:相比|相较)?[，,]?(?:下降|减少|降低|回落|上升|增长|增加|提高|提升|上涨)了?$/;

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
      // (i') the rate first: 全年来访同比下降12.5%，由上年的1,600批次减少到1,400批次
      const after = para[k + 1];
      if (!change && after && after.from !== null && after.unit !== '%' && sameSentence(after, c) && /^[，,]?(?:由|从)[^，,。；;！？]{0,8}$/.test(read.slice(c.end, after.start))) {
        const from = after.fromSpan ? fromInterval(after.from, read.slice(after.fromSpan.start, after.fromSpan.end)) : [after.from, after.from] as Interval;
        if (from[0] > 0) {
          const delta = scale(div(sub(claimInterval(after), from), from), 100);
          if (!meets(magnitudeOf(delta), stated)) {
            const computed = mid(delta);
            const what = Math.abs(delta[1] - delta[0]) < 1e-9 ? signed(computed) : `${signed(delta[0])}…${signed(delta[1])}`;
            out.push(finding('percent_change', [c, after], `stated ${word}${fmt(c.value)}%, but ${fmt(after.from)} -> ${fmt(after.value)} is ${what}`, c.value, computed));
          }
        }
        continue;
      }
      // (iii) 全年受理860件，比去年同期的1,020件下降25%: the figure now, the figure compared with, the change
      const base = para[k - 1];
      const now = para[k - 2];
      if (base && now && sameSentence(base, c) && sameSentence(now, c) && base.unit === now.unit && base.from === null && now.from === null
        && base.direction === null && now.direction === null && base.rate === null && now.rate === null
        && COMPARED_WITH.test(read.slice(now.end, base.start)) && CHANGE_WORD.test(read.slice(base.end, c.start)) && base.value > 0) {
        const delta = scale(div(sub(claimInterval(now), claimInterval(base)), claimInterval(base)), 100);
        if (!meets(magnitudeOf(delta), stated)) {
          const computed = mid(delta);
          out.push(finding('percent_change', [base, now, c], `stated ${word}${fmt(c.value)}%, but ${fmt(base.value)} -> ${fmt(now.value)}${base.unit} is ${Math.abs(delta[1] - delta[0]) < 1e-9 ? signed(computed) : range(delta, true)}`, c.value, computed));
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
