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
    // 数十, 几十: the scale named, with the range 数 can stand for; a pair of digits: its middle
    ['数十', 10, 20, 90, 'about'], ['数百', 100, 200, 900, 'about'], ['数万', 10000, 20000, 90000, 'about'], ['几十', 10, 20, 90, 'about'],
    ['两三万', 25000, 20000, 30000, 'about'], ['三四十', 35, 30, 40, 'about'], ['七八', 7.5, 7, 8, 'about'], ['三五千', 4000, 3000, 5000, 'about'],
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
