import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { panel, WANG, LI, CHAIR, LI_NOTE, CHAIR_NOTE } from './helpers/report.js';

const run = (args: string[]) => spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', env: process.env });

describe('export with a merged panel store', () => {
  it('gives one column per member, the consensus and the chair, and totals follow the chair', () => {
    const p = panel();
    const r = run(['export', 'corpus/shanxi-2017-xinfang-nominees.txt', '--format', 'csv', '--table', 'claims', '--db', p.path]);
    expect(r.status, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    const header = Object.keys(rows[0]!);
    for (const h of [WANG, `${WANG} note`, LI, `${LI} note`, 'consensus (unanimous)', 'chair', 'chair note']) expect(header).toContain(h);
    const first = rows.find((x) => x['claim id'] === p.resolved.claim.id)!;
    expect(first[WANG]).toBe('verified');
    expect(first[LI]).toBe('disputed');
    expect(first[`${LI} note`]).toBe(LI_NOTE);
    expect(first['consensus (unanimous)']).toBe('verified (chair)');
    expect(first['chair']).toBe(`${CHAIR}: verified`);
    expect(first['chair note']).toBe(CHAIR_NOTE);
    // the chair's resolution is the claim's review status: it counts in the totals
    expect(first['review status']).toBe('verified');
    const open = rows.find((x) => x['claim id'] === p.open.claim.id)!;
    expect(open['consensus (unanimous)']).toMatch(/^disagreement: 1 of 2 disputed/);
    expect(open['review status']).toBe('disputed');
    // the rule for this run only
    const maj = run(['export', 'corpus/shanxi-2017-xinfang-nominees.txt', '--format', 'csv', '--table', 'claims', '--db', p.path, '--consensus', 'majority']);
    expect(Object.keys((parse(maj.stdout, { columns: true }) as Array<Record<string, string>>)[0]!)).toContain('consensus (majority)');
  });

  it('refuses a bad rule, and a rule without a store, with one line and exit 2', () => {
    const bad = run(['export', 'corpus/shanxi-2017-xinfang-nominees.txt', '--format', 'csv', '--db', panel().path, '--consensus', 'most']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const alone = run(['export', 'corpus/shanxi-2017-xinfang-nominees.txt', '--format', 'csv', '--consensus', 'majority']);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toMatch(/--consensus needs --db/);
  });
});
