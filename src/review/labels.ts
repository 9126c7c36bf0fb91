/**
 * The reviewers' corrections as development-set labels (../shared/dev/README.md): per document,
 * a label file {text, source, nominees, claims: [{at, num, nominee, value, approx, category,
 * tier}], ignore, negatives, arithmetic} made from the extractor's claims with the corrections
 * applied — noise becomes a negative, corrected fields are the labelled ones, added claims are
 * labels — so that what reviewers fixed can measure the extractor later (score.py, or
 * test/quality/score.ts, scores an extraction against them).
 *
 * `at` is the UTF-16 offset of the numeral's first character in the decoded text (the text that
 * `shiji extract --text` prints; for a UTF-8 text file without BOM, the file as read), `num` the
 * numeral as written there. A claim's tier is core for an achievement, minor for context.
 */
import type { Claim, DocumentResult } from '../types.js';

export interface LabelClaim {
  readonly at: number;
  readonly num: string;
  readonly nominee: string;
  readonly value: number;
  readonly approx: string;
  readonly category: string;
  readonly tier: 'core' | 'minor';
  /** a figure that belongs to several nominees together (二人共调解…): all of them, `nominee` first */
  readonly nominees?: readonly string[];
}

export interface LabelFile {
  readonly text: string;
  readonly source: string;
  readonly nominees: readonly string[];
  readonly claims: readonly LabelClaim[];
  readonly ignore: readonly number[];
  readonly negatives: readonly number[];
  readonly arithmetic: ReadonlyArray<{ readonly at: number; readonly why: string }>;
  /** beyond the dev-set format: the content hash the offsets refer to, and how the labels were made */
  readonly sha256: string;
  readonly labelledBy: string;
}

const NUMERAL = /[0-9０-９零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟数几半]/;
const NUMERAL_RUN = /^[0-9０-９零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟数几半.,．，]+/;

/** Where a claim's numeral starts in the text, and the numeral as written. */
export function numeralOf(text: string, c: Pick<Claim, 'start' | 'end'>): { at: number; num: string } {
  const span = text.slice(c.start, c.end);
  const i = span.search(NUMERAL);
  if (i < 0) return { at: c.start, num: span };
  const run = NUMERAL_RUN.exec(span.slice(i))?.[0] ?? span[i] as string;
  return { at: c.start + i, num: run.replace(/[.,．，]+$/, '') };
}

/** The label file of one document whose claims have the corrections applied (correctedResult). */
export function labelFile(result: DocumentResult, text: string, reviewers: readonly string[] = []): LabelFile {
  const name = (id: string | null): string => result.nominees.find((n) => n.id === id)?.name ?? '';
  const claims: LabelClaim[] = [];
  const negatives: number[] = [];
  for (const c of result.claims) {
    const { at, num } = numeralOf(text, c);
    if (c.notAClaim) { negatives.push(at); continue; }
    claims.push({ at, num, nominee: name(c.nominee), value: c.from ?? c.value, approx: c.approx, category: c.category, tier: c.role === 'context' ? 'minor' : 'core' });
  }
  return {
    text: result.path, source: result.path, nominees: result.nominees.map((n) => n.name), claims: claims.sort((a, b) => a.at - b.at),
    ignore: [], negatives: negatives.sort((a, b) => a - b), arithmetic: [], sha256: result.sha256,
    labelledBy: `shiji's extraction with the corrections of ${reviewers.length > 0 ? reviewers.join(', ') : 'no reviewer'}`,
  };
}
