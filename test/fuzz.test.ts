/** Property tests: the pipeline never throws and every span stays valid, whatever the text. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyseText, sha256 } from '../src/index.js';

const pieces = [
  '1', '0', '7', '96.5', '1,000', '３', '．', '，', '一', '两', '十', '百', '千', '万', '亿', '半', '数', '几',
  '余', '多', '近', '约', '以上', '左右', '不少于', '件', '人次', '批次', '户', '名', '元', '万元', '%', '％', '成', '年', '天', '小时',
  '化解', '接待', '下降', '同比', '从', '提升至', '其中', '每年', '连续', '担任', '以来', '第', '“', '”', '《', '》', '（', '）',
  '。', '，', '、', '；', '：', '\n', '\n\n', '\r\n', '\r', ' ', '\u00a0', '\u200b', '\u3000', '[', ']', '(#)', '#', '- ', '**',
  '一、', '（一）', '一是', '1.', '主要事迹：', '同志', '信访局', '陳', '萬', '餘', '\ud83d\ude00', 'G20', 'abc',
  // what write-ups from the field bring: titles and bylines, names, posts, roles, counted actions, glosses
  '——记', '他叫', '局长', '科长张', '王', '明', '，男，', '岁的', '来源:', '责任编辑:', '2015-03-06', '17:45', ' 摄', '【打印】',
  '涉及', '与去年同期', '相比', '较去年同期的', '我县', '我院', '县', '法院', '(wàn)', '三达', '四进', '西藏', '零越级上访', '如一日',
  '年来', '多来', '在', '生涯', '工作报告', '“老娘舅”', '人大', '字', '种', '村', '趟', '圈', '率达', '调解成功', '处理',
];
const genreText = fc.array(fc.constantFrom(...pieces), { maxLength: 120 }).map((xs) => xs.join(''));
const runs = Number(process.env['SHIJI_FUZZ_RUNS'] ?? 300);

describe('fuzz', () => {
  it('never throws and keeps every span valid on genre-like text', () => {
    fc.assert(fc.property(genreText, (text) => {
      const { result } = analyseText(text, { path: 'f.txt', sha256: sha256(text), encoding: 'utf-8', bom: false });
      for (const c of result.claims) {
        expect(text.slice(c.start, c.end)).toBe(c.text);
        expect(c.start).toBeLessThan(c.end);
        expect(c.sentence.start).toBeLessThanOrEqual(c.start);
        expect(Number.isFinite(c.value)).toBe(true);
      }
    }), { numRuns: runs });
  });

  it('never throws on arbitrary unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
      const { result } = analyseText(text, { path: 'f.txt', sha256: sha256(text), encoding: 'utf-8', bom: false });
      for (const c of result.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
    }), { numRuns: runs });
  });
});

describe('fuzz: structure and time', () => {
  const headingPieces = ['\n\n', '一、', '（一）', '一是', '1.', '主要事迹：', '同志先进事迹', '推荐对象', '评选条件', '1、', '- ', '甲县信访局', '张三 局长', '化解积案50件。', '近5年来', '从事信访工作5年以上。', '（二）先进工作者评选条件'];
  const structured = fc.array(fc.constantFrom(...pieces, ...headingPieces), { maxLength: 200 }).map((xs) => xs.join(''));

  it('the structure parser never throws and its spans stay in the text', () => {
    fc.assert(fc.property(structured, (text) => {
      const { result } = analyseText(text, { path: 'f.txt', sha256: sha256(text), encoding: 'utf-8', bom: false });
      for (const c of result.criteria) expect((c.end ?? 0) <= text.length).toBe(true);
      for (const n of result.nominees) if (n.section) expect(text.slice(n.section.start, n.section.end).length).toBeGreaterThan(0);
      for (const c of result.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
    }), { numRuns: runs });
  });

  it('time grows linearly with input size, with no catastrophic backtracking', () => {
    const rnd = fc.sample(structured, { numRuns: 400, seed: 7 }).join('。');
    const adversarial = ['一'.repeat(20000), '“'.repeat(20000), '['.repeat(10000) + '('.repeat(10000), '2014年'.repeat(4000), '1,'.repeat(10000), '余'.repeat(20000), '\n'.repeat(20000), '百分之'.repeat(5000)];
    const time = (t: string): number => {
      const t0 = performance.now();
      analyseText(t, { path: 'f', sha256: sha256(t), encoding: 'utf-8', bom: false });
      return performance.now() - t0;
    };
    time(rnd.slice(0, 2000)); // warm up
    const small = rnd.slice(0, Math.floor(rnd.length / 8));
    const perCharSmall = Math.max(time(small), 5) / small.length;
    const perCharBig = time(rnd) / rnd.length;
    expect(perCharBig / perCharSmall).toBeLessThan(6);
    for (const a of adversarial) expect(time(a), a.slice(0, 10)).toBeLessThan(5000);
  }, 60000);
});
