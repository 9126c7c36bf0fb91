import type { Claim } from '../../src/index.js';

export const GOLDEN_DOCS = [
  { path: 'corpus/shanxi-2017-xinfang-nominees.txt', golden: 'test/golden/shanxi-2017.golden.json', notes: 'test/golden/shanxi-2017.notes.yaml' },
] as const;

/** The fields a golden file pins: everything a reader of the contract relies on. */
export function project(c: Claim): Record<string, unknown> {
  return {
    text: c.text, start: c.start, end: c.end, nominee: c.nominee, value: c.value, from: c.from,
    approx: c.approx, unit: c.unit, category: c.category, direction: c.direction, period: c.period,
    sentence: c.sentence, section: c.section,
  };
}
