/**
 * The analyst's tables, as plain data: summary (per document and nominee, or by category, or by
 * criterion), claims, and coverage. Totals honour approximations: a sum that includes 7000余万元 is
 * a lower bound (≥), one that includes 近60起 an upper bound (≤), a mix or an 约 is approximate (≈);
 * only a sum of exact figures is shown as exact. Sums never mix units, and leave out figures that
 * do not add up: rates (每年10000人次, 平均每天30人次) and levels reached by a change (工资提升至740元).
 */
import type { Claim, DocumentResult } from '../analyse.js';
import { CATEGORIES, type Category } from '../extract/claims.js';
import type { Approx } from '../dictionaries.js';
import type { Decision, Status } from '../review/store.js';

/** offset: a position in the text, shown without grouping separators. */
export type ColumnType = 'text' | 'int' | 'number' | 'yuan' | 'wan' | 'offset';
export interface Column { readonly key: string; readonly header: string; readonly type: ColumnType }
export type Cell = string | number | null;
export type Row = Record<string, Cell>;
export interface Table { readonly name: string; readonly title: string; readonly columns: readonly Column[]; readonly rows: readonly Row[] }

export type Bound = '=' | '≥' | '≤' | '≈';
export const BOUND_OF: Record<Approx, Bound> = { exact: '=', over: '≥', at_least: '≥', under: '≤', at_most: '≤', about: '≈' };

export function combine(a: Bound, b: Bound): Bound {
  if (a === b) return a;
  if (a === '=') return b;
  if (b === '=') return a;
  return '≈';
}

export interface Total { readonly unit: string; readonly sum: number; readonly bound: Bound; readonly claims: number }

/** Figures that add up: achievements (not context such as money at stake), not rates, not levels reached by a change. */
export function additive(c: Claim): boolean {
  return c.rate === null && c.from === null && c.role !== 'context';
}

/** Sums per unit over the additive figures, with the bound that honours every approximation in the sum. */
export function totals(claims: readonly Claim[]): Total[] {
  const by = new Map<string, { sum: number; bound: Bound; claims: number }>();
  for (const c of claims) {
    if (!additive(c)) continue;
    const t = by.get(c.unit) ?? { sum: 0, bound: '=' as Bound, claims: 0 };
    t.sum += c.value;
    t.bound = combine(t.bound, BOUND_OF[c.approx]);
    t.claims++;
    by.set(c.unit, t);
  }
  return [...by.entries()].map(([unit, t]) => ({ unit, sum: Math.round(t.sum * 1e6) / 1e6, bound: t.bound, claims: t.claims }));
}

const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
export function showTotal(t: Total): string {
  return `${t.bound === '=' ? '' : `${t.bound} `}${fmt(t.sum)}${t.unit === '元' ? ' 元' : ` ${t.unit}`}`.trim();
}

/** Categories whose figures add up; percentages and durations do not. */
export const SUMMABLE: readonly Category[] = ['cases_resolved', 'amount', 'headcount', 'count'];

export const REVIEW_STATUSES: readonly Status[] = ['verified', 'disputed', 'needs_evidence', 'unreviewed'];
const SEVERITY: Record<Status, number> = { disputed: 3, needs_evidence: 2, verified: 1, unreviewed: 0 };

export interface ReviewIndex {
  /** status of a claim: the most severe latest decision across reviewers (disputed > needs evidence > verified) */
  status(docSha: string, claimId: string): Status;
  decisions(docSha: string, claimId: string): readonly Decision[];
}

export function reviewIndex(latest: readonly Decision[]): ReviewIndex {
  const by = new Map<string, Decision[]>();
  for (const d of latest) {
    const k = `${d.docSha}:${d.claimId}`;
    (by.get(k) ?? by.set(k, []).get(k) as Decision[]).push(d);
  }
  return {
    status(docSha, claimId) {
      const ds = by.get(`${docSha}:${claimId}`) ?? [];
      return ds.reduce<Status>((s, d) => (SEVERITY[d.status] > SEVERITY[s] ? d.status : s), 'unreviewed');
    },
    decisions(docSha, claimId) { return by.get(`${docSha}:${claimId}`) ?? []; },
  };
}

export interface TableOptions {
  readonly by?: 'nominee' | 'category' | 'criterion';
  readonly groupByName?: boolean;
  readonly review?: ReviewIndex;
}

interface Unit { readonly docs: DocumentResult[]; readonly label: string; readonly nominee: string; readonly kind: string; readonly claims: Claim[]; readonly checks: number }

