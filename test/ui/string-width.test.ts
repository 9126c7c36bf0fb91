/**
 * src/ui/string-width.ts answers as string-width does: every character of its fast class checked
 * one by one, made-up strings of every kind checked whole, and the bundle checked to give it to
 * Ink in place of string-width.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import realWidth from 'string-width';
import stringWidth, { SIMPLE } from '../../src/ui/string-width.js';
import { random } from '../helpers/random.js';

const simple: string[] = [];
for (let c = 0; c <= 0xffff; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue;
  const ch = String.fromCharCode(c);
  if (SIMPLE.test(ch)) simple.push(ch);
}


describe('the UI string width', () => {
  it('covers the characters of Chinese write-ups and of the UI itself', () => {
    expect(simple.length).toBeGreaterThan(30000);
    for (const s of ['全市梳理排查化解信访积案701件', '“钉子案、骨头案”（２０１７年）…', '› ✓ ✗ ✎ · — ≥ ≤ ≈ × ○ ↑↓←→', 'Zhou Fāngzhì №3 ℃ Ⅻ ①']) expect(SIMPLE.test(s)).toBe(true);
    // what it leaves to string-width: emoji, combining marks, Hangul, surrogates, controls
    for (const s of ['👍', '☺', 'e\u0301', '한', '\u1100\u1161', '\ud83d', 'a\tb', '\u200d', '\u3099', '\uff9e']) expect(SIMPLE.test(s)).toBe(false);
  });

  it('gives every character of its class the width string-width gives it, both ways of counting the ambiguous ones', () => {
    const wrong: string[] = [];
    for (const ch of simple) {
      for (const ambiguousIsNarrow of [true, false]) {
        if (stringWidth(ch, { ambiguousIsNarrow }) !== realWidth(ch, { ambiguousIsNarrow })) wrong.push(`U+${ch.charCodeAt(0).toString(16)} ${ambiguousIsNarrow}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('holds no character that joins a neighbour into one grapheme', () => {
    const seg = new Intl.Segmenter();
    const joined = simple.filter((ch) => [...seg.segment(`a${ch}${ch}中`)].length !== 4);
    expect(joined.map((ch) => ch.charCodeAt(0).toString(16))).toEqual([]);
  });

  it('agrees with string-width on made-up strings of every kind, colours and escapes included', () => {
    const next = random(20261202);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
    const others = ['👍', '👨‍👩‍👧', '1\u20e3', '🇨🇳', 'e\u0301', '한글', '\u1100\u1161\u11a8', '\ud83d', '\t', '\u0007', '\u200b', '\u00ad', '\u3099', 'ｶﾞ', '\u001b]8;;http://x\u0007', '\u001b[38:5:1m', '\u009b31m'];
    const sgr = ['\u001b[31m', '\u001b[39m', '\u001b[1m', '\u001b[22m', '\u001b[7m', '\u001b[38;5;208m', '\u001b[0m'];
    for (let i = 0; i < 3000; i++) {
      let s = '';
      const n = 1 + Math.floor(next() * 12);
      for (let k = 0; k < n; k++) {
        const r = next();
        s += r < 0.75 ? pick(simple) : r < 0.9 ? pick(sgr) : pick(others);
      }
      for (const o of [{}, { ambiguousIsNarrow: false }, { countAnsiEscapeCodes: true }]) {
        expect(stringWidth(s, o), JSON.stringify(s)).toBe(realWidth(s, o));
      }
    }
    expect(stringWidth('')).toBe(0);
  });

  it('is what Ink measures with in the bundle, and string-width itself is not bundled', () => {
    const chunks = readdirSync('dist').filter((f) => /^cli(-[A-Z0-9]+)?\.js$/.test(f)).map((f) => readFileSync(join('dist', f), 'utf8'));
    // string-width's own expression for emoji would be in a chunk if the bundle held it
    expect(chunks.filter((c) => c.includes('RGI_Emoji'))).toEqual([]);
    // (string-width is in the bundle's list of packages to bundle: only the alias keeps it out)
    expect(readFileSync('scripts/bundle.mjs', 'utf8')).toMatch(/\|string-width\|/);
    expect(chunks.filter((c) => c.includes('function fullStringWidth'))).toHaveLength(1);
  });
});
