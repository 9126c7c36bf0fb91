import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { analyseBytes, analyseText, readCriteriaFile, sha256 } from '../../src/index.js';
import { validateThemes } from '../../src/link/criteria.js';
import { parseCriteriaYaml } from '../../src/link/criteria-file.js';
import { requirementsOf } from '../../src/link/requirements.js';

const NOTICE = 'corpus/shanxi-2017-xinfang-nominees.txt';
const shanxi = analyseBytes(readFileSync(NOTICE), NOTICE).result;

describe('linking claims to criteria', () => {
  it('puts an acceptable criterion first for at least 80% of the hand-labelled claims', () => {
    const labels = parse(readFileSync('test/labels/shanxi-2017.criteria.yaml', 'utf8')) as { claims: Array<{ text: string; nth?: number; ok: string[] }> };
    expect(labels.claims.length).toBe(shanxi.claims.length);
    let right = 0;
    const wrong: string[] = [];
    for (const l of labels.claims) {
      const c = shanxi.claims.filter((x) => x.text === l.text)[(l.nth ?? 1) - 1];
      expect(c, l.text).toBeDefined();
      if (c && l.ok.includes(c.criteria[0]?.id ?? '')) right++;
      else wrong.push(`${l.text} -> ${c?.criteria[0]?.id ?? 'none'} (ok: ${l.ok.join(', ')})`);
    }
    const share = right / labels.claims.length;
    expect(share, wrong.join('\n')).toBeGreaterThanOrEqual(0.8);
  });

  it('ranks only the criteria of the nominee\'s group, best first, with the terms that explain it', () => {
    for (const c of shanxi.claims) {
      const kind = shanxi.nominees.find((n) => n.id === c.nominee)?.kind;
      expect(c.criteria.length).toBeGreaterThan(0);
      for (const l of c.criteria) expect(l.id.startsWith(kind as string)).toBe(true);
      const scores = c.criteria.map((l) => l.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
    const backlog = shanxi.claims.find((c) => c.text === '701 件');
    expect(backlog?.criteria[0]).toMatchObject({ id: 'collective-3' });
    expect(backlog?.criteria[0]?.terms).toEqual(expect.arrayContaining(['化解', '积案']));
  });

  it('follows the judgements named in the issue', () => {
    const first = (text: string): string | undefined => shanxi.claims.find((c) => c.text === text)?.criteria[0]?.id;
    expect(first('150 余起')).toBe('individual-2');
    expect(first('7000 余万元')).toBe('individual-2');
    expect(first('4380人')).toBe('individual-4');
    expect(first('65 人')).toBe('collective-4');
    expect(first('400万元')).toBe('collective-2');
    expect(first('5年来')).toBe('individual-general');
  });

  it('reports criteria coverage per nominee, naming criteria without evidence', () => {
    const cells = shanxi.coverage.filter((c) => c.nominee === 'n1');
    expect(cells.map((c) => c.criterion)).toEqual(['collective-1', 'collective-2', 'collective-3', 'collective-4', 'collective-5']);
    const c3 = cells.find((c) => c.criterion === 'collective-3');
    expect(c3?.claims).toBeGreaterThan(5);
    expect(c3?.evidence).toBe(true);
    expect(shanxi.claims.find((c) => c.id === c3?.strongest)?.criteria[0]?.id).toBe('collective-3');
    expect(cells.find((c) => c.criterion === 'collective-5')?.evidence).toBe(false);
    const total = shanxi.coverage.filter((c) => c.nominee === 'n1').reduce((a, c) => a + c.claims, 0);
    expect(total).toBe(shanxi.claims.filter((c) => c.nominee === 'n1').length);
  });
});

describe('criteria thresholds', () => {
  it('become structured requirements', () => {
    expect(requirementsOf(shanxi.criteria).map((r) => [r.criterion, r.kind, r.value, r.unit, r.approx])).toEqual([
      ['collective-5', 'clean_record', 5, '年', 'at_most'],
      ['individual-general', 'service_years', 5, '年', 'at_least'],
    ]);
  });

  it('carry the evidence found per nominee, or that none was found', () => {
    const service = shanxi.requirements.find((r) => r.kind === 'service_years');
    expect(service?.nominees.map((n) => [n.nominee, n.status])).toEqual([['n4', 'met'], ['n5', 'no_evidence'], ['n6', 'no_evidence']]);
    expect(shanxi.claims.find((c) => c.id === service?.nominees[0]?.claims[0])?.text).toBe('5年来');
    const r = analyseText('公示\n\n一、先进工作者推荐对象\n\n1、张三 某局科长\n\n2、李四 某局科员\n\n评选条件\n\n（二）先进工作者评选条件\n\n一般应累计从事信访工作5年以上。\n\n1. 善于协调解决疑难复杂信访问题。\n\n某局科长张三主要事迹：\n\n张三同志从事信访工作3年，化解积案20件。\n\n某局科员李四主要事迹：\n\n李四同志从事信访工作近10年，化解积案30件。',
      { path: 't', sha256: 'x', encoding: 'utf-8', bom: false }).result;
    expect(r.requirements[0]?.nominees.map((n) => n.status)).toEqual(['not_met', 'met']);
  });

  it('records a stated clean record as evidence', () => {
    const r = analyseText('公示\n\n一、先进集体推荐对象\n\n1、甲县信访局\n\n（一）先进集体评选条件\n\n1. 近5年来本单位未发生违法违纪等问题。\n\n甲县信访局主要事迹：\n\n全局近五年来未发生违法违纪问题，化解积案20件。',
      { path: 't', sha256: 'y', encoding: 'utf-8', bom: false }).result;
    expect(r.requirements[0]?.nominees[0]).toMatchObject({ status: 'stated', evidence: { text: '未发生违法违纪' } });
  });
});

describe('criteria given with --criteria', () => {
  it('the ready set equals the criteria of the bundled notice', () => {
    const ready = readCriteriaFile('dictionaries/criteria/xinfang-national-2017.yaml');
    expect(ready.criteria).toEqual(shanxi.criteria.map((c) => ({ id: c.id, group: c.group, text: c.text })));
    expect(readCriteriaFile(NOTICE).criteria.map((c) => c.id)).toEqual(ready.criteria.map((c) => c.id));
  });

  it('link a standalone write-up', () => {
    const text = readFileSync('corpus/liulin-wang-xiuying.standalone.txt', 'utf8');
    const r = analyseText(text, { path: 's', sha256: sha256(text), encoding: 'utf-8', bom: false }, { criteria: readCriteriaFile('dictionaries/criteria/xinfang-national-2017.yaml') }).result;
    expect(r.criteria).toHaveLength(11);
    expect(r.criteria[0]).toMatchObject({ source: 'dictionaries/criteria/xinfang-national-2017.yaml' });
    expect(r.claims.every((c) => c.criteria.length > 0 && c.criteria.every((l) => l.id.startsWith('individual')))).toBe(true);
    expect(r.claims.find((c) => c.text === '20年')?.criteria[0]?.id).toBe('individual-general');
    expect(r.requirements.find((q) => q.kind === 'service_years')?.nominees).toEqual([expect.objectContaining({ nominee: 'n1', status: 'met' })]);
  });

  it('refuse malformed criteria files with one-line messages', () => {
    expect(() => parseCriteriaYaml('- {id: a, text: x}', 'c.yaml')).toThrow('c.yaml: entry 1 needs id, text and group (collective | individual)');
    expect(() => parseCriteriaYaml('- {id: a, group: individual, text: x}\n- {id: a, group: individual, text: y}', 'c.yaml')).toThrow('criterion id "a" appears twice');
    expect(() => parseCriteriaYaml('a: [', 'c.yaml')).toThrow(/^c\.yaml: not valid YAML/);
    expect(() => readCriteriaFile('corpus/liulin-wang-xiuying.standalone.txt')).toThrow('no selection criteria');
  });

  it('the theme lexicon is valid and its checker catches bad entries', () => {
    expect(validateThemes(parse(readFileSync('dictionaries/criteria-themes.yaml', 'utf8')))).toEqual([]);
    expect(validateThemes({ tfidf_stopwords: ['信访', '信访'], themes: [{ id: 'a', criterion: [], claim: ['x', 'x'], categories: [] }, { id: 'a', criterion: ['y'], claim: [], categories: [], prior: 3 }] })).toEqual([
      'criteria-themes.yaml: tfidf_stopwords lists a word twice',
      'criteria-themes.yaml: a: claim lists "x" twice',
      'criteria-themes.yaml: a: needs at least one criterion pattern',
      'criteria-themes.yaml: theme "a" listed twice',
      'criteria-themes.yaml: a: prior must be in [0, 1)',
    ]);
  });
});
