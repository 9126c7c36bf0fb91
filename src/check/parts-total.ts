/** parts_total: parts against a stated total. 排查29件，已化解26件，尚有3件正在推进. */
import { add, claimInterval, fmt, meets, mid, type Interval } from './interval.js';
import { loadCheckTables } from './tables.js';
import { clauseBefore, paragraphs, reading } from './text.js';
import { finding, type Check, type CheckClaim, type Checker } from './types.js';

export const checkPartsTotal: Checker = (claims, text) => {
  const t = loadCheckTables();
  const read = reading(text);
  const out: Check[] = [];
  for (const para of paragraphs(claims)) {
    for (let k = 0; k < para.length; k++) {
      const total = para[k] as CheckClaim;
      if (total.from !== null || !t.intake.some((w) => clauseBefore(read, total, total.paragraph.start).includes(w))) continue;
      const parts: CheckClaim[] = [];
      for (const p of para.slice(k + 1)) {
        if (p.unit !== total.unit) continue;
        const clause = clauseBefore(read, p, p.paragraph.start);
        if (t.intake.some((w) => clause.includes(w)) || /其中/.test(clause)) break;
        if (t.parts.some((w) => clause.startsWith(w) || clause.includes(`，${w}`)) || (parts.length > 0 && /^[，；]?(?:尚有|其余|剩余|还有)/.test(clause))) parts.push(p);
        else if (p.category === 'cases_resolved' && clause.startsWith('已')) parts.push(p);
      }
      if (parts.length < 2) continue;
      const sum = parts.reduce<Interval>((acc, p) => add(acc, claimInterval(p)), [0, 0]);
      if (meets(sum, claimInterval(total))) continue;
      const computed = mid(sum);
      out.push(finding('parts_total', [total, ...parts], `stated total ${fmt(total.value)}${total.unit}, but the parts ${parts.map((p) => fmt(p.value)).join(' + ')} make ${fmt(computed)}`, total.value, computed));
    }
  }
  return out;
};
