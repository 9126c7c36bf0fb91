/**
 * The panel report as a Word document (the docx package): a cover page with the inputs, the
 * panel, the consensus rule, the date and the overall counts, then one section per nominee, each
 * starting on a new page, with headings and tables. A4 portrait. Chinese text is set in SimSun
 * (宋体; headings SimHei, 黑体) through the runs' east-Asian font, and every run is marked zh-CN
 * for east-Asian text, so an application without those fonts substitutes a Chinese font of its
 * own rather than a Latin one.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType,
  type IRunOptions, type ParagraphChild,
} from 'docx';
import {
  COUNTED_LABEL, KIND_LABEL, REQUIREMENT_LABEL, STATE_LABEL, STATUS_LABEL, showMemberCounts, showLeftOut, showStates, showVerdict, showValue, totalsRule, consensusRuleText, coverNotes,
  type NomineeSection, type Report, type ReportClaim,
} from './model.js';

/** Latin and east-Asian faces of the body text and of the headings. */
export const DOCX_FONTS = {
  body: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun' },
  heading: { ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial', eastAsia: 'SimHei' },
} as const;
const LANGUAGE = { value: 'en-GB', eastAsia: 'zh-CN' } as const;
// A4 in twentieths of a point, margins of 2 cm
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;

const run = (text: string, o: Omit<IRunOptions, 'text'> = {}): TextRun => new TextRun({ text, ...o });
const para = (children: ParagraphChild[] | string, o: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; pageBreakBefore?: boolean; small?: boolean } = {}): Paragraph =>
  new Paragraph({
    children: typeof children === 'string' ? [run(children, o.small ? { size: 17 } : {})] : children,
    ...(o.heading ? { heading: o.heading } : {}),
    ...(o.pageBreakBefore ? { pageBreakBefore: true } : {}),
  });

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const cell = (content: Paragraph[] | string, o: { head?: boolean; width?: number } = {}): TableCell => new TableCell({
  children: typeof content === 'string' ? [para([run(content, o.head ? { bold: true, size: 18 } : { size: 18 })])] : content,
  ...(o.head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EDF3' } } : {}),
  ...(o.width !== undefined ? { width: { size: o.width, type: WidthType.PERCENTAGE } } : {}),
});

/** A table with a header row that repeats on every page it runs over. */
function table(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<Paragraph[] | string>>, widths?: readonly number[]): Table {
  const w = (i: number): { width?: number } => (widths?.[i] !== undefined ? { width: widths[i] as number } : {});
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    // borders and cell margins once for the table, not on every cell
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, { head: true, ...w(i) })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, w(i))) })),
    ],
  });
}

function cover(r: Report): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run('Panel report')], spacing: { after: 200 } }),
    para([run('Generated ', { bold: true }), run(r.generated)]),
    para([run('Inputs ', { bold: true }), run(r.inputs.join('; '))]),
    para([run('Review store ', { bold: true }), run(r.store ?? 'none: every claim is unreviewed, and no total can be given')]),
    para([run('Panel members ', { bold: true }), run(r.panel.length ? r.panel.join('、') : 'none recorded')]),
    para([run('Chair ', { bold: true }), run(r.chairs.length ? r.chairs.join('、') : 'no resolution recorded')]),
    para([run('Consensus rule ', { bold: true }), run(consensusRuleText(r.rule)), run(r.ruleFrom ? ` (${r.ruleFrom})` : '')]),
    para([run('Totals ', { bold: true }), run(totalsRule(r.rule))]),
    para('Overall', { heading: HeadingLevel.HEADING_2 }),
    para(`${r.counts.documents} document(s), ${r.counts.nominees} nominee(s); ${showStates(r.counts)}.`),
    ...r.counts.members.map((m) => para(showMemberCounts(m))),
  ];
  if (!r.reviewed) out.push(para([run('No review store was given: every claim is shown as unreviewed.', { bold: true })]));
  for (const n of coverNotes(r)) out.push(para(n));
  return out;
}

function coverTables(r: Report): Array<Paragraph | Table> {
  return [
    para('Documents', { heading: HeadingLevel.HEADING_2 }),
    table(['document', 'title', 'nominees', 'claims'], r.documents.map((d) => [d.path, d.title, String(d.nominees), String(d.claims)]), [34, 46, 10, 10]),
    para('Nominees', { heading: HeadingLevel.HEADING_2 }),
    table(['nominee', 'document', 'decisions'], r.sections.map((s) => [s.name, s.document, showStates(s.counts)]), [28, 36, 36]),
  ];
}

function claimCell(c: ReportClaim): Paragraph[] {
  const out = [para([run(c.text, { bold: true, size: 18 }), run(`  ${[showValue(c), c.category.replace('_', ' '), c.role === 'context' ? 'context' : '', c.period ?? ''].filter(Boolean).join(' · ')}`, { size: 16, color: '555555' })])];
  out.push(para([run(c.sentence, { size: 16, color: '444444' })]));
  if (c.corrections) out.push(para([run(`corrected: ${c.corrections}`, { size: 16, bold: true, color: '7A4B00' })]));
  for (const m of c.checks) out.push(para([run(`check: ${m}`, { size: 16, color: 'A33333' })]));
  return out;
}

function decisionCell(status: string, note: string): Paragraph[] {
  const out = [para([run(status, { size: 18, bold: status !== 'unreviewed' && status !== '—' })])];
  if (note) out.push(para([run(note, { size: 16, italics: true })]));
  return out;
}

