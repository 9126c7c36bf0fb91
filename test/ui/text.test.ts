import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { wrapSegments, snippet, markTerm, occurrences, searchFold } from '../../src/ui/text.js';

const text = (line: ReadonlyArray<{ text: string }>): string => line.map((s) => s.text).join('');

describe('UI text', () => {
  it('wraps Chinese by display width and keeps a highlight that crosses a line break on both lines', () => {
    const lines = wrapSegments([{ text: '全市梳理排查化解' }, { text: '信访积案701件', mark: 'span' }, { text: '，一大批案件得到解决。' }], 20);
    for (const l of lines) expect(stringWidth(text(l))).toBeLessThanOrEqual(20);
    expect(lines.map(text).join('')).toBe('全市梳理排查化解信访积案701件，一大批案件得到解决。');
    expect(lines[0]!.at(-1)).toEqual({ text: '信访', mark: 'span' });
    expect(lines[1]![0]).toEqual({ text: '积案701件', mark: 'span' });
  });

  it('keeps a closing mark off the start of a line: the character before it goes down with it, a highlight with it', () => {
    const at = (segs: Array<{ text: string; mark?: 'span' | 'term' }>, w: number) => wrapSegments(segs, w).map(text);
    expect(at([{ text: '一二三四五六七八九，十' }], 18)).toEqual(['一二三四五六七八', '九，十']);
    expect(at([{ text: '一二三四五六七八九。' }], 18)).toEqual(['一二三四五六七八', '九。']);
    expect(at([{ text: '一二三四五六七八「九」' }], 18)).toEqual(['一二三四五六七八「', '九」']);
    // nothing to carry at a line's start: the mark stays where it falls
    expect(at([{ text: '一，' }], 2)).toEqual(['一', '，']);
    const lines = wrapSegments([{ text: '一二三四五六七八' }, { text: '九件', mark: 'span' }, { text: '，十' }], 20);
    expect(lines.map(text)).toEqual(['一二三四五六七八九', '件，十']);
    expect(lines[1]![0]).toEqual({ text: '件', mark: 'span' });
    for (const l of wrapSegments([{ text: '全市梳理排查化解信访积案701件，一大批“钉子案、骨头案”得到解决。' }], 14)) expect(stringWidth(text(l))).toBeLessThanOrEqual(14);
  });

  it('wraps English between words', () => {
    const lines = wrapSegments([{ text: 'The total number of petitions fell by 27.5% year on year.' }], 20).map(text);
    expect(lines).toEqual(['The total number of ', 'petitions fell by ', '27.5% year on year.']);
  });

  it('finds a term ignoring case, and cuts a sentence around it with the term and the claim marked', () => {
    expect(occurrences('Petitions and petitions', 'PETITION')).toEqual([[0, 8], [14, 22]]);
    expect(markTerm('信访局信访', '信访').filter((s) => s.mark === 'term').length).toBe(2);
    const s = '2014年以来，全市梳理排查化解信访积案701件，一大批“钉子案、骨头案”得到解决，群众满意率明显提升。';
    const at = s.indexOf('701件');
    const cut = snippet(s, '钉子案', 24, [at, at + 4]);
    expect(stringWidth(text(cut))).toBeLessThanOrEqual(24);
    expect(cut.find((x) => x.mark === 'term')?.text).toBe('钉子案');
    expect(cut.find((x) => x.mark === 'span')?.text).toBe('701件');
    expect(text(cut).startsWith('…')).toBe(true);
  });

  it('finds a term in either script and in full-width forms, at the offsets of the text as written', () => {
    const s = '本局信訪接待中心全年受理ＡＢＣ類案件１２３件，信访量下降。';
    expect(searchFold(s).length).toBe(s.length);
    // simplified term, traditional text, and the other way round
    expect(occurrences(s, '信访')).toEqual([[2, 4], [23, 25]]);
    expect(occurrences(s, '信訪')).toEqual([[2, 4], [23, 25]]);
    expect(s.slice(2, 4)).toBe('信訪');
    expect(occurrences(s, '接待中心')).toEqual([[4, 8]]);
    expect(occurrences(s, '类')).toEqual([[15, 16]]);
    // full-width Latin and digits as ASCII, any case
    expect(occurrences(s, 'abc')).toEqual([[12, 15]]);
    expect(occurrences(s, '123件')).toEqual([[18, 22]]);
    expect(markTerm(s, '信访').filter((x) => x.mark === 'term').map((x) => x.text)).toEqual(['信訪', '信访']);
    expect(occurrences(s, '上访')).toEqual([]);
  });
});
