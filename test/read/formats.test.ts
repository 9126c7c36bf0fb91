/** Web pages, Word files and PDFs give the same claims as the text they carry. */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { analyseBytes, analyseBytesAsync, buildView, extractDocument, formatOf, htmlToText, type DocumentResult } from '../../src/index.js';

const dir = 'test/fixtures/formats';
const source = analyseBytes(readFileSync(`${dir}/source.txt`), 'source.txt').result;
const brief = (r: DocumentResult): string[] => r.claims.map((c) => `${r.nominees.find((n) => n.id === c.nominee)?.name}|${c.value}|${c.unit}|${c.approx}|${c.category}`);
const tmp = mkdtempSync(join(tmpdir(), 'shiji-formats-'));

describe('formats', () => {
  it.each([['notice.html', 'html', 'utf-8'], ['notice.docx', 'docx', 'utf-8'], ['notice.pdf', 'pdf', 'pdf']])('%s gives the claims of the text it carries', async (file, format, encoding) => {
    const a = await analyseBytesAsync(readFileSync(`${dir}/${file}`), file);
    expect(a.result).toMatchObject({ format, encoding });
    expect(brief(a.result)).toEqual(brief(source));
    for (const c of a.result.claims) expect(a.text.slice(c.start, c.end)).toBe(c.text);
    expect(a.result.nominees.map((n) => n.name)).toEqual(['柳河县信访局', '周晓梅']);
  }, 30000);

  it('drops scripts, styles, navigation, page furniture and hidden parts of a web page', () => {
    const text = htmlToText(readFileSync(`${dir}/notice.html`, 'utf8'));
    for (const gone of ['访问量', '_hmt', '政务公开', '备案号', '隐藏内容', '分享到', 'font-family']) expect(text).not.toContain(gone);
    expect(text).toContain('2020年，全局共接待来访群众1,268批3,415人次');
    expect(text.split('\n\n').length).toBeGreaterThan(8); // paragraphs kept
    expect(htmlToText('<p>甲&nbsp;&amp;乙</p><p>丙<br>丁</p>')).toBe('甲\u00a0&乙\n\n丙\n丁');
  });

  it('rebuilds PDF lines so that sentences survive line and page breaks', async () => {
    const x = await extractDocument(readFileSync(`${dir}/notice.pdf`), 'notice.pdf');
    const view = buildView(x.text);
    expect(view.text).toContain('为群众追回拖欠工资1,350余万元');
    // the PDF's fonts put Kangxi radicals (⼈) for ideographs (人): the view folds them back
    expect(x.text).toMatch(/[\u2e80-\u2fd5]/);
    expect(view.text).toContain('柳河县信访局接待股股长');
  }, 30000);

  it('prints the extracted text with --text, so spans can be checked', () => {
    const r = spawnSync(process.execPath, ['dist/cli.js', 'extract', `${dir}/notice.docx`, '--text', '--no-cache'], { encoding: 'utf8' });
    const j = spawnSync(process.execPath, ['dist/cli.js', 'extract', `${dir}/notice.docx`, '--json', '--no-cache'], { encoding: 'utf8' });
    const doc = (JSON.parse(j.stdout) as { documents: DocumentResult[] }).documents[0]!;
    for (const c of doc.claims) expect(r.stdout.slice(c.start, c.end)).toBe(c.text);
  });

  it('names what a misnamed or broken file is', async () => {
    expect(formatOf('a.txt', new TextEncoder().encode('<!DOCTYPE html><html>'))).toBe('html');
    expect(formatOf('a', readFileSync(`${dir}/notice.pdf`))).toBe('pdf');
    const fakePdf = join(tmp, 'fake.pdf');
    writeFileSync(fakePdf, '这不是PDF');
    await expect(extractDocument(readFileSync(fakePdf), fakePdf)).rejects.toThrow(`${fakePdf}: not a valid PDF file (no %PDF signature)`);
    const brokenDocx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    await expect(extractDocument(brokenDocx, 'broken.docx')).rejects.toThrow(/^broken\.docx: not a readable Word document/);
    const truncatedPdf = readFileSync(`${dir}/notice.pdf`).subarray(0, 2000);
    await expect(extractDocument(truncatedPdf, 'cut.pdf')).rejects.toThrow(/^cut\.pdf: /);
    expect(() => formatOf('a.txt', brokenDocx)).toThrow('a.txt: a ZIP archive named .txt, not a .docx document');
  });
});
