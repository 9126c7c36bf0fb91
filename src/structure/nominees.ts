/**
 * The contract's nominees: each one the structure found, with its section heading's original span
 * and its region: the province, city and county its name or title opens with, else the place of
 * the unit the text puts before (城西县信访局局长韩立群) or after (韩立群现任城西县…) its first
 * mentions, the rest falling back to the notice's.
 */
import { toOriginal, type TextView } from '../read/view.js';
import type { Dictionaries } from '../dictionaries.js';
import type { DocumentStructure, Range } from './document.js';
import { regionIn, type Region } from './metadata.js';
import type { Nominee, Span } from '../types.js';

const NONE: Region = { province: null, city: null, county: null };
/** words before a unit's name in a clause: ——记, 现任, 原, 在 */
const LEAD = /^(?:[—－-]*记|现任|时任|原任|原|担任|在|系|任)/;
const CLAUSE_END = /[，,。；;：:！？!?\n]/;
/** how many mentions of a name are read for the place of its unit */
const MENTIONS = 5;

const known = (r: Region): boolean => r.province !== null || r.city !== null || (r.county ?? null) !== null;

/** The first place a clause holds: a province anywhere, a city or county where a name starts. */
function placeIn(clause: string, d: Dictionaries): Region {
  for (let k = 0; k + 2 <= clause.length; k++) {
    const r = regionIn(clause.slice(k), d.regions);
    if (r.city !== null || (r.county ?? null) !== null) return r;
  }
  return { ...NONE, province: regionIn(clause, d.regions).province };
}

/** The place of the unit the text names with a person: 城西县信访局局长韩立群, 韩立群现任城西县信访局局长. */
function placeOfMentions(text: string, name: string, d: Dictionaries): Region {
  const posts = d.subjects.posts;
  let seen = 0;
  for (let at = text.indexOf(name); at >= 0 && seen < MENTIONS; at = text.indexOf(name, at + name.length), seen++) {
    let from = at;
    while (from > 0 && at - from < 30 && !CLAUSE_END.test(text[from - 1] as string)) from--;
    // ——记城西县信访局局长韩立群: from where the unit's name starts
    const before = text.slice(from, at).replace(/[“”"'\s]/g, '').split(/[—－-]{1,2}记?/).pop()?.replace(LEAD, '') ?? '';
    if (before.length > 0 && posts.some((p) => before.endsWith(p))) {
      const r = placeIn(before, d);
      if (known(r)) return r;
    }
    const after = /^(?:同志)?[，,]?(?:是|现任|现为|系|任)([^，,。；;：:！？!?\n]{2,30})/.exec(text.slice(at + name.length, at + name.length + 40));
    if (after) {
      const r = placeIn(after[1] as string, d);
      if (known(r)) return r;
    }
  }
  return NONE;
}

export function contractNominees(view: TextView, structure: DocumentStructure, dicts: Dictionaries): Nominee[] {
  const orig = (r: Range): Span => toOriginal(view, r.start, r.end);
  const doc = structure.meta.region;
  return structure.nominees.map((n) => {
    const out: { -readonly [K in keyof Nominee]: Nominee[K] } = { id: n.id, name: n.name, kind: n.kind };
    if (n.title !== undefined) out.title = n.title;
    if (n.section) { const s = orig(n.section.headingRange); out.section = { heading: n.section.heading, start: s.start, end: s.end }; }
    const byName = regionIn(n.viewName ?? n.name, dicts.regions);
    const byTitle = n.title !== undefined ? regionIn(n.title, dicts.regions) : NONE;
    const own = known(byName) ? byName : known(byTitle) ? byTitle : placeOfMentions(view.text, n.viewName ?? n.name, dicts);
    const province = byName.province ?? byTitle.province ?? own.province;
    const city = byName.city ?? byTitle.city ?? own.city;
    const county = byName.county ?? byTitle.county ?? own.county ?? null;
    // the notice's own place where the nominee's says nothing more precise (a city's notice puts up its own counties)
    out.region = {
      province: province ?? doc.province,
      city: city ?? (province === null ? doc.city : null),
      county: county ?? (province === null && city === null ? doc.county ?? null : null),
    };
    return out;
  });
}
