/**
 * src/ui/ansi-diff.ts answers as ansi-tokenize's diffAnsiCodes does, on the styles of every pair
 * of neighbouring characters of made-up styled lines, read by ansi-tokenize itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffAnsiCodes as original, styledCharsFromTokens, tokenize } from '@alcalzone/ansi-tokenize';
import { diffAnsiCodes } from '../../src/ui/ansi-diff.js';
import { random } from '../helpers/random.js';


describe('the UI ansi diff', () => {
  it('gives what diffAnsiCodes gives between every two neighbouring characters', () => {
    const next = random(7);
    const codes = ['\u001b[31m', '\u001b[39m', '\u001b[1m', '\u001b[2m', '\u001b[22m', '\u001b[7m', '\u001b[27m', '\u001b[4m', '\u001b[24m', '\u001b[36m', '\u001b[0m', '\u001b[38;5;208m', '\u001b[42m', '\u001b[49m'];
    const chars = ['a', ' ', '信', '访', '…', '✓', '1'];
    let pairs = 0;
    let same = 0;
    for (let n = 0; n < 2000; n++) {
      let line = '';
      for (let k = 0; k < 20; k++) line += next() < 0.3 ? codes[Math.floor(next() * codes.length)] : chars[Math.floor(next() * chars.length)];
      const styled = styledCharsFromTokens(tokenize(line));
      for (let i = 0; i < styled.length; i++) {
        const from = i === 0 ? [] : styled[i - 1]!.styles;
        const to = styled[i]!.styles;
        expect(diffAnsiCodes(from, to)).toEqual(original(from, to));
        expect(diffAnsiCodes(to, [])).toEqual(original(to, []));
        pairs++;
        if (from.length === to.length && from.every((c, j) => c === to[j])) same++;
      }
    }
    // both kinds of pair were met: the quick answer and the full one
    expect(same).toBeGreaterThan(1000);
    expect(pairs - same).toBeGreaterThan(1000);
  });

  it('is what Ink\'s output uses in the bundle', () => {
    // the bundle's source maps name the modules each chunk holds
    const maps = readdirSync('dist').filter((f) => /^cli(-[A-Z0-9]+)?\.js\.map$/.test(f)).map((f) => JSON.parse(readFileSync(join('dist', f), 'utf8')) as { sources: string[] });
    const holding = (name: RegExp): Array<{ sources: string[] }> => maps.filter((m) => m.sources.some((s) => name.test(s)));
    // nothing of ours imports it: it is in the bundle only as the alias gives it to ansi-tokenize,
    // beside whose styledChars it sits
    const ours = holding(/(^|\/)src\/ui\/ansi-diff\.ts$/);
    expect(ours).toHaveLength(1);
    expect(ours[0]!.sources.some((s) => /ansi-tokenize\/.*styledChars\.[jt]s$/.test(s))).toBe(true);
  });
});
