/**
 * npm run quality: extraction scored on real write-ups (the development set beside the project,
 * ../shared/dev, or $SHIJI_DEVSET), on further sets of real texts in the same format (--set DIR,
 * repeatable: DIR/labels/*.json, each naming its text relative to DIR) and on our own labelled
 * texts (test/labels), per text and overall, with the nominee score by kind of text and the wrong
 * nominees by failure class.
 *   node --import tsx test/quality/run.ts [--verbose] [--baseline] [--set DIR]... [NAME ...]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseBytes } from '../../src/index.js';
import { ownLabels, devSetDir, readDevLabels } from './sets.js';
import { NOMINEE_CLASSES, scoreDocument, textKind, totals, type DevLabels, type Score } from './score.js';
import { recognizerDocument } from './baseline.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
/** also score the general recognizer on the same texts */
const baseline = args.includes('--baseline');
const sets = args.flatMap((a, i) => (args[i - 1] === '--set' ? [a] : []));
const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--set');

function context(text: string, start: number, end: number): string {
  return `${text.slice(Math.max(0, start - 14), start)}[${text.slice(start, end)}]${text.slice(end, end + 8)}`.replace(/\s+/g, ' ');
}

interface Row { name: string; score: Score; text: string; gold?: DevLabels }

/** Nominee score by kind of text, and the wrong nominees by failure class. */
function byKind(rows: readonly Row[]): void {
  const kinds = new Map<string, Score[]>();
  for (const r of rows) if (r.gold) kinds.set(textKind(r.gold), [...(kinds.get(textKind(r.gold)) ?? []), r.score]);
  if (kinds.size === 0) return;
  const parts = [...kinds.entries()].sort().map(([k, s]) => `${k} (${s.length}) ${totals(s).nominee.toFixed(3)}`);
  console.log(`nominee by kind: ${parts.join(', ')}`);
  const miss = NOMINEE_CLASSES.map((k) => `${k} ${rows.reduce((a, r) => a + r.score.nomineeMiss[k], 0)}`);
  console.log(`wrong nominees by class: ${miss.join(', ')}`);
}

function report(title: string, rows: Row[]): void {
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
  byKind(rows);
}

/** Scores every labelled text of a set in the development set's format. */
function scoreSet(dir: string): { rows: Row[]; general: Row[] } {
  const rows: Row[] = [];
  const general: Row[] = [];
  for (const f of readdirSync(join(dir, 'labels')).filter((x) => x.endsWith('.json')).sort()) {
    const name = f.replace(/\.json$/, '');
    if (only.length > 0 && !only.includes(name)) continue;
    const gold = readDevLabels(join(dir, 'labels', f));
    const path = join(dir, gold.text);
    const { result, text } = analyseBytes(readFileSync(path), path);
    rows.push({ name, score: scoreDocument(result, gold, text), text, gold });
    if (baseline) general.push({ name, score: scoreDocument(recognizerDocument(text), gold, text), text, gold });
  }
  return { rows, general };
}

const dev = devSetDir();
if (dev === null) {
  console.log('development set not found (../shared/dev or $SHIJI_DEVSET): real write-ups not scored');
} else {
  const { rows, general } = scoreSet(dev);
  report(`real write-ups (${dev})`, rows);
  if (baseline) report('the same write-ups, Microsoft Recognizers-Text (zh-cn numbers and percentages)', general);
}
const together: Row[] = [];
for (const dir of sets) {
  if (!existsSync(join(dir, 'labels'))) { console.log(`\n${dir}: no labels/ folder`); continue; }
  const { rows, general } = scoreSet(dir);
  together.push(...rows);
  report(`real texts (${dir})`, rows);
  if (baseline) report('the same texts, Microsoft Recognizers-Text (zh-cn numbers and percentages)', general);
}
if (sets.length > 1) {
  const t = totals(together.map((r) => r.score));
  console.log(`\nall ${together.length} texts of the ${sets.length} sets: recall ${t.recall.toFixed(3)} precision ${t.precision.toFixed(3)} approx ${t.approx.toFixed(3)} category ${t.category.toFixed(3)} nominee ${t.nominee.toFixed(3)} bad spans ${t.badSpans}`);
  byKind(together);
}

const own: Row[] = [];
for (const l of ownLabels()) {
  if (only.length > 0 && !only.includes(l.name)) continue;
  if (!existsSync(l.path)) continue;
  const { result, text } = analyseBytes(readFileSync(l.path), l.path);
  own.push({ name: l.name, score: scoreDocument(result, l.labels(text), text), text });
}
if (own.length > 0) report('our own labelled texts (test/labels)', own);
