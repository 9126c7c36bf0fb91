/** Parse: value, scale, hedges and unit of each numeral (src/extract/parse.ts). */
import { describe, expect, it } from 'vitest';
import { claimsOf, brief } from '../helpers/extract.js';


/** Each row: a sentence and the claims expected in it, as text|value|approx|unit|category. */
describe('numbers, scales and units', () => {
  it.each([
    ['全市梳理排查化解信访积案 701 件。', ['701 件|701|exact|件|cases_resolved']],
    ['为 3000 余农民工兄弟追讨工资 7000 余万元。', ['3000 余农民工|3000|over|农民工|headcount', '7000 余万元|70000000|over|元|amount']],
    ['追回购房款 1 亿多元。', ['1 亿多元|100000000|over|元|amount']],
    ['投资400万元建成900平米的信访大厅。', ['400万元|4000000|exact|元|amount', '900平米|900|exact|平米|count']],
    ['共接待群众１，２３４人次。', ['１，２３４人次|1234|exact|人次|headcount']],
    ['累计接待群众1,320批次。', ['1,320批次|1320|exact|批次|headcount']],
    ['为群众挽回经济损失一千二百余万元。', ['一千二百余万元|12000000|over|元|amount']],
    ['投入资金56.8万元。', ['56.8万元|568000|exact|元|amount']],
    ['涉及群众两三万人。', ['两三万人|25000|about|人|headcount']],
    ['协调解决遗留问题数十个。', ['数十个|10|about|个|cases_resolved']],
    ['举办培训班十几期。', ['十几期|10|over|期|count']],
    ['百余名民工冲进公司。', ['百余名|100|over|名|headcount']],
    ['上百人参加。', ['上百人|100|over|人|headcount']],
    ['连续四天组织调运73辆长途大巴。', ['四天|4|exact|天|duration', '73辆|73|exact|辆|count']],
    ['并在 24 小时内反馈。', ['24 小时内|24|exact|小时|duration']],
    ['担任督查处长5年来，规范督查程序。', ['5年来|5|exact|年|duration']],
    ['他从事信访工作20年。', ['20年|20|exact|年|duration']],
    ['设立 24 个接待窗口。', ['24 个|24|exact|个|count']],
    ['全国约二十个省来我省调研。', ['约二十个|20|about|个|count']],
    ['杨晶同志两次作出重要批示。', ['两次|2|exact|次|count']],
    ['提交报告300余件。', ['300余件|300|over|件|count']],
    ['受理 117 件。', ['117 件|117|exact|件|count']],
    ['已化解26件。', ['26件|26|exact|件|cases_resolved']],
    ['他用了三个多月时间走访。', ['三个多月|3|over|个月|duration']],
    ['每个调解室配备调解员3至5人。', ['3至5人|3|about|人|headcount']],
    ['为群众争取补偿资金逾亿元。', ['逾亿元|100000000|over|元|amount']],
    ['其中年轻干部占三分之一。', ['三分之一|33.33|exact|%|share']],
    ['化解率达百分之八十以上。', ['百分之八十以上|80|at_least|%|share']],
    ['他用了一个半月时间走访。', ['一个半月|1.5|exact|个月|duration']],
    ['建成矛盾纠纷调解中心342个。', ['342个|342|exact|个|count']],
    ['协调解决遗留问题342个。', ['342个|342|exact|个|cases_resolved']],
  ])('%s', (text, expected) => {
    expect(claimsOf(text).map(brief)).toEqual(expected);
  });
});

describe('approximation markers', () => {
  it.each([
    ['解决 150 余起。', 'over'], ['解决150多起。', 'over'], ['逾200人参加。', 'over'], ['超过300人参加。', 'over'],
    ['每年接待10000人次以上。', 'at_least'], ['化解不少于100件。', 'at_least'], ['至少化解30件。', 'at_least'],
    ['支持帮助解决近60起。', 'under'], ['将近500人参加。', 'under'], ['不到20人参加。', 'under'],
    ['约3000人参加。', 'about'], ['3000人左右参加。', 'about'], ['3000人上下参加。', 'about'],
    ['控制在20人以下。', 'at_most'], ['不超过20人参加。', 'at_most'], ['120人参加。', 'exact'],
  ])('%s -> %s', (text, approx) => {
    const cs = claimsOf(text);
    expect(cs).toHaveLength(1);
    expect(cs[0]?.approx).toBe(approx);
  });

  it('a trailing 以上 covers figures juxtaposed before it', () => {
    expect(claimsOf('近五年来，每年接待群众 700 批次 10000 人次以上。').map((c) => c.approx)).toEqual(['at_least', 'at_least']);
  });
});

describe('hedges before a verb', () => {
  it('keep the verb for the category', () => {
    expect(claimsOf('至少化解30件。')[0]).toMatchObject({ text: '至少化解30件', approx: 'at_least', category: 'cases_resolved' });
    expect(claimsOf('区长每月至少接访一次。')[0]).toMatchObject({ text: '至少接访一次', value: 1, approx: 'at_least', category: 'count' });
  });
});
