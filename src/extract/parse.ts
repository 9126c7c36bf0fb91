/**
 * Parse: from a numeral to a reading of it — percent forms (百分之, 分之, 成), hedges after the
 * number and its scale (150余起, 7000余万元, 1亿多元), the unit (the table, a measure word by its
 * jieba tag, the noun a hedged number counts, a counted journey, zero of an event), a ratio
 * without a unit (收结比为0.98), hedges after the unit and before the number, and ranges (3至5人).
 * A numeral with no unit is no claim: years, markers, phone numbers stop here.
 */
import type { Approx, UnitEntry } from '../dictionaries.js';
import { parseNumberAt, type ParsedNumber } from './numerals.js';
import { tagOf } from '../segment/jieba.js';
import { SCALE, lastOf, tokenAt, type Lexicon, type ParagraphContext, type Reading } from './context.js';

const IDEOGRAPH = /[\u4e00-\u9fff]/;

/** The reading while it is being parsed: approx and unit may still be unknown. */
interface Draft {
  readonly num: ParsedNumber;
  start: number;
  pos: number;
  value: number;
  approx: Approx | null;
  unit: UnitEntry | null;
  unitWritten: string;
  isPercent: boolean;
  readonly rules: string[];
}

export function readNumeral(text: string, num: ParsedNumber, ctx: ParagraphContext, lx: Lexicon): Reading | null {
  const d: Draft = { num, start: num.start, pos: num.end, value: num.value, approx: num.approx ?? null, unit: null, unitWritten: '', isPercent: false, rules: [] };
  if (d.approx) d.rules.push(`numeral:${d.approx}`);
  percentForms(text, d, ctx);
  if (!d.isPercent) hedgeAndScale(text, d, ctx, lx);
  unitAfter(text, d, ctx, lx);
  if (d.isPercent) d.unit = { unit: '%', kind: 'percent' };

  // ratio without a unit: 收结比为0.98
  let isRatio = false;
  if (!d.unit && !text.startsWith('分之', num.end)) {
    const before = text.slice(Math.max(ctx.p.start, d.start - 8), d.start);
    // a listed ratio, or any rate (查处率达90以上): a word ending in 率 right before
    const listed = lastOf(before, lx.d.categories.ratio);
    const rate = /([\u4e00-\u9fa5]{1,6}率)(?:为|达|达到|是|已达|保持在|)$/.exec(before);
    const r = listed.at >= 0 && /^(?:为|达|达到|是|已达|保持在|)$/.test(before.slice(listed.at + listed.word.length)) ? listed
      : rate ? { at: rate.index, word: rate[1] as string } : { at: -1, word: '' };
    if (r.at < 0) return null; // no unit: no claim
    isRatio = true;
    d.unit = { unit: '', kind: 'percent' };
    d.rules.push(`ratio:${r.word}`);
  }
  if (!d.unit) return null;
  hedgesAround(text, d, ctx, lx);
  const rangeLow = d.approx === null ? rangeBefore(text, d, ctx) : null;
  return { num, start: d.start, pos: d.pos, value: d.value, approx: d.approx ?? 'exact', unit: d.unit, unitWritten: isRatio ? '' : d.unitWritten, isRatio, rangeLow, rules: d.rules };
}

/** 百分之九十五; 三分之一, as a percentage. */
function percentForms(text: string, d: Draft, ctx: ParagraphContext): void {
  const num = d.num;
  if (text.startsWith('百分之', num.start - 3) && num.start - 3 >= ctx.p.start) {
    d.start = num.start - 3;
    d.isPercent = true;
    d.rules.push('percent:百分之');
  }
  if (!d.isPercent && text.startsWith('分之', num.end) && text[num.start] !== '百' && num.value > 0) {
    const numer = parseNumberAt(text, num.end + 2);
    if (numer && numer.end <= ctx.p.end && numer.value < num.value) {
      d.value = Math.round((numer.value / num.value) * 10000) / 100;
      d.isPercent = true;
      d.unitWritten = '分之';
      d.pos = numer.end;
      d.rules.push('percent:fraction');
    }
  }
}