function consensusCell(c: ReportClaim): Paragraph[] {
  const out = [para([run(STATE_LABEL[c.consensus.state], { size: 18, bold: true }), run(c.consensus.state === 'agreed' ? `: ${STATUS_LABEL[c.consensus.status]}` : c.consensus.why ? `: ${c.consensus.why}` : '', { size: 18 })])];
  if (c.chair) {
    out.push(para([run(`chair ${c.chair.reviewer}: ${STATUS_LABEL[c.chair.status]}`, { size: 16, bold: true })]));
    if (c.chair.note) out.push(para([run(c.chair.note, { size: 16, italics: true })]));
  }
  out.push(para([run(`totals: ${COUNTED_LABEL[c.counted]}`, { size: 14, color: '666666' })]));
  return out;
}

function claimsPart(s: NomineeSection, panel: readonly string[]): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [para('Claims and decisions', { heading: HeadingLevel.HEADING_2 })];
  if (s.groups.length === 0) out.push(para('No quantitative claim was found.'));
  // the claim takes what the members' columns leave (all of it but the consensus without a panel)
  const memberW = panel.length ? Math.floor(40 / panel.length) : 0;
  const widths = [panel.length ? 40 : 80, ...panel.map(() => memberW), 20];
  for (const g of s.groups) {
    out.push(para([run(g.criterion ?? '(no criterion)', { bold: true }), run(`  ${g.text}`, { size: 18 })], { heading: HeadingLevel.HEADING_3 }));
    out.push(table(
      ['claim', ...panel, 'consensus'],
      g.claims.map((c) => [claimCell(c), ...c.decisions.map((d) => decisionCell(STATUS_LABEL[d.status], d.note)), consensusCell(c)]),
      widths,
    ));
  }
  return out;
}

function totalsPart(s: NomineeSection): Paragraph[] {
  const out = [para('Totals of verified claims', { heading: HeadingLevel.HEADING_2 })];
  if (s.totals.lines.length === 0) out.push(para('No verified claim adds up to a total.'));
  for (const l of s.totals.lines) out.push(para([run(`${l.category.replace('_', ' ')}: `, { bold: true }), run(`${l.totals.join('; ')} (${l.claims} claim${l.claims === 1 ? '' : 's'})`)]));
  for (const l of s.totals.left) out.push(para(showLeftOut(l)));
  return out;
}

function nomineeSection(s: NomineeSection, panel: readonly string[]): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [run(s.name)] }),
    para([run(KIND_LABEL[s.kind] ?? s.kind, { bold: true }), run(s.title ? ` · ${s.title}` : ''), run(` · ${s.document}`, { color: '555555' })]),
    para(`Decisions: ${showStates(s.counts)}.`),
    ...s.counts.members.map((m) => para(showMemberCounts(m))),
    ...s.verdicts.map((v) => para([run('Verdict ', { bold: true }), run(showVerdict(v))])),
    para('Eligibility requirements', { heading: HeadingLevel.HEADING_2 }),
  ];
  if (s.requirements.length === 0) out.push(para('The criteria state no requirement for this nominee.'));
  else {
    out.push(table(['requirement', 'status', 'evidence'], s.requirements.map((q) => [q.threshold, [
      para([run(REQUIREMENT_LABEL[q.status], { size: 18 })]),
      ...q.verdicts.map((v) => para([run(showVerdict(v), { size: 16, italics: true })])),
    ], q.evidence ?? '—']), [28, 22, 50]));
  }
  out.push(para('Criteria coverage', { heading: HeadingLevel.HEADING_2 }));
  if (s.coverage.length === 0) out.push(para('No criteria apply (none in the document, and none given).'));
  else out.push(table(['criterion', 'evidence claims'], s.coverage.map((c) => [
    [para([run(c.criterion, { bold: true, size: 18 })]), para([run(c.text, { size: 16 })])],
    c.evidence && c.claims.length ? c.claims.map((x) => x.text).join('；') : 'no quantitative evidence',
  ]), [55, 45]));
  out.push(...claimsPart(s, panel));
  out.push(para('Arithmetic checks', { heading: HeadingLevel.HEADING_2 }));
  if (s.checks.length === 0) out.push(para('No check fired.'));
  for (const c of s.checks) out.push(para([run(`${c.kind.replace('_', ' ')}: `, { bold: true }), run(`${c.message} (${c.claims.join('、')})`)]));
  out.push(...totalsPart(s));
  return out;
}

/** The Word document of a report. */
export function reportDocument(r: Report): Document {
  const heading = { font: DOCX_FONTS.heading, language: LANGUAGE, bold: true, color: '1F3A5F' };
  return new Document({
    creator: 'shiji',
    title: 'Panel report',
    description: `shiji panel report, ${r.generated}`,
    styles: {
      default: {
        document: { run: { font: DOCX_FONTS.body, language: LANGUAGE, size: 21 }, paragraph: { spacing: { after: 60 } } },
        title: { run: { ...heading, size: 40 } },
        heading1: { run: { ...heading, size: 32 }, paragraph: { spacing: { after: 120 }, keepNext: true } },
        heading2: { run: { ...heading, size: 26 }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
        heading3: { run: { ...heading, size: 21 }, paragraph: { spacing: { before: 160, after: 60 }, keepNext: true } },
      },
    },
    sections: [{
      properties: { page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['shiji panel report · ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 16 })] })] }) },
      children: [...cover(r), ...coverTables(r), ...r.sections.flatMap((s) => nomineeSection(s, r.panel))],
    }],
  });
}

/** The report as the bytes of a .docx file. */
export function reportDocx(r: Report): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(r));
}
