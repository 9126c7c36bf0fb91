/** The year, issuer, region and honour of a document, and the region of its nominees. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseBytes, analyseText, loadDictionaries, sha256 } from '../../src/index.js';
import { regionIn } from '../../src/structure/metadata.js';

const file = (path: string) => analyseBytes(readFileSync(path), path).result;
const text = (t: string) => analyseText(t, { path: 't.txt', sha256: sha256(t), encoding: 'utf-8', bom: false }).result;

describe('document metadata', () => {
  it('reads the bundled notice: 2017, 山西省, its issuer and the honour', () => {
    const r = file('corpus/shanxi-2017-xinfang-nominees.txt');
    expect(r.meta).toEqual({ year: 2017, issuer: '山西省全国信访系统“两先”推荐评选领导小组办公室', region: { province: '山西省', city: null, county: null }, honour: '全国信访系统先进集体和先进工作者' });
    expect(r.nominees.map((n) => n.region?.city ?? null)).toEqual(['阳泉市', '晋中市', '大同市', null, '长治市', '太原市']);
    expect(new Set(r.nominees.map((n) => n.region?.province))).toEqual(new Set(['山西省']));
  });

  it.each([
    ['corpus/qinghe-2019-notice.gbk.txt', 2019, '青河市', '青河市信访系统先进集体和先进个人'],
    ['corpus/cangzhou-2022-individuals.txt', 2022, null, '全省信访工作先进个人'],
    ['corpus/dongping-beihu-2021-inline-sections.txt', 2021, null, '全国信访系统先进集体和先进工作者'],
    ['corpus/qiantang-2021-collective.txt', null, null, '全国信访系统先进集体'],
    ['corpus/hexi-2021-slips.txt', 2021, '河西市', '河西市信访工作先进集体和先进个人'],
    // issued by the body its title opens with; 两先 is the honour's short name
    ['corpus/pingyang-2023-lianxian-web.txt', 2023, '平阳市', '全国信访系统先进集体和先进工作者'],
    ['corpus/web-chengxi-two-cadres.txt', 2023, null, null],
    ['corpus/liulin-wang-xiuying.standalone.txt', null, null, null],
  ])('%s', (path, year, city, honour) => {
    const m = file(path).meta;
    expect({ year: m.year, city: m.region.city, honour: m.honour }).toEqual({ year, city, honour });
  });

  it('takes a notice signed by a body above its date line', () => {
    const m = text('关于2024年度全省信访系统先进集体和先进工作者推荐对象的公示\n根据通知要求，现予公示。\n浙江省信访局\n2024年5月8日').meta;
    expect(m).toEqual({ year: 2024, issuer: '浙江省信访局', region: { province: '浙江省', city: null, county: null }, honour: '全省信访系统先进集体和先进工作者' });
  });

  it('takes the issuer a title opens with when the notice is not signed', () => {
    const m = file('corpus/pingyang-2023-lianxian-web.txt').meta;
    expect(m.issuer).toBe('平阳市信访局');
    expect(text('关于全省信访系统先进集体推荐对象的公示\n现予公示。').meta.issuer).toBeNull();
  });

  it.each([
    ['无锡市拟推荐第八届全国、江苏省道德模范候选人公示', '全国、江苏省道德模范'],
    ['最高人民法院表彰全国法院先进集体先进个人的公告', '全国法院先进集体先进个人'],
    ['关于青河市2019年度信访系统先进集体和先进个人拟表彰对象的公示', '青河市信访系统先进集体和先进个人'],
  ])('the honour follows the body\'s verb: %s', (title, honour) => {
    expect(text(`${title}\n根据要求，现予公示。`).meta.honour).toBe(honour);
  });

  it('reads a county or district after a city or at the head of a name, never a word for a kind of area', () => {
    const t = loadDictionaries().regions;
    expect(regionIn('长治市沁县信访局', t)).toEqual({ province: null, city: '长治市', county: '沁县' });
    expect(regionIn('关于推荐钱塘区信访局为全国信访系统先进集体的公示', t)).toEqual({ province: null, city: null, county: '钱塘区' });
    expect(regionIn('北湖区信访局', t).county).toBe('北湖区');
    expect(regionIn('晋中市榆次区信访局', t).county).toBe('榆次区');
    for (const s of ['全县信访工作', '社区调解室', '经济开发区管委会', '城区信访办', '该区信访局']) expect(regionIn(s, t).county).toBeNull();
  });

  it('places a nominee by the unit the text names with the person, before or after the name', () => {
    const text = '扎根基层——记城西县信访局局长韩立群\n韩立群同志从事信访工作20年，化解信访积案300余件。\n苏桂香现任南岭市东山区人民来访接待中心主任，接待群众8000余人次。';
    const r = analyseText(text, { path: 'x.txt', sha256: sha256(text), encoding: 'utf-8', bom: false }).result;
    const region = (name: string) => r.nominees.find((n) => n.name === name)?.region;
    expect(region('韩立群')).toEqual({ province: null, city: null, county: '城西县' });
    expect(region('苏桂香')).toEqual({ province: null, city: '南岭市', county: '东山区' });
  });

  it('reads a city only at the head of a name, never from a clause', () => {
    const t = loadDictionaries().regions;
    expect(regionIn('山西省阳泉市信访局', t)).toEqual({ province: '山西省', city: '阳泉市', county: null });
    expect(regionIn('关于青河市2019年度先进集体的公示', t)).toEqual({ province: null, city: '青河市', county: null });
    expect(regionIn('内蒙古自治区呼和浩特市信访局', t)).toEqual({ province: '内蒙古自治区', city: '呼和浩特市', county: null });
    expect(regionIn('在全市推广', t)).toEqual({ province: null, city: null, county: null });
    expect(regionIn('其中被市委表彰', t)).toEqual({ province: null, city: null, county: null });
  });
});
