/**
 * Notices without criteria of their own: the honour they name picks a criteria set from the
 * catalogue (dictionaries/criteria/catalogue.yaml), and linking, coverage and requirements
 * work as on the bundled notice.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { analyseBytes, analyseText, loadDictionaries, readCriteriaFile, sha256, type DocumentResult } from '../../src/index.js';
import { DEFAULT_DICTIONARY_DIR } from '../../src/dictionaries.js';
import { findHonour, validateCatalogue } from '../../src/link/catalogue.js';

const NOTICE = 'corpus/pingyang-2023-lianxian-web.txt';
const SET = 'dictionaries/criteria/xinfang-national-2017.yaml';
const pingyang = analyseBytes(readFileSync(NOTICE), NOTICE).result;

function analyse(text: string, opts: Parameters<typeof analyseText>[2] = {}): DocumentResult {
  return analyseText(text, { path: 't', sha256: sha256(text), encoding: 'utf-8', bom: false }, opts).result;
}

describe('a notice that names a catalogued honour but prints no criteria', () => {
  it('is linked against the honour\'s set, records it and says so', () => {
    expect(pingyang.criteriaSource).toBe(SET);
    expect(pingyang.criteria.map((c) => c.id)).toEqual(readCriteriaFile(SET).criteria.map((c) => c.id));
    expect(pingyang.criteria.every((c) => c.source === SET && c.start === undefined)).toBe(true);
    expect(pingyang.warnings).toEqual([expect.stringContaining(`linked against the criteria of 全国信访系统先进集体和先进工作者 (${SET})`)]);
  });

  it('links every claim within its nominee\'s group, best first', () => {
    expect(pingyang.nominees.map((n) => n.kind)).toEqual(['collective', 'individual', 'individual']);
    expect(pingyang.claims.length).toBeGreaterThan(20);
    for (const c of pingyang.claims) {
      const kind = pingyang.nominees.find((n) => n.id === c.nominee)?.kind as string;
      expect(c.criteria.length, c.text).toBeGreaterThan(0);
      for (const l of c.criteria) expect(l.id.startsWith(kind)).toBe(true);
    }
    const first = (text: string): string | undefined => pingyang.claims.find((c) => c.text === text)?.criteria[0]?.id;
    expect(first('186件')).toBe('collective-3');
    expect(first('14年')).toBe('individual-general');
    expect(first('340余件')).toBe('individual-2');
  });

  it('fills coverage and requirements', () => {
    expect(pingyang.coverage).toHaveLength(5 + 6 + 6);
    const n1 = pingyang.coverage.filter((c) => c.nominee === 'n1');
    expect(n1.find((c) => c.criterion === 'collective-3')).toMatchObject({ evidence: true });
    expect(n1.reduce((a, c) => a + c.claims, 0)).toBe(pingyang.claims.filter((c) => c.nominee === 'n1').length);
    expect(pingyang.requirements.map((r) => [r.criterion, r.kind, r.nominees.map((n) => n.status)])).toEqual([
      ['collective-5', 'clean_record', ['stated']],
      ['individual-general', 'service_years', ['met', 'met']],
    ]);
    const service = pingyang.requirements.find((r) => r.kind === 'service_years');
    expect(service?.nominees.map((n) => pingyang.claims.find((c) => c.id === n.claims[0])?.text)).toEqual(['14年', '9年']);
  });

  it('raises no check on its correct arithmetic', () => {
    expect(pingyang.checks).toEqual([]);
  });

  it('is not a criteria file: --criteria wants criteria the document prints', () => {
    expect(() => readCriteriaFile(NOTICE)).toThrow('no selection criteria');
  });

  it('yields to --criteria', () => {
    const text = readFileSync(NOTICE, 'utf8');
    const own = { source: 'mine.yaml', criteria: [{ id: 'x-1', group: 'individual' as const, text: '善于协调解决疑难复杂信访问题。' }, { id: 'y-1', group: 'collective' as const, text: '信访工作职能作用发挥显著。' }] };
    const r = analyse(text, { criteria: own });
    expect(r.criteriaSource).toBe('mine.yaml');
    expect(r.criteria.map((c) => c.id)).toEqual(['x-1', 'y-1']);
    expect(r.warnings.some((w) => w.includes('catalogue') || w.includes('linked against'))).toBe(false);
  });

  it('keeps a notice\'s own criteria, and leaves a write-up naming no honour without any', () => {
    const shanxi = 'corpus/shanxi-2017-xinfang-nominees.txt';
    expect(analyseBytes(readFileSync(shanxi), shanxi).result.criteriaSource).toBe('document');
    const plain = analyse('张三同志先进事迹\n\n张三同志从事信访工作12年，化解信访积案120件。');
    expect([plain.criteriaSource, plain.criteria, plain.warnings]).toEqual([null, [], []]);
  });
});

describe('naming an honour', () => {
  const dir = DEFAULT_DICTIONARY_DIR;
  const named = (title: string, body = ''): string | null => findHonour(title, `${title}\n${body}`, dir)?.named ?? null;
  it('by its full name or, beside 信访 and 全国, by an alias', () => {
    expect(named('关于全国信访系统先进集体和先进工作者推荐对象的公示')).toBe('全国信访系统先进集体');
    expect(named('全国信访系统“两先”拟推荐对象公示')).toBe('全国信访系统两先');
    expect(named('关于推荐2023年度“两先”人选的公示', '根据国家信访局评选表彰“两先”工作安排，现将推荐人选公示如下。')).toBe('两先');
    expect(named('张三同志先进事迹（全国信访系统先进工作者推荐对象）')).toBe('全国信访系统先进工作者');
  });
  it('not by an alias of another level, nor by an honour already held', () => {
    expect(named('关于全市信访系统“两先”推荐对象的公示')).toBeNull();
    expect(named('关于全市先进集体和先进工作者的公示')).toBeNull();
    expect(named('张三同志先进事迹', '张三同志2017年荣获全国信访系统先进工作者称号，化解积案20件。')).toBeNull();
    expect(named('关于全省信访系统先进集体和先进个人推荐对象的公示')).toBeNull();
  });
  it('in traditional characters, through the view', () => {
    const r = analyse('關於全國信訪系統先進集體和先進工作者推薦對象的公示\n\n一、先進工作者推薦對象\n\n1、張三 甲縣信訪局科長\n\n張三同志主要事蹟：\n\n張三同志從事信訪工作12年，化解信訪積案120件。');
    expect(r.criteriaSource).toBe(SET);
  });
});

describe('the catalogue', () => {
  it('is valid as shipped, and its checker catches bad entries', () => {
    expect(validateCatalogue(parse(readFileSync('dictionaries/criteria/catalogue.yaml', 'utf8')), DEFAULT_DICTIONARY_DIR)).toEqual([]);
    expect(validateCatalogue({ sets: [
      { honour: 'A', file: 'missing.yaml', names: ['甲'], aliases: ['乙'], context: [], scope: [] },
      { honour: 'B', file: '../x.txt', names: ['甲'], aliases: [], context: [], scope: [] },
      { file: 'x.yaml' },
    ] }, DEFAULT_DICTIONARY_DIR)).toEqual([
      'criteria/catalogue.yaml: A: missing.yaml not found',
      'criteria/catalogue.yaml: A: aliases need context and scope words',
      'criteria/catalogue.yaml: B: file must name a YAML file beside the catalogue',
      'criteria/catalogue.yaml: "甲" names both A and B',
      'criteria/catalogue.yaml: an entry without honour',
    ]);
  });

  it('takes a new set by adding its file and an entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shiji-catalogue-'));
    cpSync(DEFAULT_DICTIONARY_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'criteria/court-model.yaml'), stringify([{ id: 'individual-1', group: 'individual', text: '办案数量多、质量高、效果好，审执结率位居前列。' }]));
    const cat = parse(readFileSync(join(dir, 'criteria/catalogue.yaml'), 'utf8')) as { sets: unknown[] };
    cat.sets.push({ honour: '全国法院办案标兵', file: 'court-model.yaml', names: ['全国法院办案标兵'], aliases: [], context: [], scope: [] });
    writeFileSync(join(dir, 'criteria/catalogue.yaml'), stringify(cat));
    const r = analyse('关于推荐全国法院办案标兵人选的公示\n\n一、推荐个人\n\n1、张三 甲县人民法院审判员\n\n张三同志主要事迹：\n\n张三同志近三年审执结案件1260件。', { dicts: { ...loadDictionaries(dir), jiebaUserDictPath: loadDictionaries().jiebaUserDictPath } }); // jieba loads one user dictionary a process
    expect(r.criteriaSource).toBe('dictionaries/criteria/court-model.yaml');
    expect(r.claims.find((c) => c.text === '1260件')?.criteria[0]?.id).toBe('individual-1');
  });
});
