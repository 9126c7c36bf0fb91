import { describe, expect, it } from 'vitest';
import { buildView, toOriginal } from '../../src/index.js';

function roundTrip(original: string): void {
  const v = buildView(original);
  expect(v.map.length).toBe(v.text.length + 1);
  for (let i = 0; i < v.text.length; i++) {
    const o = v.map[i] as number;
    expect(o).toBeGreaterThanOrEqual(0);
    expect(o).toBeLessThan(original.length);
    if (i > 0) expect(o).toBeGreaterThan(v.map[i - 1] as number);
  }
}

describe('normalized view', () => {
  it('joins sentences broken at page breaks and keeps paragraph breaks', () => {
    const v = buildView('标题\n\n开展了“依法解决群众信访诉求、规范信访秩序”专项\n\n治理，保持高\n\n度一致。\n\n一、第二段。\r\n二是第三段。\r第四段。');
    expect(v.text).toBe('标题\n开展了“依法解决群众信访诉求、规范信访秩序”专项治理，保持高度一致。\n一、第二段。\n二是第三段。\n第四段。');
  });

  it('reads through pinyin glosses after characters, keeping other parentheses', () => {
    expect(buildView('協(xié)調(diào)解決520多萬(wàn)元(含补助)').text).toBe('协调解决520多万元(含补助)');
  });

  it('drops stray spaces beside Chinese, keeps them between Latin words', () => {
    expect(buildView('追讨工资 7000 余万元，APEC meeting 和 G20 会议').text).toBe('追讨工资7000余万元，APEC meeting和G20会议');
  });

  it('drops link residue, Markdown markers, zero-width characters; folds full width', () => {
    const v = buildView('# 标题\n\n- 提出解决[方案](#)，共**１２．５％**，３，２５６人\u200b次');
    expect(v.text).toBe('标题\n提出解决方案，共12.5%，3,256人次');
  });

  it('maps every view character back to the original', () => {
    for (const s of ['标题\n\n开展了专项\n\n治理 701 件', '# a\n\n- [x](#) １２ 人\u200b\r\n', '陳志強同志從事信訪工作18年，接待1.2萬人次。']) roundTrip(s);
    const orig = '化解 701\u00a0件。';
    const v = buildView(orig);
    const at = v.text.indexOf('701件');
    const span = toOriginal(v, at, at + 4);
    expect(orig.slice(span.start, span.end)).toBe('701\u00a0件');
  });

  it('reads traditional characters as simplified without moving offsets', () => {
    const orig = '陳志強同志從事信訪工作18年，累計接待群眾1.2萬人次，化解積案136件。';
    const v = buildView(orig);
    expect(v.script).toBe('traditional');
    expect(v.text).toBe('陈志强同志从事信访工作18年，累计接待群众1.2万人次，化解积案136件。');
    expect(v.text.length).toBe(orig.length);
  });

  it('leaves simplified text alone, even characters t2s would change', () => {
    const orig = '党风廉政建设成效显著，著力化解积案。';
    expect(buildView(orig)).toMatchObject({ text: orig, script: 'simplified' });
  });
});
