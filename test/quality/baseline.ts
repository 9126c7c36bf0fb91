/**
 * The general recognizer the project measures itself against: Microsoft Recognizers-Text
 * (zh-cn numbers and percentages), its results put in the claim shape so that the same scorer
 * reads them. It has no notion of approximation, category or subject: every figure is exact, a
 * count (a percentage a share), and nobody's.
 */
import Recognizers from '@microsoft/recognizers-text-number';
import type { Claim, DocumentResult } from '../../src/index.js';

interface Found { start: number; end: number; text: string; resolution?: { value?: string } }

export function recognizerDocument(text: string): DocumentResult {
  const numbers = Recognizers.recognizeNumber(text, Recognizers.Culture.Chinese) as Found[];
  const percents = Recognizers.recognizePercentage(text, Recognizers.Culture.Chinese) as Found[];
  // a percentage covers the number inside it
  const all = [...percents.map((f) => ({ f, percent: true })), ...numbers.map((f) => ({ f, percent: false }))];
  const kept: Array<{ f: Found; percent: boolean }> = [];
  for (const x of all) if (!kept.some((k) => x.f.start <= k.f.end && x.f.end >= k.f.start)) kept.push(x);
  const claims = kept.sort((a, b) => a.f.start - b.f.start).map(({ f, percent }, i) => ({
    id: `r${i}`, nominee: null, start: f.start, end: f.end + 1, text: text.slice(f.start, f.end + 1),
    value: Number(String(f.resolution?.value ?? '').replace(/[%,]/g, '')), from: null, approx: 'exact',
    unit: percent ? '%' : '', category: percent ? 'share' : 'count',
  }) as unknown as Claim);
  return { claims, nominees: [], checks: [] } as unknown as DocumentResult;
}