function nomineeUnits(docs: readonly DocumentResult[], groupByName: boolean): Unit[] {
  const units: Unit[] = [];
  for (const d of docs) {
    const entries: Array<{ name: string; kind: string; id: string | null }> = d.nominees.map((n) => ({ name: n.name, kind: n.kind, id: n.id }));
    if (d.claims.some((c) => c.nominee === null)) entries.push({ name: '(unattributed)', kind: '', id: null });
    for (const e of entries) {
      const claims = d.claims.filter((c) => c.nominee === e.id);
      const checks = d.checks.filter((c) => c.nominee === e.id).length;
      const same = groupByName ? units.find((u) => u.nominee === e.name && e.id !== null) : undefined;
      if (same) { same.docs.push(d); same.claims.push(...claims); (same as { checks: number }).checks += checks; }
      else units.push({ docs: [d], label: d.path, nominee: e.name, kind: e.kind, claims: [...claims], checks });
    }
  }
  return units;
}

const CAT_HEADER: Record<Category, string> = {
  cases_resolved: 'cases resolved', percent_change: 'percent changes', share: 'shares', amount: 'amounts', headcount: 'headcount', count: 'counts', duration: 'durations',
};

export function summaryTable(docs: readonly DocumentResult[], opts: TableOptions = {}): Table {
  if (opts.by === 'category') return byCategoryTable(docs);
  if (opts.by === 'criterion') return byCriterionTable(docs);
  const columns: Column[] = [
    { key: 'document', header: opts.groupByName ? 'documents' : 'document', type: 'text' },
    { key: 'nominee', header: 'nominee', type: 'text' },
    { key: 'kind', header: 'kind', type: 'text' },
    { key: 'claims', header: 'claims', type: 'int' },
  ];
  for (const c of CATEGORIES) {
    columns.push({ key: `${c}:n`, header: `${CAT_HEADER[c]}: claims`, type: 'int' });
    if (SUMMABLE.includes(c)) columns.push({ key: `${c}:total`, header: `${CAT_HEADER[c]}: total`, type: 'text' });
  }
  columns.push({ key: 'yuan', header: 'amount (yuan)', type: 'yuan' }, { key: 'yuanBound', header: 'amount bound', type: 'text' }, { key: 'wan', header: 'amount (万元)', type: 'wan' });
  columns.push({ key: 'checks', header: 'check findings', type: 'int' });
  if (opts.review) for (const s of REVIEW_STATUSES) columns.push({ key: `review:${s}`, header: s.replace('_', ' '), type: 'int' });
  const rows = nomineeUnits(docs, opts.groupByName ?? false).map((u): Row => {
    const row: Row = { document: u.docs.map((d) => d.path).join('; '), nominee: u.nominee, kind: u.kind, claims: u.claims.length };
    for (const c of CATEGORIES) {
      const mine = u.claims.filter((x) => x.category === c);
      row[`${c}:n`] = mine.length;
      if (SUMMABLE.includes(c)) row[`${c}:total`] = totals(mine).map(showTotal).join('; ');
    }
    const money = totals(u.claims.filter((x) => x.category === 'amount')).find((t) => t.unit === '元');
    row['yuan'] = money ? money.sum : null;
    row['yuanBound'] = money ? money.bound : null;
    row['wan'] = money ? Math.round((money.sum / 10000) * 100) / 100 : null;
    row['checks'] = u.checks;
    if (opts.review) {
      const review = opts.review;
      for (const s of REVIEW_STATUSES) row[`review:${s}`] = u.claims.filter((c) => review.status(u.docs.find((d) => d.claims.includes(c))?.sha256 ?? '', c.id) === s).length;
    }
    return row;
  });
  return { name: 'summary', title: opts.groupByName ? 'Summary by nominee name' : 'Summary by document and nominee', columns, rows };
}

function byCategoryTable(docs: readonly DocumentResult[]): Table {
  const all = docs.flatMap((d) => d.claims.map((c) => ({ d, c })));
  const rows = CATEGORIES.map((cat): Row => {
    const mine = all.filter((x) => x.c.category === cat);
    return {
      category: cat, claims: mine.length,
      nominees: new Set(mine.map((x) => `${x.d.sha256}:${x.c.nominee}`)).size,
      documents: new Set(mine.map((x) => x.d.sha256)).size,
      total: SUMMABLE.includes(cat) ? totals(mine.map((x) => x.c)).map(showTotal).join('; ') : '',
    };
  });
  return {
    name: 'summary', title: 'Summary by category',
    columns: [{ key: 'category', header: 'category', type: 'text' }, { key: 'claims', header: 'claims', type: 'int' }, { key: 'nominees', header: 'nominees', type: 'int' }, { key: 'documents', header: 'documents', type: 'int' }, { key: 'total', header: 'total', type: 'text' }],
    rows,
  };
}

