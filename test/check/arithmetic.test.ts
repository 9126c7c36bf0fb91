import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { analyseBytes, analyseText, collectInputs, sha256, type DocumentResult } from '../../src/index.js';
import { intervalOf, yearsOf } from '../../src/check/arithmetic.js';

function doc(body: string): DocumentResult {
  const text = `张三同志先进事迹\n\n${body}`;
  return analyseText(text, { path: 't', sha256: sha256(text), encoding: 'utf-8', bom: false }).result;
}
const kinds = (body: string): string[] => doc(body).checks.map((c) => c.kind);

describe('each check kind fires on a slip and stays quiet on correct arithmetic', () => {
  it.each([
    ['percent_change (from -> to)', '信访量由2019年的12件减少到2020年的4件，下降75%。', '信访量由2019年的12件减少到2020年的4件，下降66.7%。'],
    ['percent_change (baseline counts)', '今年接待2批4人次，与去年同期1批2人次相比上升50%。', '今年接待2批4人次，与去年同期1批2人次相比上升100%。'],
    ['percent_change (wages)', '工资从每月1200元提高到1500元，增长30%。', '工资从每月1200元提高到1500元，增长25%。'],
    ['growth_rate', '全年受理信访事项1240件，同比增加140件，增幅15.3%。', '全年受理信访事项1240件，同比增加140件，增幅12.7%。'],
    ['ratio', '受理来信来访860件，办结812件，按期办结率达97.2%。', '受理来信来访860件，办结812件，按期办结率达94.4%。'],
    ['ratio (收结比)', '收到群众来信500件，办结450件，收结比为0.98。', '收到群众来信500件，办结490件，收结比为0.98。'],
    ['parts_total', '排查矛盾纠纷45件，已化解38件，尚有5件正在推进。', '排查矛盾纠纷45件，已化解38件，尚有7件正在推进。'],
    ['rate_total', '每年接待群众3000人次以上，平均每天接待3人次。', '每年接待群众3000人次以上，平均每天接待10人次。'],
    ['rate_total (cumulative)', '近五年来，累计接待群众2000人次，平均每天接待30人次。', '近五年来，累计接待群众近2万人次，平均每天接待11人次。'],
    // rates listed after as many changes, in their order; a figure inside a parenthesis is a part, not the level
    ['growth_rate (respective)', '到市集体访20批300人次，同比减少5批、人数减少60人次，分别下降20%和25%。', '到市集体访20批300人次，同比减少5批、人数减少60人次，分别下降20%和16.7%。'],
    ['growth_rate (juxtaposed)', '来访143宗1079人次（含群体访42宗933人次），同比减少23宗166人次，分别下降35%和15%。', '来访143宗1079人次（含群体访42宗933人次），同比减少23宗166人次，分别下降13.9%和13.3%。'],
    ['part_change', '受理来信来访195件次，同比减少89件次。其中来信52件，同比减少62件；来访143宗，同比减少23宗。', '受理来信来访195件次，同比减少85件次。其中来信52件，同比减少62件；来访143宗，同比减少23宗。'],
  ])('%s', (name, slip, right) => {
    const kind = name.split(' ')[0] as string;
    expect(kinds(slip)).toEqual([kind]);
    expect(kinds(right)).toEqual([]);
  });

  it('a respective slip is one check that names every pair that does not add up, in words', () => {
    const d = doc('来访143宗1079人次，同比减少23宗166人次，分别下降35%和15%。');
    expect(d.checks).toHaveLength(1);
    const [c] = d.checks;
    expect(c?.message).toBe('stated 降幅35% for −23宗, but on a baseline of 166 (143宗 + 23) it is 13.9%; stated 降幅15% for −166人次, but on a baseline of 1245 (1079人次 + 166) it is 13.3%');
    expect(c?.claims.map((id) => d.claims.find((x) => x.id === id)?.text)).toEqual(['143宗', '23宗', '35%', '1079人次', '166人次', '15%']);
    expect(d.claims.find((x) => x.text === '166人次')?.direction).toBe('down');
  });

  it('a line broken inside a parenthesis does not end the paragraph', () => {
    const d = doc('来访143宗1079人次(含群体访42宗933\n2、人次)，同比减少23宗166人次，下降35%和15%。');
    expect(new Set(d.claims.map((c) => c.paragraph.start)).size).toBe(1);
    expect(d.checks.map((c) => c.kind)).toEqual(['growth_rate']);
  });

  it('names the claims, the stated and the computed figure', () => {
    const d = doc('今年接待2批4人次，与去年同期1批2人次相比上升50%。');
    const [c] = d.checks;
    expect(c).toMatchObject({ kind: 'percent_change', stated: 50, computed: 100, message: 'stated 上升50%, but 1 -> 2批 is +100%' });
    expect(c?.claims.map((id) => d.claims.find((x) => x.id === id)?.text)).toEqual(['1批', '2批', '50%']);
  });

  it('honours approximations and rounding', () => {
    expect(kinds('近五年来，每年接待群众700批次10000人次以上，平均每天接待30人次。')).toEqual([]);
    expect(kinds('排查矛盾纠纷1.2万余件，化解1.15万件，化解率96%。')).toEqual([]);
    expect(kinds('信访量由2019年的1234件减少到2020年的800件，下降35.2%。')).toEqual([]);
    expect(kinds('信访量由2019年的1234件减少到2020年的800件，下降35%。')).toEqual([]);
    expect(kinds('信访量由2019年的1234件减少到2020年的800件，下降40%以上。')).toEqual(['percent_change']);
    expect(kinds('信访量由约120件减少到80件，下降33%。')).toEqual([]);
  });

  it('flags the direction when the numbers went the other way', () => {
    expect(kinds('信访量由2019年的80件增加到2020年的120件，下降50%。')).toEqual(['percent_change']);
  });

  it('flags a sentence and figure repeated for two nominees', () => {
    const text = '公示\n\n一、先进集体推荐对象\n\n1、甲局\n\n2、乙局\n\n甲局主要事迹：\n\n帮助农民工追讨欠薪186万元，惠及农民工320人。\n\n乙局主要事迹：\n\n帮助农民工追讨欠薪186万元，惠及农民工320人。';
    const r = analyseText(text, { path: 't', sha256: 'z', encoding: 'utf-8', bom: false }).result;
    expect(r.checks.map((c) => c.kind)).toEqual(['duplicate', 'duplicate']);
    const one = '公示\n\n一、先进集体推荐对象\n\n1、甲局\n\n甲局主要事迹：\n\n帮助农民工追讨欠薪186万元。帮助农民工追讨欠薪186万元。';
    expect(analyseText(one, { path: 't', sha256: 'z', encoding: 'utf-8', bom: false }).result.checks).toEqual([]);
  });

  it('reads intervals and periods', () => {
    expect(intervalOf(100, 'exact')).toEqual([100, 100]);
    expect(intervalOf(100, 'at_least')[0]).toBe(100);
    expect(intervalOf(100, 'under')[1]).toBe(100);
    expect(yearsOf('近五年来')).toBe(5);
    expect(yearsOf('三年来')).toBe(3);
    expect(yearsOf('2014年以来')).toBeNull();
  });
});

describe('on whole documents', () => {
  it('raises no false alarm on the bundled notice or on our consistent write-ups', () => {
    for (const f of collectInputs(['corpus']).files) {
      if (f.path.includes('slips')) continue;
      const r = analyseBytes(readFileSync(f.path), f.path).result;
      expect(r.checks.map((c) => `${f.path}: ${c.message}`)).toEqual([]);
    }
  });

  it('catches the slips of the write-up that has them', () => {
    const path = 'corpus/hexi-2021-slips.txt';
    const r = analyseBytes(readFileSync(path), path).result;
    const labels = parse(readFileSync('test/labels/hexi-2021-slips.txt.checks.yaml', 'utf8')) as { checks: Array<{ kind: string; claims: string[] }> };
    const found = r.checks.map((c) => ({ kind: c.kind, claims: c.claims.map((id) => r.claims.find((x) => x.id === id)?.text) }));
    const caught = labels.checks.filter((l) => found.some((f) => f.kind === l.kind && l.claims.every((t) => f.claims.includes(t))));
    expect(caught.length / labels.checks.length).toBeGreaterThanOrEqual(0.8);
    expect(found.length).toBe(labels.checks.length); // nothing beyond the labelled slips
  });
});
