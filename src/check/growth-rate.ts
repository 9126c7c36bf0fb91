/**
 * growth_rate: a change of a count and its stated rate against the baseline the count implies.
 * 受理156件，同比增加21件，增幅15.6% (base 135); 到市上访96批次，同比减少12批次，下降30% (base 108);
 * also with the rate first: 到市上访96批次，同比下降30%，减少12批次.
 */
import { add, claimInterval, div, fmt, meets, mid, scale, statedInterval, sub } from './interval.js';
import { paragraphs, reading, sameSentence } from './text.js';
import { finding, type Check, type CheckClaim, type Checker } from './types.js';

/** A change of a count, stated with its verb (同比减少12批次), not a from->to. */
const isCountChange = (p: CheckClaim): boolean => p.direction !== null && p.from === null && p.unit !== '%' && p.rules.includes('direction:verb');

export const checkGrowthRate: Checker = (claims, text) => {
  const read = reading(text);
  const out: Check[] = [];
  const check = (total: CheckClaim, inc: CheckClaim, c: CheckClaim): void => {
    const up = inc.direction === 'up';
    const base = up ? sub(claimInterval(total), claimInterval(inc)) : add(claimInterval(total), claimInterval(inc));
    if (base[0] <= 0) return;
    const rate = scale(div(claimInterval(inc), base), 100);
    if (meets(rate, statedInterval(c, read))) return;
    const computed = mid(rate);
    out.push(finding('growth_rate', [total, inc, c], `stated ${up ? '增幅' : '降幅'}${fmt(c.value)}%, but ${up ? '+' : '−'}${fmt(inc.value)} on a baseline of ${fmt(mid(base))} (${fmt(total.value)} ${up ? '−' : '+'} ${fmt(inc.value)}) is ${fmt(computed)}%`, c.value, computed));
  };
  for (const para of paragraphs(claims)) {
    for (let k = 0; k < para.length; k++) {
      const c = para[k] as CheckClaim;
      if (!(c.category === 'percent_change' && c.unit === '%')) continue;
      // the count's change, then its rate
      const inc = para[k - 1];
      if (k >= 2 && inc && sameSentence(inc, c) && isCountChange(inc)) {
        const total = [...para.slice(0, k - 1)].reverse().find((p) => sameSentence(p, c) && p.unit === inc.unit && p.from === null);
        if (total) check(total, inc, c);
        continue;
      }
      // the rate, then the count's change, right after the count
      const next = para[k + 1];
      const total = para[k - 1];
      if (c.direction && next && total && sameSentence(next, c) && sameSentence(total, c) && isCountChange(next) && next.direction === c.direction
        && total.unit === next.unit && total.from === null && total.direction === null
        && /^[，,、]?(?:共|了)?(?:减少|下降|降低|增加|增长|上升|提高)?了?$/.test(read.slice(c.end, next.start))) {
        check(total, next, c);
      }
    }
  }
  return out;
};
