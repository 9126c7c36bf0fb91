import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { analyseText, analyseBytes, readCriteriaFile, sha256 } from '../../src/index.js';
import { validateEnglish } from '../../src/extract/english.js';

function en(body: string, criteria?: string) {
  const text = `Deeds of Comrade Li Ming\n\n${body}`;
  return analyseText(text, { path: 'en.txt', sha256: sha256(text), encoding: 'utf-8', bom: false }, criteria ? { criteria: readCriteriaFile(criteria) } : {}).result;
}
const brief = (body: string): string[] => en(body).claims.map((c) => `${c.text}|${c.value}|${c.approx}|${c.unit}|${c.category}`);

describe('English claims', () => {
  it.each([
    ['He resolved 701 backlog cases.', ['701 backlog cases|701|exact|cases|cases_resolved']],
    ['The bureau received seven hundred petitioners.', ['seven hundred petitioners|700|exact|petitioners|headcount']],
    ['It recovered more than RMB 70 million in wages.', ['more than RMB 70 million|70000000|over|元|amount']],
    ['It invested 3.5 million yuan in a new hall.', ['3.5 million yuan|3500000|exact|元|amount']],
    ['Nearly 2,000 households were helped.', ['Nearly 2,000 households|2000|under|households|headcount']],
    ['About 30 person-times were received a day.', ['About 30 person-times|30|about|person-times|headcount']],
    ['At least 120 visitors came.', ['At least 120 visitors|120|at_least|visitors|headcount']],
    ['The centre handled 117 petitions.', ['117 petitions|117|exact|petitions|count']],
    ['He has worked in petition affairs for 20 years.', ['20 years|20|exact|years|duration']],
    ['Nearly a thousand households were helped.', ['Nearly a thousand households|1000|under|households|headcount']],
    ['About a million yuan in back wages was recovered.', ['About a million yuan|1000000|about|元|amount']],
    ['It received a hundred petitioners and some two million visitors.', ['a hundred petitioners|100|exact|petitioners|headcount', 'some two million visitors|2000000|about|visitors|headcount']],
  ])('%s', (body, expected) => {
    expect(brief(body)).toEqual(expected);
  });

  it('reads changes, directions and shares', () => {
    const [a] = en('Irregular petitions fell by 96.5% year on year.').claims;
    expect(a).toMatchObject({ value: 96.5, unit: '%', category: 'percent_change', direction: 'down', baseline: 'year on year' });
    const [b] = en('Wages rose from 590 to 740 yuan.').claims;
    expect(b).toMatchObject({ text: '590 to 740 yuan', value: 740, from: 590, direction: 'up', category: 'amount' });
    expect(en('Counties with no irregular petitions reached 50%.').claims[0]).toMatchObject({ category: 'share', direction: null });
  });

  it('reads periods and rates', () => {
    const cs = en('Since 2014, the bureau has resolved 701 cases. Over the past five years it received 10,000 person-times a year.').claims;
    expect(cs.map((c) => c.period)).toEqual(['Since 2014', 'Over the past five years']);
    expect(cs[1]?.rate?.unit).toBe('year');
  });

  it('leaves years, dates, phone numbers, ordinals and list markers alone', () => {
    expect(brief('1. In 2016 the bureau ranked first. Call 0351-4019050 before June 21, 2017. The 5th meeting was held on 3 May. It hosted the G20 summit.')).toEqual([]);
    expect(brief('Over the past five years the team stayed the same.')).toEqual([]);
  });

  it('keeps every span on the exact original text', () => {
    const text = readFileSync('corpus/en-zhou-fangzhi-citation.en.txt', 'utf8');
    const r = analyseBytes(Buffer.from(text), 'x').result;
    expect(r.language).toBe('en');
    expect(r.claims.length).toBeGreaterThan(10);
    for (const c of r.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('splits a bilingual document by sentence, and says it is mixed', () => {
    const r = analyseBytes(readFileSync('corpus/bilingual-chen-hua.txt'), 'b').result;
    expect(r.language).toBe('mixed');
    expect(r.claims.filter((c) => c.text === '27.5%')).toHaveLength(2);
    expect(r.claims.map((c) => c.rules.includes('language:en'))).toContain(true);
  });
});

describe('English criteria linking', () => {
  it('links English claims to English criteria and to the Chinese ones through the bilingual themes', () => {
    for (const set of ['dictionaries/criteria/xinfang-national-2017.en.yaml', 'dictionaries/criteria/xinfang-national-2017.yaml']) {
      const r = en('He has worked in petition affairs for 20 years. He resolved 701 backlog cases and recovered RMB 3 million in unpaid wages. After the earthquake he organised 73 coaches to take 4,380 workers home. The reception hall received 10,000 person-times a year.', set);
      const first = (t: string): string | undefined => r.claims.find((c) => c.text === t)?.criteria[0]?.id;
      expect(first('20 years'), set).toBe('individual-general');
      expect(first('701 backlog cases'), set).toBe('individual-2');
      expect(first('4,380 workers'), set).toBe('individual-4');
      expect(first('10,000 person-times'), set).toBe('individual-1');
      expect(r.requirements.find((q) => q.kind === 'service_years')?.nominees[0]?.status, set).toBe('met');
    }
  });

  it('the English tables are valid and their checker catches bad entries', () => {
    expect(validateEnglish(parse(readFileSync('dictionaries/english.yaml', 'utf8')))).toEqual([]);
    expect(validateEnglish({ units: [{ unit: 'Cases', kind: 'case' }, { unit: 'Cases', kind: 'weight' }], hedges: [{ marker: 'about', approx: 'roughly' }], resolve: ['a', 'a'] })).toEqual(expect.arrayContaining([
      'english.yaml: unit "Cases" must be lower case', 'english.yaml: unit "Cases" listed twice', 'english.yaml: Cases: unknown kind weight',
      'english.yaml: hedge about: unknown approx roughly', 'english.yaml: resolve lists a word twice',
    ]));
  });
});
