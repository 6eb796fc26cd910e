import type { Band, Catalogue, Indicator, QualitativeStatus, Target, Tolerance } from './catalogue/schema';
import { excelRound, sum15, to15 } from './excel-round';
import { comparePeriods, formatPeriod, type Period } from './period';
import { decimalsOf, isDue, targetFor, toleranceOf } from './catalogue/accessors';

export const RAG_STATUSES = ['Blue', 'Green', 'Amber', 'Red', 'Complete', 'Tracking', 'Not due', 'Missing'] as const;
export type RagStatus = (typeof RAG_STATUSES)[number];
/** Statuses that count in RAG summaries (Not due and Tracking never count). */
export const COUNTED_STATUSES: readonly RagStatus[] = ['Blue', 'Green', 'Amber', 'Red', 'Complete', 'Missing'];

type Defaults = Catalogue['defaults'];

/**
 * The comparison an indicator makes in one financial year, as plain numbers, so that the live sheet
 * formula can compare against exactly the same stored values as this module.
 * Invariants: higher → amberFrom ≤ target ≤ blueAbove; lower → blueBelow ≤ target ≤ amberTo.
 */
export type RagRule =
  | { readonly kind: 'tracking'; readonly decimals: number }
  | { readonly kind: 'higher'; readonly decimals: number; readonly target: number; readonly amberFrom: number; readonly blueAbove?: number }
  | { readonly kind: 'lower'; readonly decimals: number; readonly target: number; readonly amberTo: number; readonly blueBelow?: number }
  | { readonly kind: 'range'; readonly decimals: number; readonly band: Band; readonly amberFrom: number; readonly amberTo: number };

/** Tolerance t as an amount: target × p / 100 for a relative tolerance, else the absolute value. */
export function toleranceAmount(tol: Tolerance, target: number): number {
  return 'relative' in tol ? to15((Math.abs(target) * tol.relative) / 100) : tol.absolute;
}

export function ragRule(ind: Indicator, year: string, defaults?: Defaults): RagRule {
  const decimals = decimalsOf(ind, defaults);
  const target = targetFor(ind, year);
  if (ind.kind !== 'quantitative' || !ind.polarity || ind.polarity === 'none' || target === null) return { kind: 'tracking', decimals };
  const tol = toleranceOf(ind, defaults);
  if (ind.polarity === 'range') {
    if (typeof target === 'number') return { kind: 'tracking', decimals };
    return {
      kind: 'range', decimals, band: target,
      amberFrom: sum15(target.min, -toleranceAmount(tol, target.min)),
      amberTo: sum15(target.max, toleranceAmount(tol, target.max)),
    };
  }
  if (typeof target !== 'number') return { kind: 'tracking', decimals };
  const floor = ind.floor?.[year];
  const t = floor !== undefined ? Math.abs(sum15(target, -floor)) : toleranceAmount(tol, target);
  if (ind.polarity === 'higher') {
    const rule = { kind: 'higher' as const, decimals, target, amberFrom: floor ?? sum15(target, -t) };
    return ind.blue ? { ...rule, blueAbove: sum15(target, t) } : rule;
  }
  const rule = { kind: 'lower' as const, decimals, target, amberTo: floor ?? sum15(target, t) };
  return ind.blue ? { ...rule, blueBelow: sum15(target, -t) } : rule;
}

/** Compare an already-rounded actual with a rule. */
export function compareWithRule(rule: RagRule, rounded: number): RagStatus {
  switch (rule.kind) {
    case 'tracking':
      return 'Tracking';
    case 'higher':
      if (rule.blueAbove !== undefined && rounded > rule.blueAbove) return 'Blue';
      return rounded >= rule.target ? 'Green' : rounded >= rule.amberFrom ? 'Amber' : 'Red';
    case 'lower':
      if (rule.blueBelow !== undefined && rounded < rule.blueBelow) return 'Blue';
      return rounded <= rule.target ? 'Green' : rounded <= rule.amberTo ? 'Amber' : 'Red';
    case 'range':
      if (rounded >= rule.band.min && rounded <= rule.band.max) return 'Green';
      return rounded >= rule.amberFrom && rounded <= rule.amberTo ? 'Amber' : 'Red';
  }
}

export const QUALITATIVE_RAG: Readonly<Record<QualitativeStatus, RagStatus>> = {
  'On track': 'Green',
  'At risk': 'Amber',
  'Off track': 'Red',
  Complete: 'Complete',
};

export interface RagInput {
  readonly indicator: Indicator;
  readonly period: Period;
  readonly defaults?: Defaults;
  /** In catalogue units: percent as 0-100. */
  readonly actual?: number | null;
  readonly status?: QualitativeStatus | null;
  /** The period the value was measured in, when older than `period` (last available result). */
  readonly dataPeriod?: Period;
}

export interface RagResult {
  readonly status: RagStatus;
  /** The period whose data the status rests on. */
  readonly dataPeriod: string;
  /** True when that data is older than the reporting period. */
  readonly stale: boolean;
  readonly rounded?: number;
  readonly target?: Target;
}

/** RAG per PRODUCT.md, in its order: Not due, Missing, Tracking, then the comparison. */
export function rag(input: RagInput): RagResult {
  const { indicator: ind, period } = input;
  const dataPeriod = input.dataPeriod ?? period;
  const base = { dataPeriod: formatPeriod(dataPeriod), stale: comparePeriods(dataPeriod, period) < 0 };
  // Not due comes first. Only a value carried forward from an earlier period (the last result, shown
  // stale) is rated when the measure is not due now; a value dated this period is not.
  if (!isDue(ind, period) && !base.stale) return { status: 'Not due', ...base };
  if (ind.kind === 'qualitative') {
    const s = input.status;
    // A status outside the list is a validation error elsewhere; here it is no status, never a colour.
    const known = s && Object.prototype.hasOwnProperty.call(QUALITATIVE_RAG, s) ? QUALITATIVE_RAG[s] : undefined;
    return { status: known ?? 'Missing', ...base };
  }
  const actual = input.actual;
  if (actual === null || actual === undefined || !Number.isFinite(actual)) return { status: 'Missing', ...base };
  const rule = ragRule(ind, dataPeriod.year, input.defaults);
  const rounded = excelRound(actual, rule.decimals);
  const target = targetFor(ind, dataPeriod.year);
  return { status: compareWithRule(rule, rounded), rounded, target, ...base };
}

/**
 * RAG of a count only known to be below N (`<5`): the status every possible value 0 … N−1
 * gives, or undefined when they disagree (then the lead must give the number).
 * 0 is included on purpose even though the Cabinet sheet shows zero: it can only make the answer
 * undefined more often, never give a colour that one of the possible values would not.
 */
export function ragOfSuppressed(input: Omit<RagInput, 'actual'>, below: number): RagResult | undefined {
  let first: RagResult | undefined;
  for (let v = 0; v < below; v++) {
    const r = rag({ ...input, actual: v });
    if (first && r.status !== first.status) return undefined;
    first ??= r;
  }
  if (!first) return undefined;
  const { rounded: _rounded, ...rest } = first;
  return rest;
}
