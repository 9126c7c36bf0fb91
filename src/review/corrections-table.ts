/**
 * What reviewers corrected, as an export table and as a review index with the corrections in its
 * notes: every added claim, claim marked as noise, corrected field, verdict, and every orphaned
 * correction (its text is gone from the document), one row each.
 */
import type { Table, Row, ReviewIndex } from '../export/tables.js';
import type { Decision } from './store.js';
import type { Applied } from './corrections.js';
import { correctedDocuments, describeCorrection } from './corrections.js';
import type { DocumentResult } from '../types.js';
import type { AnalysedDocument } from '../corpus.js';

export function correctionsTable(docs: ReadonlyArray<{ readonly result: DocumentResult; readonly applied: Applied }>): Table {
  const rows: Row[] = [];
  for (const { result, applied } of docs) {
    const name = (id: string | null): string => result.nominees.find((n) => n.id === id)?.name ?? '';
    const seen = new Set<string>();
    for (const c of [...applied.added, ...applied.noise, ...applied.corrected]) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      rows.push({ document: result.path, nominee: name(c.nominee), kind: c.source === 'reviewer' ? 'added' : c.notAClaim ? 'not a claim' : 'corrected', text: c.text, start: c.start, end: c.end, detail: describeCorrection(c), reviewer: (applied.by.get(c.id) ?? []).join(', ') });
    }
    for (const v of applied.verdicts) {
      const req = v.requirement === null ? 'nominee' : result.requirements.find((q) => q.criterion === v.requirement);
      const label = typeof req === 'string' ? req : req ? (req.kind === 'service_years' ? `≥${req.value}年 service` : `近${req.value}年无违纪`) : v.requirement ?? '';
      rows.push({ document: result.path, nominee: v.nomineeName, kind: 'verdict', text: label, start: null, end: null, detail: `${v.verdict.replace('_', ' ')}${v.note ? `: ${v.note}` : ''}`, reviewer: v.reviewer });
    }
    for (const o of applied.orphans) rows.push({ document: result.path, nominee: '', kind: `orphaned ${o.field}`, text: o.text, start: null, end: null, detail: o.why, reviewer: o.reviewer });
  }
  return {
    name: 'corrections', title: 'Reviewers’ corrections',
    columns: [
      { key: 'document', header: 'document', type: 'text' }, { key: 'nominee', header: 'nominee', type: 'text' }, { key: 'kind', header: 'correction', type: 'text' },
      { key: 'text', header: 'claim or requirement', type: 'text' }, { key: 'start', header: 'start', type: 'offset' }, { key: 'end', header: 'end', type: 'offset' },
      { key: 'detail', header: 'detail', type: 'text' }, { key: 'reviewer', header: 'reviewer', type: 'text' },
    ],
    rows,
  };
}

/** A review index whose notes also say what was corrected on a claim (not a claim, a field, added), for documents held in memory. */
export function withCorrectionNotes(index: ReviewIndex, docs: readonly DocumentResult[]): ReviewIndex {
  const notes = new Map<string, string>();
  for (const d of docs) for (const c of d.claims) { const s = describeCorrection(c); if (s) notes.set(`${d.sha256}:${c.id}`, s); }
  return notedIndex(index, notes);
}

/** A review index whose decisions on a claim end with a note (by `sha:claimId`) saying what was corrected. */
function notedIndex(index: ReviewIndex, notes: ReadonlyMap<string, string>, notAClaim?: ReviewIndex['notAClaim']): ReviewIndex {
  return {
    status: (sha, id) => index.status(sha, id),
    ...(notAClaim ? { notAClaim } : {}),
    decisions(sha, id) {
      const own = index.decisions(sha, id);
      const note = notes.get(`${sha}:${id}`);
      if (!note) return own;
      const pseudo = { docSha: sha, docPath: '', claimId: id, nominee: null, nomineeName: '', claimText: '', status: 'unreviewed', note, role: 'member', id: 0, uid: '', seq: 0, reviewer: 'correction', at: '', undoOf: null } as Decision;
      return [...own, pseudo];
    },
  };
}

/**
 * What an export needs of the corrections, for documents that stream by one at a time: each
 * document corrected as it passes (noise kept, flagged `notAClaim`, which the tables leave out of
 * their totals), the review index with the corrections in its notes and the notAClaim hook, and,
 * once every document went by, the corrections table. Without corrections it passes documents
 * through unchanged.
 */
export class ExportCorrections {
  private readonly rows: readonly Decision[];
  private readonly done: Array<{ result: DocumentResult; applied: Applied }> = [];
  private readonly noise = new Set<string>();
  private readonly notes = new Map<string, string>();

  constructor(corrections: readonly Decision[]) { this.rows = corrections; }

  /** whether a reviewer marked the claim as noise, in the documents corrected so far */
  readonly notAClaim = (docSha: string, claimId: string): boolean => this.noise.has(`${docSha}:${claimId}`);

  /** One document with its corrections applied. */
  apply(doc: AnalysedDocument): AnalysedDocument {
    if (this.rows.length === 0) return doc;
    const [fixed] = correctedDocuments([doc], this.rows);
    if (!fixed) return doc;
    const { result, applied } = fixed;
    if (applied.added.length + applied.noise.length + applied.corrected.length + applied.orphans.length + applied.verdicts.length === 0) return doc;
    this.done.push({ result, applied });
    for (const c of result.claims) {
      if (c.notAClaim) this.noise.add(`${result.sha256}:${c.id}`);
      const note = describeCorrection(c);
      if (note) this.notes.set(`${result.sha256}:${c.id}`, note);
    }
    return { ...doc, result };
  }

  async *stream(docs: AsyncIterable<AnalysedDocument>): AsyncIterable<AnalysedDocument> {
    for await (const d of docs) yield this.apply(d);
  }

  /** The review index with what was corrected on each claim among its notes. */
  review(index: ReviewIndex): ReviewIndex {
    return notedIndex(index, this.notes, this.notAClaim);
  }

  /** The corrections table of the documents that went by, or null when the store holds none. */
  table(): Table | null {
    return this.rows.length === 0 ? null : correctionsTable(this.done);
  }
}
