/** Scope: periods and rates (src/extract/scope.ts). */
import { describe, expect, it } from 'vitest';
import { claimsOf, brief } from '../helpers/extract.js';


describe('periods and rates', () => {
  it.each([
    ['2014年以来，全市化解信访积案701件。', '2014年以来'],
    ['近五年来，每年接待群众700批次。', '近五年来'],
    ['2016 年底，全市 11 个乡镇变为一般越级上访乡镇。', '2016年底'],
    ['2011 年至今，通过县级领导包案解决 150 余起。', '2011年至今'],
    ['截至2022年6月底，已化解积案88件。', '截至2022年6月底'],
    ['二〇一九年以来，共受理信访事项1.36万件。', '二〇一九年以来'],
  ])('%s', (text, period) => {
    expect(claimsOf(text)[0]?.period).toBe(period);
  });

  it('governs later sentences of the paragraph until another scope', () => {
    const cs = claimsOf('2014年以来，化解积案701件。开展活动，把全市45个乡镇分为三类。2016年底，11个乡镇变为一般乡镇。');
    expect(cs.map((c) => c.period)).toEqual(['2014年以来', '2014年以来', '2016年底']);
  });

  it('is not taken from a birth date or a mid-sentence comparison', () => {
    expect(claimsOf('陈某，1972年出生，从事信访工作18年。')[0]?.period).toBeNull();
    expect(claimsOf('城关镇信访量与去年同期相比下降42%。')[0]?.period).toBeNull();
  });

  it('records rates', () => {
    const cs = claimsOf('近五年来，每年接待群众10000人次以上，平均每天接待30人次，累计接待近5万人次。');
    expect(cs.map((c) => c.rate?.text ?? null)).toEqual(['每年', '平均每天', null]);
  });
});
