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
 * Claims with the same heading path, rule list or terms share one (read-only) array.
 */
import type { Claim, CriterionLink, DocumentResult } from './analyse.js';

export interface CachedAnalysis { readonly result: DocumentResult; readonly text: string }

/** Part of the cache key: a change of layout misses instead of misreading. */
export const STORAGE_FORMAT = 'number-rows-3';

/**
 * One claim, field by field in the order of the Claim interface; s = an index into the string
 * table, -1 for null. The criteria come last, three numbers each: id (s), score, terms (list).
 */
type ClaimRow = readonly [
  id: number, nominee: number, start: number, end: number, text: number, value: number, from: number | null,
  approx: number, unit: number, category: number, direction: number, period: number,
  sentenceStart: number, sentenceEnd: number, section: number,
  unitWritten: number, low: number | null, high: number | null, baseline: number, rateUnit: number, rateText: number,
  periodStart: number, periodEnd: number, fromStart: number, fromEnd: number, headings: number,
  paragraphStart: number, paragraphEnd: number, rules: number,
  ...criteria: number[],
];
const CRITERIA_AT = 29;

interface Rows {
  /** UTF-16 lengths of the pieces of the UTF-16 part: result JSON, text, then each string */
  readonly lengths: readonly number[];
  /** lists of strings (heading paths, rule lists, terms), as string indices */
  readonly lists: ReadonlyArray<readonly number[]>;
  readonly claims: readonly ClaimRow[];
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
  const strings = new Interner<string>((s) => s);
  const s = (x: string | null): number => (x === null ? -1 : strings.of(x));
  const lists = new Interner<readonly number[]>((l) => l.join(','));
  const list = (xs: readonly string[]): number => lists.of(xs.map((x) => strings.of(x)));
  const claims = value.result.claims.map((c): ClaimRow => [
    s(c.id), s(c.nominee), c.start, c.end, s(c.text), c.value, c.from, s(c.approx), s(c.unit), s(c.category), s(c.direction), s(c.period),
    c.sentence.start, c.sentence.end, s(c.section), s(c.unitWritten), c.low, c.high, s(c.baseline), s(c.rate?.unit ?? null), s(c.rate?.text ?? null),
    c.periodSpan?.start ?? -1, c.periodSpan?.end ?? -1, c.fromSpan?.start ?? -1, c.fromSpan?.end ?? -1, list(c.headings),
    c.paragraph.start, c.paragraph.end, list(c.rules),
    ...c.criteria.flatMap((l) => [strings.of(l.id), l.score, list(l.terms)]),
  ]);
  const rest = JSON.stringify({ ...value.result, claims: 0 });
  const pieces = [rest, value.text, ...strings.values];
  const rows: Rows = { lengths: pieces.map((p) => p.length), lists: lists.values, claims };
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
  const result = JSON.parse(all.slice(0, restLength)) as Omit<DocumentResult, 'claims'>;
  const text = all.slice(restLength, restLength + textLength);
  const strings: string[] = new Array(rows.lengths.length - 2);
  for (let i = 2, at = restLength + textLength; i < rows.lengths.length; i++) {
    const len = rows.lengths[i] as number;
    strings[i - 2] = all.slice(at, at + len);
    at += len;
  }
  const lists = rows.lists.map((l) => l.map((i) => strings[i] as string));
  const str = (i: number): string => strings[i] as string;
  const opt = (i: number): string | null => (i < 0 ? null : strings[i] as string);
  const claims = rows.claims.map((a): Claim => {
    const criteria: CriterionLink[] = [];
    for (let i = CRITERIA_AT; i + 2 < a.length; i += 3) criteria.push({ id: str(a[i] as number), score: a[i + 1] as number, terms: lists[a[i + 2] as number] as string[] });
    return {
      id: str(a[0]), nominee: opt(a[1]), start: a[2], end: a[3], text: str(a[4]), value: a[5], from: a[6],
      approx: str(a[7]) as Claim['approx'], unit: str(a[8]), category: str(a[9]) as Claim['category'], direction: opt(a[10]) as Claim['direction'],
      period: opt(a[11]), sentence: { start: a[12], end: a[13] }, section: opt(a[14]), criteria,
      unitWritten: str(a[15]), low: a[16], high: a[17], baseline: opt(a[18]),
      rate: a[19] < 0 ? null : { unit: str(a[19]) as NonNullable<Claim['rate']>['unit'], text: str(a[20]) },
      periodSpan: a[21] < 0 ? null : { start: a[21], end: a[22] }, fromSpan: a[23] < 0 ? null : { start: a[23], end: a[24] },
      headings: lists[a[25]] as string[], paragraph: { start: a[26], end: a[27] }, rules: lists[a[28]] as string[],
    };
  });
  return { result: path === undefined ? { ...result, claims } : { ...result, path, claims }, text };
}
