/** Runs the built binary as a user would (npm test builds it first). */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NOTICE = 'corpus/shanxi-2017-xinfang-nominees.txt';
const tmp = mkdtempSync(join(tmpdir(), 'shiji-cli-'));
function shiji(...args: string[]) {
  const r = spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', env: { ...process.env, SHIJI_CACHE: join(tmp, 'cache.sqlite') } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('shiji binary', () => {
  it('prints help', () => {
    const r = shiji('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('shiji extract');
  });

  it.each(['extract', 'review', 'export', 'merge', 'agreement', 'panel'])('%s --help prints that command\'s usage and exits 0', (cmd) => {
    const r = shiji(cmd, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`shiji ${cmd}`);
    expect(r.stdout.split('\n').filter((l) => /^shiji (?:extract|review|export|merge|agreement|panel)/.test(l.trim()))).toEqual([expect.stringContaining(`shiji ${cmd}`)]);
  });

  it('a mistyped command gets a suggestion, a far one none', () => {
    expect(shiji('revew').stderr).toBe('shiji: unknown command "revew" (did you mean review?) (see shiji --help)\n');
    expect(shiji('exprot', 'corpus').stderr).toContain('did you mean export?');
    const far = shiji('frobnicate');
    expect(far.code).toBe(2);
    expect(far.stderr).not.toContain('did you mean');
  });

  it('extract --json follows the contract', () => {
    const r = shiji('extract', NOTICE, '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { documents: Array<Record<string, unknown> & { claims: Array<Record<string, unknown>> }> };
    expect(out.documents).toHaveLength(1);
    const d = out.documents[0]!;
    expect(d).toMatchObject({ path: NOTICE, encoding: 'utf-8', title: '关于全国信访系统先进集体 和先进工作者正式推荐对象的公示' });
    expect(d['sha256']).toMatch(/^[0-9a-f]{64}$/);
    for (const k of ['nominees', 'criteria', 'claims', 'checks']) expect(Array.isArray(d[k])).toBe(true);
    const text = readFileSync(NOTICE, 'utf8');
    for (const c of d.claims) {
      for (const k of ['id', 'nominee', 'start', 'end', 'text', 'value', 'from', 'approx', 'unit', 'category', 'direction', 'period', 'sentence', 'section', 'criteria']) expect(c).toHaveProperty(k);
      expect(text.slice(c['start'] as number, c['end'] as number)).toBe(c['text']);
    }
  });

  it('extract --jsonl writes one document per line; --text the decoded text', () => {
    const r = shiji('extract', 'corpus', '--jsonl');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(7);
    for (const l of lines) expect(JSON.parse(l)).toHaveProperty('claims');
    const t = shiji('extract', 'corpus/qinghe-2019-notice.gbk.txt', '--text');
    expect(t.stdout).toContain('青河市信访局复查复核科');
  });

  it('reports each bad input on one line, goes on with the rest, exits 1', () => {
    writeFileSync(join(tmp, 'empty.txt'), '');
    writeFileSync(join(tmp, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    writeFileSync(join(tmp, 'bad.txt'), Buffer.from([0xc8, 0xab, 0xff, 0xff, 0xff]));
    const r = shiji('extract', join(tmp, 'missing.txt'), join(tmp, 'empty.txt'), join(tmp, 'image.txt'), join(tmp, 'bad.txt'), NOTICE, '--json');
    expect(r.code).toBe(1);
    const errs = r.stderr.trim().split('\n');
    expect(errs).toEqual([
      `shiji: ${join(tmp, 'missing.txt')}: no such file or directory`,
      `shiji: ${join(tmp, 'empty.txt')}: empty file`,
      `shiji: ${join(tmp, 'image.txt')}: binary file (contains NUL bytes), not a text document`,
      `shiji: ${join(tmp, 'bad.txt')}: bytes are neither valid UTF-8 nor GB18030/GBK`,
    ]);
    expect((JSON.parse(r.stdout) as { documents: unknown[] }).documents).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\s+at /);
  });

  it('rejects usage errors with exit 2', () => {
    expect(shiji('extract').code).toBe(2);
    expect(shiji('frobnicate').code).toBe(2);
    const r = shiji('extract', NOTICE, '--bogus');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('review without a terminal prints a plain summary and exits 0', () => {
    const r = shiji('review', NOTICE, '--db', join(tmp, 'r.sqlite'), '--reviewer', 'ci');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('no terminal');
    expect(r.stdout).toMatch(/阳泉市信访局\s+10\s+0\/10/);
    expect(r.stdout).not.toMatch(/Raw mode/);
  });

  it('serves a second run from the cache', () => {
    const first = shiji('extract', NOTICE, '--json');
    const second = shiji('extract', NOTICE, '--json');
    expect(second.stdout).toBe(first.stdout);
    expect(shiji('extract', NOTICE, '--json', '--no-cache').stdout).toBe(first.stdout);
  });

  it('prints a readable summary without flags', () => {
    const r = shiji('extract', NOTICE);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('6 nominees, 11 criteria');
    expect(r.stdout).toContain('阳泉市信访局');
  });
});
