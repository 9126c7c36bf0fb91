/**
 * Who a write-up is about. A notice names its nominees in a list; a write-up from the field names
 * its subject in the title (——记…科长米玛扎西, 曹经久:让信访局变信任局), in the text (他叫X, X同志,
 * X,男,…; a post before a name: 局长姚石玉, 法官文娟) or, for a unit, as the subject of its clauses
 * (正宁县法院在…). Web pages wrap the article in chrome (来源/作者/时间 lines, share buttons,
 * captions, site names) that is never the subject and holds no claims.
 *
 * A claim belongs to the subject named last before it in its paragraph; else to the one named right
 * after it in its sentence; else to the one named last before its paragraph; else to the main subject.
 * All offsets are view offsets.
 */
import type { SubjectTables } from '../dictionaries.js';

export type { SubjectTables };
import type { Range } from './range.js';

export type SubjectKind = 'collective' | 'individual';

export interface Subject {
  readonly name: string;
  readonly kind: SubjectKind;
  /** how it was found: title, called, comrade, biography, post, unit */
  readonly how: string;
}

export interface Mention { readonly start: number; readonly end: number; readonly subject: number }

export interface Subjects {
  readonly subjects: readonly Subject[];
  /** every occurrence of a subject's name, in text order */
  readonly mentions: readonly Mention[];
  /** index of the subject the text is mainly about, or -1 */
  readonly main: number;
}

const CJK = '\\u4e00-\\u9fa5';
/** How a person is found that says the text is about them, whatever else it says of them. */
const STRONG_HOW: ReadonlySet<string> = new Set(['title', 'heading', 'called', 'biography', 'list-item', 'opening', 'comrade']);
/** Marks that lead an item of a list of people (★周立民：…, ◆ 马丽娟 …庭长). */
export const ITEM_MARKS = '★☆◆◇●○■□▲△▶►';
/** A list marker or bracket that may lead a line before a name or a title (1、 （一） 【). */
const LEAD_MARKER = new RegExp(`^\\s*(?:[-*•·${ITEM_MARKS}]\\s*)?(?:\\d{1,2}[、.．](?!\\d)|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\\d]{1,3}[）)])?\\s*`);
const NAME_RUN = new RegExp(`^[${CJK}·]{2,4}`);
/** The units' suffixes as one alternation, longest first; …热线 does not end where …热线中心 or …热线办 goes on. */
function suffixAlt(t: SubjectTables): string {
  return [...t.unit_suffixes].sort((a, b) => b.length - a.length).map((u) => (u.endsWith('热线') ? `${u}(?!中心|办)` : u)).join('|');
}
/** The body of a unit's name before its suffix: ideographs, with a service number inside (南城区12345热线中心, 110指挥中心). */
const UNIT_BODY = (min: number, max: number, lazy = true): string => `[${CJK}](?:[${CJK}]|\\d{3,6}(?=热线|指挥|服务|公共|平台|便民|政务|报警|接警|呼叫|市民|中心)){${min - 1},${max - 1}}${lazy ? '?' : ''}`;
/** A form's placeholder for a name (XX镇, ××县, 某某局, 201*年). */
const PLACEHOLDER = /[XxＸｘ×*＊]|某某/;

/** Characters of verbs and function words that no unit's name holds (…担任…, …推着…回到…). */
const UNIT_BREAKERS = '在是把被将了着担回推说为对到带的';
/** More characters that end what stands before a unit's name (和县信访局, 我县信访局, 2019年县信访局). */
const UNIT_NAME_BREAKS = '和与及向从由给经据至赴我本该其全各年来';

/** Whether a paragraph is page chrome: source and byline lines, share buttons, captions, site names. */
export function isChrome(line: string, t: SubjectTables): boolean {
  const s = line.trim().replace(/^[\s|｜]+/, '');
  if (s === '') return true;
  if (/^[\d\s:：\-/.年月日|]+$/.test(s)) return true; // 2025 / 05-07 / 17:45
  if (/^第[A-Z]?\d+版/.test(s)) return true; // 第A03版:热闻
  // a menu row of a page's footer (新浪简介 | About Sina | 广告服务 | 招聘信息), a line that opens with a web address
  if ((s.match(/[|｜]/g)?.length ?? 0) >= 3 || (s.length <= 80 && /^(?:https?:\/\/|www\.)/i.test(s))) return true;
  // a breadcrumb (新浪首页 > 新闻中心 > 综合 > 正文)
  if (s.length <= 80 && (s.match(/[>＞›»]/g)?.length ?? 0) >= 2 && !/[。，,]/.test(s)) return true;
  // a page's contact line: phone numbers, e-mail addresses, web addresses and nothing else (0310-3111082 3047798688@qq.com)
  if (/^(?:(?:电话|传真|邮箱|E-?mail|Tel)?[:：]?\s*(?:[\d\-+() ]{7,}|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?:\/\/|www\.)\S+)\s*)+$/i.test(s)) return true;
  for (const p of t.chrome.prefixes) {
    if (s.startsWith(p) && (s.length === p.length || /^[\s:：】]/.test(s.slice(p.length)) || p.startsWith('【') || p === '分享到' || p === '图为' || p.startsWith('欢迎') || (/记者$/.test(p) && s.length <= 40))) return true;
  }
  // a byline's words inside a long paragraph do not make it chrome: the article may be glued to it
  if (s.length <= 80 && t.chrome.contains.some((c) => s.includes(c))) return true;
  if (s.length <= 40 && !/[。！？]/.test(s)) {
    if (/(?:19|20)\d{2}[-年/.]\d{1,2}/.test(s) && s.length <= 30 && !/[，,]/.test(s)) return true; // 重庆日报2020-10-18 08:20
    if (t.chrome.sites.some((w) => s.endsWith(w)) && (s.length <= 12 || s.includes('官方'))) return true;
    if (t.chrome.captions.some((w) => s.endsWith(w)) && s.length <= 30) return true;
  }
  // a caption ending a longer line: …新华社记者程敏摄 / 汪斐摄
  return s.length <= 60 && /[\u4e00-\u9fa5]{2,4}\s?[摄攝][)）]?$/.test(s);
}

let countsFor: { text: string; counts: Map<string, number> } | null = null;
let checksFor: { text: string; answers: Map<string, boolean> } | null = null;
/** What is asked of every place the text names a candidate (a third party? the head of a unit's name?), asked once per text and candidate. */
function askedOnce(text: string, key: string, f: () => boolean): boolean {
  if (checksFor?.text !== text) checksFor = { text, answers: new Map() };
  let v = checksFor.answers.get(key);
  if (v === undefined) { v = f(); checksFor.answers.set(key, v); }
  return v;
}
/** How often `s` occurs in `text` (remembered for the text being read: names are counted again and again). */
function countOf(text: string, s: string): number {
  if (countsFor?.text !== text) countsFor = { text, counts: new Map() };
  let n = countsFor.counts.get(s);
  if (n !== undefined) return n;
  n = 0;
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + s.length)) n++;
  countsFor.counts.set(s, n);
  return n;
}

/**
 * The name that starts at `at`, of unknown length: the longest of four, three or two characters
 * that recurs in the text, else three characters unless the third ends a name (姚石玉从事, 文娟被).
 */
function nameAt(text: string, at: number, t: SubjectTables, stops: ReadonlySet<string>, isWord: IsWord, surname = true): string | null {
  if (surname && !t.surnames.includes(text[at] ?? ' ') && !t.compound_surnames.some((c) => text.startsWith(c, at))) return null;
  const run = NAME_RUN.exec(text.slice(at, at + 4))?.[0] ?? '';
  if (run.length < 2) return null;
  const ok = (s: string, stopped = true): boolean => s.length >= 2 && (!stopped || !stops.has(s[s.length - 1] as string)) && !t.not_name_starts.includes(s[0] as string)
    && !t.not_names.some((w) => s.includes(w)) && (!surname || hasSurname(s, t)) && !t.not_name_endings.includes(s[s.length - 1] as string) && !isWord(s);
  for (let len = run.length; len >= 2; len--) {
    const s = run.slice(0, len);
    // recurring, and never seen without its last character (米玛扎西, not 谢樵生 beside 谢樵)
    // a longer name does not open with an ordinary word (公开电话 after 市长 is no name)
    if (ok(s) && countOf(text, s) >= 2 && (len === 2 || countOf(text, s) === countOf(text, s.slice(0, len - 1))) && (len === 2 || !isWord(s.slice(0, 2)))) return s;
  }
  if (!surname) return null; // a rare family name (字辉京, 原九成) is taken only where the name recurs, and never opens with a word (人民调解)
  // seen once: only where what follows shows where it ends (姚石玉从事, 赵贵成将; not 连续奋战)
  const ends = (len: number): boolean => {
    const next = text[at + len] ?? '';
    // what follows is a stop, punctuation, or a word starting right there (李华联合, 姚石玉从事)
    return next === '' || stops.has(next) || !/[\u4e00-\u9fa5]/.test(next) || isWord(text.slice(at + len, at + len + 2));
  };
  const three = run.slice(0, 3);
  const two = run.slice(0, 2);
  // the segmenter's first word boundary after two or three characters (钟小华/联合, 金怡/比对, 姚石玉/从事)
  if (isWord.cut) {
    let end = 0;
    const bounds = new Set<number>();
    const words = isWord.cut(text.slice(at, at + 8));
    for (const w of words) { end += w.length; bounds.add(end); }
    if (bounds.has(3) && three.length === 3 && ok(three) && ends(3)) return three;
    // one word it does not know, even where its last character often ends a name (庭长尹文生因…)
    if (words[0] === three && three.length === 3 && isWord.tag?.(three) === 'x' && ok(three, false)
      && (ends(3) || (words[1] !== undefined && isWord.tag(words[1]) !== 'x'))) return three;
    if (bounds.has(2) && ok(two) && ends(2)) return two;
  }
  // 全程参与, 金怡比对: a name seen once does not end inside a word that runs on past it
  if (three.length === 3 && ok(three) && ends(3) && !isWord(text.slice(at + 2, at + 4))) return three;
  return ok(two) && ends(2) ? two : null;
}