/** A hedge right after the number (150余起, 7000余万元), then a scale (万, 亿), then another (1亿多元). */
function hedgeAndScale(text: string, d: Draft, ctx: ParagraphContext, lx: Lexicon): void {
  const p = ctx.p;
  const afterNumberHedge = (): void => {
    const h = text[d.pos] ?? '';
    const a = lx.afterNumber.get(h);
    if (!a || d.pos >= p.end) return;
    // 来 and 多 only hedge when something countable follows (not 多年, 来自)
    const next = text.slice(d.pos + 1, d.pos + 9); // (as long as the longest unit: 1600多平方公里)
    const countable = /^[万亿千百]/.test(next) || lx.units.some((u) => next.startsWith(u.unit)) || next.startsWith('%')
      || (h !== '来' && countedNounAt(ctx, text, d.pos + 1, lx) !== null);
    if (!countable) return;
    if (d.approx === null || d.approx === 'exact') d.approx = a;
    d.rules.push(`hedge:after-number:${h}`);
    d.pos++;
  };
  afterNumberHedge();
  let scaleText = '';
  while (d.pos < p.end && SCALE[text[d.pos] as string] !== undefined && (d.num.script === 'arabic' || text[d.pos - 1] === '余' || text[d.pos - 1] === '多')) {
    d.value *= SCALE[text[d.pos] as string] as number;
    scaleText += text[d.pos];
    d.pos++;
  }
  if (scaleText) { d.rules.push(`scale:${scaleText}`); afterNumberHedge(); }
  d.unitWritten = scaleText;
}

/** The unit after the number and its scale: %, 成, the unit table, or what else counts. */
function unitAfter(text: string, d: Draft, ctx: ParagraphContext, lx: Lexicon): void {
  const num = d.num;
  if (d.isPercent && d.unitWritten === '分之') return; // the fraction read above is its own unit
  if (text[d.pos] === '%' || text[d.pos] === '％') {
    d.isPercent = true;
    d.unitWritten = '%';
    d.pos++;
    return;
  }
  if (d.isPercent) return;
  if (text[d.pos] === '成' && d.value <= 10 && num.script === 'chinese' && !/^成[为功效立员绩果熟本型长]/.test(text.slice(d.pos, d.pos + 2))) {
    d.isPercent = true;
    d.value *= 10;
    d.unitWritten = '成';
    d.pos++;
    d.rules.push('percent:成');
    return;
  }
  const rest = text.slice(d.pos, d.pos + 8);
  let unit = lx.unitsByFirst.get(rest[0] ?? '')?.find((u) => rest.startsWith(u.unit)) ?? null;
  if (unit && lx.d.negatives.unit_blockers.some((b) => b.length > (unit as UnitEntry).unit.length && rest.startsWith(b) && b.startsWith((unit as UnitEntry).unit))) {
    d.rules.push(`unit-blocked:${rest.slice(0, 3)}`);
    unit = null;
  }
  if (unit?.unit === '个' && /^个(?:多|余|半)月/.test(rest)) {
    // 三个多月, 一个半月: the hedge or the half stands inside the measure word
    if (rest[1] === '半') d.value += 0.5;
    else if (d.approx === null || d.approx === 'exact') { d.approx = 'over'; d.rules.push(`hedge:after-number:${rest[1] as string}`); }
    d.unitWritten = rest.slice(0, 3);
    d.pos += 3;
    d.unit = lx.units.find((u) => u.unit === '个月') ?? null;
    return;
  }
  if (unit) {
    if (unit.kind === 'money' && unit.base !== undefined) d.value *= unit.base;
    d.unitWritten += unit.unit;
    d.pos += unit.unit.length;
    d.unit = unit;
    return;
  }
  // not in the table: a measure word by its jieba tag (4圈), or, after 余/多, the noun counted (二十余省)
  const hedgedNoun = /[余多]/.test(text[d.pos - 1] ?? '') && d.pos - 1 >= num.end;
  const found = measureWordAt(ctx, text, d.pos, lx, num.script) ?? (hedgedNoun ? countedNounAt(ctx, text, d.pos, lx) : null);
  if (found) {
    d.unit = found.unit;
    d.unitWritten += found.unit.unit;
    d.pos += found.unit.unit.length;
    d.rules.push(found.rule);
  } else if (d.approx === null) {
    // 三达西藏、四进新疆: a counted action; 全年零越级上访: zero of an event
    const act = countedActionAt(ctx, text, num, lx) ?? zeroEventAt(text, num, lx);
    if (act) {
      d.unit = act.unit;
      d.unitWritten = act.written;
      d.pos += act.written.length;
      d.rules.push(act.rule);
    }
  }
}

