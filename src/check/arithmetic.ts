/**
 * Arithmetic and consistency checks over a document's claims. Every figure is read as an
 * interval that honours its approximation (10000人次以上 is at least 10000) and the rounding of
 * stated percentages (96.5% means 96.4..96.6), so a check fires only when no reading of the text
 * makes the arithmetic work. Checks never fire on correct arithmetic; that is the design rule.
 */
import type { Approx } from '../dictionaries.js';
import type { Claim } from '../analyse.js';
import { chineseToNumber } from '../extract/numerals.js';

export type CheckKind = 'percent_change' | 'growth_rate' | 'ratio' | 'parts_total' | 'rate_total' | 'duplicate';

/** What the checks read of a claim. */
export type CheckClaim = Pick<Claim, 'id' | 'nominee' | 'start' | 'end' | 'text' | 'value' | 'from' | 'approx' | 'unit' | 'category'
  | 'direction' | 'period' | 'rate' | 'baseline' | 'sentence' | 'paragraph' | 'rules'>;

export interface Check {
  readonly id: string;
  readonly kind: CheckKind;
  readonly claims: readonly string[];
  readonly nominee: string | null;
  readonly message: string;
  readonly stated: number | null;
  readonly computed: number | null;
}

type Interval = readonly [number, number];

/** The values a figure can stand for. Bounds are generous: a check must never fire on a reading the text allows. */
export function intervalOf(value: number, approx: Approx): Interval {
  switch (approx) {
    case 'exact': return [value, value];
    case 'over': case 'at_least': return [value, value * 2];
    case 'under': case 'at_most': return [value * 0.5, value];
    case 'about': return [value * 0.8, value * 1.2];
  }
}

/** A stated percentage, widened by one unit of its last written digit (truncation and rounding). */
function statedInterval(c: CheckClaim, text: string): Interval {
  const digits = /(\d+)(?:\.(\d+))?/.exec(text.slice(c.start, c.end).replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace('．', '.'));
  const decimals = digits?.[2]?.length ?? 0;
  const tol = 10 ** -decimals + 1e-9;
  const v = c.value;
  switch (c.approx) {
    case 'exact': return [v - tol, v + tol];
    case 'over': case 'at_least': return [v - tol, Number.POSITIVE_INFINITY];
    case 'under': case 'at_most': return [0, v + tol];
    case 'about': return [v * 0.8 - tol, v * 1.2 + tol];
  }
}

const meets = (a: Interval, b: Interval): boolean => a[0] <= b[1] && b[0] <= a[1];
const div = (a: Interval, b: Interval): Interval => [a[0] / b[1], a[1] / b[0]];
const sub = (a: Interval, b: Interval): Interval => [a[0] - b[1], a[1] - b[0]];
const add = (a: Interval, b: Interval): Interval => [a[0] + b[0], a[1] + b[1]];
const scale = (a: Interval, k: number): Interval => [a[0] * k, a[1] * k];
const mid = (a: Interval): number => Math.round(((a[0] + a[1]) / 2) * 100) / 100;
const iv = (c: CheckClaim): Interval => intervalOf(c.value, c.approx);
const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(Math.abs(n) < 10 ? 2 : 1));
const signed = (n: number): string => `${n >= 0 ? '+' : '−'}${fmt(Math.abs(n))}%`;

const INTAKE = ['受理', '排查', '收到', '登记', '梳理', '接收', '共有', '共计', '总计', '合计', '涉及'];
const PART = ['已', '尚有', '尚余', '其余', '剩余', '还有', '另有', '正在', '未'];
const RATE_WORDS: Record<string, 'percent' | 'ratio'> = {
  办结率: 'percent', 按期办结率: 'percent', 结案率: 'percent', 化解率: 'percent', 调解成功率: 'percent', 成功率: 'percent', 息访率: 'percent', 收结比: 'ratio',
};

const CLAUSE_STOP = new Uint8Array(0x10000);
for (const ch of '，,。；;！？\n') CLAUSE_STOP[ch.charCodeAt(0)] = 1;

