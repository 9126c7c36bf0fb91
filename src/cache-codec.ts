/**
 * How the analysis cache stores one analysis. Reading a warm corpus is dominated by turning
 * stored bytes back into objects, so the layout is chosen for that:
 *
 * - Claims, most of a result, are rows of numbers: every string in them (ids, evidence, units,
 *   periods, headings, criterion terms, rule names) is an index into one table of the
 *   document's distinct strings, and spans are pairs of numbers (-1, -1 for none). Those rows
 *   are ASCII JSON, which V8 reads from Latin-1 bytes without decoding.
 * - The strings, the rest of the result (as JSON) and the decoded text are UTF-16LE, which
 *   becomes a JavaScript string by a copy (UTF-8 with Chinese in it takes V8's slow decoding
 *   path), and are cut apart by their lengths, so no character is reserved as a separator.
 *
 * Layout: u32 LE byte length of the ASCII part | ASCII JSON (Rows) | UTF-16LE part.
 * Claims with the same span, heading path, rule list, terms or criteria share one (read-only)
 * object, which spares most of the allocation (and garbage collection) of a warm run.
 */
import type { Claim, CoverageCell, CriterionLink, DocumentResult, Span } from './analyse.js';

export interface CachedAnalysis { readonly result: DocumentResult; readonly text: string }

/** Part of the cache key: a change of layout misses instead of misreading. */
export const STORAGE_FORMAT = 'number-rows-7';

/**
 * One claim, field by field in the order of the Claim interface. Strings are indices into the
 * string table, spans into the span table, criteria into the criteria lists, headings and rules
 * into the lists; -1 stands for null. Numbers of the claim (value, from, low, high) are as is.
 */
type ClaimRow = readonly [
  id: number, nominee: number, start: number, end: number, text: number, value: number, from: number | null,
  approx: number, unit: number, category: number, direction: number, period: number,
  sentence: number, section: number, criteria: number,
  unitWritten: number, low: number | null, high: number | null, baseline: number, rateUnit: number, rateText: number,
  periodSpan: number, fromSpan: number, headings: number, paragraph: number, rules: number,
  role: number, roleRule: number, nominees: number,
];

interface Rows {
  /** UTF-16 lengths of the pieces of the UTF-16 part: result JSON, text, then each string */
  readonly lengths: readonly number[];
  /** lists of strings (heading paths, rule lists, terms), as string indices */
  readonly lists: ReadonlyArray<readonly number[]>;
  /** distinct spans, start and end */
  readonly spans: readonly number[];
  /** distinct criteria lists, three numbers a link: id (string), score, terms (list) */
  readonly criteria: ReadonlyArray<readonly number[]>;
  readonly claims: readonly ClaimRow[];
  /** coverage cells (nominee × criterion, mostly ids): nominee, criterion, claims, strongest (-1: null), score, evidence (0 | 1) */
  readonly coverage: ReadonlyArray<readonly number[]>;
}

/** Numbers distinct values in order of first appearance. */
class Interner<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly keyOf: (v: T) => string) {}
  of(v: T): number {
    const k = this.keyOf(v);
    let i = this.index.get(k);
    if (i === undefined) { i = this.values.length; this.values.push(v); this.index.set(k, i); }
    return i;
  }
}

export function encodeAnalysis(value: CachedAnalysis): Buffer {
  const strings = new Interner<string>((x) => x);
  const s = (x: string | null): number => (x === null ? -1 : strings.of(x));
  const lists = new Interner<readonly number[]>((l) => l.join(','));
  const list = (xs: readonly string[]): number => lists.of(xs.map((x) => strings.of(x)));
  const spans = new Interner<Span>((x) => `${x.start},${x.end}`);
  const span = (x: Span | null): number => (x === null ? -1 : spans.of(x));
  const criteria = new Interner<readonly number[]>((l) => l.join(','));
  const claims = value.result.claims.map((c): ClaimRow => [
    s(c.id), s(c.nominee), c.start, c.end, s(c.text), c.value, c.from, s(c.approx), s(c.unit), s(c.category), s(c.direction), s(c.period),
    span(c.sentence), s(c.section), criteria.of(c.criteria.flatMap((l) => [strings.of(l.id), l.score, list(l.terms)])),
    s(c.unitWritten), c.low, c.high, s(c.baseline), s(c.rate?.unit ?? null), s(c.rate?.text ?? null),
    span(c.periodSpan), span(c.fromSpan), list(c.headings), span(c.paragraph), list(c.rules),
    s(c.role), s(c.roleRule), c.nominees === undefined ? -1 : list(c.nominees),
  ]);
  const coverage = value.result.coverage.map((c) => [s(c.nominee), s(c.criterion), c.claims, s(c.strongest), c.score, c.evidence ? 1 : 0]);
  const rest = JSON.stringify({ ...value.result, claims: 0, coverage: 0 });
  const pieces = [rest, value.text, ...strings.values];
  const rows: Rows = { lengths: pieces.map((p) => p.length), lists: lists.values, spans: spans.values.flatMap((x) => [x.start, x.end]), criteria: criteria.values, claims, coverage };
  const ascii = Buffer.from(JSON.stringify(rows), 'latin1');
  const out = Buffer.allocUnsafe(4 + ascii.length + 2 * pieces.reduce((n, p) => n + p.length, 0));
  out.writeUInt32LE(ascii.length, 0);
  ascii.copy(out, 4);
  out.write(pieces.join(''), 4 + ascii.length, 'utf16le');
  return out;
}

