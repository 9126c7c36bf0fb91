/**
 * Recovers a notice's structure from the normalized view: title, paragraphs and sentences,
 * the nominee list, the selection criteria, each nominee's achievement section and the heading
 * hierarchy inside it. All offsets here are view offsets; the caller maps them to the original.
 */
import { type TextView, toOriginal, toSimplified, LINE_MARKER } from '../read/view.js';
import { loadDictionaries } from '../dictionaries.js';
import { findSubjects, isChrome, withMentions, ITEM_MARKS, type IsWord, type SubjectTables, type Subjects } from './subjects.js';
import { ownSubject, readDiscourse, selfReferenceIn, type Turn } from './discourse.js';
import { documentMeta, type DocumentMeta, type RegionTables } from './metadata.js';

export type NomineeKind = 'collective' | 'individual';

import type { Paragraph, Range } from './range.js';

export type { Paragraph, Range };

export interface HeadingNode extends Range {
  readonly text: string;
  readonly rank: number;
  /** true for an item marker that opens a paragraph or follows a full stop (一是…。) */
  readonly inline: boolean;
}

export interface NomineeInfo {
  readonly id: string;
  /** as written (張三 in a traditional notice) */
  readonly name: string;
  /** as the view reads it (张三), for matching headings and mentions; absent where it equals name */
  readonly viewName?: string;
  readonly kind: NomineeKind;
  readonly title?: string;
  /** view range of the achievement section body (after its heading), when found */
  section?: Range & { readonly heading: string; readonly headingRange: Range };
}

export interface CriterionInfo extends Range {
  readonly id: string;
  readonly group: NomineeKind;
  readonly text: string;
}

export interface DocumentStructure {
  readonly title: string;
  readonly titleRange: Range | null;
  readonly paragraphs: readonly Paragraph[];
  readonly nominees: NomineeInfo[];
  readonly criteria: readonly CriterionInfo[];
  /** Ranges of the view in which claims are looked for, each with its nominee (or null). */
  readonly scan: ReadonlyArray<Range & { readonly nominee: string | null }>;
  /** Headings in document order, standalone and inline. */
  readonly headings: readonly HeadingNode[];
  readonly kind: 'notice' | 'write-up';
  readonly warnings: string[];
  /** paragraphs that are page chrome (source lines, share buttons, captions): never scanned */
  readonly chrome: readonly Range[];
  /** for a write-up: its subjects and their mentions; nominee i is subjects.subjects[i - 1] */
  readonly subjects: Subjects | null;
  /** for a write-up: where each subject takes over, clause by clause (discourse.ts) */
  readonly turns: readonly Turn[];
  /** year, issuer, region and honour of the document */
  readonly meta: DocumentMeta;
}

const CN_DIGITS = '一二三四五六七八九十';

/** Rank of a heading marker: lower is higher in the hierarchy. */
export function markerRank(text: string): number | null {
  if (/^第[一二三四五六七八九十\d]{1,3}[章节部分]/.test(text)) return 0;
  if (new RegExp(`^[（(][${CN_DIGITS}]{1,3}[）)]`).test(text)) return 1;
  if (new RegExp(`^[${CN_DIGITS}]{1,3}、`).test(text)) return 2;
  if (new RegExp(`^[${CN_DIGITS}]{1,3}是`).test(text)) return 3;
  if (/^\d{1,2}(?:、|[.．](?!\d))/.test(text)) return 4;
  if (/^[（(]\d{1,2}[）)]/.test(text)) return 5;
  return null;
}

/**
 * Paragraphs: the lines of the text, except that a line break inside a parenthesis that closes on
 * the next line does not end one (来访143宗次1079人(次)(含群体访42宗933⏎2、人次),同比减少…: a
 * document viewer's page or line number wrapped into a sentence).
 */
export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || (text[i] === '\n' && !wrappedInParenthesis(text, start, i))) {
      if (i > start) out.push({ start, end: i, index: out.length });
      start = i + 1;
    }
  }
  return out;
}

