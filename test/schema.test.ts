/** The JSON output is what docs/extract.schema.json says it is, on every corpus document and real write-up. */
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtempSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { devSetDir } from './quality/sets.js';

const schema = JSON.parse(readFileSync('docs/extract.schema.json', 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const cache = join(mkdtempSync(join(tmpdir(), 'shiji-schema-')), 'cache.sqlite');
const extract = (...inputs: string[]): unknown => {
  const r = spawnSync(process.execPath, ['dist/cli.js', 'extract', ...inputs, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, SHIJI_CACHE: cache } });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as unknown;
};
const problems = (): string[] => (validate.errors ?? []).slice(0, 5).map((e: ErrorObject) => `${e.instancePath} ${e.message ?? ''}`);

describe('docs/extract.schema.json', () => {
  it('holds for the whole corpus, spans included', () => {
    const out = extract('corpus') as { documents: Array<{ path: string; claims: Array<{ start: number; end: number; text: string }> }> };
    expect(validate(out), problems().join('; ')).toBe(true);
    expect(out.documents.length).toBeGreaterThanOrEqual(18);
  });

  it.skipIf(devSetDir() === null)('holds for the real write-ups of the development set', () => {
    expect(validate(extract(join(devSetDir() as string, 'texts'))), problems().join('; ')).toBe(true);
  });

  it('refuses output that breaks the contract', () => {
    const out = extract('corpus/liulin-wang-xiuying.standalone.txt') as { documents: Array<{ claims: Array<Record<string, unknown>> }> };
    const claim = out.documents[0]?.claims[0] as Record<string, unknown>;
    claim['approx'] = 'roughly';
    delete claim['sentence'];
    expect(validate(out)).toBe(false);
    expect(problems().join(' ')).toMatch(/approx|sentence/);
  });
});
