/**
 * The analyst's tables, as plain data: summary (per document and nominee; or by nominee name, by
 * category, criterion, year, region or honour), claims, and coverage. Every table carries the
 * document's metadata (title, year, issuer, province, city, honour) and, where a row belongs to a
 * nominee, the nominee's kind, title (职务) and region. Totals are numeric: per summable category
 * one sum, low and high column per unit of a fixed set (dictionaries/export.yaml), and an "other
 * units" text column for the rest; what is added up is decided in ./totals.ts.
 *
 * TableBuilder makes the tables document by document with fixed columns, so exports stream and
 * memory does not grow with the corpus: aggregated modes keep one small accumulator per group.
 */
import type { Claim, DocumentResult, Nominee } from '../analyse.js';
import { CATEGORIES, type Category } from '../extract/claims.js';
import type { Status } from '../review/store.js';
import { exportVocabulary, type ExportVocabulary } from './vocabulary.js';
import {
  SUMMABLE, REVIEW_STATUSES, addClaim, emptyAcc, mergeAcc, accCells, showAcc, interval, chineseUnit, columnUnit, restatements, leftOutBecause, byReview,
  type Acc, type ReviewIndex,
} from './totals.js';

export { BOUND_OF, combine, additive, totals, showTotal, SUMMABLE, REVIEW_STATUSES, reviewIndex, type Bound, type Total, type ReviewIndex } from './totals.js';

/** offset: a position in the text, shown without grouping separators; year: a year, likewise. */
export type ColumnType = 'text' | 'int' | 'number' | 'yuan' | 'offset' | 'year';
export interface Column { readonly key: string; readonly header: string; readonly type: ColumnType }
export type Cell = string | number | null;
export type Row = Record<string, Cell>;
export interface Table {
  readonly name: string; readonly title: string; readonly columns: readonly Column[]; readonly rows: readonly Row[];
  /** a hint to spreadsheet writers: give the header row an autofilter */
  readonly filter?: boolean;
}

export type SummaryBy = 'nominee' | 'category' | 'criterion' | 'year' | 'region' | 'honour';
export const SUMMARY_BY: readonly SummaryBy[] = ['nominee', 'category', 'criterion', 'year', 'region', 'honour'];

export interface TableOptions {
  readonly by?: SummaryBy;
  readonly groupByName?: boolean;
  readonly review?: ReviewIndex;
  /** headers, titles, category names and cell words in English (default) or Chinese */
  readonly lang?: 'en' | 'zh';
  /** with a review: totals add up verified claims only */
  readonly verifiedOnly?: boolean;
  /** a review panel's columns in the claims table: each member's status and note, the consensus and the chair's resolution (review/panel.ts) */
  readonly panel?: {
    readonly columns: ReadonlyArray<{ readonly key: string; readonly header: string }>;
    cells(docSha: string, claimId: string): Record<string, string>;
  };
}

const UNATTRIBUTED = '(unattributed)';

/** Headers, titles and cell words in the chosen language. */
class Words {
  constructor(readonly zh: boolean, readonly v: ExportVocabulary) {}
  col(key: string, en: string, type: Column['type'], zhKey = key): Column {
    return { key, header: this.zh ? this.v.headers[zhKey] ?? en : en, type };
  }
  cat(c: Category): string { return this.zh ? this.v.categories[c].zh : this.v.categories[c].en; }
  /** a category as a cell: its id in English tables, its name in Chinese ones */
  catCell(c: Category): string { return this.zh ? this.v.categories[c].zh : c; }
  word(w: 'claims' | 'low' | 'high' | 'other'): string { return this.zh ? this.v.words[w].zh : this.v.words[w].en; }
  val(s: string): string { return this.zh ? this.v.values[s] ?? s : s; }
  title(key: string, en: string): string { return this.zh ? this.v.titles[key] ?? en : en; }
}

const DOC_META: ReadonlyArray<[string, string, Column['type']]> = [
  ['document', 'document', 'text'], ['title', 'title', 'text'], ['year', 'year', 'year'], ['issuer', 'issuer', 'text'],
  ['province', 'province', 'text'], ['city', 'city', 'text'], ['county', 'county', 'text'], ['honour', 'honour', 'text'],
];
const NOMINEE_META: ReadonlyArray<[string, string, Column['type'], string]> = [
  ['nominee', 'nominee', 'text', 'nominee'], ['kind', 'kind', 'text', 'kind'], ['nominee_title', 'nominee title', 'text', 'nomineeTitle'],
  ['nominee_province', 'nominee province', 'text', 'nomineeProvince'], ['nominee_city', 'nominee city', 'text', 'nomineeCity'], ['nominee_county', 'nominee county', 'text', 'nomineeCounty'],
];

