/**
 * growth_rate: a change of a count and its stated rate against the baseline the count implies.
 * 受理156件，同比增加21件，增幅15.6% (base 135); 到市上访96批次，同比减少12批次，下降30% (base 108);
 * also with the rate first: 到市上访96批次，同比下降30%，减少12批次.
 */
import { add, claimInterval, div, fmt, meets, mid, scale, statedInterval, sub, type Interval } from './interval.js';
import { loadCheckTables, sameFamily, type CheckTables } from './tables.js';
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
  const t = loadCheckTables();
  for (const para of paragraphs(claims)) {
    for (let k = 0; k < para.length; k++) {
      const c = para[k] as CheckClaim;
      if (!(c.category === 'percent_change' && c.unit === '%')) continue;
      // 同比减少5宗、人数减少86人次，分别下降29%和20%: the rates in the order of the changes
      const listed = respective(para, k, read, t);
      if (listed) {
        const wrong = listed.filter((x) => !rateMeets(x.level, x.change, x.rate));
        const w = wrong[0];
        if (w) out.push(finding('growth_rate', wrong.flatMap((x) => [x.level, x.change, x.rate]), wrong.map(respectiveMessage).join('; '), w.rate.value, mid(rateOf(w))));
        k += listed.length - 1;
        continue;
      }
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

interface Pair { readonly level: CheckClaim; readonly change: CheckClaim; readonly rate: CheckClaim }

const baseOfPair = (x: Pair): Interval => (x.change.direction === 'up' ? sub(claimInterval(x.level), claimInterval(x.change)) : add(claimInterval(x.level), claimInterval(x.change)));
const rateOf = (x: Pair): Interval => scale(div(claimInterval(x.change), baseOfPair(x)), 100);

function respectiveMessage(x: Pair): string {
  const up = x.change.direction === 'up';
  return `stated ${up ? '增幅' : '降幅'}${fmt(x.rate.value)}% for ${up ? '+' : '−'}${fmt(x.change.value)}${x.change.unit}, but on a baseline of ${fmt(mid(baseOfPair(x)))} (${fmt(x.level.value)}${x.level.unit} ${up ? '−' : '+'} ${fmt(x.change.value)}) it is ${fmt(mid(rateOf(x)))}%`;
}

/**
 * Rates listed together after as many changes (同比减少23宗166人次，分别下降35%和15%; 减少5宗、人数减少86人，
 * 下降29%和20%), each change with the level before it of its own unit: the pairs in order, or null
 * when the figures at `k` are not such a list.
 */
function respective(para: readonly CheckClaim[], k: number, read: string, t: CheckTables): Pair[] | null {
  const c = para[k] as CheckClaim;
  const rates = [c];
  for (let j = k + 1; j < para.length; j++) {
    const r = para[j] as CheckClaim;
    const prev = rates[rates.length - 1] as CheckClaim;
    if (r.unit !== '%' || r.category !== 'percent_change' || !sameSentence(r, c) || !/^[和、及与]$/.test(read.slice(prev.end, r.start))) break;
    rates.push(r);
  }
  if (rates.length < 2) return null;
  const changes: CheckClaim[] = [];
  for (let j = k - 1; j >= 0 && changes.length < rates.length; j--) {
    const p = para[j] as CheckClaim;
    if (!sameSentence(p, c) || !isCountChange(p) || p.direction !== c.direction && c.direction !== null) break;
    changes.unshift(p);
  }
  if (changes.length !== rates.length) return null;
  const first = changes[0] as CheckClaim;
  // not a figure inside a parenthesis before the changes (来访143宗次(含群体访42宗)，同比减少23宗: 42宗 is a part)
  const before = para.filter((p) => sameSentence(p, c) && p.end <= first.start && p.direction === null && p.from === null && p.unit !== '%' && !closesBefore(read, p.end, first.start));
  const pairs: Pair[] = [];
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i] as CheckClaim;
    const level = [...before].reverse().find((p) => sameFamily(t, p.unit, change.unit) && !pairs.some((x) => x.level === p));
    if (!level) return null;
    pairs.push({ level, change, rate: rates[i] as CheckClaim });
  }
  return pairs;
}

/** Whether a parenthesis open at `from` closes before `to`: a figure at `from` stands inside it. */
function closesBefore(read: string, from: number, to: number): boolean {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const ch = read[i];
    if (ch === '(' || ch === '（') depth++;
    else if (ch === ')' || ch === '）') { if (depth === 0) return true; depth--; }
  }
  return false;
}
