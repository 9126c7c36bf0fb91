import { describe, expect, it } from 'vitest';
import { parseNumberAt, chineseToNumber } from '../../src/index.js';

describe('numerals', () => {
  it.each([
    ['701', 701], ['7 000', 7000], ['1,000', 1000], ['96.5', 96.5], ['0.98', 0.98],
    ['二十', 20], ['一百二十', 120], ['百', 100], ['两', 2], ['十', 10], ['十五', 15],
    ['一千零五', 1005], ['一万二', 12000], ['三百五', 350], ['三千五百万', 35000000],
    ['两万五千', 25000], ['一千二百', 1200], ['一亿', 100000000], ['零', 0],
  ])('%s = %d', (s, v) => {
    const n = parseNumberAt(s, 0);
    expect(n?.value).toBe(v);
    expect(n?.end).toBe(s.length);
  });

  it.each([
    ['十几', 10, 11, 19, 'over'], ['二十几', 20, 21, 29, 'over'],
    ['数十', 20, 20, 90, 'about'], ['数百', 200, 200, 900, 'about'], ['几十', 20, 20, 90, 'about'],
    ['两三万', 20000, 20000, 30000, 'about'], ['三四十', 30, 30, 40, 'about'], ['七八', 7, 7, 8, 'about'],
  ])('vague %s', (s, value, low, high, approx) => {
    expect(parseNumberAt(s, 0)).toMatchObject({ value, low, high, approx, end: s.length });
  });

  it('stops at what is not a numeral and rejects malformed runs', () => {
    expect(parseNumberAt('701件', 0)?.end).toBe(3);
    expect(parseNumberAt('万人', 0)).toBeNull();
    expect(parseNumberAt('几年来', 0)).toBeNull();
    expect(chineseToNumber('三四')).toBeNull();
    expect(chineseToNumber('')).toBeNull();
  });
});
