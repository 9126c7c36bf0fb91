/** shiji extract: a summary, --json, --jsonl or --text of each input. */
import { join } from 'node:path';
import type { DocumentResult } from '../analyse.js';
import { CATEGORIES } from '../extract/claims.js';
import { batched, jsonChunksAt } from '../export/stream.js';

import { HELP } from './help.js';
import { fail, parse, pad, analyseOptions, streamDocuments } from './shared.js';

const SHORT: Record<string, string> = {
  cases_resolved: 'resolved', percent_change: 'change%', share: 'share', amount: 'amount', headcount: 'people', count: 'count', duration: 'duration',
};

export function summarize(doc: DocumentResult): string {
  const lines: string[] = [];
  lines.push(`${doc.path}  [${doc.encoding}${doc.script === 'traditional' ? ', traditional' : ''}, ${doc.kind}]`);
  lines.push(`  ${doc.title}`);
  lines.push(`  ${doc.nominees.length} nominees, ${doc.criteria.length} criteria, ${doc.claims.length} claims`);
  const header = `  ${pad('nominee', 22)}${pad('claims', 8)}${CATEGORIES.map((c) => pad(SHORT[c] ?? c, 10)).join('')}`;
  lines.push(header);
  const rows: Array<{ name: string; id: string | null }> = doc.nominees.map((n) => ({ name: n.name, id: n.id }));
  if (doc.claims.some((c) => c.nominee === null)) rows.push({ name: '(unattributed)', id: null });
  for (const r of rows) {
    const mine = doc.claims.filter((c) => c.nominee === r.id);
    lines.push(`  ${pad(r.name, 22)}${pad(String(mine.length), 8)}${CATEGORIES.map((c) => pad(String(mine.filter((x) => x.category === c).length || '·'), 10)).join('')}`);
  }
  const name = (id: string | null): string => doc.nominees.find((n) => n.id === id)?.name ?? '(unattributed)';
  for (const r of doc.requirements.filter((x) => x.nominees.length > 0)) {
    lines.push(`  ${r.criterion} requires ${r.text}:`);
    for (const e of r.nominees) {
      const shown = e.status === 'stated' ? `stated: ${e.evidence?.text ?? ''}` : e.status.replace('_', ' ');
      const claims = e.claims.map((id) => doc.claims.find((c) => c.id === id)?.text ?? id).join(', ');
      lines.push(`    ${pad(name(e.nominee), 20)}${shown}${claims ? ` (${claims})` : ''}`);
    }
  }
  const empty = doc.nominees.map((n) => ({ n, ids: doc.coverage.filter((c) => c.nominee === n.id && !c.evidence).map((c) => c.criterion) })).filter((x) => x.ids.length > 0);
  if (empty.length > 0) {
    lines.push('  criteria with no quantitative evidence:');
    for (const { n, ids } of empty) lines.push(`    ${pad(n.name, 20)}${ids.join(', ')}`);
  }
  if (doc.checks.length > 0) {
    lines.push(`  ${doc.checks.length} arithmetic finding${doc.checks.length > 1 ? 's' : ''}:`);
    for (const c of doc.checks) lines.push(`    ${pad(name(c.nominee), 20)}${c.kind}: ${c.message}`);
  }
  for (const w of doc.warnings) lines.push(`  warning: ${w}`);
  return lines.join('\n');
}

export async function runExtract(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, jsonl: { type: 'boolean' }, text: { type: 'boolean' }, criteria: { type: 'string' }, 'no-cache': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values['help']) { process.stdout.write(`${HELP}\n`); return 0; }
  if (positionals.length === 0) fail('extract needs at least one file or folder (see shiji --help)', 2);
  if ([values['json'], values['jsonl'], values['text']].filter(Boolean).length > 1) fail('choose one of --json, --jsonl, --text', 2);

  const opts = await analyseOptions(values);
  const { docs, failed } = streamDocuments(positionals, opts, values['no-cache'] !== true);
  const out = new Output(process.stdout);
  // --json is one object, written document by document: no one string holds it all
  let first = true;
  for await (const d of docs) {
    if (values['json']) {
      await out.write(first ? '{\n  "documents": [\n    ' : ',\n    ');
      for (const piece of batched(jsonChunksAt(d.result, 2))) await out.write(piece);
    } else if (values['jsonl']) {
      // one line, written in pieces: a document of tens of megabytes is never one string
      for (const piece of batched(jsonChunksAt(d.result, 0, 0, 2))) await out.write(piece);
      await out.write('\n');
    }
    else if (values['text']) await out.write(d.text);
    else await out.write(`${summarize(d.result)}\n\n`);
    first = false;
  }
  if (values['json']) await out.write(first ? '{\n  "documents": []\n}\n' : '\n  ]\n}\n');
  return failed() > 0 ? 1 : 0;
}

/** stdout, waited on whenever it asks to be, so output never piles up in memory. */
class Output {
  constructor(private readonly to: NodeJS.WritableStream) {}
  async write(s: string): Promise<void> {
    if (!this.to.write(s)) await new Promise<void>((r) => this.to.once('drain', () => r()));
  }
}

/** Writes chunks in pieces of about a megabyte, waiting whenever the stream asks to. */
