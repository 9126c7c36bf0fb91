import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { buildView } from '../../src/index.js';
import { stretchesNotInView } from '../../src/read/view.js';

/** Substrings of `original` up to `len` long that are neither in the view text nor in a stretch. */
function uncovered(original: string, pad: number): string[] {
  const view = buildView(original);
  const stretches = stretchesNotInView(view, pad);
  const out: string[] = [];
  for (let i = 0; i < original.length; i++) {
    for (let l = 1; l <= pad + 1 && i + l <= original.length; l++) {
      const s = original.slice(i, i + l);
      if (!view.text.includes(s) && !stretches.some((t) => t.includes(s))) out.push(s);
    }
  }
  return out;
}

describe('stretches of the original not in the view', () => {
  it('hold every piece of the original the view does not (line joins, widths, traditional characters)', () => {
    const chars = ['信', '访', '工', '作', '國', '來', '，', '。', '\n', '\r\n', ' ', '　', '１', '２', '％', 'a', '5', '-', '\n\n', '一、'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 120 }), (parts) => {
      expect(uncovered(parts.join(''), 3)).toEqual([]);
    }), { numRuns: 300 });
  });

  it('are few and short for a text the view mostly keeps, and none for one it keeps whole', () => {
    const text = readFileSync('corpus/shanxi-2017-xinfang-nominees.txt', 'utf8').slice(0, 3000);
    const stretches = stretchesNotInView(buildView(text), 16);
    expect(stretches.join('').length).toBeLessThan(text.length);
    expect(uncovered(text.slice(0, 600), 4)).toEqual([]);
    expect(stretchesNotInView(buildView('信访工作。'), 16)).toEqual([]);
  });
});
