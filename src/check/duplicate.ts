/**
 * duplicate: the same figure under two different nominees, in the same sentence or in nearly
 * the same clause: "为困难群众争取救助资金1,260余万元，惠及3千多户" and "同时，他还牵头为困难群众
 * 争取救助资金1,260余万元" (possible copy and paste). A near clause needs a figure with several
 * significant digits, so that two people's 从事信访工作20年 is no finding.
 */
import { loadCheckTables } from './tables.js';
import { bigrams, clauseBefore, reading } from './text.js';
import { finding, type Check, type CheckClaim, type Checker } from './types.js';

/** Significant digits of a figure as written in its unit's base: 12,600,000 -> 3 (126). */
export function significantDigits(v: number): number {
  const s = String(Math.abs(v)).replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return s.length;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

const han = (s: string): string => s.replace(/[^\u3400-\u9fff]/g, '');

export const checkDuplicate: Checker = (claims, text) => {
  const t = loadCheckTables();
  const read = reading(text);
  const out: Check[] = [];
  // the same sentence and figure
  const seen = new Map<string, CheckClaim>();
  const reported = new Set<string>();
  // each sentence read and numbered once, however many figures it holds (a long one holds thousands)
  const sentences = new Map<string, { id: number; length: number }>();
  const texts = new Map<string, number>();
  const sentenceOf = (c: CheckClaim): { id: number; length: number } => {
    const k = `${c.sentence.start}:${c.sentence.end}`;
    let s = sentences.get(k);
    if (s === undefined) {
      const words = read.slice(c.sentence.start, c.sentence.end).replace(/\s+/g, '');
      const id = texts.get(words) ?? texts.set(words, texts.size).size - 1;
      s = { id, length: words.length };
      sentences.set(k, s);
    }
    return s;
  };
  for (const c of claims) {
    if (c.nominee === null) continue;
    const sentence = sentenceOf(c);
    if (sentence.length < 12) continue;
    const key = `${sentence.id}|${c.value}|${c.unit}`;
    const first = seen.get(key);
    if (!first) { seen.set(key, c); continue; }
    if (first.nominee !== c.nominee) {
      out.push(finding('duplicate', [first, c], `the same sentence and figure (${c.text.replace(/\s+/g, '')}) appear under two nominees: possible copy and paste`, c.value, first.value));
      reported.add(`${first.id}|${c.id}`);
    }
  }
  // the same figure in nearly the same clause
  const groups = new Map<string, CheckClaim[]>();
  for (const c of claims) {
    if (c.nominee === null || c.category === 'duration' || c.unit === '' || significantDigits(c.value) < t.duplicateMinDigits) continue;
    const key = `${c.value}|${c.unit}|${c.approx}`;
    (groups.get(key) ?? groups.set(key, []).get(key) as CheckClaim[]).push(c);
  }
  for (const all of groups.values()) {
    // one figure per nominee and wording: the same clause again under the same nominee (a text
    // that repeats itself) says nothing new, and comparing every pair of a group would grow with
    // the square of the document
    const byWording = new Map<string, { c: CheckClaim; clause: string }>();
    for (const c of all) {
      const clause = han(clauseBefore(read, c, c.sentence.start));
      const k = `${c.nominee}|${clause}`;
      if (!byWording.has(k)) byWording.set(k, { c, clause });
    }
    const group = [...byWording.values()];
    if (new Set(group.map((x) => x.c.nominee)).size < 2) continue;
    const done = new Set<string>();
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const { c: a, clause: ca } = group[i] as { c: CheckClaim; clause: string };
        const { c: b, clause: cb } = group[j] as { c: CheckClaim; clause: string };
        if (a.nominee === b.nominee || reported.has(`${a.id}|${b.id}`) || done.has(b.id)) continue;
        const suffix = commonSuffix(ca, cb);
        const ga = bigrams(ca);
        const gb = bigrams(cb);
        const shared = [...ga].filter((g) => gb.has(g)).length;
        const dice = ga.size + gb.size > 0 ? (2 * shared) / (ga.size + gb.size) : 0;
        if (suffix < 4 && !(shared >= 3 && dice >= 0.6)) continue;
        done.add(b.id);
        const words = suffix >= 4 ? ca.slice(ca.length - suffix) : ca;
        out.push(finding('duplicate', [a, b], `the same figure (${b.text.replace(/\s+/g, '')}) in nearly the same words (${words}…) appears under two nominees: possible copy and paste`, b.value, a.value));
      }
    }
  }
  return out;
};
