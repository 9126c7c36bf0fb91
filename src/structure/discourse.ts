/**
 * Whose figure it is, read as a discourse. A write-up about several people or units changes its
 * subject clause by clause: a clause may open with
 * - a name (张三…, 城西县信访局…, 许照山的办公室…): that one is in force from there;
 * - two or more names together (张三和李四…, 张三、李四…): all of them;
 * - a pronoun (他, 她, 该同志, 其): the person in force stays, or the last person named comes back
 *   (before anyone is named: the first person named after it);
 * - a pair or a group (二人, 两人, 父女俩, 夫妻二人): the people named together last, else the last
 *   ones named;
 * - a unit's word for itself (我院, 本局, 该中心, 我县): the document's own unit.
 * A clause that opens with none of these keeps the subject in force, across paragraphs too. Time
 * and linking words that lead a clause (2019年以来, 近年来, 同时, 其中) are read past.
 *
 * A figure belongs to the subject in force where it stands; in a clause that opened with no subject
 * of its own, a name that opens the next clause of its sentence close after it owns it instead
 * (入伍5年多来，谢樵…). All offsets are view offsets; the cost is one pass over the body.
 */
import type { SubjectTables } from '../dictionaries.js';
import type { Range } from './range.js';
import { ITEM_MARKS, ROLE_ENDS, type Mention, type Subjects } from './subjects.js';

export interface Turn {
  /** where the subjects take over (a view offset) */
  readonly start: number;
  /** indices into subjects.subjects, first the one named first */
  readonly subjects: readonly number[];
  /** how: name, joint, pronoun, group, self, main */
  readonly how: string;
  /** true when the turn is a name that opens a clause (a figure just before it may be its) */
  readonly named: boolean;
}

export interface Attributed {
  readonly subjects: readonly number[];
  /** the rule id: nominee:<how>, nominee:next-name */
  readonly rule: string;
}

const CLAUSE_END = /[，,。；;：:！？!?]/;
/** How far after a figure a name that opens the next clause may stand and still own it. */
const NEXT_NAME_REACH = 16;

interface Patterns { readonly lead: RegExp; readonly pronoun: RegExp; readonly group: RegExp; readonly self: RegExp; readonly selfAnywhere: RegExp; readonly joiner: RegExp }
const patterns = new WeakMap<SubjectTables, Patterns>();

function patternsOf(t: SubjectTables): Patterns {
  let p = patterns.get(t);
  if (p) return p;
  const d = t.discourse;
  const alt = (xs: readonly string[]): string => [...xs].sort((a, b) => b.length - a.length).join('|');
  p = {
    // list markers, brackets and the time and linking words that lead a clause
    lead: new RegExp(`^(?:\\s|[【〖\\[（(${ITEM_MARKS}•]|[一二三四五六七八九十\\d]{1,3}[、.．](?!\\d)|[（(][一二三四五六七八九十\\d]{1,3}[）)]|[一二三四五六七八九十]是|(?:19|20)\\d{2}年(?:\\d{1,2}月(?:\\d{1,2}日)?)?(?:${alt(d.year_tails)})?|(?:${alt(d.lead_ins)}))+`),
    pronoun: new RegExp(`^(?!${alt(d.not_pronouns)})(?:${alt(d.pronouns)})`),
    group: new RegExp(`^(?:(?:${alt(d.kin)})(?:俩|二人|两人|三人)|(?:[二两三]人|二位|两位|三位|俩人|他俩|她俩)(?=${alt(d.together)}))`),
    // 我院, 本局, 我县; 该中心; 全院, 全局 (the whole of the unit)
    // (这支队伍, 这个团队: the group the text is about)
    self: new RegExp(`^(?:(?:${alt(d.self_prefixes)})(?:${alt(d.self_tails)})|该(?:${alt(d.this_tails)})|全(?:${alt(d.whole_tails)})|这[支个](?:队伍|团队|调解队|调解小组|小组|集体))`),
    selfAnywhere: new RegExp(`(?:${alt(d.self_prefixes)})(?:${alt(d.self_tails)})`),
    joiner: /^(?:和|与|及|、|同|以及)$/,
  };
  patterns.set(t, p);
  return p;
}

/**
 * The subject that 我院, 本局, 我县 stand for: the unit the text names as its own (its report's
 * title, signature, a reporter's visit, the level it speaks of), else the main subject when it is a
 * unit, else -1.
 */
export function ownSubject(text: string, s: Subjects, t: SubjectTables): number {
  const own = s.subjects.findIndex((x) => x.kind === 'collective' && OWN_HOW.has(x.how));
  if (own >= 0) return own;
  const main = s.subjects[s.main];
  return main?.kind === 'collective' && patternsOf(t).selfAnywhere.test(text) ? s.main : -1;
}

