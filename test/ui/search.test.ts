/**
 * Searching in the review UI finds a term whichever script the write-up is in: a reviewer types
 * 信访积案 and finds 信訪積案 in a traditional text, and a name as the text writes it finds the nominee.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel, initialState, claimRows, visibleNominees, type State } from '../../src/ui/state.js';
import { searchHits } from '../../src/ui/across.js';
import { analyseBytes, type AnalysedDocument } from '../../src/index.js';

const doc = (path: string): AnalysedDocument => { const a = analyseBytes(readFileSync(path), path); return { result: a.result, text: a.text, cached: false }; };
const trad = doc('corpus/dongyang-chen-zhiqiang.trad.txt');
const model = buildModel([trad, doc('corpus/xiling-county.md')]);

describe('search across scripts', () => {
  it('finds simplified terms in a traditional write-up, across nominees and within one', () => {
    expect(trad.text).toContain('信訪積案');
    const hits = searchHits(model, '信访积案');
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(`${h.claim.text}${h.context}`).toMatch(/信訪積案|信访积案/);
    expect(hits.some((h) => h.context.includes('信訪積案'))).toBe(true);
    // the same claims whichever script the term is typed in
    expect(searchHits(model, '信訪積案').map((h) => h.claim.id)).toEqual(hits.map((h) => h.claim.id));
  });

  it('filters the nominee list and a nominee\'s claims the same way', () => {
    const base = initialState(model, [], [], null);
    // the name as the document writes it (陳志強) finds the nominee, named in simplified characters
    const nominees: State = { ...base, screen: 'nominees', query: '陳志強' };
    const found = visibleNominees(model, nominees);
    expect(found.map((i) => model.nominees[i]!.name)).toEqual(['陈志强']);
    const at = found[0]!;
    const claims: State = { ...base, screen: 'claims', nomineeCursor: at, query: '积案' };
    const rows = claimRows(model, claims).filter((r) => r.kind === 'claim');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(model.nominees[at]!.claims.length);
  });
});
