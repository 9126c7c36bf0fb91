/** How claims, statuses and criteria read on screen. */
import type { Claim } from '../analyse.js';
import type { Status } from '../review/store.js';

export const STATUS_MARK: Record<Status, string> = { verified: '✓', disputed: '✗', needs_evidence: '?', unreviewed: '·' };
export const STATUS_COLOR: Record<Status, string> = { verified: 'green', disputed: 'red', needs_evidence: 'yellow', unreviewed: 'gray' };
export const APPROX_MARK: Record<string, string> = { exact: '', over: '>', at_least: '≥', under: '<', at_most: '≤', about: '≈' };
export const CATEGORY_SHORT: Record<string, string> = {
  cases_resolved: 'resolved', percent_change: 'change', share: 'share', amount: 'amount', headcount: 'people', count: 'count', duration: 'duration',
};

function num(v: number): string {
  return Number.isInteger(v) ? v.toLocaleString('en-US') : String(v);
}

/** 7000余万元 -> ">7,000万元"; 96.5% -> "96.5%"; 701件 -> "701 件". */
export function valueText(c: Claim): string {
  const a = APPROX_MARK[c.approx] ?? '';
  if (c.unit === '元' && c.value >= 10000) return `${a}${num(Math.round((c.value / 10000) * 100) / 100)}万元`;
  if (c.unit === '%') return `${a}${num(c.value)}%`;
  const from = c.from !== null ? `${num(c.from)}→` : '';
  return `${a}${from}${num(c.value)} ${c.unit}`.trim();
}

export function criterionShort(id: string): string {
  return id.replace('collective-', 'C').replace('individual-general', 'I-gen').replace('individual-', 'I');
}
