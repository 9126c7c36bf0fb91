/**
 * The extractor on real write-ups that nobody here wrote (the development set beside the project,
 * ../shared/dev), held to the bars of its README, and the project's scorer held to the reference
 * scorer there. Skipped where the development set is not present.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { analyseBytes } from '../../src/index.js';
import { devSetDir, readDevLabels } from './sets.js';
import { scoreDocument, totals, type Score } from './score.js';

const dev = devSetDir();

function scoreAll(dir: string, names?: readonly string[]): Array<{ name: string; score: Score }> {
  return readdirSync(join(dir, 'labels')).filter((f) => f.endsWith('.json')).sort()
    .map((f) => f.replace(/\.json$/, ''))
    .filter((name) => names === undefined || names.includes(name))
    .map((name) => {
      const gold = readDevLabels(join(dir, 'labels', `${name}.json`));
      const path = join(dir, gold.text);
      const { result, text } = analyseBytes(readFileSync(path), path);
      return { name, score: scoreDocument(result, gold, text) };
    });
}

describe.skipIf(dev === null)('real write-ups (development set)', () => {
  const dir = dev as string;
  const rows = dev === null ? [] : scoreAll(dir);

  it('meets the bars: recall, precision, approx, category, nominee', () => {
    const t = totals(rows.map((r) => r.score));
    expect({ recall: t.recall, precision: t.precision, approx: t.approx, category: t.category, nominee: t.nominee }).toEqual({
      recall: expect.toSatisfy((x: number) => x >= 0.97), precision: expect.toSatisfy((x: number) => x >= 0.97),
      approx: expect.toSatisfy((x: number) => x >= 0.97), category: expect.toSatisfy((x: number) => x >= 0.95),
      // one text (ot_court_guangdong_dinghu_zhixing_2010) calls itself only 我院: its 12 figures cannot be named
      nominee: expect.toSatisfy((x: number) => x >= 0.95),
    });
  });

  it('every span is the text it claims, and every labelled slip is caught', () => {
    const t = totals(rows.map((r) => r.score));
    expect(t.badSpans).toBe(0);
    const [caught, slips] = t.arithmetic.split('/').map(Number);
    expect(caught).toBe(slips);
  });

  it('no nominee is a deictic (我县, 本院), and hardly any a fragment (年度, 公开电话)', () => {
    const miss = rows.reduce((a, r) => ({ deictic: a.deictic + r.score.nomineeMiss.deictic, fragment: a.fragment + r.score.nomineeMiss.fragment }), { deictic: 0, fragment: 0 });
    expect(miss.deictic).toBe(0);
    expect(miss.fragment).toBeLessThanOrEqual(2);
  });

  it('no single write-up falls far below the bar', () => {
    for (const { name, score } of rows) expect(score.found / Math.max(1, score.core), name).toBeGreaterThanOrEqual(0.8);
  });

  it('the scorer agrees with the reference scorer', () => {
    const names = ['xinfang_xizang_lasa_mimazhaxi', 'court_shaanxi_qindu_xianjin_2022'];
    const ref = spawnSync('python3', [join(dir, 'score.py'), ...names], { encoding: 'utf8', timeout: 120_000 });
    if (ref.error || ref.status !== 0) return; // no python3 here: nothing to compare with
    const line = ref.stdout.trim().split('\n').pop() ?? '';
    const t = totals(scoreAll(dir, names).map((r) => r.score));
    expect(line).toContain(`recall ${t.recall.toFixed(3)} precision ${t.precision.toFixed(3)} approx ${t.approx.toFixed(3)} category ${t.category.toFixed(3)} nominee ${t.nominee.toFixed(3)}`);
  });
});