/** The first word the text uses for a unit speaking of itself (我县, 本院), or null. */
export function selfReferenceIn(text: string, t: SubjectTables): string | null {
  return patternsOf(t).selfAnywhere.exec(text)?.[0] ?? null;
}

const OWN_HOW: ReadonlySet<string> = new Set(['report', 'signature', 'visited', 'own-level']);

/** Index of the first mention (in start order) that starts at or after `pos`. */
function firstFrom(mentions: readonly Mention[], pos: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if ((mentions[mid] as Mention).start < pos) lo = mid + 1; else hi = mid; }
  return lo;
}

/**
 * The turns of a write-up's body: where each subject takes over. `own` is the index of the
 * document's own unit (what 我院, 本局 stand for), or -1.
 */
export function readDiscourse(text: string, body: readonly Range[], s: Subjects, t: SubjectTables, own: number): Turn[] {
  const pat = patternsOf(t);
  const kinds = s.subjects.map((x) => x.kind);
  const turns: Turn[] = [];
  let current: readonly number[] = s.main >= 0 ? [s.main] : [];
  /** people in the order last named, most recent first */
  const people: number[] = [];
  /** 他 or 她, as the pronouns have meant each person so far */
  const gender = new Map<number, string>();
  let lastJoint: readonly number[] = [];
  const seen = (k: number): void => {
    if (kinds[k] !== 'individual') return;
    const i = people.indexOf(k);
    if (i >= 0) people.splice(i, 1);
    people.unshift(k);
  };
  const turn = (start: number, subjects: readonly number[], how: string, named: boolean): void => {
    for (const k of [...subjects].reverse()) seen(k);
    if (subjects.length > 1) lastJoint = subjects;
    const same = subjects.length === current.length && subjects.every((k, i) => current[i] === k);
    current = subjects;
    if (!same || named) turns.push({ start, subjects, how, named });
  };
  let mi = 0;
  /** where a pronoun stood before anyone was named (-1 once resolved) */
  let forward: number | null = null;
  // where a described person's name ends (…的退休职工党金成、十多年间…的段君成、): an item of a list of
  // descriptions ends there, at a 、 as at a comma
  const personEnds = new Map<number, Mention>();
  const personStarts = new Set<number>();
  for (const m of s.mentions) if (kinds[m.subject] === 'individual') { personEnds.set(m.end, m); personStarts.add(m.start); }
  const itemEnd = (i: number, cs: number): boolean => {
    if (text[i] !== '、') return false;
    const m = personEnds.get(i);
    // (not where another name follows at once: 社会法官杨杨、姜晗浩 are named together)
    if (!m || personStarts.has(i + 1)) return false;
    const head = clauseHead(text, cs, i, pat);
    return m.start > head && describedBefore(text, head, m.start, i, t);
  };
  for (const [pi, para] of body.entries()) {
    let cs = para.start;
    const named = new Set<number>();
    // 打防结合的电信诈骗犯克星 / 2016年10月18日,一起…案告破,…30余名…。该起案件由…李作明主导侦破: under a heading of
    // its own, a paragraph that tells of a deed before it names who did it is that person's from its start
    const before = body[pi - 1];
    if (before !== undefined && before.end - before.start <= 24 && !/[。，,；;！？!?：:]/.test(text.slice(before.start, before.end))) {
      const end = Math.min(para.end, para.start + 60);
      const first = firstFrom(s.mentions, para.start);
      const opens = openingSubject(text, clauseHead(text, para.start, end, pat), end, s, first, pat, t, own, current, people, lastJoint, kinds);
      let ahead: Mention | undefined;
      for (let k = first; k < s.mentions.length && (s.mentions[k] as Mention).start < para.end; k++) if (kinds[(s.mentions[k] as Mention).subject] === 'individual') { ahead = s.mentions[k]; break; }
      if (!opens && ahead !== undefined && ahead.start > para.start) turn(para.start, [ahead.subject], 'ahead', false);
    }
    for (let i = para.start; i <= para.end; i++) {
      if (i < para.end && !CLAUSE_END.test(text[i] as string) && !itemEnd(i, cs)) continue;
      if (i > cs) {
        // every name the clause mentions, in order: the last person named is who a pronoun means
        mi = firstFrom(s.mentions, cs);
        const head = clauseHead(text, cs, i, pat);
        // the people this paragraph has named so far, most recent first
        const local = people.filter((k) => named.has(k));
        const opened = head < i ? openingSubject(text, head, i, s, mi, pat, t, own, current, people, lastJoint, kinds, local, gender) : null;
        // 他，……先后化解信访积案150多件；他，就是…李拓宇: a pronoun before anyone is named means the first one named
        if (!opened && people.length === 0 && forward === null && pat.pronoun.test(text.slice(head, Math.min(i, head + 8)))) forward = head;
        if (opened) {
          const person = opened.subjects.find((k) => kinds[k] === 'individual');
          if (forward !== null && person !== undefined) { turns.unshift({ start: forward, subjects: [person], how: 'pronoun', named: false }); forward = -1; }
          turn(head, opened.subjects, opened.how, opened.named);
        }
        for (let m = mi; m < s.mentions.length && (s.mentions[m] as Mention).start < i; m++) { seen((s.mentions[m] as Mention).subject); named.add((s.mentions[m] as Mention).subject); }
      }
      cs = i + 1;
    }
  }
  return turns;
}