function docCells(d: DocumentResult): Row {
  return { document: d.path, title: d.title, year: d.meta.year, issuer: d.meta.issuer, province: d.meta.region.province, city: d.meta.region.city, county: d.meta.region.county ?? null, honour: d.meta.honour };
}

/** A nominee's columns; the figures attributed to nobody count under the document's region. */
function nomineeCells(n: Nominee | undefined, w: Words, d?: DocumentResult): Row {
  if (!n) {
    const r = d?.meta.region;
    return { nominee: w.val(UNATTRIBUTED), kind: null, nominee_title: null, nominee_province: r?.province ?? null, nominee_city: r?.city ?? null, nominee_county: r?.county ?? null };
  }
  return { nominee: n.name, kind: w.val(n.kind), nominee_title: n.title ?? null, nominee_province: n.region?.province ?? null, nominee_city: n.region?.city ?? null, nominee_county: n.region?.county ?? null };
}

/** The key of a numeric total column: cases_resolved_件, amount_元. */
export function totalKey(category: Category, unit: string): string {
  return `${category}_${unit}`;
}

/** The unit a claim is totalled by in the summary (名, 位, 居民 -> 人; 件次 -> 件), else its unit as written, in Chinese. */
function totalUnit(c: Claim, v: ExportVocabulary): string {
  const unit = chineseUnit(c.unit, v);
  return columnUnit(c.category, unit, v) ?? unit;
}

/** The region a nominee's figures count under: the nominee's own, else the document's. */
export function regionOf(d: DocumentResult, n: Nominee | undefined): { province: string | null; city: string | null; county?: string | null } {
  const own = n?.region;
  return own && (own.province !== null || own.city !== null || (own.county ?? null) !== null) ? own : d.meta.region;
}

function contextCells(x: { context: string; contextStart: number; contextEnd: number }): Row {
  return { context: x.context, context_start: x.contextStart, context_end: x.contextEnd };
}

/** One group of the summary: a document's nominee, a name, a year, a region or an honour. */
interface Group {
  readonly cells: Row;
  /** distinct values of the document columns, when a group spans documents (by name) */
  readonly spans?: Map<string, Cell[]>;
  documents: number; lastDoc: string; nominees: number; claims: number; checks: number; leftOut: number;
  readonly n: Map<Category, number>;
  readonly sums: Map<string, Acc>;
  readonly other: Map<Category, Map<string, Acc>>;
  readonly review: Map<Status, number>;
}

const newGroup = (cells: Row, spans = false): Group => ({
  cells, ...(spans ? { spans: new Map<string, Cell[]>() } : {}), documents: 0, lastDoc: '', nominees: 0, claims: 0, checks: 0, leftOut: 0,
  n: new Map(), sums: new Map(), other: new Map(), review: new Map(),
});

/** What one document says of its claims: why each is left out of totals (null: counted), and its review status. */
interface DocFacts { readonly d: DocumentResult; readonly why: ReadonlyMap<string, string | null>; readonly status: ReadonlyMap<string, Status> | null }

/** How much of the sentence the claims table shows on each side of a claim. */
export const CONTEXT_CHARS = 60;

/** A UTF-16 offset moved off the second half of a surrogate pair. */
function whole(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff && i > 0 ? i - 1 : i;
}

/**
 * Line ends (CR, LF, CRLF, Unicode separators) in evidence text: removed between Chinese text,
 * a space between words, so one claim is always one line of a table.
 */
export function oneLine(s: string): string {
  return s.replace(/[ \t]*(?:\r\n|[\r\n\u2028\u2029\u0085\v\f])+[ \t]*/g, (m, at: number, all: string) => {
    const before = all[at - 1] ?? ''; const after = all[at + m.length] ?? '';
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
  });
}

/**
 * The claim's sentence, cut to at most CONTEXT_CHARS on each side of the claim (… marks a cut),
 * on one line, with the offsets of the part shown: a row's size does not grow with its sentence.
 */
