/**
 * A missed figure read by the extractor's own stages, for a claim a reviewer adds (corrections.ts).
 * Apart from corrections.ts so that reading corrections does not load the extractor (the review
 * UI loads this when a figure is added).
 */
import type { Figure } from './corrections.js';
import { loadDictionaries, type Dictionaries } from '../dictionaries.js';
import { buildView } from '../read/view.js';
import { ParagraphContext, lexicon, round } from '../extract/context.js';
import { numeralAt } from '../extract/find.js';
import { readNumeral } from '../extract/parse.js';
import { classify } from '../extract/classify.js';
import { scopeAt } from '../extract/scope.js';

/**
 * The figure at a span as the extractor reads it: the paragraph's normalized view, then find,
 * parse, classify and scope at the first numeral inside the span — the same stages and tables
 * extraction runs, without the rejection rules (a reviewer adds what they rejected). When the
 * span holds no numeral the parser can read, a plain count of the digits in it.
 */
export function figureAt(text: string, span: { start: number; end: number }, paragraph: { start: number; end: number }, dicts: Dictionaries = loadDictionaries()): Figure {
  const p = { start: Math.min(paragraph.start, span.start), end: Math.max(paragraph.end, span.end) };
  const view = buildView(text.slice(p.start, p.end));
  const local = (i: number): number => { let v = 0; while (v < view.text.length && (view.map[v] as number) < i - p.start) v++; return v; };
  const vs = local(span.start);
  const ve = Math.max(vs + 1, local(span.end));
  const lx = lexicon(dicts);
  const range = { start: 0, end: view.text.length };
  const ctx = new ParagraphContext(view.text, range, lx);
  for (let i = vs; i < ve; i++) {
    const num = numeralAt(view.text, i, range);
    if (!num) continue;
    const r = readNumeral(view.text, num, ctx, lx);
    if (!r) continue;
    const kind = classify(view.text, r, ctx, lx);
    const { period } = scopeAt(view.text, r.start, ctx, lx);
    return {
      value: round(r.rangeLow ?? r.value), approx: r.approx, unit: r.unit.kind === 'money' ? '元' : r.unit.unit, unitWritten: r.unitWritten,
      category: kind?.category ?? 'count', direction: kind?.direction ?? null, period: period?.text ?? null, rules: ['review:added', ...r.rules],
    };
  }
  const typed = text.slice(span.start, span.end);
  const digits = /\d+(?:\.\d+)?/.exec(typed.replace(/[,，]/g, ''));
  const unit = digits ? typed.slice(typed.indexOf(digits[0].slice(-1)) + 1).trim() : '';
  return { value: digits ? Number(digits[0]) : 0, approx: 'exact', unit, unitWritten: unit, category: 'count', direction: null, period: null, rules: ['review:added', 'review:unparsed'] };
}