/** Where a clause's subject would stand: past its leading spaces, markers, time and linking words. */
function clauseHead(text: string, start: number, end: number, pat: Patterns): number {
  let at = start;
  for (let k = 0; k < 4 && at < end; k++) {
    const m = pat.lead.exec(text.slice(at, Math.min(end, at + 40)));
    if (!m || m[0].length === 0) break;
    at += m[0].length;
  }
  return at;
}

function openingSubject(
  text: string, head: number, end: number, s: Subjects, mi: number, pat: Patterns, t: SubjectTables, own: number,
  current: readonly number[], people: readonly number[], lastJoint: readonly number[], kinds: readonly string[], local: readonly number[] = people,
  gender: Map<number, string> = new Map(),
): { subjects: number[]; how: string; named: boolean } | null {
  // a name at the head, and any named with it (张三和李四, 张三、李四、王五)
  let m = mi;
  while (m < s.mentions.length && (s.mentions[m] as Mention).start < head) m++;
  let first = s.mentions[m];
  // 李玉兰的父亲李荣法，曾是…: the one named after 的 and a word for who they are to the first
  const after = s.mentions[m + 1];
  if (first && first.start === head && after && kinds[after.subject] === 'individual' && /^的[\u4e00-\u9fa5]{1,4}$/.test(text.slice(first.end, after.start))) { first = after; m++; }
  if (first && (first.start === head || first === after)) {
    const subjects = [first.subject];
    let at = first.end;
    for (let n = m + 1; n < s.mentions.length; n++) {
      const next = s.mentions[n] as Mention;
      const gap = text.slice(at, next.start);
      if (next.start >= end || !pat.joiner.test(gap)) break;
      if (!subjects.includes(next.subject)) subjects.push(next.subject);
      at = next.end;
    }
    return { subjects, how: subjects.length > 1 ? 'joint' : 'name', named: true };
  }
  const rest = text.slice(head, Math.min(end, head + 8));
  // 这个人叫王少磊, 这个人姓耿: the one a telling has been about all along
  const called = /^(?:这个人|这位|此人|[他她])(?:名叫|叫|姓)/.exec(rest);
  const named = called ? s.mentions[m] : undefined;
  if (called && named && named.start === head + called[0].length && kinds[named.subject] === 'individual') return { subjects: [named.subject], how: 'name', named: true };
  // 镇江市公安局…主任金怡跪在…, 57岁的任小青…, “金牌调解员”崔荣早所在的…: a person named at the end of the
  // description that opens the clause
  // (她与丈夫杨贵俭一起…: a clause that opens with a pronoun is the pronoun's, whoever it names after)
  const byPronoun = pat.pronoun.test(rest) && !/^[他她它]的/.test(rest);
  for (let n = m; !byPronoun && n < s.mentions.length && (s.mentions[n] as Mention).start < end; n++) {
    const x = s.mentions[n] as Mention;
    // 一支由退休法官组建的“银发调解团”从3人发展到6人: a unit named in quotes at the end of the description
    if (kinds[x.subject] !== 'individual') {
      if (/的[“"]$/.test(text.slice(x.start - 2, x.start)) && /^[”"]/.test(text.slice(x.end, x.end + 1))) return { subjects: [x.subject], how: 'described', named: true };
      continue;
    }
    if (describedBefore(text, head, x.start, end, t) || t.posts.some((p) => text.startsWith(p, x.end))) return { subjects: [x.subject], how: 'described', named: true };
    break;
  }
  const self = pat.self.exec(rest);
  if (self) {
    if (own >= 0) return { subjects: [own], how: 'self', named: false };
    const tail = self[0].slice(1);
    const unit = /^这/.test(self[0]) ? s.subjects.findIndex((x) => x.kind === 'collective') : s.subjects.findIndex((x) => x.kind === 'collective' && x.name.endsWith(tail));
    return unit >= 0 ? { subjects: [unit], how: 'self', named: false } : null;
  }
  const group = pat.group.exec(rest);
  if (group) {
    const n = /[三]/.test(group[0]) ? 3 : 2;
    // (姐妹俩 where the paragraph has named one of the two only: that one, not someone of a paragraph before)
    if (lastJoint.length < 2 && local.length === 1) return { subjects: [local[0] as number], how: 'group', named: false };
    const together = lastJoint.length >= 2 ? [...lastJoint] : people.slice(0, n).reverse();
    return together.length >= 2 ? { subjects: together, how: 'group', named: false } : null;
  }
  if (pat.pronoun.test(rest)) {
    // 他 and 她 keep to whom they have meant: 她 after a man 他 has meant is the woman named last (…老伴张淑芹的支持。20多年来，她帮助…)
    const g = /^[他她]/.exec(rest)?.[0];
    const sameAs = (k: number): boolean => g === undefined || (gender.get(k) ?? g) === g;
    if (current.length === 1 && kinds[current[0] as number] === 'individual' && sameAs(current[0] as number)) { if (g) gender.set(current[0] as number, g); return null; }
    // (only someone named since: a text that says 他 of a woman once does not send 她 back to another)
    const person = current.length === 1 && kinds[current[0] as number] === 'individual' ? (people[0] !== current[0] && sameAs(people[0] as number) ? people[0] : undefined) : people[0];
    if (person === undefined && current.length === 1) return null;
    if (person !== undefined && g) gender.set(person, g);
    return person !== undefined ? { subjects: [person], how: 'pronoun', named: false } : null;
  }
  return null;
}