export function evidenceContext(text: string, c: Pick<Claim, 'start' | 'end' | 'sentence'>): { context: string; contextStart: number; contextEnd: number } {
  const from = whole(text, Math.max(c.sentence.start, c.start - CONTEXT_CHARS));
  const to = whole(text, Math.min(c.sentence.end, c.end + CONTEXT_CHARS));
  const shown = oneLine(text.slice(from, to)).trim();
  return { context: `${from > c.sentence.start ? '…' : ''}${shown}${to < c.sentence.end ? '…' : ''}`, contextStart: from, contextEnd: to };
}

type Mode = 'nominee' | 'name' | 'category' | 'criterion' | 'year' | 'region' | 'honour';

const SUMMARY_TITLES: Record<Mode, string> = {
  nominee: 'Summary by document and nominee', name: 'Summary by nominee name', category: 'Summary by category', criterion: 'Summary by criterion',
  year: 'Summary by year', region: 'Summary by region', honour: 'Summary by honour',
};

/** One row of the by-category summary: a category and a unit. */
interface CatGroup { readonly category: Category; readonly unit: string; claims: number; nominees: number; documents: number; leftOut: number; readonly counted: Acc }

/** One document's nominees in the notice's order, then the claims attributed to nobody. */
function nomineeUnits(d: DocumentResult): Array<{ n: Nominee | undefined; claims: Claim[]; checks: number }> {
  const units: Array<{ n: Nominee | undefined; claims: Claim[]; checks: number }> = d.nominees.map((n) => ({ n, claims: [], checks: 0 }));
  const byId = new Map(d.nominees.map((n, i) => [n.id, units[i]!]));
  let none: { n: undefined; claims: Claim[]; checks: number } | undefined;
  for (const c of d.claims) {
    const u = c.nominee === null ? undefined : byId.get(c.nominee);
    if (u) u.claims.push(c);
    else (none ??= { n: undefined, claims: [], checks: 0 }).claims.push(c);
  }
  for (const k of d.checks) {
    const u = k.nominee === null ? undefined : byId.get(k.nominee);
    if (u) u.checks++;
    else if (none) none.checks++;
  }
  return none ? [...units, none] : units;
}

const cmpCells = (a: Cell, b: Cell): number => {
  if (a === b) return 0;
  if (a === null || a === '') return 1;
  if (b === null || b === '') return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh-Hans-CN');
};

/**
 * The tables, document by document. Columns are fixed at construction; add() gives one
 * document's claims and coverage rows, and its summary rows in the per-document mode (by nominee,
 * without groupByName), in the notice's own nominee order; finish() gives the summary rows that
 * can only be known at the end. Aggregated modes keep one small accumulator per group.
 */
export class TableBuilder {
  readonly summaryColumns: readonly Column[];
  readonly claimColumns: readonly Column[];
  readonly coverageColumns: readonly Column[];
  readonly titles: { readonly summary: string; readonly claims: string; readonly coverage: string };
  private readonly w: Words;
  private readonly mode: Mode;
  private readonly totalCols: ReadonlyArray<{ readonly cat: Category; readonly unit: string }>;
  private readonly groups = new Map<string, Group>();
  private readonly catGroups = new Map<string, CatGroup>();
  /** by category: the documents seen, by content hash */
  private readonly seenDocs = new Set<string>();

  constructor(private readonly opts: TableOptions = {}) {
    const v = exportVocabulary();
    this.w = new Words(opts.lang === 'zh', v);
    const by = opts.by ?? 'nominee';
    this.mode = by === 'nominee' && opts.groupByName === true ? 'name' : by;
    this.totalCols = [...v.totals].flatMap(([cat, list]) => list.map((t) => ({ cat, unit: t.unit })));
    this.summaryColumns = this.makeSummaryColumns();
    this.claimColumns = this.makeClaimColumns();
    this.coverageColumns = this.makeCoverageColumns();
    const note = !opts.review ? '' : opts.verifiedOnly === true
      ? (this.w.zh ? `（${this.w.title('verifiedNote', '')}）` : ' (totals add up verified claims only)')
      : (this.w.zh ? `（${this.w.title('reviewNote', '')}）` : ' (totals leave out disputed and not-a-claim figures)');
    this.titles = {
      summary: `${this.w.title(this.mode, SUMMARY_TITLES[this.mode])}${this.mode === 'criterion' ? '' : note}`,
      claims: this.w.title('claims', 'Claims'),
      coverage: this.w.title('coverage', 'Coverage: nominee × criterion'),
    };
  }