/**
 * Whether a string is an ordinary word (jieba knows it, and not as a name): 高度, 全程 name nobody.
 * `cut`, where given, segments a short stretch, so that a name seen once ends where a word starts.
 */
export interface IsWord {
  (s: string): boolean;
  readonly cut?: (s: string) => readonly string[];
  /** jieba's part-of-speech tag of a stretch taken as one word (nr for a name it knows, x for one it does not) */
  readonly tag?: (s: string) => string;
}

/** Whether a candidate name opens with a family name (single or compound). */
function hasSurname(s: string, t: SubjectTables): boolean {
  return t.compound_surnames.some((c) => s.startsWith(c) && s.length > c.length) || t.surnames.includes(s[0] as string);
}

/** The people or units named in the title: ——记…NAME (…和…NAME), or NAME: before a headline. */
function titleSubjects(title: string, text: string, t: SubjectTables, stops: ReadonlySet<string>, isWord: IsWord): Subject[] {
  const ji = /(?:^|[—－-]{1,2})\s*记(?!者)(.{2,60})$/.exec(title);
  if (ji) {
    const out: Subject[] = [];
    for (const part of (ji[1] as string).trim().split(/[和与及、]/)) {
      const unit = t.unit_suffixes.find((u) => part.endsWith(u));
      if (unit && !postBefore(part, part.length, t)) { out.push({ name: part, kind: 'collective', how: 'title' }); continue; }
      const person = personAfterPost(part, t, stops) ?? (new RegExp(`^[${CJK}]{2,4}$`).test(part) && hasSurname(part, t) && !isWord(part) ? part : null);
      if (person) out.push({ name: person, kind: 'individual', how: 'title' });
    }
    if (out.length > 0) return out;
  }
  const one = headlineSubject(title, text, t, isWord);
  return one ? [one] : [];
}

/** 曹经久:让信访局变信任局, 2020年…获得者毛相林:…, 东湖县信访局：…: the one named before a headline's colon. */
function headlineSubject(title: string, text: string, t: SubjectTables, isWord: IsWord): Subject | null {
  const colon = /([^\s　，,。：:]{2,40})[：:]/.exec(title.replace(/^(?:【[^】]{0,12}】|\[[^\]]{0,12}\])/, ''));
  if (colon) {
    let head = colon[1] as string;
    // 东湖县信访局：…: a unit named before the headline
    if (t.unit_suffixes.some((u) => head.endsWith(u)) && countOf(text, head) >= 2) return { name: head, kind: 'collective', how: 'title' };
    const post = [...t.posts].sort((a, b) => b.length - a.length).map((p) => ({ p, at: head.lastIndexOf(p) })).filter((x) => x.at >= 0)
      .sort((a, b) => (b.at + b.p.length) - (a.at + a.p.length))[0];
    if (post) head = head.slice(post.at + post.p.length);
    if (new RegExp(`^[${CJK}·]{2,4}$`).test(head) && !t.not_names.some((w) => head.includes(w)) && !isWord(head) && countOf(text, head) >= 2) {
      return { name: head, kind: 'individual', how: 'title' };
    }
  }
  return null;
}

function postBefore(s: string, at: number, t: SubjectTables): string | undefined {
  return t.posts.find((p) => s.startsWith(p, at - p.length));
}

function personAfterPost(s: string, t: SubjectTables, stops: ReadonlySet<string>): string | null {
  for (const p of [...t.posts].sort((a, b) => b.length - a.length)) {
    const at = s.lastIndexOf(p);
    if (at < 0) continue;
    const rest = s.slice(at + p.length);
    if (new RegExp(`^[${CJK}·]{2,4}$`).test(rest) && !t.not_names.some((w) => rest.includes(w)) && !stops.has(rest[0] as string)) return rest;
  }
  return null;
}