/** Whether what stands right before a name describes it: a post (主任金怡), 的 (57岁的任小青) or a closing quote (“金牌调解员”崔荣早). */
function describedBefore(text: string, head: number, at: number, end: number, t: SubjectTables): boolean {
  if (at <= head) return false;
  const before = text[at - 1] as string;
  // also a trade right before it (木雕师韩志远, 外卖小哥邓晓军, 养护工马德民)
  if (before === '的' || before === '”' || before === '」' || before === '"' || ROLE_ENDS.includes(before)) return true;
  // 主任金怡; 陈杨寨法庭文娟法官: a post or a unit before the name, or a post right after it
  const ends = (words: readonly string[]): boolean => words.some((p) => at - p.length >= head && text.startsWith(p, at - p.length));
  return ends(t.posts) || ends(t.unit_suffixes);
}


/** How many clause marks stand between two positions. */
function clauseMarks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (CLAUSE_END.test(text[i] as string)) n++;
  return n;
}

/** Index of the last turn that starts at or before `pos`, or -1. */
function turnAt(turns: readonly Turn[], pos: number): number {
  let lo = 0;
  let hi = turns.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if ((turns[mid] as Turn).start <= pos) lo = mid + 1; else hi = mid; }
  return lo - 1;
}

/** Where a figure stands: its own offset, and where its clause, sentence and paragraph begin or end. */
export interface Place { readonly pos: number; readonly clauseStart: number; readonly sentenceStart: number; readonly sentenceEnd: number; readonly paragraphStart: number }

/**
 * The subjects a figure belongs to (see the module comment). A subject carried over from an
 * earlier paragraph gives way to one the figure's sentence names after it (20多年来，对工作的热爱…
 * 使原九成具备…). Empty when nobody is in force.
 */
export function subjectsAt(text: string, turns: readonly Turn[], s: Subjects, at: Place): Attributed {
  const { pos, clauseStart, sentenceEnd, paragraphStart } = at;
  const k = turnAt(turns, pos);
  const here = turns[k];
  const next = turns[k + 1];
  const open = here === undefined || here.start < clauseStart;
  // 入伍5年多来，谢樵…: the sentence opened with the figure's clause, no subject in it, and a name opens
  // the very next clause close after, past a comma (not past a semicolon: …化解纠纷900多起；焦文静…)
  if (open && next && next.named && next.start < sentenceEnd && next.start - pos <= NEXT_NAME_REACH && clauseMarks(text, pos, next.start) === 1
    && clauseStart === at.sentenceStart && !/[；;：:]/.test(text.slice(pos, next.start))) {
    return { subjects: next.subjects, rule: 'nominee:next-name' };
  }
  if (here === undefined || here.start < paragraphStart) {
    const m = s.mentions[firstFrom(s.mentions, pos)];
    if (m && m.start < sentenceEnd && !/[；;]/.test(text.slice(pos, m.start)) && !(here?.subjects.length === 1 && here.subjects[0] === m.subject)) return { subjects: [m.subject], rule: 'nominee:sentence-name' };
  }
  if (here) return { subjects: here.subjects, rule: `nominee:${here.how}` };
  // before anyone is named: the one the text is mainly about
  return s.main >= 0 ? { subjects: [s.main], rule: 'nominee:main' } : { subjects: [], rule: 'nominee:none' };
}