  private docColumns(type?: Column['type']): Column[] {
    return DOC_META.map(([k, en, t]) => this.w.col(k, this.mode === 'name' && k === 'document' ? 'documents' : en, type ?? t, this.mode === 'name' && k === 'document' ? 'documentList' : k));
  }

  private nomineeColumns(): Column[] { return NOMINEE_META.map(([k, en, t, label]) => this.w.col(k, en, t, label)); }

  /** claims, per category the claim count, the numeric totals (one column a quantity) and other units, checks, review */
  private bodyColumns(): Column[] {
    const w = this.w;
    const cols: Column[] = [w.col('claims', 'claims', 'int')];
    for (const c of CATEGORIES) cols.push({ key: `${c}_claims`, header: w.zh ? `${w.cat(c)}${w.word('claims')}` : `${w.cat(c)}: claims`, type: 'int' });
    for (const { cat, unit } of this.totalCols) {
      const base = `${w.cat(cat)} ${unit}`;
      const type: Column['type'] = cat === 'amount' ? 'yuan' : 'number';
      const k = totalKey(cat, unit);
      cols.push({ key: k, header: base, type }, { key: `${k}_low`, header: `${base} ${w.word('low')}`, type }, { key: `${k}_high`, header: `${base} ${w.word('high')}`, type });
    }
    for (const c of SUMMABLE) cols.push({ key: `${c}_other_units`, header: w.zh ? `${w.cat(c)} ${w.word('other')}` : `${w.cat(c)}: other units`, type: 'text' });
    cols.push(w.col('check_findings', 'check findings', 'int', 'checks'));
    if (this.opts.review) {
      for (const s of REVIEW_STATUSES) cols.push(w.col(`review_${s}`, s.replace('_', ' '), 'int', `review:${s}`));
      cols.push(w.col('left_out_by_review', 'left out of totals by review', 'int', 'leftOut'));
    }
    return cols;
  }

  private makeSummaryColumns(): Column[] {
    const w = this.w;
    switch (this.mode) {
      case 'nominee': return [...this.docColumns(), ...this.nomineeColumns(), ...this.bodyColumns()];
      case 'name': return [...this.docColumns('text'), ...this.nomineeColumns(), ...this.bodyColumns()];
      case 'year': case 'honour': return [w.col(this.mode, this.mode, this.mode === 'year' ? 'year' : 'text'), ...this.countColumns(), ...this.bodyColumns()];
      case 'region': return [w.col('nominee_province', 'province', 'text', 'province'), w.col('nominee_city', 'city', 'text', 'city'), w.col('nominee_county', 'county', 'text', 'county'), ...this.countColumns(), ...this.bodyColumns()];
      case 'category': return [
        w.col('category', 'category', 'text'), w.col('unit', 'unit', 'text'), w.col('claims', 'claims', 'int'), w.col('claims_in_total', 'claims in the total', 'int', 'countedClaims'),
        w.col('nominees', 'nominees', 'int'), w.col('documents', 'documents', 'int'),
        w.col('total', 'total', 'number'), w.col('low', 'low', 'number'), w.col('high', 'high', 'number'), w.col('bound', 'bound', 'text'),
        ...(this.opts.review ? [w.col('left_out_by_review', 'left out of totals by review', 'int', 'leftOut')] : []),
      ];
      case 'criterion': return [
        ...this.docColumns(), w.col('criterion', 'criterion', 'text'), w.col('criterion_text', 'text', 'text', 'criterionText'),
        w.col('claims_ranking_first', 'claims ranking it first', 'int', 'firstRanked'),
        w.col('nominees_with_evidence', 'nominees with evidence', 'text', 'withEvidence'), w.col('nominees_without_evidence', 'nominees without evidence', 'text', 'withoutEvidence'),
      ];
    }
  }

  private countColumns(): Column[] { return [this.w.col('documents', 'documents', 'int'), this.w.col('nominees', 'nominees', 'int')]; }

