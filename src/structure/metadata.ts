/**
 * What an analyst groups notices by: the year, the issuing body, the region (province and city)
 * and the honour a notice is about, and the region of each nominee. Read from the signature at
 * the end of a notice (issuer above a date line), its 公示期 and document numbers, its title and
 * its first paragraphs. Offsets are not kept: these are values, not evidence.
 */
import type { RegionTables } from '../dictionaries.js';

export type { RegionTables };
import type { Paragraph } from './range.js';

/** A region: the province, the city (市, 州, 盟) and the county or district (县, 区, 旗) a name places itself in. */
export interface Region { readonly province: string | null; readonly city: string | null; readonly county?: string | null }

export interface DocumentMeta {
  /** the notice's year: its signature date, else its 公示期, a 〔2017〕 number, its title, its byline */
  readonly year: number | null;
  readonly issuer: string | null;
  readonly region: Region;
  /** the honour named in the title (全国信访系统先进集体和先进工作者), or null */
  readonly honour: string | null;
}

const DATE_LINE = /^((?:19|20)\d{2})年\d{1,2}月\d{1,2}日$/;

const provinceHeads = new WeakMap<RegionTables, RegExp>();
/** A province's name or short form at the head of a string. */
function provinceHead(t: RegionTables): RegExp {
  let re = provinceHeads.get(t);
  if (!re) {
    re = new RegExp(`^(?:${t.provinces.flatMap((p) => [p.name, ...p.short]).sort((a, b) => b.length - a.length).join('|')})`);
    provinceHeads.set(t, re);
  }
  return re;
}

/** The province, the city and the county a name, title or issuer names at its head (山西省阳泉市信访局, 关于青河市…, 长治市沁县信访局, 钱塘区信访局). */
export function regionIn(s: string, t: RegionTables): Region {
  let province: string | null = null;
  let at = Number.POSITIVE_INFINITY;
  for (const p of t.provinces) {
    for (const w of [p.name, ...p.short]) {
      const i = s.indexOf(w);
      if (i >= 0 && i < at) { at = i; province = p.name; }
    }
  }
  const head = s.replace(/^(?:关于|拟|推荐|[（(]?\d{4}年度?[）)]?)+/, '').replace(provinceHead(t), '');
  // a city opens what is left: a proper name, not 全市, 该市 or a clause (赴市, 被市)
  const found = /^([\u4e00-\u9fa5]{2,4}?(?:市|自治州|州|盟))(?!场|民|委|直|级)/.exec(head)?.[1] ?? null;
  const city = found !== null && !/[全本该各我赴被在于年季度位居其的]/.test(found) ? found : null;
  return { province, city, county: countyAt(city === null ? head : head.slice(city.length), city !== null, t) };
}

/**
 * A county or district at the head of `s` (东平县信访局, 钱塘区…); after a city one character will do
 * (长治市沁县), else two to four. Not a word for a kind of area (社区, 辖区, 开发区: regions.yaml).
 */
function countyAt(s: string, afterCity: boolean, t: RegionTables): string | null {
  const m = (afterCity ? COUNTY_AFTER_CITY : COUNTY).exec(s)?.[1] ?? null;
  if (m === null || /[全本该各我赴被在于年季度位居其的某]/.test(m) || t.not_counties.includes(m) || t.not_county_endings.some((w) => m.endsWith(w))) return null;
  return m;
}
const COUNTY = /^([\u4e00-\u9fa5]{2,4}?(?:自治县|自治旗|县|区|旗))/;
const COUNTY_AFTER_CITY = /^([\u4e00-\u9fa5]{1,4}?(?:自治县|自治旗|县|区|旗))/;