/** Whether the line break at `i` falls inside a parenthesis opened shortly before it and closed early on the next line. */
function wrappedInParenthesis(text: string, lineStart: number, i: number): boolean {
  const before = text.slice(Math.max(lineStart, i - 24), i);
  const open = Math.max(before.lastIndexOf('('), before.lastIndexOf('（'));
  if (open < 0 || /[)）]/.test(before.slice(open)) || /[。！？]/.test(before.slice(open))) return false;
  const next = /^[^\n]{0,16}?[)）]/.exec(text.slice(i + 1, i + 20));
  return next !== null && !/[。！？(（]/.test(next[0]);
}

const TERMINATOR = /[。！？!?]/;
const STOP_CODES = new Uint8Array(0x10000);
for (const ch of '。！？!?.') STOP_CODES[ch.charCodeAt(0)] = 1;
/** An English full stop: after a word or figure, before a space or the end. */
const isEnglishStop = (text: string, i: number): boolean => text[i] === '.' && /[a-z0-9)%"”]/i.test(text[i - 1] ?? '') && /^(?:\s|$)/.test(text[i + 1] ?? '') && !/\b(?:No|Mr|Ms|Dr|St|vs|etc|e\.g|i\.e)$/.test(text.slice(Math.max(0, i - 4), i));

/** Sentences of a range: half-open, without the terminator and surrounding spaces. */
export function sentencesOf(text: string, range: Range): Range[] {
  const out: Range[] = [];
  let s = range.start;
  const push = (a: number, b: number): void => {
    while (a < b && /\s/.test(text[a] as string)) a++;
    while (b > a && /\s/.test(text[b - 1] as string)) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  for (let i = range.start; i < range.end; i++) {
    const c = text.charCodeAt(i);
    if (!STOP_CODES[c]) continue;
    const ch = text[i] as string;
    if (TERMINATOR.test(ch) || (ch === '.' && isEnglishStop(text, i))) {
      push(s, i);
      // closing quotes after the stop belong to the sentence that ended
      let j = i + 1;
      while (j < range.end && /[”’」』）)]/.test(text[j] as string)) j++;
      s = j;
      i = j - 1;
    }
  }
  push(s, range.end);
  return out;
}

const ACHIEVEMENT_HEADING = /^(.{2,80}?)(?:同志)?的?(?:主要|先进|典型|突出)?事迹(?:材料|简介|概述)?[：:]?$/;
const GROUP_HEADING = new RegExp(`^[（(][${CN_DIGITS}]{1,3}[）)]\\s*(?:全国信访系统)?(?:先进|优秀)?(集体|单位|工作者|个人)(?:事迹)?$`);
const LIST_HEADING = /(推荐|名单|候选|拟表彰|表彰对象|人选)/;
const LIST_ITEM = new RegExp(`^(?:[${ITEM_MARKS}]\\s*|(?:[-*+•·]\\s*)?(?:[（(]?\\d{1,2}[）)、.．]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]))\\s*`);

function groupOf(text: string): NomineeKind | null {
  const coll = /(集体|单位)/.test(text);
  const ind = /(工作者|个人|人物|标兵|模范)/.test(text);
  if (coll && !ind) return 'collective';
  if (ind && !coll) return 'individual';
  return null;
}

function originalText(view: TextView, r: Range): string {
  const o = toOriginal(view, r.start, r.end);
  return view.original.slice(o.start, o.end);
}

/** The characters of the original that the view holds for a range, as written: a name without the pinyin glosses in it (王書(shū)茂 is 王書茂). */
function heldText(view: TextView, r: Range): string {
  let out = '';
  for (let v = r.start; v < r.end; v++) out += view.original[view.map[v] as number] ?? '';
  return out;
}

