/**
 * Classify: what a reading counts — its category (cases resolved, a change in percent, a share,
 * money, people, other counts, a length of time), the direction of a change and what it is
 * measured against. A length of time is a claim only as a duration: tenure (从事信访工作20年,
 * 10年来, 13年如一日), a bounded or cued length (连续四天, 24小时内), or a change of one; otherwise
 * it is a time scope (近五年来) and classify returns null.
 */
import type { Category } from './view-claim.js';
import { clauseEnd, clauseStart, lastOf, lastVerbOf, SENTENCE_STOP, type Lexicon, type ParagraphContext, type Reading } from './context.js';
import type { Range } from '../structure/document.js';

export interface Classified {
  readonly category: Category;
  readonly direction: 'down' | 'up' | null;
  readonly baseline: string | null;
}

/** What after a handling verb makes it part of a noun (交办件, 转办件). */
const HANDLE_NOUN_TAILS = ['件'];

export function classify(text: string, r: Reading, ctx: ParagraphContext, lx: Lexicon): Classified | null {
  const p = ctx.p;
  const cs = clauseStart(text, r.start, p.start);
  // the verb of 至少化解30件 stands inside the span but still governs the number
  const before = text.slice(cs, r.rules.some((x) => x.startsWith('hedge:before-verb')) ? r.num.start : r.start);
  let direction: 'down' | 'up' | null = null;
  let baseline: string | null = null;
  let category: Category;
  switch (r.unit.kind) {
    case 'money': category = 'amount'; break;
    case 'person': category = 'headcount'; break;
    case 'area': category = 'count'; break;
    case 'thing': case 'case': category = countCategory(text, r, before, text.slice(r.pos, clauseEnd(text, r.pos, p.end)), lx); break;
    case 'percent': {
      const down = lastOf(before, lx.d.categories.down);
      const up = lastOf(before, lx.d.categories.up);
      const sh = lastOf(before, lx.d.categories.share);
      const level = lx.d.categories.change_to.some((v) => before.endsWith(v));
      if (!r.isRatio && (down.at >= 0 || up.at >= 0) && Math.max(down.at, up.at) > sh.at) {
        direction = down.at > up.at ? 'down' : 'up';
        if (level) { category = 'share'; r.rules.push('percent:level-reached'); } // 化解率提高到93.5%: the rate it reached
        else { category = 'percent_change'; baseline = findBaseline(before, lx); }
      } else category = 'share';
      break;
    }
    case 'time':
      if (!isDuration(text, r, before, cs, p, lx)) return null; // 近五年来, 十年来最低: a time scope, not a claim
      category = 'duration';
      break;
  }
  if (direction === null && r.unit.kind !== 'percent') {
    // 同比增加21件, 减少312件: a change verb right before the number gives the direction
    // 同比减少23宗166人次: a figure right after a changed one, with nothing between, changed the same way
    const bare = before.replace(/(?:\d+(?:\.\d+)?[\u4e00-\u9fa5]{1,2})+$/, '');
    const juxtaposed = bare !== before && /\d$/.test(text.slice(r.num.start - 1, r.num.start)) === false && /[\u4e00-\u9fa5]$/.test(before);
    const stem = (juxtaposed ? bare : before).replace(/[了约近共达]+$/, '');
    const mark = (d: 'up' | 'down'): void => { direction = d; r.rules.push('direction:verb'); if (juxtaposed) r.rules.push('direction:juxtaposed'); };
    if (lx.d.categories.up.some((w) => stem.endsWith(w))) mark('up');
    else if (lx.d.categories.down.some((w) => stem.endsWith(w))) mark('down');
  }
  return { category, direction, baseline };
}