  private makeClaimColumns(): Column[] {
    const w = this.w;
    const cols: Column[] = [
      ...this.docColumns(), ...this.nomineeColumns(),
      w.col('category', 'category', 'text'), w.col('value', 'value', 'number'), w.col('low', 'low', 'number'), w.col('high', 'high', 'number'),
      w.col('approx', 'approx', 'text'), w.col('unit', 'unit', 'text'), w.col('unit_written', 'unit written', 'text', 'unitWritten'),
      w.col('from', 'from', 'number'), w.col('direction', 'direction', 'text'), w.col('period', 'period', 'text'), w.col('role', 'role', 'text'),
      w.col('in_totals', 'in totals', 'text', 'counted'), w.col('left_out_because', 'left out because', 'text', 'notCounted'),
      w.col('evidence', 'evidence', 'text', 'text'), w.col('start', 'start', 'offset'), w.col('end', 'end', 'offset'),
      w.col('context', 'context', 'text'), w.col('context_start', 'context start', 'offset', 'contextStart'), w.col('context_end', 'context end', 'offset', 'contextEnd'),
      w.col('sentence_start', 'sentence start', 'offset', 'sentenceStart'), w.col('sentence_end', 'sentence end', 'offset', 'sentenceEnd'),
      w.col('top_criterion', 'top criterion', 'text', 'criterion'), w.col('score', 'score', 'number'),
      w.col('check_warnings', 'check warnings', 'text', 'checkWarnings'), w.col('claim_id', 'claim id', 'text', 'id'),
    ];
    if (this.opts.review) cols.push(w.col('review_status', 'review status', 'text', 'status'), w.col('review_notes', 'review notes', 'text', 'notes'));
    for (const p of this.opts.panel?.columns ?? []) cols.push({ key: p.key, header: p.header, type: 'text' });
    return cols;
  }

  private makeCoverageColumns(): Column[] {
    const w = this.w;
    return [
      ...this.docColumns(), ...this.nomineeColumns(), w.col('criterion', 'criterion', 'text'),
      w.col('claims_ranking_first', 'claims ranking it first', 'int', 'firstRanked'), w.col('strongest_claim', 'strongest claim', 'text', 'strongest'),
      w.col('score', 'score', 'number'), w.col('quantitative_evidence', 'quantitative evidence', 'text', 'evidence'),
    ];
  }

  /** One document's rows; see the class. */
  add(doc: DocumentResult, text: string): { summary: Row[]; claims: Row[]; coverage: Row[] } {
    const f = this.facts(doc, text);
    const claims = this.claimRows(f, text);
    const coverage = this.coverageRows(doc);
    const summary: Row[] = [];
    if (this.mode === 'category') this.addCategories(f);
    else if (this.mode === 'criterion') summary.push(...this.criterionRowsOf(doc)); // per document, as it comes
    else {
      for (const u of nomineeUnits(doc)) {
        const g = this.mode === 'nominee' ? newGroup({ ...docCells(doc), ...nomineeCells(u.n, this.w, doc) }) : this.groupOf(doc, u.n);
        this.fill(g, f, u.n, u.claims, u.checks);
        if (this.mode === 'nominee') summary.push(this.groupRow(g));
      }
    }
    return { summary, claims, coverage };
  }

  /** The summary rows of the aggregated modes; [] in the per-document mode. */
  finish(): Row[] {
    switch (this.mode) {
      case 'nominee': case 'criterion': return [];
      case 'category': return this.categoryRows();
      case 'name': return [...this.groups.values()].map((g) => this.groupRow(g));
      default: {
        const keys = this.summaryColumns.slice(0, this.mode === 'region' ? 3 : 1).map((c) => c.key);
        const rows = [...this.groups.values()].map((g) => this.groupRow(g));
        return rows.sort((a, b) => keys.reduce((r, k) => r || cmpCells(a[k] ?? null, b[k] ?? null), 0));
      }
    }
  }

  private facts(d: DocumentResult, text: string): DocFacts {
    const v = this.w.v;
    const restated = restatements(d, text, v);
    const review = this.opts.review;
    const why = new Map<string, string | null>();
    const status = review ? new Map<string, Status>() : null;
    for (const c of d.claims) {
      why.set(c.id, leftOutBecause(d, c, restated, { review, verifiedOnly: this.opts.verifiedOnly }));
      if (review && status) status.set(c.id, review.status(d.sha256, c.id));
    }
    return { d, why, status };
  }

  private groupOf(d: DocumentResult, n: Nominee | undefined): Group {
    let key: string;
    let cells: Row;
    switch (this.mode) {
      case 'name': key = n ? `n:${n.name}` : `u:${d.sha256}`; cells = nomineeCells(n, this.w, d); break;
      case 'year': key = String(d.meta.year); cells = { year: d.meta.year }; break;
      case 'honour': key = String(d.meta.honour); cells = { honour: d.meta.honour }; break;
      default: {
        const r = regionOf(d, n);
        key = `${r.province}|${r.city}|${r.county ?? null}`; cells = { nominee_province: r.province, nominee_city: r.city, nominee_county: r.county ?? null };
      }
    }
    let g = this.groups.get(key);
    if (!g) { g = newGroup(cells, this.mode === 'name'); this.groups.set(key, g); }
    return g;
  }