/** Finds the subjects of a write-up and every mention of them. `scan` holds the body paragraphs. */
export function findSubjects(text: string, title: string, body: readonly Range[], t: SubjectTables, isWord: IsWord = () => false): Subjects {
  const stops = new Set(t.name_stops);
  const found: Subject[] = [];
  const add = (s: Subject): void => {
    if (found.some((f) => f.name === s.name || (f.kind === s.kind && (f.name.includes(s.name) || s.name.includes(f.name))))) return;
    found.push(s);
  };
  // the title, or a subtitle line under it (——记…科长张三)
  const subtitle = body.slice(0, 3).map((p) => text.slice(p.start, p.end)).find((l) => l.length <= 80 && /^[—－-]{1,2}\s*记/.test(l.trim()));
  let fromTitle = titleSubjects(title, text, t, stops, isWord);
  if (fromTitle.length === 0 && subtitle !== undefined) fromTitle = titleSubjects(subtitle.trim(), text, t, stops, isWord);
  // 武汉市江岸区人民检察院工作报告: a unit's own report speaks for the unit (我院…)
  if (fromTitle.length === 0) {
    const suffixes = suffixAlt(t);
    const report = new RegExp(`^([${CJK}\\d]{2,24}?(?:${suffixes}))(?:关于[^，。,]{0,30}?)?(?:\\d{4}年度?(?:第[一二三四]季度|[上下]半年|前三季度|全年)?)?[${CJK}]{0,8}?(?:${t.report_titles.join('|')})`);
    const alone = new RegExp(`^([${CJK}]{2,20}?(?:${suffixes}))$`);
    const lines = [title, ...body.slice(0, 5).map((p) => text.slice(p.start, p.end).trim())];
    for (const [k, line] of lines.entries()) {
      // 1、区信访局年度工作总结报告 一、…: past a list marker, at the head of a long first line too
      const m = report.exec(line.replace(LEAD_MARKER, '').slice(0, 60));
      // (not a form's placeholder: XX镇人民政府关于…)
      if (m && !PLACEHOLDER.test(m[1] as string)) { fromTitle = [{ name: m[1] as string, kind: 'collective', how: 'report' }]; break; }
      // 清水镇人民政府 / 关于2015年度矛盾纠纷大调解的工作总结: a unit's name alone on the line above its report's title
      const unit = alone.exec(line)?.[1];
      const next = lines[k + 1] ?? '';
      if (unit !== undefined && !PLACEHOLDER.test(unit) && /^关于/.test(next) && t.report_titles.some((r) => next.includes(r))) { fromTitle = [{ name: unit, kind: 'collective', how: 'report' }]; break; }
    }
  }
  // 虞城县法院不断加强立案规范化建设: a headline (or the text's first sentence) whose subject is the unit
  // it opens with, not the body that awards
  if (fromTitle.length === 0) {
    const suffixes = suffixAlt(t);
    const first = body[0] ? text.slice(body[0].start, body[0].end).replace(/^(?:19|20)\d{2}年(?:以来)?[，,]?/, '').split(/[，,。；;]/)[0] ?? '' : '';
    // (past an honour in quotes before it: “全国巾帼文明岗”运城市12345…受理中心绽放…)
    const head = (title || first).replace(/\s+/g, '').replace(/^[“"][^”"]{2,14}[”"]/, '').replace(/^(?:在|据|由|经)/, '');
    const m = new RegExp(`^(${UNIT_BODY(2, 16, false)}(?:${suffixes}))([${CJK}]{2,})`).exec(head) ?? new RegExp(`^(${UNIT_BODY(2, 16, false)}(?:${suffixes}))$`).exec(head);
    const rest = m?.[2] ?? '';
    // not a bare 信访局, nor one that holds what the body that awards does (最高人民法院表彰全国法院)
    const unit = m?.[1] ?? '';
    // 东湖县信访局局长钟立新…: where a post runs across the unit's end or starts right after it, the
    // unit is where the person the headline names works
    const affiliation = m !== null && t.posts.some((q) => { const i = head.indexOf(q, Math.max(0, unit.length - q.length + 1)); return i >= 0 && i <= unit.length; });
    if (m && !affiliation && !/^[的和与及、]/.test(rest) && !t.awarding_verbs.some((v) => rest.startsWith(v) || unit.includes(v)) && !/^(?:[他她我你其该这那])/.test(unit) && ![...unit].some((c) => UNIT_BREAKERS.includes(c))
      && !t.unit_suffixes.includes(unit)) {
      fromTitle = [{ name: m[1] as string, kind: 'collective', how: 'headline' }];
    }
  }
  for (const s of fromTitle) add(s);

  const posts = [...t.posts].sort((a, b) => b.length - a.length);
  const unitClauses = new Map<string, number>();
  for (const p of body) paragraphSubjects(text, p, { t, stops, isWord, posts, found, add, unitClauses });
  const titleUnit = new RegExp(`([${CJK}]{2,16}?(?:${t.unit_suffixes.join('|')}))`).exec(title)?.[1];
  for (const [name, n] of [...unitClauses.entries()].sort((a, b) => b[1] - a[1])) {
    const inTitle = titleUnit !== undefined && titleUnit.endsWith(name);
    // a unit that opens a clause and is named again (万丹乡调解委员会以92%…居冠; …带领万丹乡调解委员会)
    // (not where the title names people and the unit is where one of them works: ——记城西县信访局局长韩立群)
    const affiliation = fromTitle.some((x) => x.kind === 'individual') && (title.includes(name) || (subtitle ?? '').includes(name));
    if (n >= 2 || (inTitle && n >= 1 && fromTitle.length === 0) || (n >= 1 && countOf(text, name) >= 2 && !affiliation)) add({ name, kind: 'collective', how: 'unit' });
  }
  for (const x of quotedUnits(text, title, t, found)) {
    add(x);
    // the unit the headline names is the one the text is about
    if (fromTitle.length === 0 && title.includes(/[“"]/.test(x.name) ? x.name.replace(/^[^“"]*/, '') : x.name)) fromTitle = found.filter((y) => y.name === x.name);
  }
  // 咸阳秦都法院 in the headline is 秦都法院 in the text: a unit goes by the name the text uses
  found.forEach((s, k) => {
    if (s.kind !== 'collective' || countOf(text, s.name) > 1) return;
    const short = [...unitClauses.keys()].filter((u) => u !== s.name && s.name.endsWith(u) && countOf(text, u) >= 2 && !t.unit_suffixes.includes(u)).sort((a, b) => b.length - a.length)[0];
    if (short) found[k] = { ...s, name: short };
  });

  // people named anywhere, by the segmenter and the family names
  for (const x of generalNames(text, body, t, stops, isWord, found)) add(x);
  // 县长周春米亲自颁奖, 周春米县长表示: someone who only speaks or gives awards is no subject
  for (let k = found.length - 1; k >= 0; k--) {
    const x = found[k] as Subject;
    if (x.kind === 'individual' && !STRONG_HOW.has(x.how) && officialOnly(text, x.name, t)) found.splice(k, 1);
  }
  // a text that signs as a unit, or a feature that visits one, or a text that speaks for one (我院, 本局,
  // 我县), is that unit's, as the text names it
  if (!found.some((s) => s.kind === 'collective')) {
    const own = ownUnit(text, title, body, t, selfReferences(text, t) > 0);
    if (own) found.unshift(own);
  }
  // no unit, and nobody named more than once: the place a summary opens with
  if (!found.some((s) => s.kind === 'collective' || countOf(text, s.name) >= 2)) {
    const place = placeSubject(text, title, body, t);
    if (place) found.unshift(place);
  }
  // nobody at all: the first unit that opens a clause (2019年市人大信访办共受理…; 今年以来,漳州市司法行政机关始终…)
  // (one of a place: not 通过及时兑现弱势群体)
  if (found.length === 0) { const first = [...unitClauses.keys()].find((u) => placed(u, t)); if (first !== undefined) add({ name: first, kind: 'collective', how: 'unit' }); }
  // 区法律援助中心 in 2011年硚口区法律援助工作总结: a unit named by its level alone is the one of the place
  // the title names at that level (硚口区法律援助中心)
  found.forEach((x, k) => {
    const level = x.kind === 'collective' ? t.place_suffixes.find((l) => x.name.startsWith(l) && x.name.length > l.length + 1) : undefined;
    if (level === undefined) return;
    // 市12345公共服务热线 beside 新乡12345公共服务热线 in the headline: the same unit, by its full name
    const rest = x.name.slice(level.length);
    const full = found.find((y) => y !== x && y.kind === 'collective' && y.name.endsWith(rest) && y.name.length > rest.length + 1);
    if (full) { found[k] = { ...x, name: full.name }; return; }
    const visitLead = visitLeadOf(t);
    const place = placeOfLevel([title, ...body.slice(0, 2).map((p) => text.slice(p.start, p.end).replace(visitLead, ''))], level);
    if (place !== null) { found[k] = { ...x, name: place + x.name.slice(level.length) }; return; }
    // 区人民检察院 and, further on, 相城区检察院: the same unit as the text names it with its place
    const kind = [...t.unit_suffixes].sort((a, b) => a.length - b.length).find((u) => x.name.endsWith(u) && u.length >= 2);
    if (kind === undefined) return;
    const named = new Map<string, number>();
    for (const m of text.matchAll(new RegExp(`([${CJK}]{2,3}${level}(?:人民)?${kind})`, 'g'))) { const n = m[1] as string; if (!/^[我本该全各这那]/.test(n)) named.set(n, (named.get(n) ?? 0) + 1); }
    const best = [...named.entries()].sort((a, b) => b[1] - a[1])[0];
    if (best) found[k] = { ...x, name: best[0] };
  });
  // (a unit renamed so is listed once)
  for (let k = found.length - 1; k > 0; k--) if (found.findIndex((y) => y.name === (found[k] as Subject).name) < k) found.splice(k, 1);
  // in the order the text names them, those of the title first
  const titled = found.filter((x) => fromTitle.some((f) => f.name === x.name));
  const rest = found.filter((x) => !titled.includes(x)).map((x) => ({ x, at: text.indexOf(x.name) })).sort((a, b) => a.at - b.at).map((y) => y.x);
  return withMentions(text, [...titled, ...rest], fromTitle.length > 0 ? 0 : null);
}

/**
 * Units named in quotes, in the title or twice in the text: 老河口市“银发调解团”一年化解纠纷千余件 (the whole
 * name quoted), 河曲县“五老”调解队 and 山王镇“老娘舅”调解小组 (a nickname in quotes, by the fullest name given).
 */
function quotedUnits(text: string, title: string, t: SubjectTables, known: readonly Subject[]): Subject[] {
  const out: Subject[] = [];
  const seen = (name: string): boolean => known.some((x) => x.name === name) || out.some((x) => x.name === name);
  for (const m of text.matchAll(new RegExp(`[“"]([${CJK}]{2,10}(?:${suffixAlt(t)}))[”"]`, 'g'))) {
    const name = m[1] as string;
    // (not an honour in quotes: “全国先进司法所”)
    if (!seen(name) && !t.unit_suffixes.includes(name) && !/先进|优秀|模范|示范|标兵|文明|最美|十佳|满意|五好|红旗|金牌|星级/.test(name) && (title.includes(name) || countOf(text, name) >= 2)) out.push({ name, kind: 'collective', how: 'quoted' });
  }
  const groups = ['调解队', '调解小组', '调解团', '调解室', '工作室', '服务队', '志愿队', '工作队', '小组', '团队', '队'];
  const fullest = new Map<string, string>();
  for (const m of text.matchAll(new RegExp(`((?:[${CJK}]{2,8}?[县区市镇乡村])?[“"][${CJK}]{1,6}[”"](?:${groups.join('|')}))`, 'g'))) {
    const name = m[1] as string;
    const bare = name.replace(/^[^“"]*/, '');
    if ((fullest.get(bare) ?? '').length < name.length) fullest.set(bare, name);
  }
  for (const [bare, name] of fullest) {
    if (seen(name) || seen(bare) || !(title.includes(bare) || countOf(text, bare) >= 2)) continue;
    out.push({ name, kind: 'collective', how: 'quoted' });
  }
  return out;
}

/**
 * People the text names wherever they stand, not only after the cues above: a name of a family
 * name and one or two characters (jieba cuts it as one word it does not know, or knows as a name)
 * at the head of a clause, after a post, 的 or a closing quote, or beside another person's name
 * (朱发林、张军等); taken when the text names it twice or more, or describes it where it stands
 * (a post before or after it, a quote before it); a name of two characters only where it is described
 * (公正, 余杭 are words that jieba also lists as names). Not a name of a
 * third party (群众张某, 村民李某某: 某 hides a name), nor of someone who only speaks or gives awards
 * (县长周春米亲自颁奖…周春米县长表示).
 */
function generalNames(text: string, body: readonly Range[], t: SubjectTables, stops: ReadonlySet<string>, isWord: IsWord, known: readonly Subject[]): Subject[] {
  const d = t.discourse;
  const out: Subject[] = [];
  const names = new Set(known.filter((k) => k.kind === 'individual').map((k) => k.name));
  // a generic word for a person (村干部包片制) describes nobody
  const posts = t.posts.filter((p) => !t.weak_posts.includes(p));
  // the posts by their last character, so that each position asks only those that may end there
  const byLast = new Map<string, string[]>();
  for (const x of posts) byLast.set(x[x.length - 1] as string, [...(byLast.get(x[x.length - 1] as string) ?? []), x]);
  const postBefore = (i: number): boolean => (byLast.get(text[i - 1] ?? '') ?? []).some((x) => text.startsWith(x, i - x.length));
  // what is asked of every place the text names a candidate, asked once per candidate
  const once = (key: string, f: () => boolean): boolean => askedOnce(text, key, f);
  const tryAt = (at: number, described: boolean, head = false, forced: string | null = null, item = false, lined = false): string | null => {
    const name = forced ?? nameAt(text, at, t, stops, isWord) ?? (described ? onceNamed(text, at, t, stops, isWord) : null) ?? (head ? headNamed(text, at, t, isWord) : null);
    if (!name || name.includes('某') || names.has(name)) return name && !name.includes('某') ? name : null;
    // (the one a list item ends with is who the item describes, 村民袁玉兰 included)
    if (!item && once(`third:${name}`, () => thirdParty(text, name, d.third_parties))) return null;
    if (once(`outlet:${name}`, () => newsOutlet(text, name))) return null;
    if (inPassing(text, name, t)) return null;
    if (posts.some((p) => name.endsWith(p)) || /[的了着过之]/.test(name.slice(1))) return null; // 许科长 is 许照山 (an alias: withMentions); 家的事
    // 严肃性 (jieba tags it nr), 公开电话: a longer name does not open with an ordinary word
    // (a name the text names again may run into the word after it: 卓嘎是 is 卓嘎 and 是)
    const glued = forced !== null && countOf(text, name) >= 2 && stops.has(text[at + name.length] ?? '');
    // (a name of four or more after a post was read whole already: 宝音德力格尔 may open with a word)
    const whole = forced !== null && name.length >= 4 && postBefore(at);
    if ((!glued && !lined && !wordlike(text, at, name, isWord, forced === null)) || (!whole && !lined && name.length >= 3 && !t.compound_surnames.some((c) => name.startsWith(c)) && isWord(name.slice(0, 2)))) return null;
    const after = posts.some((p) => text.startsWith(p, at + name.length)) || text.startsWith('同志', at + name.length);
    // 侯马市新田乡, 东下庄村: a place, not a person; 巴彦温都尔司法所所长: the head of a unit's name
    if (/[市县区省乡镇村州旗]/.test(name.slice(1)) || (!after && /^[村乡镇县市区省州旗庄屯寨组]/.test(text[at + name.length] ?? ''))) return null;
    if (!after && once(`unit:${name}`, () => headsUnit(text, name, t, isWord))) return null;
    // two characters (公正, 余杭) make a name only where the text describes it; a longer one seen
    // once, where it opens a clause and a verb follows it (其中，孙丽娟带领调委会…)
    if (name.length === 2 ? !described && !after : countOf(text, name) < 2 && !described && !after && !(head && headNamed(text, at, t, isWord) === name)) return null;
    names.add(name);
    out.push({ name, kind: 'individual', how: 'named' });
    return name;
  };
  for (const p of body) {
    // past a list marker at the head of the paragraph (一、张国庆，男，…; 1. 孙建平 东湖县…所长)
    const opens = p.start + (LEAD_MARKER.exec(text.slice(p.start, p.start + 8))?.[0].length ?? 0);
    for (let i = p.start; i < p.end; i++) {
      const c = text[i] as string;
      const head = i === p.start || i === opens || /[，,。；;：:！？!?\s（(【]/.test(text[i - 1] as string);
      if (!/[\u4e00-\u9fa5]/.test(c)) continue;
      const prev = text[i - 1] ?? '';
      // a closing quote (an ASCII one closes when an even number of them stands before it in the paragraph);
      // 姓名：赵敏 in a form
      const closing = prev === '”' || prev === '」' || (prev === '"' && (text.slice(p.start, i).split('"').length - 1) % 2 === 0);
      // (a role before a name describes one of three characters: 候选人荣登榜单 names nobody)
      const role = roleBefore(text, p, i, t, isWord);
      const described = closing || postBefore(i) || role || text.startsWith('岁的', i - 2) || /姓\s*名\s*[：:]\s*$/.test(text.slice(Math.max(p.start, i - 6), i))
        || (i === p.start || i === opens || /[。！？】]/.test(prev) || /^\s*[【〖\[]$/.test(text.slice(p.start, i))) && introduces(text, i, t);
      if (!head && !described && prev !== '的') continue;
      // after a role word, three characters (养护工马德民), or the shorter name the text names again (姐姐卓嘎是…的卓嘎);
      // after a post, a name of four to seven characters that runs to the clause's end (所长那顺陶格陶,)
      const afterPost = postBefore(i);
      const byRole = role && !closing && !afterPost;
      const again = byRole ? nameAt(text, i, t, stops, isWord) : null;
      const forced = byRole ? (again !== null && again.length === 2 && countOf(text, again) >= 2 ? again : text.slice(i, i + 3))
        : afterPost ? postNamed(text, i, t, isWord) : head ? lineNamed(text, i, t, isWord) : null;
      const lined = forced !== null && !role && !afterPost;
      // (right after 的, a name may open what follows as at a clause's head: 研究室的陈程灿和…)
      const name = tryAt(i, described, head || prev === '的', forced, false, lined);
      if (!name) continue;
      // 朱发林、张军等: the people named beside a name
      let at = i + name.length;
      while (/^[、和与及]/.test(text.slice(at, at + 1))) {
        const next = tryAt(at + 1, true);
        if (!next) break;
        at += 1 + next.length;
      }
      i = at - 1;
    }
    // 他们是：…的…村党总支委员柳西周；…的…养护工马传民；: the name that ends each item of a list
    for (const at of itemEnds(text, p, t, isWord)) tryAt(at, true, false, text.slice(at, at + 3), true);
    // …村村民李志杰不事张扬,…；…村村民郭招宽,…；: the name that opens each item
    for (const h of itemHeads(text, p, t, stops, isWord)) tryAt(h.at, true, false, h.name, true);
  }
  return out;
}

/**
 * Whether a name at the head of a paragraph or item is introduced there: 【李秀梅】, 王建华,东湖县信访局副局长,
 * 孙建平 东湖县公安局河口派出所所长, 赵志强同志: — a bracket closing after it, or a comma or space and a
 * post or unit in the clause after it.
 */
function introduces(text: string, at: number, t: SubjectTables): boolean {
  const m = new RegExp(`^[${CJK}·]{2,4}?(?:同志)?(?:[】〗\\]]|[，,：:\\s　]([^，,。；;\\s]{2,30}))`).exec(text.slice(at, at + 40));
  // ◆ 马丽娟 东湖县人民法院立案庭庭长: a line of a name and its post alone (the space between is gone in the view)
  if (!m) return postLine(text, at, t) !== null;
  const clause = m[1];
  return clause === undefined || t.posts.some((p) => clause.endsWith(p) || clause.includes(p + '、')) || t.unit_suffixes.some((u) => clause.includes(u));
}

/** A line of a name, a unit and a post and nothing else (◆ 马丽娟 东湖县人民法院立案庭庭长, the space gone in the view): the line, else null. */
function postLine(text: string, at: number, t: SubjectTables): string | null {
  const line = /^[^\n，,。；;：:！？]{4,34}(?=\n|$)/.exec(text.slice(at, at + 36))?.[0];
  return line !== undefined && t.posts.some((p) => line.endsWith(p)) && t.unit_suffixes.some((u) => line.includes(u)) ? line : null;
}

/**
 * The name that opens such a line, of two or three characters: the one after which the rest opens
 * with a word the segmenter knows (何国强|西山镇综治中心主任, where it cuts 何国/强西 reading the whole).
 */
function lineNamed(text: string, at: number, t: SubjectTables, isWord: IsWord): string | null {
  const line = postLine(text, at, t);
  if (line === null || !isWord.cut || !hasSurname(line.slice(0, 3), t)) return null;
  const fits = (len: number): boolean => new RegExp(`^[${CJK}]{${len}}$`).test(line.slice(0, len)) && !isWord(line.slice(0, len));
  // the rest opening with a place (何国强|西山镇…, 王强|东湖县…: two characters or more before 县), else with a known word
  for (const len of [3, 2]) if (fits(len) && new RegExp(`^[${CJK}]{2,4}?[省市县区乡镇村旗州]`).test(line.slice(len))) return line.slice(0, len);
  for (const len of [3, 2]) {
    const first = isWord.cut(line.slice(len))[0] ?? '';
    if (fits(len) && first.length >= 2 && isWord(first)) return line.slice(0, len);
  }
  return null;
}

/**
 * Whether a word for what someone does stands right before `at` (木雕师奉湘波, 外卖小哥邓亚群,
 * 养护工马传民, 退役军人胡晨): a noun that ends in a character of trades and roles, and a name of
 * three characters after it that reads as one.
 */
function roleBefore(text: string, p: Range, at: number, t: SubjectTables, isWord: IsWord): boolean {
  const kinWord = t.discourse.kin_people.some((k) => text.startsWith(k, at - k.length));
  if ((!kinWord && !ROLE_ENDS.includes(text[at - 1] ?? '')) || !isWord.cut || !isWord.tag) return false;
  const parts = isWord.cut(text.slice(Math.max(p.start, at - 6), at));
  // a noun, or a noun or verb and the role character jieba leaves on its own (木雕/师, 养护/工); a word for kin (老伴, 孙女)
  const last = parts[parts.length - 1] ?? '';
  const prev = parts[parts.length - 2] ?? '';
  const tag = (w: string): string => (isWord.tag as (s: string) => string)(w);
  if (!kinWord && !(last.length >= 2 && /^(?:n|nz|l)$/.test(tag(last))) && !(last.length === 1 && prev.length >= 2 && /^(?:n|nz|vn)$/.test(tag(prev)))) return false;
  if (!outsideKnownWord(text, p, at, isWord)) return false;
  const name = text.slice(at, at + 3);
  // and whose given name is no ordinary word (工程专业, 家喻户晓 are no 程专业, 喻户晓), unless a word for kin stands before it (父亲刘长河)
  return hasSurname(name, t) && new RegExp(`^[${CJK}]{3}$`).test(name) && !isWord(name.slice(0, 2)) && (kinWord || !isWord(name.slice(1)));
}

/** Whether `at` is not inside a word jieba knows (家喻户晓 holds no 喻户晓, 不计其数 no 计其数; 养护工马德民 may be cut 工马德民, unknown). */
function outsideKnownWord(text: string, p: Range, at: number, isWord: IsWord): boolean {
  if (!isWord.cut || !isWord.tag) return true;
  let pos = Math.max(p.start, at - 4);
  for (const w of isWord.cut(text.slice(pos, at + 3))) {
    if (pos < at && pos + w.length > at && isWord.tag(w) !== 'x') return false;
    pos += w.length;
  }
  return true;
}

/** Last characters of words for trades and roles that may stand before a name (木雕师, 村民, 好儿媳, 班长). */
export const ROLE_ENDS = '师员工哥姐弟妹嫂手匠生官警兵士家者人民媳长娘亲子儿夫女';

/**
 * Where a name of three characters ends an item of a list of descriptions, items ending at a semicolon, comma or 、 (他们是：32年履职
 * 为民…的…村党总支委员柳西周；16年无偿献血…的…养护工马传民；…的环卫工人张凤彪。): after a word
 * for who they are, a family name, and neither its first two nor its last two characters an ordinary word.
 */
function itemEnds(text: string, p: Range, t: SubjectTables, isWord: IsWord): number[] {
  const para = text.slice(p.start, p.end);
  if ((para.match(/[；;，,、]/g)?.length ?? 0) < 2) return [];
  const out: number[] = [];
  let from = 0;
  // items end at a semicolon, or at a comma or 、 (…的濮阳民警郭爱玲,8年奔走公益路的…城管员宋亚萍,…)
  for (const m of para.matchAll(/[；;。，,、]|$/g)) {
    // …袁圩村村民雷丽、王连学夫妇: the first of a couple
    const whole = para.slice(from, m.index);
    from = m.index + m[0].length;
    const couple = /、[\u4e00-\u9fa5]{2,3}夫妇$/.exec(whole);
    const item = couple ? whole.slice(0, couple.index) : whole;
    const name = item.slice(-3);
    if (!item.includes('的') || item.length < 8 || !new RegExp(`^[${CJK}]{3}$`).test(name) || !hasSurname(name, t)) continue;
    const at = p.start + (m.index - whole.length) + item.length - 3;
    // after a word for who they are (…委员柳西周, …养护工马传民, …校长汪余成): not 抽屉里全是药
    // or right after 的 (…资助7名失学儿童的段君成、)
    const role = ROLE_ENDS.includes(text[at - 1] ?? '') || text[at - 1] === '的' || t.posts.some((w) => text.startsWith(w, at - w.length));
    if (!role || isWord(name.slice(0, 2)) || isWord(name.slice(1)) || t.not_names.some((w) => name.includes(w)) || !outsideKnownWord(text, p, at, isWord)) continue;
    out.push(at);
  }
  // a list has two items or more
  return out.length >= 2 ? out : [];
}

/**
 * Where a name opens each item of a list of two or more whose items end at a semicolon (托拉湾村村民李志杰不事张扬,…；
 * 超害石犁村村民郭招宽,…；中鸡村村民郭平是…): after a word for who they are, within the item's first words.
 */
function itemHeads(text: string, p: Range, t: SubjectTables, stops: ReadonlySet<string>, isWord: IsWord): { at: number; name: string }[] {
  const para = text.slice(p.start, p.end);
  if (!/[；;]/.test(para)) return [];
  const out: { at: number; name: string }[] = [];
  let from = 0;
  for (const m of para.matchAll(/[；;]|$/g)) {
    const item = para.slice(from, m.index);
    const base = p.start + from;
    from = m.index + m[0].length;
    if (item.length < 12) continue;
    // the first place within the item's opening where a role word or a post ends and a name follows
    for (let k = 2; k <= 14 && k < item.length - 2; k++) {
      const at = base + k;
      const role = ROLE_ENDS.includes(text[at - 1] ?? '') && isWord(text.slice(at - 2, at));
      if (!role && !t.posts.some((w) => text.startsWith(w, at - w.length))) continue;
      const name = nameAt(text, at, t, stops, isWord) ?? onceNamed(text, at, t, stops, isWord);
      if (name === null || name.length > 3 || isWord(name) || !/^[，,\u4e00-\u9fa5]/.test(text[at + name.length] ?? '')) continue;
      out.push({ at, name });
      break;
    }
  }
  // a list has two items or more
  return out.length >= 2 ? out : [];
}

/**
 * The name of four to seven characters right after a post that runs to the end of its clause, none
 * of it a word the segmenter knows but as a name or a place (所长那顺陶格陶, 所长阿不都热依木,): a name
 * not of the Han pattern of a family name and one or two characters; null for anything else.
 */
function postNamed(text: string, at: number, t: SubjectTables, isWord: IsWord): string | null {
  if (!isWord.cut || !isWord.tag) return null;
  const m = new RegExp(`^[${CJK}·]{4,7}(?=[，,。；;、：:（(\\s]|$)`).exec(text.slice(at, at + 8));
  if (!m || t.not_name_starts.includes(text[at] ?? '') || t.not_names.some((w) => m[0].includes(w))) return null;
  const name = m[0];
  if (t.posts.some((w) => name.includes(w)) || t.unit_suffixes.some((u) => name.includes(u))) return null;
  const tag = isWord.tag;
  // (nor two ordinary words the segmenter took for one place: 高度肯定 is 高度 and 肯定)
  for (let k = 2; k <= name.length - 2; k++) if (isWord(name.slice(0, k)) && isWord(name.slice(k))) return null;
  return isWord.cut(name).every((w) => w === '·' || /^(?:x|nr|nrfg|nrt|ns)$/.test(tag(w))) ? name : null;
}

/** Whether the text names a unit anywhere whose name opens with the candidate (巴彦温都尔司法所所长: 巴彦温 is a place's beginning). */
function headsUnit(text: string, name: string, t: SubjectTables, isWord: IsWord): boolean {
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) if (unitAhead(text, i + name.length, t, isWord)) return true;
  return false;
}

/**
 * Whether what follows a candidate runs, within its clause, through characters that make no word and
 * no place into the end of a unit's name and then a post, 的 or the clause's end: 巴彦温都尔司法所所长
 * (the candidate opens the unit's name).
 */
function unitAhead(text: string, end: number, t: SubjectTables, isWord: IsWord): boolean {
  const stretch = /^[\u4e00-\u9fa5]{0,10}/.exec(text.slice(end, end + 10))?.[0] ?? '';
  for (const u of t.unit_suffixes) {
    const k = stretch.indexOf(u);
    if (k < 1) continue;
    const between = stretch.slice(0, k);
    const rest = text.slice(end + k + u.length);
    if (!(t.posts.some((w) => rest.startsWith(w)) || /^[的，,。；;、]/.test(rest) || rest === '')) continue;
    // (a person's own place and unit after the name: 周晓兰 西山镇人民调解委员会主任)
    if (/[的在是任到为省市县区乡镇村旗州盟]/.test(between)) continue;
    // and what runs between is no ordinary word (周晓兰人民调解委员会主任), the rest of a place's name (巴彦温|都尔)
    if (isWord.cut && isWord.tag && isWord.cut(between).some((w) => w.length >= 2 || /^(?:v|p)/.test((isWord.tag as (s: string) => string)(w)))) continue;
    return true;
  }
  return false;
}

/** Whether the text names someone only in passing: as an example of many, in a case's name, or as one who only speaks or gives awards (asked once per text and name). */
function inPassing(text: string, name: string, t: SubjectTables): boolean {
  return askedOnce(text, `passing:${name}`, () => exampleOnly(text, name) || inCaseName(text, name) || officialOnly(text, name, t));
}

/** Whether the text names someone only as an example of many (涌现出全国优秀法官柯颖等一大批先进典型). */
function exampleOnly(text: string, name: string): boolean {
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
    if (!/^(?:同志)?等(?:一大批|一批|大批|众多|诸多|先进典型|典型|优秀)/.test(text.slice(i + name.length, i + name.length + 8))) return false;
  }
  return true;
}

/** Whether the text names someone only in the name of a case (袁钢志洗钱案, 杨天庆涉黑案): a party, not a subject. */
function inCaseName(text: string, name: string): boolean {
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
    // (not one who handles a case: 张三审理的案子, 李四办案)
    const m = /^([\u4e00-\u9fa5]{0,5}?)案(?!件)/.exec(text.slice(i + name.length, i + name.length + 7));
    if (!m || /[的办审理结破立调承经查处侦]/.test(m[1] as string)) return false;
  }
  return true;
}

/** Words right after a name that say the person is honoured (获评, 荣获, 入选, 被评为). */
const HONOURED = /^(?:同志)?(?:获评|荣获|入选|当选|上榜|被评为|被授予|获得“)/;

/** Whether a name is a news outlet's: its dateline (华声在线11月28日讯, 新华社北京5月3日电) or a source line (来源:华声在线). */
function newsOutlet(text: string, name: string): boolean {
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
    if (/^(?:[\u4e00-\u9fa5]{0,4}\d{1,2}月\d{1,2}日)?[电讯]/.test(text.slice(i + name.length, i + name.length + 12)) || /(?:来源|来自|稿源)\s*[:：]\s*$/.test(text.slice(Math.max(0, i - 6), i))
      // a byline's names (作者:杨闻珉 初审:杨春, 本报记者 张燕, 通讯员 李四)
      || /(?:作者|编辑|责编|记者|通讯员|初审|复审|终审|审核|校对|摄影|撰稿|供稿)\s*[:：]?\s*$/.test(text.slice(Math.max(0, i - 6), i))) return true;
  }
  return false;
}

/** Whether the text names someone, anywhere, as a third party (村民柴清秀, 当事人张某). */
function thirdParty(text: string, name: string, words: readonly string[]): boolean {
  // (永州八旬老人李楚民获评助人为乐类中国好人: one who is honoured is the text's subject)
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) if (HONOURED.test(text.slice(i + name.length, i + name.length + 6))) return false;
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
    const before = text.slice(Math.max(0, i - 5), i);
    if (words.some((w) => before.endsWith(w))) return true;
  }
  return false;
}

