/** Find: where a numeral starts (src/extract/find.ts). */
import { describe, expect, it } from 'vitest';
import { numeralAt } from '../../src/extract/find.js';

const all = (text: string): Array<[string, number]> => {
  const out: Array<[string, number]> = [];
  const p = { start: 0, end: text.length };
  for (let i = 0; i < text.length;) {
    const n = numeralAt(text, i, p);
    if (n) { out.push([text.slice(n.start, n.end), n.value]); i = n.end; } else i++;
  }
  return out;
};

describe('find', () => {
  it('starts a numeral after a comma between characters, never inside 1,260 or 3.5', () => {
    expect(all('生产,300多名；共1,260余万元，增长3.5%')).toEqual([['300', 300], ['1,260', 1260], ['3.5', 3.5]]);
  });
  it('takes a scale standing alone after a hedge or before 余/多, not inside a numeral', () => {
    expect(all('上万件，万余次，近亿元，三万人')).toEqual([['万', 10000], ['万', 10000], ['亿', 1e8], ['三万', 30000]]);
  });
  it('stops at the paragraph end', () => {
    expect(numeralAt('共120人', 1, { start: 0, end: 3 })).toBeNull();
  });
});