  /** Adds a nominee's claims (or the unattributed ones) of one document to a group. */
  private fill(g: Group, f: DocFacts, n: Nominee | undefined, claims: readonly Claim[], checks: number): void {
    const v = this.w.v;
    if (g.lastDoc !== f.d.sha256) { g.documents++; g.lastDoc = f.d.sha256; }
    if (n) g.nominees++;
    if (g.spans) for (const [k, value] of Object.entries(docCells(f.d))) {
      const list = g.spans.get(k) ?? g.spans.set(k, []).get(k) as Cell[];
      if (!list.includes(value)) list.push(value);
    }
    g.claims += claims.length;
    g.checks += checks;
    for (const c of claims) {
      g.n.set(c.category, (g.n.get(c.category) ?? 0) + 1);
      const s = f.status?.get(c.id);
      if (s) g.review.set(s, (g.review.get(s) ?? 0) + 1);
      const why = f.why.get(c.id) ?? null;
      if (byReview(why)) g.leftOut++;
      if (why !== null) continue;
      const unit = chineseUnit(c.unit, v);
      const col = columnUnit(c.category, unit, v);
      let acc: Acc;
      if (col !== null) acc = g.sums.get(`${c.category}:${col}`) ?? g.sums.set(`${c.category}:${col}`, emptyAcc()).get(`${c.category}:${col}`) as Acc;
      else {
        const m = g.other.get(c.category) ?? g.other.set(c.category, new Map()).get(c.category) as Map<string, Acc>;
        acc = m.get(unit) ?? m.set(unit, emptyAcc()).get(unit) as Acc;
      }
      addClaim(acc, c);
    }
  }

  private groupRow(g: Group): Row {
    const row: Row = { ...g.cells };
    if (g.spans) for (const [k, vals] of g.spans) row[k] = vals.length === 1 ? vals[0] as Cell : vals.filter((x) => x !== null && x !== '').join('; ');
    if (this.mode !== 'nominee' && this.mode !== 'name') { row['documents'] = g.documents; row['nominees'] = g.nominees; }
    row['claims'] = g.claims;
    for (const c of CATEGORIES) row[`${c}_claims`] = g.n.get(c) ?? 0;
    for (const { cat, unit } of this.totalCols) {
      const k = totalKey(cat, unit);
      const cells = accCells(g.sums.get(`${cat}:${unit}`));
      row[k] = cells.sum; row[`${k}_low`] = cells.low; row[`${k}_high`] = cells.high;
    }
    for (const c of SUMMABLE) row[`${c}_other_units`] = [...(g.other.get(c) ?? [])].map(([u, a]) => showAcc(a, u)).join('; ') || null;
    row['check_findings'] = g.checks;
    if (this.opts.review) {
      for (const s of REVIEW_STATUSES) row[`review_${s}`] = g.review.get(s) ?? 0;
      row['left_out_by_review'] = g.leftOut;
    }
    return row;
  }

  private addCategories(f: DocFacts): void {
    const v = this.w.v;
    // the same content under two names counts its document and nominees once (its claims twice, as listed)
    const again = this.seenDocs.has(f.d.sha256);
    this.seenDocs.add(f.d.sha256);
    const seen = new Map<string, Set<string>>();
    for (const c of f.d.claims) {
      const unit0 = chineseUnit(c.unit, v);
      const unit = columnUnit(c.category, unit0, v) ?? unit0;
      const key = `${c.category}\u0000${unit}`;
      const g = this.catGroups.get(key) ?? this.catGroups.set(key, { category: c.category, unit, claims: 0, nominees: 0, documents: 0, leftOut: 0, counted: emptyAcc() }).get(key) as CatGroup;
      let who = seen.get(key);
      if (!who) { who = new Set(); seen.set(key, who); if (!again) g.documents++; }
      const nominee = c.nominee ?? '';
      if (!who.has(nominee)) { who.add(nominee); if (!again) g.nominees++; }
      g.claims++;
      const why = f.why.get(c.id) ?? null;
      if (byReview(why)) g.leftOut++;
      if (why === null) addClaim(g.counted, c);
    }
  }

