/**
 * growth_rate: a change of a count and its stated rate against the baseline the count implies.
 * 受理156件，同比增加21件，增幅15.6% (base 135); 到市上访96批次，同比减少12批次，下降30% (base 108);
 * also with the rate first: 到市上访96批次，同比下降30%，减少12批次.
 */
import { add, claimInterval, div, fmt, meets, mid, scale, statedInterval, sub, type Interval } from './interval.js';
import { paragraphs, reading, sameSentence } from './text.js';
import { finding, type Check, type CheckClaim, type Checker } from './types.js';

/** A change of a count, stated with its verb (同比减少12批次), not a from->to. */
const isCountChange = (p: CheckClaim): boolean => p.direction !== null && p.from === null && p.unit !== '%' && p.rules.includes('direction:verb');

/** How many figures before a rate are read as its count and level. */
const LOOK_BACK = 16;

export const checkGrowthRate: Checker = (claims, text) => {
  const read = reading(text);
  const out: Check[] = [];
  const check = (total: CheckClaim, inc: CheckClaim, c: CheckClaim, others: readonly CheckClaim[] = []): void => {
    const up = inc.direction === 'up';
    const stated = statedInterval(c, read);
    const baseOf = (now: CheckClaim): Interval => (up ? sub(claimInterval(now), claimInterval(inc)) : add(claimInterval(now), claimInterval(inc)));
    const rateOn = (base: Interval): Interval => scale(div(claimInterval(inc), base), 100);
    const base = baseOf(total);
    if (base[0] <= 0) return;
    const rate = rateOn(base);
    if (meets(rate, stated)) return;
    // 全年来访2,100人次，较上年的2,500人次减少400人次: a figure of the sentence may be the earlier value itself
    if ([total, ...others].some((q) => (q.value > 0 && meets(rateOn(claimInterval(q)), stated)) || (baseOf(q)[0] > 0 && meets(rateOn(baseOf(q)), stated)))) return;
    const computed = mid(rate);
    out.push(finding('growth_rate', [total, inc, c], `stated ${up ? '增幅' : '降幅'}${fmt(c.value)}%, but ${up ? '+' : '−'}${fmt(inc.value)} on a baseline of ${fmt(mid(base))} (${fmt(total.value)} ${up ? '−' : '+'} ${fmt(inc.value)}) is ${fmt(computed)}%`, c.value, computed));
  };
  /** Whether the change x of level l gives the stated rate of c. */
  const rateMeets = (l: CheckClaim, x: CheckClaim, c: CheckClaim): boolean => {
    const base = x.direction === 'up' ? sub(claimInterval(l), claimInterval(x)) : add(claimInterval(l), claimInterval(x));
    return base[0] > 0 && meets(scale(div(claimInterval(x), base), 100), statedInterval(c, read));
  };
  for (const para of paragraphs(claims)) {
    for (let k = 0; k < para.length; k++) {
      const c = para[k] as CheckClaim;
      if (!(c.category === 'percent_change' && c.unit === '%')) continue;
      // the count's change, then its rate
      const inc = para[k - 1];
      if (k >= 2 && inc && sameSentence(inc, c) && isCountChange(inc)) {
        // the figures just before it in its sentence (a bounded look back: a sentence without stops may hold thousands)
        const same = [...para.slice(Math.max(0, k - 1 - LOOK_BACK), k - 1)].reverse().filter((p) => sameSentence(p, c) && p.unit === inc.unit && p.from === null);
        const total = same.find((p) => p.direction === null);
        // 接待1,020批次，同比减少180批次，其中进京访同比减少6批次，赴省访同比减少20批次，下降15%:
        // the rate may be of another change of the sentence
        const changes = same.filter(isCountChange);
        const levels = same.filter((p) => p.direction === null);
        if (total && !changes.some((x) => levels.some((l) => l.start < x.start && rateMeets(l, x, c)))) check(total, inc, c, levels.filter((p) => p !== total));
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
