/**
 * ratio: a named rate against its numerator and denominator. 受理417件，办结409件，按期办结率达98.1%;
 * 全年受理執行案件860件,執結790件,執結率95.6%; a rate without % (办结率93) is in percent, and
 * 收结比0.98 a plain ratio. Each rate pairs with the nearest count its numerator words name (or
 * a resolved count) and the count taken in before that, so a summary's many pairs are each checked.
 */
import { claimInterval, div, fmt, meets, mid, scale, statedInterval, statedRatio, type Interval } from './interval.js';
import { loadCheckTables, sameFamily, type RateWord } from './tables.js';
import { clauseBefore, isPrevSentence, paragraphs, reading, sameSentence } from './text.js';
import { finding, type Check, type CheckClaim, type Checker } from './types.js';

export const checkRatio: Checker = (claims, text) => {
  const t = loadCheckTables();
  const read = reading(text);
  const out: Check[] = [];
  for (const para of paragraphs(claims)) {
    for (let k = 0; k < para.length; k++) {
      const c = para[k] as CheckClaim;
      if (c.category !== 'share') continue;
      const clause = clauseBefore(read, c, c.sentence.start);
      const rate: RateWord | undefined = t.rates.find((r) => clause.includes(r.word));
      if (!rate || /分别/.test(read.slice(c.sentence.start, c.start))) continue;
      const earlier = para.slice(0, k).filter((p) => sameSentence(p, c) || isPrevSentence(para, p, c));
      const names = (p: CheckClaim): boolean => {
        const before = clauseBefore(read, p, p.sentence.start);
        return rate.numerator.some((w) => before.includes(w));
      };
      const named = (p: CheckClaim): boolean => p.from === null && p.unit !== '%' && p.unit !== '' && (p.category === 'cases_resolved' || names(p));
      const taken = (p: CheckClaim): boolean => p.from === null && [...t.intake, ...t.rateBase].some((w) => clauseBefore(read, p, p.sentence.start).includes(w));
      // a part named under 其中 (其中已办结的重复信访120件) is not what the rate is of, unless another reading says so
      const num = [...earlier].reverse().find((p) => named(p) && !clauseBefore(read, p, p.sentence.start).includes('其中'));
      if (!num) continue;
      const den = [...earlier].reverse().find((p) => p !== num && p.start < num.start && p.unit === num.unit && taken(p));
      if (!den || den.value <= 0) continue;
      // 办结率93 is in percent; 办结率0.93 a fraction of one
      const fraction = rate.kind === 'ratio' || (c.unit === '' && c.value <= 1);
      const stated: Interval = fraction ? statedRatio(c, read) : statedInterval(c, read);
      const ratioOf = (n: CheckClaim, d: CheckClaim): Interval => scale(div(claimInterval(n), claimInterval(d)), fraction ? 1 : 100);
      const ratio = ratioOf(num, den);
      if (meets(ratio, stated)) continue;
      // another reading of which count is over which (按期办结率 over the cases closed, not those received) keeps it silent
      const other = earlier.some((n) => named(n) && earlier.some((d) => d !== n && d.start < n.start && d.unit === n.unit && d.value > 0 && (taken(d) || named(d)) && meets(ratioOf(n, d), stated)));
      if (other) continue;
      const computed = fraction ? Math.round(((ratio[0] + ratio[1]) / 2) * 1000) / 1000 : mid(ratio);
      out.push(finding('ratio', [den, num, c], `stated ${rate.word} ${fmt(c.value)}${c.unit}, but ${fmt(num.value)} / ${fmt(den.value)} is ${fmt(computed)}${fraction ? '' : '%'}`, c.value, computed));
    }
  }
  return out;
};

/** 占总量的, 占总数的, or a bare 占 after a part of a total named with 其中. */
const SHARE_OF_TOTAL = /^占(?:全年|全部)?(?:总量|总数|受理总量|受理总数)?的?$/;
/** 占受理总数860件的: the total given inside the share's own clause. */
const SHARE_OF = /^占[^，,；;。！？]{0,12}$/;

/**
 * ratio, for shares: a part's share of the total it names. 办结822件，占受理总数860件的95.6%;
 * 受理1,265件，其中来信612件，占总量的48.4%；来访453批次，占35.8%. A share of anything else
 * (占全市的20%) is not checked.
 */
export const checkShare: Checker = (claims, text) => {
  const t = loadCheckTables();
  const read = reading(text);
  const out: Check[] = [];
  for (const para of paragraphs(claims)) {
    for (let k = 1; k < para.length; k++) {
      const c = para[k] as CheckClaim;
      if (c.category !== 'share' || c.unit !== '%' || c.from !== null) continue;
      const clause = clauseBefore(read, c, c.sentence.start);
      const at = clause.lastIndexOf('占');
      if (at < 0 || /分别/.test(clause)) continue;
      const zhanStart = c.start - clause.length + at;
      const inside = para.filter((p) => p.start >= zhanStart && p.end <= c.start);
      const before = para.slice(0, k).filter((p) => p.end <= zhanStart && (sameSentence(p, c) || isPrevSentence(para, p, c)));
      const num = before[before.length - 1];
      if (!num || num.unit === '%' || num.from !== null || num.direction !== null) continue;
      let den: CheckClaim | undefined;
      const zhan = clause.slice(at).replace(/(\d)[,，](?=\d)/g, '$1'); // 占受理总量3,216件的
      if (inside.length === 1 && SHARE_OF.test(zhan)) den = inside[0];
      else if (inside.length === 0 && SHARE_OF_TOTAL.test(zhan)) {
        den = [...before].reverse().find((p) => p !== num && p.start < num.start && p.from === null && p.direction === null && sameFamily(t, p.unit, num.unit)
          && t.intake.some((w) => clauseBefore(read, p, p.sentence.start).includes(w)) && read.slice(p.end, num.start).includes('其中'));
      }
      if (!den || den.value <= 0 || !sameFamily(t, den.unit, num.unit) || den.direction !== null || den.from !== null) continue;
      const share = scale(div(claimInterval(num), claimInterval(den)), 100);
      if (meets(share, statedInterval(c, read))) continue;
      const computed = mid(share);
      out.push(finding('ratio', [den, num, c], `stated share ${fmt(c.value)}%, but ${fmt(num.value)} / ${fmt(den.value)} is ${fmt(computed)}%`, c.value, computed));
    }
  }
  return out;
};
