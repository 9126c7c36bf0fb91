/**
 * The panel report as one self-contained HTML page (no script, no network): the cover, then one
 * section per nominee. It prints on A4 (`@page { size: A4 }`), each nominee's section starting a
 * new page (`break-before: page`), table headers repeating and rows kept whole across pages.
 * Every text from a document or a store is escaped. Chinese is set in a CJK serif stack.
 */
import {
  COUNTED_LABEL, KIND_LABEL, REQUIREMENT_LABEL, STATE_LABEL, STATUS_LABEL, showMemberCounts, showLeftOut, showStates, showVerdict, showValue, totalsRule, consensusRuleText, coverNotes,
  type NomineeSection, type Report, type ReportClaim,
} from './model.js';

export const CJK_FONT_STACK = '"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif';

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
html { font-family: ${CJK_FONT_STACK}; font-size: 10.5pt; color: #1d1d1d; }
body { margin: 0 auto; max-width: 178mm; padding: 12mm 0; }
h1, h2, h3 { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", "Heiti SC", sans-serif; color: #1f3a5f; }
h1 { font-size: 17pt; margin: 0 0 4pt; } h2 { font-size: 13pt; margin: 14pt 0 4pt; } h3 { font-size: 11pt; margin: 10pt 0 3pt; }
.cover h1 { font-size: 22pt; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 3pt 0 6pt; }
th, td { border: 0.5pt solid #999; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #e8edf3; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
.sentence { color: #444; font-size: 8.5pt; }
.meta { color: #555; }
.note { font-style: italic; }
.check { color: #a33; font-size: 8.5pt; }
.corrected { color: #7a4b00; font-weight: bold; font-size: 8.5pt; }
.counted { color: #666; font-size: 8pt; }
.none { color: #a33; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 10pt; } dt { font-weight: bold; } dd { margin: 0; }
section.nominee { break-before: page; page-break-before: always; }
@media screen { body { padding: 24px; } section.nominee { border-top: 2px solid #1f3a5f; margin-top: 28px; padding-top: 8px; } }
`;

function coverHtml(r: Report): string {
  const dl = [
    ['Generated', r.generated], ['Inputs', r.inputs.join('; ')],
    ['Review store', r.store ?? 'none: every claim is unreviewed, and no total can be given'],
    ['Panel members', r.panel.length ? r.panel.join('、') : 'none recorded'],
    ['Chair', r.chairs.length ? r.chairs.join('、') : 'no resolution recorded'],
    ['Consensus rule', `${consensusRuleText(r.rule)}${r.ruleFrom ? ` (${r.ruleFrom})` : ''}`],
    ['Totals', totalsRule(r.rule)],
  ].map(([k, v]) => `<dt>${esc(k as string)}</dt><dd>${esc(v as string)}</dd>`).join('');
  const notes = [
    ...(r.reviewed ? [] : ['<p><strong>No review store was given: every claim is shown as unreviewed.</strong></p>']),
    ...coverNotes(r).map((n) => `<p>${esc(n)}</p>`),
  ];
  return `<section class="cover"><h1>Panel report</h1><dl>${dl}</dl>
<h2>Overall</h2><p>${r.counts.documents} document(s), ${r.counts.nominees} nominee(s); ${esc(showStates(r.counts))}.</p>
${r.counts.members.map((m) => `<p>${esc(showMemberCounts(m))}</p>`).join('\n')}
${notes.join('\n')}
<h2>Documents</h2><table><thead><tr><th>document</th><th>title</th><th>nominees</th><th>claims</th></tr></thead><tbody>
${r.documents.map((d) => `<tr><td>${esc(d.path)}</td><td>${esc(d.title)}</td><td>${d.nominees}</td><td>${d.claims}</td></tr>`).join('\n')}
</tbody></table>
<h2>Nominees</h2><table><thead><tr><th>nominee</th><th>document</th><th>decisions</th></tr></thead><tbody>
${r.sections.map((s) => `<tr><td>${esc(s.name)}</td><td>${esc(s.document)}</td><td>${esc(showStates(s.counts))}</td></tr>`).join('\n')}
</tbody></table></section>`;
}

function claimRow(c: ReportClaim): string {
  const meta = [showValue(c), c.category.replace('_', ' '), c.role === 'context' ? 'context' : '', c.period ?? ''].filter(Boolean).join(' · ');
  const claim = `<strong>${esc(c.text)}</strong> <span class="meta">${esc(meta)}</span><div class="sentence">${esc(c.sentence)}</div>${c.corrections ? `<div class="corrected">corrected: ${esc(c.corrections)}</div>` : ''}${c.checks.map((m) => `<div class="check">check: ${esc(m)}</div>`).join('')}`;
  const members = c.decisions.map((d) => `<td data-reviewer="${esc(d.reviewer)}">${esc(STATUS_LABEL[d.status])}${d.note ? `<div class="note">${esc(d.note)}</div>` : ''}</td>`).join('');
  const why = c.consensus.state === 'agreed' ? `: ${STATUS_LABEL[c.consensus.status]}` : c.consensus.why ? `: ${c.consensus.why}` : '';
  const chair = c.chair ? `<div class="chair"><strong>chair ${esc(c.chair.reviewer)}: ${esc(STATUS_LABEL[c.chair.status])}</strong>${c.chair.note ? `<div class="note">${esc(c.chair.note)}</div>` : ''}</div>` : '';
  return `<tr data-claim="${esc(c.id)}"><td>${claim}</td>${members}<td><strong>${esc(STATE_LABEL[c.consensus.state])}</strong>${esc(why)}${chair}<div class="counted">totals: ${esc(COUNTED_LABEL[c.counted])}</div></td></tr>`;
}

function sectionHtml(s: NomineeSection, panel: readonly string[]): string {
  const parts: string[] = [
    `<section class="nominee" data-nominee="${esc(s.id ?? '')}"><h1>${esc(s.name)}</h1>`,
    `<p><strong>${esc(KIND_LABEL[s.kind] ?? s.kind)}</strong>${s.title ? ` · ${esc(s.title)}` : ''} <span class="meta">· ${esc(s.document)}</span></p>`,
    `<p>Decisions: ${esc(showStates(s.counts))}.</p>`,
    ...s.counts.members.map((m) => `<p>${esc(showMemberCounts(m))}</p>`),
    ...s.verdicts.map((v) => `<p class="verdict"><strong>Verdict</strong> ${esc(showVerdict(v))}</p>`),
    '<h2>Eligibility requirements</h2>',
    s.requirements.length === 0 ? '<p>The criteria state no requirement for this nominee.</p>'
      : `<table><thead><tr><th>requirement</th><th>status</th><th>evidence</th></tr></thead><tbody>${s.requirements.map((q) => `<tr><td>${esc(q.threshold)}</td><td>${esc(REQUIREMENT_LABEL[q.status])}${q.verdicts.map((v) => `<div class="verdict note">${esc(showVerdict(v))}</div>`).join('')}</td><td>${esc(q.evidence ?? '—')}</td></tr>`).join('')}</tbody></table>`,
    '<h2>Criteria coverage</h2>',
    s.coverage.length === 0 ? '<p>No criteria apply (none in the document, and none given).</p>'
      : `<table><thead><tr><th>criterion</th><th>evidence claims</th></tr></thead><tbody>${s.coverage.map((c) => `<tr><td><strong>${esc(c.criterion)}</strong> ${esc(c.text)}</td><td>${c.evidence && c.claims.length ? esc(c.claims.map((x) => x.text).join('；')) : '<span class="none">no quantitative evidence</span>'}</td></tr>`).join('')}</tbody></table>`,
    '<h2>Claims and decisions</h2>',
    s.groups.length === 0 ? '<p>No quantitative claim was found.</p>' : '',
    ...s.groups.map((g) => `<h3>${esc(g.criterion ?? '(no criterion)')} <small>${esc(g.text)}</small></h3><table><thead><tr><th>claim</th>${panel.map((p) => `<th>${esc(p)}</th>`).join('')}<th>consensus</th></tr></thead><tbody>\n${g.claims.map(claimRow).join('\n')}\n</tbody></table>`),
    '<h2>Arithmetic checks</h2>',
    s.checks.length === 0 ? '<p>No check fired.</p>' : `<ul>${s.checks.map((c) => `<li><strong>${esc(c.kind.replace('_', ' '))}</strong>: ${esc(c.message)} (${esc(c.claims.join('、'))})</li>`).join('')}</ul>`,
    '<h2>Totals of verified claims</h2>',
    s.totals.lines.length === 0 ? '<p>No verified claim adds up to a total.</p>' : '',
    ...s.totals.lines.map((l) => `<p class="total"><strong>${esc(l.category.replace('_', ' '))}</strong>: ${esc(l.totals.join('; '))} (${l.claims} claim${l.claims === 1 ? '' : 's'})</p>`),
    ...s.totals.left.map((l) => `<p class="left-out">${esc(showLeftOut(l))}</p>`),
    '</section>',
  ];
  return parts.filter((p) => p !== '').join('\n');
}

/** The report as an HTML page, a part at a time (the cover, then each nominee's section). */
export function* reportHtmlChunks(r: Report): Generator<string> {
  yield `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="generator" content="shiji"><title>Panel report</title><style>${STYLE}</style></head><body>\n`;
  yield coverHtml(r);
  for (const s of r.sections) yield `\n${sectionHtml(s, r.panel)}`;
  yield '\n</body></html>\n';
}

export function reportHtml(r: Report): string {
  return [...reportHtmlChunks(r)].join('');
}
