/**
 * The shape of dist/cli.js that the start-up figures rest on: what a command loads before it
 * runs is small, the analyser comes only with the first document to analyse, and the review UI
 * only with the UI. Read from the chunks' static imports, as Node follows them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const chunks = new Map(readdirSync('dist').filter((f) => /^cli(-[A-Z0-9]+)?\.js$/.test(f)).map((f) => [f, readFileSync(join('dist', f), 'utf8')]));

/** Every chunk that loading `from` loads with it (static imports only; a dynamic import() waits for its use). */
function closure(from: string): Set<string> {
  const seen = new Set<string>();
  const visit = (f: string): void => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const m of (chunks.get(f) ?? '').matchAll(/(?:^|[;\n])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/(cli-[A-Z0-9]+\.js)["']/g)) visit(m[1] as string);
  };
  visit(from);
  return seen;
}
const defining = (needle: string): string => {
  const hits = [...chunks].filter(([, code]) => code.includes(needle)).map(([f]) => f);
  expect(hits, needle).toHaveLength(1);
  return hits[0] as string;
};

describe('the bundled command line', () => {
  it('loads neither the analyser nor the UI before a command runs', () => {
    const start = closure('cli.js');
    expect(start.size).toBeGreaterThan(3); // the imports are read (cli.js imports its shared chunks)
    expect(start.has(defining('function analyseText('))).toBe(false);
    expect(start.has(defining('function runReviewUi('))).toBe(false);
    // the traditional-character tables and natural's TF-IDF come with the analyser
    expect(start.has(defining('function buildView('))).toBe(false);
    const bytes = [...start].reduce((n, f) => n + (chunks.get(f) as string).length, 0);
    expect(bytes).toBeLessThan(150_000);
  });

  it('shows the review UI without loading the analyser (documents come from the cache)', () => {
    const ui = closure(defining('function runReviewUi('));
    expect(ui.has(defining('function analyseText('))).toBe(false);
    expect(ui.has(defining('function buildView('))).toBe(false);
  });

  it('carries React in its production build only', () => {
    expect([...chunks.values()].some((c) => c.includes('react-reconciler.development'))).toBe(false);
    expect([...chunks.values()].some((c) => c.includes('react-reconciler.production'))).toBe(true);
  });
});