/** Hedges after the unit (10000人次以上), before the number (近60起, 上百人), and before a short verb (至少化解30件). */
function hedgesAround(text: string, d: Draft, ctx: ParagraphContext, lx: Lexicon): void {
  const p = ctx.p;
  for (const h of lx.afterUnit) {
    if (text.startsWith(h.marker, d.pos) && d.pos + h.marker.length <= p.end) {
      if (d.approx === null || d.approx === 'exact') d.approx = h.approx;
      d.rules.push(`hedge:after-unit:${h.marker}`);
      d.pos += h.marker.length;
      break;
    }
  }
  for (const h of lx.before) {
    const overlap = /[百千万]$/.test(h.marker) && text.startsWith(h.marker, d.start - h.marker.length + 1) && h.marker.endsWith(text[d.start] as string);
    const at = overlap ? d.start - h.marker.length + 1 : d.start - h.marker.length;
    if (at >= p.start && (overlap || text.startsWith(h.marker, at))) {
      if (d.approx === null || d.approx === 'exact') d.approx = h.approx;
      d.rules.push(`hedge:before:${h.marker}`);
      d.start = at;
      break;
    }
  }
  if (d.approx !== null) return;
  // 至少化解30件, 每月至少接访一次, 约有300人: a hedge may stand before a short verb
  const gap = /(至少|最多|大约|约)([\u4e00-\u9fff]{1,2})$/.exec(text.slice(Math.max(p.start, d.start - 4), d.start));
  const h = gap ? lx.before.find((b) => b.marker === gap[1]) : undefined;
  if (gap && h && !/[一二两三四五六七八九十百千万数几]/.test(gap[2] as string)) {
    d.approx = h.approx;
    d.rules.push(`hedge:before-verb:${h.marker}`);
    d.start -= gap[0].length;
  }
}

/** 3至5人, 3-5人, 三到五人: a range, read from its low end; returns that low end (scaled like the value). */
function rangeBefore(text: string, d: Draft, ctx: ParagraphContext): number | null {
  const lead = /(\d+(?:\.\d+)?|[〇零一二三四五六七八九十两]{1,4})\s*(?:至|到|-|—|~|～|－)\s*$/.exec(text.slice(Math.max(ctx.p.start, d.start - 12), d.start));
  const lowNum = lead ? parseNumberAt(lead[1] as string, 0) : null;
  if (!lead || !lowNum || lowNum.end !== (lead[1] as string).length || lowNum.value >= d.value || /(?:19|20)\d{2}$/.test(lead[1] as string)) return null;
  d.start -= lead[0].length;
  d.approx = 'about';
  d.rules.push('range');
  return lowNum.value * (d.value / d.num.value || 1);
}

/** A measure word that the unit table lacks, by its jieba tag (4圈, 78面): the token at `pos`. */
function measureWordAt(ctx: ParagraphContext, text: string, pos: number, lx: Lexicon, script: ParsedNumber['script']): { unit: UnitEntry; rule: string } | null {
  const first = text[pos] ?? '';
  if (!IDEOGRAPH.test(first)) return null; // punctuation, digits, letters: no measure word
  // a measure word's first character is one on its own (圈, 趟, 面): jieba is asked about the window only then
  if (!lx.measureTags.has(tagOf(first)) && !lx.d.counting.arabic_only.includes(first)) return null;
  const tok = tokenAt(ctx, text, pos, lx.d);
  if (!tok || tok.start !== pos || tok.word.length > 2 || !/^[\u4e00-\u9fff]+$/.test(tok.word)) return null;
  const arabicOnly = lx.d.counting.arabic_only.includes(tok.word);
  if (arabicOnly && script !== 'arabic') return null;
  if (lx.notMeasure.has(tok.word) || lx.d.negatives.unit_blockers.some((b) => text.startsWith(b, pos))) return null;
  if (!arabicOnly && !lx.measureTags.has(tagOf(tok.word))) return null;
  return { unit: { unit: tok.word, kind: lx.personNouns.has(tok.word) ? 'person' : 'thing' }, rule: `unit:tag:${tok.word}` };
}