/**
 * Whether a candidate reads as a name where it stands: the segmenter ends a word where it ends
 * (not 马鞍 in 马鞍山市), and finds in it no verb and no word that takes in the family name (干/工作,
 * 经/推荐, 万事/好 are no names; 周/海龙, 焦/文静, 许照/山 may be).
 */
function wordlike(text: string, at: number, name: string, isWord: IsWord, checkStart = true): boolean {
  if (!isWord.cut) return true;
  let end = 0;
  const bounds = new Set<number>();
  for (const w of isWord.cut(text.slice(at, at + name.length + 6))) { end += w.length; bounds.add(end); }
  if (!bounds.has(name.length)) return false;
  // and it starts where a word starts (家喻户晓 holds no 喻户晓), unless found by what stands before it
  if (!checkStart) return true;
  const from = Math.max(0, at - 4);
  let pos = from;
  const starts = new Set<number>([from]);
  for (const w of isWord.cut(text.slice(from, at + name.length))) { pos += w.length; starts.add(pos); }
  if (!starts.has(at)) return false;
  // a given name may be an ordinary word (焦/文静, 周/海龙); a verb (经/推荐, 干/工作) or a word that
  // takes in the family name (万事/好, 关系/著) is not
  const parts = isWord.cut(name);
  return !parts.some((w, k) => w.length >= 2 && w.length < name.length && ((k === 0 && isWord(w)) || (isWord.tag?.(w).startsWith('v') ?? false)));
}

