/**
 * Reject: readings that are no claim, each by a named rule — ordinals (第471期), dates and clock
 * times, page counters (阅读 328 次), codes (G20, 5G), slogans and titles in quotes, years read as
 * lengths, 一 as an article (一名信访干部), parts of a programme (三个环节), and numerals inside
 * ordinary words (十分, 一时, 进一步; jieba decides).
 */
import { digitByDigit, type ParsedNumber } from './numerals.js';
import { tagOf } from '../segment/jieba.js';
import { inRanges, tokenAt, type Lexicon, type ParagraphContext, type Reading } from './context.js';

/** The rule that rejects the reading, or null when it stands. */
export function rejection(text: string, r: Reading, ctx: ParagraphContext, lx: Lexicon): string | null {
  const { num, start, pos, unit, value } = r;
  const p = ctx.p;
  if ((text[start - 1] ?? '') === '第') return 'reject:ordinal';
  if (num.script === 'arabic' && inDateOrClock(text, num.start, num.end)) return 'reject:date-or-clock'; // 2015-03-06, 17:45
  const lead = text.slice(Math.max(p.start, start - 5), start).replace(/[\s：:]+$/, '');
  if (lx.d.negatives.page_furniture.some((w) => lead.endsWith(w))) return 'reject:page-counter'; // 阅读 328 次
  if (num.script === 'arabic' && (/[A-Za-z]/.test(text[num.start - 1] ?? '') || /[A-Za-z]/.test(text[num.end] ?? ''))) return 'reject:code'; // G20, 5G
  // slogans, titles, glosses; not “零”复议 or 实现“零非访”。, zero of an event (but “零非访”县区 names a kind of county)
  if (inRanges(num.start, ctx.quotes) && !(r.rules.some((x) => x.startsWith('count:zero:')) && !/^[”"」’']?[\u4e00-\u9fa5]/.test(text.slice(r.pos, r.pos + 2)))) return 'reject:quoted';
  if (unit.kind === 'time') {
    if (value >= 1000) return 'reject:year'; // a year, not a length
    if (digitByDigit(text.slice(num.start, num.end))) return 'reject:year'; // 一〇八年: written digit by digit, a year
    if ((unit.unit === '日' || unit.unit === '天') && /月$/.test(text.slice(p.start, num.start))) return 'reject:date';
  }
  if (unit.kind === 'person' && text[start - 1] === '每' && r.approx === 'exact') return 'reject:per-capita'; // 每百万人信访总量: a rate's base
  if (num.script !== 'chinese') return null;
  // 一0八年: a numeral glued to a digit before it is the tail of a number written half in digits (a year of the Minguo era)
  if (/[0-9]/.test(text[num.start - 1] ?? '')) return 'reject:glued-digit';
  if (text.slice(num.start, num.end) === '一' && r.approx === 'exact' && lx.articleUnits.has(unit.unit)) return 'reject:article'; // 一名信访干部
  // 五里街镇, 十里铺, 三里屯: a place's name
  if (unit.unit === '里' && /^[街镇村乡屯庄铺店桥坡湾河堡]/.test(text[pos] ?? '')) return 'reject:place-name';
  // 夫妻二人, 父女两人: the pair the text speaks of, no count
  if (unit.unit === '人' && value <= 3 && lx.d.subjects.discourse.kin.some((k) => text.startsWith(k, start - k.length))) return 'reject:pair';
  // 一册一足迹, 一村一警, 一案一策: 一 and a word, twice over, is a motto
  if (text.slice(num.start, num.end) === '一' && (/^一[\u4e00-\u9fa5]{1,2}一[\u4e00-\u9fa5]/.test(text.slice(num.start, num.start + 6)) || /一[\u4e00-\u9fa5]{1,2}$/.test(text.slice(Math.max(p.start, num.start - 3), num.start)) && /^一[\u4e00-\u9fa5]/.test(text.slice(num.start, num.start + 2)) && text.slice(Math.max(p.start, num.start - 3), num.start).includes('一'))) return 'reject:motto';
  if (value <= 10 && (unit.unit === '个' || unit.unit === '项') && lx.abstractNouns.has(text.slice(pos, pos + 2))) return 'reject:programme-part'; // 三个环节
  // a counted action was checked against its list; jieba glues 他三达 into one unknown word
  if (r.rules.some((x) => x.startsWith('count:action'))) return null;
  const veto = lexicalVeto(ctx, text, num, start, pos, lx);
  return veto === null ? null : `reject:${veto}`;
}

const DATE_OR_CLOCK = /(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?/g;
/** Whether digits at [start, end) are part of a written date (2015-03-06) or a clock time (17:45). */
function inDateOrClock(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 11);
  for (const m of text.slice(from, end + 11).matchAll(DATE_OR_CLOCK)) {
    const a = from + m.index;
    if (a <= start && a + m[0].length >= end) return true;
  }
  return false;
}

/** Jieba-based veto for Chinese numerals that are part of ordinary words (十分, 一时, 进一步). */
function lexicalVeto(ctx: ParagraphContext, text: string, num: ParsedNumber, hedgeStart: number, unitEnd: number, lx: Lexicon): string | null {
  const tok = tokenAt(ctx, text, num.start, lx.d);
  if (!tok) return null;
  if (lx.lexicalWords.has(tok.word)) return `lexical-word:${tok.word}`;
  if (tok.start < num.start && tok.start < hedgeStart) return `inside-word:${tok.word}`;
  // 万人空巷, 千军万马: one word running on past the unit is an idiom, not a count
  // (but 几十年如一日学雷锋, 十年如一日坚守: the idiom of tenure states its years; not 数十年如一日的服务, a quality)
  if (tok.start === num.start && tok.end > unitEnd && /^[il]$/.test(tagOf(tok.word)) && !(/年如一日$/.test(tok.word) && text[tok.end] !== '的')) return `idiom:${tok.word}`;
  if (tok.start === num.start && tok.end > num.end) {
    const rest = text.slice(num.end, tok.end);
    const unitLike = lx.units.some((u) => rest.startsWith(u.unit)) || /^[余多来几]/.test(rest) || /^[万亿千百]/.test(rest) || rest === '成';
    if (!unitLike && lx.lexicalTags.has(tagOf(tok.word))) return `lexical-tag:${tok.word}/${tagOf(tok.word)}`;
  }
  return null;
}

