import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDictionaryTables, validateDictionaries, loadDictionaries, segment, DEFAULT_DICTIONARY_DIR } from '../src/index.js';

describe('dictionaries', () => {
  it('are valid as shipped', () => {
    expect(validateDictionaries(readDictionaryTables())).toEqual([]);
  });

  it('catch duplicates, bad values and malformed lines', () => {
    const raw = readDictionaryTables();
    const units = (raw['units.yaml'] as { units: unknown[] }).units;
    const hedges = (raw['hedges.yaml'] as { hedges: unknown[] }).hedges;
    const bad = {
      ...raw,
      'units.yaml': { units: [...units, { unit: '件', kind: 'case' }, { unit: '斤', kind: 'weight' }, { unit: '美元', kind: 'money' }] },
      'hedges.yaml': { hedges: [...hedges, { marker: '大致', approx: 'roughly', position: 'before' }] },
      'categories.yaml': { ...(raw['categories.yaml'] as object), resolve: ['化解', '化解'] },
      'jieba-user.dict.txt': `${raw['jieba-user.dict.txt'] as string}信访积案 n 2000\n`,
    };
    const problems = validateDictionaries(bad);
    expect(problems).toEqual(expect.arrayContaining([
      'units.yaml: unit "件" listed twice',
      'units.yaml: 斤: unknown kind weight',
      'units.yaml: 美元: money needs a positive base',
      'hedges.yaml: 大致: unknown approx roughly',
      'categories.yaml: resolve lists "化解" twice',
    ]));
    expect(problems.some((p) => p.startsWith('jieba-user.dict.txt:'))).toBe(true);
  });

  it('check the counting, subject, role and tenure tables', () => {
    const raw = readDictionaryTables();
    const subjects = raw['subjects.yaml'] as Record<string, unknown>;
    const periods = raw['periods.yaml'] as Record<string, unknown>;
    const bad = {
      ...raw,
      'counting.yaml': { ...(raw['counting.yaml'] as object), action_verbs: ['进', '进'] },
      'subjects.yaml': { ...subjects, surnames: ['王', '李'], name_stops: ['在', '现任'], chrome: { ...(subjects['chrome'] as object), sites: [''] } },
      'regions.yaml': { ...(raw['regions.yaml'] as object), provinces: [{ name: '山西省', short: ['山西'] }, { name: '山西省', short: ['晋'] }, { name: '晋中', short: [] }], honour_aliases: { 两先: '' } },
      'roles.yaml': { ...(raw['roles.yaml'] as object), stake: undefined, same_count: ['件次件'] },
      'periods.yaml': { ...periods, tenure_frames: { ...(periods['tenure_frames'] as object), since: [''] } },
    };
    expect(validateDictionaries(bad)).toEqual(expect.arrayContaining([
      'counting.yaml: action_verbs lists "进" twice',
      'subjects.yaml: surnames must be one string of ideographs',
      'subjects.yaml: name_stops "现任" is not one character',
      'subjects.yaml chrome: sites must be a list of non-empty strings',
      'roles.yaml: stake must be a list of non-empty strings',
      'periods.yaml tenure_frames: since must be a list of non-empty strings',
      'regions.yaml: province "山西省" listed twice',
      'regions.yaml: bad province {"name":"晋中","short":[]}',
      'regions.yaml: honour_aliases must map short names to full names',
      'roles.yaml: same_count "件次件" is not "unit unit"',
    ]));
  });

  it('hand jieba a well-formed one-line IDF table (cppjieba aborts the process on an empty one)', () => {
    const lines = readFileSync(join(DEFAULT_DICTIONARY_DIR, 'jieba-idf.stub.txt'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\S+ \d+(?:\.\d+)?$/);
  });

  it('reach jieba: petition-work terms come out whole, with offsets', () => {
    loadDictionaries();
    const text = '有效遏制了非访缠访闹访问题，上访人息诉罢访，领导包案化解信访积案。';
    const tokens = segment(text);
    const words = tokens.map((t) => t.word);
    for (const w of ['非访', '缠访闹访', '息诉罢访', '领导包案', '信访积案']) expect(words).toContain(w);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.word);
    expect(tokens.map((t) => t.word).join('')).toBe(text);
  });
});