/** Where the text names a unit in full: with 人民 (矿区人民法院 for 矿区法院) or its level (大观区法院 for 大观法院), or null. */
function fullUnitName(text: string, name: string): Range | null {
  // 矿区法院 named once as (甘肃)矿区人民法院
  const withPeople = name.replace(/(法院|检察院)$/, '人民$1');
  const at = withPeople === name ? -1 : text.indexOf(withPeople);
  if (at >= 0) return { start: at, end: at + withPeople.length };
  for (let k = 2; k <= 4 && k < name.length - 1; k++) {
    for (const level of ['区', '县', '市']) {
      const full = name.slice(0, k) + level + name.slice(k);
      const at = text.indexOf(full);
      if (at >= 0 && !/[区县市]/.test(name.slice(k - 1, k + 1))) return { start: at, end: at + full.length };
    }
  }
  return null;
}

function parseNomineeItem(raw: string, kind: NomineeKind): { name: string; title?: string } | null {
  const item = raw.trim().replace(LIST_ITEM, '').trim();
  if (item === '' || item.length > 60 || /[。！？]/.test(item)) return null;
  if (kind === 'collective') return { name: item.replace(/\s+/g, '') };
  const m = /^([\u4e00-\u9fa5·]{2,6}?)(?:\s+|[（(，,：:、]\s*)(.+?)[）)]?$/.exec(item);
  if (m) {
    let title = (m[2] as string).replace(/\s+/g, '');
    // 男，汉族，1972年2月出生，中共党员，现任东平县信访局局长 -> 东平县信访局局长
    // only in a biography (comma-separated); 任丘市信访局 keeps its 任
    const now = /[，,](?:现任|现为|任)([^，,；;]+)$/.exec(title);
    if (now) title = now[1] as string;
    else if (/(出生|[男女][，,])/.test(title)) title = title.split(/[，,]/).pop() ?? title;
    return { name: m[1] as string, title };
  }
  return { name: item.replace(/\s+/g, '') };
}

/** The name of a part of a notice (主要事迹, 评选条件, 公示时间), which ends a list of nominees. */
const PART_NAME = /(?:事迹|条件|名单|附件|要求|程序|时间|方式|办法|说明|简介|材料|情况)$/;

const UNIT_END = /(局|科|室|办|中心|委员会|委|所|院|队|站|厅|处|部|组|会|中队|大队|支队|街道|乡|镇|村|社区|公司|学校|医院|法庭|庭|团队|群体|热线)$/;

function guessKind(name: string): NomineeKind {
  if (UNIT_END.test(name)) return 'collective';
  return name.length <= 4 ? 'individual' : 'collective';
}

/** Finds the nominee named in an achievement heading: the longest listed name it contains. */
function matchNominee(heading: string, nominees: readonly NomineeInfo[]): NomineeInfo | null {
  let best: NomineeInfo | null = null;
  for (const n of nominees) {
    const name = n.viewName ?? n.name;
    if (heading.includes(name) && (best === null || name.length > (best.viewName ?? best.name).length)) best = n;
  }
  return best;
}

function parseCriteria(view: TextView, paras: readonly Paragraph[], stopAt: number): CriterionInfo[] {
  const text = view.text;
  const out: CriterionInfo[] = [];
  let group: NomineeKind | null = null;
  let general: Range | null = null;
  const flushGeneral = (): void => {
    if (group === 'individual' && general) {
      let t = text.slice(general.start, general.end);
      // The closing "同时，应具备下列条件之一：" introduces the numbered items; it is not a condition.
      const tail = /[。；]?\s*同时[，,]?[^。]*(?:条件之一|下列条件)[^。]*[：:]?$/.exec(t);
      let end = general.end;
      if (tail) { t = t.slice(0, tail.index + 1); end = general.start + t.length; }
      out.push({ id: 'individual-general', group: 'individual', text: t, start: general.start, end });
    }
    general = null;
  };
  for (const p of paras) {
    if (p.start >= stopAt) break;
    const t = text.slice(p.start, p.end);
    if (/(条件|标准)[：:]?$/.test(t) && t.length <= 40 && !LIST_ITEM.test(t.replace(/^[（(][一二三四五六七八九十]+[）)]/, ''))) {
      const g = groupOf(t);
      if (g) { flushGeneral(); group = g; continue; }
      if (/(集体|单位)/.test(t) && /(工作者|个人)/.test(t)) { flushGeneral(); group = null; continue; }
    }
    if (group === null) continue;
    const num = /^(\d{1,2})(?:[、.．](?!\d)|\s)\s*/.exec(t) ?? /^[（(](\d{1,2})[）)]\s*/.exec(t);
    if (num) {
      flushGeneral();
      out.push({ id: `${group}-${num[1] as string}`, group, text: t.slice(num[0].length), start: p.start + num[0].length, end: p.end });
    } else if (markerRank(t) !== null || ACHIEVEMENT_HEADING.test(t)) {
      flushGeneral();
      group = null;
    } else if (group === 'individual' && !out.some((c) => c.group === 'individual')) {
      general = general ? { start: general.start, end: p.end } : { start: p.start, end: p.end };
    }
  }
  flushGeneral();
  return out;
}

