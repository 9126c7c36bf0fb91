import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIndex, loadIndex } from '../../src/segment/dictionary-index.js';
import { FILLER, subsetDictionary, userDictionary } from '../../src/segment/subset.js';

const DICT = '中国 10 ns\n中国人 5 n\n人 20 n\n国 3 n\n人民 7 n\n𠀀 2 x\n';
const tmp = mkdtempSync(join(tmpdir(), 'shiji-index-'));

describe('the index of a jieba dictionary', () => {
  const built = buildIndex(Buffer.from(DICT));
  if (!built) throw new Error('no index');
  const { index } = built;

  it('finds every dictionary word a text holds, and writes its line again', () => {
    const words = index.wordsIn('我是中国人，不是𠀀', new Map());
    const lines = [...words].map(([node, w]) => index.line(node, w)).sort();
    expect(lines).toEqual(['中国 10 ns', '中国人 5 n', '人 20 n', '国 3 n', '𠀀 2 x']);
    expect(index.covers('中国人', words)).toBe(true);
    expect(index.covers('人民', words)).toBe(false);
    expect(index.wordsIn('我是', new Map()).size).toBe(0);
  });

  it('keeps the sum, least and median frequency of the whole file', () => {
    expect({ count: index.wordCount, sum: index.freqSum, min: index.minFreq, median: index.medianFreq, max: index.maxLength })
      .toEqual({ count: 6, sum: 47, min: 2, median: 7, max: 3 });
  });

  it('refuses a dictionary it could not write again line for line', () => {
    for (const bad of ['中国 10 ns\n中国 5 n\n', '中国 10\n', '中国 010 n\n', '中国 1.5 n\n', '中国 10 n\r\n', '中国  10 n\n', '中国 10 n x\n']) {
      expect(buildIndex(Buffer.from(bad)), JSON.stringify(bad)).toBeNull();
    }
  });

  it('is written beside its name, read back, and rebuilt when the dictionary changes', () => {
    const dict = join(tmp, 'd.utf8');
    const file = join(tmp, 'd.index');
    writeFileSync(dict, DICT);
    expect(loadIndex(dict, file)?.wordCount).toBe(6);
    expect(readFileSync(file).length).toBeGreaterThan(0);
    expect(loadIndex(dict, file)?.wordCount).toBe(6);
    // the same bytes with another time: the SHA-256 still matches
    utimesSync(dict, new Date(2001, 1, 1), new Date(2001, 1, 1));
    expect(loadIndex(dict, file)?.wordCount).toBe(6);
    writeFileSync(dict, `${DICT}民 4 n\n`);
    expect(loadIndex(dict, file)?.wordCount).toBe(7);
    expect(loadIndex(join(tmp, 'missing.utf8'), file)).toBeNull();
  });
});

describe('a part of the dictionary', () => {
  const { index } = buildIndex(Buffer.from(DICT)) ?? (() => { throw new Error('no index'); })();

  it('holds the words asked for and fillers that restore the sum and the least frequency', () => {
    const text = subsetDictionary(index, index.wordsIn('中国', new Map())) as string;
    const lines = text.trimEnd().split('\n');
    expect(lines.slice(0, 2).sort()).toEqual(['中国 10 ns', '国 3 n']);
    expect(lines.slice(2)).toEqual([`${FILLER} 2 x`, `${FILLER} ${47 - 13 - 2} x`]);
    expect(lines.reduce((s, l) => s + Number(l.split(' ')[1]), 0)).toBe(index.freqSum);
  });

  it('cannot be made of nearly the whole dictionary', () => {
    expect(subsetDictionary(index, index.wordsIn('中国人民𠀀', new Map()))).toBeNull();
  });

  it('hands over user words without a frequency with the median one, as cppjieba weighs them', () => {
    expect(userDictionary('云计算\n蓝翔 nz\n区块链 10 nz\n\n奇怪  x\n', 3)).toBe('云计算 3  \n蓝翔 3 nz\n区块链 10 nz\n\n奇怪  x\n');
    expect(userDictionary('云计算\r\n', 3)).toBeNull();
  });
});