/** Cases and things: resolved when a resolving verb governs them, people when they count people, else counts. */
function countCategory(text: string, r: Reading, before: string, after: string, lx: Lexicon): Category {
  const unit = r.unit;
  // 3条生命, 300多个“穷亲戚”: the measure word counts people
  const counted = text.slice(r.pos, r.pos + 8).replace(/^[“"「‘]/, '');
  const people = lx.personNounList.find((w) => counted.startsWith(w));
  if (people && unit.kind === 'thing') { r.rules.push(`category:counts-people:${people}`); return 'headcount'; }
  // 接待上访群众万余次: times people were received are person-times
  const received = unit.unit === '次' ? lastOf(before, lx.d.categories.receive) : { at: -1, word: '' };
  if (received.at >= 0 && lx.personNounList.some((w) => before.includes(w, received.at))) {
    r.rules.push(`category:received:${received.word}`);
    return 'headcount';
  }
  if (unit.kind === 'thing' && !unit.resolvable) return 'count';
  // 调解中心342个: a resolving word inside a noun resolves nothing
  const res = lastVerbOf(before, lx.d.categories.resolve, lx.d.categories.not_verb_after);
  const h = lastVerbOf(before, lx.d.categories.handle, HANDLE_NOUN_TAILS); // 交办件: a noun
  const rep = lastOf(before, lx.d.categories.report);
  const best = Math.max(res.at, h.at, rep.at);
  // the word nearest the figure governs it; of two ending at the same place (成功调解, 调解), the longer
  const end = (x: { at: number; word: string }): number => (x.at < 0 ? -1 : x.at + x.word.length);
  const resolves = end(res) > end(h) || (end(res) === end(h) && res.word.length > h.word.length);
  if (res.at >= 0 && resolves && end(res) > end(rep)) { r.rules.push(`category:resolve:${res.word}`); return 'cases_resolved'; }
  // 150余起矛盾纠纷得到化解; but in 13件积案已化解12件 the verb governs the figure after it
  const later = lastOf(after, lx.d.categories.resolve);
  if (best < 0 && unit.kind === 'case' && later.at >= 0 && !/[0-9一二两三四五六七八九十百千万]/.test(after.slice(later.at))) { r.rules.push('category:resolve-after'); return 'cases_resolved'; }
  r.rules.push(best >= 0 ? `category:not-resolved:${best === h.at ? h.word : rep.word}` : 'category:no-verb');
  return 'count';
}

/** 每天工作10多个小时, 每周加班20小时: hours or days of work at a rate, the verb right before the number. */
function workingAtRate(before: string, unit: string, lx: Lexicon): boolean {
  if (!/^(?:个)?(?:小时|天|日)$/.test(unit)) return false;
  const verb = lx.d.periods.duration_cues.working.find((v) => before.endsWith(v));
  if (verb === undefined) return false;
  const lead = before.slice(0, before.length - verb.length);
  return lx.d.periods.rate.some((x) => lead.endsWith(x.marker));
}

/** Whether a length of time is a duration claim; extends the reading over its cue or suffix. */
function isDuration(text: string, r: Reading, before: string, cs: number, p: Range, lx: Lexicon): boolean {
  // 入伍5年多来: 多 after the unit hedges a length that 来 closes
  if (text[r.pos] === '多' && /^多(?:以来|来)/.test(text.slice(r.pos, r.pos + 3))) {
    if (r.approx === 'exact') r.approx = 'over';
    r.rules.push('hedge:after-unit:多');
    r.pos++;
  }
  // 2005年起从事信访工作，至今已17年: the verb is in the clause before 至今
  let tenureZone = before;
  if (/^(?:至今|迄今|现已|已经|已)/.test(before)) tenureZone = text.slice(clauseStart(text, Math.max(p.start, cs - 1), p.start), r.start);
  const tenure = lastOf(tenureZone, lx.d.periods.tenure_verbs);
  const cueBefore = lx.d.periods.duration_cues.before.find((c) => before.endsWith(c));
  const cueAfter = lx.d.periods.duration_cues.after.find((c) => text.startsWith(c, r.pos))
    ?? (r.rules.includes('hedge:after-unit:以内') ? '' : undefined);
  const cueFollows = lx.d.periods.duration_cues.follows.find((c) => text.startsWith(c, r.pos));
  const frame = tenureFrame(text, r.start, r.pos, r.unit.unit, before, p, lx);
  // 10年以上的骨头案: a qualifier, not a length; but 从事审判工作近20年的陈海仪 is tenure
  if (text[r.pos] === '的' && !cueBefore && !frame && tenure.at < 0) return false;
  if (cueAfter !== undefined) {
    r.pos += cueAfter.length;
    r.rules.push(`duration:after:${cueAfter}`);
  } else if (cueBefore) r.rules.push(`duration:before:${cueBefore}`);
  else if (cueFollows) r.rules.push(`duration:follows:${cueFollows}`);
  else if (workingAtRate(before, r.unit.unit, lx)) r.rules.push('duration:working');
  else if (r.rules.some((x) => x.startsWith('hedge:before')) && (r.approx === 'at_least' || r.approx === 'at_most')) r.rules.push('duration:bounded');
  else if (changeVerbNear(text, r.start, r.pos, lx)) r.rules.push('duration:change');
  else if (tenure.at >= 0 && /[年月载]/.test(r.unit.unit)) {
    r.rules.push(`duration:tenure:${tenure.word}`);
    const suffix = /^(?:以来|来)/.exec(text.slice(r.pos, r.pos + 2));
    if (suffix) r.pos += suffix[0].length;
  } else if (frame) {
    r.rules.push(frame.rule);
    r.pos = frame.end;
  } else if (/[年载]/.test(r.unit.unit) && r.value >= 2 && lx.d.periods.tenure_after.some((v) => text.startsWith(v, r.pos))) {
    // 30余年从警路, 40年调解纠纷2000余起: the verb of the tenure right after it (一年调解逾500件 is a rate's year)
    r.rules.push(`duration:tenure-after:${lx.d.periods.tenure_after.find((v) => text.startsWith(v, r.pos)) as string}`);
  } else return false;
  return true;
}

/**
 * The frames in which a bare length of time is the subject's own tenure rather than a time scope:
 * 13年如一日; 在16年公诉工作中, 在15年的禁毒生涯; 10年来, 20多年来, 这八年里 (but not 近五年来,
 * 降至十年来最低, 十年来首次); 607天，是… opening a sentence. Returns the rule and the claim's end.
 */
function tenureFrame(text: string, start: number, pos: number, unit: string, before: string, p: Range, lx: Lexicon): { rule: string; end: number } | null {
  const after = text.slice(pos, Math.min(p.end, pos + 16));
  const f = lx.d.periods.tenure_frames;
  const steady = f.steady.find((w) => after.startsWith(w));
  if (steady) return { rule: `duration:tenure:${steady}`, end: pos + steady.length };
  if (!/[年月]/.test(unit)) {
    // 607天，是潘作良…: a length opening its sentence and standing alone before a comma
    let ss = start;
    while (ss > p.start && /[\s“"]/.test(text[ss - 1] as string)) ss--;
    const opens = ss === p.start || SENTENCE_STOP[text.charCodeAt(ss - 1)] === 1;
    const digits = /^\d/.test(text.slice(start, pos)); // 一天，… is a narrative "one day"
    return opens && digits && /^[，,]/.test(after) ? { rule: 'duration:standalone', end: pos } : null;
  }
  // 他30年的法官生涯: a career noun needs no 在
  // (also without 的: 22年警务生涯)
  const alone = new RegExp(`^的?[\u4e00-\u9fff]{0,4}?(?:${f.career_alone.join('|')})`).exec(after);
  if (alone) return { rule: `duration:tenure:…${alone[0].slice(-2)}`, end: pos };
  // 在16年公诉工作中, 在15年的禁毒生涯: a length inside 在 … 工作/生涯
  if (/在(?:这|近)?$/.test(before)) {
    const career = new RegExp(`^的?[\u4e00-\u9fff]{0,8}?(?:${f.career.join('|')})`).exec(after);
    if (career) return { rule: 'duration:tenure:在…' + (career[0].match(new RegExp(`(?:${f.career.join('|')})$`))?.[0] ?? ''), end: pos };
  }
  // 10年来, 这八年里: N years since, unless a recent-years scope (近五年来) or a record (十年来最低)
  const since = f.since.find((w) => after.startsWith(w));
  if (!since) return null;
  const lead = text.slice(Math.max(p.start, start - 2), start);
  const then = after.slice(since.length).replace(/^[，,\s]+/, '');
  if (/[近〇零一二三四五六七八九]$/.test(lead) || /^(?:近|最近|将近|接近)/.test(text.slice(start, pos))) return null; // 近五年来; 二〇一九年以来
  if (f.not_since_before.some((w) => before.endsWith(w)) || f.not_since_after.some((w) => then.startsWith(w))) return null;
  if (lx.d.periods.scope_words.some((w) => text.startsWith(w, start))) return null; // 一年多来: listed as a scope
  return { rule: `duration:tenure:${since}`, end: pos + since.length };
}

/** A from->to change of a time (由22天缩短至9天): the verb follows the first, or precedes the second. */
function changeVerbNear(text: string, start: number, end: number, lx: Lexicon): boolean {
  const before = text.slice(clauseStart(text, start, 0), start);
  if (!/[从由]/.test(before)) return false; // 降至十年来最低 is no change of a length
  const after = text.slice(end, end + 4);
  return lx.d.categories.change_to.some((v) => after.startsWith(v) || before.endsWith(v));
}

function findBaseline(before: string, lx: Lexicon): string | null {
  const m = /(与[^，。；]{1,16}?相比|和[^，。；]{1,16}?相比|较[^，。；]{1,10}?(?=下降|减少|降低|上升|增长|提升|增加|提高|回落))/.exec(before);
  if (m) return m[1] as string;
  const w = lastOf(before, lx.d.categories.baseline);
  return w.at >= 0 ? w.word : null;
}