/**
 * A name of three or four characters (a family name and one or two more) that opens a clause and is
 * followed by a verb, the segmenter cutting a word right where the name ends and not knowing the
 * name as a word: 孙丽娟带领…, 周海龙坚持…, 欧阳明辉牵头… (not 全力推进: jieba cuts 全力/推进).
 */
function headNamed(text: string, at: number, t: SubjectTables, isWord: IsWord): string | null {
  if (!isWord.cut || !isWord.tag) return null;
  const compound = t.compound_surnames.find((c) => text.startsWith(c, at));
  if (!compound && (!t.surnames.includes(text[at] ?? ' ') || t.not_name_starts.includes(text[at] ?? ' '))) return null;
  const window = text.slice(at, at + 9);
  const bounds = new Set<number>();
  let end = 0;
  for (const w of isWord.cut(window)) { end += w.length; bounds.add(end); }
  for (const len of compound ? [4, 3] : [3]) {
    const name = window.slice(0, len);
    if (!bounds.has(len) || !new RegExp(`^[${CJK}]{${len}}$`).test(name) || isWord(name) || (!compound && isWord(name.slice(0, 2))) || t.not_names.some((w) => name.includes(w))) continue;
    // 经一番思考: a name seen once holds no numeral
    if (t.name_stops.includes(name[len - 1] as string) || t.not_name_endings.includes(name[len - 1] as string) || /[一二三四五六七八九十百千万两零〇]/.test(name.slice(1))) continue;
    const next = isWord.cut(window.slice(len))[0] ?? '';
    // a verb (孙丽娟带领), or a word for how, when or with whom (张亚娣连续两个晚上, 陈淑燕晚上两点还在…, 陈程灿和…)
    if (next.length >= 2 && /^(?:v|a|d|t)/.test(isWord.tag(next))) return name;
    if (next.length === 1 && /^[和与在把将]$/.test(next)) return name;
  }
  return null;
}