/** The noun a hedged number counts without a measure word (二十余省, 300余农民工兄弟). */
export function countedNounAt(ctx: ParagraphContext, text: string, pos: number, lx: Lexicon): { unit: UnitEntry; rule: string } | null {
  if (!IDEOGRAPH.test(text[pos] ?? '')) return null;
  const tok = tokenAt(ctx, text, pos, lx.d);
  if (!tok || tok.start !== pos || tok.word.length > 3 || !/^[\u4e00-\u9fff]+$/.test(tok.word)) return null;
  if (lx.d.negatives.unit_blockers.some((b) => text.startsWith(b, pos)) || lx.notMeasure.has(tok.word)) return null;
  if (!lx.nounTags.has(tagOf(tok.word))) return null;
  return { unit: { unit: tok.word, kind: lx.personNouns.has(tok.word) ? 'person' : 'thing' }, rule: `unit:noun:${tok.word}` };
}

interface Special { readonly unit: UnitEntry; readonly written: string; readonly rule: string }

/**
 * 三达西藏、四进新疆、九下陕川: a Chinese numeral before a verb of going counts journeys. Only in a
 * list of two or more such items, or before a place name, so that 一下 or 三进 slogans stay out.
 */
function countedActionAt(ctx: ParagraphContext, text: string, num: ParsedNumber, lx: Lexicon): Special | null {
  if (num.script !== 'chinese' || num.value < 2 || num.value > 99 || num.approx !== undefined) return null;
  const verb = lx.actionVerbs.find((v) => text.startsWith(v, num.end));
  if (!verb || [...lx.lexicalWords].some((w) => text.startsWith(w, num.start))) return null; // 三下乡: a programme
  if (/[周期拜]$/.test(text.slice(Math.max(ctx.p.start, num.start - 1), num.start))) return null; // 每周三下午: a weekday
  const word = tokenAt(ctx, text, num.end, lx.d);
  if (word && word.start === num.end && word.end > num.end + verb.length) return null; // 下午, 进行: the verb is part of a word
  // the items of a list, in the clause or running on across commas (十下刘小寨,六开联调会)
  let ss = num.start;
  while (ss > ctx.p.start && num.start - ss < 60 && !/[。；;！？!?]/.test(text[ss - 1] as string)) ss--;
  const zone = text.slice(ss, Math.min(ctx.p.end, num.end + 40)).split(/[。；;！？!?]/)[0] ?? '';
  const items = zone.match(new RegExp(`[一二两三四五六七八九十]{1,2}(?:${lx.actionVerbs.join('|')})[\\u4e00-\\u9fff]{1,4}(?=[、和及，,]|$)`, 'g')) ?? [];
  const place = tokenAt(ctx, text, num.end + verb.length, lx.d);
  const toPlace = place !== undefined && place.start === num.end + verb.length && lx.placeTags.has(tagOf(place.word));
  if (items.length < 2 && !toPlace) return null;
  return { unit: { unit: '次', kind: 'thing' }, written: verb, rule: `count:action:${verb}` };
}

/** 全年零越级上访, 实现零进京上访, “零”复议: 零 before an event noun (in quotes or not) is a count of zero. */
function zeroEventAt(text: string, num: ParsedNumber, lx: Lexicon): Special | null {
  if (text.slice(num.start, num.end) !== '零') return null;
  const quoted = /^[”"」’']/.test(text[num.end] ?? '') && /[“"「‘']/.test(text[num.start - 1] ?? '') ? 1 : 0;
  const noun = lx.zeroEvents.find((w) => text.startsWith(w, num.end + quoted));
  if (!noun) return null;
  return { unit: { unit: noun, kind: 'thing' }, written: text.slice(num.end, num.end + quoted) + noun, rule: `count:zero:${noun}` };
}
