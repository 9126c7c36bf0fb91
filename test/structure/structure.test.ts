import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyseBytes, analyseText, sha256 } from '../../src/index.js';

const shanxi = analyseBytes(readFileSync('corpus/shanxi-2017-xinfang-nominees.txt'), 'corpus/shanxi-2017-xinfang-nominees.txt').result;

function doc(text: string) {
  return analyseText(text, { path: 't.txt', sha256: sha256(text), encoding: 'utf-8', bom: false }).result;
}

describe('structure of the bundled notice', () => {
  it('finds the title, nominees with kinds and titles', () => {
    expect(shanxi.title).toBe('关于全国信访系统先进集体 和先进工作者正式推荐对象的公示');
    expect(shanxi.kind).toBe('notice');
    expect(shanxi.nominees.map((n) => [n.id, n.name, n.kind, n.title ?? null])).toEqual([
      ['n1', '阳泉市信访局', 'collective', null],
      ['n2', '晋中市榆次区信访局', 'collective', null],
      ['n3', '大同市信访局接待科', 'collective', null],
      ['n4', '周方志', 'individual', '省信访局督查处处长'],
      ['n5', '张格平', 'individual', '长治市沁县信访局局长'],
      ['n6', '王连成', 'individual', '太原市信访局处突处处长'],
    ]);
  });

  it('attributes sections whose headings add a province or a title', () => {
    expect(shanxi.nominees.map((n) => n.section?.heading)).toEqual([
      '山西省阳泉市信访局主要事迹：', '山西省晋中市榆次区信访局主要事迹：', '山西省大同市信访局接待科主要事迹：',
      '山西省信访局督查处处长周方志主要事迹：', '山西省长治市沁县信访局局长张格平主要事迹：', '山西省太原市信访局处突处处长王连成主要事迹：',
    ]);
    // the longest listed name wins: 大同市信访局接待科, not a shorter name inside it
    expect(shanxi.claims.find((c) => c.text === '24 个')?.nominee).toBe('n3');
  });

  it('parses the criteria with their ids, joining the page-broken paragraph', () => {
    expect(shanxi.criteria.map((c) => c.id)).toEqual([
      'collective-1', 'collective-2', 'collective-3', 'collective-4', 'collective-5',
      'individual-general', 'individual-1', 'individual-2', 'individual-3', 'individual-4', 'individual-5',
    ]);
    const general = shanxi.criteria.find((c) => c.id === 'individual-general');
    expect(general?.text.startsWith('政治立场坚定')).toBe(true);
    expect(general?.text).toContain('保持高度一致');
    expect(general?.text.endsWith('一般应累计从事信访工作5年以上。')).toBe(true);
    expect(shanxi.criteria.find((c) => c.id === 'collective-3')?.text.startsWith('信访工作职能作用发挥显著')).toBe(true);
  });

  it('records the heading hierarchy on each claim', () => {
    const c = shanxi.claims.find((x) => x.text === '701 件');
    expect(c?.section).toBe('二、以“控新治旧”、量降序好、“事要解决”为目标，扎实开展专项治理活动。');
    const d = shanxi.claims.find((x) => x.text === '不少于 100 多次');
    expect(d?.section).toBe('二、区别对待，做好社会稳定减震器。');
    expect(d?.headings).toEqual(['二、区别对待，做好社会稳定减震器。', '三是政策疏导老上访户。']);
    const w = shanxi.claims.find((x) => x.text === '73辆');
    expect(w?.section?.startsWith('二是在工作中始终坚持敢下')).toBe(true);
  });
});

describe('other shapes', () => {
  it('a notice in traditional characters matches its listed names to their sections', () => {
    const r = doc('關於先進個人推薦對象的公示\n\n推薦對象名單：\n1. 張國華（東湖縣信訪局局長）\n\n張國華同志主要事跡\n\n張國華同志從事信訪工作12年，化解信訪積案300餘件。');
    expect(r.nominees.map((n) => [n.name, n.title, n.section?.heading])).toEqual([['張國華', '東湖縣信訪局局長', '张国华同志主要事迹']]);
    expect(r.claims.map((c) => c.nominee)).toEqual(['n1', 'n1']);
  });

  it('a standalone write-up names its subject from the title', () => {
    const r = doc('张三同志先进事迹\n\n张三同志从事信访工作12年，累计化解积案300余件。');
    expect(r.kind).toBe('write-up');
    expect(r.nominees).toEqual([{ id: 'n1', name: '张三', kind: 'individual', section: { heading: '张三同志先进事迹', start: 0, end: 8 }, region: { province: null, city: null, county: null } }]);
    expect(r.claims.map((c) => [c.text, c.nominee])).toEqual([['12年', 'n1'], ['300余件', 'n1']]);
    expect(r.criteria).toEqual([]);
  });

  it('a write-up whose subject cannot be found has no nominee and null attribution', () => {
    const r = doc('今年以来，全县共化解信访积案120件。');
    expect(r.nominees).toEqual([]);
    expect(r.claims.map((c) => c.nominee)).toEqual([null]);
  });

  it('a unit named in the body of a feature story', () => {
    const r = doc('扎根基层二十载\n——记柳林镇信访办主任李四\n\n李四同志2003年起到柳林镇工作。李四同志累计化解纠纷1100余起。');
    expect(r.nominees.map((n) => n.name)).toEqual(['李四']);
  });

  it('warns about a listed nominee without a section', () => {
    const r = doc('公示\n\n一、先进集体推荐对象\n\n1、甲县信访局\n\n2、乙县信访局\n\n甲县信访局主要事迹：\n\n化解积案50件。');
    expect(r.warnings).toEqual(['乙县信访局: listed, but no achievement section found']);
    expect(r.claims.map((c) => c.nominee)).toEqual(['n1']);
  });
});

describe('part headings are not nominees', () => {
  it('附件：评选条件和主要事迹 opens no section', () => {
    const r = doc('公示\n\n一、拟表彰先进个人名单\n\n1、李四 局长\n\n附件：评选条件和主要事迹\n\n（二）先进个人评选条件\n\n一般应从事信访工作3年以上。\n\n李四同志先进事迹：\n\n李四同志从事信访工作12年。');
    expect(r.nominees.map((n) => n.name)).toEqual(['李四']);
    expect(r.warnings).toEqual([]);
    expect(r.claims.map((c) => c.text)).toEqual(['12年']);
  });
});

describe('notices in other shapes', () => {
  it('reads （一） list items, biographies, and sections opened by "name：" in the paragraph', () => {
    const r = doc('公示\n\n一、拟推荐先进集体（1个）\n\n（一）东平县人民来访接待中心\n\n二、拟推荐先进工作者（1名）\n\n（一）马建军，男，汉族，1972年2月出生，中共党员，现任东平县信访局局长\n\n东平县人民来访接待中心：该中心现有工作人员15名。\n\n马建军同志：从事信访工作16年，化解积案76件。');
    expect(r.nominees.map((n) => [n.name, n.kind, n.title ?? null])).toEqual([['东平县人民来访接待中心', 'collective', null], ['马建军', 'individual', '东平县信访局局长']]);
    expect(r.claims.map((c) => [c.nominee, c.text])).toEqual([['n1', '15名'], ['n2', '16年'], ['n2', '76件']]);
    expect(r.warnings).toEqual([]);
  });
});
