/**
 * The development set outside the repository (../shared/dev: real write-ups with hand labels):
 * every labelled arithmetic slip is caught, and no check fires anywhere else. Skipped where the
 * folder is absent. The texts are read in place, never copied.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyseBytes } from '../../src/index.js';

const DEV = '../shared/dev';
const labelDir = join(DEV, 'labels');
const present = existsSync(labelDir);
interface Labels { text: string; arithmetic: Array<{ at: number; why: string }> }
const sets = present ? readdirSync(labelDir).filter((f) => f.endsWith('.json')).sort() : [];

describe.skipIf(!present)('development set: checks', () => {
  it.each(sets)('%s: labelled slips caught, nothing else', (file) => {
    const labels = JSON.parse(readFileSync(join(labelDir, file), 'utf8')) as Labels;
    const path = join(DEV, labels.text);
    const r = analyseBytes(readFileSync(path), path).result;
    const byId = new Map(r.claims.map((c) => [c.id, c]));
    const covers = (ids: readonly string[], at: number): boolean => ids.some((id) => { const c = byId.get(id); return c !== undefined && c.start <= at && at < c.end; });
    const missed = labels.arithmetic.filter((a) => !r.checks.some((k) => covers(k.claims, a.at))).map((a) => `${a.at}: ${a.why}`);
    const unlabelled = r.checks.filter((k) => !labels.arithmetic.some((a) => covers(k.claims, a.at))).map((k) => `${k.kind}: ${k.message}`);
    expect({ missed, unlabelled }).toEqual({ missed: [], unlabelled: [] });
  });
});
