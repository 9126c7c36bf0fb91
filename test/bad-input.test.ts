/** Each bad input gets one line naming the file and the problem, a non-zero exit, no stack trace; the rest is still analysed. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tmp = mkdtempSync(join(tmpdir(), 'shiji-bad-'));
const GOOD = 'corpus/liulin-wang-xiuying.standalone.txt';
function extract(...paths: string[]) {
  const r = spawnSync(process.execPath, ['dist/cli.js', 'extract', ...paths, GOOD, '--json', '--no-cache'], { encoding: 'utf8' });
  const docs = r.stdout ? (JSON.parse(r.stdout) as { documents: Array<{ path: string; warnings: string[]; nominees: Array<{ name: string }> }> }).documents : [];
  return { code: r.status, errors: r.stderr.trim().split('\n').filter(Boolean), docs };
}

describe('bad input', () => {
  it.each([
    ['a missing path', () => join(tmp, 'nope.txt'), 'no such file or directory'],
    ['a directory without supported files', () => { const d = join(tmp, 'images'); mkdirSync(d, { recursive: true }); writeFileSync(join(d, 'a.png'), 'x'); return d; }, 'no supported files (.txt .md .markdown .text .html .htm .xhtml .docx .pdf) in this directory'],
    ['an empty file', () => { const f = join(tmp, 'empty.txt'); writeFileSync(f, ''); return f; }, 'empty file'],
    ['a binary file', () => { const f = join(tmp, 'bin.txt'); writeFileSync(f, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0])); return f; }, 'binary file (contains NUL bytes), not a text document'],
    ['undecodable bytes', () => { const f = join(tmp, 'bad.txt'); writeFileSync(f, Buffer.from([0xe4, 0xb8, 0xad, 0xff, 0xfe, 0xfd, 0x81])); return f; }, 'bytes are neither valid UTF-8 nor GB18030/GBK'],
    ['a 50 MB file', () => { const f = join(tmp, 'huge.txt'); const fd = openSync(f, 'w'); ftruncateSync(fd, 51 * 1024 * 1024); closeSync(fd); return f; }, 'file is 51.0 MB, over the 50 MB limit'],
    ['a broken PDF', () => { const f = join(tmp, 'broken.pdf'); writeFileSync(f, '%PDF-1.7\ngarbage'); return f; }, /^not a readable PDF/],
  ])('%s', (_name, make, message) => {
    const path = make();
    const r = extract(path);
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    const line = r.errors[0] as string;
    expect(line.startsWith(`shiji: ${path}: `)).toBe(true);
    const rest = line.slice(`shiji: ${path}: `.length);
    if (typeof message === 'string') expect(rest).toBe(message); else expect(rest).toMatch(message);
    expect(r.docs.map((d) => d.path)).toEqual([GOOD]); // the other input is still analysed
  });

  it('a file with no recognisable structure is a standalone write-up', () => {
    const f = join(tmp, 'loose.txt');
    writeFileSync(f, '今年以来，全县共化解信访积案120件，接待群众3000余人次。');
    const r = extract(f);
    expect(r.code).toBe(0);
    expect(r.docs[0]).toMatchObject({ path: f, nominees: [] });
  });

  it('a listed nominee without a section, and a section for someone not listed, are both reported', () => {
    const f = join(tmp, 'mismatch.txt');
    writeFileSync(f, '公示\n\n一、先进集体推荐对象\n\n1、甲县信访局\n\n2、乙县信访局\n\n甲县信访局主要事迹：\n\n化解积案50件。\n\n丙县信访局主要事迹：\n\n化解积案30件。\n');
    const r = extract(f);
    expect(r.code).toBe(0);
    expect(r.docs[0]?.warnings).toEqual(['丙县信访局: has an achievement section but is not in the nominee list', '乙县信访局: listed, but no achievement section found']);
    expect(r.docs[0]?.nominees.map((n) => n.name)).toEqual(['甲县信访局', '乙县信访局', '丙县信访局']);
  });

  it('an unusable --criteria file is one line and exit 1', () => {
    const r = spawnSync(process.execPath, ['dist/cli.js', 'extract', GOOD, '--criteria', join(tmp, 'none.yaml')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`shiji: ${join(tmp, 'none.yaml')}: criteria file not found\n`);
  });
});