  private categoryRows(): Row[] {
    const order = (g: CatGroup): [number, number] => {
      const fixed = this.totalCols.findIndex((t) => t.cat === g.category && t.unit === g.unit);
      return [CATEGORIES.indexOf(g.category), fixed < 0 ? Number.MAX_SAFE_INTEGER - g.claims : fixed];
    };
    return [...this.catGroups.values()].sort((a, b) => {
      const [ca, ua] = order(a); const [cb, ub] = order(b);
      return ca - cb || ua - ub || a.unit.localeCompare(b.unit);
    }).map((g): Row => {
      const t = accCells(g.counted);
      const row: Row = {
        category: this.w.catCell(g.category), unit: g.unit, claims: g.claims, claims_in_total: g.counted.claims, nominees: g.nominees, documents: g.documents,
        total: t.sum, low: t.low, high: t.high, bound: g.counted.claims === 0 ? null : g.counted.bound === '=' ? this.w.val('exact') : g.counted.bound,
      };
      if (this.opts.review) row['left_out_by_review'] = g.leftOut;
      return row;
    });
  }

  private criterionRowsOf(d: DocumentResult): Row[] {
    const name = (id: string): string => d.nominees.find((n) => n.id === id)?.name ?? id;
    return d.criteria.map((cr): Row => {
      const cells = d.coverage.filter((c) => c.criterion === cr.id);
      return {
        ...docCells(d), criterion: cr.id, criterion_text: cr.text, claims_ranking_first: cells.reduce((a, c) => a + c.claims, 0),
        nominees_with_evidence: cells.filter((c) => c.evidence).map((c) => name(c.nominee)).join('、') || null,
        nominees_without_evidence: cells.filter((c) => !c.evidence).map((c) => name(c.nominee)).join('、') || null,
      };
    });
  }

  private claimRows(f: DocFacts, text: string): Row[] {
    const { d } = f;
    const w = this.w;
    const review = this.opts.review;
    const nominees = new Map(d.nominees.map((n) => [n.id, n]));
    const meta = docCells(d);
    return d.claims.map((c): Row => {
      const [lo, hi] = interval(c);
      const why = f.why.get(c.id) ?? null;
      const row: Row = {
        ...meta, ...nomineeCells(c.nominee === null ? undefined : nominees.get(c.nominee), w, d),
        category: w.catCell(c.category), value: c.value, low: lo, high: Number.isFinite(hi) ? hi : null,
        approx: w.val(c.approx), unit: totalUnit(c, w.v), unit_written: c.unitWritten, from: c.from,
        direction: c.direction ? w.val(c.direction) : null, period: c.period ?? null, role: w.val(c.role),
        in_totals: w.val(why === null ? 'yes' : 'no'), left_out_because: why, evidence: c.text,
        start: c.start, end: c.end, ...contextCells(evidenceContext(text, c)), sentence_start: c.sentence.start, sentence_end: c.sentence.end,
        top_criterion: c.criteria[0]?.id ?? null, score: c.criteria[0]?.score ?? null,
        check_warnings: d.checks.filter((x) => x.claims.includes(c.id)).map((x) => x.message).join(' | ') || null, claim_id: c.id,
      };
      if (review) {
        row['review_status'] = w.val(f.status?.get(c.id) ?? 'unreviewed');
        row['review_notes'] = review.decisions(d.sha256, c.id).filter((x) => x.note).map((x) => `${x.reviewer}: ${x.note}`).join(' | ') || null;
      }
      if (this.opts.panel) Object.assign(row, this.opts.panel.cells(d.sha256, c.id));
      return row;
    });
  }

  private coverageRows(d: DocumentResult): Row[] {
    const meta = docCells(d);
    const nominees = new Map(d.nominees.map((n) => [n.id, n]));
    return d.coverage.map((c): Row => {
      const n = nominees.get(c.nominee);
      return {
        ...meta, ...nomineeCells(n, this.w, d), ...(n ? {} : { nominee: c.nominee }), criterion: c.criterion, claims_ranking_first: c.claims,
        strongest_claim: d.claims.find((x) => x.id === c.strongest)?.text ?? null, score: c.score, quantitative_evidence: this.w.val(c.evidence ? 'yes' : 'no'),
      };
    });
  }
}

/**
 * The three tables of a whole corpus at once: a thin wrapper over TableBuilder, which gets the
 * documents in the order given (the sorted input order), so that rows go by document and then by
 * the notice's own nominee order, exactly as a stream of the same documents.
 */