/** Index of the first paragraph that ends after `pos` (paragraphs are in text order). */
export function firstParagraphAfter(paras: readonly Range[], pos: number): number {
  let lo = 0;
  let hi = paras.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((paras[mid] as Range).end <= pos) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function findHeadings(text: string, range: Range, paras: readonly Paragraph[]): HeadingNode[] {
  const out: HeadingNode[] = [];
  for (let pi = firstParagraphAfter(paras, range.start); pi < paras.length && (paras[pi] as Paragraph).start < range.end; pi++) {
    const p = paras[pi] as Paragraph;
    const t = text.slice(p.start, p.end);
    const rank = markerRank(t);
    if (rank === null) continue;
    const sentences = sentencesOf(text, p);
    if (sentences.length <= 1 && t.length <= 100) {
      out.push({ start: p.start, end: p.end, text: t, rank, inline: false });
      continue;
    }
    // Inline items: 一是…。…。二是…。 — each opens at the paragraph start or after a stop.
    const re = new RegExp(`(?:^|(?<=[。；;！？]))([${CN_DIGITS}]{1,3}是|\\d{1,2}[、.．](?!\\d)|[（(][${CN_DIGITS}\\d]{1,3}[）)])`, 'g');
    for (const m of t.matchAll(re)) {
      const at = p.start + m.index;
      const r = markerRank(text.slice(at, p.end));
      if (r === null) continue;
      const first = sentencesOf(text, { start: at, end: p.end })[0];
      let end = first ? first.end : p.end;
      if (TERMINATOR.test(text[end] ?? '')) end++;
      out.push({ start: at, end, text: text.slice(at, end), rank: r, inline: true });
    }
  }
  return out;
}

const EN_HEADING = /^(?:(?:outstanding|main|major)\s+)?(?:deeds|achievements|citation|profile|record)\s+(?:of|for)\s*:?\s+(?:comrade\s+)?(.{2,80}?)\s*[:.]?$/i;
const EN_UNIT = /\b(bureau|office|department|centre|center|section|committee|station|team|division|unit|court)\b/i;

function nomineeFromTitle(title: string, posts: readonly string[]): { name: string; kind: NomineeKind } | null {
  const en = EN_HEADING.exec(title.trim()) ?? /^(?:comrade\s+)?(.{2,80}?)\s*[:–—-]\s*(?:outstanding|main|major)?\s*(?:deeds|achievements|citation)\s*:?$/i.exec(title.trim());
  if (en) {
    const name = (en[1] as string).replace(/^the\s+/i, '').trim();
    return { name, kind: EN_UNIT.test(name) ? 'collective' : 'individual' };
  }
  const m = ACHIEVEMENT_HEADING.exec(title.replace(/\s+/g, ''));
  if (!m) return null;
  // 西岭县信访局“人民满意窗口” -> 西岭县信访局: a quoted honour after the name is not the name
  let name = (m[1] as string).replace(/^关于/, '').replace(/[“"「][^”"」]*[”"」]$/, '').replace(/(同志|的)$/, '');
  // "山西省信访局督查处处长周方志" -> keep as is; the person is named at the end
  const person = /(?:处长|局长|主任|科长|书记|站长|所长|队长|组长|干部|同志)([\u4e00-\u9fa5]{2,3})$/.exec(name);
  if (person) name = person[1] as string;
  if (name.length < 2) return null;
  // 两位信访干部的事迹, 信访干部事迹: a number of people, or a word for what they are, names nobody
  if (/^[一二两三四五六七八九十百几数多\d]+[位名个人对]/.test(name) || posts.some((q) => name.endsWith(q))) return null;
  // 他们的先进事迹: a pronoun names nobody
  if (/^(?:他|她|它|我|你|其|该|这|那)/.test(name)) return null;
  // 先进个人事迹简介, 优秀调解员事迹: a kind of honour or of people names nobody
  if (/^(?:先进|优秀|模范|最美|十佳|金牌|道德|身边)?(?:个人|集体|工作者|人物|典型|代表|好人|模范|调解员|标兵)$/.test(name) || /(?:个人|集体|工作者|人物|典型)$/.test(name)) return null;
  // 全市信访系统先进典型事迹 names nobody: a unit's name ends as one does, a person's is short
  if (name.length > 4 && !UNIT_END.test(name.replace(/[（(][^）)]*[）)]$/, ''))) return null;
  return { name, kind: guessKind(name) };
}

/** The nominee list of a notice: items under a heading such as 推荐对象名单 (集体 / 个人). */
function nomineeList(view: TextView, paras: readonly Paragraph[], title: string): NomineeInfo[] {
  const text = view.text;
  const nominees: NomineeInfo[] = [];
  let listGroup: NomineeKind | null = null;
  for (const p of paras) {
    const t = text.slice(p.start, p.end);
    if (LIST_HEADING.test(t) && !/条件/.test(t) && !/[。]$/.test(t) && t.length <= 60) {
      // 推荐对象名单 names no group; the title may (2022年度先进个人推荐对象公示)
      listGroup = groupOf(t) ?? groupOf(title);
      continue;
    }
    if (listGroup === null) continue;
    if (!LIST_ITEM.test(t)) { listGroup = null; continue; }
    const item = parseNomineeItem(originalText(view, p), listGroup);
    // 二、主要事迹, 三、评选条件: the next part of the notice, not a nominee
    if (!item || PART_NAME.test(item.name)) { listGroup = null; continue; }
    const n: NomineeInfo = { id: `n${nominees.length + 1}`, name: item.name, kind: listGroup };
    // the name as the view reads it (traditional characters mapped), to match its section
    const seen = view.script === 'traditional' ? toSimplified(item.name) : item.name;
    if (seen !== item.name) (n as { viewName?: string }).viewName = seen;
    if (item.title !== undefined) (n as { title?: string }).title = item.title;
    nominees.push(n);
  }
  return nominees;
}

/**
 * A write-up's subjects, their turns, its nominees and the range to scan. `listed` are the names a
 * list gave when no section of theirs was found: they are subjects first, with their ids and titles.
 */
function readWriteUp(view: TextView, paras: readonly Paragraph[], first: Paragraph | null, title: string, chrome: ReadonlySet<Paragraph>, tables: SubjectTables, isWord: IsWord | undefined, listed: readonly NomineeInfo[]): {
  subjects: Subjects; turns: readonly Turn[]; nominees: NomineeInfo[]; warnings: string[]; scan: Range & { nominee: string | null };
} {
  const text = view.text;
  const isTitle = first !== null && paras.length > 1 && (first.end - first.start) <= 80 && !/[。！？]$/.test(text.slice(first.start, first.end));
  const start = first ? (isTitle ? first.end + 1 : first.start) : 0;
  const body = paras.filter((p) => p.start >= start && !chrome.has(p));
  const fromTitle = listed.length > 0 ? null : nomineeFromTitle(title, tables.posts);
  const found = findSubjects(text, isTitle ? text.slice((first as Paragraph).start, (first as Paragraph).end) : '', body, tables, isWord);
  const seeds = listed.map((n) => ({ name: n.viewName ?? n.name, kind: n.kind, how: 'list' }));
  // a unit's own write-up (…立案庭先进事迹): the people in it are its members, their figures its own
  const others = found.subjects.filter((x) => (fromTitle === null || (x.name !== fromTitle.name && (fromTitle.kind === 'individual' || x.kind === 'collective')))
    && !seeds.some((y) => y.name.includes(x.name) || x.name.includes(y.name)));
  const all = fromTitle ? [{ ...fromTitle, how: 'heading' }, ...others] : [...seeds, ...others];
  const subs = fromTitle || seeds.length > 0 ? withMentions(text, all, fromTitle ? 0 : null) : found;
  const nominees: NomineeInfo[] = subs.subjects.map((x, k) => {
    if (k < listed.length) return listed[k] as NomineeInfo;
    // the name as written (趙貴成 in a traditional text), from its first mention by that name (not 我局 for the unit)
    const m = subs.mentions.find((y) => y.subject === k && text.slice(y.start, y.end) === x.name);
    // 大观法院, named once in full as 大观区法院: the full name
    const full = x.kind === 'collective' ? fullUnitName(text, x.name) : null;
    if (full !== null) return { id: `n${k + 1}`, name: heldText(view, full), kind: x.kind };
    return { id: `n${k + 1}`, name: m ? heldText(view, m).trim() || x.name : x.name, kind: x.kind };
  });
  const warnings: string[] = [];
  if (listed.length > 0) warnings.push('nominees are listed but no achievement section was found: each claim goes to the nominee the text names where it stands');
  const self = selfReferenceIn(text, tables);
  if (self !== null && !subs.subjects.some((x) => x.kind === 'collective')) warnings.push(`the text speaks for a unit (${self}) but never names it: no nominee for what it reports`);
  return {
    subjects: subs,
    turns: readDiscourse(text, body, subs, tables, ownSubject(text, subs, tables)),
    nominees,
    warnings,
    // a headline's figures are claims too (王大伟17年“追逃”482人)
    scan: { start: first ? first.start : 0, end: text.length, nominee: nominees.length === 1 ? 'n1' : null },
  };
}

/**
 * `isWord` tells a write-up's name candidates from ordinary words (高度, 全程); the caller that
 * segments the text supplies it, so that structure needs no segmenter of its own.
 */
export function parseStructure(view: TextView, tables: SubjectTables = loadDictionaries().subjects, isWord?: IsWord, regions: RegionTables = loadDictionaries().regions): DocumentStructure {
  const text = view.text;
  const paras = paragraphsOf(text);
  const warnings: string[] = [];
  // a web page's chrome (来源/作者 lines, site names, share buttons) comes before the title
  const chromeSet = new Set(paras.filter((p) => isChrome(text.slice(p.start, p.end), tables)));
  const chrome = [...chromeSet].map((p) => ({ start: p.start, end: p.end }));
  const first = paras.find((p) => !chromeSet.has(p)) ?? paras[0] ?? null;
  const title = first ? originalText(view, first).trim() : '';
  let subjects: Subjects | null = null;
  let turns: readonly Turn[] = [];

  // the title as the view reads it: 個人 in a traditional title is 个人
  const nominees = nomineeList(view, paras, first ? text.slice(first.start, first.end) : '');

  // Achievement sections
  const sectionStarts: Array<{ p: Paragraph; nominee: NomineeInfo; inline?: number }> = [];
  const hadList = nominees.length > 0;
  const byName = new Map<string, NomineeInfo>();
  for (const n of nominees) if (!byName.has(n.viewName ?? n.name)) byName.set(n.viewName ?? n.name, n);
  for (const p of paras) {
    const t = text.slice(p.start, p.end);
    // 东平县人民来访接待中心：该中心现有… — a listed name and a colon open a section in the paragraph itself
    if (hadList && !LIST_ITEM.test(t)) {
      const colon = t.search(/[：:]/);
      const lead = colon > 0 && colon <= 40 ? byName.get(t.slice(0, colon).replace(/同志$/, '')) : undefined;
      if (lead) {
        sectionStarts.push({ p, nominee: lead, inline: p.start + colon + 1 });
        continue;
      }
    }
    if (t.length > 80 || LIST_ITEM.test(t) || p === first && !hadList && paras.length > 1 && !ACHIEVEMENT_HEADING.test(t)) continue;
    if (!ACHIEVEMENT_HEADING.test(t) || markerRank(t) !== null) continue;
    let n = matchNominee(t, nominees);
    if (!n) {
      // a section for someone the list does not name (or there is no list): keep it, and say so
      const guess = nomineeFromTitle(t, tables.posts);
      // only a name: not a part heading such as 附件：评选条件和主要事迹 or 正式推荐对象主要事迹
      if (guess && !/(推荐对象|名单|人选|候选|对象|先进集体|先进个人|先进工作者|附件|条件|评选|推荐|[：:、，,])/.test(guess.name)) {
        n = nominees.find((x) => (x.viewName ?? x.name) === guess.name) ?? { id: `n${nominees.length + 1}`, name: guess.name, kind: guess.kind };
        if (!nominees.includes(n)) {
          nominees.push(n);
          if (hadList) warnings.push(`${guess.name}: has an achievement section but is not in the nominee list`);
        }
      }
    }
    if (!n) continue;
    sectionStarts.push({ p, nominee: n });
  }
  const scan: Array<Range & { nominee: string | null }> = [];
  for (let i = 0; i < sectionStarts.length; i++) {
    const { p, nominee, inline } = sectionStarts[i] as { p: Paragraph; nominee: NomineeInfo; inline?: number };
    let end = sectionStarts[i + 1]?.p.start ?? text.length;
    for (let qi = p.index + 1; qi < paras.length && (paras[qi] as Paragraph).start < end; qi++) {
      const q = paras[qi] as Paragraph;
      if (GROUP_HEADING.test(text.slice(q.start, q.end))) { end = q.start; break; }
    }
    const bodyStart = inline ?? Math.min(p.end + 1, end);
    const headingEnd = inline ?? p.end;
    if (nominee.section) warnings.push(`${nominee.name}: more than one achievement section; the first is used`);
    else nominee.section = { start: bodyStart, end, heading: text.slice(p.start, headingEnd), headingRange: { start: p.start, end: headingEnd } };
    scan.push({ start: bodyStart, end, nominee: nominee.id });
  }

  let kind: 'notice' | 'write-up' = hadList || sectionStarts.length > 1 ? 'notice' : 'write-up';
  if (sectionStarts.length === 0) {
    kind = hadList ? 'notice' : 'write-up';
    // a standalone write-up, or a list whose names head no section of their own (1. 孙建平 东湖县…所长⏎孙建平带领…):
    // the people or units it is about, from the title and the text, each claim the one's in force
    const w = readWriteUp(view, paras, first, title, chromeSet, tables, isWord, nominees);
    subjects = w.subjects;
    turns = w.turns;
    nominees.splice(0, nominees.length, ...w.nominees);
    warnings.push(...w.warnings);
    scan.push(w.scan);
  }
  for (const n of nominees) if (!n.section && kind === 'notice' && sectionStarts.length > 0) warnings.push(`${n.name}: listed, but no achievement section found`);

  const firstSection = sectionStarts[0]?.p.start ?? text.length;
  const criteria = parseCriteria(view, paras, firstSection);
  // a notice read as a write-up: its criteria (一般应从事信访工作5年以上) are no one's figures
  if (sectionStarts.length === 0 && criteria.length > 0) {
    const after = Math.max(...criteria.map((c) => c.end));
    scan.splice(0, scan.length, ...scan.map((r) => ({ ...r, start: Math.min(Math.max(r.start, after), r.end) })));
  }

  const headings: HeadingNode[] = [];
  for (const r of scan) headings.push(...findHeadings(text, r, paras));

  return {
    title,
    titleRange: first ? { start: first.start, end: first.end } : null,
    paragraphs: paras,
    nominees,
    criteria,
    scan,
    headings,
    kind,
    warnings,
    chrome,
    subjects,
    turns,
    meta: documentMeta(text, paras, view.text.slice(first?.start ?? 0, first?.end ?? 0), chrome.map((r) => text.slice(r.start, r.end)), regions),
  };
}
