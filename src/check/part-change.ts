/**
 * part_change: a whole that is exactly the sum of its parts (来信来访 = 来信 + 来访, from the
 * `wholes` of dictionaries/checks.yaml), with its change and the changes of every part stated:
 * 全年来信来访总量410件次，同比减少75件次；其中来信同比减少50件……来访同比减少30批次 (−50 − 30 ≠ −75).
 * The same for the levels themselves (总量410件次，其中来信200件，来访210批次), reported as
 * parts_total. Parts may move in opposite directions; only a whole whose parts are all named
 * is checked, so an unnamed part can never explain the difference away.
 */
import { add, claimInterval, fmt, meets, mid, type Interval } from './interval.js';
import { loadCheckTables, sameFamily } from './tables.js';
import { clauseBefore, paragraphs, reading } from './text.js';
import { finding, type Check, type CheckClaim, type Checker } from './types.js';

const signedInterval = (c: CheckClaim): Interval => {
  const iv = claimInterval(c);
  return c.direction === 'down' ? [-iv[1], -iv[0]] : iv;
};
const isChange = (c: CheckClaim): boolean => c.direction !== null && c.from === null && c.unit !== '%' && c.rules.includes('direction:verb');
const sgn = (c: CheckClaim): string => (c.direction === 'down' ? '−' : '+');

export const checkPartChange: Checker = (claims, text) => {
  const t = loadCheckTables();
  const read = reading(text);
  const out: Check[] = [];
  for (const para of paragraphs(claims)) {
    for (let k = 0; k < para.length; k++) {
      const total = para[k] as CheckClaim;
      if (total.unit === '%' || total.unit === '' || total.from !== null) continue;
      const change = isChange(total);
      if (!change && total.direction !== null) continue;
      // the whole is named before the figure in its sentence (a change) or in its own clause (a level)
      const head = change ? read.slice(total.sentence.start, total.start) : clauseBefore(read, total, total.sentence.start);
      const whole = t.wholes.find((w) => head.includes(w.whole));
      if (!whole) continue;
      const parts = new Map<string, CheckClaim>();
      let opened = false;
      let since = total.end; // the end of the last part taken: a part's name stands after it
      for (const p of para.slice(k + 1)) {
        if (p.sentence.start > total.sentence.end + 1 && !opened) break;
        if (!opened) opened = /其中/.test(read.slice(total.end, p.start));
        if (!opened) continue;
        const clause = clauseBefore(read, p, p.paragraph.start);
        if (clause.includes(whole.whole)) break; // the whole again: another statement
        if (isChange(p) !== change || (!change && p.direction !== null) || !sameFamily(t, total.unit, p.unit) || p.from !== null) continue;
        // the part's name stands after the part before it: 来信同比减少50件……来访同比减少30批次;
        // 其中，来信180件，同比减少50件，下降21.7%；来访230批次，同比减少30批次
        const own = read.slice(since, p.start);
        const label = whole.parts.map((w) => ({ w, at: own.lastIndexOf(w) })).filter((x) => x.at >= 0).sort((a, b) => b.at - a.at)[0]?.w;
        if (!label || parts.has(label)) continue;
        parts.set(label, p);
        since = p.end;
        if (parts.size === whole.parts.length) break;
      }
      if (parts.size < whole.parts.length) continue;
      const list = [...parts.values()];
      const sum = list.reduce<Interval>((acc, p) => add(acc, change ? signedInterval(p) : claimInterval(p)), [0, 0]);
      const stated = change ? signedInterval(total) : claimInterval(total);
      if (meets(sum, stated)) continue;
      const computed = mid(sum);
      const labels = [...parts.keys()];
      if (change) {
        out.push(finding('part_change', [total, ...list], `stated change of ${whole.whole} ${sgn(total)}${fmt(total.value)}${total.unit}, but the changes of ${labels.join(' and ')} (${list.map((p) => `${sgn(p)}${fmt(p.value)}${p.unit}`).join(', ')}) make ${computed >= 0 ? '+' : '−'}${fmt(Math.abs(computed))}`, total.value, computed));
      } else {
        out.push(finding('parts_total', [total, ...list], `stated total of ${whole.whole} ${fmt(total.value)}${total.unit}, but ${labels.join(' and ')} (${list.map((p) => `${fmt(p.value)}${p.unit}`).join(' + ')}) make ${fmt(computed)}`, total.value, computed));
      }
    }
  }
  return out;
};