/** A name seen once, where the segmenter cuts it as one word of two to four characters that it does not know (黄伟评则…). */
function onceNamed(text: string, at: number, t: SubjectTables, stops: ReadonlySet<string>, isWord: IsWord): string | null {
  if (!isWord.cut || !isWord.tag || !hasSurname(text.slice(at, at + 3), t)) return null;
  const first = isWord.cut(text.slice(at, at + 8))[0] ?? '';
  if (first.length < 2 || first.length > 4 || !/^[\u4e00-\u9fa5]+$/.test(first) || (first.length > 2 && isWord(first.slice(0, 2)))) return null;
  if (isWord.tag(first) !== 'x') return null;
  if (stops.has(first[first.length - 1] as string) || t.not_name_endings.includes(first[first.length - 1] as string) || t.not_names.some((w) => first.includes(w))) return null;
  return first;
}

/** Whether every time the text names someone, they speak or give awards (县长周春米亲自颁奖, 周春米县长表示): an official, not a subject. */
function officialOnly(text: string, name: string, t: SubjectTables): boolean {
  const verbs = t.discourse.official_verbs;
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
    let after = text.slice(i + name.length, i + name.length + 12);
    // (代表 is a verb right after a name: 朱继全代表屯溪区人民法院…报告)
    if (verbs.some((v) => after.startsWith(v))) continue;
    const post = t.posts.find((p) => after.startsWith(p));
    if (post) after = after.slice(post.length);
    after = after.replace(/^(?:亲自|也|还|则|在会上|在讲话中|动情地|深切地|感慨地|笑着)/, '');
    if (!verbs.some((v) => after.startsWith(v))) return false;
  }
  return true;
}

/** The place of a level (硚口区 for 区) that opens one of the lines (past a year), or null. */
function placeOfLevel(lines: readonly string[], level: string): string | null {
  const re = new RegExp(`^(?:(?:19|20)\\d{2}年度?)?([${CJK}]{2,4}?${level})(?![${CJK}]{0,1}${level})`);
  for (const line of lines) {
    const m = re.exec(line.replace(/\s+/g, ''));
    const place = m?.[1];
    if (place !== undefined && !PLACEHOLDER.test(place) && !/^[全本该各我]/.test(place)) return place;
  }
  return null;
}