function clauseBefore(text: string, c: CheckClaim, floor: number): string {
  let i = c.start;
  const stop = Math.max(floor, c.start - 300); // text without stops must not make this quadratic
  while (i > stop && !CLAUSE_STOP[text.charCodeAt(i - 1)]) i--;
  return text.slice(i, c.start);
}

export interface CheckOptions { readonly idOf: (kind: CheckKind, claimIds: readonly string[]) => string }

export function checkClaims(text: string, claims: readonly CheckClaim[], opts: CheckOptions): Check[] {
  const out: Check[] = [];
  const push = (kind: CheckKind, cs: CheckClaim[], message: string, stated: number | null, computed: number | null): void => {
    const ids = cs.map((c) => c.id);
    out.push({ id: opts.idOf(kind, ids), kind, claims: ids, nominee: cs[0]?.nominee ?? null, message, stated, computed });
  };
  const sameSentence = (a: CheckClaim, b: CheckClaim): boolean => a.sentence.start === b.sentence.start;
  const byParagraph = new Map<number, CheckClaim[]>();
  for (const c of claims) {
    const list = byParagraph.get(c.paragraph.start) ?? [];
    list.push(c);
    byParagraph.set(c.paragraph.start, list);
  }

  for (const para of byParagraph.values()) {
    for (let k = 0; k < para.length; k++) {
      const c = para[k] as CheckClaim;

      // A. a stated change against the two values it compares
      if (c.category === 'percent_change' && c.unit === '%' && c.direction) {
        const stated = statedInterval(c, text);
        const sign = c.direction === 'down' ? -1 : 1;
        const tryPair = (from: Interval, to: Interval, involved: CheckClaim[], describe: string): boolean | null => {
          if (from[0] <= 0) return null;
          const change = scale(div(sub(to, from), from), 100);
          const magnitude: Interval = sign < 0 ? [-change[1], -change[0]] : change;
          if (meets(magnitude, stated)) return true;
          const computed = mid(change);
          push('percent_change', involved, `stated ${c.direction === 'down' ? '下降' : '上升'}${fmt(c.value)}%, but ${describe} is ${signed(computed)}`, c.value, computed);
          return false;
        };
        // (i) a from->to change just before it: 由95件减少到55件，下降42%
        const change = [...para.slice(0, k)].reverse().find((p) => p.from !== null && p.unit !== '%' && (sameSentence(p, c) || p.sentence.end <= c.sentence.start));
        const between = change ? para.slice(para.indexOf(change) + 1, k) : [];
        // the stated change is the figure right after the from->to, in the same clause group
        if (change && change.from !== null && between.length === 0 && !/[；;]/.test(text.slice(change.end, c.start))) {
          if (sameSentence(change, c) || text.slice(change.sentence.end, c.sentence.start).length <= 2) {
            tryPair(intervalOf(change.from, 'exact'), iv(change), [change, c], `${fmt(change.from)} -> ${fmt(change.value)}`);
          }
        } else if (c.baseline && /^与|^和|^同/.test(c.baseline)) {
          // (ii) 今年3批5人次，与去年同期1批2人次相比上升…%
          const bStart = text.lastIndexOf(c.baseline.slice(0, 2), c.start);
          const inBase = para.filter((p) => sameSentence(p, c) && p.start >= bStart && p.end <= c.start);
          const results: Array<boolean | null> = [];
          const pending: Array<() => void> = [];
          for (const b of inBase) {
            const now = [...para.slice(0, k)].reverse().find((p) => sameSentence(p, c) && p.unit === b.unit && p.end <= bStart);
            if (!now) continue;
            const change2 = scale(div(sub(iv(now), iv(b)), iv(b)), 100);
            const magnitude: Interval = sign < 0 ? [-change2[1], -change2[0]] : change2;
            if (b.value <= 0) continue;
            if (meets(magnitude, stated)) results.push(true);
            else {
              results.push(false);
              const computed = mid(change2);
              pending.push(() => push('percent_change', [b, now, c], `stated ${c.direction === 'down' ? '下降' : '上升'}${fmt(c.value)}%, but ${fmt(b.value)} -> ${fmt(now.value)}${b.unit} is ${signed(computed)}`, c.value, computed));
            }
          }
          if (results.length > 0 && !results.includes(true)) pending[0]?.();
        }
      }

      // B. an increase plus a growth rate against the implied baseline: 受理156件，同比增加21件，增幅15.6%
      if (c.category === 'percent_change' && c.unit === '%' && k >= 2) {
        const inc = para[k - 1] as CheckClaim;
        if (sameSentence(inc, c) && inc.direction && inc.from === null && inc.unit !== '%' && inc.rules.includes('direction:verb')) {
          const total = [...para.slice(0, k - 1)].reverse().find((p) => sameSentence(p, c) && p.unit === inc.unit && p.from === null);
          if (total) {
            const base = inc.direction === 'up' ? sub(iv(total), iv(inc)) : add(iv(total), iv(inc));
            if (base[0] > 0) {
              const rate = scale(div(iv(inc), base), 100);
              if (!meets(rate, statedInterval(c, text))) {
                const computed = mid(rate);
                push('growth_rate', [total, inc, c], `stated ${inc.direction === 'up' ? '增幅' : '降幅'}${fmt(c.value)}%, but ${inc.direction === 'up' ? '+' : '−'}${fmt(inc.value)} on a baseline of ${fmt(mid(base))} (${fmt(total.value)} ${inc.direction === 'up' ? '−' : '+'} ${fmt(inc.value)}) is ${fmt(computed)}%`, c.value, computed);
              }
            }
          }
        }
      }

      // C. a ratio against its numerator and denominator: 受理417件，办结409件，按期办结率达98.1%
      if (c.category === 'share') {
        const clause = clauseBefore(text, c, c.sentence.start);
        const word = Object.keys(RATE_WORDS).filter((w) => clause.includes(w)).sort((a, b) => b.length - a.length)[0];
        const beforeInSentence = text.slice(c.sentence.start, c.start);
        if (word && !/分别/.test(beforeInSentence)) {
          const earlier = para.slice(0, k).filter((p) => sameSentence(p, c) || isPrevSentence(para, p, c));
          const num = [...earlier].reverse().find((p) => p.category === 'cases_resolved' && p.from === null);
          const den = num ? [...earlier].reverse().find((p) => p !== num && p.start < num.start && p.unit === num.unit && INTAKE.some((w) => clauseBefore(text, p, p.sentence.start).includes(w))) : undefined;
          if (num && den && den.value > 0) {
            const kind = RATE_WORDS[word] as 'percent' | 'ratio';
            const ratio = scale(div(iv(num), iv(den)), kind === 'percent' ? 100 : 1);
            const stated = kind === 'percent' ? statedInterval(c, text) : statedRatio(c, text);
            if (!meets(ratio, stated)) {
              const computed = kind === 'percent' ? mid(ratio) : Math.round(((ratio[0] + ratio[1]) / 2) * 1000) / 1000;
              push('ratio', [den, num, c], `stated ${word} ${fmt(c.value)}${c.unit}, but ${fmt(num.value)} / ${fmt(den.value)} is ${fmt(computed)}${kind === 'percent' ? '%' : ''}`, c.value, computed);
            }
          }
        }
      }
    }

    // D. parts against a stated total: 排查29件，已化解26件，尚有3件正在推进
    for (let k = 0; k < para.length; k++) {
      const total = para[k] as CheckClaim;
      if (total.from !== null || !INTAKE.some((w) => clauseBefore(text, total, total.paragraph.start).includes(w))) continue;
      const parts: CheckClaim[] = [];
      for (const p of para.slice(k + 1)) {
        if (p.unit !== total.unit) continue;
        const clause = clauseBefore(text, p, p.paragraph.start);
        if (INTAKE.some((w) => clause.includes(w)) || /其中/.test(clause)) break;
        if (PART.some((w) => clause.startsWith(w) || clause.includes(`，${w}`)) || (parts.length > 0 && /^[，；]?(?:尚有|其余|剩余|还有)/.test(clause))) parts.push(p);
        else if (p.category === 'cases_resolved' && clause.startsWith('已')) parts.push(p);
      }
      if (parts.length < 2) continue;
      const sum = parts.reduce<Interval>((acc, p) => add(acc, iv(p)), [0, 0]);
      if (!meets(sum, iv(total))) {
        const computed = mid(sum);
        push('parts_total', [total, ...parts], `stated total ${fmt(total.value)}${total.unit}, but the parts ${parts.map((p) => fmt(p.value)).join(' + ')} make ${fmt(computed)}`, total.value, computed);
      }
    }

    // E. a daily rate against a yearly or cumulative total: 每年10000人次以上 vs 平均每天30人次
    for (const d of para) {
      if (d.rate?.unit !== 'day') continue;
      for (const t of para) {
        if (t === d || t.unit !== d.unit || t.rate?.unit === 'day') continue;
        let perDay: Interval | null = null;
        let what = '';
        if (t.rate?.unit === 'year') { perDay = [iv(t)[0] / 366, iv(t)[1] / 250]; what = `${fmt(t.value)}${t.unit} a year`; }
        else if (t.rate?.unit === 'month') { perDay = [iv(t)[0] / 31, iv(t)[1] / 20]; what = `${fmt(t.value)}${t.unit} a month`; }
        else if (t.rate === null && t.period && /(累计|共计|总计|合计)/.test(text.slice(t.sentence.start, t.start))) {
          const years = yearsOf(t.period);
          if (years) { perDay = [iv(t)[0] / (366 * years), iv(t)[1] / (250 * years)]; what = `${fmt(t.value)}${t.unit} over ${years} years`; }
        }
        if (!perDay) continue;
        if (!meets(perDay, iv(d))) {
          const computed = Math.round(mid(perDay) * 10) / 10;
          push('rate_total', [t, d], `stated ${fmt(d.value)}${d.unit} a day, but ${what} is about ${fmt(Math.round(perDay[0] * 10) / 10)}–${fmt(Math.round(perDay[1] * 10) / 10)} a day`, d.value, computed);
        }
      }
    }
  }

  // G. the same figure in the same words for two different nominees
  const seen = new Map<string, CheckClaim>();
  for (const c of claims) {
    if (c.nominee === null) continue;
    const sentence = text.slice(c.sentence.start, c.sentence.end).replace(/\s+/g, '');
    if (sentence.length < 12) continue;
    const key = `${sentence}|${c.value}|${c.unit}`;
    const first = seen.get(key);
    if (!first) { seen.set(key, c); continue; }
    if (first.nominee !== c.nominee) {
      push('duplicate', [first, c], `the same sentence and figure (${c.text.replace(/\s+/g, '')}) appear under two nominees: possible copy and paste`, c.value, first.value);
    }
  }
  return out;
}

function isPrevSentence(para: readonly CheckClaim[], p: CheckClaim, c: CheckClaim): boolean {
  if (p.sentence.end > c.sentence.start) return false;
  // no other sentence holding claims lies between p's sentence and c's
  return !para.some((q) => q.sentence.start > p.sentence.start && q.sentence.start < c.sentence.start);
}

function statedRatio(c: CheckClaim, text: string): Interval {
  const m = /\.(\d+)/.exec(text.slice(c.start, c.end));
  const tol = 10 ** -(m?.[1]?.length ?? 0) + 1e-9;
  return [c.value - tol, c.value + tol];
}

/** 近五年来 -> 5, 三年来 -> 3; other scopes carry no length. */
export function yearsOf(period: string): number | null {
  const m = /^(?:近|最近)?(\d{1,2}|[一二三四五六七八九十两]{1,3})(?:个)?年(?:来|以来|间)?$/.exec(period);
  if (!m) return null;
  const s = m[1] as string;
  const n = /^\d+$/.test(s) ? Number(s) : chineseToNumber(s);
  return n && n > 0 ? n : null;
}
