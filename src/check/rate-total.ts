/**
 * rate_total: a daily rate against a yearly or monthly rate, or a cumulative total over a stated
 * number of years, of the same activity: 每年接待群众3000人次以上 vs 平均每天接待30人次. The two
 * clauses must share their wording (接待), so that 每户每年…又凑3.84万元 and 每天20元 (different
 * things paid) are not compared.
 */
import { chineseToNumber } from '../extract/numerals.js';
import { claimInterval, fmt, lastPlace, meets, mid, type Interval } from './interval.js';
import { bigrams, clauseBefore, paragraphs, reading } from './text.js';
import { finding, type Check, type Checker } from './types.js';

/** Rate and scope wording, which two clauses share without speaking of the same activity. */
const NOT_ACTIVITY = /^(?:平均|每天|每日|每年|每月|每周|日均|月均|年均|累计|共计|总计|合计|近五|五年|年来)$/;

export const checkRateTotal: Checker = (claims, text) => {
  const read = reading(text);
  const out: Check[] = [];
  for (const para of paragraphs(claims)) {
    for (const d of para) {
      if (d.rate?.unit !== 'day') continue;
      // a daily figure is an average, rounded: 平均每天8人次 may be 8.2 (3000 a year)
      const di = claimInterval(d);
      const half = d.approx === 'exact' ? lastPlace(d.value) / 2 : 0;
      const daily: Interval = [di[0] - half, di[1] + half];
      const dWords = [...bigrams(clauseBefore(read, d, d.paragraph.start))].filter((b) => !NOT_ACTIVITY.test(b));
      for (const t of para) {
        if (t === d || t.unit !== d.unit || t.rate?.unit === 'day') continue;
        let perDay: Interval | null = null;
        let what = '';
        const iv = claimInterval(t);
        if (t.rate?.unit === 'year') { perDay = [iv[0] / 366, iv[1] / 250]; what = `${fmt(t.value)}${t.unit} a year`; }
        else if (t.rate?.unit === 'month') { perDay = [iv[0] / 31, iv[1] / 20]; what = `${fmt(t.value)}${t.unit} a month`; }
        else if (t.rate === null && t.period && /(累计|共计|总计|合计)/.test(read.slice(t.sentence.start, t.start))) {
          const years = yearsOf(t.period);
          if (years) { perDay = [iv[0] / (366 * years), iv[1] / (250 * years)]; what = `${fmt(t.value)}${t.unit} over ${years} years`; }
        }
        if (!perDay || meets(perDay, daily)) continue;
        const tWords = bigrams(clauseBefore(read, t, t.paragraph.start));
        if (!dWords.some((w) => tWords.has(w))) continue; // not the same activity
        const computed = Math.round(mid(perDay) * 10) / 10;
        out.push(finding('rate_total', [t, d], `stated ${fmt(d.value)}${d.unit} a day, but ${what} is about ${fmt(Math.round(perDay[0] * 10) / 10)}–${fmt(Math.round(perDay[1] * 10) / 10)} a day`, d.value, computed));
      }
    }
  }
  return out;
};

/** 近五年来 -> 5, 三年来 -> 3; other scopes carry no length. */
export function yearsOf(period: string): number | null {
  const m = /^(?:近|最近)?(\d{1,2}|[一二三四五六七八九十两]{1,3})(?:个)?年(?:来|以来|间)?$/.exec(period);
  if (!m) return null;
  const s = m[1] as string;
  const n = /^\d+$/.test(s) ? Number(s) : chineseToNumber(s);
  return n && n > 0 ? n : null;
}