export function allTables(docs: readonly DocumentResult[], texts: ReadonlyMap<string, string>, opts: TableOptions = {}): Table[] {
  const b = new TableBuilder(opts);
  const summary: Row[] = []; const claims: Row[] = []; const coverage: Row[] = [];
  for (const d of docs) {
    const r = b.add(d, texts.get(d.sha256) ?? '');
    summary.push(...r.summary); claims.push(...r.claims); coverage.push(...r.coverage);
  }
  summary.push(...b.finish());
  return [
    { name: 'summary', title: b.titles.summary, columns: b.summaryColumns, rows: summary, filter: true },
    { name: 'claims', title: b.titles.claims, columns: b.claimColumns, rows: claims, filter: true },
    { name: 'coverage', title: b.titles.coverage, columns: b.coverageColumns, rows: coverage, filter: true },
  ];
}

export function summaryTable(docs: readonly DocumentResult[], opts: TableOptions = {}): Table {
  return allTables(docs, new Map(), opts)[0] as Table;
}

export function claimsTable(docs: readonly DocumentResult[], texts: ReadonlyMap<string, string>, opts: TableOptions = {}): Table {
  return allTables(docs, texts, opts)[1] as Table;
}

export function coverageTable(docs: readonly DocumentResult[], opts: TableOptions = {}): Table {
  return allTables(docs, new Map(), opts)[2] as Table;
}

/** One bar of the report's chart: a nominee's total in one category and unit, split by review status. */
export interface ChartBar { readonly label: string; readonly value: number; readonly bound: string; readonly parts: ReadonlyArray<{ readonly status: Status | null; readonly value: number }> }
export interface Chart { readonly key: string; readonly category: Category; readonly unit: string; readonly title: string; readonly bars: readonly ChartBar[] }

/**
 * The totals per nominee and category, for the HTML report's chart: one chart per numeric total
 * column with any value, one bar per nominee (the same sum as the summary's cell), sorted by
 * value; with a review each bar is split by the status of the claims it adds up.
 */
export function chartData(docs: readonly DocumentResult[], texts: ReadonlyMap<string, string>, opts: TableOptions = {}): Chart[] {
  const v = exportVocabulary();
  const w = new Words(opts.lang === 'zh', v);
  const bars = new Map<string, Array<{ label: string; acc: Acc; parts: Map<Status | null, number> }>>();
  for (const d of docs) {
    const text = texts.get(d.sha256) ?? '';
    const restated = restatements(d, text, v);
    for (const u of nomineeUnits(d)) {
      const name = u.n?.name ?? w.val(UNATTRIBUTED);
      const label = docs.length > 1 ? `${name} · ${(d.path.split('/').pop() ?? '').replace(/\.[^.]+$/, '')}` : name;
      const mine = new Map<string, { label: string; acc: Acc; parts: Map<Status | null, number> }>();
      for (const c of u.claims) {
        if (leftOutBecause(d, c, restated, { review: opts.review, verifiedOnly: opts.verifiedOnly }) !== null) continue;
        const col = columnUnit(c.category, chineseUnit(c.unit, v), v);
        if (col === null) continue;
        const key = `${c.category}:${col}`;
        const b = mine.get(key) ?? mine.set(key, { label, acc: emptyAcc(), parts: new Map() }).get(key)!;
        addClaim(b.acc, c);
        const s = opts.review ? opts.review.status(d.sha256, c.id) : null;
        b.parts.set(s, (b.parts.get(s) ?? 0) + c.value);
      }
      for (const [key, b] of mine) (bars.get(key) ?? bars.set(key, []).get(key)!).push(b);
    }
  }
  const out: Chart[] = [];
  for (const [cat, list] of v.totals) {
    for (const t of list) {
      const key = `${cat}:${t.unit}`;
      const bs = bars.get(key);
      if (!bs) continue;
      const shown = bs.map((b): ChartBar => {
        const statuses: Array<Status | null> = opts.review ? ['verified', 'needs_evidence', 'unreviewed'] : [null];
        return { label: b.label, value: accCells(b.acc).sum ?? 0, bound: b.acc.bound, parts: statuses.map((s) => ({ status: s, value: b.parts.get(s) ?? 0 })).filter((p) => p.value !== 0) };
      }).sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'zh-Hans-CN'));
      out.push({ key: totalKey(cat, t.unit), category: cat, unit: t.unit, title: `${w.cat(cat)} ${t.unit}`, bars: shown });
    }
  }
  return out;
}
