/**
 * growth_rate: a change of a count and its stated rate against the baseline the count implies.
 * 受理156件，同比增加21件，增幅15.6% (base 135); 到市上访96批次，同比减少12批次，下降30% (base 108).
 */
import { add, claimInterval, div, fmt, meets, mid, scale, statedInterval, sub } from './interval.js';
import { paragraphs, reading, sameSentence } from './text.js';
import { finding, type Check, type CheckClaim, type Checker } from './types.js';

export const checkGrowthRate: Checker = (claims, text) => {
  const read = reading(text);
  const out: Check[] = [];
  for (const para of paragraphs(claims)) {
    for (let k = 2; k < para.length; k++) {
      const c = para[k] as CheckClaim;
      if (!(c.category === 'percent_change' && c.unit === '%')) continue;
      const inc = para[k - 1] as CheckClaim;
      if (!(sameSentence(inc, c) && inc.direction && inc.from === null && inc.unit !== '%' && inc.rules.includes('direction:verb'))) continue;
      const total = [...para.slice(0, k - 1)].reverse().find((p) => sameSentence(p, c) && p.unit === inc.unit && p.from === null);
      if (!total) continue;
      const base = inc.direction === 'up' ? sub(claimInterval(total), claimInterval(inc)) : add(claimInterval(total), claimInterval(inc));
      if (base[0] <= 0) continue;
      const rate = scale(div(claimInterval(inc), base), 100);
      if (meets(rate, statedInterval(c, read))) continue;
      const computed = mid(rate);
      const up = inc.direction === 'up';
      out.push(finding('growth_rate', [total, inc, c], `stated ${up ? '增幅' : '降幅'}${fmt(c.value)}%, but ${up ? '+' : '−'}${fmt(inc.value)} on a baseline of ${fmt(mid(base))} (${fmt(total.value)} ${up ? '−' : '+'} ${fmt(inc.value)}) is ${fmt(computed)}%`, c.value, computed));
    }
  }
  return out;
};
