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
    // CSV headers are the column keys; the labels (member names, the rule) are the JSON columns' headers
    for (const h of [`member_${WANG}`, `member_${WANG}_note`, `member_${LI}`, `member_${LI}_note`, 'consensus', 'chair', 'chair_note']) expect(header).toContain(h);
    const first = rows.find((x) => x['claim_id'] === p.resolved.claim.id)!;
    expect(first[`member_${WANG}`]).toBe('verified');
    expect(first[`member_${LI}`]).toBe('disputed');
    expect(first[`member_${LI}_note`]).toBe(LI_NOTE);
    expect(first['consensus']).toBe('verified (chair)');
    expect(first['chair']).toBe(`${CHAIR}: verified`);
    expect(first['chair_note']).toBe(CHAIR_NOTE);
    // the chair's resolution is the claim's review status: it counts in the totals
    expect(first['review_status']).toBe('verified');
    const open = rows.find((x) => x['claim_id'] === p.open.claim.id)!;
    expect(open['consensus']).toMatch(/^disagreement: 1 of 2 disputed/);
    expect(open['review_status']).toBe('disputed');
    type JsonColumns = { claims: { columns: Array<{ key: string; header: string }> } };
    const labels = (extra: string[]): Record<string, string> => {
      const j = run(['export', 'corpus/shanxi-2017-xinfang-nominees.txt', '--format', 'json', '--table', 'claims', '--db', p.path, ...extra]);
      expect(j.status, j.stderr).toBe(0);
      return Object.fromEntries((JSON.parse(j.stdout) as JsonColumns).claims.columns.map((c) => [c.key, c.header]));
    };
    expect(labels([])).toMatchObject({ [`member_${WANG}`]: WANG, [`member_${WANG}_note`]: `${WANG} note`, [`member_${LI}`]: LI, [`member_${LI}_note`]: `${LI} note`, consensus: 'consensus (unanimous)', chair: 'chair', chair_note: 'chair note' });
    // the rule for this run only
    expect(labels(['--consensus', 'majority'])['consensus']).toBe('consensus (majority)');
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
