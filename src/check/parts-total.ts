/** parts_total: parts against a stated total. 排查29件，已化解26件，尚有3件正在推进. */
import { add, claimInterval, fmt, meets, mid, type Interval } from './interval.js';
import { loadDictionaries } from '../dictionaries.js';
import { loadCheckTables, sameFamily } from './tables.js';
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

/** Wording that starts a new statement inside a list of parts (办结, 化解, 同比 …): the list has ended. */
function statementWords(): readonly string[] {
  const d = loadDictionaries();
  const t = loadCheckTables();
  return [...d.categories.resolve, ...d.categories.handle, ...t.intake, ...d.categories.baseline, ...d.categories.up, ...d.categories.down, '其中', '比', '较'];
}

/**
 * parts_total, for a list after 其中: parts named by channel after a total can never add up to
 * more than it (受理信访事项1265件，其中来信612件、来访453批次、网上信访300件). Whether they are
 * all of it is not known, so only a sum above the total is reported; parts that are not
 * channels (骨头案, 重复信访积案) may overlap, and are not added.
 */
export const checkPartsUnderQizhong: Checker = (claims, text) => {
  const t = loadCheckTables();
  const read = reading(text);
  const words = statementWords();
  const out: Check[] = [];
  const level = (p: CheckClaim): boolean => p.direction === null && p.from === null && p.unit !== '%' && p.unit !== '' && p.rate === null;
  for (const para of paragraphs(claims)) {
    for (let j = 1; j < para.length; j++) {
      const first = para[j] as CheckClaim;
      const prev = para[j - 1] as CheckClaim;
      const lead = read.slice(Math.max(prev.end, first.sentence.start), first.start);
      const at = lead.lastIndexOf('其中');
      if (at < 0 || !level(first)) continue;
      if (words.some((w) => lead.slice(at + 2).includes(w))) continue; // 其中按期办结450件: a part that is a statement of its own
      const total = [...para.slice(0, j)].reverse().find((q) => q.sentence.start === first.sentence.start && sameFamily(t, q.unit, first.unit));
      if (!total || !level(total)) continue;
      // parts named by channel (来信, 来访, 网上信访) do not overlap; 骨头案 and 重复信访积案 may
      const channelOf = (label: string): string | undefined => t.channels.filter((w) => label.includes(w)).sort((a, b) => b.length - a.length)[0];
      const firstChannel = channelOf(lead.slice(at + 2));
      if (!firstChannel) continue;
      const parts = [first];
      const channels = new Set([firstChannel]);
      for (const r of para.slice(j + 1)) {
        const last = parts[parts.length - 1] as CheckClaim;
        if (r.sentence.start !== first.sentence.start || !level(r) || !sameFamily(t, r.unit, first.unit)) break;
        const since = read.slice(last.end, r.start);
        if (words.some((w) => since.includes(w)) || /[；;]/.test(since)) break;
        const ch = channelOf(since);
        if (!ch || channels.has(ch)) break;
        channels.add(ch);
        parts.push(r);
      }
      if (parts.length < 2) continue;
      const sum = parts.reduce<Interval>((acc, p) => add(acc, claimInterval(p)), [0, 0]);
      const whole = claimInterval(total);
      if (sum[0] <= whole[1]) continue;
      const computed = mid(sum);
      out.push(finding('parts_total', [total, ...parts], `the parts after 其中 (${parts.map((p) => `${fmt(p.value)}${p.unit}`).join(' + ')}) make ${fmt(computed)}, more than the total ${fmt(total.value)}${total.unit}`, total.value, computed));
    }
  }
  return out;
};