/** The analysis back from its stored form: equal to what was stored, keys in the same order. */
export function decodeAnalysis(buf: Buffer, path?: string): CachedAnalysis {
  const n = buf.readUInt32LE(0);
  const rows = JSON.parse(buf.toString('latin1', 4, 4 + n)) as Rows;
  const all = buf.toString('utf16le', 4 + n);
  const [restLength = 0, textLength = 0] = rows.lengths;
  const result = JSON.parse(all.slice(0, restLength)) as DocumentResult;
  const text = all.slice(restLength, restLength + textLength);
  const strings: string[] = new Array(rows.lengths.length - 2);
  for (let i = 2, at = restLength + textLength; i < rows.lengths.length; i++) {
    const len = rows.lengths[i] as number;
    strings[i - 2] = all.slice(at, at + len);
    at += len;
  }
  const lists = rows.lists.map((l) => l.map((i) => strings[i] as string));
  const spans: Span[] = new Array(rows.spans.length / 2);
  for (let i = 0; i < spans.length; i++) spans[i] = { start: rows.spans[2 * i] as number, end: rows.spans[2 * i + 1] as number };
  const criteria = rows.criteria.map((l) => {
    const links: CriterionLink[] = [];
    for (let i = 0; i + 2 < l.length; i += 3) links.push({ id: strings[l[i] as number] as string, score: l[i + 1] as number, terms: lists[l[i + 2] as number] as string[] });
    return links;
  });
  const str = (i: number): string => strings[i] as string;
  const opt = (i: number): string | null => (i < 0 ? null : strings[i] as string);
  const claims = rows.claims.map((a): Claim => withNominees(a[28], {
    id: str(a[0]), nominee: opt(a[1]), start: a[2], end: a[3], text: str(a[4]), value: a[5], from: a[6],
    approx: str(a[7]) as Claim['approx'], unit: str(a[8]), category: str(a[9]) as Claim['category'], direction: opt(a[10]) as Claim['direction'],
    period: opt(a[11]), sentence: spans[a[12]] as Span, section: opt(a[13]), criteria: criteria[a[14]] as CriterionLink[],
    unitWritten: str(a[15]), low: a[16], high: a[17], baseline: opt(a[18]),
    rate: a[19] < 0 ? null : { unit: str(a[19]) as NonNullable<Claim['rate']>['unit'], text: str(a[20]) },
    periodSpan: a[21] < 0 ? null : spans[a[21]] as Span, fromSpan: a[22] < 0 ? null : spans[a[22]] as Span,
    headings: lists[a[23]] as string[], paragraph: spans[a[24]] as Span, rules: lists[a[25]] as string[],
    role: str(a[26]) as Claim['role'], roleRule: str(a[27]),
  }));
  function withNominees(i: number, c: Claim): Claim {
    return i < 0 ? c : { ...c, nominees: lists[i] as string[] };
  }
  // the parsed object is new and ours: fill in its place-holders rather than copy it
  const whole = result as { -readonly [K in keyof DocumentResult]: DocumentResult[K] };
  whole.claims = claims;
  whole.coverage = rows.coverage.map((a): CoverageCell => ({ nominee: str(a[0] as number), criterion: str(a[1] as number), claims: a[2] as number, strongest: opt(a[3] as number), score: a[4] as number, evidence: a[5] === 1 }));
  if (path !== undefined) whole.path = path;
  return { result: whole, text };
}
