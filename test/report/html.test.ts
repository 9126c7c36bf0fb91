/** The HTML report parsed back with htmlparser2. */
import { describe, expect, it } from 'vitest';
import { parseDocument, DomUtils } from 'htmlparser2';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReport } from '../../src/report/model.js';
import { reportHtml, CJK_FONT_STACK } from '../../src/report/html.js';
import { panel, CHAIR, CHAIR_NOTE, GENERATED, LI, LI_NOTE, WANG, WANG_NOTE } from '../helpers/report.js';

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];
/** The text of an element, its text nodes joined by a space. */
const text = (e: Element): string => DomUtils.filter((n) => n.type === 'text', e).map((t) => DomUtils.textContent(t)).join(' ').replace(/\s+/g, ' ').trim();

describe('html report', () => {
  it('one section per nominee, breaking the page, with the decisions, notes and chair', () => {
    const p = panel();
    const r = buildReport(p.docs, { latest: p.latest, generated: GENERATED, store: p.path });
    const html = reportHtml(r);
    const dom = parseDocument(html);
    const sections = DomUtils.getElementsByTagName('section', dom).filter((s) => s.attribs['class'] === 'nominee');
    expect(sections.map((s) => text(DomUtils.getElementsByTagName('h1', s)[0]!))).toEqual(p.docs.flatMap((d) => d.result.nominees.map((n) => n.name)));
    for (const s of sections) {
      expect(DomUtils.getElementsByTagName('h2', s).map(text)).toEqual(['Eligibility requirements', 'Criteria coverage', 'Claims and decisions', 'Arithmetic checks', 'Totals of verified claims']);
    }
    const yang = sections[0]!;
    const row = DomUtils.findOne((e) => e.attribs['data-claim'] === p.resolved.claim.id, yang.children)!;
    const cells = DomUtils.getElementsByTagName('td', row);
    expect(cells.map((c) => c.attribs['data-reviewer'] ?? '')).toEqual(['', LI, WANG, '']);
    expect(text(cells[1]!)).toBe(`disputed ${LI_NOTE}`);
    expect(text(cells[2]!)).toBe('verified');
    expect(text(cells[3]!)).toContain(`resolved by the chair`);
    expect(text(cells[3]!)).toContain(`chair ${CHAIR}: verified ${CHAIR_NOTE}`);
    expect(html).toContain(`${WANG}: ${r.counts.claims - 1} verified, 0 disputed, 1 needs evidence, 0 not decided`);
    // a note with markup characters is text, not markup
    expect(html).toContain('附件&lt;表3&gt;与正文 &amp; &quot;数字&quot;一致');
    expect(DomUtils.findOne((e) => text(e) === WANG_NOTE && e.attribs['class'] === 'note', dom.children)).not.toBeNull();
    expect(DomUtils.getElementsByTagName('表3', dom)).toEqual([]);
    expect(DomUtils.getElementsByTagName('script', dom)).toEqual([]);
    // printed on A4, each nominee on a new page, in a CJK font
    const style = DomUtils.getElementsByTagName('style', dom).map((s) => DomUtils.textContent(s)).join('');
    expect(style).toMatch(/@page\s*\{\s*size:\s*A4/);
    expect(style).toMatch(/section\.nominee\s*\{[^}]*break-before:\s*page/);
    expect(style).toContain(`font-family: ${CJK_FONT_STACK}`);
    expect(CJK_FONT_STACK).toBe('"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif');
    expect(DomUtils.getElementsByTagName('html', dom)[0]!.attribs['lang']).toBe('zh-CN');
    // self-contained: nothing fetched
    expect(html).not.toMatch(/<(?:link|img|script|iframe)\b|url\(|@import|https?:\/\//);
  });

  it('escapes what the documents and the store hold', () => {
    const p = panel();
    const d = p.docs[0]!;
    const evil = { ...d.result, path: 'x/<b>evil</b>.txt', nominees: d.result.nominees.map((n, i) => (i === 0 ? { ...n, name: '<img src=x onerror=alert(1)>局' } : n)) };
    const latest = p.latest.map((x) => (x.reviewer === LI ? { ...x, reviewer: '李"><script>x</script>' } : x));
    const html = reportHtml(buildReport([{ result: evil, text: d.text }], { latest, generated: '<now>' }));
    const dom = parseDocument(html);
    expect(DomUtils.getElementsByTagName('img', dom)).toEqual([]);
    expect(DomUtils.getElementsByTagName('script', dom)).toEqual([]);
    expect(DomUtils.getElementsByTagName('b', dom)).toEqual([]);
    expect(text(DomUtils.getElementsByTagName('h1', dom)[1]!)).toBe('<img src=x onerror=alert(1)>局');
    expect(DomUtils.findAll((e) => e.attribs['data-reviewer'] === '李"><script>x</script>', dom.children).length).toBeGreaterThan(0);
  });

  it('without a store: every claim unreviewed, said on the cover', () => {
    const p = panel();
    const html = reportHtml(buildReport(p.docs.slice(0, 1), { generated: GENERATED }));
    expect(html).toContain('No review store was given: every claim is shown as unreviewed.');
    const dom = parseDocument(html);
    // no member columns: claim and consensus only
    const heads = DomUtils.getElementsByTagName('th', DomUtils.getElementsByTagName('section', dom)[1]!).map(text);
    expect(heads).toContain('consensus');
    expect(heads).not.toContain(WANG);
  });
});

describe('html report in a browser', () => {
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((f) => existsSync(f));
  /** the page count and page size of the PDF headless Chromium prints of an HTML text */
  const printed = (html: string): { pages: number; a4: boolean } => {
    const dir = mkdtempSync(join(tmpdir(), 'shiji-report-html-'));
    writeFileSync(join(dir, 'r.html'), html);
    const run = spawnSync(chromium!, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${join(dir, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${join(dir, 'r.pdf')}`, pathToFileURL(join(dir, 'r.html')).href,
    ], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const pdf = readFileSync(join(dir, 'r.pdf'), 'latin1');
    return { pages: [...pdf.matchAll(/\/Type\s*\/Page[^s]/g)].length, a4: /\/MediaBox\s*\[\s*0 0 59[45](?:\.\d+)? 84[12](?:\.\d+)?\s*\]/.test(pdf) };
  };
  it.skipIf(!chromium)('prints on A4 with each nominee on a page of its own', () => {
    const p = panel();
    // a short notice: without the page breaks its two nominees would share the cover's page
    const doc = p.docs[0]!;
    const small = { ...doc.result, nominees: doc.result.nominees.slice(1, 3), claims: doc.result.claims.filter((c) => c.nominee === 'n2' || c.nominee === 'n3').slice(0, 4) };
    const html = reportHtml(buildReport([{ result: small, text: doc.text }], { generated: GENERATED }));
    const broken = printed(html);
    expect(broken.a4).toBe(true);
    expect(broken.pages).toBeGreaterThanOrEqual(3);
    const unbroken = printed(html.replace(/break-before: page; page-break-before: always;/, ''));
    expect(unbroken.pages).toBeLessThan(broken.pages);
  }, 150_000);
});