/**
 * A work summary about a place that names nobody: 柞水县信访工作在县委…, 颍泉区把解决…
 * (a county, district or town opening the title or the text's first sentence, and seen again).
 */
function placeSubject(text: string, title: string, body: readonly Range[], t: SubjectTables): Subject | null {
  const first = body[0] ? text.slice(body[0].start, body[0].end).replace(/^(?:19|20)\d{2}年(?:以来|上半年|下半年|度)?[，,]?/, '') : '';
  for (const head of [title, first]) {
    const m = new RegExp(`^([${CJK}]{2,10}?(?:${t.place_suffixes.join('|')}))(?![${CJK}]{0,2}(?:${t.unit_suffixes.join('|')}))`).exec(head.replace(/\s+/g, ''));
    if (m && countOf(text, m[1] as string) >= 2 && !/^[他她我你其该这那全本各]/.test(m[1] as string)) return { name: m[1] as string, kind: 'collective', how: 'place' };
  }
  return null;
}

/** How often a text speaks of itself as a unit (我县, 我院, 本局). */
function selfReferences(text: string, t: SubjectTables): number {
  return t.self_references.reduce((n, w) => n + countOf(text, w), 0);
}

/**
 * The unit a text speaks for when it says 我院, 本局, 我县: as it names itself on a line of its own
 * at its end (its signature), where a reporter visits it (记者走进天津滨海新区信访办), else the one
 * unit the text names at the level it speaks of (我县 → 县信访局, 我院 → 某某区人民法院), the most
 * often named first. A unit named without a place (上级法院) is nobody's own.
 */
export function ownUnit(text: string, title: string, body: readonly Range[], t: SubjectTables, speaksForItself: boolean): Subject | null {
  const d = t.discourse;
  const suffixes = suffixAlt(t);
  const whole = new RegExp(`^(${UNIT_BODY(2, 20)}(?:${suffixes}))(?:[（(][^）)]{1,10}[）)])?$`);
  // the signature: a unit's name alone on one of the last lines (a date may follow it)
  for (const p of body.slice(-3).reverse()) {
    const m = whole.exec(text.slice(p.start, p.end).trim().replace(/\s*(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$/, ''));
    if (m && placed(m[1] as string, t)) return { name: m[1] as string, kind: 'collective', how: 'signature' };
  }
  // 记者走进天津滨海新区信访办
  // the longest name there (走进贵州省安顺市公安局西秀分局…: 贵州省安顺市公安局西秀分局)
  const visit = new RegExp(`(?:${d.visit_verbs.join('|')})(${UNIT_BODY(2, 24, false)}(?:${suffixes}))`);
  // 朱继全代表屯溪区人民法院向区人大常委会报告…: the unit whose report it is
  const reporting = new RegExp(`代表(${UNIT_BODY(2, 24)}(?:${suffixes}))(?:向[^，,。]{1,16}?)?(?:报告|作报告|汇报)`);
  const opening = [title, ...body.slice(0, 3).map((p) => text.slice(p.start, p.end))];
  for (const line of opening) {
    const m = reporting.exec(line);
    if (m && placed(m[1] as string, t)) return { name: m[1] as string, kind: 'collective', how: 'reporting' };
  }
  // 记者昨天从合肥市信访局获悉: the unit a reporter learns from
  const learnt = new RegExp(`记者[${CJK}]{0,6}?从(${UNIT_BODY(2, 24, false)}(?:${suffixes}))(?:获悉|了解到|获知|得知)`);
  for (const line of opening) {
    const m = visit.exec(line) ?? learnt.exec(line);
    if (m && placed(m[1] as string, t)) return { name: m[1] as string, kind: 'collective', how: 'visited' };
  }
  if (!speaksForItself) return null;
  // the level the text speaks of: 我县 → a unit of the county (县信访局, 某某县信访局)
  const levels = new Map<string, number>();
  for (const w of t.self_references) { const n = countOf(text, w); if (n > 0) levels.set(w.slice(1), (levels.get(w.slice(1)) ?? 0) + n); }
  const units = unitNames(text, t);
  for (const [level] of [...levels.entries()].sort((a, b) => b[1] - a[1])) {
    const place = t.place_suffixes.includes(level);
    const best = [...units.entries()]
      .filter(([u]) => (place ? new RegExp(`${level}(?:[${CJK}]{0,6})(?:${suffixes})$`).test(u) && !new RegExp(`${level}[${CJK}]*${level}`).test(u) : u.endsWith(level)) && placed(u, t))
      .sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first)[0];
    if (best) return { name: best[0], kind: 'collective', how: 'own-level' };
  }
  return null;
}

/** Whether a unit's name says where it is: a place (…县…, …区…) or a level that opens it (县信访局). */
function placed(name: string, t: SubjectTables): boolean {
  const org = t.unit_suffixes.find((u) => name.endsWith(u)) ?? '';
  const head = name.slice(0, name.length - org.length);
  return head.length > 0 && [...head].some((c) => t.place_suffixes.includes(c)) && !/^[我本该他她其这那各全上下]/.test(name);
}

/** Every unit's name the text holds (up to a function word or punctuation before it), how often and where first. */
function unitNames(text: string, t: SubjectTables): Map<string, { count: number; first: number }> {
  const out = new Map<string, { count: number; first: number }>();
  const re = new RegExp(`${UNIT_BODY(1, 16)}(?:${suffixAlt(t)})`, 'g');
  for (const m of text.matchAll(re)) {
    // from the last character that no unit's name holds (到县信访局: 县信访局)
    let name = m[0];
    const cut = Math.max(...[...UNIT_BREAKERS, ...UNIT_NAME_BREAKS].map((c) => name.lastIndexOf(c)));
    if (cut >= 0) name = name.slice(cut + 1);
    if (!t.unit_suffixes.some((u) => name.endsWith(u) && name.length > u.length)) continue;
    const e = out.get(name);
    if (e) e.count++; else out.set(name, { count: 1, first: m.index });
  }
  return out;
}

interface Scan {
  readonly t: SubjectTables;
  readonly stops: ReadonlySet<string>;
  readonly isWord: IsWord;
  readonly posts: readonly string[];
  readonly found: readonly Subject[];
  readonly add: (s: Subject) => void;
  /** units opening a clause, and how often */
  readonly unitClauses: Map<string, number>;
}

