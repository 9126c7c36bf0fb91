/**
 * The contract's nominees: each one the structure found, with its section heading's original span
 * and its region (the city its name or title opens with, the province falling back to the notice's).
 */
import { toOriginal, type TextView } from '../read/view.js';
import type { Dictionaries } from '../dictionaries.js';
import type { DocumentStructure, Range } from './document.js';
import { regionIn } from './metadata.js';
import type { Nominee, Span } from '../types.js';

export function contractNominees(view: TextView, structure: DocumentStructure, dicts: Dictionaries): Nominee[] {
  const orig = (r: Range): Span => toOriginal(view, r.start, r.end);
  return structure.nominees.map((n) => {
    const out: { -readonly [K in keyof Nominee]: Nominee[K] } = { id: n.id, name: n.name, kind: n.kind };
    if (n.title !== undefined) out.title = n.title;
    if (n.section) { const s = orig(n.section.headingRange); out.section = { heading: n.section.heading, start: s.start, end: s.end }; }
    const byName = regionIn(n.name, dicts.regions);
    const byTitle = n.title !== undefined ? regionIn(n.title, dicts.regions) : { province: null, city: null };
    const province = byName.province ?? byTitle.province;
    out.region = { province: province ?? structure.meta.region.province, city: byName.city ?? byTitle.city ?? (province === null ? structure.meta.region.city : null) };
    return out;
  });
}
