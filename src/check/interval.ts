/**
 * Figures as intervals. A check compares intervals and fires only when they cannot meet, so
 * every bound here is generous: a check must never fire on a reading the text allows.
 */
import type { Approx } from '../dictionaries.js';
import type { CheckClaim } from './types.js';

export type Interval = readonly [number, number];

/** The values a figure can stand for, from its value and approximation alone. */
export function intervalOf(value: number, approx: Approx): Interval {
  switch (approx) {
    case 'exact': return [value, value];
    case 'over': case 'at_least': return [value, value * 2];
    case 'under': case 'at_most': return [value * 0.5, value];
    case 'about': return [value * 0.8, value * 1.2];
  }
}

/** The place of a figure's last significant digit: 300 -> 100, 12,600,000 (1260万) -> 100,000, 42000 (4.2万) -> 1000. */
export function lastPlace(v: number): number {
  if (!(v > 0)) return 1;
  for (let k = Math.floor(Math.log10(v)); k > -6; k--) {
    const p = 10 ** k;
    const r = v / p;
    if (Math.abs(r - Math.round(r)) < 1e-6 * Math.max(1, r)) return p;
  }
  return 1e-6;
}

/** 余 and 多 right after the digits (300余件, 八百多件, 1,260余万元): more, by less than one unit of the last digit. */
const NUMERAL_HEDGE = /^hedge:after-number:[余多]$/;

/** A figure as an interval, honouring its approximation as written. */
export function claimInterval(c: Pick<CheckClaim, 'value' | 'approx' | 'rules' | 'low' | 'high'>): Interval {
  const base = intervalOf(c.value, c.approx);
  // 十几, 两三万: the numeral gives its own range
  if (c.low !== undefined && c.low !== null && c.high !== undefined && c.high !== null) {
    return [Math.min(base[0], c.low), Math.max(c.approx === 'exact' ? c.value : base[1], c.high)];
  }
  if (c.approx === 'over' && c.rules.some((r) => NUMERAL_HEDGE.test(r)) && !c.rules.some((r) => r.startsWith('hedge:after-unit') || r.startsWith('hedge:before') || r.startsWith('hedge:shared'))) {
    return [c.value, c.value + lastPlace(c.value)];
  }
  return base;
}

/** The hedge of the earlier value of a from->to change, read from its own text (300余件, 约120件). */
export function fromInterval(value: number, written: string): Interval {
  const s = written.replace(/\s+/g, '');
  if (/^(?:大约|约|左右)/.test(s) || /左右/.test(s)) return intervalOf(value, 'about');
  if (/^(?:近|将近|接近|不到)/.test(s)) return intervalOf(value, 'under');
  if (/^(?:超过|逾|不少于|至少)/.test(s) || /以上/.test(s)) return intervalOf(value, 'at_least');
  if (/^[0-9０-９.,，一二两三四五六七八九十百千万亿〇零]+[余多]/.test(s)) return [value, value + lastPlace(value)];
  return [value, value];
}

const toAscii = (s: string): string => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/．/g, '.');

/** A stated percentage, widened by one unit of its last written digit (truncation and rounding), or by 5 points when written in words. */
export function statedInterval(c: Pick<CheckClaim, 'value' | 'approx' | 'start' | 'end'>, text: string): Interval {
  const written = toAscii(text.slice(c.start, c.end));
  const digits = /(\d+)(?:\.(\d+))?/.exec(written);
  const decimals = digits?.[2]?.length ?? 0;
  // 六成, 三分之二: a proportion in words is a rough one (六成 for 55%…65%)
  const tol = /成|分之/.test(written) ? 5 : 10 ** -decimals + 1e-9;
  const v = c.value;
  switch (c.approx) {
    case 'exact': return [v - tol, v + tol];
    case 'over': case 'at_least': return [v - tol, Number.POSITIVE_INFINITY];
    case 'under': case 'at_most': return [0, v + tol];
    case 'about': return [v * 0.8 - tol, v * 1.2 + tol];
  }
}

/** A stated ratio without a unit (收结比为0.98), widened by one unit of its last decimal. */
export function statedRatio(c: Pick<CheckClaim, 'value' | 'start' | 'end'>, text: string): Interval {
  const m = /\.(\d+)/.exec(toAscii(text.slice(c.start, c.end)));
  const tol = 10 ** -(m?.[1]?.length ?? 0) + 1e-9;
  return [c.value - tol, c.value + tol];
}

export const meets = (a: Interval, b: Interval): boolean => a[0] <= b[1] && b[0] <= a[1];
export const div = (a: Interval, b: Interval): Interval => [a[0] / b[1], a[1] / b[0]];
export const sub = (a: Interval, b: Interval): Interval => [a[0] - b[1], a[1] - b[0]];
export const add = (a: Interval, b: Interval): Interval => [a[0] + b[0], a[1] + b[1]];
export const scale = (a: Interval, k: number): Interval => (k >= 0 ? [a[0] * k, a[1] * k] : [a[1] * k, a[0] * k]);
export const mid = (a: Interval): number => Math.round(((a[0] + a[1]) / 2) * 100) / 100;
export const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(Math.abs(n) < 10 ? 2 : 1));
export const signed = (n: number): string => `${n >= 0 ? '+' : '−'}${fmt(Math.abs(n))}%`;
/** An interval for a message: one figure when it is one, else low–high. */
export const range = (a: Interval, pct = false): string => {
  const r = (n: number): string => fmt(Math.round(n * 10) / 10);
  const u = pct ? '%' : '';
  return Math.abs(a[1] - a[0]) < 1e-9 ? `${r(a[0])}${u}` : `${r(a[0])}${u}…${r(a[1])}${u}`;
};
