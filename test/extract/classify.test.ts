/** Classify: category, direction, baseline, durations (src/extract/classify.ts). */
import { describe, expect, it } from 'vitest';
import { claimsOf, brief } from '../helpers/extract.js';


describe('percentages, shares and changes', () => {
  it('reads direction and baseline', () => {
    const [c] = claimsOf('进京非正常上访量同比下降96.5%。');
    expect(c).toMatchObject({ value: 96.5, unit: '%', category: 'percent_change', direction: 'down', baseline: '同比' });
    const [d] = claimsOf('全市信访总量是较高峰期减少50%以上。');
    expect(d).toMatchObject({ value: 50, approx: 'at_least', category: 'percent_change', direction: 'down', baseline: '较高峰期' });
    const [e] = claimsOf('信访量与去年同期相比下降42%。');
    expect(e).toMatchObject({ direction: 'down', baseline: '与去年同期相比' });
    const [f] = claimsOf('受理量增长12.5%。');
    expect(f).toMatchObject({ direction: 'up', category: 'percent_change' });
  });

  it('reads shares', () => {
    expect(claimsOf('“零非访”县区占全市50%。')[0]).toMatchObject({ value: 50, category: 'share', direction: null });
    expect(claimsOf('使百分之九十五以上的信访问题化解在了基层。')[0]).toMatchObject({ text: '百分之九十五以上', value: 95, approx: 'at_least', category: 'share' });
    expect(claimsOf('全年收结比为0.98。')[0]).toMatchObject({ value: 0.98, category: 'share', unit: '' });
    expect(claimsOf('信访总量较上年下降三成。')[0]).toMatchObject({ value: 30, unit: '%', category: 'percent_change', direction: 'down' });
  });

  it('links a change from one value to another', () => {
    const cs = claimsOf('2012 年，工资从每月 590 元提升至 740 元。2013 年底又调至 990 元。');
    expect(cs).toHaveLength(2);
    expect(cs[0]).toMatchObject({ text: '590 元提升至 740 元', value: 740, from: 590, direction: 'up', category: 'amount', period: '2012年' });
    expect(cs[0]?.rate?.unit).toBe('month');
    expect(cs[1]).toMatchObject({ text: '990 元', value: 990, from: 740, direction: 'up', period: '2013年底' });
    expect(claimsOf('平均办理时限由22天缩短至9天。')[0]).toMatchObject({ value: 9, from: 22, direction: 'down', category: 'duration' });
    expect(claimsOf('满意率由2019年的86%提高到2021年的95.5%。')[0]).toMatchObject({ value: 95.5, from: 86, direction: 'up', category: 'share' });
  });

  it('gives counts a direction when a change verb governs them', () => {
    expect(claimsOf('受理申请156件，同比增加21件。').map((c) => c.direction)).toEqual([null, 'up']);
  });
});

describe('levels and tenure across clauses', () => {
  it('a rate raised to a level is a share with a direction; 至今已17年 is tenure', () => {
    expect(claimsOf('近两年初信初访一次性化解率提高到93.5%。')[0]).toMatchObject({ category: 'share', direction: 'up', value: 93.5 });
    expect(claimsOf('他2005年起从事信访工作，至今已17年。')[0]).toMatchObject({ text: '17年', category: 'duration' });
  });

  it('time that has passed: 已近两年, 126天过去, 回到村里8年; an area in 平方公里 is a figure', () => {
    expect(claimsOf('他在镇政府值班接访已近两年了。')[0]).toMatchObject({ text: '近两年', value: 2, approx: 'under', category: 'duration' });
    expect(claimsOf('126天过去，荒山变成了果园。')[0]).toMatchObject({ text: '126天', category: 'duration' });
    expect(claimsOf('他回到松柏村8年，村子真的变了。')[0]).toMatchObject({ text: '8年', category: 'duration' });
    expect(claimsOf('他们守护着数千平方公里的草场。')[0]).toMatchObject({ text: '数千平方公里', value: 1000, category: 'count' });
    expect(claimsOf('她平均每天工作10多个小时。')[0]).toMatchObject({ text: '10多个小时', value: 10, approx: 'over', category: 'duration' });
    expect(claimsOf('他们和身后的千千万万名人民警察站在一起。')).toHaveLength(0);
    for (const [s, t] of [['王颖躬身信访20年,初心不改。', '20年'], ['我与信访结缘20年,已经爱上了这份工作。', '20年'], ['他当兵5年,立功3次。', '5年'], ['调解队18年化解600多起纠纷。', '18年'], ['在为期14天的公开接访中,领导接访231批。', '14天'], ['乔安山几十年如一日学雷锋。', '几十年如一日']] as const) {
      expect(claimsOf(s)[0], s).toMatchObject({ text: t, category: 'duration' });
    }
    expect(claimsOf('他走遍了岵山镇和五里街镇的每个角落。')).toHaveLength(0);
    expect(claimsOf('一〇八年調解件數一一八三四件、成立九九六五件。').map((c) => c.value)).toEqual([11834, 9965]);
    expect(claimsOf('如一0八年調解件數一一八三四件。').map((c) => c.text)).toEqual(['一一八三四件']);
    // a quality, not a tenure
    expect(claimsOf('吴天祥诠释他数十年如一日的服务与奉献。')).toHaveLength(0);
    // a year as a date stays no figure
    expect(claimsOf('2015年过去了。')).toHaveLength(0);
  });
});