/** The honour a notice's title names (关于…推荐对象的公示): only a notice's, not a write-up's (…同志先进事迹). */
function honourOf(title: string, t: RegionTables): string | null {
  if (!/(公示|公告|推荐|表彰|评选|名单|候选)/.test(title)) return null;
  let s = title.replace(/\s+/g, '').replace(/(?:19|20)\d{2}年(?:度)?(?:第[一二三四五六七八九十\d]+批)?/g, '');
  // 平阳市信访局关于…的公示: the issuer before 关于 is not part of the honour
  s = s.replace(/^[^，。]{2,30}?(?=关于)/, '');
  // 关于推荐钱塘区信访局为全国信访系统先进集体的公示: the honour is what the unit is put up for
  const as = s.lastIndexOf('为');
  if (as >= 0 && /(先进|模范|标兵)/.test(s.slice(as + 1))) s = s.slice(as + 1);
  // 无锡市拟推荐第八届…道德模范候选人, 最高人民法院表彰全国法院先进集体: the honour follows the body's verb
  else {
    const verbs = [...s.matchAll(/(?:拟推荐|推荐|拟表彰|表彰|授予|评选)/g)].reverse();
    const v = verbs.find((m) => /(先进|模范|标兵)/.test(s.slice((m.index ?? 0) + m[0].length)));
    if (v) s = s.slice((v.index ?? 0) + v[0].length);
  }
  s = s.replace(/^第[一二三四五六七八九十\d]+[届批次]/, '');
  const strip = [...t.honour_strip].sort((a, b) => b.length - a.length);
  for (let changed = true; changed;) {
    changed = false;
    for (const w of strip) {
      if (s.startsWith(w)) { s = s.slice(w.length); changed = true; }
      if (s.endsWith(w)) { s = s.slice(0, -w.length); changed = true; }
    }
  }
  s = s.replace(/^[“"「]|[”"」]$/g, '');
  // 全国信访系统“两先”: a short name of an honour, given its full name
  const alias = t.honour_aliases[s.replace(/[“”"「」]/g, '')];
  if (alias !== undefined) return alias;
  return /(先进|模范|标兵|好人|优秀|满意|榜样|劳模|劳动模范|示范|楷模|奖)/.test(s) && s.length <= 40 ? s : null;
}

/** The metadata of a document: `paras` in order, `title` its title, `chrome` the text of its byline lines. */
export function documentMeta(text: string, paras: readonly Paragraph[], title: string, chrome: readonly string[], t: RegionTables): DocumentMeta {
  const lines = paras.map((p) => text.slice(p.start, p.end).trim());
  let year: number | null = null;
  let issuer: string | null = null;
  // the signature: the body's name on the lines above a date line (山西省…“两先” / 推荐评选领导小组办公室 / 2017年6月21日)
  for (let i = lines.length - 1; i >= 0; i--) {
    const d = DATE_LINE.exec(lines[i] as string);
    if (!d) continue;
    const above: string[] = [];
    for (let j = i - 1; j >= 0 && above.length < 2; j--) {
      const l = lines[j] as string;
      // the signature is short plain lines; a list item or an attachment line ends it
      if (l.length > 40 || /[，。,；;：:！？]/.test(l) || /^(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、.．]/.test(l) || /(事迹|附件|条件)/.test(l)) break;
      above.unshift(l);
    }
    const name = above.join('');
    if (name && t.issuer_suffixes.some((s) => name.endsWith(s))) { issuer = name; year = Number(d[1]); break; }
    year ??= Number(d[1]);
  }
  // no signature: a title that opens with its issuer (平阳市信访局关于…的公示)
  const byline = /^(\S{2,30}?)关于/.exec(title.replace(/\s+/g, ''))?.[1];
  if (issuer === null && byline !== undefined && t.issuer_suffixes.some((x) => byline.endsWith(x))) issuer = byline;
  const head = lines.slice(0, 12).join('\n');
  year ??= Number(/公示(?:期|时间)[^。\n]{0,12}?((?:19|20)\d{2})年/.exec(text)?.[1] ?? NaN) || null;
  year ??= Number(/〔((?:19|20)\d{2})〕/.exec(head)?.[1] ?? NaN) || null;
  year ??= Number(/((?:19|20)\d{2})年/.exec(title)?.[1] ?? NaN) || null;
  year ??= Number(/((?:19|20)\d{2})[-年/.]\d{1,2}[-月/.]\d{1,2}/.exec(chrome.join('\n'))?.[1] ?? NaN) || null;
  // the region: the issuer's, else the title's, else the first paragraphs'
  const byIssuer = issuer ? regionIn(issuer, t) : { province: null, city: null };
  const byTitle = regionIn(title, t);
  const byHead = regionIn(head, t);
  // the first paragraphs name a province anywhere, but a city only at a name's head: not theirs
  const region: Region = { province: byIssuer.province ?? byTitle.province ?? byHead.province, city: byIssuer.city ?? byTitle.city, county: byIssuer.county ?? byTitle.county ?? null };
  return { year, issuer, region, honour: honourOf(title, t) };
}
