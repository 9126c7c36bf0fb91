/** A claim as extraction finds it, in view offsets, before it becomes a contract claim; and the categories. */
import type { Approx, RateUnit } from '../dictionaries.js';
import type { Range } from '../structure/range.js';
import type { Role } from './roles.js';

export type Category = 'cases_resolved' | 'percent_change' | 'share' | 'amount' | 'headcount' | 'count' | 'duration';
export const CATEGORIES: readonly Category[] = ['cases_resolved', 'percent_change', 'share', 'amount', 'headcount', 'count', 'duration'];

export interface ViewClaim {
  start: number;
  end: number;
  value: number;
  from: number | null;
  fromRange: Range | null;
  approx: Approx;
  unit: string;
  /** the unit exactly as it stands in the text, scale included (万元, 亿多元 -> 亿元) */
  unitWritten: string;
  category: Category;
  direction: 'down' | 'up' | null;
  baseline: string | null;
  period: { text: string; start: number; end: number } | null;
  rate: { unit: RateUnit; text: string } | null;
  low: number | null;
  high: number | null;
  numberRange: Range;
  rules: string[];
  /** achievement of the subject, or context around it (money at stake, an incident …) */
  role: Role;
  /** the rule that decided `role` */
  roleRule: string;
}