function byCriterionTable(docs: readonly DocumentResult[]): Table {
  const rows: Row[] = [];
  for (const d of docs) {
    for (const cr of d.criteria) {
      const cells = d.coverage.filter((c) => c.criterion === cr.id);
      const name = (id: string): string => d.nominees.find((n) => n.id === id)?.name ?? id;
      rows.push({
        document: d.path, criterion: cr.id, text: cr.text,
        claims: cells.reduce((a, c) => a + c.claims, 0),
        'with evidence': cells.filter((c) => c.evidence).map((c) => name(c.nominee)).join('、'),
        'without evidence': cells.filter((c) => !c.evidence).map((c) => name(c.nominee)).join('、'),
      });
    }
  }
  return {
    name: 'summary', title: 'Summary by criterion',
    columns: [{ key: 'document', header: 'document', type: 'text' }, { key: 'criterion', header: 'criterion', type: 'text' }, { key: 'text', header: 'text', type: 'text' }, { key: 'claims', header: 'claims ranking it first', type: 'int' }, { key: 'with evidence', header: 'nominees with evidence', type: 'text' }, { key: 'without evidence', header: 'nominees without evidence', type: 'text' }],
    rows,
  };
}

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

export function claimsTable(docs: readonly DocumentResult[], texts: ReadonlyMap<string, string>, opts: TableOptions = {}): Table {
  const columns: Column[] = [
    { key: 'document', header: 'document', type: 'text' }, { key: 'nominee', header: 'nominee', type: 'text' },
    { key: 'category', header: 'category', type: 'text' }, { key: 'value', header: 'value', type: 'number' },
    { key: 'approx', header: 'approx', type: 'text' }, { key: 'unit', header: 'unit', type: 'text' },
    { key: 'from', header: 'from', type: 'number' }, { key: 'direction', header: 'direction', type: 'text' },
    { key: 'period', header: 'period', type: 'text' }, { key: 'role', header: 'role', type: 'text' }, { key: 'text', header: 'evidence', type: 'text' },
    { key: 'start', header: 'start', type: 'offset' }, { key: 'end', header: 'end', type: 'offset' },
    { key: 'context', header: 'context', type: 'text' }, { key: 'contextStart', header: 'context start', type: 'offset' }, { key: 'contextEnd', header: 'context end', type: 'offset' },
    { key: 'sentenceStart', header: 'sentence start', type: 'offset' }, { key: 'sentenceEnd', header: 'sentence end', type: 'offset' },
    { key: 'criterion', header: 'top criterion', type: 'text' }, { key: 'score', header: 'score', type: 'number' },
    { key: 'checks', header: 'check warnings', type: 'text' }, { key: 'id', header: 'claim id', type: 'text' },
  ];
  if (opts.review) columns.push({ key: 'status', header: 'review status', type: 'text' }, { key: 'notes', header: 'review notes', type: 'text' });
  const rows: Row[] = [];
  for (const d of docs) {
    const text = texts.get(d.sha256) ?? '';
    for (const c of d.claims) {
      const row: Row = {
        document: d.path, nominee: d.nominees.find((n) => n.id === c.nominee)?.name ?? '', category: c.category, value: c.value,
        approx: c.approx, unit: c.unit, from: c.from, direction: c.direction ?? '', period: c.period ?? '', role: c.role, text: c.text,
        start: c.start, end: c.end, ...evidenceContext(text, c),
        sentenceStart: c.sentence.start, sentenceEnd: c.sentence.end,
        criterion: c.criteria[0]?.id ?? '', score: c.criteria[0]?.score ?? null,
        checks: d.checks.filter((x) => x.claims.includes(c.id)).map((x) => x.message).join(' | '), id: c.id,
      };
      if (opts.review) {
        row['status'] = opts.review.status(d.sha256, c.id);
        row['notes'] = opts.review.decisions(d.sha256, c.id).filter((x) => x.note).map((x) => `${x.reviewer}: ${x.note}`).join(' | ');
      }
      rows.push(row);
    }
  }
  return { name: 'claims', title: 'Claims', columns, rows };
}

export function coverageTable(docs: readonly DocumentResult[]): Table {
  const rows: Row[] = [];
  for (const d of docs) {
    for (const c of d.coverage) {
      rows.push({
        document: d.path, nominee: d.nominees.find((n) => n.id === c.nominee)?.name ?? c.nominee, criterion: c.criterion,
        claims: c.claims, strongest: d.claims.find((x) => x.id === c.strongest)?.text ?? '', score: c.score, evidence: c.evidence ? 'yes' : 'no',
      });
    }
  }
  return {
    name: 'coverage', title: 'Coverage: nominee × criterion',
    columns: [{ key: 'document', header: 'document', type: 'text' }, { key: 'nominee', header: 'nominee', type: 'text' }, { key: 'criterion', header: 'criterion', type: 'text' }, { key: 'claims', header: 'claims ranking it first', type: 'int' }, { key: 'strongest', header: 'strongest claim', type: 'text' }, { key: 'score', header: 'score', type: 'number' }, { key: 'evidence', header: 'quantitative evidence', type: 'text' }],
    rows,
  };
}

export function allTables(docs: readonly DocumentResult[], texts: ReadonlyMap<string, string>, opts: TableOptions = {}): Table[] {
  return [summaryTable(docs, opts), claimsTable(docs, texts, opts), coverageTable(docs)];
}
