/** The Word report read back: its XML unzipped (jszip), its text by mammoth, and LibreOffice's PDF where LibreOffice is installed. */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { buildReport, type Report } from '../../src/report/model.js';
import { reportDocx } from '../../src/report/docx.js';
import { panel, CHAIR, CHAIR_NOTE, GENERATED, LI, LI_NOTE, WANG, WANG_NOTE } from '../helpers/report.js';

async function unzipped(r: Report): Promise<{ bytes: Buffer; document: string; styles: string }> {
  const bytes = await reportDocx(r);
  const zip = await JSZip.loadAsync(bytes);
  return { bytes, document: await zip.file('word/document.xml')!.async('string'), styles: await zip.file('word/styles.xml')!.async('string') };
}

/** The text of each paragraph of document.xml (its w:t runs joined), and each paragraph's own XML. */
function paragraphs(xml: string): Array<{ text: string; xml: string }> {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    xml: m[0],
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]!).join('').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  }));
}

/**
 * Every element of an XML text balanced: htmlparser2 closes an element left open by an end tag
 * of another name, marking that close as implied (as it marks a self-closing tag's), and skips an
 * end tag with nothing to close; both show here.
 */
function wellFormed(xml: string): boolean {
  let ok = true;
  let ends = 0;
  const p: Parser = new Parser({
    onclosetag: (_n, implied) => {
      // an implied close is sound only as the close of a self-closing tag
      if (implied && !xml.slice(p.startIndex, p.endIndex + 1).endsWith('/>')) ok = false;
      if (!implied) ends++;
    },
  }, { xmlMode: true });
  p.write(xml); p.end();
  return ok && ends === (xml.match(/<\//g) ?? []).length && xml.startsWith('<?xml');
}

/** The checker itself catches what it is there for. */
it('the well-formedness check refuses crossed and stray tags', () => {
  expect(wellFormed('<?xml version="1.0"?><a><b/><c>x</c></a>')).toBe(true);
  expect(wellFormed('<?xml version="1.0"?><a><b><c>x</b></c></a>')).toBe(false);
  expect(wellFormed('<?xml version="1.0"?><a><b>x</a>')).toBe(false);
  expect(wellFormed('<?xml version="1.0"?><a>x</b></a>')).toBe(false);
});

describe('docx report', () => {
  it('holds every nominee, each on a new page, the decision counts, the members\' notes and the chair\'s resolution', async () => {
    const p = panel();
    const r = buildReport(p.docs, { latest: p.latest, generated: GENERATED, store: p.path, inputs: ['corpus'] });
    const { document, styles } = await unzipped(r);
    const paras = paragraphs(document);
    const text = paras.map((x) => x.text);
    // one heading with a page break before it per nominee, and no other page break
    const breaks = paras.filter((x) => x.xml.includes('<w:pageBreakBefore/>'));
    expect(breaks.map((x) => x.text)).toEqual(p.docs.flatMap((d) => d.result.nominees.map((n) => n.name)));
    for (const b of breaks) expect(b.xml).toContain('w:val="Heading1"');
    // decision counts, overall and per nominee
    const claims = r.counts.claims;
    const shanxi = p.docs[0]!.result.claims.length;
    expect(text).toContain(`${LI}: ${shanxi - 2} verified, 2 disputed, 0 needs evidence, ${claims - shanxi} not decided`);
    expect(text).toContain(`${WANG}: ${claims - 1} verified, 0 disputed, 1 needs evidence, 0 not decided`);
    expect(text.find((t) => t.startsWith(`${r.counts.documents} document(s)`))).toContain(`${claims} claims: ${shanxi - 2} agreed, 1 resolved by the chair, 1 disagreement, ${claims - shanxi} pending`);
    const yang = r.sections[0]!;
    expect(text).toContain(`Decisions: ${yang.counts.claims} claims: ${yang.counts.states.agreed} agreed, 1 resolved by the chair, 1 disagreement.`);
    // notes, escaped in the XML and whole in the text
    expect(text).toContain(WANG_NOTE);
    expect(document).toContain('附件&lt;表3&gt;与正文 &amp;');
    expect(text).toContain(LI_NOTE);
    expect(text).toContain(`chair ${CHAIR}: verified`);
    expect(text).toContain(CHAIR_NOTE);
    // the cover: inputs, panel, rule, date
    expect(text).toContain('Panel report');
    expect(text).toContain(`Panel members ${LI}、${WANG}`);
    expect(text).toContain(`Chair ${CHAIR}`);
    expect(text.find((t) => t.startsWith('Consensus rule'))).toContain('unanimous');
    expect(text).toContain(`Generated ${GENERATED}`);
    expect(text).toContain('Inputs corpus');
    // sections' parts
    for (const h of ['Eligibility requirements', 'Criteria coverage', 'Claims and decisions', 'Arithmetic checks', 'Totals of verified claims']) {
      expect(text.filter((t) => t === h), h).toHaveLength(r.sections.length);
    }
    expect(text).toContain('no quantitative evidence');
    expect(text.some((t) => /^cases resolved: .*701/.test(t))).toBe(true);
    expect(text.some((t) => t.startsWith('Left out, not verified: '))).toBe(true);
    // A4, and Chinese in SimSun with text marked zh-CN
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(styles).toMatch(/<w:rFonts [^>]*w:eastAsia="SimSun"/);
    expect(styles).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    expect(wellFormed(document)).toBe(true);
    expect(wellFormed(styles)).toBe(true);
  });

  it('opens in another reader (mammoth) with the same nominees and notes', async () => {
    const p = panel();
    const r = buildReport(p.docs, { latest: p.latest, generated: GENERATED });
    const { value, messages } = await mammoth.convertToHtml({ buffer: await reportDocx(r) });
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    for (const s of r.sections) expect(value).toContain(`<h1>${s.name}</h1>`);
    expect(value).toContain(CHAIR_NOTE);
    expect(value).toContain('附件&lt;表3&gt;与正文 &amp; "数字"一致');
  });

  it('without a store the cover says every claim is unreviewed; reviewers\' verdicts are shown', async () => {
    const p = panel();
    const verdicts = [
      { reviewer: WANG, role: 'member' as const, nominee: 'n4', requirement: null, verdict: 'met', note: '材料齐全' },
      { reviewer: CHAIR, role: 'chair' as const, nominee: 'n4', requirement: 'individual-general', verdict: 'not_met', note: '' },
    ];
    const { document } = await unzipped(buildReport([{ ...p.docs[0]!, verdicts }], { generated: GENERATED }));
    const text = paragraphs(document).map((x) => x.text);
    expect(text).toContain(`Verdict ${WANG}: met — 材料齐全`);
    expect(text).toContain(`${CHAIR} (chair): not met`);
    expect(text).toContain('No review store was given: every claim is shown as unreviewed.');
    expect(text).toContain('Review store none: every claim is unreviewed, and no total can be given');
    expect(text.filter((t) => t === 'No verified claim adds up to a total.')).toHaveLength(6);
  });

  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((f) => existsSync(f));
  it.skipIf(!soffice)('LibreOffice converts it to an A4 PDF, a page per nominee at least', async () => {
    const p = panel();
    const r = buildReport(p.docs.slice(0, 1), { latest: p.latest, generated: GENERATED });
    const dir = mkdtempSync(join(tmpdir(), 'shiji-report-'));
    writeFileSync(join(dir, 'report.docx'), await reportDocx(r));
    const run = spawnSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const pdf = readFileSync(join(dir, 'report.pdf'), 'latin1');
    const pages = [...pdf.matchAll(/\/Type\s*\/Page[^s]/g)].length;
    expect(pages).toBeGreaterThanOrEqual(1 + r.sections.length);
    expect(pdf).toMatch(/\/MediaBox\s*\[\s*0 0 595(?:\.\d+)? 841(?:\.\d+)?\s*\]/);
  }, 150_000);
});