/** The people and units one paragraph introduces: 他叫X, biographies, list items, posts before names, units opening clauses. */
function paragraphSubjects(text: string, p: Range, scan: Scan): void {
  const { t, stops, isWord, posts, found, add, unitClauses } = scan;
  const unitRe = unitPattern(t);
  const visitLead = visitLeadOf(t);
  const para = text.slice(p.start, p.end);
  // 他叫米玛扎西, 她叫…
  // 他叫…, 这个人叫王少磊, 这个人姓耿 (a telling that names its subject at the end)
  for (const m of para.matchAll(new RegExp(`(?:[他她]|这个人|这位|此人)(?:名叫|叫)([${CJK}·]{2,5})[，,。、；;\\s]`, 'g'))) add({ name: m[1] as string, kind: 'individual', how: 'called' });
  for (const m of para.matchAll(new RegExp(`(?:这个人|这位|此人)姓([${CJK}])[，,。、；;\\s]`, 'g'))) if (hasSurname(m[1] as string, t)) add({ name: m[1] as string, kind: 'individual', how: 'called' });
  // 1.俞斌,男,汉族,… / 张林江，女，…
  const bio = new RegExp(`^\\s*(?:\\d{1,2}[.、．]\\s*|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\\d]{1,3}[）)])?([${CJK}·]{2,4})[，,](?:[男女][，,]|\\d{1,3}岁|现年)`).exec(para);
  if (bio) add({ name: bio[1] as string, kind: 'individual', how: 'biography' });
  // 彭长俊（“中国好人榜”见义勇为好人候选人）：… — a candidate list item
  const item = new RegExp(`^\\s*(?:\\d{1,2}[.、．]\\s*|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\\d]{1,3}[）)])?([${CJK}·]{2,4})[（(][^）)]{1,40}[）)][：:]`).exec(para);
  if (item && hasSurname(item[1] as string, t) && !isWord(item[1] as string)) add({ name: item[1] as string, kind: 'individual', how: 'list-item' });
  // 彭先宏是郧西县土门人, 王某同志现任…: a name opening a paragraph, then 是 / 现任 / 同志
  const lead = /^\s*/.exec(para)?.[0].length ?? 0;
  const opener = nameAt(text, p.start + lead, t, stops, isWord);
  if (opener && /^(?:是|同志|现任|现为|[，,]现任)/.test(text.slice(p.start + lead + opener.length, p.start + lead + opener.length + 3))) {
    add({ name: opener, kind: 'individual', how: 'opening' });
  }
  // 现年47岁的高明, 从事审判工作近20年的陈海仪: a name after an age or a tenure, seen again elsewhere
  for (const m of para.matchAll(/(?:岁|[\d一二三四五六七八九十]年)的/g)) {
    const at = p.start + m.index + m[0].length;
    // after an age a rare family name will do (65岁的原九成); after a tenure, a common one
    const name = nameAt(text, at, t, stops, isWord) ?? (m[0][0] === '岁' ? nameAt(text, at, t, stops, isWord, false) : null);
    if (name && countOf(text, name) >= 2 && !posts.some((x) => name.endsWith(x))) add({ name, kind: 'individual', how: 'aged' });
  }
  // 的“老娘舅”毛国良是…: a name right after a quoted nickname, seen three times or more
  for (const m of para.matchAll(/[”"」]/g)) {
    const name = nameAt(text, p.start + m.index + 1, t, stops, isWord);
    if (name && countOf(text, name) >= 3) add({ name, kind: 'individual', how: 'nicknamed' });
  }
  // 王秀英同志
  for (const m of para.matchAll(new RegExp(`([${CJK}]{2,3})同志`, 'g'))) {
    const at = p.start + m.index;
    const name = nameAt(text, at, t, stops, isWord);
    // 感谢警察同志, 上了年纪的老同志: a name does not start inside a word
    if (name && (m[1] as string).startsWith(name) && !posts.some((x) => name.endsWith(x)) && !(at > 0 && isWord(text.slice(at - 1, at + 1)))) add({ name, kind: 'individual', how: 'comrade' });
  }
  // 局长姚石玉, 支队长高明, 法官文娟
  for (const post of posts) {
    for (let i = para.indexOf(post); i >= 0; i = para.indexOf(post, i + post.length)) {
      let at = p.start + i + post.length;
      if (/[们]/.test(text[at] ?? '')) continue;
      if (text[at] === '的' || /[”"」』]/.test(text[at] ?? '')) at++; // 副检察长的于新峰, “金牌调解员”崔荣早
      const rare = nameAt(text, at, t, stops, isWord, false);
      // (a name of no Han family name, 门木尔甲, named twice and read by the segmenter as one word it does not know)
      const oneWord = (r: string): boolean => isWord.cut?.(text.slice(at, at + 8))[0] === r && isWord.tag?.(r) === 'x';
      const found1 = nameAt(text, at, t, stops, isWord) ?? (rare !== null && (countOf(text, rare) >= 3 || (countOf(text, rare) >= 2 && rare.length >= 3 && oneWord(rare))) ? rare : null);
      // after a generic word for a person (村干部包片制…), only a name seen again
      const name = found1 !== null && t.weak_posts.includes(post) && countOf(text, found1) < 2 ? null : found1;
      // (nor the head of a unit's name: 代表市中级人民法院)
      if (name && !posts.some((q) => name.startsWith(q) || name.endsWith(q)) && !t.unit_suffixes.some((u) => name.endsWith(u)) && !askedOnce(text, `unit:${name}`, () => headsUnit(text, name, t, isWord))
        && !inPassing(text, name, t)) add({ name, kind: 'individual', how: 'post' });
    }
  }
  // units opening a clause; 马腾飞是消防战士: a name opening a clause, then 是 and a post
  let cs = 0;
  for (let i = 0; i <= para.length; i++) {
    if (i < para.length && !/[，,。；;：:！？]/.test(para[i] as string)) continue;
    const is = para.indexOf('是', cs);
    const who = cs > 0 && is > cs && is - cs <= 5 ? nameAt(text, p.start + cs, t, stops, isWord) : null;
    if (who && para.startsWith('是', cs + who.length) && posts.some((x) => para.slice(cs + who.length, i).includes(x))) add({ name: who, kind: 'individual', how: 'is-post' });
    // (past a post's verb, or a visit's: 走进市12345公共服务热线办 names the unit visited)
    const clause = para.slice(cs, Math.min(i, cs + 60)).replace(/^(?:现任|时任|担任|原)/, '').replace(visitLead, '');
    const m = unitRe.exec(clause);
    const name = m?.[1];
    // not a person's doings (他在社区…, 吴天祥担任…信访办), nor the body that awards (最高人民法院表彰…)
    const rest = name === undefined ? '' : clause.slice(clause.indexOf(name) + name.length);
    const awarding = t.awarding_verbs.some((v) => rest.includes(v) && !/[被获]/.test(rest.slice(0, rest.indexOf(v)))); // 被市中院授予: it is awarded
    // (nor the whole of a level: 全市法院, 各级法院, 本院)
    if (name && !awarding && !t.not_name_starts.includes(name[0] as string) && !/[他她我你其该这那全各本]/.test(name[0] as string) && !/^[省市县区乡镇]级/.test(name)
      && ![...name].some((c) => t.name_stops.includes(c) && UNIT_BREAKERS.includes(c)) && !found.some((f) => f.kind === 'individual' && name.includes(f.name))) {
      // (nor a campaign's slogan: 法治宣传进社区, 送法进校园)
      if (!t.unit_suffixes.includes(name) && !/进(?:社区|校园|农村|乡村|企业|机关|家庭|单位|网格|寺庙)$/.test(name)) unitClauses.set(name, (unitClauses.get(name) ?? 0) + 1);
    }
    cs = i + 1;
  }
}

const visitLeads = new WeakMap<SubjectTables, RegExp>();
/** A reporter's visit at the head of a clause (走进市12345…办), read past to the unit visited. */
function visitLeadOf(t: SubjectTables): RegExp {
  let re = visitLeads.get(t);
  if (!re) { re = new RegExp(`^(?:${t.discourse.visit_verbs.join('|')})`); visitLeads.set(t, re); }
  return re;
}

const unitPatterns = new WeakMap<SubjectTables, RegExp>();
/** A unit's name at the head of a clause (2014年,正宁县法院…; 一、东湖县信访局…). */
function unitPattern(t: SubjectTables): RegExp {
  let re = unitPatterns.get(t);
  if (!re) {
    re = new RegExp(`^(?:[（(]?\\d{4}年[）)]?[，,]?|[一二三四五六七八九十\\d]+[、.．])?\\s*(${UNIT_BODY(2, 16)}(?:${suffixAlt(t)}))`);
    unitPatterns.set(t, re);
  }
  return re;
}

/**
 * Every mention of the given subjects; `main` is the one the text is mainly about, or, when null,
 * the one mentioned most often.
 */
export function withMentions(text: string, subjects: readonly Subject[], main: number | null): Subjects {
  const mentions: Mention[] = [];
  subjects.forEach((s, k) => {
    for (let i = text.indexOf(s.name); i >= 0; i = text.indexOf(s.name, i + s.name.length)) mentions.push({ start: i, end: i + s.name.length, subject: k });
  });
  // a shorter name inside a longer one's mention is the longer one's
  // 我院, 本局, 该中心: a unit referring to itself, when one unit of the text ends that way
  subjects.forEach((s, k) => {
    if (s.kind !== 'collective') return;
    const tail = ['中心', '委员会', '院', '局', '所', '庭', '队', '站', '办', '科', '室', '处'].find((x) => s.name.endsWith(x));
    if (!tail || subjects.some((o, j) => j !== k && o.kind === 'collective' && o.name.endsWith(tail))) return;
    for (const pre of ['我', '本', '该', '全']) {
      const alias = pre + tail;
      for (let i = text.indexOf(alias); i >= 0; i = text.indexOf(alias, i + alias.length)) mentions.push({ start: i, end: i + alias.length, subject: k });
    }
  });
  mentions.sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const kept: Mention[] = [];
  // in start order and apart, a mention can overlap only the last one kept
  for (const m of mentions) if (m.start >= (kept[kept.length - 1]?.end ?? 0)) kept.push(m);
  if (main === null) {
    const counts = subjects.map((_, k) => kept.filter((m) => m.subject === k).length);
    main = counts.length > 0 ? counts.indexOf(Math.max(...counts)) : -1;
  }
  return { subjects, mentions: kept, main };
}

/** How near after a figure the next name must stand to own it (入伍5年多来,谢樵…): a name at the end of a long sentence does not. */
const NEXT_NAME_REACH = 16;

/** The subject a position belongs to (see the module comment); -1 when there is none. */
export function subjectAt(s: Subjects, pos: number, paragraph: Range, sentence: Range): number {
  const atPos = firstFrom(s.mentions, pos);
  const atPara = firstFrom(s.mentions, paragraph.start);
  const before = atPos > atPara ? s.mentions[atPos - 1] : undefined;
  const beforePara = s.mentions[atPara - 1];
  const after = s.mentions[atPos];
  const next = after && after.start < sentence.end && after.start - pos <= NEXT_NAME_REACH ? after : undefined;
  return before?.subject ?? next?.subject ?? beforePara?.subject ?? s.main;
}

/** Index of the first mention (in start order) that starts at or after `pos`. */
function firstFrom(mentions: readonly Mention[], pos: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if ((mentions[mid] as Mention).start < pos) lo = mid + 1; else hi = mid; }
  return lo;
}
