/**
 * Our write-ups with planted slips (corpus/*slips*, labelled in test/labels/*.checks.yaml):
 * every slip is caught with the claims it involves, and nothing else fires.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { analyseBytes } from '../../src/index.js';

const files = readdirSync('test/labels').filter((f) => f.endsWith('.checks.yaml')).sort();

describe('write-ups with planted slips', () => {
  it('are there: the notice and the web work summary', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });
  it.each(files)('%s: every slip caught, nothing else', (file) => {
    const labels = parse(readFileSync(`test/labels/${file}`, 'utf8')) as { document: string; checks: Array<{ kind: string; claims: string[] }> };
    const r = analyseBytes(readFileSync(labels.document), labels.document).result;
    const found = r.checks.map((c) => ({ kind: c.kind, claims: c.claims.map((id) => r.claims.find((x) => x.id === id)?.text ?? '?') }));
    const missed = labels.checks.filter((l) => !found.some((f) => f.kind === l.kind && l.claims.every((t) => f.claims.includes(t))));
    const extra = found.filter((f) => !labels.checks.some((l) => f.kind === l.kind && l.claims.every((t) => f.claims.includes(t))));
    expect({ missed, extra }).toEqual({ missed: [], extra: [] });
  });
});
