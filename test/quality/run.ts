/**
 * npm run quality: extraction scored on real write-ups (the development set beside the project,
 * ../shared/dev, or $SHIJI_DEVSET) and on our own labelled texts (test/labels), per text and overall.
 *   node --import tsx test/quality/run.ts [--verbose] [NAME ...]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseBytes } from '../../src/index.js';
import { ownLabels, devSetDir, readDevLabels } from './sets.js';
import { scoreDocument, totals, type Score } from './score.js';
import { recognizerDocument } from './baseline.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
/** also score the general recognizer on the same texts */
const baseline = args.includes('--baseline');
const only = args.filter((a) => !a.startsWith('--'));

function context(text: string, start: number, end: number): string {
  return `${text.slice(Math.max(0, start - 14), start)}[${text.slice(start, end)}]${text.slice(end, end + 8)}`.replace(/\s+/g, ' ');
}

function report(title: string, rows: Array<{ name: string; score: Score; text: string }>): void {
  console.log(`\n${title}`);
  const pad = Math.max(...rows.map((r) => r.name.length), 4);
  console.log(`${'text'.padEnd(pad)}  found  false  nominee  approx  category`);
  for (const { name, score: s, text } of rows) {
    console.log(`${name.padEnd(pad)}  ${`${s.found}/${s.core}`.padStart(5)}  ${String(s.fp).padStart(5)}  ${`${s.nominee}/${s.found}`.padStart(7)}  ${`${s.approx}/${s.found}`.padStart(6)}  ${`${s.cat}/${s.catN}`.padStart(8)}`);
    if (!verbose) continue;
    for (const m of s.missed) {
      const at = Number(m.split(':')[0]);
      console.log(`    missed   ${m}  ${context(text, at, at + 1)}`);
    }
    for (const c of s.spurious) console.log(`    false    ${c.start}  ${context(text, c.start, c.end)}  ${c.value} ${c.category} ${c.rules.join(' ')}`);
    for (const w of [...s.wrongNominee, ...s.wrongApprox, ...s.wrongCategory]) console.log(`    wrong    ${w}`);
    for (const c of s.contextClaims) console.log(`    context  ${c.start}  ${context(text, c.start, c.end)}  ${c.roleRule}`);
  }
  const t = totals(rows.map((r) => r.score));
  console.log(`overall: recall ${t.recall.toFixed(3)} precision ${t.precision.toFixed(3)} approx ${t.approx.toFixed(3)} category ${t.category.toFixed(3)} nominee ${t.nominee.toFixed(3)} bad spans ${t.badSpans} arithmetic ${t.arithmetic}`);
  console.log(`roles: core figures read as achievements ${t.coreAchievement.toFixed(3)}, minor figures read as context ${t.minorContext.toFixed(3)}`);
}

const dev = devSetDir();
if (dev === null) {
  console.log('development set not found (../shared/dev or $SHIJI_DEVSET): real write-ups not scored');
} else {
  const rows = [];
  const general = [];
  for (const f of readdirSync(join(dev, 'labels')).filter((x) => x.endsWith('.json')).sort()) {
    const name = f.replace(/\.json$/, '');
    if (only.length > 0 && !only.includes(name)) continue;
    const gold = readDevLabels(join(dev, 'labels', f));
    const path = join(dev, gold.text);
    const { result, text } = analyseBytes(readFileSync(path), path);
    rows.push({ name, score: scoreDocument(result, gold, text), text });
    if (baseline) general.push({ name, score: scoreDocument(recognizerDocument(text), gold, text), text });
  }
  report(`real write-ups (${dev})`, rows);
  if (baseline) report('the same write-ups, Microsoft Recognizers-Text (zh-cn numbers and percentages)', general);
}

const own = [];
for (const l of ownLabels()) {
  if (only.length > 0 && !only.includes(l.name)) continue;
  if (!existsSync(l.path)) continue;
  const { result, text } = analyseBytes(readFileSync(l.path), l.path);
  own.push({ name: l.name, score: scoreDocument(result, l.labels(text), text), text });
}
if (own.length > 0) report('our own labelled texts (test/labels)', own);
